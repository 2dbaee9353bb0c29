"""Manager mode behind the PIN: log, void, backfill, CSV export, shift close; languages; settings."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from alliance_protocol.reasons import MESSAGES, Reason
from terminal_app.core.logview import LogFilter

from .conftest import MEMBER, make_window
from .helpers import dismiss, fresh_code, keypad, scan_by_field, wait_verdict


def _earn(qtbot, w, member, amount: str = "100") -> int:
    scan_by_field(qtbot, w, fresh_code(member))
    keypad(qtbot, w.cashier.transaction.keypad, amount)
    qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    assert w.verdict.result.ok
    seq = w.verdict.result.seq
    dismiss(qtbot, w)
    return seq


def _enter_pin(qtbot, w, pin: str) -> None:
    qtbot.mouseClick(w.manager_button, Qt.MouseButton.LeftButton)
    assert w.pages.currentIndex() == w.PIN
    keypad(qtbot, w.pin.keypad, pin)
    qtbot.mouseClick(w.pin.ok_button, Qt.MouseButton.LeftButton)


def test_manager_void_needs_the_pin(qtbot, window, member, store):
    w = window
    seq = _earn(qtbot, w, member)
    _enter_pin(qtbot, w, "9999")
    assert w.pages.currentIndex() == w.PIN and w.pin.error.text() == "Wrong PIN"
    keypad(qtbot, w.pin.keypad, "1234")
    qtbot.mouseClick(w.pin.ok_button, Qt.MouseButton.LeftButton)
    assert w.pages.currentIndex() == w.MANAGER
    log = w.manager.log
    qtbot.waitUntil(lambda: any(r.get("seq") == seq for r in log.rows), timeout=5000)
    assert log.select_seq(seq)
    assert '"kind": "purchase"' in log.detail.toPlainText()
    w.manager.manager.setText("M. Li")
    qtbot.mouseClick(log.void_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.get("seq") == seq and r.get("voided_by") for r in log.rows), timeout=5000)
    assert log.message.text().startswith("Done")
    void = next(r for r in log.rows if r.get("kind") == "void")
    assert void["ref_seq"] == seq and void["manager"] == "M. Li"
    # a second void of the same record is refused with its reason
    assert log.select_seq(seq)
    qtbot.mouseClick(log.void_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: log.message.text().startswith("Refused"), timeout=5000)
    assert MESSAGES[Reason.VOID_NOT_ALLOWED].en in log.message.text()


def test_log_filters_export_and_backfill(qtbot, window, member, home):
    w = window
    _earn(qtbot, w, member)
    scan_by_field(qtbot, w, "garbage-code")
    wait_verdict(qtbot, w)
    dismiss(qtbot, w)
    _enter_pin(qtbot, w, "1234")
    log = w.manager.log
    qtbot.waitUntil(lambda: len(log.rows) >= 2, timeout=5000)
    log.status_filter.setCurrentText("Declined")  # the manager picks words; the filter uses the code
    qtbot.mouseClick(log.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: log.rows and all(r["status"] == "rejected" for r in log.rows), timeout=5000)
    assert log.table.rowCount() == len(log.rows) == 1
    assert log.table.item(0, 2).text() == "Scan" and log.table.item(0, 3).text() == "Declined"
    assert log.table.item(0, 4).text() == MESSAGES[Reason.UNKNOWN_FORMAT].en
    w.set_language("zh_CN")  # the table and the filters follow the language; the filter stays
    assert log.table.item(0, 3).text() == "拒绝" and log.status_filter.currentData() == "rejected"
    assert log.table.item(0, 4).text() == MESSAGES[Reason.UNKNOWN_FORMAT].zh
    w.set_language("en")
    log.status_filter.setCurrentText("(any)")
    qtbot.mouseClick(log.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Exported" in log.message.text(), timeout=5000)
    files = list((home / "exports").glob("log-*.csv"))
    assert len(files) == 1 and files[0].read_text().startswith("seq,")
    assert len(files[0].read_text().splitlines()) == 1 + 2
    # backfill a forgotten scan from two hours ago
    log.bf_member.setText(str(MEMBER))
    log.bf_bill.setText("88")
    log.bf_receipt.setText("R-77")
    log.bf_when.setText(time.strftime("%Y-%m-%d %H:%M", time.localtime(time.time() - 7200)))
    qtbot.mouseClick(log.bf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.get("kind") == "backfill" for r in log.rows), timeout=5000)
    assert log.message.text().startswith("Done")


def test_close_shift_shows_z_report(qtbot, window, member, store):
    w = window
    _earn(qtbot, w, member, "100")
    _earn(qtbot, w, member, "50")
    _enter_pin(qtbot, w, "1234")
    w.manager.tabs.setCurrentWidget(w.manager.shift)
    shift = w.manager.shift
    qtbot.mouseClick(shift.close_button, Qt.MouseButton.LeftButton)
    assert shift.armed and shift.report is None  # first press only arms
    qtbot.mouseClick(shift.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shift.report is not None, timeout=5000)
    text = shift.report_view.toPlainText()
    assert "Z REPORT" in text
    assert "150.00" in text  # bills total 100 + 50 yuan
    assert shift.report.counts.get("purchase:approved") == 2
    assert "Purchase · Approved" in text and "purchase:approved" not in text
    assert f"Offline records still queued{w.vm.queued_at_close:>{36 - 28}}" in text or "still queued" in text
    assert w.vm.queued_at_close == store.outbox_count() >= 2  # offline here: both purchases still queued
    assert "96.00" in text or "120.00" in text  # paid in money after the gold discount


def test_language_switch_changes_visible_strings(qtbot, window, member):
    w = window
    assert w.cashier.ready.title.text() == "Ready to scan"
    assert w.manager_button.text() == "Manager"
    w.set_language("zh_CN")
    assert w.cashier.ready.title.text() == "请出示会员码"
    assert w.manager_button.text() == "店长"
    assert w.windowTitle() == "联盟积分收银台"
    scan_by_field(qtbot, w, "6901234567892")
    wait_verdict(qtbot, w)
    assert w.verdict.title.text() == "拒绝"
    assert w.verdict.reason.text() == MESSAGES[Reason.UNKNOWN_FORMAT].zh
    w.set_language("en")  # while the verdict is showing: it retranslates in place
    assert w.verdict.title.text() == "DECLINED"
    assert w.verdict.reason.text() == MESSAGES[Reason.UNKNOWN_FORMAT].en
    assert w.cashier.ready.title.text() == "Ready to scan"


def test_language_from_settings_page(qtbot, window):
    w = window
    _enter_pin(qtbot, w, "1234")
    s = w.manager.settings
    s.language.setCurrentText("简体中文")  # each language by its own name
    qtbot.mouseClick(s.apply_button, Qt.MouseButton.LeftButton)
    assert w.manager.back_button.text() == "返回收银"
    assert w.settings.language == "zh_CN"
    reloaded = type(w.settings).load(w.home)
    assert reloaded.language == "zh_CN"


def test_new_pin_from_settings(qtbot, store, home):
    w = make_window(qtbot, store, home)
    try:
        _enter_pin(qtbot, w, "1234")
        w.manager.settings.new_pin.setText("4321")
        qtbot.mouseClick(w.manager.settings.apply_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(w.manager.back_button, Qt.MouseButton.LeftButton)
        _enter_pin(qtbot, w, "1234")
        assert w.pages.currentIndex() == w.PIN
        keypad(qtbot, w.pin.keypad, "4321")
        qtbot.mouseClick(w.pin.ok_button, Qt.MouseButton.LeftButton)
        assert w.pages.currentIndex() == w.MANAGER
    finally:
        w.shutdown()


def test_status_bar_shows_offline_and_queue(qtbot, window, member, store):
    w = window
    _earn(qtbot, w, member)
    w.vm.refresh_status()
    qtbot.waitUntil(lambda: w.status is not None and w.status.queued == store.outbox_count() > 0, timeout=5000)
    assert w.online_label.text() == "○ Offline"
    assert w.queue_label.text() == f"Queued: {store.outbox_count()}"


def test_kiosk_exit_needs_the_pin(qtbot, store, home):
    from terminal_app.ui.settings import UiSettings

    settings = UiSettings.load(home)
    settings.kiosk = True
    settings.language = "en"
    w = make_window(qtbot, store, home)
    w.settings.kiosk = True
    try:
        w.showFullScreen()
        qtbot.waitUntil(w.isFullScreen, timeout=3000)
        assert not w.close()  # refused: asks for the PIN instead
        assert w.isVisible() and w.pages.currentIndex() == w.PIN
        keypad(qtbot, w.pin.keypad, "0000")
        qtbot.mouseClick(w.pin.ok_button, Qt.MouseButton.LeftButton)
        assert w.isFullScreen()
        keypad(qtbot, w.pin.keypad, "1234")
        qtbot.mouseClick(w.pin.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not w.isFullScreen(), timeout=3000)
        assert not w.settings.kiosk and w.pages.currentIndex() == w.CASHIER
    finally:
        w.shutdown()


def test_run_app_opens_the_store_and_returns_the_exit_code(qtbot, store, home):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from terminal_app.ui.app import MainWindow, run_app

    store.close()  # run_app opens its own
    seen = {}

    def quit_when_ready():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[0].vm.service is not None:
            seen["title"] = windows[0].cashier.ready.title.text()
            QApplication.instance().exit(7)
        else:
            QTimer.singleShot(50, quit_when_ready)

    QTimer.singleShot(50, quit_when_ready)
    assert run_app(home) == 7
    assert seen["title"] in ("Ready to scan", "请出示会员码")
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            w.confirm_close = False
            w.close()


def test_member_panel_in_chinese_shows_chinese_tier_and_labels(qtbot, window, member):
    w = window
    w.set_language("zh_CN")
    scan_by_field(qtbot, w, fresh_code(member))
    t = w.cashier.transaction
    assert t.tier.text() == "金卡"  # gold, through the translation system (not the English word)
    assert t.labels["balance"].text() != "Points balance"
    w.set_language("en")
    assert t.tier.text() == "Gold"


def test_settings_and_sync_pages_speak_words_not_codes(qtbot, window):
    w = window
    _enter_pin(qtbot, w, "1234")
    s = w.manager.settings
    qtbot.waitUntil(lambda: "Points spent per transaction, at most: 20000" in s.limits.toPlainText(), timeout=5000)
    assert "txn_max_points" not in s.limits.toPlainText()
    assert s.limits.isReadOnly()
    assert s.camera.currentText() == "Virtual camera (the demo wallet's code)" and s.camera.currentData() == "virtual"
    page = w.manager.sync
    w.manager.tabs.setCurrentWidget(page)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)  # no server configured in this test
    qtbot.waitUntil(lambda: page.result.text() == "Sync failed: no server configured", timeout=5000)
    w.set_language("zh_CN")
    assert page.result.text() == "同步失败：未配置服务器"
    assert "单笔最多使用积分: 20000" in s.limits.toPlainText()
    assert s.camera.currentText() == "虚拟摄像头（演示钱包的会员码）" and s.camera.currentData() == "virtual"
