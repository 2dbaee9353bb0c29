"""Where the terminal keeps its files: --home flag > POS_TERMINAL_HOME > the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

from alliance_common.cli import app_home

ENV_VAR = "POS_TERMINAL_HOME"


def terminal_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    return app_home(explicit, ENV_VAR, "alliance-pos-terminal")
