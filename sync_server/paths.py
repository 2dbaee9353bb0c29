"""Where the server keeps its files: --home flag > SYNC_SERVER_HOME > the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "SYNC_SERVER_HOME"


def server_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR])
    else:
        path = Path(platformdirs.user_data_dir("alliance-sync-server", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
