"""The designed look: touch targets of at least 48 px on every page, a visible focus ring, and a
whole sale and the manager's sign-in done with the keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from terminal_app.ui import theme

from .helpers import dismiss, fresh_code, scan_by_field, sign_in, wait_verdict

TOUCH = (QAbstractButton, QLineEdit, QComboBox, QSpinBox, QCheckBox)


def small_targets(root: QWidget) -> list[str]:
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisible() or not w.isEnabled() and not isinstance(w, QAbstractButton):
            continue
        if isinstance(w, TOUCH) and w.height() < theme.TOUCH_PX and w.window() is root:
            if type(w).__name__ in ("QToolButton",) or isinstance(w.parent(), QSpinBox):
                continue  # a tab bar's scroll arrows, a spin box's inner field (the box is measured)
            out.append(
                f"{type(w).__name__}:{w.objectName() or w.text() if hasattr(w, 'text') else ''}={w.height()}"
            )
        if isinstance(w, QTabWidget):
            bar = w.tabBar()
            out += [
                f"tab {bar.tabText(i)}={bar.tabRect(i).height()}"
                for i in range(bar.count())
                if bar.tabRect(i).height() < theme.TOUCH_PX
            ]
    return out


def test_every_target_is_big_enough_for_a_finger(qtbot, window, member):
    w = window
    w.resize(1280, 800)
    seen = small_targets(w)  # ready
    scan_by_field(qtbot, w, fresh_code(member))
    t = w.cashier.transaction
    for mode in ("earn", "spend", "coupon", "gift"):
        qtbot.mouseClick(t.mode_buttons[mode], Qt.MouseButton.LeftButton)
        seen += small_targets(w)
    w.vm.counter.cancel()
    qtbot.mouseClick(w.cashier.ready.backup_button, Qt.MouseButton.LeftButton)
    seen += small_targets(w)
    w.cashier.show_ready()
    w.ask_pin("manager")
    qtbot.waitUntil(lambda: w.pin.who.count() > 0, timeout=5000)
    seen += small_targets(w)
    sign_in(qtbot, w)
    for i in range(w.manager.tabs.count()):
        w.manager.tabs.setCurrentIndex(i)
        qtbot.wait(30)
        seen += small_targets(w)
    assert seen == []


def test_focus_is_visible():
    assert f"border: 3px solid {theme.FOCUS}" in theme.SHEET and ":focus" in theme.SHEET


def test_a_sale_and_a_sign_in_with_the_keyboard_alone(qtbot, window, member):
    w = window
    field = w.cashier.ready.code_field
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=2000)
    field.setText(fresh_code(member))  # pasted, or typed by a scanner into the field
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.cashier.stack.currentIndex() == w.cashier.TRANSACTION, timeout=5000)
    t = w.cashier.transaction
    qtbot.waitUntil(lambda: QApplication.focusWidget() is t.bill, timeout=2000)  # straight into the amount
    for ch in "88":
        qtbot.keyClick(QApplication.focusWidget(), ch)
        qtbot.wait(80)  # a person typing (not a scanner burst)
    qtbot.waitUntil(lambda: t.bill.text() == "88", timeout=2000)
    qtbot.keyClick(t.bill, Qt.Key.Key_Return)  # Enter confirms
    wait_verdict(qtbot, w)
    assert w.verdict.result.ok and w.verdict.result.pricing.bill_fen == 8_800
    dismiss(qtbot, w)  # any key
    qtbot.keyClick(w, Qt.Key.Key_F12)  # the manager's key
    assert w.pages.currentIndex() == w.PIN
    qtbot.waitUntil(lambda: w.pin.who.count() > 0 and QApplication.focusWidget() is w.pin.field, timeout=5000)
    for ch in "1234":
        qtbot.keyClick(w.pin.field, ch)
        qtbot.wait(80)
    qtbot.waitUntil(lambda: w.pin.field.text() == "1234", timeout=2000)
    qtbot.keyClick(w.pin.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.pages.currentIndex() == w.MANAGER, timeout=5000)


def test_the_window_fits_a_1024_by_768_counter_screen(qtbot, window, member):
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    qtbot.mouseClick(w.cashier.transaction.mode_buttons["spend"], Qt.MouseButton.LeftButton)  # the tallest
    sign_in(qtbot, w)
    for i in range(w.manager.tabs.count()):
        w.manager.tabs.setCurrentIndex(i)
        hint = w.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 720, (i, hint)  # 768 less a title bar
