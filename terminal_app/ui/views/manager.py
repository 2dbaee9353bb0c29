"""Manager pages (behind a manager's own PIN): journal log (void, backfill, reprint, CSV), shift
reports (X, Z, earlier Z), sync, managers, settings. Everything a manager does is recorded with
who did it (the manager signed in: CounterViewModel.manager)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from alliance_protocol.reasons import Reason
from terminal_app.core.logview import LogFilter
from terminal_app.core.service import mask_member

from .. import i18n
from ..i18n import LANGUAGE_NAMES, LANGUAGES, pick, reason_text
from ..labels import any_text, camera_text, kind_text, limit_lines, path_text, status_text
from ..settings import UiSettings
from ..syncstatus import ConnectionStatus
from ..viewmodel import CounterViewModel, parse_yuan, yuan
from ..wedge import ascii_only

KINDS = ("", "scan", "purchase", "coupon", "gift", "backup", "void", "backfill", "shift_close")
STATUSES = ("", "approved", "pending_verification", "rejected")
PRINTABLE = ("purchase", "coupon", "gift", "backup", "backfill", "void")
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _fill(combo: QComboBox, items: Sequence[tuple[object, str]]) -> None:
    """(code, words) items; the selection (by code) survives a language change."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for code, text in items:
        combo.addItem(text, code)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def _reason_words(code: str | None) -> str:
    return reason_text(code) if code is not None and code in Reason.__members__ else str(code or "")


def _when(ts: float | None) -> str:
    return "-" if ts is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts))


def _day_ok(text: str) -> bool:
    if not text:
        return True
    if not DAY_RE.match(text):
        return False
    try:
        datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return False
    return True


def _mark(field: QLineEdit, bad: bool) -> None:
    field.setProperty("invalid", bool(bad))
    field.style().unpolish(field)
    field.style().polish(field)


class Message(QLabel):
    """A message whose words are made again on a language change (it keeps how, not the text)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self._make: Callable[[], str] | None = None

    def say(self, make: Callable[[], str] | None, kind: str = "info") -> None:
        self._make = make
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self._make() if self._make is not None else "")


def record_words(r: dict[str, Any], names: dict[str, str] | None = None) -> list[str]:
    """A journal record for a person: words, local time, yuan, masked member, no raw JSON."""
    names = names or {}
    lines = [
        QCoreApplication.translate("RecordWords", "Record #%1 · %2 · %3")
        .replace("%1", str(r.get("seq")))
        .replace("%2", kind_text(r.get("kind")))
        .replace("%3", status_text(r.get("status")))
    ]
    if isinstance(r.get("recorded_at"), int):
        lines.append(
            QCoreApplication.translate("RecordWords", "Time: %1").replace(
                "%1", _when(r["recorded_at"] / 1000)
            )
        )
    if r.get("reason") and r.get("reason") != "OK":
        lines.append(
            QCoreApplication.translate("RecordWords", "Reason: %1").replace(
                "%1", _reason_words(r.get("reason"))
            )
        )
    if path_text(r.get("decided_by"), r.get("kind")):
        lines.append(
            QCoreApplication.translate("RecordWords", "Decided by: %1").replace(
                "%1", path_text(r.get("decided_by"), r.get("kind"))
            )
        )
    if isinstance(r.get("member_id"), int):
        lines.append(
            QCoreApplication.translate("RecordWords", "Member: %1").replace("%1", mask_member(r["member_id"]))
        )
    money = [
        (QCoreApplication.translate("RecordWords", "Bill"), "bill_fen"),
        (QCoreApplication.translate("RecordWords", "Discount"), "discount_fen"),
        (QCoreApplication.translate("RecordWords", "Points as cash"), "cash_off_fen"),
        (QCoreApplication.translate("RecordWords", "Paid"), "paid_fen"),
    ]
    parts = [f"{label} {yuan(r[key])}" for label, key in money if isinstance(r.get(key), int)]
    if parts:
        lines.append(
            QCoreApplication.translate("RecordWords", "Amounts (yuan): %1").replace("%1", " · ".join(parts))
        )
    if r.get("points_spent") or r.get("points_earned"):
        lines.append(
            QCoreApplication.translate("RecordWords", "Points: used %1, earned %2")
            .replace("%1", str(r.get("points_spent") or 0))
            .replace("%2", str(r.get("points_earned") or 0))
        )
    for key, label in (
        ("coupon_id", QCoreApplication.translate("RecordWords", "Coupon: %1")),
        ("gift_id", QCoreApplication.translate("RecordWords", "Gift: %1")),
    ):
        if r.get(key):
            lines.append(label.replace("%1", names.get(str(r[key]), str(r[key]))))
    if r.get("receipt_ref"):
        lines.append(
            QCoreApplication.translate("RecordWords", "Receipt: %1").replace("%1", str(r["receipt_ref"]))
        )
    if r.get("ref_seq"):
        lines.append(
            QCoreApplication.translate("RecordWords", "Voids record #%1").replace("%1", str(r["ref_seq"]))
        )
    if r.get("void_reason"):
        lines.append(
            QCoreApplication.translate("RecordWords", "Void reason: %1").replace("%1", str(r["void_reason"]))
        )
    if r.get("manager"):
        lines.append(
            QCoreApplication.translate("RecordWords", "Manager: %1").replace("%1", str(r["manager"]))
        )
    if r.get("voided_by"):
        lines.append(
            QCoreApplication.translate("RecordWords", "Voided by record #%1").replace(
                "%1", str(r["voided_by"])
            )
        )
    if r.get("code"):
        code = str(r["code"])
        lines.append(
            QCoreApplication.translate("RecordWords", "Member code: %1…%2 (%3 characters)")
            .replace("%1", code[:8])
            .replace("%2", code[-4:])
            .replace("%3", str(len(code)))
        )
    if r.get("backup_code"):
        lines.append(
            QCoreApplication.translate("RecordWords", "Backup code: %1").replace(
                "%1", "*" * max(0, len(str(r["backup_code"])) - 2) + str(r["backup_code"])[-2:]
            )
        )
    return lines


class VoidDialog(QDialog):
    """Confirm a void: the record in words, a reason, and who is voiding it. Nothing is voided
    until "Void this record" is pressed with a reason."""

    REASONS = ("wrong_amount", "wrong_member", "changed_mind", "duplicate", "other")

    def __init__(
        self, record: dict[str, Any], manager_name: str, names: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voidDialog")
        self.setModal(True)
        self.record = record
        self.manager_name = manager_name
        self.names = names
        self.summary = QLabel()
        self.summary.setObjectName("voidSummary")
        self.summary.setWordWrap(True)
        self.who = QLabel()
        self.who.setObjectName("voidWho")
        self.reason = QComboBox()
        self.reason.setObjectName("voidReason")
        self.reason_label = QLabel()
        self.note = QLineEdit()
        self.note.setObjectName("voidNote")
        self.note.setMaxLength(120)
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("voidConfirm")
        self.ok_button.clicked.connect(self.accept)
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("voidKeep")
        self.keep_button.setDefault(True)
        self.keep_button.clicked.connect(self.reject)
        self.reason.currentIndexChanged.connect(lambda _i: self._update())
        self.note.textChanged.connect(lambda _t: self._update())
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason)
        form.addRow("", self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.who)
        layout.addLayout(buttons)
        self.retranslate()
        self.resize(640, 420)

    def reason_words(self) -> str:
        code = self.reason.currentData() or ""
        note = self.note.text().strip()
        if not code:
            return ""
        if code == "other":
            return note
        return self.reason.currentText() + (f": {note}" if note else "")

    def _update(self) -> None:
        self.note.setPlaceholderText(
            self.tr("Write the reason")
            if self.reason.currentData() == "other"
            else self.tr("Details (optional)")
        )
        self.ok_button.setEnabled(bool(self.reason_words()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Void a record"))
        self.summary.setText(
            self.tr(
                "Void this record? It stops counting for the member, and a void record is "
                "added to the journal."
            )
            + "\n\n"
            + "\n".join(record_words(self.record, self.names))
        )
        self.who.setText(self.tr("Voided by: %1").replace("%1", self.manager_name))
        self.reason_label.setText(self.tr("Reason"))
        words = {
            "wrong_amount": self.tr("Wrong amount entered"),
            "wrong_member": self.tr("Wrong member"),
            "changed_mind": self.tr("Customer changed their mind"),
            "duplicate": self.tr("Entered twice"),
            "other": self.tr("Other (write it below)"),
        }
        _fill(self.reason, [("", self.tr("Choose a reason…"))] + [(k, words[k]) for k in self.REASONS])
        self.ok_button.setText(self.tr("Void this record"))
        self.keep_button.setText(self.tr("Keep it"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LogPage(QWidget):
    COLUMNS = 10

    def __init__(self, vm: CounterViewModel, export_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.export_dir = export_dir
        self.rows: list[dict[str, Any]] = []
        self.names: dict[str, str] = {}
        self.dialog: VoidDialog | None = None
        self.member_filter = QLineEdit()
        self.member_filter.setObjectName("memberFilter")
        ascii_only(self.member_filter)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.reason_filter = QComboBox()
        self.reason_filter.setObjectName("reasonFilter")
        self.day_from = QLineEdit()
        self.day_from.setObjectName("dayFrom")
        self.day_to = QLineEdit()
        self.day_to.setObjectName("dayTo")
        for f in (self.day_from, self.day_to):
            ascii_only(f)
            f.setPlaceholderText("YYYY-MM-DD")
        # filters apply as they change (typing settles for 400 ms first); Refresh re-reads the journal
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(400)
        self.filter_timer.timeout.connect(self.refresh)
        for f in (self.member_filter, self.day_from, self.day_to):
            f.textChanged.connect(lambda _t: self.filter_timer.start())
            f.returnPressed.connect(self.refresh)
        for c in (self.kind_filter, self.status_filter, self.reason_filter):
            c.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refreshLog")
        self.refresh_button.clicked.connect(self.refresh)
        self.filter_labels = [QLabel() for _ in range(5)]
        filters = QGridLayout()  # two rows: fits a 1024-pixel-wide counter screen
        for i, (label, w) in enumerate(
            zip(
                self.filter_labels,
                (self.member_filter, self.kind_filter, self.status_filter, self.reason_filter),
                strict=False,
            )
        ):
            filters.addWidget(label, i // 2, (i % 2) * 2)
            filters.addWidget(w, i // 2, (i % 2) * 2 + 1)
        days = QHBoxLayout()
        days.addWidget(self.day_from)
        days.addWidget(QLabel("–"))
        days.addWidget(self.day_to)
        filters.addWidget(self.filter_labels[4], 0, 4)
        filters.addLayout(days, 0, 5)
        filters.addWidget(self.refresh_button, 1, 5)
        self.reason_filter.setMinimumContentsLength(12)
        self.reason_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("logTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self.show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("logDetail")
        self.detail.setReadOnly(True)
        self.detail.setMinimumWidth(300)
        self.table.setMinimumHeight(150)
        self.void_button = QPushButton()
        self.void_button.setObjectName("voidButton")
        self.void_button.clicked.connect(self.void_selected)
        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self.message = Message("logMessage")
        # backfill
        self.backfill_box = QGroupBox()
        self.bf_member, self.bf_bill, self.bf_receipt = QLineEdit(), QLineEdit(), QLineEdit()
        self.bf_when = QLineEdit()
        self.bf_when.setPlaceholderText("YYYY-MM-DD HH:MM")
        for f, name in (
            (self.bf_member, "bfMember"),
            (self.bf_bill, "bfBill"),
            (self.bf_receipt, "bfReceipt"),
            (self.bf_when, "bfWhen"),
        ):
            f.setObjectName(name)
            ascii_only(f)
            f.returnPressed.connect(self.backfill)
        self.bf_button = QPushButton()
        self.bf_button.setObjectName("bfButton")
        self.bf_button.clicked.connect(self.backfill)
        self.bf_labels = [QLabel() for _ in range(4)]
        bf = QGridLayout(self.backfill_box)
        for i, (label, w) in enumerate(
            zip(self.bf_labels, (self.bf_member, self.bf_bill, self.bf_receipt, self.bf_when), strict=False)
        ):
            bf.addWidget(label, i // 2, (i % 2) * 2)
            bf.addWidget(w, i // 2, (i % 2) * 2 + 1)
        bf.addWidget(self.bf_button, 0, 4, 2, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.void_button)
        actions.addWidget(self.reprint_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.message, 1)
        split = QHBoxLayout()  # the record in full beside the table: the table keeps its height
        split.addWidget(self.table, 3)
        split.addWidget(self.detail, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(split, 1)
        layout.addLayout(actions)
        layout.addWidget(self.backfill_box)
        vm.managers.log_loaded.connect(self.show_rows)
        vm.managers.manager_result.connect(self.show_manager_result)
        vm.changes.changed.connect(self.on_changes)
        self._filter_error = False
        self.retranslate()

    # --- the table
    def current_filter(self) -> LogFilter | None:
        """The filter as typed, or None (and a message) when a date is not a date."""
        member = self.member_filter.text().strip()
        days = (self.day_from.text().strip(), self.day_to.text().strip())
        bad = [f for f, d in zip((self.day_from, self.day_to), days, strict=False) if not _day_ok(d)]
        for f in (self.day_from, self.day_to):
            _mark(f, f in bad)
        _mark(self.member_filter, bool(member) and not member.isdigit())
        if bad:
            self.message.say(lambda: reason_text(Reason.FILTER_DATE_INVALID), "error")
            self._filter_error = True
            return None
        if member and not member.isdigit():
            self.message.say(lambda: self.tr("A member id is digits only"), "error")
            self._filter_error = True
            return None
        if self._filter_error:  # the filter is right again: its message goes
            self._filter_error = False
            self.message.say(None)
        return LogFilter(
            member_id=int(member) if member else None,
            kind=self.kind_filter.currentData() or None,
            status=self.status_filter.currentData() or None,
            reason=self.reason_filter.currentData() or None,
            day_from=days[0] or None,
            day_to=days[1] or None,
            limit=500,
        )

    def refresh(self) -> None:
        self.filter_timer.stop()
        self._stale = False
        f = self.current_filter()
        if f is None:
            return
        self.vm.managers.load_log(f)
        self.vm.managers.load_catalogue(self._catalogue)

    def _catalogue(self, value: tuple[list, list]) -> None:
        coupons, gifts = value
        self.names = {str(c.get("id")): pick(c) for c in coupons + gifts}

    def show_rows(self, rows: list[dict[str, Any]]) -> None:
        keep = self.selected()
        keep_seq = keep.get("seq") if keep else None
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            points = ""
            if r.get("points_earned"):
                points += f"+{r['points_earned']}"
            if r.get("points_spent"):
                points += f" -{r['points_spent']}"
            cells = [
                str(r.get("seq")),
                _when(r.get("recorded_at", 0) / 1000),
                kind_text(r.get("kind")),
                status_text(r.get("status")),
                _reason_words(r.get("reason")),
                "" if r.get("member_id") is None else mask_member(r["member_id"]),
                yuan(r.get("bill_fen")) if r.get("bill_fen") is not None else "",
                points.strip(),
                "" if r.get("voided_by") is None else f"#{r['voided_by']}",
                path_text(r.get("decided_by"), r.get("kind")),
            ]
            for j, c in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(c))
        self.table.blockSignals(False)
        if keep_seq is None or not self.select_seq(keep_seq):  # the selection stays on the same record
            self.table.clearSelection()
        self.show_detail()

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
        self.void_button.setEnabled(
            r is not None
            and r.get("kind") in PRINTABLE[:-1]
            and not r.get("voided_by")
            and r.get("status") != "rejected"
        )
        self.reprint_button.setEnabled(
            r is not None and r.get("kind") in PRINTABLE and r.get("status") != "rejected"
        )
        if r is None:
            self.detail.setPlainText(self.tr("Select a record to see it in full."))
            return
        self.detail.setPlainText("\n".join(record_words(r, self.names)))

    # --- actions
    def void_selected(self) -> None:
        r = self.selected()
        if r is None:
            self.message.say(lambda: self.tr("Select a record first"), "error")
            return
        manager = self.vm.managers.current
        self.dialog = VoidDialog(r, manager.name if manager else "", self.names, self)
        seq = int(r["seq"])
        self.dialog.accepted.connect(lambda: self.vm.managers.void(seq, self.dialog.reason_words()))
        self.dialog.open()  # window-modal, not a nested event loop

    def reprint_selected(self) -> None:
        r = self.selected()
        if r is None:
            self.message.say(lambda: self.tr("Select a record first"), "error")
            return
        seq = int(r["seq"])
        self.message.say(lambda: self.tr("Printing record #%1…").replace("%1", str(seq)))
        self.vm.printer.printed.connect(self._reprinted)
        self.vm.managers.reprint(seq)

    def _reprinted(self, error) -> None:
        self.vm.printer.printed.disconnect(self._reprinted)
        if error is None:
            self.message.say(lambda: self.tr("Receipt printed"))
        else:
            reason = getattr(error, "reason", Reason.PRINTER_FAILED)
            self.message.say(lambda: reason_text(reason), "error")

    def backfill(self) -> None:
        member, bill_text = self.bf_member.text().strip(), self.bf_bill.text().strip()
        receipt, when_text = self.bf_receipt.text().strip(), self.bf_when.text().strip()
        bill = parse_yuan(bill_text)
        try:
            when = int(datetime.strptime(when_text, "%Y-%m-%d %H:%M").timestamp())
        except ValueError:
            when = None
        _mark(self.bf_member, not member.isdigit())
        _mark(self.bf_bill, not bill)
        _mark(self.bf_receipt, not receipt)
        _mark(self.bf_when, when is None)
        if not member or not bill_text or not receipt:
            self.message.say(lambda: reason_text(Reason.BACKFILL_FIELDS_MISSING), "error")
            return
        if not member.isdigit():
            self.message.say(lambda: self.tr("A member id is digits only"), "error")
            return
        if not bill:
            self.message.say(lambda: reason_text(Reason.INVALID_AMOUNT), "error")
            return
        if when is None:
            self.message.say(lambda: reason_text(Reason.BACKFILL_DATE_INVALID), "error")
            return
        self.vm.managers.backfill(int(member), bill, receipt, when)

    def show_manager_result(self, result, action: str) -> None:
        ok, reason, seq = result.ok, result.reason, result.seq
        if ok:
            self.message.say(
                lambda: (
                    self.tr("Done: %1 (record #%2)")
                    .replace("%1", reason_text(reason))
                    .replace("%2", str(seq))
                )
            )
        else:
            self.message.say(lambda: self.tr("Refused: %1").replace("%1", reason_text(reason)), "error")
        if action == "backfill" and ok:
            for f in (self.bf_member, self.bf_bill, self.bf_receipt, self.bf_when):
                f.clear()
                _mark(f, False)

    def on_changes(self, changes) -> None:
        """Records were written (a void, a backfill, a shift close, a sale): the table shows them, now
        when it is on screen, else when it is shown next."""
        if changes.journal:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802
        if getattr(self, "_stale", False):
            self.refresh()
        super().showEvent(event)

    def export(self) -> None:
        f = self.current_filter()
        if f is None:
            return
        path = self.export_dir / f"log-{time.strftime('%Y%m%d-%H%M%S')}.csv"

        def done(value):
            if isinstance(value, Exception):
                detail = str(value)
                self.message.say(lambda: self.tr("Export failed: %1").replace("%1", detail), "error")
            else:
                self.message.say(
                    lambda: (
                        self.tr("Exported %1 records to %2")
                        .replace("%1", str(value))
                        .replace("%2", str(path))
                    )
                )

        self.vm.managers.export_csv(path, f, i18n.current_language(), done)

    def retranslate(self) -> None:
        for label, text in zip(
            self.filter_labels,
            (self.tr("Member"), self.tr("Kind"), self.tr("Status"), self.tr("Reason"), self.tr("Days")),
            strict=False,
        ):
            label.setText(text)
        self.refresh_button.setText(self.tr("Refresh"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Time"),
                self.tr("Kind"),
                self.tr("Status"),
                self.tr("Reason"),
                self.tr("Member"),
                self.tr("Bill"),
                self.tr("Points"),
                self.tr("Voided by"),
                self.tr("Decided by"),
            ]
        )
        self.void_button.setText(self.tr("Void selected…"))
        self.reprint_button.setText(self.tr("Reprint receipt"))
        self.export_button.setText(self.tr("Export CSV"))
        self.backfill_box.setTitle(self.tr("Backfill a purchase (forgotten scan)"))
        for label, text in zip(
            self.bf_labels,
            (self.tr("Member id"), self.tr("Bill (yuan)"), self.tr("Receipt"), self.tr("Purchased at")),
            strict=False,
        ):
            label.setText(text)
        self.bf_button.setText(self.tr("Backfill"))
        _fill(self.kind_filter, [(k, kind_text(k) if k else any_text()) for k in KINDS])
        _fill(self.status_filter, [(k, status_text(k) if k else any_text()) for k in STATUSES])
        _fill(self.reason_filter, [("", any_text())] + [(r.value, reason_text(r)) for r in Reason])
        self.show_rows(self.rows)
        self.message.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ReportsPage(QWidget):
    """X report (mid-shift, nothing closes), Z report (closes the shift: two presses), earlier Z
    reports; each printable and exportable. The text is the printed text (same columns)."""

    def __init__(self, vm: CounterViewModel, export_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.export_dir = export_dir
        self.armed = False
        self.report = None  # the ShiftReport shown
        self.error: Exception | None = None
        self.earlier: list = []
        self.x_button = QPushButton()
        self.x_button.setObjectName("xReportButton")
        self.x_button.clicked.connect(vm.managers.x_report)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeShiftButton")
        self.close_button.clicked.connect(self.press)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printReport")
        self.print_button.clicked.connect(self.print_report)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportReport")
        self.export_button.clicked.connect(self.export)
        self.list = QListWidget()
        self.list.setObjectName("zList")
        self.list.currentRowChanged.connect(self.pick)
        self.list_label = QLabel()
        self.report_view = QTextBrowser()  # a table: the columns line up in Chinese whatever the font
        self.report_view.setObjectName("zReport")
        self.message = Message("reportMessage")
        self.disarm_timer = QTimer(self)
        self.disarm_timer.setSingleShot(True)
        self.disarm_timer.setInterval(5000)
        self.disarm_timer.timeout.connect(self.disarm)
        buttons = QHBoxLayout()
        for b in (self.x_button, self.close_button, self.print_button, self.export_button):
            buttons.addWidget(b)
        left = QVBoxLayout()
        left.addWidget(self.list_label)
        left.addWidget(self.list, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.report_view, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        vm.managers.zreport_ready.connect(self.closed)
        vm.managers.reports_ready.connect(self.show_reports)
        vm.changes.changed.connect(self.on_changes)
        self.retranslate()

    def on_changes(self, changes) -> None:
        if changes.shift:  # a shift closed: the list of Z reports has a new one
            self.vm.managers.load_reports()

    def press(self) -> None:
        if not self.armed:
            self.armed = True
            self.disarm_timer.start()
            self.retranslate()
            return
        self.disarm()
        self.vm.managers.close_shift()

    def disarm(self) -> None:
        self.armed = False
        self.disarm_timer.stop()
        self.retranslate()

    def closed(self, z) -> None:
        if isinstance(z, Exception):
            reason = getattr(z, "reason", Reason.NOT_RECORDED)
            self.message.say(lambda: reason_text(reason), "error")
        else:
            self.report = None  # the new Z report is shown when the list arrives
            self.message.say(
                lambda: (
                    self.tr("Shift %1 closed (record #%2)")
                    .replace("%1", str(z.shift))
                    .replace("%2", str(z.seq))
                )
            )

    def show_reports(self, value) -> None:
        if isinstance(value, Exception):
            self.message.say(lambda: reason_text(Reason.INTERNAL_ERROR), "error")
            return
        kind, data = value
        if kind == "X":
            self.report = data
            self.list.blockSignals(True)
            self.list.clearSelection()
            self.list.blockSignals(False)
        else:
            self.earlier = list(data)
            self.list.blockSignals(True)
            self.list.clear()
            for _z in self.earlier:
                self.list.addItem(QListWidgetItem(""))
            self.list.blockSignals(False)
            self._list_words()
            queued = self.vm.managers.queued_at_close
            if self.earlier and queued is not None and self.earlier[0].queued is None:
                # the shift closed in this session: how many records were still waiting to sync then
                self.earlier[0] = type(self.earlier[0])(
                    **{**self.earlier[0].__dict__, "queued": queued}
                )
            if self.earlier and (self.report is None or self.report.kind == "Z"):
                self.report = self.earlier[0]
                self.list.setCurrentRow(0)
        self.retranslate()

    def pick(self, row: int) -> None:
        if 0 <= row < len(self.earlier):
            self.report = self.earlier[row]
            self.retranslate()

    def text(self) -> str:
        from terminal_app.printing import report_lines

        if self.report is None:
            return ""
        return "\n".join(
            line.text
            for line in report_lines(self.report, i18n.current_language(), self.vm.printer.config().width)
        )

    def print_report(self) -> None:
        if self.report is None:
            return
        self.message.say(lambda: self.tr("Printing…"))
        self.vm.printer.printed.connect(self._printed)
        self.vm.printer.print_report(self.report)

    def _printed(self, error) -> None:
        self.vm.printer.printed.disconnect(self._printed)
        if error is None:
            self.message.say(lambda: self.tr("Report printed"))
        else:
            reason = getattr(error, "reason", Reason.PRINTER_FAILED)
            self.message.say(lambda: reason_text(reason), "error")

    def export(self) -> None:
        if self.report is None:
            return
        r = self.report
        path = (
            self.export_dir / f"{r.kind.lower()}-report-shift{r.shift}-{time.strftime('%Y%m%d-%H%M%S')}.txt"
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.text() + "\n", "utf-8-sig")
        except OSError as exc:
            detail = str(exc)
            self.message.say(lambda: self.tr("Export failed: %1").replace("%1", detail), "error")
            return
        self.message.say(lambda: self.tr("Saved to %1").replace("%1", str(path)))

    def _list_words(self) -> None:
        for i, z in enumerate(self.earlier):
            self.list.item(i).setText(
                self.tr("Shift %1 · closed %2 · %3")
                .replace("%1", str(z.shift))
                .replace("%2", _when(z.period_to))
                .replace("%3", z.manager or "-")
            )

    def retranslate(self) -> None:
        self.x_button.setText(self.tr("X report (shift so far)"))
        self.close_button.setText(
            self.tr("Press again to close the shift") if self.armed else self.tr("Close shift (Z report)")
        )
        self.close_button.setProperty("armed", self.armed)
        self.close_button.style().unpolish(self.close_button)
        self.close_button.style().polish(self.close_button)
        self.print_button.setText(self.tr("Print"))
        self.export_button.setText(self.tr("Save as file"))
        self.print_button.setEnabled(self.report is not None)
        self.export_button.setEnabled(self.report is not None)
        self.list_label.setText(self.tr("Closed shifts (Z reports)"))
        self._list_words()
        from terminal_app.printing.report import report_html

        if self.report is None:
            self.report_view.setPlainText(self.tr("No report yet: print an X report, or close the shift."))
        else:
            self.report_view.setHtml(report_html(self.report, i18n.current_language()))
        self.message.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ManagersPage(QWidget):
    """The terminal's managers: add one (name + own PIN), change my PIN, unlock a locked one."""

    def __init__(self, vm: CounterViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.managers: list = []
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("managersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.add_box = QGroupBox()
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newManagerName")
        self.new_name.setMaxLength(32)
        self.new_pin, self.new_pin2 = QLineEdit(), QLineEdit()
        self.new_pin.setObjectName("newManagerPin")
        self.new_pin2.setObjectName("newManagerPin2")
        self.my_pin, self.my_pin2 = QLineEdit(), QLineEdit()
        self.my_pin.setObjectName("myNewPin")
        self.my_pin2.setObjectName("myNewPin2")
        for f in (self.new_pin, self.new_pin2, self.my_pin, self.my_pin2):
            ascii_only(f)
            f.setEchoMode(QLineEdit.EchoMode.Password)
            f.setMaxLength(12)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addManager")
        self.add_button.clicked.connect(self.add)
        self.pin_box = QGroupBox()
        self.pin_button = QPushButton()
        self.pin_button.setObjectName("changeMyPin")
        self.pin_button.clicked.connect(self.change_pin)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockManager")
        self.unlock_button.clicked.connect(self.unlock)
        self.labels = [QLabel() for _ in range(5)]
        add = QFormLayout(self.add_box)
        add.addRow(self.labels[0], self.new_name)
        add.addRow(self.labels[1], self.new_pin)
        add.addRow(self.labels[2], self.new_pin2)
        add.addRow("", self.add_button)
        pin = QFormLayout(self.pin_box)
        pin.addRow(self.labels[3], self.my_pin)
        pin.addRow(self.labels[4], self.my_pin2)
        pin.addRow("", self.pin_button)
        self.message = Message("managersMessage")
        forms = QHBoxLayout()
        forms.addWidget(self.add_box)
        forms.addWidget(self.pin_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unlock_button)
        layout.addLayout(forms)
        layout.addWidget(self.message)
        self.retranslate()

    def refresh(self) -> None:
        self.vm.managers.manager_call(lambda book: book.list(), self.show_managers)

    def show_managers(self, managers) -> None:
        if isinstance(managers, Exception):
            return
        self.managers = list(managers)
        by_id = {m.id: m.name for m in self.managers}
        self.table.setRowCount(len(self.managers))
        for i, m in enumerate(self.managers):
            if m.locked():
                state = self.tr("locked until %1").replace(
                    "%1", time.strftime("%H:%M", time.localtime(m.locked_until))
                )
            elif m.default_pin:
                state = self.tr("still has the first PIN: change it")
            else:
                state = self.tr("active")
            cells = [
                m.name,
                by_id.get(m.created_by, "-") if m.created_by else self.tr("(first manager)"),
                state,
            ]
            for j, c in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(c))

    def _done(self, value, ok_words: Callable[[], str]) -> None:
        if isinstance(value, Exception):
            reason = getattr(value, "reason", Reason.INTERNAL_ERROR)
            self.message.say(lambda: reason_text(reason), "error")
            return
        self.message.say(ok_words)
        self.refresh()

    def add(self) -> None:
        name, pin, pin2 = self.new_name.text().strip(), self.new_pin.text(), self.new_pin2.text()
        if pin != pin2:
            self.message.say(lambda: reason_text(Reason.PIN_MISMATCH), "error")
            return
        me = self.vm.managers.current
        if me is None:
            return
        for f in (self.new_pin, self.new_pin2):
            f.clear()

        def done(value):
            if not isinstance(value, Exception):
                self.new_name.clear()
            self._done(
                value,
                lambda: self.tr("Manager %1 added; they sign in with their own PIN").replace("%1", name),
            )

        self.vm.managers.manager_call(lambda book: book.add(me, name, pin), done)

    def change_pin(self) -> None:
        pin, pin2 = self.my_pin.text(), self.my_pin2.text()
        for f in (self.my_pin, self.my_pin2):
            f.clear()
        if pin != pin2:
            self.message.say(lambda: reason_text(Reason.PIN_MISMATCH), "error")
            return
        me = self.vm.managers.current
        if me is None:
            return

        def done(value):
            if not isinstance(value, Exception):
                self.vm.managers.current = value
            self._done(value, lambda: self.tr("Your PIN was changed"))

        self.vm.managers.manager_call(lambda book: book.change_pin(me, pin), done)

    def unlock(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        me = self.vm.managers.current
        if not rows or me is None or rows[0].row() >= len(self.managers):
            self.message.say(lambda: self.tr("Select a manager first"), "error")
            return
        target = self.managers[rows[0].row()]
        self.vm.managers.manager_call(
            lambda book: book.unlock(me, target.id),
            lambda v: self._done(v, lambda: self.tr("%1 can sign in again").replace("%1", target.name)),
        )

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Manager"), self.tr("Added by"), self.tr("State")])
        self.add_box.setTitle(self.tr("Add a manager"))
        self.pin_box.setTitle(self.tr("Change my PIN"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Name"),
                self.tr("Their PIN"),
                self.tr("PIN again"),
                self.tr("New PIN"),
                self.tr("New PIN again"),
            ),
            strict=False,
        ):
            label.setText(text)
        self.add_button.setText(self.tr("Add manager"))
        self.pin_button.setText(self.tr("Change my PIN"))
        self.unlock_button.setText(self.tr("Unlock the selected manager"))
        self.show_managers(self.managers)
        self.message.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class SyncPage(QWidget):
    def __init__(self, vm: CounterViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.status: ConnectionStatus | None = None
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
        self.sync_button.clicked.connect(vm.sync.sync_now)
        self.result = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.sync_button)
        layout.addWidget(self.result)
        layout.addStretch(1)
        vm.sync.status_changed.connect(self.show_status)
        vm.sync.sync_finished.connect(self.show_sync)
        self.retranslate()

    def show_status(self, st: ConnectionStatus) -> None:
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
            return (
                self.tr("%1 h %2 min")
                .replace("%1", str(seconds // 3600))
                .replace("%2", str(seconds % 3600 // 60))
            )
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
            return (
                self.tr("Sync done: %1 records uploaded, %2 balances received")
                .replace("%1", str(info.get("uploaded", 0)))
                .replace("%2", str(info.get("balances", 0)))
            )
        return self.tr("Sync failed: %1").replace(
            "%1", self.reason_words(str(info.get("reason", "")), str(info.get("detail", "")))
        )

    def retranslate(self) -> None:
        for k, text in (
            ("online", self.tr("Server")),
            ("queued", self.tr("Records waiting to sync")),
            ("last", self.tr("Last sync")),
            ("bundle", self.tr("Trust data age")),
            ("offset", self.tr("Clock offset to server")),
            ("detail", self.tr("Detail")),
        ):
            self.names[k].setText(text)
        st = self.status
        if st is not None:
            self.values["online"].setText(self.tr("online") if st.online else self.tr("offline"))
            self.values["queued"].setText(str(st.queued))
            self.values["last"].setText(_when(st.last_sync_at) if st.last_sync_at else self.tr("never"))
            self.values["bundle"].setText(self.age_text(st.bundle_age_s))
            self.values["offset"].setText(
                "-"
                if st.clock_offset_s is None
                else self.tr("%1 s").replace("%1", f"{st.clock_offset_s:+.1f}")
            )
            if st.reason or st.detail:
                self.values["detail"].setText(
                    self.reason_words(st.reason, st.detail) if st.reason else st.detail
                )
            else:
                self.values["detail"].setText("" if st.available else self.tr("no server configured"))
            self.warning.setText(
                self.tr(
                    "%1 records are not on the server yet. They are kept on this terminal: "
                    "do not reinstall, reset or replace it before they are synced."
                ).replace("%1", str(st.queued))
                if st.queued
                else ""
            )
        self.sync_button.setText(self.tr("Sync now"))
        self.result.setText(self.result_words())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class SettingsPage(QWidget):
    applied = Signal()
    PRINTERS = ("none", "file", "usb", "network", "serial")

    def __init__(
        self,
        vm: CounterViewModel,
        settings: UiSettings,
        audio: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vm = vm
        self.settings = settings
        self.audio = audio or (lambda: "")
        self.camera = QComboBox()
        self.camera.setObjectName("cameraCombo")
        self.limits_data: dict = {}
        self.decoder = QComboBox()
        from terminal_app.qr import BACKENDS

        self.decoder.addItems(list(BACKENDS))
        self.sounds = QCheckBox()
        self.sounds.setObjectName("soundsCheck")
        self.audio_state = QLabel()
        self.audio_state.setObjectName("audioState")
        self.audio_state.setWordWrap(True)
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.kiosk = QCheckBox()
        self.verdict_seconds = QSpinBox()
        self.verdict_seconds.setRange(1, 30)
        self.printer_kind = QComboBox()
        self.printer_kind.setObjectName("printerKind")
        self.printer_target = QLineEdit()
        self.printer_target.setObjectName("printerTarget")
        ascii_only(self.printer_target)
        self.paper = QComboBox()
        self.paper.setObjectName("paperWidth")
        self.auto_print = QCheckBox()
        self.auto_print.setObjectName("autoPrint")
        self.test_print = QPushButton()
        self.test_print.setObjectName("testPrint")
        self.test_print.clicked.connect(self.print_test)
        self.customer = QComboBox()
        self.customer.setObjectName("customerDisplay")
        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer_kind)
        printer_row.addWidget(self.printer_target, 1)
        printer_row.addWidget(self.test_print)
        sound_row = QVBoxLayout()
        sound_row.addWidget(self.sounds)
        sound_row.addWidget(self.audio_state)
        self.names = [QLabel() for _ in range(10)]
        form = QFormLayout()
        fields: tuple[QWidget | QLayout, ...] = (
            self.camera,
            self.decoder,
            sound_row,
            self.language,
            self.kiosk,
            self.verdict_seconds,
            printer_row,
            self.paper,
            self.auto_print,
            self.customer,
        )
        for label, w in zip(self.names, fields, strict=True):
            form.addRow(label, w)
        self.message = Message("settingsMessage")
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("applySettings")
        self.apply_button.clicked.connect(self.apply)
        self.limits_box = QGroupBox()
        self.limits = QPlainTextEdit()
        self.limits.setReadOnly(True)
        lb = QVBoxLayout(self.limits_box)
        lb.addWidget(self.limits)
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addLayout(form)
        body.addWidget(self.limits_box, 1)
        scroll = QScrollArea()  # the form scrolls on a small screen; Apply stays in view
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.limits.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.apply_button)
        layout.addLayout(row)
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
        kind, _, target = (s.printer or "none").partition(":")
        self._fill_static()
        self.printer_kind.setCurrentIndex(
            max(0, self.printer_kind.findData(kind if kind in self.PRINTERS else "none"))
        )
        self.printer_target.setText(target)
        self.paper.setCurrentIndex(max(0, self.paper.findData(int(s.paper_width))))
        self.auto_print.setChecked(s.auto_print)
        self.customer.setCurrentIndex(max(0, self.customer.findData(s.customer_display)))
        self.show_audio()

    def show_audio(self) -> None:
        state = self.audio()
        self.audio_state.setProperty("kind", "error" if state else "info")
        self.audio_state.setText(state)

    def _fill_cameras(self, current: str) -> None:
        values = ["virtual", "none", "0", "1", "2"]
        if current and current not in values:
            values.append(current)  # a device path set earlier
        _fill(self.camera, [(v, camera_text(v)) for v in values])
        self.camera.setCurrentIndex(max(0, self.camera.findData(current)))

    def _fill_static(self) -> None:
        _fill(
            self.printer_kind,
            [
                ("none", self.tr("No printer")),
                ("file", self.tr("File (demo, tests)")),
                ("usb", self.tr("USB (vendor:product)")),
                ("network", self.tr("Network (host:port)")),
                ("serial", self.tr("Serial (device:baud)")),
            ],
        )
        _fill(self.paper, [(32, self.tr("58 mm (32 characters)")), (48, self.tr("80 mm (48 characters)"))])
        _fill(
            self.customer,
            [
                ("auto", self.tr("On a second screen, when there is one")),
                ("window", self.tr("Always, in a window")),
                ("off", self.tr("Off")),
            ],
        )

    def refresh_limits(self) -> None:
        def show(st: dict) -> None:
            self.limits_data = dict(st.get("limits", {}))
            self.limits.setPlainText("\n".join(limit_lines(self.limits_data)))

        self.vm.managers.service_status(show)

    def printer_text(self) -> str:
        kind, target = self.printer_kind.currentData() or "none", self.printer_target.text().strip()
        return kind if kind == "none" else f"{kind}:{target}"

    def apply(self) -> None:
        s = self.settings
        s.camera = self.camera.currentData() or "virtual"
        s.decoder = self.decoder.currentText()
        s.sounds = self.sounds.isChecked()
        s.language = self.language.currentData()
        s.kiosk = self.kiosk.isChecked()
        s.verdict_seconds = self.verdict_seconds.value()
        s.printer = self.printer_text()
        s.paper_width = int(self.paper.currentData() or 32)
        s.auto_print = self.auto_print.isChecked()
        s.customer_display = self.customer.currentData() or "auto"
        s.save()
        self.vm.managers.audit("settings", f"printer={s.printer} auto_print={s.auto_print} kiosk={s.kiosk}")
        self.message.say(lambda: self.tr("Settings saved"))
        self.applied.emit()

    def print_test(self) -> None:
        from terminal_app.printing import Line
        from terminal_app.printing.layout import center, two_columns

        self.apply()
        ident = self.vm.service.identity if self.vm.service is not None else None
        width = self.vm.printer.config().width

        def lines_for(lang: str) -> list:
            title = "打印测试" if lang == "zh_CN" else "Printer test"
            return [
                Line(center(title, width // 2), "title"),
                Line("-" * width, "rule"),
                Line(two_columns("商户 Merchant", getattr(ident, "merchant_id", ""), width)),
                Line(two_columns("终端 Terminal", getattr(ident, "terminal_id", ""), width)),
                Line(two_columns("中文 GB18030", "积分 ¥100.00", width)),
                Line(_when(time.time())),
            ]

        self.message.say(lambda: self.tr("Printing…"))
        self.vm.printer.print_lines(lines_for, self._tested)

    def _tested(self, error) -> None:
        if error is None:
            self.message.say(lambda: self.tr("Test page printed"))
        else:
            reason = getattr(error, "reason", Reason.PRINTER_FAILED)
            self.message.say(lambda: reason_text(reason), "error")

    def retranslate(self) -> None:
        for label, text in zip(
            self.names,
            (
                self.tr("Camera"),
                self.tr("QR decoder"),
                self.tr("Sounds"),
                self.tr("Language"),
                self.tr("Kiosk full screen"),
                self.tr("Verdict shown for (s)"),
                self.tr("Receipt printer"),
                self.tr("Paper"),
                self.tr("Print a receipt after every sale"),
                self.tr("Customer display"),
            ),
            strict=False,
        ):
            label.setText(text)
        self.sounds.setText(self.tr("Play a sound for each verdict"))
        self.kiosk.setText(self.tr("Full screen; leaving it needs a manager PIN"))
        self.auto_print.setText(self.tr("Print automatically"))
        self.printer_target.setPlaceholderText(
            self.tr("e.g. 192.168.1.50:9100, 0416:5011, /dev/ttyUSB0:9600")
        )
        self.test_print.setText(self.tr("Print a test page"))
        self.apply_button.setText(self.tr("Apply"))
        self.limits_box.setTitle(self.tr("Offline limits (from the signed trust data, read-only)"))
        self._fill_cameras(self.camera.currentData() or self.settings.camera)
        self._fill_static()
        self.limits.setPlainText("\n".join(limit_lines(self.limits_data)))
        self.show_audio()
        self.message.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ManagerPage(QWidget):
    leave = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        vm: CounterViewModel,
        settings: UiSettings,
        home: Path,
        audio: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vm = vm
        self.signed_in = QLabel()
        self.signed_in.setObjectName("signedIn")
        self.pin_warning = QLabel()
        self.pin_warning.setObjectName("pinWarning")
        self.pin_warning.setWordWrap(True)
        self.back_button = QPushButton()
        self.back_button.setObjectName("backToCounter")
        self.back_button.clicked.connect(self.leave)
        self.quit_button = QPushButton()
        self.quit_button.setObjectName("quitApp")
        self.quit_button.clicked.connect(self.quit_requested)
        exports = Path(home) / "exports"
        self.log = LogPage(vm, exports)
        self.shift = ReportsPage(vm, exports)
        self.sync = SyncPage(vm)
        self.managers = ManagersPage(vm)
        self.settings = SettingsPage(vm, settings, audio)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("managerTabs")
        for page in (self.log, self.shift, self.sync, self.managers, self.settings):
            self.tabs.addTab(page, "")
        top = QHBoxLayout()
        top.addWidget(self.signed_in, 1)
        top.addWidget(self.quit_button)
        top.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pin_warning)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def enter(self) -> None:
        self.log.refresh()
        self.shift.report = None
        self.vm.managers.load_reports()
        self.managers.refresh()
        self.settings.load()
        self.settings.refresh_limits()
        self.vm.sync.refresh()
        self.retranslate()

    def retranslate(self) -> None:
        m = self.vm.managers.current
        self.signed_in.setText(self.tr("Signed in: %1").replace("%1", m.name) if m is not None else "")
        self.pin_warning.setText(
            self.tr("This manager still has the first PIN (1234): change it under Managers.")
            if m is not None and m.default_pin
            else ""
        )
        self.pin_warning.setVisible(bool(self.pin_warning.text()))
        self.back_button.setText(self.tr("Sign out, back to the counter"))
        self.quit_button.setText(self.tr("Quit the app"))
        for i, text in enumerate(
            (
                self.tr("Log"),
                self.tr("Shift reports"),
                self.tr("Sync"),
                self.tr("Managers"),
                self.tr("Settings"),
            )
        ):
            self.tabs.setTabText(i, text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
