"""Where the server keeps its files: --home flag > SYNC_SERVER_HOME > the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

from alliance_common.cli import app_home

ENV_VAR = "SYNC_SERVER_HOME"


def server_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    return app_home(explicit, ENV_VAR, "alliance-sync-server")
