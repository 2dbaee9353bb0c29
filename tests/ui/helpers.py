"""Driving the counter app like a cashier: real widgets, real clicks and keys."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from terminal_app.ui.app import MainWindow


def fresh_code(member) -> str:
    return member.code(int(time.time()))


def scan_by_field(qtbot, w: MainWindow, code: str) -> None:
    field = w.cashier.ready.code_field
    field.setFocus()
    field.setText(code)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            w.cashier.stack.currentIndex() == w.cashier.TRANSACTION or w.pages.currentIndex() == w.VERDICT
        ),
        timeout=5000,
    )


def keypad(qtbot, keypad_widget, text: str) -> None:
    for ch in text:
        qtbot.mouseClick(keypad_widget.buttons[ch], Qt.MouseButton.LeftButton)


def wait_verdict(qtbot, w: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: w.pages.currentIndex() == w.VERDICT and w.verdict.result is not None, timeout=5000
    )


def dismiss(qtbot, w: MainWindow) -> None:
    qtbot.keyClick(w.verdict, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: w.pages.currentIndex() == w.CASHIER, timeout=3000)


def sign_in(
    qtbot, w: MainWindow, pin: str = "1234", purpose: str = "manager", *, expect_ok: bool = True
) -> None:
    """A manager signs in on the PIN page (keypad, then OK); the PIN is checked off the UI thread."""
    if w.pages.currentIndex() != w.PIN:
        w.ask_pin(purpose)
    qtbot.waitUntil(lambda: w.pin.who.count() > 0, timeout=5000)
    keypad(qtbot, w.pin.keypad, pin)
    before = w.pin.failures
    qtbot.mouseClick(w.pin.ok_button, Qt.MouseButton.LeftButton)
    if expect_ok:
        qtbot.waitUntil(lambda: w.pages.currentIndex() != w.PIN, timeout=5000)
    else:
        qtbot.waitUntil(lambda: w.pin.failures > before, timeout=5000)
