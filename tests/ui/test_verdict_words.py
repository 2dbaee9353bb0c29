"""Verdicts say what the cashier does and what the member now has; receipts print (GB18030) and a
printer problem never costs the transaction; the customer display; the merchant on screen."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from alliance_protocol.reasons import MESSAGES, Reason
from terminal_app.printing import printer as printing

from .conftest import BALANCE, make_window
from .helpers import dismiss, fresh_code, keypad, scan_by_field, wait_verdict


def _coupon(qtbot, w, member, coupon_id="C-COFFEE"):
    scan_by_field(qtbot, w, fresh_code(member))
    t = w.cashier.transaction
    qtbot.mouseClick(t.mode_buttons["coupon"], Qt.MouseButton.LeftButton)
    w.vm.counter.use_coupon(coupon_id)
    wait_verdict(qtbot, w)


def test_coupon_verdict_names_what_to_hand_over_and_when_it_was_used(qtbot, window, member):
    w = window
    _coupon(qtbot, w, member)
    qtbot.waitUntil(lambda: w.verdict.info is not None, timeout=3000)
    assert w.verdict.action.text() == "Hand over: Free coffee"
    assert "Member *0001" in w.verdict.details.text()
    first = w.verdict.result.seq
    dismiss(qtbot, w)
    _coupon(qtbot, w, member)  # the same single-use coupon again
    assert w.verdict.result.reason is Reason.COUPON_USED
    qtbot.waitUntil(lambda: w.verdict.earlier.text() != "", timeout=3000)
    assert w.verdict.action.text() == "Nothing approved: do not hand anything over"
    assert f"(record #{first})" in w.verdict.earlier.text() and "terminal T-UI" in w.verdict.earlier.text()
    assert time.strftime("%Y-%m-%d") in w.verdict.earlier.text()
    w.set_language("zh_CN")
    assert w.verdict.action.text() == "未通过：请勿交付任何物品"
    assert "已于" in w.verdict.earlier.text() and "T-UI" in w.verdict.earlier.text()
    w.set_language("en")


def test_replayed_code_says_when_and_where_it_was_used(qtbot, window, member):
    w = window
    code = fresh_code(member)
    scan_by_field(qtbot, w, code)
    keypad(qtbot, w.cashier.transaction.keypad, "30")
    qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    first = w.verdict.result.seq
    dismiss(qtbot, w)
    scan_by_field(qtbot, w, code)  # a screenshot of the same code
    wait_verdict(qtbot, w)
    assert w.verdict.result.reason is Reason.CODE_REPLAYED
    qtbot.waitUntil(lambda: f"(record #{first})" in w.verdict.earlier.text(), timeout=3000)
    assert w.verdict.action.text() == "Ask the member to show a fresh code"


def test_gift_and_points_verdicts(qtbot, window, member):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    w.vm.counter.redeem_gift("G-KEYRING")
    wait_verdict(qtbot, w)
    qtbot.waitUntil(lambda: w.verdict.info is not None, timeout=3000)
    assert w.verdict.action.text() == "Hand over the gift: Key ring"
    assert f"Balance now: {BALANCE - 500} points" in w.verdict.details.text()


def test_a_bill_paid_in_full_with_points(qtbot, window, member):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    t = w.cashier.transaction
    qtbot.mouseClick(t.mode_buttons["spend"], Qt.MouseButton.LeftButton)
    keypad(qtbot, t.keypad, "62.5")
    t.points.setFocus()
    qtbot.waitUntil(lambda: t.target is t.points, timeout=2000)
    keypad(qtbot, t.keypad, "5000")  # the 50.00 to pay after the gold discount, all of it in points
    qtbot.mouseClick(t.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    assert w.verdict.result.ok and w.verdict.action.text() == "Nothing to charge: paid in full with points"


def test_auto_printed_receipt_in_chinese_decodes_in_gb18030(qtbot, window, member, store):
    w = window
    w.set_language("zh_CN")
    w.settings.printer, w.settings.auto_print = "dummy", True
    printing.DUMMY_OUTPUT.clear()
    scan_by_field(qtbot, w, fresh_code(member))
    keypad(qtbot, w.cashier.transaction.keypad, "150")
    qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    seq = w.verdict.result.seq
    qtbot.waitUntil(lambda: len(printing.DUMMY_OUTPUT) == 1, timeout=5000)  # printed without a press
    data = printing.DUMMY_OUTPUT[0]
    text = data.decode("gb18030")
    for expected in (
        "积分消费凭条",
        "终端",
        "T-UI",
        "商户",
        "M-UI",
        f"流水号{' ' * (32 - 6 - len(str(seq)))}{seq}",
        "*0001",
        "消费金额",
        "150.00",
        "等级折扣 20%",
        "-30.00",
        "实付",
        "120.00",
        "获得积分",
        "积分余额",
        str(BALANCE),
        "离线记录,待同步",
        time.strftime("%Y-%m-%d"),
    ):
        assert expected in text, expected
    assert "积分".encode("gb18030") in data and "积分".encode() not in data
    w.set_language("en")


def test_a_missing_printer_is_said_and_the_sale_is_kept(qtbot, window, member, store, tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    w = window
    w.settings.printer, w.settings.auto_print = f"network:127.0.0.1:{port}", True
    before = store.outbox_count()
    scan_by_field(qtbot, w, fresh_code(member))
    keypad(qtbot, w.cashier.transaction.keypad, "20")
    qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    assert w.verdict.result.ok and store.outbox_count() == before + 1  # recorded before any printing
    qtbot.waitUntil(
        lambda: w.statusBar().currentMessage() == MESSAGES[Reason.PRINTER_MISSING].en, timeout=10000
    )
    dismiss(qtbot, w)
    assert w.cashier.stack.currentIndex() == w.cashier.READY  # the counter goes on
    # reprint from the log once the printer is there
    w.settings.printer = "dummy"
    printing.DUMMY_OUTPUT.clear()
    from .helpers import sign_in

    sign_in(qtbot, w)
    log = w.manager.log
    qtbot.waitUntil(lambda: any(r.get("kind") == "purchase" for r in log.rows), timeout=5000)
    log.select_seq(next(r["seq"] for r in log.rows if r.get("kind") == "purchase"))
    qtbot.mouseClick(log.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printing.DUMMY_OUTPUT) == 1, timeout=5000)
    assert "** REPRINT **" in printing.DUMMY_OUTPUT[0].decode("gb18030")
    qtbot.waitUntil(lambda: log.message.text() == "Receipt printed", timeout=3000)


def test_customer_display_follows_the_transaction(qtbot, store, home, member):
    w = make_window(qtbot, store, home, customer_display=True)
    try:
        c = w.customer
        assert c is not None and c.isVisible() and c.headline.text() == "Welcome"
        scan_by_field(qtbot, w, fresh_code(member))
        qtbot.waitUntil(lambda: c.headline.text() == "Member *0001", timeout=3000)
        keypad(qtbot, w.cashier.transaction.keypad, "150")
        qtbot.waitUntil(lambda: c.amount.text() == "To pay 120.00 yuan", timeout=3000)
        assert "Member discount 20% −30.00" in c.lines.text() and "Points you earn: 120" in c.lines.text()
        qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
        wait_verdict(qtbot, w)
        qtbot.waitUntil(lambda: c.headline.text() == "Approved", timeout=3000)
        assert "Points earned 120" in c.footer.text()
        assert "#1b8a3a" in c.styleSheet()  # the verdict's colour
        dismiss(qtbot, w)
        assert c.headline.text() == "Welcome"
        w.set_language("zh_CN")
        assert c.headline.text() == "欢迎光临"
        w.set_language("en")
    finally:
        w.shutdown()


def test_merchant_and_terminal_on_screen_and_connecting_is_not_offline(qtbot, window):
    from terminal_app.ui.syncstatus import ConnectionStatus

    w = window
    qtbot.waitUntil(lambda: w.where_label.text() != "", timeout=3000)
    assert w.where_label.text() == "M-UI · terminal T-UI" and w.where_label.isVisible()
    w.show_status(ConnectionStatus(False, 0, None, 10, 0.0, available=True, connecting=True))
    assert w.online_label.text() == "◌ Connecting to HQ…"  # not "offline" before HQ had a chance to answer
    w.show_status(ConnectionStatus(True, 0, None, 10, 0.0, available=True))
    assert w.online_label.text() == "● Online"


def test_enter_in_the_backup_code_field_goes_on_to_the_amount(qtbot, window):
    w = window
    qtbot.mouseClick(w.cashier.ready.backup_button, Qt.MouseButton.LeftButton)
    b = w.cashier.backup
    assert not b.confirm_button.isEnabled()
    b.code.setText("12345678")
    qtbot.keyClick(b.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: b.bill.hasFocus(), timeout=2000)
    qtbot.keyClicks(b.bill, "80")
    qtbot.keyClick(b.bill, Qt.Key.Key_Return)
    wait_verdict(qtbot, w)
    assert w.verdict.result.reason is Reason.BACKUP_CODE_PENDING
    assert w.verdict.action.text() == "Charge 80.00 yuan"
