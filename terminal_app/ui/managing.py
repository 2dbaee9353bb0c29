"""ManagerModel: the manager pages' operations (log, void, backfill, shift reports, managers).

`current` is the one record of who is signed in on the manager pages (None on the cashier's):
every manager action is recorded as theirs. Each call is an operation on the database worker
(changes.Operations); what it wrote is published as Changes (a void or a backfill: the journal
and the queue; a shift close: the shift too), and the pages reload on those.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from alliance_protocol.reasons import Reason
from terminal_app.core.logview import LogFilter

from .changes import Changes, Operations
from .printjobs import PrintJobs

if TYPE_CHECKING:
    from terminal_app.core.managers import Manager, ManagerBook
    from terminal_app.core.service import TerminalService

DEFAULT_LOG = LogFilter(limit=500)


class ManagerModel(QObject):
    log_loaded = Signal(list)
    manager_result = Signal(object, str)  # Result of void/backfill, action name
    zreport_ready = Signal(object)  # ZReport or Exception
    reports_ready = Signal(object)  # ("X", ShiftReport) | ("Z", [ShiftReport, ...]) | Exception

    def __init__(self, ops: Operations, printer: PrintJobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.printer = printer
        self.service: TerminalService | None = None
        self.book: ManagerBook | None = None
        self.current: Manager | None = None  # signed in on the manager pages
        self.queued_at_close: int | None = None  # records not on HQ yet when this session closed a shift

    def _who(self) -> tuple[str, int | None]:
        m = self.current
        return (m.name, m.id) if m is not None else ("", None)

    # --- managers: sign-in and the managers' own settings
    def load_managers(self, on_done: Callable[[list[Any]], None]) -> None:
        book = self.book
        if book is not None:
            self.ops.run(book.list, on_done)

    def check_pin(self, manager_id: int, pin: str, on_done: Callable[[Any], None]) -> None:
        book = self.book
        if book is None:
            return

        def failed(_exc: Exception) -> None:  # the store could not be written: no sign-in, and said so
            from terminal_app.core.managers import PinCheck

            on_done(PinCheck(False, Reason.NOT_RECORDED))

        self.ops.run(lambda: book.check(manager_id, pin), on_done, failed, Changes(managers=True))

    def manager_call(self, call: Callable[[Any], Any], on_done: Callable[[Any], None]) -> None:
        """`call(book)` off the UI thread; on_done gets its value or the ManagerError it raised."""
        book = self.book
        if book is None:
            return
        from terminal_app.core.managers import ManagerError

        def run() -> Any:
            try:
                return call(book)
            except ManagerError as exc:
                return exc

        self.ops.run(run, on_done, changes=Changes(managers=True))

    def audit(self, action: str, detail: str = "") -> None:
        """Note a manager action in the audit trail (who: the manager signed in)."""
        book = self.book
        if book is not None:
            who = self.current.id if self.current is not None else None
            self.ops.run(
                lambda: book.log(who, action, detail), None, lambda exc: None, Changes(managers=True)
            )

    # --- the journal
    def load_catalogue(self, on_done: Callable[[Any], None]) -> None:
        service = self.service
        if service is not None:
            self.ops.run(service.catalogue, on_done)

    def load_log(self, f: LogFilter = DEFAULT_LOG) -> None:
        service = self.service
        if service is not None:
            self.ops.run(lambda: service.log(f), self.log_loaded.emit)

    def service_status(self, on_done: Callable[[dict[str, Any]], None]) -> None:
        service = self.service
        if service is not None:
            self.ops.run(service.status, on_done)

    def void(self, seq: int, reason: str) -> None:
        """Void record `seq` for `reason`, as the manager signed in."""
        service = self.service
        if service is None:
            return
        name, manager_id = self._who()
        self.ops.run(
            lambda: service.void(seq, name, reason=reason, manager_id=manager_id),
            lambda result: self.manager_result.emit(result, "void"),
            changes=Changes.of_result,
        )

    def backfill(self, member_id: int, bill_fen: int, receipt_ref: str, purchased_at: int) -> None:
        service = self.service
        if service is None:
            return
        name, manager_id = self._who()
        self.ops.run(
            lambda: service.backfill(
                member_id, bill_fen, receipt_ref, purchased_at, name, manager_id=manager_id
            ),
            lambda result: self.manager_result.emit(result, "backfill"),
            changes=Changes.of_result,
        )

    def reprint(self, seq: int) -> None:
        service = self.service
        if service is not None:
            self.ops.run(
                lambda: service.record(seq),
                lambda rec: self.printer.print_receipt(rec, reprint=True) if rec else None,
            )

    def export_csv(self, path: Path, f: LogFilter, lang: str, on_done: Callable[[Any], None]) -> None:
        """The log as a spreadsheet: words, local time and yuan in `lang`, the raw fields alongside."""
        from terminal_app.printing.export import log_csv

        service = self.service
        if service is None:
            return

        def call() -> int:
            rows = service.log(f)
            coupons, gifts = service.catalogue()
            key = "name_zh" if lang == "zh_CN" else "name_en"
            names = {str(c.get("id")): str(c.get(key) or c.get("id")) for c in coupons + gifts}
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(log_csv(rows, lang, names))
            tmp.replace(path)
            return len(rows)

        self.ops.run(call, on_done, on_done)

    # --- shifts
    def close_shift(self) -> None:
        service = self.service
        if service is None:
            return
        name, manager_id = self._who()

        def call() -> tuple[Any, int | None]:
            try:
                z = service.close_shift(name, manager_id=manager_id)
            except Exception as exc:  # NotRecorded: shown, never a crash
                return exc, None
            try:
                return z, service.queued()  # records not on the server yet, as the shift closes
            except Exception:
                return z, None

        def done(value: tuple[Any, int | None]) -> None:
            z, self.queued_at_close = value
            self.zreport_ready.emit(z)

        def changed(value: tuple[Any, int | None]) -> Changes:
            closed = not isinstance(value[0], Exception)
            return Changes(journal=closed, queue=closed, shift=closed)

        self.ops.run(call, done, changes=changed)

    def x_report(self) -> None:
        service = self.service
        if service is not None:
            name, _id = self._who()
            self.ops.run(
                lambda: ("X", service.x_report(name)), self.reports_ready.emit, self.reports_ready.emit
            )

    def load_reports(self) -> None:
        service = self.service
        if service is not None:
            self.ops.run(lambda: ("Z", service.z_reports()), self.reports_ready.emit, self.reports_ready.emit)
