"""A code in view never disturbs an open transaction, and nothing moves under the cashier's finger."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from alliance_protocol.reasons import Reason

from .helpers import dismiss, fresh_code, keypad, scan_by_field, wait_verdict


def _where(w, widget) -> tuple[int, int, int, int]:
    top_left = widget.mapTo(w, QPoint(0, 0))
    return top_left.x(), top_left.y(), widget.width(), widget.height()


def _layout(w) -> list[tuple[int, int, int, int]]:
    t = w.cashier.transaction
    return [
        _where(w, x)
        for x in (
            t.confirm_button,
            t.cancel_button,
            t.keypad.buttons["5"],
            t.bill,
            t.mode_buttons["spend"],
            w.cashier.stack,
        )
    ]


def test_code_in_view_is_offered_without_moving_anything(qtbot, window, member, alliance):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    t = w.cashier.transaction
    keypad(qtbot, t.keypad, "88")
    before = _layout(w)
    other = alliance.member(10002, tier=3)
    w.camera_code(fresh_code(other))  # another member's phone comes into the camera's view
    strip = w.cashier.strip
    qtbot.waitUntil(lambda: strip.kind == "offer", timeout=5000)
    qtbot.wait(50)
    assert _layout(w) == before  # the offer appears inside the fixed strip: nothing moved
    assert t.member_id.text() == "*0001" and t.bill.text() == "88"  # the open transaction is untouched
    assert w.cashier.stack.currentIndex() == w.cashier.TRANSACTION and w.pages.currentIndex() == w.CASHIER
    assert "*0002" in strip.text.text()
    assert not strip.take_button.isEnabled()  # a tap already on its way lands on nothing
    qtbot.mouseClick(strip.take_button, Qt.MouseButton.LeftButton)
    assert t.member_id.text() == "*0001"
    qtbot.waitUntil(strip.take_button.isEnabled, timeout=3000)
    qtbot.mouseClick(strip.take_button, Qt.MouseButton.LeftButton)  # the cashier's own choice
    qtbot.waitUntil(lambda: t.member_id.text() == "*0002", timeout=5000)
    assert strip.kind == "replaced" and "*0001" in strip.text.text()  # said, not silent
    assert "nothing of it was recorded" in strip.text.text()
    assert _layout(w) == before


def test_keep_current_drops_the_offer(qtbot, window, member, alliance):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    w.vm.counter.submit_code(fresh_code(alliance.member(10002)), "scanner")
    strip = w.cashier.strip
    qtbot.waitUntil(lambda: strip.kind == "offer", timeout=5000)
    qtbot.mouseClick(strip.keep_button, Qt.MouseButton.LeftButton)
    assert strip.kind == "" and w.vm.counter.offer is None
    assert w.cashier.transaction.member_id.text() == "*0001"


def test_garbage_scans_never_threaten_the_open_transaction(qtbot, window, member, store):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    t = w.cashier.transaction
    keypad(qtbot, t.keypad, "42")
    before = _layout(w)
    w.camera_code("6901234567892")  # a product barcode in the camera's view: nothing at all
    qtbot.wait(300)
    assert w.cashier.strip.kind == "" and w.pages.currentIndex() == w.CASHIER
    w.code_arrived("6901234567892", "scanner")  # scanned on purpose: said in the strip, nothing else
    qtbot.waitUntil(lambda: w.cashier.strip.kind == "rejected", timeout=5000)
    assert "unchanged" in w.cashier.strip.text.text()
    assert w.pages.currentIndex() == w.CASHIER and w.cashier.stack.currentIndex() == w.cashier.TRANSACTION
    assert t.member_id.text() == "*0001" and t.bill.text() == "42"
    assert _layout(w) == before
    assert not w.cashier.strip.take_button.isVisible()  # nothing to replace it with
    qtbot.mouseClick(t.confirm_button, Qt.MouseButton.LeftButton)  # the transaction still works
    wait_verdict(qtbot, w)
    assert w.verdict.result.ok


def test_confirm_needs_an_amount(qtbot, window, member, store):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    t = w.cashier.transaction
    assert not t.confirm_button.isEnabled()
    before = store.outbox_count()
    qtbot.mouseClick(t.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(t.bill, Qt.Key.Key_Return)  # Enter in the empty field: nothing either
    qtbot.wait(300)
    assert store.outbox_count() == before and w.pages.currentIndex() == w.CASHIER  # no declined record
    keypad(qtbot, t.keypad, "0")
    assert not t.confirm_button.isEnabled()  # zero is not a bill
    keypad(qtbot, t.keypad, "5")
    assert t.confirm_button.isEnabled()
    qtbot.mouseClick(t.mode_buttons["coupon"], Qt.MouseButton.LeftButton)
    assert t.confirm_button.isEnabled() == (t.catalogue_list.currentItem() is not None)


def test_mode_buttons_keep_what_was_typed(qtbot, window, member):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    t = w.cashier.transaction
    qtbot.mouseClick(t.mode_buttons["spend"], Qt.MouseButton.LeftButton)
    keypad(qtbot, t.keypad, "120")
    t.points.setFocus()
    qtbot.waitUntil(lambda: t.target is t.points, timeout=2000)
    keypad(qtbot, t.keypad, "300")
    qtbot.mouseClick(t.mode_buttons["coupon"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(t.mode_buttons["spend"], Qt.MouseButton.LeftButton)
    assert t.bill.text() == "120" and t.points.text() == "300"
    keypad(qtbot, t.keypad, "0")  # still typing into the points field
    assert t.points.text() == "3000"
    qtbot.mouseClick(t.mode_buttons["earn"], Qt.MouseButton.LeftButton)
    assert t.bill.text() == "120" and t.amounts() == (12_000, 0)  # earning spends no points
    qtbot.keyClick(t.bill, Qt.Key.Key_F2)  # the keyboard's way: F1-F4
    assert t.mode == "spend" and t.points.text() == "3000"


def test_the_member_just_served_is_not_reopened_by_the_camera(qtbot, window, member):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    keypad(qtbot, w.cashier.transaction.keypad, "10")
    qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    w.camera_code(fresh_code(member))  # the phone still lies in view: the verdict stays up
    assert w.pages.currentIndex() == w.VERDICT and w.verdict.result is not None
    dismiss(qtbot, w)
    w.camera_code(fresh_code(member))  # ... and rotates: the panel does not open again by itself
    qtbot.wait(300)
    assert w.cashier.stack.currentIndex() == w.cashier.READY
    w.code_arrived(fresh_code(member), "scanner")  # the cashier scans it on purpose: taken
    qtbot.waitUntil(lambda: w.cashier.stack.currentIndex() == w.cashier.TRANSACTION, timeout=5000)


def test_a_deliberate_scan_on_the_verdict_goes_on_to_the_next_customer(qtbot, window, member, alliance):
    w = window
    scan_by_field(qtbot, w, "garbage-code")
    wait_verdict(qtbot, w)
    assert w.verdict.result.reason is Reason.UNKNOWN_FORMAT
    w.code_arrived(fresh_code(alliance.member(10002)), "scanner")
    qtbot.waitUntil(
        lambda: (
            w.cashier.stack.currentIndex() == w.cashier.TRANSACTION and w.pages.currentIndex() == w.CASHIER
        ),
        timeout=5000,
    )
