"""The customer-facing display (a second screen turned to the customer, as on Chinese counters):
the merchant's welcome, then the member, the amount with the discount and points, and the
verdict in its colour. It only listens to the view-model; it has nothing to press."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from terminal_app.core.results import Severity

from ..i18n import reason_text
from ..viewmodel import CounterViewModel, yuan
from .verdict import COLOURS


class CustomerDisplay(QWidget):
    def __init__(self, vm: CounterViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # never takes the cashier's focus
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoFillBackground(True)
        self.vm = vm
        self.state = "idle"  # idle, member, quote, verdict
        self.scan = None
        self.pricing = None
        self.result = None
        self.info = None
        self.merchant = QLabel()
        self.merchant.setObjectName("customerMerchant")
        self.headline = QLabel()
        self.headline.setObjectName("customerHeadline")
        self.amount = QLabel()
        self.amount.setObjectName("customerAmount")
        self.lines = QLabel()
        self.lines.setObjectName("customerLines")
        self.footer = QLabel()
        self.footer.setObjectName("customerFooter")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        for w in (self.merchant, self.headline, self.amount, self.lines, self.footer):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            w.setWordWrap(True)
            layout.addWidget(w)
        layout.insertStretch(1, 1)
        layout.insertStretch(5, 1)
        vm.counter.member_opened.connect(self.member)
        vm.counter.quote_ready.connect(self.quote)
        vm.counter.verdict.connect(self.verdict)
        vm.counter.verdict_info.connect(self.verdict_info)
        vm.counter.transaction_closed.connect(self.idle)
        vm.service_ready.connect(self.retranslate)
        self.setMinimumSize(480, 320)
        self.retranslate()

    # --- what the view-model says
    def idle(self) -> None:
        if self.vm.counter.open_scan is not None:
            return
        self.state, self.scan, self.pricing, self.result, self.info = "idle", None, None, None, None
        self.retranslate()

    def member(self, scan) -> None:
        self.state, self.scan, self.pricing, self.result = "member", scan, None, None
        self.retranslate()

    def quote(self, pricing) -> None:
        if pricing is None or self.scan is None:
            return
        self.state, self.pricing = "quote", pricing
        self.retranslate()

    def verdict(self, result, _kind: str) -> None:
        self.state, self.result, self.info = "verdict", result, None
        self.retranslate()

    def verdict_info(self, info) -> None:
        if self.state == "verdict":
            self.info = info
            self.retranslate()

    def after_verdict(self) -> None:
        """The cashier dismissed the verdict: back to the member (transaction still open) or welcome."""
        if self.vm.counter.open_scan is not None:
            self.member(self.vm.counter.open_scan)
        else:
            self.idle()

    # --- words
    def _colours(self) -> tuple[str, str]:
        if self.state == "verdict" and self.result is not None:
            return COLOURS[self.result.severity]
        return "#12355b", "white"

    def retranslate(self) -> None:
        bg, fg = self._colours()
        self.setStyleSheet(
            f"#customerDisplay {{ background: {bg}; }} QLabel {{ color: {fg}; }}"
            "#customerMerchant { font-size: 28px; } #customerHeadline { font-size: 44px; font-weight: bold; }"
            "#customerAmount { font-size: 72px; font-weight: bold; } #customerLines { font-size: 28px; }"
            "#customerFooter { font-size: 22px; }"
        )
        ident = self.vm.service.identity if self.vm.service is not None else None
        self.merchant.setText((ident.merchant_name or ident.merchant_id) if ident is not None else "")
        m = self.scan.member if self.scan is not None else None
        self.amount.setText("")
        self.lines.setText("")
        self.footer.setText("")
        if self.state == "idle":
            self.headline.setText(self.tr("Welcome"))
            self.lines.setText(self.tr("Please show your member code"))
            return
        if self.state == "verdict" and self.result is not None:
            r = self.result
            self.headline.setText(
                {
                    Severity.APPROVED: self.tr("Approved"),
                    Severity.ATTENTION: self.tr("Approved"),
                    Severity.DECLINED: self.tr("Not approved"),
                }[r.severity]
            )
            self.lines.setText(reason_text(r.reason))
            parts = []
            if r.ok and getattr(r, "points_spent", 0):
                parts.append(self.tr("Points used %1").replace("%1", str(r.points_spent)))
            if r.ok and getattr(r, "points_earned", 0):
                parts.append(self.tr("Points earned %1").replace("%1", str(r.points_earned)))
            if r.ok and self.info is not None and self.info.new_balance is not None:
                parts.append(self.tr("Balance %1").replace("%1", str(self.info.new_balance)))
            pricing = getattr(r, "pricing", None)
            if r.ok and pricing is not None:
                self.amount.setText(self.tr("To pay %1 yuan").replace("%1", yuan(pricing.paid_fen)))
            self.footer.setText("   ".join(parts))
            return
        if m is not None:
            self.headline.setText(self.tr("Member %1").replace("%1", m.masked_id))
            if m.balance is not None:
                self.footer.setText(self.tr("Points balance %1").replace("%1", str(m.balance)))
        p = self.pricing
        if self.state == "quote" and p is not None and p.ok:
            self.amount.setText(self.tr("To pay %1 yuan").replace("%1", yuan(p.paid_fen)))
            lines = [self.tr("Bill %1").replace("%1", yuan(p.bill_fen))]
            if p.discount_fen:
                lines.append(
                    self.tr("Member discount %1% −%2")
                    .replace("%1", str(p.discount_pct))
                    .replace("%2", yuan(p.discount_fen))
                )
            if p.cash_off_fen:
                lines.append(
                    self.tr("%1 points used −%2")
                    .replace("%1", str(p.points_spent))
                    .replace("%2", yuan(p.cash_off_fen))
                )
            lines.append(self.tr("Points you earn: %1").replace("%1", str(p.points_earned)))
            self.lines.setText("\n".join(lines))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
