"""An online decision holds one database connection and never asks for a second one while it does.

Every pooled connection can be held by a request queued on the books lock; the decision holding
the lock then waits for a connection that only its own end would free (the pool's timeout, then an
error: seen as SERVER_ERROR in the 50-terminal test on PostgreSQL, once the books settings' memo had
run out in the middle of a decision). Here HQ has one pooled connection only, so any second one
taken inside a decision fails at once."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from sync_server.demo import init_demo
from sync_server.hq import HQ
from sync_server.hq_keys import KeyRing
from sync_server.local import start_local_server
from sync_server.settings import ServerSettings

from .conftest import RunningServer, create_pg_database, drop_pg_database, enroll_terminal
from .online_kit import Asker, new_member


@pytest.fixture
def one_connection_server(pg_admin, tmp_path: Path):
    name, url = create_pg_database()
    home = tmp_path / "hq"
    KeyRing.create(home / "keys", int(time.time()) - 86_400)
    hq = HQ.open(ServerSettings(home=home, database_url=url))
    demo = init_demo(hq, terminals_per_merchant=1)
    hq.engine.dispose()
    hq.engine = hq.reader = hq.bundles.engine = create_engine(
        "postgresql+psycopg://" + url[len("postgresql://") :], pool_size=1, max_overflow=0, pool_timeout=1
    )
    running = RunningServer(hq, demo, start_local_server(hq))
    yield running
    running.stop()
    hq.engine.dispose()
    drop_pg_database(name)


def test_an_online_decision_reads_the_books_settings_with_its_own_connection(
    one_connection_server: RunningServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = one_connection_server
    member = new_member(server, tmp_path, 5_000)
    asker = Asker(server, enroll_terminal(server, tmp_path / "till", "M-CAFE"))
    try:
        # The memo runs out at every read, as it does now and then between a request's early checks
        # and its decision: the decision reads the books settings itself.
        monkeypatch.setattr("sync_server.hq.BUNDLE_MEMO_S", 0.0)
        answer = asker.authorise(asker.purchase(member.next_code(), 10_000, 1_000))
        assert getattr(answer, "decision", None) == "approved", answer  # before: SERVER_ERROR (pool timeout)
    finally:
        asker.close()


def test_no_free_connection_is_a_typed_busy_answer_that_changes_nothing(
    one_connection_server: RunningServer, tmp_path: Path
) -> None:
    server = one_connection_server
    member = new_member(server, tmp_path, 5_000)
    asker = Asker(server, enroll_terminal(server, tmp_path / "till", "M-CAFE"))
    try:
        intent = asker.purchase(member.next_code(), 10_000, 1_000)
        payload = json.dumps({"record": intent}).encode()
        with server.hq.engine.connect():  # the one pooled connection, taken
            busy = asker.post("/v1/terminal/authorisations", payload)
        assert busy.status_code == 503 and busy.headers["Retry-After"] == "1"
        assert busy.json()["reason"] == "SERVER_BUSY" and busy.json()["message_zh"]
        assert asker.authorisation(intent["seq"]) is None  # nothing was reserved
        assert getattr(asker.authorise(intent), "decision", None) == "approved"  # the same intent, later
    finally:
        asker.close()
