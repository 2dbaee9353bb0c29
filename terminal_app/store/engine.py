"""SQLite engines for the terminal (alliance_common.sqlite: WAL, synchronous=FULL, BEGIN IMMEDIATE
for writes) and its schema migrated with Alembic (alliance_common.migrations).

Two engines on one file: the writer begins every transaction with BEGIN IMMEDIATE (a deferred
transaction that later writes gets SQLITE_BUSY at once under WAL); the reader uses plain BEGIN
so log views never wait for the write lock.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from alliance_common import migrations
from alliance_common.sqlite import READER, WRITER, sqlite_engine

BUSY_TIMEOUT_MS = 5000
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def writer_engine(path: Path) -> Engine:
    return sqlite_engine(path, begin=WRITER, busy_timeout_ms=BUSY_TIMEOUT_MS)


def reader_engine(path: Path) -> Engine:
    return sqlite_engine(path, begin=READER, busy_timeout_ms=BUSY_TIMEOUT_MS)


def migrate(engine: Engine) -> None:
    """The store's schema to the newest revision (terminal_app/store/migrations)."""
    migrations.upgrade(engine, MIGRATIONS)
