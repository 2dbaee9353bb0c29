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
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from alliance_protocol.reasons import Reason
from terminal_app.core.logview import LogFilter, to_csv
from terminal_app.core.results import ScanResult, Severity, TxnResult

from .receipt import receipt_text
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


def yuan(fen: int | None) -> str:
    if fen is None:
        return "-"
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


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
    status_changed = Signal(object)  # SyncStatus
    log_loaded = Signal(list)
    manager_result = Signal(object, str)  # Result of void/backfill, action name
    zreport_ready = Signal(object)  # ZReport or Exception
    sync_finished = Signal(bool, object)  # ok, info dict (SyncBridge.sync_now)
    busy_changed = Signal(bool)

    def __init__(self, store: Any, *, server_url: str | None = None, service_factory: Callable | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.server_url = server_url
        self.runner = TaskRunner(self)
        self.runner.busy_changed.connect(self.busy_changed)
        self.service = None
        self.bridge: SyncBridge | None = None
        self.open_scan: ScanResult | None = None
        self.offer: ScanResult | None = None  # another member's scan, offered while a transaction is open
        self._served: tuple[int, float] | None = None  # (member id, monotonic time) of the last closed one
        self.last_result: Any = None
        self.last_receipt = ""
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
            from terminal_app.core.service import TerminalService

            service = (self._service_factory or TerminalService)(self.store)
            return service, SyncBridge(self.store, self.server_url)

        def done(value):
            self.service, self.bridge = value
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
        if (source == "camera" and member_id is not None and self._served is not None
                and self._served[0] == member_id and time.monotonic() - self._served[1] < REOPEN_HOLDOFF_S):
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

        self.runner.run(lambda: service.scan(text), done)

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

        def done(result: TxnResult) -> None:
            if result.ok or result.reason in (Reason.SCAN_SESSION_EXPIRED, Reason.CODE_REPLAYED):
                self._closed(scan)  # done, or this scan can never succeed: back to "ready to scan"
            self.last_receipt = receipt_text(result, terminal_id=service.identity.terminal_id,
                                             masked_id=scan.member.masked_id if scan.member else "")
            self._show(result, kind)
            self.refresh_status()

        self.runner.run(lambda: call(service, token), done)

    def backup_code(self, code: str, bill_fen: int, spend_points: int = 0) -> None:
        if self.service is None:
            return
        service = self.service

        def done(result: TxnResult) -> None:
            self.last_receipt = receipt_text(result, terminal_id=service.identity.terminal_id)
            self._show(result, "backup")
            self.refresh_status()

        self.runner.run(lambda: service.backup_code(code, bill_fen, spend_points), done)

    def _show(self, result: Any, kind: str) -> None:
        self.last_result = result
        self.verdict.emit(result, kind)

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

    # --- manager
    def load_log(self, f: LogFilter = LogFilter(limit=500)) -> None:
        if self.service is not None:
            self.runner.run(lambda: self.service.log(f), self.log_loaded.emit)

    def void(self, seq: int, manager: str) -> None:
        if self.service is None:
            return
        service = self.service

        def done(result):
            self.manager_result.emit(result, "void")
            self.refresh_status()

        self.runner.run(lambda: service.void(seq, manager), done)

    def backfill(self, member_id: int, bill_fen: int, receipt_ref: str, purchased_at: int, manager: str) -> None:
        if self.service is None:
            return
        service = self.service

        def done(result):
            self.manager_result.emit(result, "backfill")
            self.refresh_status()

        self.runner.run(lambda: service.backfill(member_id, bill_fen, receipt_ref, purchased_at, manager), done)

    def close_shift(self, manager: str) -> None:
        if self.service is None:
            return
        service = self.service

        store = self.store

        def call():
            try:
                z = service.close_shift(manager)
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

        self.runner.run(call, done)

    def export_csv(self, path: Path, f: LogFilter, on_done: Callable[[Any], None]) -> None:
        service = self.service

        def call():
            rows = service.log(f)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(to_csv(rows), "utf-8")
            return len(rows)

        self.runner.run(call, on_done, on_done)

    def save_receipt(self, directory: Path, on_done: Callable[[Any], None]) -> None:
        text, result = self.last_receipt, self.last_result
        seq = getattr(result, "seq", None)

        def call():
            directory.mkdir(parents=True, exist_ok=True)
            path = directory / f"receipt-{seq if seq is not None else int(time.time())}.txt"
            path.write_text(text, "utf-8")
            return path

        self.runner.run(call, on_done, on_done)
