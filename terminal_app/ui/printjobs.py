"""PrintJobs: receipts, reports and test pages, on their own worker thread.

A slow or missing printer never holds up the counter: printing has its own TaskRunner, never
the database worker's queue. `printed` says how each job went (None: printed; else the
PrinterError or exception, shown in words; the transaction is recorded either way).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from .tasks import TaskRunner
from .verdictinfo import VerdictInfo

if TYPE_CHECKING:
    from terminal_app.core.service import TerminalService
    from terminal_app.printing import PrinterConfig


class PrintJobs(QObject):
    printed = Signal(object)  # None (printed) or the PrinterError / Exception

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(self)
        self.settings: Any = None  # UiSettings (printer, paper, auto-print), set by the window
        self.service: TerminalService | None = None  # for the merchant's name and the catalogue

    @property
    def auto_print(self) -> bool:
        return bool(getattr(self.settings, "auto_print", False))

    def config(self) -> PrinterConfig:
        from terminal_app.printing import PrinterConfig

        s = self.settings
        return PrinterConfig.parse(getattr(s, "printer", "none"), width=int(getattr(s, "paper_width", 32)))

    def print_lines(
        self, lines_for: Callable[[str], list[Any]], on_done: Callable[[Any], None] | None = None
    ) -> None:
        """Print what `lines_for(lang)` returns on the configured printer; `printed` says how it went."""
        from terminal_app.printing import print_document

        from . import i18n

        cfg, lang = self.config(), i18n.current_language()

        def call() -> Exception | None:
            try:
                print_document(cfg, lines_for(lang))
            except Exception as exc:  # PrinterError (typed) or anything else: a message, never lost data
                return exc
            return None

        def done(value: Any) -> None:
            self.printed.emit(value)
            if on_done is not None:
                on_done(value)

        self.runner.run(call, done, done)

    def print_receipt(
        self, record: dict[str, Any], info: VerdictInfo | None = None, *, reprint: bool = False
    ) -> None:
        """A receipt from its journal record (first print after the verdict, or a reprint from the log)."""
        from terminal_app.core.service import mask_member
        from terminal_app.printing import ReceiptContext, receipt_lines

        service = self.service
        identity = service.identity if service is not None else None
        item_id = record.get("coupon_id") or record.get("gift_id")
        member = record.get("member_id")
        width = self.config().width

        def lines_for(lang: str) -> list[Any]:  # on the printer's thread (the catalogue is a store read)
            item = info.item if info is not None else None
            if item is None and item_id and service is not None:
                coupons, gifts = service.catalogue()
                item = next((c for c in coupons + gifts if str(c.get("id")) == item_id), None)
            name = ""
            if item is not None:
                name = str(item.get("name_zh" if lang == "zh_CN" else "name_en") or item.get("id"))
            ctx = ReceiptContext(
                getattr(identity, "merchant_name", "") or "",
                getattr(identity, "merchant_id", ""),
                getattr(identity, "terminal_id", ""),
                mask_member(member) if isinstance(member, int) else "",
                name,
                info.new_balance if info is not None else None,
                not record.get("synced", False),
                reprint,
                record.get("voided_by"),
            )
            return receipt_lines(record, ctx, lang, width)

        self.print_lines(lines_for)

    def print_report(self, report: Any) -> None:
        from terminal_app.printing import report_lines

        width = self.config().width
        self.print_lines(lambda lang: report_lines(report, lang, width))
