"""What an online authorisation costs HQ's database, once the server knows the terminal: one pooled
connection (its own transaction's: no read of its own before it) and one statement per thing the
decision needs (sync_server/routers/deps.SignedTerminal.record_use, evidence.Books, the decision
written), so the round trip stays within its budget (docs/online-authorisation.md). The counts
are the design's: a new statement in this path shows here before it shows in the benchmark."""

from __future__ import annotations

from pathlib import Path

from .conftest import RunningServer, counted
from .online_kit import BUDGET_S, asker, new_member

SWEEP = "UPDATE authorisations SET state"  # the expired holds marked, at most every 5 s per process


def test_an_online_authorisation_takes_one_connection_and_a_statement_per_need(
    server: RunningServer, tmp_path: Path
) -> None:
    member = new_member(server, tmp_path, 60_000)
    a = asker(server, tmp_path / "a")
    first = a.purchase(member.next_code(), 10_000, 1_000)
    answer = a.authorise(first)
    assert answer.decision == "approved", answer
    assert a.upload(a.record(first, answer))["acked_seq"] == 1
    with counted(server) as (statements, checkouts):
        answer = a.authorise(a.purchase(member.next_code(), 10_000, 1_000))
    assert answer.decision == "approved", answer
    assert len(checkouts) == 1
    decision = [s for s in statements if not s.startswith((SWEEP, "BEGIN"))]  # (SQLite: BEGIN IMMEDIATE)
    # nonce stored + terminal seen (PostgreSQL: one statement), books lock, member, certificate,
    # claim, day's earnings, holds, the decision, its claim
    expected = 9 if server.hq.engine.dialect.name == "postgresql" else 10
    assert len(decision) == expected, "\n".join(s.splitlines()[0] for s in decision)


def test_the_online_member_panel_takes_one_connection(server: RunningServer, tmp_path: Path) -> None:
    member = new_member(server, tmp_path, 60_000)
    a = asker(server, tmp_path / "a")
    assert a.online.lookup(member.next_code(), BUDGET_S).ok  # (the server now knows the terminal)
    with counted(server) as (_statements, checkouts):
        live = a.online.lookup(member.next_code(), BUDGET_S)
    assert live.ok and live.balance == 60_000, live
    assert len(checkouts) == 1  # the nonce stored and the member read in one transaction
