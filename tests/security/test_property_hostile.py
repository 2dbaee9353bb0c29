"""Property (hypothesis): whatever a hostile enrolled terminal seals and sends, mixed with honest
traffic, HQ moves no balance or settlement figure beyond what the rules give for the evidence the
records carry.

Each example is a batch of records built from a pool of real member codes and backup codes: honest
ones, codes used again, amounts bent every way, codes missing, catalogue entries made up, voids of
anything, backfills, times moved, numbers of the wrong type. After each batch (and an honest
terminal's sale) the oracle below, written from docs/rules.md and docs/hq-books.md without calling
the project's evidence code, checks every record HQ applied, and that every balance and today's
settlement equal the sum of what it applied.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from member_wallet.wallet import Wallet
from sync_server.db.models import Member, Record
from sync_server.settlement import settlement_report
from tests.server.test_books_end_to_end import bill_amounts, earn_multiplier

from .conftest import (
    Hostile,
    RunningServer,
    enroll_terminal,
    honest_terminal_still_counts,
    local_today,
    new_member,
)

GIFTS = {"G-KEYRING": (500, 20), "G-CUP": (2_000, 10)}  # the demo catalogue: points, stock per terminal
COUPONS = {"C-COFFEE": ("single_use", 0, None), "C-WASH": ("quota", 2, 20)}  # kind, minimum tier, quota


class Oracle:
    """What the evidence allows, tracked across examples."""

    def __init__(self) -> None:
        self.genuine_codes: set[str] = set()
        self.genuine_backups: set[str] = set()
        self.used_pairs: set[tuple[int, int]] = set()
        self.used_backups: set[str] = set()
        self.coupon_members: set[tuple[str, int]] = set()
        self.uses: dict[str, int] = {}  # coupon/gift id -> uses at the hostile terminal, net of voids
        self.applied: dict[int, Record] = {}  # hostile seq -> its applied record
        self.voided: set[int] = set()


@pytest.fixture(scope="module")
def world(server: RunningServer, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("property")
    till = enroll_terminal(server, tmp / "hostile", "M-GYM")
    wallets = [new_member(server, tmp, 50_000, tier=t) for t in (0, 1, 2, 3)]
    yield Hostile(server, till), wallets, Oracle(), tmp
    till.client.close()
    till.store.close()


def build(h: Hostile, wallets: list[Wallet], oracle: Oracle, draw) -> dict:
    """One record of the hostile terminal's choosing."""
    wallet = draw(st.sampled_from(wallets))
    action = draw(st.sampled_from(["honest", "reuse", "bent", "nocode", "gift", "coupon", "void", "backfill",
                                   "backup", "backup_again", "timeshift", "types"]))
    bill = draw(st.integers(0, 2_000_000))
    spend = draw(st.sampled_from([0, 0, 100, 2_000, 30_000]))
    # (an index into what exists by now: the draw itself never depends on it)
    pick = draw(st.integers(0, 10**6))
    if action == "reuse" and oracle.genuine_codes:
        codes = sorted(oracle.genuine_codes)
        code = codes[pick % len(codes)]
    else:
        code = wallet.next_code()
        oracle.genuine_codes.add(code)
    if action in ("honest", "reuse"):
        return h.purchase(code, max(bill, 1), spend)
    if action == "bent":
        field = draw(st.sampled_from(["points_earned", "points_spent", "paid_fen", "discount_fen",
                                      "discount_pct", "cash_off_fen", "multiplier_pct", "tier", "member_id",
                                      "counter"]))
        body = h.purchase(code, max(bill, 1), spend)
        body[field] = max(0, body[field] + draw(st.sampled_from([-1000, -1, 1, 7, 1000, 10**6])))
        if field == "tier":
            body[field] = min(body[field], 3)
        return body
    if action == "nocode":
        body = h.purchase(code, max(bill, 1), spend)
        del body[draw(st.sampled_from(["code", "cert_serial", "member_id"]))]
        return body
    if action == "gift":
        gift_id = draw(st.sampled_from([*GIFTS, "G-UNKNOWN"]))
        points = draw(st.sampled_from([GIFTS.get(gift_id, (1, 0))[0], 1, 0]))
        return h.body(kind="gift", gift_id=gift_id, points_spent=points, **_facts(code))
    if action == "coupon":
        return h.body(kind="coupon", coupon_id=draw(st.sampled_from([*COUPONS, "C-WASH", "C-NONE"])),
                      **_facts(code))
    if action == "void":
        if oracle.applied and draw(st.integers(0, 3)):  # mostly a real record: maybe voidable, maybe not
            applied = sorted(oracle.applied)
            ref = applied[pick % len(applied)]  # a real record: maybe voidable, maybe not
        else:
            ref = 1 + pick % (h.seq + 2)
        return h.body(kind="void", ref_seq=ref,
                      ref_kind=draw(st.sampled_from(["purchase", "gift", "coupon"])),
                      reversed_points_earned=draw(st.integers(0, 10**6)),
                      reversed_points_spent=draw(st.integers(0, 10**6)))
    if action == "backfill":
        return h.body(kind="backfill", member_id=wallet.state.member_id, bill_fen=max(bill, 1),
                      receipt_ref=f"P-{draw(st.integers(0, 5))}",
                      purchased_at=int(time.time()) - draw(st.integers(-600, 4 * 86_400)),
                      manager="x", points_earned=draw(st.integers(0, 30_000)), review=True)
    if action in ("backup", "backup_again"):
        if action == "backup_again" and oracle.genuine_backups:
            backups = sorted(oracle.genuine_backups)
            digits = backups[pick % len(backups)]
        else:
            digits, _ = wallet.backup_code()
            if draw(st.booleans()):
                digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)  # one digit wrong
            else:
                oracle.genuine_backups.add(digits)
        paid = min(max(bill, 1), 20_000)
        return h.body(kind="backup", status="pending_verification", reason="BACKUP_CODE_PENDING",
                      backup_code=digits, bill_fen=paid, cash_off_fen=0, paid_fen=paid, points_spent=0,
                      points_earned=draw(st.sampled_from([paid // 100, paid // 100 + 1, 0])))
    if action == "timeshift":
        shift = draw(st.sampled_from([-30 * 86_400_000, -3_600_000, -400_000, 400_000, 3_600_000,
                                      5 * 365 * 86_400_000]))
        return h.purchase(code, max(bill, 1), spend, at_ms=int(time.time() * 1000) + shift)
    body = h.purchase(code, max(bill, 1), spend)
    body[draw(st.sampled_from(["points_earned", "bill_fen", "paid_fen"]))] = draw(
        st.sampled_from(["100", 1.5, -5, 2**63, None, True, [1], {"a": 1}]))
    return {k: v for k, v in body.items() if v is not None}


def seal_anything(h: Hostile, body: dict) -> dict:
    """Seal as the terminal would; a body canonical JSON refuses (a float) is hashed and signed over
    plain JSON instead: a hostile terminal can send that too."""
    try:
        return h.seal(body)
    except TypeError:
        import hashlib
        import json

        from alliance_protocol import journal_record as jr
        from alliance_protocol.keys import b64

        h.seq += 1
        body = {**body, "seq": h.seq, "prev_hash": h.prev}
        digest = hashlib.sha256(jr.RECORD_DOMAIN + json.dumps(body, sort_keys=True).encode()).hexdigest()
        h.prev = digest
        return {"body": body, "hash": digest, "sig": b64(h.key.sign(jr.SIG_DOMAIN + bytes.fromhex(digest)))}


def _facts(code: str) -> dict:
    from tests.server.conftest import code_fields

    return code_fields(code)


def check(server: RunningServer, h: Hostile, oracle: Oracle, seqs: list[int],
          birthdays: dict[int, int]) -> None:
    """Every record of this batch HQ applied is one the evidence allows, with the effect it allows."""
    for seq in seqs:
        rec = h.stored(seq)
        assert rec is not None
        if rec.effect != "applied":
            moved = (rec.points_delta, rec.points_earned, rec.points_spent, rec.sale_fen, rec.uses)
            assert moved == (0, 0, 0, 0, 0) or rec.effect == "held", (rec.effect, rec.flag)
            continue
        import json

        body = json.loads(rec.body)
        kind = body["kind"]
        if kind in ("purchase", "gift", "coupon"):
            assert body["code"] in oracle.genuine_codes
            pair = (body["cert_serial"], body["counter"])
            assert pair not in oracle.used_pairs, "a code applied twice"
            oracle.used_pairs.add(pair)
        if kind == "purchase":
            spent, cash_off, paid = bill_amounts(body["tier"], body["bill_fen"], body["points_spent"])
            assert (rec.points_spent, rec.sale_fen) == (spent, paid) == (body["points_spent"],
                                                                         body["paid_fen"])
            multiplier = earn_multiplier(body["recorded_at"] // 1000, birthdays.get(body["member_id"]))
            allowed = paid // 100 * multiplier // 100
            assert 0 <= rec.points_earned <= min(allowed, 5_000)
        elif kind == "gift":
            points, stock = GIFTS[body["gift_id"]]
            assert points == body["points_spent"] == rec.points_spent
            assert oracle.uses.get(body["gift_id"], 0) < stock
            oracle.uses[body["gift_id"]] = oracle.uses.get(body["gift_id"], 0) + 1
        elif kind == "coupon":
            kind_, min_tier, quota = COUPONS[body["coupon_id"]]
            assert body["tier"] >= min_tier
            if kind_ == "single_use":
                assert (body["coupon_id"], rec.member_id) not in oracle.coupon_members
                oracle.coupon_members.add((body["coupon_id"], rec.member_id))
            else:
                assert oracle.uses.get(body["coupon_id"], 0) < quota
            oracle.uses[body["coupon_id"]] = oracle.uses.get(body["coupon_id"], 0) + 1
        elif kind == "backup":
            assert body["backup_code"] in oracle.genuine_backups
            assert body["backup_code"] not in oracle.used_backups
            oracle.used_backups.add(body["backup_code"])
            assert rec.points_earned <= body["paid_fen"] // 100 and rec.sale_fen == body["paid_fen"]
        elif kind == "void":
            target = oracle.applied.get(body["ref_seq"])
            assert target is not None and body["ref_seq"] not in oracle.voided
            assert (rec.points_delta, rec.sale_fen) == (-target.points_delta, -target.sale_fen)
            oracle.voided.add(body["ref_seq"])
            if target.item_id:
                item = target.item_id.split(":", 1)[1]
                oracle.uses[item] -= 1
                oracle.coupon_members.discard((item, target.member_id))
        else:
            pytest.fail(f"HQ applied a {kind} record the evidence does not support: {body}")
        oracle.applied[seq] = rec


def assert_books_are_the_sum_of_what_was_applied(server: RunningServer, h: Hostile, oracle: Oracle) -> None:
    """Balances are openings plus what was applied; the hostile merchant's settlement today is exactly
    the sum of the hostile records the oracle accepted (no other terminal sells at that merchant)."""
    with server.hq.session() as s:
        openings = {}
        from sync_server.db.models import LedgerAdjustment

        for m, p in s.execute(select(LedgerAdjustment.member_id, func.sum(LedgerAdjustment.points))
                              .group_by(LedgerAdjustment.member_id)):
            openings[m] = int(p)
        applied = dict(s.execute(select(Record.member_id, func.sum(Record.points_delta))
                                 .where(Record.effect == "applied", Record.member_id.is_not(None))
                                 .group_by(Record.member_id)).all())
        balances = dict(s.execute(select(Member.id, Member.balance)).all())
    for member_id, balance in balances.items():
        if member_id in openings:  # reconciled at least once: opening + applied (+ reviews) is the balance
            assert balance == openings[member_id] + int(applied.get(member_id, 0)), member_id
    line = {x.merchant_id: x for x in settlement_report(server.hq, local_today())}[h.merchant_id]
    today = [r for r in oracle.applied.values() if local_day_of(r.recorded_at) == local_today()]
    assert (line.sales_fen, line.points_issued, line.points_redeemed) == (
        sum(r.sale_fen for r in today), sum(r.points_earned for r in today),
        sum(r.points_spent for r in today))


def local_day_of(recorded_at_ms: int):
    from datetime import UTC, datetime, timedelta

    return (datetime.fromtimestamp(recorded_at_ms / 1000, UTC) + timedelta(hours=8)).date()


# (no shrinking: the alliance keeps state)
@settings(max_examples=40, deadline=None, derandomize=True, phases=[Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_a_hostile_terminal_never_moves_more_than_its_evidence(server: RunningServer, world, data,
                                                               tmp_path: Path) -> None:
    from sync_server.reconcile import reconcile

    h, wallets, oracle, tmp = world
    bodies = [build(h, wallets, oracle, data.draw) for _ in range(data.draw(st.integers(1, 10)))]
    records = [seal_anything(h, b) for b in bodies]
    if data.draw(st.booleans()):  # sometimes the chain itself is bent too
        i = data.draw(st.integers(0, len(records) - 1))
        # (one line as it was: reflowing the test's source would change its derandomized examples)
        records[i] = {**records[i], "sig": records[i]["sig"][::-1]} if data.draw(st.booleans()) else records[i]  # noqa: E501
    ack = h.post_records(records)
    assert ack["stored"] + ack["duplicates"] == len(records)
    birthdays = {}
    check(server, h, oracle, [r["body"]["seq"] for r in records], birthdays)
    reconcile(server.hq, tiers=False)
    assert_books_are_the_sum_of_what_was_applied(server, h, oracle)


def test_and_afterwards_honest_traffic_still_counts(server: RunningServer, world, tmp_path: Path) -> None:
    """(After the property, in this module's alliance.) The examples did reach every kind of
    decision, and an honest terminal still gets through."""
    h, _wallets, oracle, _tmp = world
    with server.hq.session() as s:
        rows = s.execute(select(Record.kind, Record.effect, Record.flag_reason)
                         .where(Record.terminal_id == h.terminal_id)).all()
    applied = {kind for kind, effect, _ in rows if effect == "applied"}
    reasons = {reason for _, effect, reason in rows if effect in ("refused", "held")}
    assert "purchase" in applied and len(applied) >= 3, applied
    assert {"CODE_REUSED", "RECORD_SCHEMA_INVALID"} <= reasons and len(reasons) >= 6, reasons
    assert len(oracle.applied) >= 5 and len(rows) >= 50
    honest_terminal_still_counts(server, tmp_path)
