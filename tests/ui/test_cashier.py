"""The cashier's flow on the real window: scan, operation, verdict colours and reasons."""

from __future__ import annotations

from PySide6.QtCore import Qt

from alliance_protocol.reasons import MESSAGES, Reason
from terminal_app.core.results import Severity
from terminal_app.ui.views.verdict import COLOURS

from .conftest import BALANCE
from .helpers import dismiss, fresh_code, keypad, scan_by_field, wait_verdict


def test_scan_earn_green_verdict(qtbot, window, member, store):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    t = w.cashier.transaction
    assert w.cashier.stack.currentIndex() == w.cashier.TRANSACTION
    assert t.member_id.text() == "*0001"
    assert t.tier.text() == "Gold"
    assert t.balance.text() == str(BALANCE)
    assert t.coupons.count() == 2  # C-VIP needs diamond: not offered to gold
    keypad(qtbot, t.keypad, "120")
    assert t.bill.text() == "120"
    # the quote is shown before confirming: gold = 20 % off 120.00 -> pays 96.00, earns 96 points
    qtbot.waitUntil(lambda: t.pricing is not None and t.pricing.bill_fen == 12_000, timeout=3000)
    assert "96.00" in t.quote_label.text() and "20%" in t.quote_label.text()
    before = store.outbox_count()
    qtbot.mouseClick(t.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    r = w.verdict.result
    assert r.ok and r.severity is Severity.APPROVED and r.points_earned == 96
    assert w.verdict.title.text() == "APPROVED"
    assert w.verdict.reason.text() == MESSAGES[Reason.OK].en
    assert COLOURS[Severity.APPROVED][0] in w.verdict.styleSheet()
    assert "Points earned: 96" in w.verdict.details.text()
    assert store.outbox_count() == before + 1  # journaled and queued
    qtbot.waitUntil(lambda: "Balance now" in w.verdict.details.text(), timeout=3000)
    assert w.verdict.action.text() == "Charge 96.00 yuan"  # what the cashier does now
    assert "Member *0001" in w.verdict.details.text()
    assert f"Balance now: {BALANCE} points" in w.verdict.details.text()
    assert w.sound.played == ["approved"]  # the approved sound (the player is muted in tests)
    from terminal_app.printing import printer as printing

    printing.DUMMY_OUTPUT.clear()
    w.settings.printer = "dummy"
    qtbot.waitUntil(w.verdict.receipt_button.isVisible, timeout=3000)
    qtbot.mouseClick(w.verdict.receipt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printing.DUMMY_OUTPUT) == 1, timeout=5000)
    text = printing.DUMMY_OUTPUT[0].decode("gb18030")
    assert "120.00" in text and "96.00" in text and "*0001" in text and "T-UI" in text
    dismiss(qtbot, w)
    assert w.cashier.stack.currentIndex() == w.cashier.READY  # approved: transaction closed


def test_spend_more_than_balance_is_red_with_reason(qtbot, window, member):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    t = w.cashier.transaction
    qtbot.mouseClick(t.mode_buttons["spend"], Qt.MouseButton.LeftButton)
    assert t.points.isVisible()
    keypad(qtbot, t.keypad, "200")  # bill 200 yuan
    t.points.setFocus()
    qtbot.waitUntil(lambda: t.target is t.points, timeout=2000)
    keypad(qtbot, t.keypad, str(BALANCE + 1))
    qtbot.waitUntil(lambda: t.pricing is not None and t.pricing.points_requested == BALANCE + 1, timeout=3000)
    qtbot.mouseClick(t.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    r = w.verdict.result
    assert not r.ok and r.reason is Reason.INSUFFICIENT_POINTS and r.severity is Severity.DECLINED
    assert w.verdict.title.text() == "DECLINED"
    assert w.verdict.reason.text() == MESSAGES[Reason.INSUFFICIENT_POINTS].en
    assert w.verdict.other.text() == MESSAGES[Reason.INSUFFICIENT_POINTS].zh
    assert COLOURS[Severity.DECLINED][0] in w.verdict.styleSheet()
    assert w.sound.played[-1] == "declined"
    assert not w.verdict.receipt_button.isVisible()  # nothing to print for a decline
    dismiss(qtbot, w)
    # declined: the transaction stays open so the cashier can correct the points
    assert w.cashier.stack.currentIndex() == w.cashier.TRANSACTION
    t.points.clear()
    keypad(qtbot, t.keypad, str(BALANCE))
    qtbot.mouseClick(t.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    assert w.verdict.result.ok and w.verdict.result.points_spent == BALANCE


def _use_coupon(qtbot, w, member, coupon_id: str):
    scan_by_field(qtbot, w, fresh_code(member))
    t = w.cashier.transaction
    qtbot.mouseClick(t.mode_buttons["coupon"], Qt.MouseButton.LeftButton)
    ids = [t.catalogue_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(t.catalogue_list.count())]
    return t, ids


def test_coupon_used_twice_is_red(qtbot, window, member):
    w = window
    t, ids = _use_coupon(qtbot, w, member, "C-COFFEE")
    assert ids == ["C-COFFEE", "C-WASH"]
    t.catalogue_list.setCurrentRow(0)
    qtbot.mouseClick(t.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    assert w.verdict.result.ok and w.verdict.severity is Severity.APPROVED
    dismiss(qtbot, w)
    # second time: no longer offered; forcing it through the view-model is declined COUPON_USED
    t, ids = _use_coupon(qtbot, w, member, "C-COFFEE")
    assert "C-COFFEE" not in ids
    w.vm.counter.use_coupon("C-COFFEE")
    wait_verdict(qtbot, w)
    assert w.verdict.result.reason is Reason.COUPON_USED
    assert w.verdict.severity is Severity.DECLINED
    assert w.verdict.reason.text() == MESSAGES[Reason.COUPON_USED].en


def test_same_code_twice_is_replay_red(qtbot, window, member):
    w = window
    code = fresh_code(member)
    scan_by_field(qtbot, w, code)
    keypad(qtbot, w.cashier.transaction.keypad, "50")
    qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    assert w.verdict.result.ok
    dismiss(qtbot, w)
    scan_by_field(qtbot, w, code)
    wait_verdict(qtbot, w)
    assert w.verdict.result.reason is Reason.CODE_REPLAYED
    assert w.verdict.title.text() == "DECLINED"


def test_garbage_scan_is_red_not_a_crash(qtbot, window):
    scan_by_field(qtbot, window, "6901234567892")
    wait_verdict(qtbot, window)
    assert window.verdict.result.reason is Reason.UNKNOWN_FORMAT
    assert window.verdict.severity is Severity.DECLINED


def test_scan_during_open_transaction_offers_never_replaces(qtbot, window, alliance, member):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    other = alliance.member(10002, tier=3)
    w.vm.counter.submit_code(fresh_code(other))
    qtbot.waitUntil(lambda: w.cashier.strip.kind == "offer", timeout=5000)
    qtbot.mouseClick(w.cashier.strip.keep_button, Qt.MouseButton.LeftButton)
    assert w.cashier.strip.kind == ""
    assert w.cashier.transaction.member_id.text() == "*0001"
    w.vm.counter.submit_code(fresh_code(other))
    qtbot.waitUntil(lambda: w.cashier.strip.take_button.isEnabled(), timeout=5000)
    qtbot.mouseClick(w.cashier.strip.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.cashier.transaction.member_id.text() == "*0002", timeout=5000)
    assert w.cashier.transaction.tier.text() == "Diamond"


def test_backup_code_is_orange_pending(qtbot, window):
    w = window
    qtbot.mouseClick(w.cashier.ready.backup_button, Qt.MouseButton.LeftButton)
    b = w.cashier.backup
    assert w.cashier.stack.currentIndex() == w.cashier.BACKUP
    keypad(qtbot, b.keypad, "12345678")
    b.bill.setFocus()
    qtbot.waitUntil(lambda: b.target is b.bill, timeout=2000)
    keypad(qtbot, b.keypad, "80")
    qtbot.mouseClick(b.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    assert w.verdict.result.reason is Reason.BACKUP_CODE_PENDING
    assert w.verdict.severity is Severity.ATTENTION
    assert COLOURS[Severity.ATTENTION][0] in w.verdict.styleSheet()
    assert w.sound.played[-1] == "attention"


def test_verdict_dismisses_itself(qtbot, window):
    window.verdict.set_seconds(1)
    scan_by_field(qtbot, window, "not a code at all")
    wait_verdict(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == window.CASHIER, timeout=3000)


def test_expired_scan_session_closes_the_transaction(qtbot, store, home, member):
    import time as _time

    from alliance_protocol.verifier import FixedClock
    from terminal_app.core.service import SCAN_SESSION_S, TerminalService

    from .conftest import make_window

    clock = FixedClock(_time.time())
    w = make_window(qtbot, store, home, service_factory=lambda s: TerminalService(s, clock=clock))
    try:
        scan_by_field(qtbot, w, member.code(int(clock.at)))
        keypad(qtbot, w.cashier.transaction.keypad, "100")
        clock.at += SCAN_SESSION_S + 1  # the cashier walked away
        qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
        wait_verdict(qtbot, w)
        assert w.verdict.result.reason is Reason.SCAN_SESSION_EXPIRED
        assert w.verdict.reason.text() == MESSAGES[Reason.SCAN_SESSION_EXPIRED].en
        dismiss(qtbot, w)
        assert w.cashier.stack.currentIndex() == w.cashier.READY and w.vm.counter.open_scan is None
    finally:
        w.shutdown()
