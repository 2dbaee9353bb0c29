"""Server fixtures: a real uvicorn on loopback over SQLite and over PostgreSQL.

PostgreSQL: each test session creates its own database on 127.0.0.1:5432 (user postgres) and
drops it afterwards. Without a reachable server the PostgreSQL variants skip with a clear
message, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import event

from sync_server.demo import init_demo
from sync_server.hq import HQ
from sync_server.hq_keys import KeyRing
from sync_server.local import LocalServer, start_local_server
from sync_server.settings import ServerSettings
from terminal_app.core.service import TerminalService
from terminal_app.store import open_store
from terminal_app.sync import SyncClient

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def _pg_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable here"
        return f"PostgreSQL at 127.0.0.1:5432 not reachable ({type(exc).__name__}: {exc})"


@pytest.fixture(scope="session")
def pg_admin() -> str:
    problem = _pg_available()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true requires PostgreSQL: {problem}")
        pytest.skip(problem)
    return PG_ADMIN


def create_pg_database() -> tuple[str, str]:
    import psycopg

    name = f"alliance_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, f"postgresql://postgres@127.0.0.1:5432/{name}"


def drop_pg_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path) -> str:
    """A database of the test's own (for a server process the test starts and kills itself)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hq' / 'server.sqlite3'}"
    request.getfixturevalue("pg_admin")
    name, url = create_pg_database()
    request.addfinalizer(lambda: drop_pg_database(name))
    return url


@dataclass
class RunningServer:
    hq: HQ
    demo: dict
    local: LocalServer

    @property
    def url(self) -> str:
        return self.local.url

    def stop(self) -> None:
        self.local.stop()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request, tmp_path_factory) -> RunningServer:
    home = tmp_path_factory.mktemp("hq")
    if request.param == "sqlite":
        url = f"sqlite:///{home / 'server.sqlite3'}"
    else:
        request.getfixturevalue("pg_admin")  # skip (or fail under CI) without PostgreSQL
        name, url = create_pg_database()
        request.addfinalizer(lambda: drop_pg_database(name))
    # An alliance whose keys have existed for 60 days (a terminal may replay a week of offline records).
    KeyRing.create(home / "keys", int(time.time()) - 60 * 86_400)
    hq = HQ.open(ServerSettings(home=home, database_url=url))
    demo = init_demo(hq, terminals_per_merchant=4)
    running = RunningServer(hq, demo, start_local_server(hq))
    yield running
    running.stop()
    hq.engine.dispose()


@dataclass
class Till:
    """An enrolled terminal: its store, its service, its sync client."""

    store: object
    service: TerminalService
    client: SyncClient
    terminal_id: str


def enroll_terminal(server: RunningServer, home: Path, merchant_id: str = "M-CAFE") -> Till:
    terminal_id, code = server.hq.create_terminal(merchant_id, "test till")
    store = open_store(home)
    client = SyncClient(store)
    identity = client.enroll(code, server.url)
    assert client.sync_once().ok
    return Till(store, TerminalService(store), client, identity.terminal_id)


@pytest.fixture
def till(server: RunningServer, tmp_path: Path) -> Till:
    t = enroll_terminal(server, tmp_path / "till")
    yield t
    t.client.close()
    t.store.close()


def issue_bundle_at(hq: HQ, at_s: int) -> tuple[int, bytes]:
    """A bundle version as if HQ had issued it at `at_s` (a terminal that went offline after that
    time decided its records with it). Returns (sequence, envelope)."""
    hq.current_bundle()  # (the version in force before it)
    return hq.bundles.issue(at_s)


def as_if_enrolled_at(hq: HQ, terminal_id: str, at_s: int) -> None:
    """HQ's record of when the terminal enrolled, moved back to `at_s` (a test's terminal that has
    been in service, and offline, since then: its first records may not be older than that)."""
    from sync_server.db.models import Terminal

    with hq.session() as s, s.begin():
        t = s.get(Terminal, terminal_id)
        t.enrolled_at = min(t.enrolled_at or at_s, at_s)


def code_fields(code: str) -> dict:
    """The record fields a code-bearing record carries for a member code."""
    from alliance_protocol.member_code import parse

    c = parse(code)
    return {"member_id": c.cert.member_id, "cert_serial": c.cert.serial, "counter": c.counter,
            "code_time": c.code_time, "tier": c.cert.tier, "code": code}


def priced(rules, tier: int, bill_fen: int, spend_points: int = 0, at_s: int | None = None, **ctx) -> dict:
    """The bill fields of an approved purchase as the rules give them (alliance_protocol.pricing)."""
    from alliance_protocol import records
    from alliance_protocol.pricing import EarnContext, is_member_day, local_date, price

    day = local_date(rules, at_s if at_s is not None else time.time())
    p = price(rules, tier=tier, bill_fen=bill_fen, spend_points=spend_points,
              ctx=EarnContext(member_day=is_member_day(rules, day), **ctx))
    return {"bill_fen": bill_fen, **records.bill_fields(p)}


def independent_delta(body: dict) -> int:
    """Written independently of the server's ingest: what one record does to a member's points.
    Tests compare the server's ledger with sums of this over the terminals' own journals."""
    if body["kind"] == "void":
        return body.get("reversed_points_spent", 0) - body.get("reversed_points_earned", 0) \
            if body["status"] == "approved" else 0
    if body["status"] in ("approved", "pending_verification"):
        return body.get("points_earned", 0) - body.get("points_spent", 0)
    return 0


@contextmanager
def counted(server: RunningServer) -> Iterator[tuple[list[str], list[object]]]:
    """The statements executed and the pooled connections checked out meanwhile (both engines)."""
    statements: list[str] = []
    checkouts: list[object] = []

    def executed(_conn, _cursor, statement: str, *_rest) -> None:
        statements.append(statement)

    def checked_out(*args: object) -> None:
        checkouts.append(args)

    engines = {server.hq.engine, server.hq.reader}
    for engine in engines:
        event.listen(engine, "before_cursor_execute", executed)
        event.listen(engine.pool, "checkout", checked_out)
    try:
        yield statements, checkouts
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", executed)
            event.remove(engine.pool, "checkout", checked_out)
