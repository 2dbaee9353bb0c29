"""Manager pages (behind the PIN): journal log, shift close / Z report, sync, settings."""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from alliance_protocol.reasons import Reason
from terminal_app.core.logview import LogFilter

from ..i18n import LANGUAGE_NAMES, LANGUAGES, reason_text
from ..labels import any_text, camera_text, count_key_text, kind_text, limit_lines, status_text
from ..settings import UiSettings
from ..syncstatus import SyncStatus
from ..viewmodel import CounterViewModel, parse_yuan, yuan

KINDS = ("", "scan", "purchase", "coupon", "gift", "backup", "void", "backfill", "shift_close")
STATUSES = ("", "approved", "pending_verification", "rejected")


def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """(code, words) items; the selection (by code) survives a language change."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for code, text in items:
        combo.addItem(text, code)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def _cells(text: str) -> int:
    """Columns `text` takes in a monospace font (Chinese characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _cells(text))


def _reason_words(code: str | None) -> str:
    return reason_text(code) if code in Reason.__members__ else str(code or "")


def _when(ts: float | None) -> str:
    return "-" if ts is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts))


class LogPage(QWidget):
    COLUMNS = 9

    def __init__(self, vm: CounterViewModel, manager_name: Callable[[], str], export_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.manager_name = manager_name
        self.export_dir = export_dir
        self.rows: list[dict[str, Any]] = []
        self.member_filter = QLineEdit()
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.reason_filter = QComboBox()
        self.reason_filter.setObjectName("reasonFilter")
        self.day_from = QLineEdit()
        self.day_to = QLineEdit()
        for f in (self.day_from, self.day_to):
            f.setPlaceholderText("YYYY-MM-DD")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.filter_labels = [QLabel() for _ in range(5)]
        filters = QHBoxLayout()
        for label, w in zip(self.filter_labels, (self.member_filter, self.kind_filter, self.status_filter,
                                                 self.reason_filter, self.day_from)):
            filters.addWidget(label)
            filters.addWidget(w)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.day_to)
        filters.addWidget(self.refresh_button)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("logTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(160)
        self.void_button = QPushButton()
        self.void_button.setObjectName("voidButton")
        self.void_button.clicked.connect(self.void_selected)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        self.message = QLabel()
        self.message.setObjectName("logMessage")
        self.message.setWordWrap(True)
        # backfill
        self.backfill_box = QGroupBox()
        self.bf_member, self.bf_bill, self.bf_receipt = QLineEdit(), QLineEdit(), QLineEdit()
        self.bf_when = QLineEdit()
        self.bf_when.setPlaceholderText("YYYY-MM-DD HH:MM")
        self.bf_button = QPushButton()
        self.bf_button.clicked.connect(self.backfill)
        self.bf_labels = [QLabel() for _ in range(4)]
        bf = QHBoxLayout(self.backfill_box)
        for label, w in zip(self.bf_labels, (self.bf_member, self.bf_bill, self.bf_receipt, self.bf_when)):
            bf.addWidget(label)
            bf.addWidget(w)
        bf.addWidget(self.bf_button)
        actions = QHBoxLayout()
        actions.addWidget(self.void_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        layout.addWidget(self.backfill_box)
        vm.log_loaded.connect(self.show_rows)
        vm.manager_result.connect(self.show_manager_result)
        self.retranslate()

    def current_filter(self) -> LogFilter:
        member = self.member_filter.text().strip()
        return LogFilter(member_id=int(member) if member.isdigit() else None,
                         kind=self.kind_filter.currentData() or None, status=self.status_filter.currentData() or None,
                         reason=self.reason_filter.currentData() or None,
                         day_from=self.day_from.text().strip() or None, day_to=self.day_to.text().strip() or None,
                         limit=500)

    def refresh(self) -> None:
        self.vm.load_log(self.current_filter())

    def show_rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            points = ""
            if r.get("points_earned"):
                points += f"+{r['points_earned']}"
            if r.get("points_spent"):
                points += f" -{r['points_spent']}"
            cells = [str(r.get("seq")), _when(r.get("recorded_at", 0) / 1000), kind_text(r.get("kind")),
                     status_text(r.get("status")), _reason_words(r.get("reason")), "" if r.get("member_id") is None else str(r["member_id"]),
                     yuan(r.get("bill_fen")) if r.get("bill_fen") is not None else "", points.strip(),
                     "" if r.get("voided_by") is None else str(r["voided_by"])]
            for j, c in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(c))

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select_seq(self, seq: int) -> bool:
        for i, r in enumerate(self.rows):
            if r.get("seq") == seq:
                self.table.selectRow(i)
                return True
        return False

    def show_detail(self) -> None:
        r = self.selected()
        if r is None:
            self.detail.clear()
            return
        text = reason_text(r["reason"]) if r.get("reason") in Reason.__members__ else ""
        self.detail.setPlainText(text + "\n" + json.dumps(r, ensure_ascii=False, indent=1, sort_keys=True))

    def void_selected(self) -> None:
        r = self.selected()
        if r is None:
            self.message.setText(self.tr("Select a record first"))
            return
        self.vm.void(int(r["seq"]), self.manager_name())

    def backfill(self) -> None:
        member, bill = self.bf_member.text().strip(), parse_yuan(self.bf_bill.text())
        try:
            when = int(datetime.strptime(self.bf_when.text().strip(), "%Y-%m-%d %H:%M").timestamp())
        except ValueError:
            when = None
        if not member.isdigit() or not bill or when is None or not self.bf_receipt.text().strip():
            self.message.setText(reason_text(Reason.INVALID_AMOUNT))
            return
        self.vm.backfill(int(member), bill, self.bf_receipt.text().strip(), when, self.manager_name())

    def show_manager_result(self, result, action: str) -> None:
        prefix = self.tr("Done") if result.ok else self.tr("Refused")
        self.message.setText(f"{prefix}: {reason_text(result.reason)} (#{result.seq})")
        self.refresh()

    def export(self) -> None:
        path = self.export_dir / f"log-{time.strftime('%Y%m%d-%H%M%S')}.csv"

        def done(value):
            if isinstance(value, Exception):
                self.message.setText(self.tr("Export failed: %1").replace("%1", str(value)))
            else:
                self.message.setText(self.tr("Exported %1 records to %2").replace("%1", str(value))
                                     .replace("%2", str(path)))

        self.vm.export_csv(path, self.current_filter(), done)

    def retranslate(self) -> None:
        for label, text in zip(self.filter_labels, (self.tr("Member"), self.tr("Kind"), self.tr("Status"),
                                                    self.tr("Reason"), self.tr("Days"))):
            label.setText(text)
        self.refresh_button.setText(self.tr("Refresh"))
        self.table.setHorizontalHeaderLabels([self.tr("#"), self.tr("Time"), self.tr("Kind"), self.tr("Status"),
                                              self.tr("Reason"), self.tr("Member"), self.tr("Bill"),
                                              self.tr("Points"), self.tr("Voided by")])
        self.void_button.setText(self.tr("Void selected"))
        self.export_button.setText(self.tr("Export CSV"))
        self.backfill_box.setTitle(self.tr("Backfill a purchase (forgotten scan)"))
        for label, text in zip(self.bf_labels, (self.tr("Member id"), self.tr("Bill (yuan)"), self.tr("Receipt"),
                                                self.tr("Purchased at"))):
            label.setText(text)
        self.bf_button.setText(self.tr("Backfill"))
        _fill(self.kind_filter, [(k, kind_text(k) if k else any_text()) for k in KINDS])
        _fill(self.status_filter, [(k, status_text(k) if k else any_text()) for k in STATUSES])
        _fill(self.reason_filter, [("", any_text())] + [(r.value, reason_text(r)) for r in Reason])
        self.show_rows(self.rows)
        self.show_detail()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ShiftPage(QWidget):
    """Close the shift (two presses: arm, then confirm) and show its Z report."""

    def __init__(self, vm: CounterViewModel, manager_name: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.manager_name = manager_name
        self.armed = False
        self.report = None
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeShiftButton")
        self.close_button.setMinimumHeight(52)
        self.close_button.clicked.connect(self.press)
        self.report_view = QPlainTextEdit()
        self.report_view.setObjectName("zReport")
        self.report_view.setReadOnly(True)
        self.report_view.setStyleSheet("font-family: monospace; font-size: 16px;")
        self.disarm_timer = QTimer(self)
        self.disarm_timer.setSingleShot(True)
        self.disarm_timer.setInterval(5000)
        self.disarm_timer.timeout.connect(self.disarm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.close_button)
        layout.addWidget(self.report_view, 1)
        vm.zreport_ready.connect(self.show_report)
        self.retranslate()

    def press(self) -> None:
        if not self.armed:
            self.armed = True
            self.disarm_timer.start()
            self.retranslate()
            return
        self.disarm()
        self.vm.close_shift(self.manager_name())

    def disarm(self) -> None:
        self.armed = False
        self.disarm_timer.stop()
        self.retranslate()

    def show_report(self, z) -> None:
        self.report = z
        self.retranslate()

    def report_text(self) -> str:
        z = self.report
        if z is None:
            return ""
        if isinstance(z, Exception):
            return reason_text(getattr(z, "reason", Reason.NOT_RECORDED))
        lines = [self.tr("Z REPORT — shift %1").replace("%1", str(z.shift)),
                 self.tr("Closed at: %1").replace("%1", _when(z.closed_at)),
                 self.tr("Record #: %1").replace("%1", str(z.seq)), ""]
        counts = [("  " + count_key_text(key), n) for key, n in sorted(z.counts.items())]
        rows = ((self.tr("Bills total (yuan)"), yuan(z.bill_fen)), (self.tr("Paid in money (yuan)"), yuan(z.paid_fen)),
                (self.tr("Points earned"), z.points_earned), (self.tr("Points spent"), z.points_spent),
                (self.tr("Voids"), z.voids), (self.tr("Rejected attempts"), z.rejected))
        if self.vm.queued_at_close is not None:
            rows += ((self.tr("Offline records still queued"), self.vm.queued_at_close),)
        width = max(_cells(name) for name, _ in counts + list(rows)) + 2
        lines += [_pad(name, width) + f"{value:>12}" for name, value in counts]
        lines.append("")
        lines += [_pad(name, width) + f"{value:>12}" for name, value in rows]
        return "\n".join(lines)

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("Press again to close the shift") if self.armed else self.tr("Close shift"))
        self.report_view.setPlainText(self.report_text() or self.tr("No shift closed yet in this session."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class SyncPage(QWidget):
    def __init__(self, vm: CounterViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.status: SyncStatus | None = None
        self.result_info: tuple[bool, dict] | None = None
        self.values = {k: QLabel() for k in ("online", "queued", "last", "bundle", "offset", "detail")}
        self.values["online"].setObjectName("syncOnline")
        self.values["queued"].setObjectName("syncQueued")
        self.names = {k: QLabel() for k in self.values}
        form = QFormLayout()
        for k in self.values:
            self.values[k].setStyleSheet("font-size: 18px;")
            form.addRow(self.names[k], self.values[k])
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a05a00; font-size: 16px;")
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setMinimumHeight(48)
        self.sync_button.clicked.connect(vm.sync_now)
        self.result = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.sync_button)
        layout.addWidget(self.result)
        layout.addStretch(1)
        vm.status_changed.connect(self.show_status)
        vm.sync_finished.connect(self.show_sync)
        self.retranslate()

    def show_status(self, st: SyncStatus) -> None:
        self.status = st
        self.retranslate()

    def show_sync(self, ok: bool, info: dict) -> None:
        self.result_info = (ok, dict(info or {}))
        self.retranslate()

    def age_text(self, seconds: float | None) -> str:
        if seconds is None:
            return "-"
        seconds = int(seconds)
        if seconds >= 3600:
            return self.tr("%1 h %2 min").replace("%1", str(seconds // 3600)).replace("%2", str(seconds % 3600 // 60))
        return self.tr("%1 min %2 s").replace("%1", str(seconds // 60)).replace("%2", str(seconds % 60))

    def reason_words(self, code: str, detail: str = "") -> str:
        if code == "NO_SERVER":
            words = self.tr("no server configured")
        elif code == "TIMEOUT":
            words = self.tr("no answer in time")
        elif code in Reason.__members__:
            words = reason_text(code)
        else:
            words = code
        return f"{words} ({detail})" if detail else words

    def result_words(self) -> str:
        if self.result_info is None:
            return ""
        ok, info = self.result_info
        if ok:
            return (self.tr("Sync done: %1 records uploaded, %2 balances received")
                    .replace("%1", str(info.get("uploaded", 0))).replace("%2", str(info.get("balances", 0))))
        return self.tr("Sync failed: %1").replace("%1", self.reason_words(str(info.get("reason", "")),
                                                                          str(info.get("detail", ""))))

    def retranslate(self) -> None:
        for k, text in (("online", self.tr("Server")), ("queued", self.tr("Records waiting to sync")),
                        ("last", self.tr("Last sync")), ("bundle", self.tr("Trust data age")),
                        ("offset", self.tr("Clock offset to server")), ("detail", self.tr("Detail"))):
            self.names[k].setText(text)
        st = self.status
        if st is not None:
            self.values["online"].setText(self.tr("online") if st.online else self.tr("offline"))
            self.values["queued"].setText(str(st.queued))
            self.values["last"].setText(_when(st.last_sync_at) if st.last_sync_at else self.tr("never"))
            self.values["bundle"].setText(self.age_text(st.bundle_age_s))
            self.values["offset"].setText("-" if st.clock_offset_s is None else self.tr("%1 s").replace(
                "%1", f"{st.clock_offset_s:+.1f}"))
            if st.reason or st.detail:
                self.values["detail"].setText(self.reason_words(st.reason, st.detail) if st.reason else st.detail)
            else:
                self.values["detail"].setText("" if st.available else self.tr("no server configured"))
            self.warning.setText(self.tr("%1 records are not on the server yet. They are kept on this terminal: "
                                         "do not reinstall, reset or replace it before they are synced.")
                                 .replace("%1", str(st.queued)) if st.queued else "")
        self.sync_button.setText(self.tr("Sync now"))
        self.result.setText(self.result_words())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class SettingsPage(QWidget):
    applied = Signal()

    def __init__(self, vm: CounterViewModel, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.settings = settings
        self.camera = QComboBox()
        self.camera.setObjectName("cameraCombo")
        self.limits_data: dict = {}
        self.decoder = QComboBox()
        from terminal_app.qr import BACKENDS

        self.decoder.addItems(list(BACKENDS))
        self.sounds = QCheckBox()
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.kiosk = QCheckBox()
        self.verdict_seconds = QSpinBox()
        self.verdict_seconds.setRange(1, 30)
        self.new_pin = QLineEdit()
        self.new_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.names = [QLabel() for _ in range(7)]
        form = QFormLayout()
        for label, w in zip(self.names, (self.camera, self.decoder, self.sounds, self.language, self.kiosk,
                                         self.verdict_seconds, self.new_pin)):
            form.addRow(label, w)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("applySettings")
        self.apply_button.clicked.connect(self.apply)
        self.limits_box = QGroupBox()
        self.limits = QPlainTextEdit()
        self.limits.setReadOnly(True)
        lb = QVBoxLayout(self.limits_box)
        lb.addWidget(self.limits)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.apply_button)
        layout.addWidget(self.limits_box, 1)
        self.load()
        self.retranslate()

    def load(self) -> None:
        s = self.settings
        self._fill_cameras(s.camera)
        self.decoder.setCurrentText(s.decoder)
        self.sounds.setChecked(s.sounds)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.kiosk.setChecked(s.kiosk)
        self.verdict_seconds.setValue(s.verdict_seconds)

    def _fill_cameras(self, current: str) -> None:
        values = ["virtual", "none", "0", "1", "2"]
        if current and current not in values:
            values.append(current)  # a device path set earlier
        _fill(self.camera, [(v, camera_text(v)) for v in values])
        self.camera.setCurrentIndex(max(0, self.camera.findData(current)))

    def refresh_limits(self) -> None:
        def show(st: dict) -> None:
            self.limits_data = dict(st.get("limits", {}))
            self.limits.setPlainText("\n".join(limit_lines(self.limits_data)))

        self.vm.service_status(show)

    def apply(self) -> None:
        s = self.settings
        s.camera = self.camera.currentData() or "virtual"
        s.decoder = self.decoder.currentText()
        s.sounds = self.sounds.isChecked()
        s.language = self.language.currentData()
        s.kiosk = self.kiosk.isChecked()
        s.verdict_seconds = self.verdict_seconds.value()
        if self.new_pin.text().strip().isdigit() and len(self.new_pin.text().strip()) >= 4:
            s.set_pin(self.new_pin.text().strip())
        self.new_pin.clear()
        s.save()
        self.applied.emit()

    def retranslate(self) -> None:
        for label, text in zip(self.names, (self.tr("Camera"), self.tr("QR decoder"),
                                            self.tr("Sounds"), self.tr("Language"), self.tr("Kiosk full screen"),
                                            self.tr("Verdict shown for (s)"), self.tr("New manager PIN"))):
            label.setText(text)
        self.apply_button.setText(self.tr("Apply"))
        self.limits_box.setTitle(self.tr("Offline limits (from the signed trust data, read-only)"))
        self._fill_cameras(self.camera.currentData() or self.settings.camera)
        self.limits.setPlainText("\n".join(limit_lines(self.limits_data)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ManagerPage(QWidget):
    leave = Signal()
    quit_requested = Signal()

    def __init__(self, vm: CounterViewModel, settings: UiSettings, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.manager = QLineEdit()
        self.manager.setObjectName("managerName")
        self.manager_label = QLabel()
        self.back_button = QPushButton()
        self.back_button.setObjectName("backToCounter")
        self.back_button.clicked.connect(self.leave)
        self.quit_button = QPushButton()
        self.quit_button.clicked.connect(self.quit_requested)
        name = lambda: self.manager.text().strip() or "manager"  # noqa: E731
        self.log = LogPage(vm, name, Path(home) / "exports")
        self.shift = ShiftPage(vm, name)
        self.sync = SyncPage(vm)
        self.settings = SettingsPage(vm, settings)
        self.tabs = QTabWidget()
        for page in (self.log, self.shift, self.sync, self.settings):
            self.tabs.addTab(page, "")
        top = QHBoxLayout()
        top.addWidget(self.manager_label)
        top.addWidget(self.manager)
        top.addStretch(1)
        top.addWidget(self.quit_button)
        top.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def enter(self) -> None:
        self.log.refresh()
        self.settings.load()
        self.settings.refresh_limits()
        self.vm.refresh_status()

    def retranslate(self) -> None:
        self.manager_label.setText(self.tr("Manager"))
        self.manager.setPlaceholderText(self.tr("Name, for the journal"))
        self.back_button.setText(self.tr("Back to the counter"))
        self.quit_button.setText(self.tr("Quit the app"))
        for i, text in enumerate((self.tr("Log"), self.tr("Shift"), self.tr("Sync"), self.tr("Settings"))):
            self.tabs.setTabText(i, text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
