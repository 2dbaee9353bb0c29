"""Alembic, run programmatically: each database's env.py takes the live connection from
`config.attributes["connection"]`, so a migration runs inside the caller's engine (its pragmas,
its BEGIN mode) and needs no alembic.ini or URL of its own."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine


def _config(script_location: Path) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return cfg


def upgrade(engine: Engine, script_location: Path, revision: str = "head") -> None:
    cfg = _config(script_location)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, script_location: Path, revision: str) -> None:
    cfg = _config(script_location)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)
