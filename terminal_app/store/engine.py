"""SQLite engines for the terminal: WAL, synchronous=FULL, writes as BEGIN IMMEDIATE.

Two engines on one file: the writer begins every transaction with BEGIN IMMEDIATE (a deferred
transaction that later writes gets SQLITE_BUSY at once under WAL); the reader uses plain BEGIN
so log views never wait for the write lock. Pragmas are set in a `connect` listener.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def _make(path: Path, begin: str) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # pragma: no branch
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql(begin)

    return engine


def writer_engine(path: Path) -> Engine:
    return _make(path, "BEGIN IMMEDIATE")


def reader_engine(path: Path) -> Engine:
    return _make(path, "BEGIN")
