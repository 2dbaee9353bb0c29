"""Manager mode behind each manager's own PIN: log, void (confirmed, with a reason and who),
backfill, CSV export, X/Z reports, managers, languages, settings."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from alliance_protocol.reasons import MESSAGES, Reason
from terminal_app.core.managers import ManagerBook

from .conftest import MEMBER, make_window
from .helpers import dismiss, fresh_code, keypad, scan_by_field, sign_in, wait_verdict


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
    sign_in(qtbot, w, pin, expect_ok=pin == "1234")


def test_void_asks_for_confirmation_with_the_record_a_reason_and_who(qtbot, window, member, store):
    w = window
    seq = _earn(qtbot, w, member)
    _enter_pin(qtbot, w, "9999")
    assert w.pages.currentIndex() == w.PIN and w.pin.error.text().startswith(MESSAGES[Reason.PIN_WRONG].en)
    assert "4 more tries" in w.pin.error.text()
    sign_in(qtbot, w, "1234")
    assert w.pages.currentIndex() == w.MANAGER
    assert w.manager.signed_in.text() == "Signed in: 店长"
    assert "first PIN" in w.manager.pin_warning.text()  # 1234 is to be changed
    log = w.manager.log
    qtbot.waitUntil(lambda: any(r.get("seq") == seq for r in log.rows), timeout=5000)
    assert log.select_seq(seq)
    detail = log.detail.toPlainText()
    assert (
        f"Record #{seq} · Purchase · Approved" in detail
        and "Bill 100.00" in detail
        and "Paid 80.00" in detail
    )
    assert "{" not in detail and "10000" not in detail  # words and yuan, no JSON, no fen
    assert "Member code: " in detail and "(304 characters)" in detail  # not the whole code
    before = store.outbox_count()
    qtbot.mouseClick(log.void_button, Qt.MouseButton.LeftButton)  # one click: only the question
    dialog = log.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    summary = dialog.summary.text()
    assert f"Record #{seq}" in summary and "100.00" in summary and time.strftime("%Y-%m-%d") in summary
    assert dialog.who.text() == "Voided by: 店长"
    assert not dialog.ok_button.isEnabled()  # no reason yet
    assert store.outbox_count() == before  # nothing happened
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)  # "keep it": still nothing
    qtbot.wait(200)
    assert store.outbox_count() == before and not any(r.get("kind") == "void" for r in log.rows)
    qtbot.mouseClick(log.void_button, Qt.MouseButton.LeftButton)
    dialog = log.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    dialog.reason.setCurrentIndex(dialog.reason.findData("wrong_amount"))
    dialog.note.setText("typed 100 for 10")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.get("seq") == seq and r.get("voided_by") for r in log.rows), timeout=5000)
    assert log.message.text().startswith("Done")
    assert log.selected() is not None and log.selected()["seq"] == seq  # the selection stayed on the record
    void = next(r for r in log.rows if r.get("kind") == "void")
    assert void["ref_seq"] == seq and void["manager"] == "店长" and void["manager_id"] == "1"
    assert void["void_reason"] == "Wrong amount entered: typed 100 for 10"
    assert not log.void_button.isEnabled()  # already voided
    w.vm.managers.void(seq, "again")  # forced anyway: refused with its reason
    qtbot.waitUntil(lambda: log.message.text().startswith("Refused"), timeout=5000)
    assert MESSAGES[Reason.VOID_NOT_ALLOWED].en in log.message.text(), log.message.text()
    w.set_language("zh_CN")  # the message follows the language
    assert MESSAGES[Reason.VOID_NOT_ALLOWED].zh in log.message.text()
    w.set_language("en")


def test_log_filters_apply_by_themselves_and_dates_are_checked(qtbot, window, member):
    w = window
    _earn(qtbot, w, member)
    scan_by_field(qtbot, w, "garbage-code")
    wait_verdict(qtbot, w)
    dismiss(qtbot, w)
    _enter_pin(qtbot, w, "1234")
    log = w.manager.log
    qtbot.waitUntil(lambda: len(log.rows) >= 2, timeout=5000)
    log.status_filter.setCurrentText("Declined")  # no Refresh needed
    qtbot.waitUntil(lambda: log.rows and all(r["status"] == "rejected" for r in log.rows), timeout=5000)
    assert log.table.rowCount() == len(log.rows) == 1
    assert log.table.item(0, 2).text() == "Scan" and log.table.item(0, 3).text() == "Declined"
    assert log.table.item(0, 4).text() == MESSAGES[Reason.UNKNOWN_FORMAT].en
    w.set_language("zh_CN")  # the table and the filters follow the language; the filter stays
    assert log.table.item(0, 3).text() == "拒绝" and log.status_filter.currentData() == "rejected"
    w.set_language("en")
    log.status_filter.setCurrentText("(any)")
    qtbot.waitUntil(lambda: len(log.rows) >= 2, timeout=5000)
    log.day_from.setText("2026-13-45")  # not a date: said, and the table is not emptied silently
    qtbot.waitUntil(lambda: log.message.text() == MESSAGES[Reason.FILTER_DATE_INVALID].en, timeout=3000)
    assert len(log.rows) >= 2 and log.day_from.property("invalid") is True
    log.day_from.setText(time.strftime("%Y-%m-%d"))
    qtbot.waitUntil(
        lambda: log.message.text() == "" and log.day_from.property("invalid") is False, timeout=3000
    )
    log.member_filter.setText(str(MEMBER + 1))  # nobody: an empty table, and no error
    qtbot.waitUntil(lambda: log.rows == [], timeout=5000)


def test_csv_export_is_for_people_and_machines(qtbot, window, member, home):
    import csv
    import io

    w = window
    _earn(qtbot, w, member, "100")
    _enter_pin(qtbot, w, "1234")
    w.set_language("zh_CN")
    log = w.manager.log
    qtbot.waitUntil(lambda: len(log.rows) >= 1, timeout=5000)
    qtbot.mouseClick(log.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出" in log.message.text(), timeout=5000)
    w.set_language("en")
    files = list((home / "exports").glob("log-*.csv"))
    data = files[0].read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    head, first = rows[0], dict(zip(rows[0], rows[1], strict=False))
    assert head[:3] == ["流水号", "时间", "类型"] and "消费金额(元)" in head and "bill_fen" in head
    assert first["类型"] == "消费" and first["状态"] == "通过" and first["消费金额(元)"] == "100.00"
    assert first["实付(元)"] == "80.00" and first["bill_fen"] == "10000"  # yuan for people, fen for machines
    assert first["时间"] == time.strftime(
        "%Y-%m-%d %H:%M:%S", time.localtime(int(first["recorded_at"]) / 1000)
    )


def test_backfill_form_says_what_is_wrong_and_clears_after(qtbot, window, member):
    w = window
    _enter_pin(qtbot, w, "1234")
    log = w.manager.log
    log.bf_member.setText(str(MEMBER))
    log.bf_bill.setText("88")
    log.bf_receipt.setText("R-77")
    log.bf_when.setText("yesterday at noon")
    qtbot.mouseClick(log.bf_button, Qt.MouseButton.LeftButton)
    assert log.message.text() == MESSAGES[Reason.BACKFILL_DATE_INVALID].en  # not "invalid amount"
    log.bf_when.setText(time.strftime("%Y-%m-%d %H:%M", time.localtime(time.time() - 7200)))
    log.bf_receipt.clear()
    qtbot.mouseClick(log.bf_button, Qt.MouseButton.LeftButton)
    assert log.message.text() == MESSAGES[Reason.BACKFILL_FIELDS_MISSING].en
    log.bf_receipt.setText("R-77")
    qtbot.keyClick(log.bf_receipt, Qt.Key.Key_Return)  # Enter submits
    qtbot.waitUntil(lambda: any(r.get("kind") == "backfill" for r in log.rows), timeout=5000)
    assert log.message.text().startswith("Done")
    assert [f.text() for f in (log.bf_member, log.bf_bill, log.bf_receipt, log.bf_when)] == ["", "", "", ""]
    backfill = next(r for r in log.rows if r.get("kind") == "backfill")
    assert backfill["manager"] == "店长" and backfill["manager_id"] == "1"


def test_x_and_z_reports(qtbot, window, member, store):
    from terminal_app.printing import printer as printing

    w = window
    _earn(qtbot, w, member, "100")
    _earn(qtbot, w, member, "50")
    _enter_pin(qtbot, w, "1234")
    w.manager.tabs.setCurrentWidget(w.manager.shift)
    reports = w.manager.shift
    qtbot.mouseClick(reports.x_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reports.report is not None and reports.report.kind == "X", timeout=5000)
    text = reports.report_view.toPlainText()
    assert "X REPORT" in text and "150.00" in text and "店长" in text and "M-UI" in text and "T-UI" in text
    qtbot.mouseClick(reports.close_button, Qt.MouseButton.LeftButton)
    assert reports.armed  # first press only arms
    qtbot.mouseClick(reports.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reports.report is not None and reports.report.kind == "Z", timeout=5000)
    text = reports.report_view.toPlainText()
    assert "Z REPORT" in text and "150.00" in text and "120.00" in text  # bills, paid after the gold discount
    assert "Purchase · approved" in text and "purchase:approved" not in text
    assert reports.report.queued == w.vm.managers.queued_at_close == store.outbox_count() >= 2
    assert reports.list.count() == 1 and "Shift 1" in reports.list.item(0).text()
    w.set_language("zh_CN")
    text = reports.report_view.toPlainText()
    assert "Z 报表" in text and "消费合计(元)" in text
    lines = reports.text().splitlines()  # the printed and saved text
    assert len({len(line.encode("gb18030")) for line in lines if "(元)" in line}) == 1  # columns line up
    w.set_language("en")
    printing.DUMMY_OUTPUT.clear()
    w.settings.printer = "dummy"
    qtbot.mouseClick(reports.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printing.DUMMY_OUTPUT) == 1, timeout=5000)
    assert "Z REPORT" in printing.DUMMY_OUTPUT[0].decode("gb18030")
    qtbot.mouseClick(reports.export_button, Qt.MouseButton.LeftButton)
    saved = list((w.home / "exports").glob("z-report-shift1-*.txt"))
    assert saved and "150.00" in saved[0].read_text("utf-8-sig")
    _earn_after = store.outbox_count()  # the next shift: an X report starts from zero
    qtbot.mouseClick(reports.x_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reports.report.kind == "X", timeout=5000)
    assert reports.report.shift == 2 and reports.report.totals["bill_fen"] == 0 and _earn_after >= 2


def test_each_manager_their_own_pin_and_lockout(qtbot, window, store):
    w = window
    _enter_pin(qtbot, w, "1234")
    page = w.manager.managers
    w.manager.tabs.setCurrentWidget(page)
    page.new_name.setText("李店长")
    page.new_pin.setText("482913")
    page.new_pin2.setText("482910")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == MESSAGES[Reason.PIN_MISMATCH].en
    page.new_pin.setText("1111")
    page.new_pin2.setText("1111")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == MESSAGES[Reason.PIN_WEAK].en, timeout=5000)
    page.new_pin.setText("482913")
    page.new_pin2.setText("482913")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=5000)
    assert page.table.item(1, 0).text() == "李店长" and page.table.item(1, 1).text() == "店长"
    qtbot.mouseClick(w.manager.back_button, Qt.MouseButton.LeftButton)  # sign out
    assert w.vm.managers.current is None
    w.ask_pin("manager")
    qtbot.waitUntil(lambda: w.pin.who.count() == 2, timeout=5000)
    w.pin.who.setCurrentIndex(w.pin.who.findText("李店长"))
    for _ in range(4):
        sign_in(qtbot, w, "1234", expect_ok=False)  # the first manager's PIN is not Lee's
    assert "1 more tries" in w.pin.error.text()
    sign_in(qtbot, w, "1234", expect_ok=False)
    assert w.pin.error.text().startswith(MESSAGES[Reason.PIN_LOCKED].en)
    sign_in(qtbot, w, "482913", expect_ok=False)  # locked: even the right PIN is refused
    assert w.pin.error.text().startswith(MESSAGES[Reason.PIN_LOCKED].en)
    lee = next(m for m in ManagerBook(store).list() if m.name == "李店长")
    assert ManagerBook(store).get(lee.id).locked()  # in the store: a restart keeps it
    w.pin.who.setCurrentIndex(w.pin.who.findText("店长"))
    sign_in(qtbot, w, "1234")  # another manager is not locked...
    assert w.manager.signed_in.text() == "Signed in: 店长"
    w.manager.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: "locked" in page.table.item(1, 2).text(), timeout=5000)
    page.table.selectRow(1)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)  # ... and can unlock
    qtbot.waitUntil(lambda: page.table.item(1, 2).text() == "active", timeout=5000)
    page.my_pin.setText("905317")
    page.my_pin2.setText("905317")
    qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == "Your PIN was changed", timeout=5000)
    assert w.manager.pin_warning.text() == "" or not w.vm.managers.current.default_pin
    qtbot.mouseClick(w.manager.back_button, Qt.MouseButton.LeftButton)
    w.ask_pin("manager")
    qtbot.waitUntil(lambda: w.pin.who.count() == 2, timeout=5000)
    w.pin.who.setCurrentIndex(w.pin.who.findText("李店长"))
    sign_in(qtbot, w, "482913")
    assert w.manager.signed_in.text() == "Signed in: 李店长"
    actions = [a["action"] for a in ManagerBook(store).audit()]
    assert {"add_manager", "locked", "unlock", "change_pin", "sign_in", "wrong_pin"} <= set(actions)


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
    assert w.manager.back_button.text() == "退出登录，返回收银"
    assert w.settings.language == "zh_CN"
    reloaded = type(w.settings).load(w.home)
    assert reloaded.language == "zh_CN"


def test_status_bar_shows_offline_and_queue(qtbot, window, member, store):
    w = window
    _earn(qtbot, w, member)
    qtbot.waitUntil(
        lambda: w.status is not None and w.status.queued == store.outbox_count() > 0, timeout=5000
    )
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
        sign_in(qtbot, w, "0000", "exit_kiosk", expect_ok=False)
        assert w.settings.kiosk and w.pages.currentIndex() == w.PIN
        sign_in(qtbot, w, "1234", "exit_kiosk")
        qtbot.waitUntil(lambda: not w.isFullScreen(), timeout=3000)
        assert not w.settings.kiosk and w.pages.currentIndex() == w.CASHIER
        assert w.vm.managers.current is None  # leaving the kiosk does not leave a manager signed in
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
    qtbot.waitUntil(
        lambda: "Points spent per transaction, at most: 20000" in s.limits.toPlainText(), timeout=5000
    )
    assert "txn_max_points" not in s.limits.toPlainText()
    assert s.limits.isReadOnly()
    assert (
        s.camera.currentText() == "Virtual camera (the demo wallet's code)"
        and s.camera.currentData() == "virtual"
    )
    page = w.manager.sync
    w.manager.tabs.setCurrentWidget(page)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)  # no server configured in this test
    qtbot.waitUntil(lambda: page.result.text() == "Sync failed: no server configured", timeout=5000)
    w.set_language("zh_CN")
    assert page.result.text() == "同步失败：未配置服务器"
    assert "单笔最多使用积分: 20000" in s.limits.toPlainText()
    assert s.camera.currentText() == "虚拟摄像头（演示钱包的会员码）" and s.camera.currentData() == "virtual"
