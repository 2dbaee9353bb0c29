"""SQLite engines, the same for the terminal's store and the embedded server database.

Every connection: WAL (readers never wait for the writer), synchronous=FULL (a transaction that
returned is on disk, power cut included), foreign keys on, a busy timeout. Python's sqlite3 module
is told to leave transactions alone (isolation_level None) and every transaction begins with
`begin`: "BEGIN IMMEDIATE" for an engine that writes (a deferred transaction that later writes
would get SQLITE_BUSY at once under WAL instead of waiting its turn), "BEGIN" for a read-only one
(log views never wait for the write lock).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

WRITER = "BEGIN IMMEDIATE"
READER = "BEGIN"


def sqlite_engine(target: str | Path, *, begin: str = WRITER, busy_timeout_ms: int = 5000) -> Engine:
    """An engine on a SQLite file (a path, or a `sqlite:///...` URL)."""
    url = target if isinstance(target, str) and target.startswith("sqlite") else f"sqlite:///{target}"
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # BEGIN is emitted below
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    return engine
