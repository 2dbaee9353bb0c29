"""`pos-terminal app`: the counter app (PySide6 window). See terminal_app/ui/app.py."""

from __future__ import annotations

import argparse

from terminal_app.paths import terminal_home


def cmd_app(args: argparse.Namespace) -> int:
    from terminal_app.ui.app import run_app

    return run_app(terminal_home(args.home), server_url=args.server)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("app", help="open the counter app window")
    p.add_argument("--server", help="HQ sync server URL (default: none, offline)")
    p.set_defaults(func=cmd_app)
