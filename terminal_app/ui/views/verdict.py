"""The full-window verdict: green approved, orange attention, red declined; big text readable
from two metres; dismissed after a few seconds, on any key or on a click.

What it says, top to bottom: the verdict; what the cashier does now (charge 110.00 yuan, hand
over the free coffee, nothing approved); the reason in plain words (alliance_protocol.reasons,
current language, the other language smaller); what the member now has (masked member, points
used and earned, balance now); for "already used", when and where; which path decided it (HQ
online, this terminal offline, offline near a limit: docs/online-authorisation.md)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from terminal_app.core.results import Result, Severity

from ..i18n import other_reason_text, pick, reason_text
from ..viewmodel import yuan

COLOURS = {
    Severity.APPROVED: ("#1b8a3a", "white"),
    Severity.ATTENTION: ("#e67e00", "black"),
    Severity.DECLINED: ("#c0182b", "white"),
}


class VerdictPage(QWidget):
    dismissed = Signal()
    receipt_requested = Signal()

    def __init__(self, parent: QWidget | None = None, seconds: int = 4) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.result: Result | None = None  # a ScanResult or a TxnResult (terminal_app.core.results)
        self.kind = ""
        self.severity: Severity | None = None
        self.title = QLabel()
        self.title.setObjectName("verdictTitle")
        self.reason = QLabel()
        self.reason.setObjectName("verdictReason")
        self.other = QLabel()
        self.details = QLabel()
        self.details.setObjectName("verdictDetails")
        self.action = QLabel()
        self.action.setObjectName("verdictAction")
        self.earlier = QLabel()
        self.earlier.setObjectName("verdictEarlier")
        self.decided_by = QLabel()  # which path decided (online authorisation / offline)
        self.decided_by.setObjectName("verdictDecidedBy")
        self.decided_by.hide()
        self.info = None
        for label, size in (
            (self.title, 88),
            (self.action, 52),
            (self.reason, 36),
            (self.other, 20),
            (self.details, 28),
            (self.earlier, 24),
            (self.decided_by, 20),
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setProperty("px", size)
        self.receipt_button = QPushButton()
        self.receipt_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.receipt_button.clicked.connect(self.receipt_requested)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (
            self.title,
            self.action,
            self.reason,
            self.other,
            self.details,
            self.earlier,
            self.decided_by,
        ):
            layout.addWidget(w)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.receipt_button)
        layout.addLayout(row)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(seconds * 1000)
        self.timer.timeout.connect(self.dismiss)
        self.retranslate()

    def set_seconds(self, seconds: int) -> None:
        self.timer.setInterval(max(1, int(seconds)) * 1000)

    def show_result(self, result, kind: str) -> None:
        self.result, self.kind = result, kind
        self.info = None
        self.severity = result.severity
        bg, fg = COLOURS[self.severity]
        self.setStyleSheet(f"VerdictPage {{ background: {bg}; }}")
        for label in (
            self.title,
            self.action,
            self.reason,
            self.other,
            self.details,
            self.earlier,
            self.decided_by,
            self.hint,
        ):
            label.setStyleSheet(
                f"color: {fg}; font-size: {label.property('px') or 18}px;"
                + (" font-weight: bold;" if label in (self.title, self.action) else "")
            )
        self.receipt_button.setVisible(False)  # until the record is known (show_info)
        self.retranslate()
        self.timer.start()

    def show_info(self, info) -> None:
        """What happened, in the cashier's terms (terminal_app.ui.viewmodel.VerdictInfo)."""
        if self.result is None:
            return
        self.info = info
        self.receipt_button.setVisible(
            bool(
                info is not None
                and info.ok
                and info.record is not None
                and self.kind in ("purchase", "coupon", "gift", "backup")
            )
        )
        self.retranslate()

    def dismiss(self) -> None:
        if self.result is None:
            return
        self.timer.stop()
        self.result = None
        self.dismissed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - any key dismisses
        self.dismiss()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.dismiss()

    def paintEvent(self, event) -> None:  # noqa: N802 - let the style sheet paint the background
        from PySide6.QtGui import QPainter
        from PySide6.QtWidgets import QStyle, QStyleOption

        opt = QStyleOption()
        opt.initFrom(self)
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, opt, painter, self)

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Press any key or tap to continue"))
        self.receipt_button.setText(self.tr("Print receipt"))
        r = self.result
        if r is None:
            return
        titles = {
            Severity.APPROVED: self.tr("APPROVED"),
            Severity.ATTENTION: self.tr("APPROVED — CHECK"),
            Severity.DECLINED: self.tr("DECLINED"),
        }
        self.title.setText(titles[r.severity])
        self.reason.setText(reason_text(r.reason))
        self.other.setText(other_reason_text(r.reason))
        self.action.setText(self.action_text())
        info = self.info
        parts = []
        if info is not None and info.masked_member:
            parts.append(self.tr("Member %1").replace("%1", info.masked_member))
        spent, earned = getattr(r, "points_spent", 0), getattr(r, "points_earned", 0)  # a TxnResult's
        if r.ok and spent:
            parts.append(self.tr("Points used: %1").replace("%1", str(spent)))
        if r.ok and earned:
            parts.append(self.tr("Points earned: %1").replace("%1", str(earned)))
        if r.ok and info is not None and info.new_balance is not None:
            parts.append(self.tr("Balance now: %1 points").replace("%1", str(info.new_balance)))
        self.details.setText("   ".join(parts))
        self.earlier.setText(self.earlier_text())
        path = self.path_text()
        self.decided_by.setText(path)
        self.decided_by.setVisible(bool(path))

    def item_name(self) -> str:
        item = self.info.item if self.info is not None else None
        return pick(item) if item else ""

    def action_text(self) -> str:
        """What the cashier does now."""
        r = self.result
        if r is None:
            return ""
        if not r.ok:
            if r.reason.value in ("CODE_REPLAYED", "CODE_EXPIRED", "CODE_NOT_YET_VALID", "CODE_USED_ONLINE"):
                return self.tr("Ask the member to show a fresh code")
            if self.kind in ("purchase", "backup", "backfill"):
                return self.tr("Nothing approved: correct it, or charge the normal price")
            if self.kind in ("coupon", "gift"):
                return self.tr("Nothing approved: do not hand anything over")
            return self.tr("Nothing approved")
        if self.kind == "coupon":
            return self.tr("Hand over: %1").replace("%1", self.item_name() or self.tr("the benefit"))
        if self.kind == "gift":
            return self.tr("Hand over the gift: %1").replace("%1", self.item_name() or self.tr("the gift"))
        pricing = getattr(r, "pricing", None)
        charge = pricing.paid_fen if pricing is not None else (self.info.charge_fen if self.info else None)
        if charge is None:
            return ""
        if charge == 0:
            return self.tr("Nothing to charge: paid in full with points")
        return self.tr("Charge %1 yuan").replace("%1", yuan(charge))

    def path_text(self) -> str:
        """Which path decided: HQ online, or this terminal offline (and why HQ did not)."""
        r = self.result
        path = getattr(r, "decided_by", None)
        if path == "online":
            return self.tr("Decided online by HQ")
        if path == "offline_near_limit":
            return self.tr("Decided offline on this terminal, near an offline limit")
        if path == "offline":
            if str(getattr(r, "detail", "")).startswith("HQ"):
                return self.tr("Decided offline on this terminal: HQ did not answer in time")
            return self.tr("Decided offline on this terminal")
        return ""

    def earlier_text(self) -> str:
        r, info = self.result, self.info
        if r is None or r.ok or r.reason.value not in ("CODE_REPLAYED", "COUPON_USED", "CODE_USED_ONLINE"):
            return ""
        e = info.earlier if info is not None else None
        first_use = getattr(r, "first_use", None)
        if e is None and first_use:
            e = first_use  # where HQ saw it used (CODE_USED_ONLINE), before the record's look-up
        if e is None:
            if info is None or info.record is None:
                return ""
            return self.tr("Not used on this terminal: it was used at another counter (HQ has the details)")
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(int(e.get("recorded_at", 0)) / 1000))
        return (
            self.tr("Already used %1 at terminal %2 (record #%3)")
            .replace("%1", when)
            .replace("%2", str(e.get("terminal_id", "")))
            .replace("%3", str(e.get("seq", "")))
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
