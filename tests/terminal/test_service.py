"""The terminal service on a real store: every rule, limit and manager action, with boundaries."""

from __future__ import annotations

from alliance_protocol.reasons import Reason
from alliance_protocol.rules import AllianceRules, OfflineLimits
from alliance_protocol.testkit import DAY, T0
from terminal_app.core.results import Severity
from terminal_app.core.service import SCAN_SESSION_S, LogFilter, TerminalService

from .conftest import make_service


def checkout(svc: TerminalService, member, bill: int, spend: int = 0):
    scan = svc.scan(member.code(T0))
    assert scan.ok, scan
    return svc.commit_purchase(scan.token, bill, spend)


def test_scan_shows_a_masked_member_view_without_consuming_the_code(service, alliance, store) -> None:
    m = alliance.member(1234567, tier=2, allowance=3000)
    code = m.code(T0)
    scan = service.scan(code)
    assert scan.ok and scan.severity is Severity.APPROVED and scan.seq is None
    v = scan.member
    assert (v.masked_id, v.tier, v.balance, v.spendable, v.allowance) == ("***4567", 2, None, 3000, 3000)
    assert [c["id"] for c in v.coupons] == ["C-COFFEE", "C-WASH"]  # C-VIP needs diamond
    assert [g["id"] for g in v.gifts] == ["G-KEYRING"]  # the cup is out of stock
    assert store.outbox_count() == 0
    assert service.scan(code).ok  # not consumed by a scan


def test_rejected_scans_are_journaled_with_their_reason(service, store) -> None:
    result = service.scan("HELLO")
    assert (result.ok, result.reason, result.severity) == (False, Reason.UNKNOWN_FORMAT, Severity.DECLINED)
    rows = service.log()
    assert (rows[0]["seq"], rows[0]["kind"], rows[0]["reason"]) == (result.seq, "scan", "UNKNOWN_FORMAT")
    assert result.message_zh and result.message_en
    assert store.outbox_count() == 1


def test_a_committed_code_is_consumed_and_a_replay_is_journaled(service, alliance) -> None:
    m = alliance.member(1, tier=0)
    code = m.code(T0)
    scan = service.scan(code)
    txn = service.commit_earn(scan.token, 10_000)
    assert txn.ok and txn.points_earned == 100 and txn.seq == 1
    again = service.scan(code)
    assert again.reason is Reason.CODE_REPLAYED and again.seq == 2
    assert service.commit_earn(scan.token, 10_000).reason is Reason.SCAN_SESSION_EXPIRED  # token used up


def test_earn_and_spend_in_one_bill_with_tier_discount(service, alliance) -> None:
    txn = checkout(service, alliance.member(2, tier=3), 20_000, 4_000)
    p = txn.pricing
    assert (p.discount_fen, p.cash_off_fen, p.paid_fen) == (6_000, 4_000, 10_000)
    assert (txn.points_spent, txn.points_earned) == (4_000, 100)
    body = service.log()[0]
    assert (body["bill_fen"], body["paid_fen"], body["points_spent"]) == (20_000, 10_000, 4_000)


def test_one_point_over_the_known_balance_is_refused(service, alliance, store) -> None:
    m = alliance.member(3, tier=0, allowance=50_000)
    store.apply_balances([(3, 1_000, "c1", 200)])
    scan = service.scan(m.code(T0))
    assert (scan.member.balance, scan.member.expiring_soon, scan.member.spendable) == (1_000, 200, 1_000)
    over = service.commit_spend(scan.token, 10_000, 1_001)
    assert (over.ok, over.reason, over.severity) == (False, Reason.INSUFFICIENT_POINTS, Severity.DECLINED)
    exact = service.commit_spend(scan.token, 10_000, 1_000)  # same token: the decline did not consume it
    assert exact.ok and exact.points_spent == 1_000
    assert service.scan(m.code(T0)).member.balance == 0


def test_balance_pushed_after_sync_counts_only_later_spends(service, alliance, store) -> None:
    m = alliance.member(4, tier=0)
    store.apply_balances([(4, 5_000, "c1", 0)])
    first = checkout(service, m, 10_000, 1_000)
    assert service.scan(m.code(T0)).member.balance == 4_000
    store.mark_synced(first.seq)
    store.apply_balances([(4, 4_100, "c2", 0)])  # server: 5000 - 1000 + 100 earned
    assert service.scan(m.code(T0)).member.balance == 4_100
    checkout(service, m, 10_000, 100)
    assert service.scan(m.code(T0)).member.balance == 4_000


def test_offline_per_transaction_cap_exactly(store, clock, alliance) -> None:
    svc = make_service(store, clock, AllianceRules(offline=OfflineLimits(txn_max_points=1_000)), alliance)
    m = alliance.member(5, tier=0)
    scan = svc.scan(m.code(T0))
    assert svc.commit_spend(scan.token, 10_000, 1_001).reason is Reason.OFFLINE_TXN_CAP
    assert svc.commit_spend(scan.token, 10_000, 1_000).ok


def test_offline_member_limit_is_bounded_by_the_certificate_allowance(service, alliance, store) -> None:
    m = alliance.member(6, tier=0, allowance=3_000)
    assert checkout(service, m, 10_000, 2_000).ok
    scan = service.scan(m.code(T0))
    assert scan.member.spendable == 1_000
    assert service.commit_spend(scan.token, 10_000, 1_001).reason is Reason.OFFLINE_MEMBER_LIMIT
    store.mark_synced(10**6)  # the server has everything: the offline allowance is fresh again
    assert service.commit_spend(scan.token, 10_000, 1_001).ok


def test_offline_terminal_exposure_limit(store, clock, alliance) -> None:
    svc = make_service(store, clock, AllianceRules(offline=OfflineLimits(terminal_max_points=1_500)),
                       alliance)
    assert checkout(svc, alliance.member(7, tier=0), 10_000, 1_000).ok
    declined = checkout(svc, alliance.member(8, tier=0), 10_000, 501)
    assert declined.reason is Reason.OFFLINE_TERMINAL_LIMIT
    assert checkout(svc, alliance.member(9, tier=0), 10_000, 500).ok
    assert svc.status()["terminal_exposure_points"] == 1_500
    assert svc.status()["limits"]["terminal_max_points"] == 1_500


def test_too_long_since_the_last_sync(service, alliance, store) -> None:
    limit = AllianceRules().offline.max_since_sync_s
    store.set_last_sync(T0 - limit)
    assert checkout(service, alliance.member(10), 10_000).ok  # exactly the limit
    store.set_last_sync(T0 - limit - 1)
    txn = checkout(service, alliance.member(10), 10_000)
    assert (txn.ok, txn.reason) == (False, Reason.SYNC_TOO_OLD) and txn.seq is not None


def test_daily_cap_crossing_within_one_bill_is_approved_with_attention(store, clock, alliance) -> None:
    svc = make_service(store, clock, AllianceRules(daily_earn_cap_points=100), alliance)
    m = alliance.member(11, tier=0)
    assert checkout(svc, m, 8_000).points_earned == 80
    crossing = checkout(svc, m, 5_000)
    assert (crossing.ok, crossing.points_earned, crossing.reason) == (True, 20, Reason.DAILY_CAP_REACHED)
    assert crossing.severity is Severity.ATTENTION
    assert checkout(svc, alliance.member(12, tier=0), 5_000).points_earned == 50  # per member


def test_member_day_and_birthday_month_stack_at_the_counter(store, alliance) -> None:
    import datetime as dt

    from alliance_protocol.verifier import FixedClock

    at = int(dt.datetime(2026, 9, 8, 4, 0, tzinfo=dt.UTC).timestamp())  # the 8th, September
    alliance.now = at
    store.install_bundle(__import__("tests.terminal.conftest", fromlist=["bundle_bytes"])
                         .bundle_bytes(alliance, sequence=5))
    store.set_last_sync(at)
    svc = TerminalService(store, clock=FixedClock(at))
    store.apply_balances([(13, 0, "c", 0, 9)])
    m = alliance.member(13, tier=0)
    scan = svc.scan(m.code(at))
    txn = svc.commit_earn(scan.token, 10_000)
    assert (txn.pricing.multiplier_pct, txn.points_earned) == (400, 400)


def test_members_only_earning(store, clock, alliance) -> None:
    svc = make_service(store, clock, AllianceRules(members_only_earning=True), alliance)
    basic = checkout(svc, alliance.member(14, tier=0), 10_000)
    assert (basic.ok, basic.points_earned, basic.reason, basic.severity) == (
        True, 0, Reason.NOT_A_MEMBER, Severity.ATTENTION)
    assert checkout(svc, alliance.member(15, tier=1), 10_000).points_earned == 90


def test_single_use_coupon_and_quota_and_tier(service, alliance) -> None:
    m = alliance.member(16, tier=2)
    scan = service.scan(m.code(T0))
    assert service.use_coupon(scan.token, "C-COFFEE").ok
    scan = service.scan(m.code(T0))
    assert "C-COFFEE" not in [c["id"] for c in scan.member.coupons]
    assert service.use_coupon(scan.token, "C-COFFEE").reason is Reason.COUPON_USED
    assert service.use_coupon(scan.token, "C-VIP").reason is Reason.COUPON_NOT_ELIGIBLE
    assert service.use_coupon(scan.token, "NOPE").reason is Reason.COUPON_UNKNOWN
    for member_id in (17, 18):
        s = service.scan(alliance.member(member_id).code(T0))
        assert service.use_coupon(s.token, "C-WASH").ok
    s = service.scan(alliance.member(19).code(T0))
    assert "C-WASH" not in [c["id"] for c in s.member.coupons]
    assert service.use_coupon(s.token, "C-WASH").reason is Reason.COUPON_QUOTA_EXHAUSTED


def test_gifts_spend_points_and_vanish_when_out_of_stock(service, alliance, store) -> None:
    scan = service.scan(alliance.member(20).code(T0))
    assert service.redeem_gift(scan.token, "G-CUP").reason is Reason.GIFT_OUT_OF_STOCK
    assert service.redeem_gift(scan.token, "G-NONE").reason is Reason.GIFT_UNKNOWN
    first = service.redeem_gift(scan.token, "G-KEYRING")
    assert first.ok and first.points_spent == 500
    scan = service.scan(alliance.member(21).code(T0))
    assert service.redeem_gift(scan.token, "G-KEYRING").ok
    scan = service.scan(alliance.member(22).code(T0))
    assert scan.member.gifts == []
    assert service.redeem_gift(scan.token, "G-KEYRING").reason is Reason.GIFT_OUT_OF_STOCK
    store.apply_balances([(23, 499, "c", 0)])
    assert service.scan(alliance.member(23).code(T0)).member.gifts == []  # not enough points: not offered


def test_void_is_a_compensating_record_within_the_open_shift(service, alliance) -> None:
    m = alliance.member(24, tier=0)
    txn = checkout(service, m, 10_000, 1_000)
    assert service.scan(m.code(T0)).member.spendable == 19_000
    void = service.void(txn.seq, manager="Li")
    assert void.ok and void.seq == txn.seq + 1
    rows = {r["seq"]: r for r in service.log()}
    assert rows[txn.seq]["voided_by"] == void.seq and rows[txn.seq]["status"] == "approved"  # still there
    assert rows[void.seq]["ref_seq"] == txn.seq and rows[void.seq]["reversed_points_spent"] == 1_000
    assert service.scan(m.code(T0)).member.spendable == 20_000
    assert service.void(txn.seq, manager="Li").reason is Reason.VOID_NOT_ALLOWED
    assert service.void(void.seq, manager="Li").reason is Reason.VOID_NOT_ALLOWED
    other = checkout(service, m, 10_000)
    z = service.close_shift(manager="Li")
    assert z.shift == 1 and z.voids == 1 and z.points_earned == 100 and z.bill_fen == 10_000
    assert service.void(other.seq, manager="Li").reason is Reason.VOID_NOT_ALLOWED  # shift closed
    assert service.status()["shift"] == 2


def test_voiding_a_coupon_frees_its_quota(service, alliance) -> None:
    used = []
    for member_id in (25, 26):
        s = service.scan(alliance.member(member_id).code(T0))
        used.append(service.use_coupon(s.token, "C-WASH"))
    assert service.void(used[0].seq, manager="Li").ok
    s = service.scan(alliance.member(27).code(T0))
    assert service.use_coupon(s.token, "C-WASH").ok


def test_backfill_within_the_window_once_per_receipt(service) -> None:
    ok = service.backfill(30, 10_000, "R-1", T0 - 3600, manager="Li")
    assert ok.ok and ok.points_earned == 100
    assert service.backfill(30, 10_000, "R-1", T0 - 3600, manager="Li").reason is Reason.DUPLICATE_RECEIPT
    too_old = service.backfill(30, 10_000, "R-2", T0 - 2 * DAY - 1, manager="Li")
    assert too_old.reason is Reason.BACKFILL_TOO_OLD
    assert service.backfill(30, 10_000, "R-3", T0 - 2 * DAY, manager="Li").ok  # exactly 48 h
    assert service.backfill(30, -5, "R-4", T0, manager="Li").reason is Reason.INVALID_AMOUNT


def test_backup_code_is_pending_within_its_own_small_limit(store, clock, alliance) -> None:
    svc = make_service(store, clock, AllianceRules(offline=OfflineLimits(backup_max_pending=2)), alliance)
    r = svc.backup_code("12345678", 8_000)
    assert (r.ok, r.reason, r.severity, r.points_earned) == (
        True, Reason.BACKUP_CODE_PENDING, Severity.ATTENTION, 80)
    assert svc.log()[0]["status"] == "pending_verification"
    assert svc.backup_code("12AB", 8_000).reason is Reason.BACKUP_CODE_MALFORMED
    assert svc.backup_code("12345679", 20_001).reason is Reason.BACKUP_CODE_LIMIT
    assert svc.backup_code("12345679", 10_000, 2_001).reason is Reason.BACKUP_CODE_LIMIT
    assert svc.backup_code("12345679", 20_000, 2_000).ok  # exactly the limits
    assert svc.backup_code("12345670", 8_000).reason is Reason.BACKUP_CODE_LIMIT  # 2 pending already


def test_scan_session_expires(service, alliance, clock) -> None:
    scan = service.scan(alliance.member(31).code(T0))
    clock.at = T0 + SCAN_SESSION_S + 1
    late = service.commit_earn(scan.token, 10_000)
    assert late.reason is Reason.SCAN_SESSION_EXPIRED and late.seq is not None
    assert service.commit_earn("no-such-token", 10_000).seq is None


def test_bad_amount_is_declined_and_recorded(service, alliance) -> None:
    scan = service.scan(alliance.member(32).code(T0))
    bad = service.commit_purchase(scan.token, -100)
    assert (bad.ok, bad.reason) == (False, Reason.INVALID_AMOUNT) and bad.seq is not None
    assert service.commit_purchase(scan.token, 100).ok


def test_log_filters(service, alliance) -> None:
    checkout(service, alliance.member(40), 10_000)
    checkout(service, alliance.member(41), 10_000)
    service.scan("JUNK")
    assert [r["member_id"] for r in service.log(LogFilter(member_id=41))] == [41]
    assert [r["kind"] for r in service.log(LogFilter(status="rejected"))] == ["scan"]
    assert len(service.log(LogFilter(kind="purchase"))) == 2
    assert len(service.log(LogFilter(reason="UNKNOWN_FORMAT"))) == 1
    day = service.log()[0]["day"]
    assert len(service.log(LogFilter(day_from=day, day_to=day))) == 3
    assert service.log(LogFilter(day_to="2000-01-01")) == []


def test_no_identity_no_service(tmp_path) -> None:
    import pytest

    from terminal_app.store import open_store

    with pytest.raises(RuntimeError, match="NO_TERMINAL_IDENTITY"):
        TerminalService(open_store(tmp_path / "x"))


def test_replay_rows_older_than_the_window_are_pruned_but_recent_ones_kept(
        service, alliance, store, monkeypatch) -> None:
    """One pruning rule (terminal_app/store/replay.py), in the commit that consumes every PRUNE_EVERY-th
    pair, with the one retention (code window + future skew + a minute) on the service's clock."""
    from alliance_protocol.verifier import VerifierSettings
    from terminal_app.store import replay

    monkeypatch.setattr(replay, "PRUNE_EVERY", 2)
    retention = replay.retention_s(VerifierSettings())
    assert retention == 60 + 30 + 60
    with store.write() as tx:  # rowid 1: no pruning yet
        assert tx.replay.consume(1, 1, T0 - retention - 1, now=T0, retention=retention)  # just too old
        assert tx.replay.consume(1, 2, T0 - retention, now=T0, retention=retention)  # rowid 2: prunes (1, 1)
        # (1, 2) is exactly `retention` old: kept (its code is refused by the window from now on anyway)
        assert not tx.replay.consume(1, 2, T0, now=T0, retention=retention)  # already used
    assert not store.replay_check().seen(1, 1) and store.replay_check().seen(1, 2)
    m = alliance.member(50, tier=0)
    first = m.code(T0)
    def checkout_code(code: str):
        return service.commit_earn(service.scan(code).token, 1_000)

    assert checkout_code(first).ok  # rowid 3
    with store.write() as tx:
        tx.replay.consume(1, 3, T0 - 10_000, now=T0, retention=retention)  # rowid 4 prunes itself
    assert not store.replay_check().seen(1, 3) and store.replay_check().seen(1, 2)
    assert checkout_code(m.code(T0)).ok  # rowid 5
    assert service.scan(first).reason is Reason.CODE_REPLAYED  # inside the window: kept


def test_a_code_is_consumed_only_with_the_record_that_uses_it(service, alliance, store) -> None:
    """The verifier's view of the replay guard never writes: a check (pos-terminal verify, scan-image,
    a scan) leaves the code usable; only a counting journal record consumes it, in its transaction."""
    code = alliance.member(51, tier=1).code(T0)
    verifier = store.verifier()
    assert verifier.replay.remember(1, 99, T0) and verifier.replay.remember(1, 99, T0)  # checks only
    with store.read() as tx:
        assert tx.replay.count() == 0
    declined = service.commit_purchase(service.scan(code).token, 4_000, 100)  # points on a small bill
    assert not declined.ok
    with store.read() as tx:
        assert tx.replay.count() == 0  # a declined commit consumed nothing
    sold = service.commit_purchase(service.scan(code).token, 10_000)
    assert sold.ok
    with store.read() as tx:
        assert tx.replay.count() == 1
        entry = tx.journal.get(sold.seq)
        assert entry is not None and entry.status == "approved"


def test_a_signed_bundle_with_unusable_rules_or_catalogue_is_refused_and_the_old_kept(
        store, alliance) -> None:
    import pytest

    from alliance_protocol import trust_bundle as tb

    for bad in ({"rules": {"min_bill_fen": 50.5}}, {"rules": {"min_bill_fen": -1}},
                {"gifts": [{"id": "G", "points": 5}]}, {"coupons": [{"id": "C", "kind": "forever"}]},
                {"coupons": [{"id": "C"}, {"id": "C"}]}):
        payload = {**alliance.payload(sequence=9), **bad}
        try:
            envelope = tb.sign_bundle(payload, alliance.root)
        except TypeError:  # canonical JSON already refuses floats at signing
            continue
        with pytest.raises(tb.BundleError):
            store.install_bundle(envelope)
        assert store.current_bundle().sequence == 1


def test_an_unforeseen_error_is_declined_never_approved(service, alliance, monkeypatch) -> None:
    import terminal_app.core.decisions.purchase as purchase_mod

    scan = service.scan(alliance.member(60).code(T0))
    monkeypatch.setattr(purchase_mod, "price", lambda *a, **k: 1 / 0)
    txn = service.commit_purchase(scan.token, 10_000)
    assert (txn.ok, txn.reason, txn.severity, txn.seq) == (
        False, Reason.INTERNAL_ERROR, Severity.DECLINED, None)
    assert service.log() == []


def test_quote_previews_the_commit_without_side_effects(service, alliance, store) -> None:
    store.apply_balances([(61, 1_000, "c", 0)])
    scan = service.scan(alliance.member(61, tier=1).code(T0))
    q = service.quote(scan.token, 10_000, 1_000)
    assert q.ok and (q.discount_fen, q.cash_off_fen, q.paid_fen, q.points_earned) == (1_000, 1_000, 8_000, 80)
    assert service.quote(scan.token, 10_000, 1_001).reason is Reason.INSUFFICIENT_POINTS
    assert service.quote(scan.token, 4_000, 100).reason is Reason.BELOW_MIN_BILL
    assert service.log() == [] and store.outbox_count() == 0
    assert service.commit_spend(scan.token, 10_000, 1_000).ok
    assert service.quote(scan.token, 10_000) is None  # the session is used up


def test_garbage_in_gets_a_typed_decline_never_an_exception(service, alliance) -> None:
    for text in (None, b"\xff\xfe", 12345, "", "LM1" + "Z" * 5000, "\x00" * 10):
        assert service.scan(text).severity is Severity.DECLINED
    scan = service.scan(alliance.member(62).code(T0))
    for bill, spend, ref in ((None, 0, ""), ("100", 0, ""), (10_000, None, ""), (10_000, 0, 42),
                             (2**70, 0, "")):
        result = service.commit_purchase(scan.token, bill, spend, ref)
        assert isinstance(result.reason, Reason)
        assert not result.ok or (bill, spend) == (10_000, 0)
    assert service.use_coupon(None, "C-COFFEE").reason is Reason.SCAN_SESSION_EXPIRED
    assert service.void("1", "Li").reason is Reason.VOID_NOT_ALLOWED
    assert service.backup_code(None, 100).reason is Reason.BACKUP_CODE_MALFORMED
    assert service.backfill("x", 100, "R", T0, "Li").reason is Reason.INVALID_AMOUNT


def test_an_unreadable_store_gives_typed_declines(service, alliance, store, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    scan = service.scan(alliance.member(63).code(T0))

    def broken(*a, **k):
        raise OperationalError("SELECT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(store, "current_bundle", broken)
    for result in (service.scan(alliance.member(63).code(T0)), service.commit_purchase(scan.token, 10_000),
                   service.use_coupon(scan.token, "C-COFFEE"), service.redeem_gift(scan.token, "G-KEYRING")):
        assert (result.ok, result.reason, result.severity) == (False, Reason.NOT_RECORDED, Severity.DECLINED)
