"""PostgreSQL's pooled connections are pinged only after sitting idle (sync_server/db/engine.py
ping_after_idle): one idle past the limit whose server process is gone is replaced before anyone
uses it; one used a moment ago is not pinged (a round trip saved per request), so if its server
process died meanwhile its next statement fails as a disconnect (a request answers 503
SERVER_BUSY) and the pool replaces it for the next."""

from __future__ import annotations

import time

import psycopg
import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from sync_server.db.engine import make_engine

from .conftest import PG_ADMIN, create_pg_database, drop_pg_database


@pytest.fixture
def pg_url(pg_admin: str):
    name, url = create_pg_database()
    yield url
    drop_pg_database(name)


def backend_pid(engine: Engine) -> int:
    with engine.connect() as c:
        return int(c.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def kill_backend(pid: int) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        for _ in range(100):
            gone = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone()
            if gone is not None and gone[0] == 0:
                return
            time.sleep(0.02)
    raise AssertionError(f"backend {pid} still there")


def test_an_idle_connection_whose_server_process_died_is_replaced_before_use(pg_url: str) -> None:
    engine = make_engine(pg_url, idle_ping_s=0.2)
    try:
        pid = backend_pid(engine)
        kill_backend(pid)
        time.sleep(0.3)  # idle past the limit: pinged at checkout, found dead, replaced
        assert backend_pid(engine) != pid  # and no error on the way
    finally:
        engine.dispose()


def test_a_connection_used_a_moment_ago_is_not_pinged_and_replaced_after_its_failure(pg_url: str) -> None:
    engine = make_engine(pg_url, idle_ping_s=60)
    try:
        pid = backend_pid(engine)
        kill_backend(pid)
        with pytest.raises(DBAPIError) as failed, engine.connect() as c:
            c.exec_driver_sql("SELECT 1")
        assert failed.value.connection_invalidated  # what sync_server/errors.py answers 503 for
        assert backend_pid(engine) != pid
    finally:
        engine.dispose()
