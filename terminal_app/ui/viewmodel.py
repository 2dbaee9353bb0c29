"""CounterViewModel: the counter app's state and every service call (off the UI thread).

Views call its methods and listen to its signals; it never touches a widget. One open
transaction at a time: a scan opens it (member panel), a commit closes it when approved; a
declined commit keeps it open so the cashier can correct the amount.

A code arriving while a transaction is open never disturbs it:
- the same member's next rotating code (phone still in view): ignored;
- from the camera, anything else: another member's valid code is offered (`offer_changed`), a code
  that is not a usable member code is ignored (the camera sees what it sees: not the cashier's act);
- from the scanner or the field: another member's valid code is offered, anything else is
  reported as a notice (`notice`), the open transaction stays as it is.
An offer is taken only by the cashier (`take_offer`); the transaction it replaces was not recorded,
and the notice says so. After a transaction closed, the camera ignores the same member's codes for
`REOPEN_HOLDOFF_S` (the phone is still lying in front of it); a deliberate scan is always taken.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from alliance_protocol.reasons import Reason
from terminal_app.core.logview import LogFilter
from terminal_app.core.results import ScanResult, Severity
from terminal_app.printing.layout import yuan  # noqa: F401  (re-exported: one money format)

from .syncstatus import SyncBridge, SyncStatus
from .tasks import TaskRunner


def parse_yuan(text: str) -> int | None:
    """'12.5' -> 1250 fen (integers only: no float ever touches an amount). None if not an amount."""
    text = (text or "").strip()
    if not text:
        return 0
    whole, _, frac = text.partition(".")
    if not (whole or frac) or len(frac) > 2:
        return None
    if (whole and not whole.isdigit()) or (frac and not frac.isdigit()):
        return None
    if len(whole) > 9:
        return None
    return int(whole or "0") * 100 + int((frac + "00")[:2])


REOPEN_HOLDOFF_S = 10.0
DEFAULT_LOG = LogFilter(limit=500)
RECEIPT_KINDS = ("purchase", "coupon", "gift", "backup")
FIRST_MANAGER = "店长"  # a fresh terminal's first manager (PIN 1234, flagged to be changed)
FIRST_PIN = "1234"


@dataclass(frozen=True)
class VerdictInfo:
    """What the verdict page says beyond the reason: built from the result, the scan and the journal."""

    kind: str
    ok: bool
    masked_member: str = ""
    item: dict[str, Any] | None = None  # the coupon's or gift's catalogue entry
    charge_fen: int | None = None  # what the cashier charges in money
    points_spent: int = 0
    points_earned: int = 0
    new_balance: int | None = None  # points left, as this terminal knows it (None: unknown)
    earlier: dict[str, Any] | None = None  # the record that already used this code / coupon
    record: dict[str, Any] | None = None  # the journal record of this attempt


def peek_member(text: str) -> int | None:
    """Unverified peek at a code's member id (only to route a scan; nothing is approved on it)."""
    from alliance_protocol.base36 import normalize
    from alliance_protocol.member_code import parse

    try:
        return int(parse(normalize(text)).cert.member_id)
    except Exception:
        return None


class CounterViewModel(QObject):
    service_ready = Signal()
    service_failed = Signal(str)  # reason code value
    scan_started = Signal()
    member_opened = Signal(object)  # ScanResult (ok, with member)
    transaction_closed = Signal()
    offer_changed = Signal(object)  # ScanResult of another member waiting for the cashier, or None
    notice = Signal(str, object)  # ("rejected", ScanResult) | ("replaced", masked id of the dropped one)
    quote_ready = Signal(object)  # Pricing | None
    verdict = Signal(object, str)  # Result, title key ("scan", "purchase", "coupon", ...)
    verdict_info = Signal(object)  # VerdictInfo: what the cashier does, what the member now has
    printed = Signal(object)  # None (printed) or the PrinterError / Exception (shown, never lost)
    reports_ready = Signal(object)  # ("X", ShiftReport) | ("Z", [ShiftReport, ...]) | Exception
    status_changed = Signal(object)  # SyncStatus
    log_loaded = Signal(list)
    manager_result = Signal(object, str)  # Result of void/backfill, action name
    zreport_ready = Signal(object)  # ZReport or Exception
    sync_finished = Signal(bool, object)  # ok, info dict (SyncBridge.sync_now)
    busy_changed = Signal(bool)

    def __init__(
        self,
        store: Any,
        *,
        server_url: str | None = None,
        service_factory: Callable | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.server_url = server_url
        self.runner = TaskRunner(self)
        self.print_runner = TaskRunner(self)  # printers may hang for seconds: never in the service's queue
        self.runner.busy_changed.connect(self.busy_changed)
        self.service = None
        self.bridge: SyncBridge | None = None
        self.book = None  # terminal_app.core.managers.ManagerBook
        self.manager = None  # the Manager signed in on the manager pages (None on the cashier's)
        self.open_scan: ScanResult | None = None
        self.offer: ScanResult | None = None  # another member's scan, offered while a transaction is open
        self._served: tuple[int, float] | None = None  # (member id, monotonic time) of the last closed one
        self.last_result: Any = None
        self.last_info: VerdictInfo | None = None
        self.settings: Any = None  # UiSettings (printer, auto-print), set by the window
        self.last_status: SyncStatus | None = None
        self._service_factory = service_factory
        self._quote_seq = 0
        self.queued_at_close: int | None = None
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(2000)
        self.status_timer.timeout.connect(self.refresh_status)

    # --- start
    def start(self) -> None:
        def build():
            from terminal_app.core.managers import ManagerBook
            from terminal_app.core.service import TerminalService

            service = (self._service_factory or TerminalService)(self.store)
            book = ManagerBook(self.store)
            if book.count() == 0:
                book.ensure_first(FIRST_MANAGER, FIRST_PIN)
            return service, SyncBridge(self.store, self.server_url), book

        def done(value):
            self.service, self.bridge, self.book = value
            self.service_ready.emit()
            self.refresh_status()
            self.status_timer.start()

        def failed(exc: Exception):
            reason = str(exc) if str(exc) in Reason.__members__ else Reason.INTERNAL_ERROR.value
            self.service_failed.emit(reason)

        self.runner.run(build, done, failed)

    def shutdown(self) -> None:
        self.status_timer.stop()
        self.runner.wait(5000)
        if self.bridge is not None:
            self.bridge.stop()

    # --- scanning
    def submit_code(self, text: str, source: str = "manual") -> None:
        """A code from the field, the wedge scanner or the camera (`source="camera"`)."""
        text = (text or "").strip()
        if not text or self.service is None:
            return
        member_id = peek_member(text)
        if self.open_scan is not None:
            if member_id == self.open_scan.member.member_id:
                return  # the member's phone is still in view, showing its next rotating code: not a new scan
            if source == "camera" and member_id is None:
                return  # the camera saw something that is not a member code: nothing to say
            self._scan_aside(text, source)
            return
        if (
            source == "camera"
            and member_id is not None
            and self._served is not None
            and self._served[0] == member_id
            and time.monotonic() - self._served[1] < REOPEN_HOLDOFF_S
        ):
            return  # the member just served, phone still lying in front of the camera
        self._scan(text)

    def _scan_aside(self, text: str, source: str) -> None:
        """Verify a code scanned while a transaction is open, without touching that transaction."""
        service = self.service

        def done(result: ScanResult) -> None:
            if self.open_scan is None:  # the open transaction ended meanwhile: a normal scan now
                if result.ok and result.member is not None:
                    self.open_scan = result
                    self.member_opened.emit(result)
                elif source != "camera":
                    self._show(result, "scan")
                return
            if result.ok and result.member is not None:
                if result.member.member_id != self.open_scan.member.member_id:
                    self.offer = result
                    self.offer_changed.emit(result)
            elif source != "camera":
                self.notice.emit("rejected", result)

        self.runner.run(lambda: service.scan(text), done)

    def take_offer(self) -> None:
        """The cashier chose the offered member: the open (unrecorded) transaction is dropped."""
        offer, self.offer = self.offer, None
        if offer is None:
            return
        dropped = self.open_scan.member.masked_id if self.open_scan and self.open_scan.member else ""
        self.open_scan = offer
        self.offer_changed.emit(None)
        self.member_opened.emit(offer)
        if dropped:
            self.notice.emit("replaced", dropped)

    def decline_offer(self) -> None:
        self.offer = None
        self.offer_changed.emit(None)

    def _scan(self, text: str) -> None:
        self.scan_started.emit()
        service = self.service

        def done(result: ScanResult) -> None:
            if result.ok and result.member is not None:
                if self.open_scan is not None:  # opened meanwhile (two quick scans): offer, never replace
                    if result.member.member_id != self.open_scan.member.member_id:
                        self.offer = result
                        self.offer_changed.emit(result)
                    return
                self.open_scan = result
                self.member_opened.emit(result)
            else:
                self._show(result, "scan")
                if result.seq is not None:
                    self._explain(result)

        self.runner.run(lambda: service.scan(text), done)

    def _explain(self, result: ScanResult) -> None:
        """A declined scan's record and, for 'already used', when and where (off the UI thread)."""
        store = self.store
        self.runner.run(lambda: self._info(store, "scan", result, None), self._late_info)

    def _late_info(self, info: VerdictInfo) -> None:
        if (
            self.last_result is not None
            and info.record is not None
            and info.record.get("seq") == self.last_result.seq
        ):
            self.last_info = info
            self.verdict_info.emit(info)

    def cancel(self) -> None:
        self.open_scan = None
        self.decline_offer()
        self.transaction_closed.emit()

    def _closed(self, scan: ScanResult) -> None:
        """The transaction of `scan` is done: back to ready; its member's phone is held off."""
        if self.open_scan is scan:
            self.open_scan = None
        if scan.member is not None:
            self._served = (scan.member.member_id, time.monotonic())
        self.decline_offer()

    # --- operations
    def quote(self, bill_fen: int, spend_points: int = 0) -> None:
        if self.open_scan is None or self.service is None:
            return
        self._quote_seq += 1
        seq, token, service = self._quote_seq, self.open_scan.token, self.service

        def done(pricing):
            if seq == self._quote_seq:  # only the newest quote is shown
                self.quote_ready.emit(pricing)

        self.runner.run(lambda: service.quote(token, bill_fen, spend_points), done)

    def commit_purchase(self, bill_fen: int, spend_points: int = 0, receipt_ref: str = "") -> None:
        self._commit("purchase", lambda s, t: s.commit_purchase(t, bill_fen, spend_points, receipt_ref))

    def use_coupon(self, coupon_id: str) -> None:
        self._commit("coupon", lambda s, t: s.use_coupon(t, coupon_id))

    def redeem_gift(self, gift_id: str) -> None:
        self._commit("gift", lambda s, t: s.redeem_gift(t, gift_id))

    def _commit(self, kind: str, call: Callable) -> None:
        if self.open_scan is None or self.service is None:
            return
        token, service, scan = self.open_scan.token, self.service, self.open_scan
        store = self.store

        def run():
            result = call(service, token)
            return result, self._info(store, kind, result, scan)

        def done(value) -> None:
            result, info = value
            if result.ok or result.reason in (Reason.SCAN_SESSION_EXPIRED, Reason.CODE_REPLAYED):
                self._closed(scan)  # done, or this scan can never succeed: back to "ready to scan"
            self._show(result, kind, info)
            self.refresh_status()

        self.runner.run(run, done)

    @staticmethod
    def _info(store, kind: str, result: Any, scan: ScanResult | None) -> VerdictInfo:
        """On the task thread, right after the result: the record, the item, the new balance and,
        for "already used", the earlier use (when and where)."""
        from terminal_app.core import lookup

        record = earlier = None
        try:
            record = lookup.record(store, result.seq) if result.seq is not None else None
            if record is not None and not result.ok:
                earlier = lookup.earlier_use(store, record)
        except Exception:  # the verdict is shown anyway; the extra words are not worth a failure
            pass
        member = scan.member if scan is not None else None
        item = None
        if member is not None and record is not None:
            if record.get("coupon_id"):
                item = next((c for c in member.coupons if str(c.get("id")) == record["coupon_id"]), None)
            elif record.get("gift_id"):
                item = next((g for g in member.gifts if str(g.get("id")) == record["gift_id"]), None)
        pricing = getattr(result, "pricing", None)
        charge = (
            pricing.paid_fen
            if (result.ok and pricing is not None)
            else (record.get("paid_fen") if result.ok and record else None)
        )
        spent = getattr(result, "points_spent", 0) if result.ok else 0
        earned = getattr(result, "points_earned", 0) if result.ok else 0
        balance = None
        if member is not None and member.balance is not None:
            balance = max(0, member.balance - spent)
        return VerdictInfo(
            kind,
            bool(result.ok),
            member.masked_id if member else "",
            item,
            charge,
            spent,
            earned,
            balance,
            earlier,
            record,
        )

    def backup_code(self, code: str, bill_fen: int, spend_points: int = 0) -> None:
        if self.service is None:
            return
        service = self.service

        store = self.store

        def run():
            result = service.backup_code(code, bill_fen, spend_points)
            return result, self._info(store, "backup", result, None)

        def done(value) -> None:
            result, info = value
            self._show(result, "backup", info)
            self.refresh_status()

        self.runner.run(run, done)

    def _show(self, result: Any, kind: str, info: VerdictInfo | None = None) -> None:
        self.last_result = result
        self.last_info = info
        self.verdict.emit(result, kind)
        if info is not None:
            self.verdict_info.emit(info)
            if (
                result.ok
                and kind in RECEIPT_KINDS
                and info.record is not None
                and self.settings is not None
                and self.settings.auto_print
            ):
                self.print_receipt(info.record, info)

    @property
    def severity(self) -> Severity | None:
        return None if self.last_result is None else self.last_result.severity

    # --- status and sync
    def refresh_status(self) -> None:
        bridge = self.bridge
        if bridge is None or self.runner.pending > 2:
            return

        def done(st: SyncStatus) -> None:
            self.last_status = st
            self.status_changed.emit(st)

        self.runner.run(bridge.status, done, lambda exc: None)

    def sync_now(self) -> None:
        bridge = self.bridge
        if bridge is None:
            return

        def done(value):
            self.sync_finished.emit(*value)
            self.refresh_status()

        self.runner.run(bridge.sync_now, done)

    def service_status(self, on_done: Callable[[dict], None]) -> None:
        if self.service is not None:
            self.runner.run(self.service.status, on_done)

    # --- managers: sign-in and the managers' own settings
    def load_managers(self, on_done: Callable[[list], None]) -> None:
        if self.book is not None:
            book = self.book
            self.runner.run(book.list, on_done)

    def check_pin(self, manager_id: int, pin: str, on_done: Callable[[Any], None]) -> None:
        if self.book is None:
            return
        book = self.book

        def failed(_exc: Exception) -> None:  # the store could not be written: no sign-in, and said so
            from terminal_app.core.managers import PinCheck

            on_done(PinCheck(False, Reason.NOT_RECORDED))

        self.runner.run(lambda: book.check(manager_id, pin), on_done, failed)

    def manager_call(self, call: Callable[[Any], Any], on_done: Callable[[Any], None]) -> None:
        """`call(book)` off the UI thread; on_done gets its value or the ManagerError it raised."""
        if self.book is None:
            return
        book = self.book
        from terminal_app.core.managers import ManagerError

        def run():
            try:
                return call(book)
            except ManagerError as exc:
                return exc

        self.runner.run(run, on_done)

    def audit(self, action: str, detail: str = "") -> None:
        """Note a manager action in the audit trail (who: the manager signed in)."""
        if self.book is not None:
            book, who = self.book, (self.manager.id if self.manager is not None else None)
            self.runner.run(lambda: book.log(who, action, detail), None, lambda exc: None)

    # --- manager
    def load_catalogue(self, on_done: Callable[[tuple], None]) -> None:
        if self.service is not None:
            service = self.service
            self.runner.run(service.catalogue, on_done)

    def load_log(self, f: LogFilter = DEFAULT_LOG) -> None:
        if self.service is not None:
            self.runner.run(lambda: self.service.log(f), self.log_loaded.emit)

    def _who(self) -> tuple[str, int | None]:
        m = self.manager
        return (m.name, m.id) if m is not None else ("", None)

    def void(self, seq: int, reason: str) -> None:
        """Void record `seq` for `reason`, as the manager signed in."""
        if self.service is None:
            return
        service = self.service
        name, manager_id = self._who()

        def done(result):
            self.manager_result.emit(result, "void")
            self.refresh_status()

        self.runner.run(lambda: service.void(seq, name, reason=reason, manager_id=manager_id), done)

    def backfill(self, member_id: int, bill_fen: int, receipt_ref: str, purchased_at: int) -> None:
        if self.service is None:
            return
        service = self.service
        name, manager_id = self._who()

        def done(result):
            self.manager_result.emit(result, "backfill")
            self.refresh_status()

        self.runner.run(
            lambda: service.backfill(
                member_id, bill_fen, receipt_ref, purchased_at, name, manager_id=manager_id
            ),
            done,
        )

    def close_shift(self) -> None:
        if self.service is None:
            return
        service = self.service
        store = self.store
        name, manager_id = self._who()

        def call():
            try:
                z = service.close_shift(name, manager_id=manager_id)
            except Exception as exc:  # NotRecorded: shown, never a crash
                return exc, None
            try:
                queued = store.outbox_count()  # records not on the server yet, as the shift closes
            except Exception:
                queued = None
            return z, queued

        def done(value):
            z, self.queued_at_close = value
            self.zreport_ready.emit(z)
            self.load_reports()

        self.runner.run(call, done)

    def x_report(self) -> None:
        from terminal_app.core.reports import x_report

        store, (name, _id) = self.store, self._who()
        self.runner.run(
            lambda: ("X", x_report(store, name)), self.reports_ready.emit, self.reports_ready.emit
        )

    def load_reports(self) -> None:
        from terminal_app.core.reports import z_reports

        store = self.store
        self.runner.run(lambda: ("Z", z_reports(store)), self.reports_ready.emit, self.reports_ready.emit)

    def export_csv(self, path: Path, f: LogFilter, lang: str, on_done: Callable[[Any], None]) -> None:
        """The log as a spreadsheet: words, local time and yuan in `lang`, the raw fields alongside."""
        from terminal_app.printing.export import log_csv

        service = self.service

        def call():
            rows = service.log(f)
            coupons, gifts = service.catalogue()
            key = "name_zh" if lang == "zh_CN" else "name_en"
            names = {str(c.get("id")): str(c.get(key) or c.get("id")) for c in coupons + gifts}
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(log_csv(rows, lang, names))
            tmp.replace(path)
            return len(rows)

        self.runner.run(call, on_done, on_done)

    # --- printing (its own worker: a slow or missing printer never holds up the counter)
    def printer_config(self):
        from terminal_app.printing import PrinterConfig

        s = self.settings
        return PrinterConfig.parse(getattr(s, "printer", "none"), width=int(getattr(s, "paper_width", 32)))

    def print_lines(
        self, lines_for: Callable[[str], list], on_done: Callable[[Any], None] | None = None
    ) -> None:
        """Print what `lines_for(lang)` returns on the configured printer; `printed` says how it went."""
        from terminal_app.printing import print_document

        from . import i18n

        cfg, lang = self.printer_config(), i18n.current_language()

        def call():
            try:
                print_document(cfg, lines_for(lang))
            except Exception as exc:  # PrinterError (typed) or anything else: a message, never lost data
                return exc
            return None

        def done(value):
            self.printed.emit(value)
            if on_done is not None:
                on_done(value)

        self.print_runner.run(call, done, done)

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
        width = self.printer_config().width

        def lines_for(lang: str) -> list:  # on the printer's worker thread (the catalogue is a store read)
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

    def reprint(self, seq: int) -> None:
        from terminal_app.core import lookup

        store = self.store
        self.runner.run(
            lambda: lookup.record(store, seq),
            lambda rec: self.print_receipt(rec, reprint=True) if rec else None,
        )

    def print_report(self, report) -> None:
        from terminal_app.printing import report_lines

        width = self.printer_config().width
        self.print_lines(lambda lang: report_lines(report, lang, width))
