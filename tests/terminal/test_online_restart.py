"""A counter SIGKILLed in the middle of an online authorisation, restarted: its pending intent is
resolved with HQ under the same key (terminal, seq), exactly once (docs/online-authorisation.md,
crash points). Real processes, a real HQ over HTTP on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from alliance_protocol.reasons import Reason
from sync_server.db.models import Authorisation, Member, Record
from terminal_app.core.journal import verify_journal
from terminal_app.core.service import TerminalService
from terminal_app.store import open_store
from terminal_app.sync import SyncClient
from terminal_app.sync.online import OnlineClient
from tests.server.conftest import RunningServer, enroll_terminal, pg_admin, server  # noqa: F401
from tests.server.online_kit import new_member

ROOT = Path(__file__).resolve().parents[2]


def run_victim(home: Path, when: str, code: str, bill_fen: int, spend: int) -> int:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.terminal.online_victim",
            str(home),
            when,
            code,
            str(bill_fen),
            str(spend),
        ],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    return proc.returncode


def hq_state(server: RunningServer, terminal_id: str, seq: int) -> tuple[str | None, Record | None]:  # noqa: F811
    with server.hq.session() as s:
        auth = s.scalar(
            select(Authorisation).where(Authorisation.terminal_id == terminal_id, Authorisation.seq == seq)
        )
        rec = s.scalar(select(Record).where(Record.terminal_id == terminal_id, Record.seq == seq))
        return (auth.state if auth else None), rec


def journal_bodies(store) -> list[dict]:
    with store.read() as tx:
        return [json.loads(e.body) for e in tx.journal.entries_after(0, 1000)]


@pytest.mark.parametrize(
    "when,hq_reachable", [("after-answer", True), ("before-asking", True), ("after-answer", False)]
)
def test_a_counter_killed_between_asking_and_journaling_resolves_on_restart_exactly_once(
    server: RunningServer,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
    when: str,
    hq_reachable: bool,
) -> None:
    member = new_member(server, tmp_path, 10_000)
    till = enroll_terminal(server, tmp_path / "till", "M-AUTO")
    terminal_id = till.terminal_id
    till.client.close()
    till.store.close()
    run_victim(tmp_path / "till", when, member.next_code(), 20_000, 3_000)

    state, _ = hq_state(server, terminal_id, 1)
    assert state == ("held" if when == "after-answer" else None)
    store = open_store(tmp_path / "till")
    with store.read() as tx:
        pending = tx.pending.get()
        assert pending is not None and pending.seq == 1 and tx.journal.head()[0] == 0
    # The restart: the service resolves the intent before anything else is journaled.
    online = OnlineClient(store, None if hq_reachable else "http://127.0.0.1:9")
    service = TerminalService(store, online=online)
    [resolved] = service.resolved
    approved = when == "after-answer" and hq_reachable
    assert resolved.ok is approved and resolved.seq == 1, resolved
    if approved:
        assert resolved.decided_by == "online" and resolved.auth_id and resolved.points_spent == 3_000
    else:
        assert resolved.reason in (Reason.AUTHORISATION_INTERRUPTED,), resolved
    bodies = journal_bodies(store)
    assert [b["seq"] for b in bodies] == [1]
    assert bodies[0]["status"] == ("approved" if approved else "rejected")
    with store.read() as tx:
        assert tx.pending.get() is None
        assert verify_journal(tx, store.terminal_key().public_key()).ok
    assert TerminalService(store, online=online).resolved == []  # once, not at every start
    # HQ: the record settles the key; the member's points moved exactly once, or not at all.
    sync = SyncClient(store)
    assert sync.sync_once().ok
    state, rec = hq_state(server, terminal_id, 1)
    if approved:
        assert state == "captured" and (rec.effect, rec.points_spent) == ("applied", 3_000)
    elif when == "before-asking":
        assert state == "abandoned"  # (HQ gave the key up when asked: a late request reserves nothing)
        assert rec.effect == "none"
    else:
        assert state == "released" and rec.effect == "none"
    with server.hq.session() as s:
        balance = s.get(Member, member.state.member_id).balance
    assert balance == (10_000 - 3_000 + rec.points_earned if approved else 10_000)
    sync.close()
    online.close()
    store.close()
