"""Engines for the server: SQLite (embedded default; alliance_common.sqlite: WAL + FULL + BEGIN
IMMEDIATE) or PostgreSQL (psycopg 3, a pool per process), and the schema migrated with Alembic."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine

from alliance_common import migrations
from alliance_common.sqlite import sqlite_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000  # several workers share the one writer


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        return sqlite_engine(url, busy_timeout_ms=SQLITE_BUSY_TIMEOUT_MS)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def migrate(engine: Engine, revision: str = "head") -> None:
    migrations.upgrade(engine, MIGRATIONS, revision)
