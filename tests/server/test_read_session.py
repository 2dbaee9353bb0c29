"""HQ's reads that may happen inside a write transaction (the books settings, read at most every
2 s, inside an online decision that holds the books lock) use hq.read_session: on SQLite its
transaction begins deferred, so it neither waits for the write lock its own thread holds (which
used to end, after the 30 s busy timeout, in "database is locked" while every other writer waited)
nor queues behind other writers; on PostgreSQL it is an ordinary read."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync_server.hq import HQ
from sync_server.settings import ServerSettings

from .conftest import create_pg_database, drop_pg_database


@pytest.fixture(params=["sqlite", "postgresql"])
def hq(request, tmp_path: Path):
    if request.param == "sqlite":
        url, name = f"sqlite:///{tmp_path / 'hq.sqlite3'}", None
    else:
        request.getfixturevalue("pg_admin")
        name, url = create_pg_database()
    hq = HQ.open(ServerSettings(home=tmp_path / "home", database_url=url), create_keys=True)
    yield hq
    hq.engine.dispose()
    hq.reader.dispose()
    if name:
        drop_pg_database(name)


def test_the_books_settings_read_inside_a_write_transaction_that_holds_the_books_lock(hq: HQ) -> None:
    with hq.session() as s, s.begin():
        hq.put_setting(s, "books", {"rebate_pct": 2})
    hq.books_changed()
    with hq.session() as s, s.begin():
        hq.lock_books(s)  # the write lock (SQLite) / the books row lock (PostgreSQL), held until commit
        hq.books_changed()  # the memo has run out meanwhile
        cfg = hq.books_config()  # (before: SQLite "database is locked" after the 30 s busy timeout)
    assert cfg.rebate_pct == 2
