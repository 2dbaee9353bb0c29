"""HQ's books over real HTTP on loopback, on SQLite and PostgreSQL: what honest terminals' records do
to balances, cases, settlement, tiers and expiry. Records come from real terminals' journals, made
by the cashier path (TerminalService on a clock set to the time of the sale), sealed, chained,
carrying real member codes, uploaded by their sync clients. Expected values are worked out by hand
from docs/rules.md and docs/hq-books.md."""

from __future__ import annotations

import csv
import itertools
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
from alliance_protocol.verifier import FixedClock
from member_wallet import server_client
from member_wallet.wallet import Wallet
from sync_server.db.models import Anomaly, LedgerAdjustment, Member, Record, Terminal
from sync_server.hq import HQError
from sync_server.reconcile import MemberBook, YearClock, reconcile
from sync_server.reviews import review
from sync_server.settlement import commission, settlement_report
from terminal_app.core.service import TerminalService

from .conftest import RunningServer, Till, as_if_enrolled_at, enroll_terminal, issue_bundle_at

CHINA = 480 * 60_000
_IDS = itertools.count(71_001)


def new_member(server: RunningServer, tmp_path: Path, balance: int, *, tier: int = 0, home: str | None = None,
               birthday_month: int = 0) -> Wallet:
    member_id = next(_IDS)
    server.hq.create_member(member_id, name="测试", phone="13000000000", balance=balance, tier=tier,
                            secret=f"books-{member_id}", home_merchant_id=home, birthday_month=birthday_month)
    wallet = Wallet(tmp_path / f"wallet-{member_id}")
    server_client.register(wallet, server.url, member_id, f"books-{member_id}")
    return wallet


def mid(wallet: Wallet) -> int:
    return wallet.state.member_id


def offline_since(server: RunningServer, tills: list[Till], at_s: int) -> None:
    """The tills went offline at `at_s` with the bundle HQ had issued then."""
    _, envelope = issue_bundle_at(server.hq, at_s)
    for t in tills:
        t.store.install_bundle(envelope)
        as_if_enrolled_at(server.hq, t.terminal_id, at_s)


def at(till: Till, at_s: int) -> TerminalService:
    """The till's cashier path with its clock at `at_s`."""
    return TerminalService(till.store, clock=FixedClock(at_s))


def sale(till: Till, wallet: Wallet, at_s: int, bill_fen: int, spend_points: int = 0, receipt_ref: str = ""):
    service = at(till, at_s)
    scan = service.scan(wallet.next_code(at=at_s))
    assert scan.ok, scan
    result = service.commit_purchase(scan.token, bill_fen=bill_fen, spend_points=spend_points,
                                     receipt_ref=receipt_ref)
    assert result.ok, result
    return result


def gift(till: Till, wallet: Wallet, at_s: int, gift_id: str = "G-CUP"):
    service = at(till, at_s)
    scan = service.scan(wallet.next_code(at=at_s))
    assert scan.ok, scan
    result = service.redeem_gift(scan.token, gift_id)
    assert result.ok, result
    return result


def coupon(till: Till, wallet: Wallet, at_s: int, coupon_id: str = "C-COFFEE"):
    service = at(till, at_s)
    scan = service.scan(wallet.next_code(at=at_s))
    assert scan.ok, scan
    result = service.use_coupon(scan.token, coupon_id)
    assert result.ok, result
    return result


def sync(till: Till) -> None:
    report = till.client.sync_once()
    assert report.ok and till.store.outbox_count() == 0, report


def balance(server: RunningServer, member_id: int) -> int:
    with server.hq.session() as s:
        return s.get(Member, member_id).balance


def stored(server: RunningServer, till: Till, seq: int) -> Record:
    with server.hq.session() as s:
        return s.scalar(select(Record).where(Record.terminal_id == till.terminal_id, Record.seq == seq))


def anomalies(server: RunningServer, type_: str, **where) -> list[Anomaly]:
    with server.hq.session() as s:
        q = select(Anomaly).where(Anomaly.type == type_)
        for k, v in where.items():
            q = q.where(getattr(Anomaly, k) == v)
        return s.scalars(q.order_by(Anomaly.id)).all()


def close(*tills: Till) -> None:
    for t in tills:
        t.client.close()
        t.store.close()


def not_member_day(start_s: int) -> int:
    """A time at or after start_s such that neither its local (UTC+8) day nor that of two hours later is
    the demo's member day (the 8th, points x2)."""
    t = start_s
    while 8 in (datetime.fromtimestamp(t + 8 * 3600, UTC).day,
                datetime.fromtimestamp(t + 10 * 3600, UTC).day):
        t += 3600
    return t


# --- the ledger
def test_reconcile_equals_an_independent_recomputation(server: RunningServer, tmp_path: Path) -> None:
    till = enroll_terminal(server, tmp_path / "t", "M-CAFE")
    a = new_member(server, tmp_path, 5_000)
    b = new_member(server, tmp_path, 300)
    t0 = not_member_day(int(time.time()) - 8 * 3600)
    offline_since(server, [till], t0 - 600)
    sale(till, a, t0, 12_000)  # +120
    spend = sale(till, a, t0 + 200, 9_000, spend_points=300)  # 3 yuan off: paid 87 yuan: +87 -300
    sale(till, b, t0 + 400, 5_000)  # +50
    gift(till, a, t0 + 600)  # -2,000
    service = at(till, t0 + 800)
    scan = service.scan(b.next_code(at=t0 + 800))
    declined = service.commit_purchase(scan.token, bill_fen=99_000, spend_points=9_000)  # beyond b's balance
    assert not declined.ok
    assert at(till, t0 + 900).void(spend.seq, manager="m", reason="wrong bill").ok  # +300 -87
    sync(till)
    reconcile(server.hq, tiers=False)  # a member's first reconciliation takes its opening balance
    assert balance(server, mid(a)) == 5_000 + 120 + 87 - 300 - 2_000 + 300 - 87
    assert balance(server, mid(b)) == 300 + 50
    # The stored balance drifts (as if an update were lost): reconciliation finds and fixes it.
    with server.hq.session() as s, s.begin():
        s.get(Member, mid(a)).balance = 1
        cursor_before = s.get(Member, mid(a)).change_cursor
    report = reconcile(server.hq, tiers=False)
    assert {"member_id": mid(a), "stored": 1, "ledger": 5_000 + 120 - 2_000} in report.drift
    assert balance(server, mid(a)) == 3_120
    with server.hq.session() as s:
        assert s.get(Member, mid(a)).change_cursor > cursor_before
    again = reconcile(server.hq, tiers=False)  # running it again changes nothing
    assert not [d for d in again.drift if d["member_id"] in (mid(a), mid(b))]
    close(till)


def test_negative_balance_found_in_event_time_not_upload_order(server: RunningServer, tmp_path: Path) -> None:
    first = enroll_terminal(server, tmp_path / "a", "M-MALL")
    second = enroll_terminal(server, tmp_path / "b", "M-GYM")
    w = new_member(server, tmp_path, 2_500)
    now = int(time.time())
    offline_since(server, [first, second], now - 4 * 3600)
    # Both offline: a cup (2,000 points) at two counters, an hour apart: 2,500 buys one.
    one = gift(first, w, now - 3 * 3600)
    two = gift(second, w, now - 2 * 3600)
    sync(second)  # the later spend arrives first ...
    sync(first)  # ... then the earlier one: in arrival order the earlier one crossed zero
    arrival = anomalies(server, "negative_balance", member_id=mid(w))
    assert [a.dedupe_key for a in arrival] == [f"{first.terminal_id}:{one.seq}"]
    report = reconcile(server.hq, tiers=False)
    assert report.negative_crossings >= 1 and report.cases_disproved >= 1
    found = {a.dedupe_key: a for a in anomalies(server, "negative_balance", member_id=mid(w))}
    # Event time blames the later spend, whichever terminal uploaded first; the arrival-order case is closed.
    assert found[f"{first.terminal_id}:{one.seq}"].status == "disproved"
    event = found[f"{second.terminal_id}:{two.seq}"]
    assert event.status == "open" and event.terminal_id == second.terminal_id
    ev = json.loads(event.evidence)
    assert ev["record"] == {"terminal_id": second.terminal_id, "seq": two.seq}
    assert ev["balance_before"] == 500 and ev["balance_after"] == -1_500 and ev["points_delta"] == -2_000
    assert event.deadline - event.detected_at == 48 * 3600
    assert balance(server, mid(w)) == -1_500
    reconcile(server.hq, tiers=False)  # found again: still one open case
    assert len([a for a in anomalies(server, "negative_balance", member_id=mid(w))
                if a.status == "open"]) == 1
    close(first, second)


def seal_and_post(server: RunningServer, till: Till, seqs: list[int], **extra) -> dict:
    """Rejected scans with the given seqs (the chain linked through them), posted straight to HQ."""
    key = till.store.terminal_key()
    records, prev = [], jr.GENESIS_HASH
    for seq in seqs:
        body = {"terminal_id": till.terminal_id, "merchant_id": till.store.identity().merchant_id,
                "seq": seq, "prev_hash": prev, "recorded_at": int(time.time() * 1000), "kind": "scan",
                "status": "rejected", "reason": "MALFORMED"}
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
    assert stored(server, till, 4).effect == "pending"  # beyond the gap: waits for the chain
    reconcile(server.hq, tiers=False)
    gaps = anomalies(server, "journal_gap", terminal_id=till.terminal_id)
    assert len(gaps) == 1
    ev = json.loads(gaps[0].evidence)
    assert ev["missing_ranges"] == [[3, 3], [6, 7]] and ev["missing"] == 3 and ev["highest_stored"] == 8
    reconcile(server.hq, tiers=False)  # found again: still one case
    assert len(anomalies(server, "journal_gap", terminal_id=till.terminal_id)) == 1
    close(till)


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
    close(skewed, fine)


# --- a copied code: single use alliance-wide, whatever the timing
@dataclass
class CopiedCode:
    """One member code (a screenshot) taken at two terminals, not uploaded yet."""

    a: Till
    b: Till
    wallet: Wallet
    serial: int
    counter: int


def copied_code(server: RunningServer, tmp_path: Path, kind: str) -> CopiedCode:
    from alliance_protocol.member_code import parse

    a = enroll_terminal(server, tmp_path / "a", "M-MALL")
    b = enroll_terminal(server, tmp_path / "b", "M-GYM")
    wallet = new_member(server, tmp_path, 1_000)
    now = int(time.time())
    code = wallet.next_code(at=now)
    for till in (a, b):
        service = at(till, now + 5)
        scan = service.scan(code)
        assert scan.ok, scan
        result = (service.use_coupon(scan.token, "C-COFFEE") if kind == "coupon"
                  else service.commit_purchase(scan.token, bill_fen=8_000))
        assert result.ok, result
    c = parse(code)
    return CopiedCode(a, b, wallet, c.cert.serial, c.counter)


def begin_upload(server: RunningServer, till: Till):
    """The upload handler's work up to (not including) its commit: (open session, acknowledgement)."""
    from alliance_protocol.wire import WireRecord
    from sync_server.ingest import ingest_batch

    s = server.hq.session()
    s.begin()
    terminal = s.get(Terminal, till.terminal_id, with_for_update=True)
    records = [WireRecord.model_validate(r) for r in till.store.outbox_pending(10)]
    return s, ingest_batch(server.hq, s, terminal, records, 0)


@pytest.mark.parametrize("kind", ["coupon", "purchase"])
def test_a_code_copied_to_two_terminals_uploading_at_once_counts_once(server: RunningServer, tmp_path: Path,
                                                                      kind: str) -> None:
    """Both uploads in flight at once: the second waits for the first's books lock, then finds the pair
    (serial, counter) taken. The first use counts; the second moves nothing (no coupon use, no points)
    and one case names both uses, against the terminal that reused the code."""
    if server.hq.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer: two uploads cannot overlap (the same check without the race: "
                    "test_the_same_code_twice_at_one_terminal_counts_once)")
    copy = copied_code(server, tmp_path, kind)
    first, ack_a = begin_upload(server, copy.a)  # holds the books lock until it commits
    done: dict = {}
    waiting = threading.Thread(target=lambda: done.update(b=begin_upload(server, copy.b)))
    waiting.start()
    waiting.join(1.0)
    assert waiting.is_alive(), "the second upload should wait for the first one's books lock"
    first.commit()
    first.close()
    waiting.join(30)
    second, ack_b = done["b"]
    second.commit()
    second.close()
    assert (ack_a.stored, ack_a.flagged, ack_b.stored, ack_b.flagged) == (1, 0, 1, 1)
    reused = stored(server, copy.b, 1)
    assert (reused.effect, reused.flag_reason, reused.points_delta, reused.uses) == (
        "refused", "CODE_REUSED", 0, 0)
    cases = anomalies(server, "code_reused", member_id=mid(copy.wallet))
    assert len(cases) == 1 and cases[0].terminal_id == copy.b.terminal_id
    ev = json.loads(cases[0].evidence)
    assert (ev["cert_serial"], ev["counter"]) == (copy.serial, copy.counter)
    assert [u["terminal_id"] for u in ev["uses"]] == [copy.a.terminal_id, copy.b.terminal_id]
    assert cases[0].deadline - cases[0].detected_at == 48 * 3600
    close(copy.a, copy.b)


def test_the_same_code_twice_at_one_terminal_counts_once(server: RunningServer, tmp_path: Path) -> None:
    """A terminal that writes two records with one code (its replay guard lost, or a dishonest one)."""
    till = enroll_terminal(server, tmp_path / "t", "M-MALL")
    w = new_member(server, tmp_path, 10_000)
    code = w.next_code()
    service = TerminalService(till.store)
    first = service.commit_purchase(service.scan(code).token, bill_fen=10_000)
    with Session(till.store.writer) as s, s.begin():  # the replay guard forgets the code
        s.connection().exec_driver_sql("DELETE FROM seen_codes")
    second = service.commit_purchase(service.scan(code).token, bill_fen=10_000)
    assert first.ok and second.ok
    before = balance(server, mid(w))
    sync(till)
    assert balance(server, mid(w)) == before + first.points_earned
    assert stored(server, till, second.seq).flag_reason == "CODE_REUSED"
    assert len(anomalies(server, "code_reused", member_id=mid(w), terminal_id=till.terminal_id)) == 1
    close(till)


# --- backup codes
def test_backup_codes_verified_by_hq_single_use(server: RunningServer, tmp_path: Path) -> None:
    till = enroll_terminal(server, tmp_path / "t", "M-CAFE")
    other = enroll_terminal(server, tmp_path / "o", "M-MALL")
    w = new_member(server, tmp_path, 400)
    member_id = mid(w)
    now = int(time.time())
    t = now - 1800
    offline_since(server, [till, other], t - 600)
    key = backup_code.key_from_secret(f"books-{member_id}")
    # shown two minutes before it was typed: inside the window
    good = backup_code.make(member_id, key, t - 120)
    bad = str(member_id) + ("000000" if backup_code.totp(key, t) != "000000" else "111111")
    assert not backup_code.verify(bad, member_id, key, t)
    stale = backup_code.make(member_id, key, t - 3600)  # an hour old: outside the window
    results = [at(till, t).backup_code(digits, bill_fen=10_000) for digits in (good, bad, stale)]
    assert all(r.ok and r.reason.value == "BACKUP_CODE_PENDING" and r.points_earned == 100 for r in results)
    again = at(other, t + 60).backup_code(good, bill_fen=10_000)  # the same digits at another counter
    assert again.ok
    sync(till)
    sync(other)
    assert balance(server, member_id) == 500  # verified on arrival: 400 + 100, once
    recs = [stored(server, till, r.seq) for r in results]
    assert (recs[0].effect, recs[0].member_id, recs[0].points_delta) == ("applied", member_id, 100)
    assert [(r.effect, r.flag_reason) for r in recs[1:]] == [("refused", "BACKUP_CODE_FAILED")] * 2
    assert stored(server, other, again.seq).flag_reason == "BACKUP_CODE_REUSED"
    failed = anomalies(server, "backup_code_failed", terminal_id=till.terminal_id)
    assert [json.loads(a.evidence)["backup_code"] for a in failed] == [bad, stale]
    assert len(anomalies(server, "backup_code_failed", terminal_id=other.terminal_id)) == 1
    assert len(anomalies(server, "backup_code_review", terminal_id=till.terminal_id)) == 1  # a person looks
    reconcile(server.hq, tiers=False)
    assert balance(server, member_id) == 500
    close(till, other)


def test_the_wallet_backup_code_typed_at_a_counter_earns_points(server: RunningServer,
                                                                 tmp_path: Path) -> None:
    """End to end: the phone shows the backup code, the cashier types it (no camera), the terminal
    records it pending, HQ verifies it on arrival and the member's points arrive."""
    till = enroll_terminal(server, tmp_path / "t", "M-CAFE")
    wallet = new_member(server, tmp_path, 200)
    digits, _ = wallet.backup_code()
    result = TerminalService(till.store).backup_code(digits, bill_fen=6_000)
    assert result.ok and result.reason.value == "BACKUP_CODE_PENDING" and result.points_earned == 60
    sync(till)
    assert balance(server, mid(wallet)) == 260
    reconcile(server.hq, tiers=False)
    assert balance(server, mid(wallet)) == 260
    assert anomalies(server, "backup_code_failed", terminal_id=till.terminal_id) == []
    assert len(anomalies(server, "backup_code_review", terminal_id=till.terminal_id)) == 1
    close(till)


def test_voiding_a_backup_code_purchase_takes_its_points_back(server: RunningServer, tmp_path: Path) -> None:
    """The void carries no member (the terminal never knew it): HQ reverses what it credited for the
    record it names, member included, and the sale leaves the tier and the day's sales."""
    till = enroll_terminal(server, tmp_path / "t", "M-CAFE")
    w = new_member(server, tmp_path, 1_000)
    service = TerminalService(till.store)
    digits, _ = w.backup_code()
    sold = service.backup_code(digits, bill_fen=15_000)
    failed = service.backup_code(str(mid(w)) + "000000" if not digits.endswith("000000")
                                 else str(mid(w)) + "111111", bill_fen=9_000)
    assert sold.ok and failed.ok
    assert service.void(sold.seq, manager="m", reason="customer returned it").ok
    assert service.void(failed.seq, manager="m", reason="typo").ok
    sync(till)
    assert balance(server, mid(w)) == 1_000
    void = stored(server, till, sold.seq + 2)
    assert (void.member_id, void.points_delta, void.sale_fen) == (mid(w), -150, -15_000)
    assert stored(server, till, failed.seq + 2).points_delta == 0  # nothing was credited: nothing to reverse
    with server.hq.session() as s:  # what settlement sums for this till: nothing left
        cafe = s.execute(select(Record).where(Record.effect == "applied",
                                              Record.terminal_id == till.terminal_id)).scalars().all()
    assert sum(r.sale_fen for r in cafe) == 0 and sum(r.points_earned for r in cafe) == 0
    reconcile(server.hq)
    with server.hq.session() as s:
        assert s.get(Member, mid(w)).tier == 0
    close(till)


# --- the daily cap, coupons, receipts: alliance-wide
def test_the_daily_earn_cap_holds_per_member_across_terminals(server: RunningServer, tmp_path: Path) -> None:
    a = enroll_terminal(server, tmp_path / "a", "M-AUTO")
    b = enroll_terminal(server, tmp_path / "b", "M-MALL")
    w = new_member(server, tmp_path, 0)
    t = not_member_day(int(time.time()) - 6 * 3600)
    offline_since(server, [a, b], t - 60)
    one = sale(a, w, t, 400_000)  # 4,000 points
    two = sale(b, w, t + 60, 300_000)  # 3,000 at the other counter, which cannot know of the first
    assert (one.points_earned, two.points_earned) == (4_000, 3_000)
    sync(a)
    sync(b)
    assert balance(server, mid(w)) == 5_000  # the cap of the day, alliance-wide
    assert stored(server, b, two.seq).points_earned == 1_000
    assert stored(server, b, two.seq).effect == "applied" and stored(server, b, two.seq).flag is None
    close(a, b)


def test_a_single_use_coupon_used_at_two_terminals_counts_once(server: RunningServer, tmp_path: Path) -> None:
    a = enroll_terminal(server, tmp_path / "a", "M-CAFE")
    b = enroll_terminal(server, tmp_path / "b", "M-CAFE")
    w = new_member(server, tmp_path, 100)
    now = int(time.time())
    first = coupon(a, w, now - 50)
    second = coupon(b, w, now - 40)  # offline, each till thinks it is the first
    sync(a)
    sync(b)
    assert stored(server, a, first.seq).uses == 1
    again = stored(server, b, second.seq)
    assert (again.effect, again.flag_reason, again.uses) == ("refused", "COUPON_USED", 0)
    cases = anomalies(server, "coupon_overuse", terminal_id=b.terminal_id)
    assert len(cases) == 1 and json.loads(cases[0].evidence)["coupon_id"] == "C-COFFEE"
    # A void gives the use back: the member may use it once more.
    assert TerminalService(a.store).void(first.seq, manager="m", reason="not served").ok
    third = coupon(a, w, int(time.time()))
    sync(a)
    assert stored(server, a, third.seq).uses == 1
    close(a, b)


def test_backfills_are_held_until_reviewed_and_each_receipt_counts_once(server: RunningServer,
                                                                          tmp_path: Path) -> None:
    a = enroll_terminal(server, tmp_path / "a", "M-GYM")
    b = enroll_terminal(server, tmp_path / "b", "M-GYM")
    w = new_member(server, tmp_path, 100)
    now = int(time.time())
    bought = not_member_day(now - 20 * 3600)
    one = TerminalService(a.store).backfill(mid(w), 12_000, "GYM-77", bought, manager="Li")
    two = TerminalService(b.store).backfill(mid(w), 12_000, "GYM-77", bought, manager="Wang")
    assert one.ok and two.ok and one.points_earned == 120
    sync(a)
    sync(b)
    assert balance(server, mid(w)) == 100  # held: no member code, a person reviews it first
    held = stored(server, a, one.seq)
    assert (held.effect, held.flag_reason, held.points_delta) == ("held", "BACKFILL_HELD", 120)
    dup = stored(server, b, two.seq)
    assert (dup.effect, dup.flag_reason) == ("refused", "DUPLICATE_RECEIPT")
    assert len(anomalies(server, "duplicate_receipt", terminal_id=b.terminal_id)) == 1
    case = anomalies(server, "backfill_review", terminal_id=a.terminal_id)[0]
    out = review(server.hq, case.id, "accept", "hq-ops", "receipt checked")
    assert out["applied"] and out["points"] == 120
    assert balance(server, mid(w)) == 220
    reconcile(server.hq, tiers=False)
    assert balance(server, mid(w)) == 220
    close(a, b)


def test_backfill_points_before_review_is_a_books_setting(server: RunningServer, tmp_path: Path) -> None:
    till = enroll_terminal(server, tmp_path / "t", "M-GYM")
    w = new_member(server, tmp_path, 0)
    with server.hq.session() as s, s.begin():
        server.hq.put_setting(s, "books", {"backfill_points_before_review": True})
    server.hq._books_memo = None
    try:
        bought = not_member_day(int(time.time()) - 5 * 3600)
        result = TerminalService(till.store).backfill(mid(w), 5_000, "GYM-88", bought, manager="Li")
        sync(till)
        assert balance(server, mid(w)) == 50
        assert stored(server, till, result.seq).effect == "applied"
        case = anomalies(server, "backfill_review", terminal_id=till.terminal_id)[0]
        review(server.hq, case.id, "reverse", "hq-ops", "no such receipt")
        assert balance(server, mid(w)) == 0
    finally:
        with server.hq.session() as s, s.begin():
            server.hq.put_setting(s, "books", {})
        server.hq._books_memo = None
    close(till)


# --- reviews
def test_review_actions_keep_who_when_why_and_reverse_stays_in_the_ledger(server: RunningServer,
                                                                            tmp_path: Path) -> None:
    first = enroll_terminal(server, tmp_path / "a", "M-MALL")
    second = enroll_terminal(server, tmp_path / "b", "M-MALL")
    w = new_member(server, tmp_path, 2_100)
    now = int(time.time())
    offline_since(server, [first, second], now - 6000)
    gift(first, w, now - 5000)
    two = gift(second, w, now - 4000)
    sync(first)
    sync(second)
    reconcile(server.hq, tiers=False)
    assert balance(server, mid(w)) == -1_900
    case = anomalies(server, "negative_balance", member_id=mid(w))[0]
    assert case.dedupe_key == f"{second.terminal_id}:{two.seq}" and case.status == "open"
    with pytest.raises(HQError) as info:
        review(server.hq, case.id, "reverse", "", "no name")
    assert info.value.reason == "REQUEST_INVALID"
    with pytest.raises(HQError):
        review(server.hq, case.id, "delete", "auditor", "not an action")

    before = time.time()
    out = review(server.hq, case.id, "reverse", "审计 Li", "double spend offline; member paid cash")
    assert out["points"] == 2_000 and out["member_id"] == mid(w) and out["status"] == "reversed"
    with server.hq.session() as s:
        a = s.get(Anomaly, case.id)
        assert (a.status, a.reviewed_by, a.review_note) == (
            "reversed", "审计 Li", "double spend offline; member paid cash")
        assert before - 1 <= a.reviewed_at <= time.time() + 1
        adj = s.scalars(select(LedgerAdjustment).where(LedgerAdjustment.anomaly_id == case.id)).all()
        assert [(x.kind, x.points, x.created_by) for x in adj] == [("reversal", 2_000, "审计 Li")]
    assert balance(server, mid(w)) == 100
    reconcile(server.hq, tiers=False)  # the compensating entry is part of the ledger now
    assert balance(server, mid(w)) == 100
    with pytest.raises(HQError) as info:
        review(server.hq, case.id, "accept", "x", "again")
    assert info.value.status == 409

    # block-member: the deny list of the next bundle names the member, from this moment on
    gap_case_till = enroll_terminal(server, tmp_path / "g0", "M-GYM")
    seal_and_post(server, gap_case_till, [1, 3])
    reconcile(server.hq, tiers=False)
    some_case = anomalies(server, "journal_gap", terminal_id=gap_case_till.terminal_id)[0]
    assert mid(w) not in server.hq.bundle().payload["deny"]["member_ids"]
    with server.hq.session() as s, s.begin():  # (a case naming the member)
        s.get(Anomaly, some_case.id).member_id = mid(w)
        cursor = s.get(Member, mid(w)).change_cursor
    review(server.hq, some_case.id, "block-member", "hq-ops", "repeat double spends")
    with server.hq.session() as s:
        m = s.get(Member, mid(w))
        assert m.blocked and m.blocked_at is not None and m.change_cursor > cursor
        assert s.get(Anomaly, some_case.id).status == "member_blocked"
    assert mid(w) in server.hq.bundle().payload["deny"]["member_ids"]

    # suspend-terminal and accept, on gap cases
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
        open_gap = s.scalars(select(Anomaly).where(Anomaly.type == "journal_gap",
                                                   Anomaly.status == "open")).first()
    review(server.hq, open_gap.id, "accept", "hq-ops", "till replaced, records lost with the disk")
    with server.hq.session() as s:
        a = s.get(Anomaly, open_gap.id)
        assert a.status == "accepted" and a.review_note.startswith("till replaced")
    close(first, second, gap_till, gap_case_till)


# --- settlement
def test_settlement_on_a_hand_computed_day(server: RunningServer, tmp_path: Path) -> None:
    server.hq.create_merchant("M-SELL", "卖家 <Seller>", daily_target_fen=10_000)
    server.hq.create_merchant("M-SELL2", "第二卖家 Seller 2")
    server.hq.create_merchant("M-HOME", "引荐商户 Home")
    till = enroll_terminal(server, tmp_path / "t", "M-SELL")
    till2 = enroll_terminal(server, tmp_path / "t2", "M-SELL2")
    w = new_member(server, tmp_path, 5_000, home="M-HOME")
    local = datetime.now(UTC) + timedelta(minutes=480)
    day = local.date() - timedelta(days=2)
    while day.day in (7, 8):  # neither the day nor the next one is the member day (points x2)
        day -= timedelta(days=1)
    noon = int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()) - 480 * 60
    offline_since(server, [till, till2], noon - 600)
    sale(till, w, noon, 8_000)  # 80 points
    sale(till, w, noon + 60, 7_050, spend_points=1_000)  # paid 60.50 yuan: 60 points
    service = at(till, noon + 120)
    scan = service.scan(w.next_code(at=noon + 120))
    assert not service.commit_purchase(scan.token, bill_fen=99_000, spend_points=50_000).ok  # declined
    sale(till2, w, noon + 180, 150)  # 1.50 yuan at another merchant, also the member's guest
    nxt = sale(till, w, noon + 86_400, 50_000)  # the next day ...
    # ... voided that day
    assert at(till, noon + 86_400 + 60).void(nxt.seq, manager="m", reason="returned").ok
    sync(till)
    sync(till2)
    following = {x.merchant_id: x for x in settlement_report(server.hq, day + timedelta(days=1))}
    sell = following["M-SELL"]
    assert (sell.sales_fen, sell.points_issued, sell.commission_fen) == (0, 0, 0)
    assert following["M-HOME"].rebate_fen == 0
    lines = {x.merchant_id: x for x in settlement_report(server.hq, day)}
    sell, home = lines["M-SELL"], lines["M-HOME"]
    # Sales 14,050 fen against a 10,000 target: 5 % of 10,000 + 8 % of 4,050 = 500 + 324.
    assert (sell.sales_fen, sell.commission_fen) == (14_050, 824)
    # 140 points issued, 1,000 redeemed, at 100 points per yuan.
    assert (sell.points_issued, sell.points_redeemed) == (140, 1_000)
    assert (sell.points_issued_value_fen, sell.points_redeemed_value_fen) == (140, 1_000)
    assert (sell.merchant_owes_fen, sell.alliance_owes_fen, sell.net_fen) == (964, 1_000, -36)
    assert sell.rebate_fen == 0
    # The home merchant earns 1 % of the day's sales elsewhere, summed first, rounded half up once:
    # 1 % of (14,050 + 150) = 142 (per selling merchant it would have been 140.5 + 1.5 -> 141 + 2 = 143).
    assert (home.rebate_fen, home.alliance_owes_fen, home.net_fen) == (142, 142, -142)
    # half up: 0.5 -> 1
    assert commission(14_050, 10_000, 5, 8) == 500 + 324 and commission(10, 100, 5, 8) == 1

    from sync_server.cli import main

    out = tmp_path / "s.csv"
    rc = main(["--home", str(server.hq.settings.resolved_home()), "report", "settlement",
               "--date", day.isoformat(), "--csv", str(out),
               "--database-url", server.hq.settings.resolved_database_url()])
    assert rc == 0
    rows = {r["merchant_id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["M-SELL"]["net_fen"] == "-36" and rows["M-SELL"]["merchant_name"] == "卖家 <Seller>"
    assert rows["M-HOME"]["rebate_fen"] == "142"
    close(till, till2)


# --- tiers and expiry
def test_tiers_from_rolling_annual_spend(server: RunningServer, tmp_path: Path) -> None:
    till = enroll_terminal(server, tmp_path / "t", "M-AUTO")
    w = new_member(server, tmp_path, 0)
    now = int(time.time())
    offline_since(server, [till], now - 5 * 86_400 - 600)
    sale(till, w, now - 5 * 86_400, 600_000)
    offline_since(server, [till], now - 4 * 86_400 - 600)
    sale(till, w, now - 4 * 86_400, 1_000_000)
    big = sale(till, w, now - 4 * 86_400 + 60, 1_500_000)
    assert at(till, now - 4 * 86_400 + 120).void(big.seq, manager="m", reason="cancelled").ok  # not a spend
    sync(till)
    with server.hq.session() as s:
        cursor = s.get(Member, mid(w)).change_cursor
    reconcile(server.hq)
    with server.hq.session() as s:
        m = s.get(Member, mid(w))
        assert m.tier == 2 and m.change_cursor > cursor  # 16,000 yuan (31,000 before the void): tier 2
    # 360.5 days on, only the later purchase is within the last 365 days: 10,000 yuan -> tier 1.
    reconcile(server.hq, now=(now + 360 * 86_400 + 43_200) * 1000)
    with server.hq.session() as s:
        assert s.get(Member, mid(w)).tier == 1
    reconcile(server.hq, now=(now + 400 * 86_400) * 1000)
    with server.hq.session() as s:
        assert s.get(Member, mid(w)).tier == 0
    reconcile(server.hq)
    close(till)


def test_points_expire_by_cycle_and_expiring_soon_reaches_the_wallet(server: RunningServer,
                                                                      tmp_path: Path) -> None:
    till = enroll_terminal(server, tmp_path / "t", "M-CAFE")
    w = new_member(server, tmp_path, 1_000)
    t = int(time.time()) - 3600
    offline_since(server, [till], t - 60)
    earned = sale(till, w, t, 30_000).points_earned
    assert earned in (300, 600)  # (600 on a member day)
    sync(till)
    reconcile(server.hq, tiers=False)
    assert balance(server, mid(w)) == 1_000 + earned
    years = YearClock(CHINA)
    this_year = years.year(int(time.time()) * 1000)
    end = years.start(this_year + 2)  # earned this year: expires at the end of next year
    reconcile(server.hq, now=end - 30 * 86_400_000, tiers=False)
    with server.hq.session() as s:
        m = s.get(Member, mid(w))
        assert (m.balance, m.expiring_soon) == (1_000 + earned, 1_000 + earned)
    assert server_client.balance(w, server.url, mid(w), f"books-{mid(w)}").expiring_soon == 1_000 + earned
    # ... and to terminals with their next balance download (the change cursor moved).
    from terminal_app.store.models import MemberBalance

    assert till.client.sync_once().ok
    with Session(till.store.writer) as s:
        pushed = s.get(MemberBalance, mid(w))
        assert (pushed.balance, pushed.expiring_soon) == (1_000 + earned, 1_000 + earned)
    report = reconcile(server.hq, now=end + 86_400_000, tiers=False)
    assert balance(server, mid(w)) == 0 and report.expired_points >= 1_000 + earned
    reconcile(server.hq, tiers=False)  # back to today: nothing has expired yet
    with server.hq.session() as s:
        m = s.get(Member, mid(w))
        assert (m.balance, m.expiring_soon) == (1_000 + earned, 0)
    close(till)


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
    w = new_member(server, tmp_path, 2_000)
    t0 = not_member_day(int(time.time()) - 4 * 3600)
    offline_since(server, tills, t0 - 60)
    for i, till in enumerate(tills):
        for k in range(20):
            sale(till, w, t0 + i * 700 + k * 10, 10_000)
    sync(tills[0])
    # The second terminal's batch lands after the ledger stream has read the records, before the
    # reconciliation writes the balances back.
    reconcile(server.hq, tiers=False, after_stream=lambda: sync(tills[1]))
    assert balance(server, mid(w)) == 2_000 + 2 * 20 * 100
    report = reconcile(server.hq, tiers=False)
    assert balance(server, mid(w)) == 2_000 + 2 * 20 * 100
    assert not [d for d in report.drift if d["member_id"] == mid(w)]
    close(*tills)


def test_commands_print_json_and_list_every_case(server: RunningServer, tmp_path: Path, capsys) -> None:
    from sync_server.cli import main

    base = ["--home", str(server.hq.settings.resolved_home())]
    db = ["--database-url", server.hq.settings.resolved_database_url()]
    till = enroll_terminal(server, tmp_path / "t", "M-GYM")
    seal_and_post(server, till, [1, 3])
    assert main([*base, "reconcile", "--keep-tiers", *db]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] and out["journal_gaps"] >= 1 and out["records"] >= 0
    assert main([*base, "anomaly", "list", "--status", "all", "--limit", "2", *db]) == 0
    page = json.loads(capsys.readouterr().out)
    assert len(page["anomalies"]) == 2 and page["total"] > 2 and page["next_offset"] == 2  # no silent cap
    assert main([*base, "anomaly", "list", "--status", "all", "--all", *db]) == 0
    every = json.loads(capsys.readouterr().out)
    assert len(every["anomalies"]) == page["total"] == every["total"]
    assert len({a["id"] for a in every["anomalies"]}) == page["total"]
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
    close(till)


def test_a_backfill_earns_the_multiplier_of_the_purchase_day(server: RunningServer, tmp_path: Path) -> None:
    """docs/hq-books.md: a backfill is priced on the day of the purchase (its member day), not the
    day it is entered; the terminal and HQ agree on it."""
    from alliance_protocol.rules import AllianceRules

    bought = int(time.time()) - 30 * 3600
    weekday = (datetime.fromtimestamp(bought, UTC) + timedelta(hours=8)).weekday()
    today = (datetime.now(UTC) + timedelta(hours=8)).weekday()
    assert weekday != today
    rules = AllianceRules.from_dict({"member_day_weekdays": [weekday], "member_day_monthdays": []}).to_dict()
    with server.hq.session() as s, s.begin():
        saved = server.hq.get_setting(s, "rules")
        server.hq.put_setting(s, "rules", rules)
    server.hq.bundle_changed()
    try:
        till = enroll_terminal(server, tmp_path / "t", "M-GYM")  # takes the bundle with these rules
        w = new_member(server, tmp_path, 0)
        result = TerminalService(till.store).backfill(mid(w), 10_000, "GYM-MD-1", bought, manager="Li")
        assert result.ok and result.points_earned == 200  # 100 points, doubled on the purchase's member day
        sync(till)
        rec = stored(server, till, result.seq)
        assert (rec.effect, rec.points_delta, rec.flag_reason) == ("held", 200, "BACKFILL_HELD")
        close(till)
    finally:
        with server.hq.session() as s, s.begin():
            server.hq.put_setting(s, "rules", saved)
        server.hq.bundle_changed()
