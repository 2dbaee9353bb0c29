"""A scanner while a Chinese input method is active: the IME delivers QInputMethodEvents (commit
strings) instead of key presses; codes still scan, and the ASCII-only fields keep the IME out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from .helpers import fresh_code, scan_by_field, sign_in


def commit(widget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_whole_code_committed_by_an_ime_scans_without_a_focused_field(qtbot, window, member):
    w = window
    w.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not w.cashier.ready.code_field, timeout=2000)
    commit(w, fresh_code(member) + "\r")  # the IME passes the scanner's burst and its Enter as one commit
    qtbot.waitUntil(lambda: w.cashier.stack.currentIndex() == w.cashier.TRANSACTION, timeout=5000)
    assert w.cashier.transaction.member_id.text() == "*0001"


def test_per_character_ime_commits_then_enter_scan(qtbot, window, member):
    w = window
    w.setFocus()
    for ch in fresh_code(member):
        commit(w, ch)
    qtbot.keyClick(w, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.cashier.stack.currentIndex() == w.cashier.TRANSACTION, timeout=5000)
    assert w.cashier.transaction.member_id.text() == "*0001"


def test_full_width_commit_is_folded_by_the_parser(qtbot, window, member):
    w = window
    w.setFocus()
    # an IME in full-width mode turns ASCII into U+FF01..U+FF5E: still the member's code
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in fresh_code(member))
    commit(w, full_width + "\n")
    qtbot.waitUntil(lambda: w.cashier.stack.currentIndex() == w.cashier.TRANSACTION, timeout=5000)
    assert w.cashier.transaction.member_id.text() == "*0001"


def test_code_amount_and_pin_fields_take_no_input_method(qtbot, window, member):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    fields = [
        w.cashier.ready.code_field,
        w.cashier.transaction.bill,
        w.cashier.transaction.points,
        w.cashier.backup.code,
        w.cashier.backup.bill,
        w.pin.field,
    ]
    for f in fields:
        assert not f.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled), f.objectName()
    # the new manager's name field keeps it (names are Chinese)
    assert w.manager.managers.new_name.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


def test_a_person_composing_chinese_in_a_free_text_field_is_not_a_scan(qtbot, window):
    w = window
    sign_in(qtbot, w)
    assert w.pages.currentIndex() == w.MANAGER
    w.manager.tabs.setCurrentWidget(w.manager.managers)
    name = w.manager.managers.new_name
    name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name, timeout=2000)
    name.clear()
    commit(name, "李经理")
    assert name.text() == "李经理"
    assert w.pages.currentIndex() == w.MANAGER
