"""Printed receipts and shift reports on ESC/POS counter printers (Qt-free).

    from terminal_app.printing import PrinterConfig, print_document, receipt_lines, report_lines
    lines = receipt_lines(record, ReceiptContext(...), lang="zh_CN", width=32)
    print_document(PrinterConfig.parse("network:192.0.2.10:9100"), lines)   # raises PrinterError(reason)

- `words`: the printed words in Chinese and English (printing has its own, short, fixed-width texts).
- `layout`: columns that line up in Chinese (a Han character takes two cells on a receipt printer).
- `receipt`: the lines of one transaction's receipt, from its journal record (first print and reprint).
- `report`: the lines of an X or Z shift report.
- `printer`: where the bytes go (python-escpos: USB, network port 9100, serial; a file; a dummy for
  tests), the text in GB18030 set explicitly (never the library's encoding guess), paper and
  presence checks, and typed errors (PRINTER_MISSING, PRINTER_NO_PAPER, PRINTER_FAILED).

Printing always happens after the transaction is recorded and never changes it: a missing
printer or an empty roll is a message, and the receipt can be printed again from the log.
"""

from .layout import Line
from .printer import PrinterConfig, PrinterError, print_document, render
from .receipt import ReceiptContext, receipt_lines
from .report import report_lines

__all__ = [
    "Line",
    "PrinterConfig",
    "PrinterError",
    "ReceiptContext",
    "print_document",
    "receipt_lines",
    "render",
    "report_lines",
]
