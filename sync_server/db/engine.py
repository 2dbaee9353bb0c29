"""Engines for the server: SQLite (embedded default; alliance_common.sqlite: WAL + FULL + BEGIN
IMMEDIATE) or PostgreSQL (psycopg 3, a pool per process), and the schema migrated with Alembic."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError

from alliance_common import migrations
from alliance_common.sqlite import READER, sqlite_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000  # several workers share the one writer
IDLE_PING_S = 10.0  # a pooled PostgreSQL connection idle longer than this is pinged before use


def make_engine(url: str, *, idle_ping_s: float = IDLE_PING_S) -> Engine:
    if url.startswith("sqlite"):
        return sqlite_engine(url, busy_timeout_ms=SQLITE_BUSY_TIMEOUT_MS)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    # LIFO: the connection used last is used next (it is the one known to work, and the others
    # stay idle long enough to be pinged, or to be closed by the server's idle timeout).
    engine = create_engine(url, pool_size=10, max_overflow=20, pool_use_lifo=True)
    ping_after_idle(engine, idle_ping_s)
    return engine


def ping_after_idle(engine: Engine, idle_s: float) -> None:
    """SQLAlchemy's pool_pre_ping, only for a connection that sat in the pool longer than `idle_s`:
    a round trip to the database saved on every other checkout (each request takes one). A
    connection found dead is replaced before the request uses it. One that died less than `idle_s`
    after its last use (the database restarted meanwhile) fails its request's first statement: that
    request gets 503 SERVER_BUSY (sync_server/errors.py), and the pool, knowing the database went
    away, replaces every connection it had before the failure."""

    @event.listens_for(engine.pool, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.pool, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop("idle_since", None)
        if since is None or time.monotonic() - since <= idle_s:
            return  # a new connection, or one in use a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # noqa: BLE001 - whatever the ping met, the pool takes a new one
            raise DisconnectionError(f"a pooled connection idle {time.monotonic() - since:.0f} s "
                                     f"is gone ({type(exc).__name__})") from exc


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
