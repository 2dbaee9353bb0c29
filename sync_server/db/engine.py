"""Engines for the server: SQLite (embedded default; alliance_common.sqlite: WAL + FULL + BEGIN
IMMEDIATE) or PostgreSQL (psycopg 3, a pool per process), and the schema migrated with Alembic."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine

from alliance_common import migrations
from alliance_common.sqlite import READER, sqlite_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000  # several workers share the one writer


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        return sqlite_engine(url, busy_timeout_ms=SQLITE_BUSY_TIMEOUT_MS)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def reader_for(engine: Engine) -> Engine:
    """The engine for reads that must not wait for, or hold, the write lock. SQLite: a second engine
    on the file whose transactions begin deferred (under WAL a reader never waits for the writer;
    the writer engine's BEGIN IMMEDIATE would queue a read behind every write, and a read made while
    the same thread holds a write transaction would wait for itself). PostgreSQL: the engine itself."""
    if engine.dialect.name != "sqlite":
        return engine
    return sqlite_engine(engine.url.render_as_string(hide_password=False), begin=READER,
                         busy_timeout_ms=SQLITE_BUSY_TIMEOUT_MS)


def migrate(engine: Engine, revision: str = "head") -> None:
    migrations.upgrade(engine, MIGRATIONS, revision)
