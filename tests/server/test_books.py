"""HQ's books over real HTTP on loopback, on SQLite and PostgreSQL: reconciliation, anomalies,
reviews, settlement, tiers and expiry. Records come from real terminals' journals (sealed,
chained, carrying real member codes) uploaded by their sync clients."""

from __future__ import annotations

import csv
import json
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from alliance_protocol import backup_code, request_auth
from alliance_protocol import journal_record as jr
from member_wallet import server_client
from member_wallet.wallet import Wallet
from sync_server.db.models import Anomaly, LedgerAdjustment, Member, Record, Terminal
from sync_server.hq import HQError
from sync_server.reconcile import MemberBook, YearClock, reconcile
from sync_server.reviews import review
from sync_server.settlement import commission, settlement_report
from terminal_app.core import journal

from .conftest import RunningServer, Till, enroll_terminal, independent_delta

CHINA = 480 * 60_000


def new_member(server: RunningServer, tmp_path: Path, member_id: int, balance: int,
               home: str | None = None) -> Wallet:
    server.hq.create_member(member_id, name="测试", phone="13000000000", balance=balance,
                            secret=f"books-{member_id}", home_merchant_id=home)
    wallet = Wallet(tmp_path / f"wallet-{member_id}")
    server_client.register(wallet, server.url, member_id, f"books-{member_id}")
    return wallet


def append(till: Till, wallet: Wallet | None, at_s: int, **fields) -> None:
    """One record through the terminal's own journal (what the cashier path writes), at time at_s."""
    from alliance_protocol.member_code import parse

    identity = till.store.identity()
    body = {"terminal_id": identity.terminal_id, "merchant_id": identity.merchant_id,
            "recorded_at": at_s * 1000 + 500, "kind": "purchase", "status": "approved", "reason": "OK", "shift": 1}
    if wallet is not None:
        code = wallet.next_code(at=at_s)
        c = parse(code)
        body.update(member_id=c.cert.member_id, cert_serial=c.cert.serial, counter=c.counter,
                    code_time=c.code_time, tier=c.cert.tier, code=code)
    body.update(fields)
    if body["status"] != "rejected" and body["kind"] in ("purchase", "coupon", "gift", "backup", "backfill"):
        body.setdefault("bundle_seq", 1)
    if body["kind"] == "purchase" and body["status"] == "approved":
        for name, default in (("discount_pct", 0), ("discount_fen", 0), ("cash_off_fen", 0), ("points_spent", 0),
                              ("points_earned", 0), ("multiplier_pct", 100), ("paid_fen", body.get("bill_fen", 0))):
            body.setdefault(name, default)
    if body["kind"] == "void":
        body.setdefault("reversed_points_earned", 0)
        body.setdefault("reversed_points_spent", 0)
    if body["kind"] == "backup" and body["status"] == "pending_verification":
        body.setdefault("cash_off_fen", 0)
    with Session(till.store.writer) as s, s.begin():
        journal.append(s, till.store.terminal_key(), body, day="test")


def sync(till: Till) -> None:
    report = till.client.sync_once()
    assert report.ok and till.store.outbox_count() == 0, report


def balance(server: RunningServer, member_id: int) -> int:
    with server.hq.session() as s:
        return s.get(Member, member_id).balance


def anomalies(server: RunningServer, type_: str, **where) -> list[Anomaly]:
    with server.hq.session() as s:
        q = select(Anomaly).where(Anomaly.type == type_)
        for k, v in where.items():
            q = q.where(getattr(Anomaly, k) == v)
        return s.scalars(q.order_by(Anomaly.id)).all()


# --- the ledger
def test_reconcile_equals_an_independent_recomputation(server: RunningServer, tmp_path: Path) -> None:
    till = enroll_terminal(server, tmp_path / "t", "M-CAFE")
    a = new_member(server, tmp_path, 71001, 5_000)
    b = new_member(server, tmp_path, 71002, 300)
    now = int(time.time())
    append(till, a, now - 7200, bill_fen=12_000, paid_fen=12_000, points_earned=120)
    append(till, a, now - 7000, bill_fen=9_000, paid_fen=6_000, points_spent=300, points_earned=60)
    append(till, b, now - 6800, bill_fen=5_000, paid_fen=5_000, points_earned=50)
    append(till, a, now - 6600, kind="gift", gift_id="G-CUP", points_spent=2_000)
    append(till, b, now - 6400, status="rejected", reason="OFFLINE_MEMBER_LIMIT", points_requested=9_000)
    append(till, None, now - 6300, kind="void", member_id=71001, ref_seq=2, ref_kind="purchase",
           manager="m", reversed_points_spent=300, reversed_points_earned=60)
    # A real cashier purchase too.
    scan = till.service.scan(b.next_code())
    assert scan.ok, scan
    assert till.service.commit_purchase(scan.token, bill_fen=20_000).ok
    sync(till)
    reconcile(server.hq, tiers=False)  # a member's first reconciliation takes its opening balance
    # The stored balance drifts (as if an update were lost): reconciliation finds and fixes it.
    with server.hq.session() as s, s.begin():
        s.get(Member, 71001).balance = 1
        cursor_before = s.get(Member, 71001).change_cursor
    report = reconcile(server.hq, tiers=False)
    assert {"member_id": 71001, "stored": 1, "ledger": balance(server, 71001)} in report.drift
    with server.hq.session() as s:
        bodies = [json.loads(r.body) for r in s.scalars(select(Record).where(
            Record.terminal_id == till.terminal_id, Record.flag.is_(None))).all()]
        assert s.get(Member, 71001).change_cursor > cursor_before
    for member_id, opening in ((71001, 5_000), (71002, 300)):
        expected = opening + sum(independent_delta(b) for b in bodies if b.get("member_id") == member_id)
        assert balance(server, member_id) == expected
    assert balance(server, 71001) == 5_000 + 120 - 300 + 60 - 2_000 + 300 - 60
    # Running it again changes nothing.
    again = reconcile(server.hq, tiers=False)
    assert not [d for d in again.drift if d["member_id"] in (71001, 71002)]
    till.client.close()
    till.store.close()


def test_negative_balance_found_in_event_time_not_upload_order(server: RunningServer, tmp_path: Path) -> None:
    first = enroll_terminal(server, tmp_path / "a", "M-MALL")
    second = enroll_terminal(server, tmp_path / "b", "M-GYM")
    w = new_member(server, tmp_path, 72001, 1_000)
    now = int(time.time())
    # Both offline: the same points spent at two counters, an hour apart.
    append(first, w, now - 3 * 3600, kind="gift", gift_id="G-CUP", points_spent=800)
    append(second, w, now - 2 * 3600, kind="gift", gift_id="G-CUP", points_spent=800)
    sync(second)  # the later spend arrives first ...
    sync(first)  # ... then the earlier one
    report = reconcile(server.hq, tiers=False)
    assert report.negative_crossings >= 1
    found = anomalies(server, "negative_balance", member_id=72001)
    event = [a for a in found if a.dedupe_key.startswith("event:")]
    assert len(event) == 1
    ev = json.loads(event[0].evidence)
    # Event time blames the later spend, whichever terminal uploaded first.
    assert ev["record"] == {"terminal_id": second.terminal_id, "seq": 1}
    assert ev["balance_before"] == 200 and ev["balance_after"] == -600 and ev["points_delta"] == -800
    assert event[0].deadline - event[0].detected_at == 48 * 3600
    assert balance(server, 72001) == -600
    for t in (first, second):
        t.client.close()
        t.store.close()


def seal_and_post(server: RunningServer, till: Till, seqs: list[int], **extra) -> dict:
    key = till.store.terminal_key()
    records, prev = [], jr.GENESIS_HASH
    for seq in seqs:
        body = {"terminal_id": till.terminal_id, "seq": seq, "prev_hash": prev, "recorded_at": int(time.time() * 1000),
                "kind": "scan", "status": "rejected", "reason": "CODE_MALFORMED"}
        rec = jr.seal(body, key)
        records.append(rec)
        prev = rec["hash"]
    payload = json.dumps({"records": records, **extra}).encode()
    path = "/v1/terminal/batches"
    headers = request_auth.sign_headers(key, till.terminal_id, "POST", path, payload)
    headers["content-type"] = "application/json"
    resp = httpx.post(server.url + path, content=payload, headers=headers, timeout=10)
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_a_gap_in_a_terminal_journal_is_an_anomaly(server: RunningServer, tmp_path: Path) -> None:
    till = enroll_terminal(server, tmp_path / "t", "M-CINEMA")
    ack = seal_and_post(server, till, [1, 2, 4, 5, 8])
    assert ack["acked_seq"] == 2
    reconcile(server.hq, tiers=False)
    gaps = anomalies(server, "journal_gap", terminal_id=till.terminal_id)
    assert len(gaps) == 1
    ev = json.loads(gaps[0].evidence)
    assert ev["missing_ranges"] == [[3, 3], [6, 7]] and ev["missing"] == 3 and ev["highest_stored"] == 8
    reconcile(server.hq, tiers=False)  # found again: still one case
    assert len(anomalies(server, "journal_gap", terminal_id=till.terminal_id)) == 1
    till.client.close()
    till.store.close()


def test_a_terminal_clock_off_by_more_than_the_tolerance(server: RunningServer, tmp_path: Path) -> None:
    skewed = enroll_terminal(server, tmp_path / "s", "M-AUTO")
    fine = enroll_terminal(server, tmp_path / "f", "M-AUTO")
    off = server.hq.settings.clock_tolerance_ms + 60_000
    # The terminal reports with its upload how far its host clock is off (server minus host).
    seal_and_post(server, skewed, [1], clock_offset_ms=-off)
    seal_and_post(server, fine, [1], clock_offset_ms=server.hq.settings.clock_tolerance_ms - 1_000)
    reconcile(server.hq, tiers=False)
    found = anomalies(server, "clock_skew", terminal_id=skewed.terminal_id)
    assert len(found) == 1
    ev = json.loads(found[0].evidence)
    assert ev["clock_offset_ms"] == off and ev["tolerance_ms"] == server.hq.settings.clock_tolerance_ms
    assert anomalies(server, "clock_skew", terminal_id=fine.terminal_id) == []
    for t in (skewed, fine):
        t.client.close()
        t.store.close()


@dataclass
class CopiedCode:
    """One member code (a screenshot) recorded at two terminals, not uploaded yet."""

    a: Till
    b: Till
    serial: int
    counter: int

    def close(self) -> None:
        for t in (self.a, self.b):
            t.client.close()
            t.store.close()


def copied_code(server: RunningServer, tmp_path: Path, member_id: int, **fields) -> CopiedCode:
    from alliance_protocol.member_code import parse

    if server.hq.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer: two uploads cannot overlap "
                    "(ingest finds the copy: test_protocol)")
    a = enroll_terminal(server, tmp_path / "a", "M-MALL")
    b = enroll_terminal(server, tmp_path / "b", "M-GYM")
    wallet = new_member(server, tmp_path, member_id, 1_000)
    now = int(time.time())
    code = wallet.next_code(at=now)
    c = parse(code)
    for till in (a, b):
        append(till, None, now, member_id=c.cert.member_id, cert_serial=c.cert.serial, counter=c.counter,
               code_time=c.code_time, tier=c.cert.tier, code=code, **fields)
    return CopiedCode(a, b, c.cert.serial, c.counter)


def begin_upload(server: RunningServer, till: Till):
    """The upload handler's work up to (not including) its commit: (open session, acknowledgement)."""
    from alliance_protocol.trust_bundle import load_bundle
    from alliance_protocol.wire import WireRecord
    from sync_server.ingest import ingest_batch

    _, envelope = server.hq.current_bundle()
    bundle = load_bundle(envelope, [server.hq.ring.root_public])
    s = server.hq.session()
    s.begin()
    terminal = s.get(Terminal, till.terminal_id, with_for_update=True)
    records = [WireRecord.model_validate(r) for r in till.store.outbox_pending(10)]
    return s, ingest_batch(server.hq, s, terminal, records, 0, bundle)


def assert_one_copy_case(server: RunningServer, copy: CopiedCode, member_id: int) -> None:
    cases = anomalies(server, "code_reused", member_id=member_id)
    assert len(cases) == 1
    ev = json.loads(cases[0].evidence)
    assert (ev["cert_serial"], ev["counter"]) == (copy.serial, copy.counter)
    assert sorted(u["terminal_id"] for u in ev["uses"]) == sorted([copy.a.terminal_id, copy.b.terminal_id])
    assert cases[0].deadline - cases[0].detected_at == 48 * 3600


def test_a_coupon_code_copied_to_two_terminals_uploading_at_once_is_found(server: RunningServer,
                                                                            tmp_path: Path) -> None:
    """A copied code used to write off a coupon at two counters. A coupon moves no points, so two
    such batches in flight at once on PostgreSQL take no common lock and cannot see each other's
    rows: neither finds the copy at ingest. The reconciliation sweep does, as one case naming both."""
    copy = copied_code(server, tmp_path, 20_601, kind="coupon", coupon_id="C-COFFEE")
    first, ack_a = begin_upload(server, copy.a)
    second, ack_b = begin_upload(server, copy.b)  # while the first is still open
    second.commit()
    first.commit()
    first.close()
    second.close()
    assert (ack_a.stored, ack_a.flagged, ack_b.stored, ack_b.flagged) == (1, 0, 1, 0)
    assert anomalies(server, "code_reused", member_id=20_601) == []  # the race is real: ingest missed it

    report = reconcile(server.hq, tiers=False)
    assert report.codes_reused >= 1
    assert_one_copy_case(server, copy, 20_601)
    reconcile(server.hq, tiers=False)  # found again: still one case
    assert len(anomalies(server, "code_reused", member_id=20_601)) == 1
    copy.close()


def test_a_purchase_code_copied_to_two_terminals_uploading_at_once_is_found_at_ingest(
        server: RunningServer, tmp_path: Path) -> None:
    """Batches that move points take the change-cursor lock before looking for copies: the second
    waits for the first to commit, then sees its record, and raises the case without reconciliation."""
    copy = copied_code(server, tmp_path, 20_602, bill_fen=8_000, paid_fen=8_000, points_earned=80)
    first, ack_a = begin_upload(server, copy.a)  # holds the cursor lock until it commits
    done: dict = {}
    waiting = threading.Thread(target=lambda: done.update(b=begin_upload(server, copy.b)))
    waiting.start()
    waiting.join(1.0)
    assert waiting.is_alive(), "the second upload should wait for the first one's cursor lock"
    first.commit()
    first.close()
    waiting.join(30)
    second, ack_b = done["b"]
    second.commit()
    second.close()
    assert (ack_a.stored, ack_b.stored) == (1, 1)
    assert_one_copy_case(server, copy, 20_602)
    copy.close()


def test_backup_codes_verified_at_reconciliation(server: RunningServer, tmp_path: Path) -> None:
    till = enroll_terminal(server, tmp_path / "t", "M-CAFE")
    server.hq.create_member(73001, balance=400, secret="books-73001")
    now = int(time.time())
    at = now - 1800
    key = backup_code.key_from_secret("books-73001")
    good = backup_code.make(73001, key, at + 120)  # typed two minutes late: inside the window
    bad = "73001" + ("000000" if backup_code.totp(key, at) != "000000" else "111111")
    assert not backup_code.verify(bad, 73001, key, at)
    stale = backup_code.make(73001, key, at - 3600)  # an hour old: outside the window
    for digits in (good, bad, stale):
        append(till, None, at, kind="backup", status="pending_verification", reason="BACKUP_CODE_PENDING",
               backup_code=digits, bill_fen=10_000, paid_fen=10_000, points_earned=100, points_spent=0)
    sync(till)
    assert balance(server, 73001) == 400  # unverified: no member yet
    report = reconcile(server.hq, tiers=False)
    assert report.backup_verified >= 1 and report.backup_failed >= 2
    assert balance(server, 73001) == 500
    with server.hq.session() as s:
        recs = s.scalars(select(Record).where(Record.terminal_id == till.terminal_id).order_by(Record.seq)).all()
    assert recs[0].member_id == 73001 and recs[0].flag is None
    assert recs[1].member_id is None and "backup code failed" in recs[1].flag
    assert recs[2].member_id is None and recs[2].flag
    failed = anomalies(server, "backup_code_failed", terminal_id=till.terminal_id)
    assert [json.loads(a.evidence)["backup_code"] for a in failed] == [bad, stale]
    reconcile(server.hq, tiers=False)  # verified once: the next run does not add it again
    assert balance(server, 73001) == 500
    till.client.close()
    till.store.close()


def test_the_wallet_backup_code_typed_at_a_counter_earns_points_after_reconciliation(server: RunningServer,
                                                                                    tmp_path: Path) -> None:
    """End to end: the phone shows the backup code, the cashier types it (no camera), the terminal
    records it pending, HQ verifies it and the member's points arrive."""
    till = enroll_terminal(server, tmp_path / "t", "M-CAFE")
    wallet = new_member(server, tmp_path, 73101, 200)
    digits, _ = wallet.backup_code()
    result = till.service.backup_code(digits, bill_fen=6_000)
    assert result.ok and result.reason.value == "BACKUP_CODE_PENDING" and result.points_earned == 60
    sync(till)
    assert balance(server, 73101) == 200  # not verified yet
    reconcile(server.hq, tiers=False)
    assert balance(server, 73101) == 260
    assert anomalies(server, "backup_code_failed", terminal_id=till.terminal_id) == []
    assert len(anomalies(server, "backup_code_review", terminal_id=till.terminal_id)) == 1  # a person looks
    till.client.close()
    till.store.close()


# --- reviews
def test_review_actions_keep_who_when_why_and_reverse_stays_in_the_ledger(server: RunningServer,
                                                                            tmp_path: Path) -> None:
    first = enroll_terminal(server, tmp_path / "a", "M-MALL")
    second = enroll_terminal(server, tmp_path / "b", "M-MALL")
    w = new_member(server, tmp_path, 74001, 500)
    now = int(time.time())
    append(first, w, now - 5000, kind="gift", gift_id="G-CUP", points_spent=400)
    append(second, w, now - 4000, kind="gift", gift_id="G-CUP", points_spent=400)
    sync(first)
    sync(second)
    reconcile(server.hq, tiers=False)
    assert balance(server, 74001) == -300
    case = next(a for a in anomalies(server, "negative_balance", member_id=74001)
                if a.dedupe_key.startswith("event:"))
    with pytest.raises(HQError) as info:
        review(server.hq, case.id, "reverse", "", "no name")
    assert info.value.reason == "REQUEST_INVALID"
    with pytest.raises(HQError):
        review(server.hq, case.id, "delete", "auditor", "not an action")

    before = time.time()
    out = review(server.hq, case.id, "reverse", "审计 Li", "double spend offline; member paid cash")
    assert out["points"] == 400 and out["member_id"] == 74001 and out["status"] == "reversed"
    with server.hq.session() as s:
        a = s.get(Anomaly, case.id)
        assert (a.status, a.reviewed_by, a.review_note) == ("reversed", "审计 Li", "double spend offline; member paid cash")
        assert before - 1 <= a.reviewed_at <= time.time() + 1
        adj = s.scalars(select(LedgerAdjustment).where(LedgerAdjustment.anomaly_id == case.id)).all()
        assert [(x.kind, x.points, x.created_by) for x in adj] == [("reversal", 400, "审计 Li")]
        assert s.scalar(select(Record).where(Record.terminal_id == second.terminal_id, Record.seq == 1)) is not None
    assert balance(server, 74001) == 100
    reconcile(server.hq, tiers=False)  # the compensating entry is part of the ledger now
    assert balance(server, 74001) == 100
    with pytest.raises(HQError) as info:
        review(server.hq, case.id, "accept", "x", "again")
    assert info.value.status == 409

    # block-member: the deny list of the next bundle names the member
    # (ingest raised its own case when the balance went below zero on upload)
    other = [a for a in anomalies(server, "negative_balance", member_id=74001) if a.status == "open"]
    assert len(other) == 1
    assert 74001 not in server.hq.bundle().payload["deny"]["member_ids"]
    with server.hq.session() as s:
        cursor = s.get(Member, 74001).change_cursor
    review(server.hq, other[0].id, "block-member", "hq-ops", "repeat double spends")
    with server.hq.session() as s:
        m = s.get(Member, 74001)
        assert m.blocked and m.change_cursor > cursor
        assert s.get(Anomaly, other[0].id).status == "member_blocked"
    assert 74001 in server.hq.bundle().payload["deny"]["member_ids"]

    # suspend-terminal and accept, on gap cases
    seal_and_post(server, enroll_terminal(server, tmp_path / "g1", "M-GYM"), [1, 3])
    gap_till = enroll_terminal(server, tmp_path / "g2", "M-GYM")
    seal_and_post(server, gap_till, [1, 4])
    reconcile(server.hq, tiers=False)
    gap = anomalies(server, "journal_gap", terminal_id=gap_till.terminal_id)[0]
    review(server.hq, gap.id, "suspend-terminal", "hq-ops", "journal tampered")
    with server.hq.session() as s:
        assert s.get(Terminal, gap_till.terminal_id).status == "suspended"
        assert s.get(Anomaly, gap.id).reviewed_by == "hq-ops"
    assert gap_till.client.sync_once().ok is False
    with server.hq.session() as s:
        open_gap = s.scalars(select(Anomaly).where(Anomaly.type == "journal_gap", Anomaly.status == "open")).first()
    review(server.hq, open_gap.id, "accept", "hq-ops", "till replaced, records lost with the disk")
    with server.hq.session() as s:
        a = s.get(Anomaly, open_gap.id)
        assert a.status == "accepted" and a.review_note.startswith("till replaced")
    for t in (first, second, gap_till):
        t.client.close()
        t.store.close()


# --- settlement
def test_settlement_on_a_hand_computed_day(server: RunningServer, tmp_path: Path) -> None:
    server.hq.create_merchant("M-SELL", "卖家 <Seller>", daily_target_fen=10_000)
    server.hq.create_merchant("M-HOME", "引荐商户 Home")
    till = enroll_terminal(server, tmp_path / "t", "M-SELL")
    w = new_member(server, tmp_path, 75001, 5_000, home="M-HOME")
    local = datetime.now(UTC) + timedelta(minutes=480)
    day = local.date() - timedelta(days=2)
    noon = int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()) - 480 * 60
    append(till, w, noon, bill_fen=8_000, paid_fen=8_000, points_earned=80)
    append(till, w, noon + 60, bill_fen=7_000, paid_fen=6_000, cash_off_fen=1_000, points_spent=1_000,
           points_earned=60)
    append(till, w, noon + 120, status="rejected", reason="OFFLINE_MEMBER_LIMIT", bill_fen=99_000,
           points_requested=50_000)
    append(till, w, noon + 86_400, bill_fen=50_000, paid_fen=50_000, points_earned=500)  # the next day
    append(till, None, noon + 86_400 + 60, kind="void", member_id=75001, ref_seq=4, ref_kind="purchase",
           manager="m", reversed_points_earned=500, reversed_points_spent=0)  # ... voided that day
    sync(till)
    nxt = {x.merchant_id: x for x in settlement_report(server.hq, day + timedelta(days=1))}
    assert (nxt["M-SELL"].sales_fen, nxt["M-SELL"].points_issued, nxt["M-SELL"].commission_fen) == (0, 0, 0)
    assert nxt["M-HOME"].rebate_fen == 0
    lines = {x.merchant_id: x for x in settlement_report(server.hq, day)}
    sell, home = lines["M-SELL"], lines["M-HOME"]
    # Sales 14,000 fen against a 10,000 target: 5 % of 10,000 + 8 % of 4,000 = 500 + 320.
    assert (sell.sales_fen, sell.commission_fen) == (14_000, 820)
    # 140 points issued, 1,000 redeemed, at 100 points per yuan.
    assert (sell.points_issued, sell.points_redeemed) == (140, 1_000)
    assert (sell.points_issued_value_fen, sell.points_redeemed_value_fen) == (140, 1_000)
    assert (sell.merchant_owes_fen, sell.alliance_owes_fen, sell.net_fen) == (960, 1_000, -40)
    assert sell.rebate_fen == 0
    # The member's home merchant earns 1 % of the sales elsewhere.
    assert (home.rebate_fen, home.alliance_owes_fen, home.net_fen) == (140, 140, -140)
    assert commission(14_050, 10_000, 5, 8) == 500 + 324 and commission(10, 100, 5, 8) == 1  # half up: 0.5 -> 1

    from sync_server.cli import main

    out = tmp_path / "s.csv"
    rc = main(["--home", str(server.hq.settings.resolved_home()), "report", "settlement", "--date", day.isoformat(),
               "--csv", str(out), "--database-url", server.hq.settings.resolved_database_url()])
    assert rc == 0
    rows = {r["merchant_id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["M-SELL"]["net_fen"] == "-40" and rows["M-SELL"]["merchant_name"] == "卖家 <Seller>"
    assert rows["M-HOME"]["rebate_fen"] == "140"
    till.client.close()
    till.store.close()


# --- tiers and expiry
def test_tiers_from_rolling_annual_spend(server: RunningServer, tmp_path: Path) -> None:
    till = enroll_terminal(server, tmp_path / "t", "M-AUTO")
    w = new_member(server, tmp_path, 76001, 0)
    now = int(time.time())
    append(till, w, now - 10 * 86_400, bill_fen=600_000, paid_fen=600_000, points_earned=5_000)
    append(till, w, now - 5 * 86_400, bill_fen=1_000_000, paid_fen=1_000_000, points_earned=5_000)
    append(till, w, now - 4 * 86_400, bill_fen=1_500_000, paid_fen=1_500_000, points_earned=5_000)
    append(till, None, now - 4 * 86_400 + 60, kind="void", member_id=76001, ref_seq=3, ref_kind="purchase",
           manager="m", reversed_points_earned=5_000)  # a voided sale does not count toward the tier
    sync(till)
    with server.hq.session() as s:
        cursor = s.get(Member, 76001).change_cursor
    reconcile(server.hq)
    with server.hq.session() as s:
        m = s.get(Member, 76001)
        assert m.tier == 2 and m.change_cursor > cursor  # 16,000 yuan (31,000 before the void): tier 2
    # 358 days on only the later purchase is within the last 365 days: 10,000 yuan -> tier 1.
    reconcile(server.hq, now=(now + 358 * 86_400) * 1000)
    with server.hq.session() as s:
        assert s.get(Member, 76001).tier == 1
    reconcile(server.hq, now=(now + 400 * 86_400) * 1000)
    with server.hq.session() as s:
        assert s.get(Member, 76001).tier == 0
    reconcile(server.hq)
    till.client.close()
    till.store.close()


def test_points_expire_by_cycle_and_expiring_soon_reaches_the_wallet(server: RunningServer, tmp_path: Path) -> None:
    till = enroll_terminal(server, tmp_path / "t", "M-CAFE")
    w = new_member(server, tmp_path, 77001, 1_000)
    now = int(time.time())
    append(till, w, now - 3600, bill_fen=30_000, paid_fen=30_000, points_earned=300)
    sync(till)
    reconcile(server.hq, tiers=False)
    assert balance(server, 77001) == 1_300
    years = YearClock(CHINA)
    this_year = years.year(now * 1000)
    end = years.start(this_year + 2)  # earned this year: expires at the end of next year
    reconcile(server.hq, now=end - 30 * 86_400_000, tiers=False)
    with server.hq.session() as s:
        m = s.get(Member, 77001)
        assert (m.balance, m.expiring_soon) == (1_300, 1_300)
    assert server_client.balance(w, server.url, 77001, "books-77001").expiring_soon == 1_300
    # ... and to terminals with their next balance download (the change cursor moved).
    from terminal_app.store.models import MemberBalance

    assert till.client.sync_once().ok
    with Session(till.store.writer) as s:
        pushed = s.get(MemberBalance, 77001)
        assert (pushed.balance, pushed.expiring_soon) == (1_300, 1_300)
    report = reconcile(server.hq, now=end + 86_400_000, tiers=False)
    assert balance(server, 77001) == 0 and report.expired_points >= 1_300
    reconcile(server.hq, tiers=False)  # back to today: nothing has expired yet
    with server.hq.session() as s:
        m = s.get(Member, 77001)
        assert (m.balance, m.expiring_soon) == (1_300, 0)
    till.client.close()
    till.store.close()


def test_member_book_spends_oldest_points_first() -> None:
    years = YearClock(CHINA)
    b = MemberBook()
    b.apply(100, 2026)
    b.apply(200, 2027)
    b.apply(-150, 2027)
    assert b.lots == [[2027, 150]] and b.balance == 150
    b.apply(-200, 2027)
    assert b.lots == [] and b.balance == -50
    b.apply(80, 2028)  # the debt is paid first
    assert b.lots == [[2028, 30]] and b.balance == 30
    b.expire_until(years.start(2030), years, 1)
    assert b.balance == 0 and b.expired == 30


def test_uploads_during_reconciliation_are_neither_lost_nor_counted_twice(server: RunningServer,
                                                                           tmp_path: Path) -> None:
    tills = [enroll_terminal(server, tmp_path / f"c{i}", "M-MALL") for i in range(2)]
    w = new_member(server, tmp_path, 78001, 2_000)
    now = int(time.time())
    for i, till in enumerate(tills):
        for k in range(20):
            append(till, w, now - 3000 + i * 700 + k * 10, bill_fen=10_000, paid_fen=10_000, points_earned=100)
    sync(tills[0])
    # The second terminal's batch lands after the ledger stream has read the records, before the
    # reconciliation writes the balances back.
    reconcile(server.hq, tiers=False, after_stream=lambda: sync(tills[1]))
    assert balance(server, 78001) == 2_000 + 2 * 20 * 100
    report = reconcile(server.hq, tiers=False)
    assert balance(server, 78001) == 2_000 + 2 * 20 * 100
    assert not [d for d in report.drift if d["member_id"] == 78001]
    for till in tills:
        till.client.close()
        till.store.close()


def test_commands_print_json(server: RunningServer, tmp_path: Path, capsys) -> None:
    from sync_server.cli import main

    base = ["--home", str(server.hq.settings.resolved_home())]
    db = ["--database-url", server.hq.settings.resolved_database_url()]
    till = enroll_terminal(server, tmp_path / "t", "M-GYM")
    seal_and_post(server, till, [1, 3])
    assert main([*base, "reconcile", "--keep-tiers", *db]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] and out["journal_gaps"] >= 1 and out["records"] >= 0
    assert main([*base, "anomaly", "list", *db]) == 0
    cases = [a for a in json.loads(capsys.readouterr().out)["anomalies"]
             if a["type"] == "journal_gap" and a["terminal_id"] == till.terminal_id]
    assert len(cases) == 1 and 0 < cases[0]["seconds_left"] <= 48 * 3600
    assert main([*base, "anomaly", "review", str(cases[0]["id"]), "--action", "accept", "--by", "cli",
                 "--note", "checked", *db]) == 0
    reviewed = json.loads(capsys.readouterr().out)
    assert reviewed["status"] == "accepted" and reviewed["reviewed_by"] == "cli"
    assert main([*base, "anomaly", "review", str(cases[0]["id"]), "--action", "accept", "--by", "cli",
                 "--note", "again", *db]) == 1
    assert json.loads(capsys.readouterr().out)["reason"] == "REQUEST_INVALID"
    assert main([*base, "report", "settlement", "--date", "2026-13-01", *db]) == 2
    till.client.close()
    till.store.close()
