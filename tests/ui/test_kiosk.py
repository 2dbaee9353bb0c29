"""The kiosk lock: nothing but the manager's own "quit" (and its PIN) ends the app."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .conftest import make_window
from .helpers import dismiss, fresh_code, keypad, scan_by_field, sign_in, wait_verdict


def _answer_quit_question(qtbot, button_name: str, seen: dict) -> None:
    """Click a button of the quit question once it is up (it is modal: exec() runs its own loop)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen["text"] = box.text()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        box.findChild(type(box.buttons()[0]), button_name).click()

    QTimer.singleShot(20, click)


def test_no_to_quit_anyway_keeps_the_kiosk_locked(qtbot, store, home, member):
    w = make_window(qtbot, store, home, confirm_close=True)
    try:
        w.settings.kiosk = True
        w.showFullScreen()
        qtbot.waitUntil(w.isFullScreen, timeout=3000)
        scan_by_field(qtbot, w, fresh_code(member))  # one record waiting to sync: quitting asks
        keypad(qtbot, w.cashier.transaction.keypad, "10")
        qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
        wait_verdict(qtbot, w)
        dismiss(qtbot, w)
        qtbot.waitUntil(lambda: w.status is not None and w.status.queued >= 1, timeout=5000)
        sign_in(qtbot, w)
        assert w.pages.currentIndex() == w.MANAGER
        seen: dict = {}
        _answer_quit_question(qtbot, "keepRunning", seen)
        qtbot.mouseClick(w.manager.quit_button, Qt.MouseButton.LeftButton)  # "quit the app" -> No
        assert seen["buttons"] == ["Keep running", "Quit anyway"]  # words, not Yes / No
        assert w.isVisible() and w.settings.kiosk
        qtbot.mouseClick(w.manager.back_button, Qt.MouseButton.LeftButton)
        assert w.pages.currentIndex() == w.CASHIER
        assert not w.close()  # Alt+F4 on the cashier screen: refused, the PIN is asked
        assert w.isVisible() and w.pages.currentIndex() == w.PIN
        assert not w.close()  # and again
        assert w.isVisible()
    finally:
        w.confirm_close = False
        w.settings.kiosk = False
        w.shutdown()


def test_quit_anyway_closes(qtbot, store, home, member):
    w = make_window(qtbot, store, home, confirm_close=True)
    try:
        scan_by_field(qtbot, w, fresh_code(member))
        keypad(qtbot, w.cashier.transaction.keypad, "10")
        qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
        wait_verdict(qtbot, w)
        dismiss(qtbot, w)
        qtbot.waitUntil(lambda: w.status is not None and w.status.queued >= 1, timeout=5000)
        seen: dict = {}
        _answer_quit_question(qtbot, "quitAnyway", seen)
        w.quit_app()
        assert "1 records" in seen["text"] or "records" in seen["text"]
        assert not w.isVisible()
    finally:
        w.confirm_close = False
        w.shutdown()


def test_qt_own_words_follow_the_language(qapp):
    """Qt's standard buttons and menus (e.g. a text field's context menu) are in Chinese too."""
    from PySide6.QtCore import QCoreApplication

    from terminal_app.ui import i18n

    try:
        i18n.set_language("zh_CN")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QCoreApplication.translate("QWidgetTextControl", "&Copy") != "&Copy"
    finally:
        i18n.set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_an_idle_manager_is_signed_out(qtbot, window):
    from .helpers import sign_in

    w = window
    w.manager_idle.setInterval(600)
    sign_in(qtbot, w)
    assert w.pages.currentIndex() == w.MANAGER and w.vm.managers.current is not None
    for _ in range(3):  # while the manager works, the clock starts again
        qtbot.wait(300)
        qtbot.mouseClick(w.manager.tabs.tabBar(), Qt.MouseButton.LeftButton)
    assert w.pages.currentIndex() == w.MANAGER
    qtbot.waitUntil(lambda: w.pages.currentIndex() == w.CASHIER, timeout=3000)  # then no touch for 0.6 s
    assert w.vm.managers.current is None
    assert "signed out" in w.statusBar().currentMessage()


def test_a_pin_check_that_fails_says_so_and_does_not_hang(qtbot, window, monkeypatch):
    from alliance_protocol.reasons import MESSAGES, Reason

    from .helpers import sign_in

    w = window
    qtbot.waitUntil(lambda: w.vm.managers.book is not None, timeout=5000)

    def broken(_manager_id, _pin):
        raise OSError("disk I/O error")

    monkeypatch.setattr(w.vm.managers.book, "check", broken)
    sign_in(qtbot, w, "1234", expect_ok=False)
    assert w.pages.currentIndex() == w.PIN and w.pin.error.text() == MESSAGES[Reason.NOT_RECORDED].en
    assert w.pin.ok_button.isEnabled()  # the next try is possible
