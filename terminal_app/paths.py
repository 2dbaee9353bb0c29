"""Where the terminal keeps its files: --home flag > POS_TERMINAL_HOME > the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "POS_TERMINAL_HOME"


def terminal_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR])
    else:
        path = Path(platformdirs.user_data_dir("alliance-pos-terminal", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
