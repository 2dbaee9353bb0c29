"""Online authorisation at HQ over real HTTP on SQLite and PostgreSQL (docs/online-authorisation.md):
the decision, the holds it keeps, idempotency on (terminal, seq), the record's upload capturing
or releasing its own reservation exactly once, what a hostile terminal cannot do with it."""

from __future__ import annotations

import json
import time
from pathlib import Path

from sqlalchemy import select, update

from sync_server import holds
from sync_server.db.models import Authorisation, Claim
from sync_server.demo import GIFTS
from sync_server.hq_page import render
from terminal_app.sync.online import Unanswered

from .conftest import RunningServer
from .online_kit import BUDGET_S, asker, balance_of, new_member


def mid(wallet) -> int:
    return wallet.state.member_id


def test_online_spend_beyond_the_offline_allowance_is_held_then_captured_once(
    server: RunningServer, tmp_path: Path
) -> None:
    member = new_member(server, tmp_path, 60_000)
    assert member.certificate().allowance == 20_000  # what an offline terminal would let this member spend
    a, b = asker(server, tmp_path / "a"), asker(server, tmp_path / "b")
    intent = a.purchase(member.next_code(), 500_000, 40_000)
    answer = a.authorise(intent)
    assert answer.decision == "approved" and answer.state == "held", answer
    assert (answer.points_spent, answer.balance, answer.available) == (40_000, 60_000, 20_000)
    assert answer.balance_after == 60_000 - 40_000 + intent["points_earned"]
    # The hold is visible at once to another terminal: 30,000 more do not fit the 20,000 left.
    other = b.authorise(b.purchase(member.next_code(), 400_000, 30_000))
    assert other.decision == "declined" and other.reason == "INSUFFICIENT_POINTS", other
    assert balance_of(server, mid(member)) == 60_000  # nothing booked before the record arrives
    # The record names the authorisation: its upload captures the hold, counted once.
    record = a.record(intent, answer)
    assert a.upload(record)["acked_seq"] == 1
    assert a.upload(record)["duplicates"] == 1
    stored = a.stored(1)
    assert stored.effect == "applied" and stored.points_spent == 40_000
    assert balance_of(server, mid(member)) == 60_000 - 40_000 + stored.points_earned
    row = a.authorisation(1)
    assert row.state == "captured" and row.record_id == stored.id
    with server.hq.session() as s:
        claim = s.scalar(select(Claim).where(Claim.terminal_id == a.terminal_id, Claim.seq == 1))
        assert claim.record_id == stored.id
    # Captured, it holds nothing more: the same 20,000 are still what is left.
    live = b.online.lookup(member.next_code(), BUDGET_S)
    assert live.ok and live.available == live.balance == 60_000 - 40_000 + stored.points_earned


def test_the_same_key_gets_the_same_decision_and_another_record_under_it_is_refused(
    server: RunningServer, tmp_path: Path
) -> None:
    member = new_member(server, tmp_path, 10_000)
    a = asker(server, tmp_path / "a")
    intent = a.purchase(member.next_code(), 10_000, 1_000)
    first, again = a.authorise(intent), a.authorise(intent)
    assert first.decision == again.decision == "approved"
    assert first.auth_id == again.auth_id
    with server.hq.session() as s:
        assert (
            len(s.scalars(select(Authorisation).where(Authorisation.terminal_id == a.terminal_id)).all()) == 1
        )
    other = a.authorise({**intent, "bill_fen": 20_000})
    assert isinstance(other, Unanswered) and (other.reason, other.status) == ("AUTHORISATION_MISMATCH", 409)
    assert a.authorise(intent).auth_id == first.auth_id  # still the one decision


def test_a_code_used_online_is_refused_at_once_at_another_terminal_with_where_and_when(
    server: RunningServer, tmp_path: Path
) -> None:
    member = new_member(server, tmp_path, 10_000)
    a, b = asker(server, tmp_path / "a", "M-CAFE"), asker(server, tmp_path / "b", "M-MALL")
    code = member.next_code()
    first = a.authorise(a.purchase(code, 8_000))
    assert first.decision == "approved"
    seen = b.online.lookup(code, BUDGET_S)
    assert not seen.ok and seen.reason == "CODE_USED_ONLINE"
    assert (seen.first_use.terminal_id, seen.first_use.merchant_id, seen.first_use.seq) == (
        a.terminal_id,
        "M-CAFE",
        1,
    )
    second = b.authorise(b.purchase(code, 8_000))
    assert second.decision == "declined" and second.reason == "CODE_USED_ONLINE"
    assert second.first_use.terminal_id == a.terminal_id
    assert abs(second.first_use.recorded_at - time.time() * 1000) < 60_000
    assert second.message_zh and second.message_en


def test_a_member_blocked_at_hq_is_refused_at_the_next_online_scan(
    server: RunningServer, tmp_path: Path
) -> None:
    member = new_member(server, tmp_path, 10_000)
    a = asker(server, tmp_path / "a")
    assert a.online.lookup(member.next_code(), BUDGET_S).ok
    server.hq.block_member(mid(member))
    try:
        code = member.next_code()  # the phone still makes codes: its certificate is valid offline
        live = a.online.lookup(code, BUDGET_S)
        assert not live.ok and live.reason == "MEMBER_BLOCKED"
        answer = a.authorise(a.purchase(code, 8_000))
        assert answer.decision == "declined" and answer.reason == "MEMBER_BLOCKED"
        assert a.authorisation(1).state == "declined"
    finally:
        server.hq.block_member(mid(member), False)


def test_a_record_decided_offline_releases_the_hold_and_counts_as_itself(
    server: RunningServer, tmp_path: Path
) -> None:
    """The terminal gave up waiting (HQ answered too late) and decided offline: one effect, the
    record's own."""
    member = new_member(server, tmp_path, 10_000)
    a = asker(server, tmp_path / "a")
    code = member.next_code()
    answer = a.authorise(a.purchase(code, 20_000, 5_000))
    assert answer.decision == "approved"
    offline = a.record(a.purchase(code, 20_000, 2_000), decided_by="offline")
    a.upload(offline)
    stored = a.stored(1)
    assert stored.effect == "applied" and stored.points_spent == 2_000 and stored.flag is None
    assert balance_of(server, mid(member)) == 10_000 - 2_000 + stored.points_earned
    row = a.authorisation(1)
    assert row.state == "released" and "offline" in row.note and row.record_id == stored.id


def test_a_record_declined_by_the_terminal_releases_the_hold(server: RunningServer, tmp_path: Path) -> None:
    member = new_member(server, tmp_path, 10_000)
    a = asker(server, tmp_path / "a")
    intent = a.purchase(member.next_code(), 20_000, 5_000)
    answer = a.authorise(intent)
    a.upload(
        a.record(
            {
                k: v
                for k, v in intent.items()
                if k
                not in (
                    "discount_pct",
                    "discount_fen",
                    "cash_off_fen",
                    "paid_fen",
                    "points_spent",
                    "points_earned",
                    "multiplier_pct",
                )
            },
            status="rejected",
            reason="AUTHORISATION_INTERRUPTED",
            auth_id=answer.auth_id,
        )
    )
    assert a.stored(1).effect == "none"
    assert a.authorisation(1).state == "released"
    assert balance_of(server, mid(member)) == 10_000
    assert a.online.lookup(member.next_code(), BUDGET_S).available == 10_000


def test_a_record_naming_its_authorisation_with_other_amounts_is_refused(
    server: RunningServer, tmp_path: Path
) -> None:
    member = new_member(server, tmp_path, 10_000)
    a = asker(server, tmp_path / "a")
    intent = a.purchase(member.next_code(), 20_000, 1_000)
    answer = a.authorise(intent)
    bigger = a.purchase(member.next_code(), 20_000, 9_000)  # what it journals instead, under the same id
    a.upload(a.record({**bigger, "seq": intent["seq"]}, answer))
    stored = a.stored(1)
    assert (stored.effect, stored.flag_reason) == ("refused", "AUTHORISATION_MISMATCH")
    assert balance_of(server, mid(member)) == 10_000
    assert a.authorisation(1).state == "released"
    assert any(c.dedupe_key == f"{a.terminal_id}:1" for c in a.cases("bad_record"))


def test_a_terminal_cannot_capture_another_terminals_reservation(
    server: RunningServer, tmp_path: Path
) -> None:
    member = new_member(server, tmp_path, 10_000)
    a, thief = asker(server, tmp_path / "a"), asker(server, tmp_path / "thief")
    answer = a.authorise(a.purchase(member.next_code(), 20_000, 4_000))
    assert answer.decision == "approved"
    # The thief journals a purchase of the same member (a fresh code) naming a's authorisation.
    thief.upload(thief.record(thief.purchase(member.next_code(), 20_000, 4_000), auth_id=answer.auth_id))
    stored = thief.stored(1)
    assert (stored.effect, stored.flag_reason) == ("refused", "AUTHORISATION_UNKNOWN")
    assert a.authorisation(1).state == "held"  # a's hold is untouched
    assert balance_of(server, mid(member)) == 10_000
    # And a record with an auth_id HQ never gave is refused too.
    thief.upload(thief.record(thief.purchase(member.next_code(), 20_000), auth_id="A" + "0" * 20))
    assert thief.stored(2).flag_reason == "AUTHORISATION_UNKNOWN"


def test_hostile_authorisation_requests_get_typed_refusals_and_reserve_nothing(
    server: RunningServer, tmp_path: Path
) -> None:
    member = new_member(server, tmp_path, 10_000)
    h, other = asker(server, tmp_path / "h"), asker(server, tmp_path / "other")
    code = member.next_code()
    good = h.purchase(code, 20_000, 3_000)
    cases = {
        "float": ({**good, "points_spent": 3000.0}, "RECORD_SCHEMA_INVALID"),
        "text": ({**good, "bill_fen": "20000"}, "RECORD_SCHEMA_INVALID"),
        "huge": ({**good, "points_spent": 10**30}, "RECORD_SCHEMA_INVALID"),
        "negative": ({**good, "points_spent": -5}, "RECORD_SCHEMA_INVALID"),
        "unknown field": ({**good, "bonus": 1}, "RECORD_SCHEMA_INVALID"),
        "another terminal": ({**good, "terminal_id": other.terminal_id}, "RECORD_WRONG_TERMINAL"),
        "a backfill": (
            {
                "terminal_id": h.terminal_id,
                "merchant_id": h.merchant_id,
                "seq": 1,
                "prev_hash": good["prev_hash"],
                "recorded_at": good["recorded_at"],
                "kind": "backfill",
                "status": "approved",
                "reason": "OK",
                "member_id": mid(member),
                "bill_fen": 10_000,
                "receipt_ref": "R-1",
                "purchased_at": int(time.time()) - 60,
                "points_earned": 100,
                "review": True,
                "bundle_seq": h.bundle_seq,
            },
            "REQUEST_INVALID",
        ),
        "a coupon with a bill": ({**good, "kind": "coupon"}, "RECORD_SCHEMA_INVALID"),
        "rejected": ({**good, "status": "rejected"}, "REQUEST_INVALID"),
        "with an auth_id": ({**good, "auth_id": "A" + "1" * 20}, "REQUEST_INVALID"),
        "not online": ({**good, "decided_by": "offline"}, "REQUEST_INVALID"),
        "far ahead": ({**good, "seq": 10**9}, "REQUEST_INVALID"),
    }
    for name, (body, reason) in cases.items():
        answer = h.authorise(body)
        assert isinstance(answer, Unanswered) and answer.reason == reason, (name, answer)
        assert answer.status is not None and 400 <= answer.status < 500, (name, answer)
    for raw in (
        b"",
        b"{",
        b"[]",
        b'{"record": []}',
        b'{"record": {}, "extra": 1}',
        json.dumps({"record": "x"}).encode(),
    ):
        response = h.post("/v1/terminal/authorisations", raw)
        assert 400 <= response.status_code < 500 and response.json()["reason"], raw
    # Evidence it cannot show is a decision: declined, nothing held.
    forged = code[:-6] + ("A" if code[-6] != "A" else "B") + code[-5:]
    declined = {
        "forged code": {**good, "code": forged},
        "another member's facts": {**good, "member_id": mid(member) + 1},
        "amounts the rules do not give": {**good, "points_earned": good["points_earned"] + 500},
        "an hour ago": {**good, "recorded_at": good["recorded_at"] - 3_600_000},
        "unissued bundle": {**good, "bundle_seq": 10**6},
    }
    for i, (name, body) in enumerate(declined.items()):
        answer = h.authorise({**body, "seq": 100 + i})  # (a key keeps its decision: one key each)
        assert answer.decision == "declined" and answer.state == "declined", (name, answer)
    with server.hq.session() as s:
        assert not s.scalars(
            select(Authorisation).where(
                Authorisation.terminal_id == h.terminal_id, Authorisation.state == "held"
            )
        ).all()
    assert h.online.lookup(member.next_code(), BUDGET_S).available == 10_000
    # A seq HQ has recorded already cannot be authorised.
    h.upload(h.record(h.purchase(member.next_code(), 6_000), decided_by="offline"))
    late = h.authorise(h.purchase(member.next_code(), 6_000, seq=1))
    assert isinstance(late, Unanswered) and (late.reason, late.status) == ("AUTHORISATION_TOO_LATE", 409)


def test_a_terminal_cannot_hold_points_without_limit(server: RunningServer, tmp_path: Path) -> None:
    from sync_server.authorisation import MAX_HELD_PER_TERMINAL

    member = new_member(server, tmp_path, 100_000)
    h = asker(server, tmp_path / "h")
    for i in range(MAX_HELD_PER_TERMINAL):
        body = h.purchase(member.next_code(), 6_000, 100)
        body["seq"] = i + 1
        answer = h.authorise(body)
        assert not isinstance(answer, Unanswered) and answer.decision == "approved", answer
    body = h.purchase(member.next_code(), 6_000, 100)
    body["seq"] = MAX_HELD_PER_TERMINAL + 1
    refused = h.authorise(body)
    assert isinstance(refused, Unanswered) and (refused.reason, refused.status) == ("RATE_LIMITED", 429)


def test_a_hold_whose_record_never_comes_expires_and_a_late_record_counts_on_its_own(
    server: RunningServer, tmp_path: Path
) -> None:
    member = new_member(server, tmp_path, 10_000)
    a, b = asker(server, tmp_path / "a"), asker(server, tmp_path / "b")
    intent = a.purchase(member.next_code(), 20_000, 8_000)
    answer = a.authorise(intent)
    assert answer.expires_at_ms - time.time() * 1000 > 3_000 * 1000  # authorisation_hold_s: an hour
    assert b.online.lookup(member.next_code(), BUDGET_S).available == 2_000
    with server.hq.session() as s, s.begin():  # as if the hour had passed
        s.execute(
            update(Authorisation)
            .where(Authorisation.id == a.authorisation(1).id)
            .values(expires_at=int(time.time() * 1000) - 1)
        )
    assert b.online.lookup(member.next_code(), BUDGET_S).available == 10_000  # released by time
    with server.hq.session() as s, s.begin():
        assert holds.expire_due(s, int(time.time() * 1000)) >= 1
    assert a.authorisation(1).state == "expired"
    page = render(server.hq)
    assert a.terminal_id in page and "expired" in page
    a.upload(a.record(intent, answer))  # the terminal comes back: its record is decided like an offline one
    stored = a.stored(1)
    assert stored.effect == "applied"
    assert balance_of(server, mid(member)) == 10_000 - 8_000 + stored.points_earned
    row = a.authorisation(1)
    assert row.state == "expired" and row.record_id == stored.id


def test_resolve_after_a_restart(server: RunningServer, tmp_path: Path) -> None:
    member = new_member(server, tmp_path, 10_000)
    a = asker(server, tmp_path / "a")
    intent = a.purchase(member.next_code(), 20_000, 2_000)
    answer = a.authorise(intent)
    resolved = a.online.resolve(1, BUDGET_S)
    assert (resolved.auth_id, resolved.decision, resolved.state) == (answer.auth_id, "approved", "held")
    # A key HQ never decided is given up: a request still on its way reserves nothing.
    given_up = a.online.resolve(2, BUDGET_S)
    assert (given_up.decision, given_up.state, given_up.reason) == (
        "declined",
        "abandoned",
        "AUTHORISATION_INTERRUPTED",
    )
    late = a.authorise({**a.purchase(member.next_code(), 20_000, 2_000), "seq": 2})
    assert (late.auth_id, late.state) == (given_up.auth_id, "abandoned")
    assert a.online.lookup(member.next_code(), BUDGET_S).available == 8_000  # only #1's hold


def test_holds_count_for_the_daily_cap_a_single_use_coupon_and_gift_stock(
    server: RunningServer, tmp_path: Path
) -> None:
    rich = new_member(server, tmp_path, 100_000)
    a, b = asker(server, tmp_path / "a"), asker(server, tmp_path / "b")
    cap = a.rules.daily_earn_cap_points
    first = a.authorise(a.purchase(rich.next_code(), 300_000))
    second = b.authorise(b.purchase(rich.next_code(), 300_000))
    assert first.decision == second.decision == "approved"
    assert first.points_earned + second.points_earned == min(cap, 2 * first.points_earned)
    if second.points_earned < b.purchase(rich.next_code(), 300_000)["points_earned"]:
        assert second.reason == "DAILY_CAP_REACHED"
    coupon_a = a.authorise({**a.body("coupon", rich.next_code(), coupon_id="C-COFFEE"), "seq": 2})
    coupon_b = b.authorise({**b.body("coupon", rich.next_code(), coupon_id="C-COFFEE"), "seq": 2})
    assert (coupon_a.decision, coupon_b.decision, coupon_b.reason) == ("approved", "declined", "COUPON_USED")
    stock = next(g for g in GIFTS if g["id"] == "G-CUP")["stock"]
    answers = []
    for i in range(stock + 1):
        body = a.body("gift", rich.next_code(), gift_id="G-CUP", points_spent=2_000)
        body["seq"] = 3 + i
        answers.append(a.authorise(body))
    assert [x.decision for x in answers] == ["approved"] * stock + ["declined"]
    assert answers[-1].reason == "GIFT_OUT_OF_STOCK"
