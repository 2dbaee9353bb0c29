"""Helpers shared by pos-terminal subcommands: open the store under --home, build its verifier."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from alliance_protocol.verifier import OfflineVerifier

if TYPE_CHECKING:
    from terminal_app.store import Store


def open_store(args: argparse.Namespace) -> Store:
    from terminal_app.paths import terminal_home
    from terminal_app.store import open_store as _open

    return _open(terminal_home(getattr(args, "home", None)))


def open_verifier(args: argparse.Namespace) -> OfflineVerifier:
    """The terminal's verifier: its trust bundle, its server-corrected clock, its persisted replay guard
    (read only: a check never uses a code up)."""
    return open_store(args).verifier()


def print_json(value: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()
