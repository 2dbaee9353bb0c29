"""The full-window verdict: green approved, orange attention, red declined; big text readable
from two metres; the reason in plain words (alliance_protocol.reasons, current language, the
other language smaller); dismissed after a few seconds, on any key or on a click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from terminal_app.core.results import Severity

from ..i18n import other_reason_text, reason_text
from ..viewmodel import yuan

COLOURS = {Severity.APPROVED: ("#1b8a3a", "white"), Severity.ATTENTION: ("#e67e00", "black"),
           Severity.DECLINED: ("#c0182b", "white")}


class VerdictPage(QWidget):
    dismissed = Signal()
    receipt_requested = Signal()

    def __init__(self, parent: QWidget | None = None, seconds: int = 4) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.result = None
        self.kind = ""
        self.severity: Severity | None = None
        self.title = QLabel()
        self.title.setObjectName("verdictTitle")
        self.reason = QLabel()
        self.reason.setObjectName("verdictReason")
        self.other = QLabel()
        self.details = QLabel()
        self.details.setObjectName("verdictDetails")
        for label, size in ((self.title, 96), (self.reason, 44), (self.other, 22), (self.details, 30)):
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
        for w in (self.title, self.reason, self.other, self.details):
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
        self.severity = result.severity
        bg, fg = COLOURS[self.severity]
        self.setStyleSheet(f"VerdictPage {{ background: {bg}; }}")
        for label in (self.title, self.reason, self.other, self.details, self.hint):
            label.setStyleSheet(f"color: {fg}; font-size: {label.property('px') or 16}px;"
                                + (" font-weight: bold;" if label is self.title else ""))
        self.receipt_button.setVisible(kind in ("purchase", "coupon", "gift", "backup") and result.ok
                                        and result.seq is not None)
        self.retranslate()
        self.timer.start()

    def dismiss(self) -> None:
        if self.result is None:
            return
        self.timer.stop()
        self.result = None
        self.dismissed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802: any key dismisses
        self.dismiss()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.dismiss()

    def paintEvent(self, event) -> None:  # noqa: N802: let the style sheet paint the background
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
        titles = {Severity.APPROVED: self.tr("APPROVED"), Severity.ATTENTION: self.tr("APPROVED — CHECK"),
                  Severity.DECLINED: self.tr("DECLINED")}
        self.title.setText(titles[self.severity])
        self.reason.setText(reason_text(r.reason))
        self.other.setText(other_reason_text(r.reason))
        parts = []
        pricing = getattr(r, "pricing", None)
        if r.ok and pricing is not None:
            parts.append(self.tr("To pay: %1 yuan").replace("%1", yuan(pricing.paid_fen)))
        if r.ok and getattr(r, "points_spent", 0):
            parts.append(self.tr("Points used: %1").replace("%1", str(r.points_spent)))
        if r.ok and getattr(r, "points_earned", 0):
            parts.append(self.tr("Points earned: %1").replace("%1", str(r.points_earned)))
        self.details.setText("   ".join(parts))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
