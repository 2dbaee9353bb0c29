"""CounterModel: the cashier's side of the counter app, the one owner of the open transaction.

One open transaction at a time: a scan opens it (member panel), a commit closes it when approved;
a declined commit keeps it open so the cashier can correct the amount. `open_scan` is the only
copy of which scan is open (the transaction panel reads it here); the core keeps only the scan
sessions it verified (terminal_app/core/sessions.py), and this model ends the ones it drops
(cancelled, replaced, an offer declined), so the two never disagree about what is live.

A code arriving while a transaction is open never disturbs it:
- the same member's next rotating code (phone still in view): ignored;
- from the camera, anything else: another member's valid code is offered (`offer_changed`), a code
  that is not a usable member code is ignored (the camera sees what it sees: not the cashier's act);
- from the scanner or the field: another member's valid code is offered, anything else is
  reported as a notice (`notice`), the open transaction stays as it is.
An offer is taken only by the cashier (`take_offer`); the transaction it replaces was not recorded,
and the notice says so. After a transaction closed, the camera ignores the same member's codes for
`REOPEN_HOLDOFF_S` (the phone is still lying in front of it); a deliberate scan is always taken.

Every service call is an operation on the database worker (changes.Operations); what it wrote is
published as Changes, so the status bar and the manager pages refresh without polling.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from alliance_protocol.reasons import Reason
from terminal_app.core.results import ScanResult, Severity

from .changes import Changes, Operations
from .verdictinfo import VerdictInfo, verdict_info

if TYPE_CHECKING:
    from terminal_app.core.service import TerminalService

    from .printjobs import PrintJobs

REOPEN_HOLDOFF_S = 10.0
RECEIPT_KINDS = ("purchase", "coupon", "gift", "backup")


def peek_member(text: str) -> int | None:
    """Unverified peek at a code's member id (only to route a scan; nothing is approved on it)."""
    from alliance_protocol.base36 import normalize
    from alliance_protocol.member_code import parse

    try:
        return int(parse(normalize(text)).cert.member_id)
    except Exception:
        return None


class CounterModel(QObject):
    scan_started = Signal()
    member_opened = Signal(object)  # ScanResult (ok, with member)
    transaction_closed = Signal()
    offer_changed = Signal(object)  # ScanResult of another member waiting for the cashier, or None
    notice = Signal(str, object)  # ("rejected", ScanResult) | ("replaced", masked id of the dropped one)
    quote_ready = Signal(object)  # Pricing | None
    verdict = Signal(object, str)  # Result, title key ("scan", "purchase", "coupon", ...)
    verdict_info = Signal(object)  # VerdictInfo: what the cashier does, what the member now has

    def __init__(self, ops: Operations, printer: PrintJobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.printer = printer
        self.service: TerminalService | None = None  # set when the view-model's start is done
        self.open_scan: ScanResult | None = None
        self.offer: ScanResult | None = None  # another member's scan, offered while a transaction is open
        self.served: tuple[int, float] | None = None  # (member id, monotonic time) of the last closed one
        self.last_result: Any = None
        self.last_info: VerdictInfo | None = None
        self._quote_seq = 0

    @property
    def severity(self) -> Severity | None:
        return None if self.last_result is None else self.last_result.severity

    # --- codes
    def submit_code(self, text: str, source: str = "manual") -> None:
        """A code from the field, the wedge scanner or the camera (`source="camera"`)."""
        text = (text or "").strip()
        if not text or self.service is None:
            return
        member_id = peek_member(text)
        if self.open_scan is not None:
            if self.open_scan.member is not None and member_id == self.open_scan.member.member_id:
                return  # the member's phone is still in view, showing its next rotating code: not a new scan
            if source == "camera" and member_id is None:
                return  # the camera saw something that is not a member code: nothing to say
            self._scan_aside(text, source)
            return
        if (
            source == "camera"
            and member_id is not None
            and self.served is not None
            and self.served[0] == member_id
            and time.monotonic() - self.served[1] < REOPEN_HOLDOFF_S
        ):
            return  # the member just served, phone still lying in front of the camera
        self._scan(text)

    def _scan(self, text: str) -> None:
        self.scan_started.emit()
        service = self.service
        assert service is not None

        def done(result: ScanResult) -> None:
            if result.ok and result.member is not None:
                if self.open_scan is not None:  # opened meanwhile (two quick scans): offer, never replace
                    self._offer(result)
                    return
                self.open_scan = result
                self.member_opened.emit(result)
            else:
                self._show(result, "scan")
                if result.seq is not None:
                    self._explain(result)

        self.ops.run(lambda: service.scan(text), done, changes=Changes.of_result)

    def _scan_aside(self, text: str, source: str) -> None:
        """Verify a code scanned while a transaction is open, without touching that transaction."""
        service = self.service
        assert service is not None

        def done(result: ScanResult) -> None:
            if self.open_scan is None:  # the open transaction ended meanwhile: a normal scan now
                if result.ok and result.member is not None:
                    self.open_scan = result
                    self.member_opened.emit(result)
                elif source != "camera":
                    self._show(result, "scan")
                return
            if result.ok and result.member is not None:
                self._offer(result)
            elif source != "camera":
                self.notice.emit("rejected", result)

        self.ops.run(lambda: service.scan(text), done, changes=Changes.of_result)

    def _offer(self, result: ScanResult) -> None:
        """Another member's verified scan, waiting for the cashier (replaces an earlier offer)."""
        assert self.open_scan is not None and self.open_scan.member is not None and result.member is not None
        if result.member.member_id == self.open_scan.member.member_id:
            self._end(result)
            return
        self._end(self.offer)
        self.offer = result
        self.offer_changed.emit(result)

    def _end(self, scan: ScanResult | None) -> None:
        """Tell the core a scan session is no longer wanted (on the worker, in order)."""
        service = self.service
        if scan is not None and scan.token is not None and service is not None:
            token = scan.token
            self.ops.run(lambda: service.end_session(token))

    def take_offer(self) -> None:
        """The cashier chose the offered member: the open (unrecorded) transaction is dropped."""
        offer, self.offer = self.offer, None
        if offer is None:
            return
        dropped = self.open_scan
        self._end(dropped)
        self.open_scan = offer
        self.offer_changed.emit(None)
        self.member_opened.emit(offer)
        if dropped is not None and dropped.member is not None:
            self.notice.emit("replaced", dropped.member.masked_id)

    def decline_offer(self) -> None:
        self._end(self.offer)
        self.offer = None
        self.offer_changed.emit(None)

    def cancel(self) -> None:
        self._end(self.open_scan)
        self.open_scan = None
        self.decline_offer()
        self.transaction_closed.emit()

    def _closed(self, scan: ScanResult) -> None:
        """The transaction of `scan` is done: back to ready; its member's phone is held off."""
        if self.open_scan is scan:
            self.open_scan = None
        if scan.member is not None:
            self.served = (scan.member.member_id, time.monotonic())
        self.decline_offer()

    # --- the open transaction
    def quote(self, bill_fen: int, spend_points: int = 0) -> None:
        if self.open_scan is None or self.service is None:
            return
        self._quote_seq += 1
        seq, token, service = self._quote_seq, self.open_scan.token, self.service

        def done(pricing: Any) -> None:
            if seq == self._quote_seq:  # only the newest quote is shown
                self.quote_ready.emit(pricing)

        self.ops.run(lambda: service.quote(token or "", bill_fen, spend_points), done)

    def commit_purchase(self, bill_fen: int, spend_points: int = 0, receipt_ref: str = "") -> None:
        self._commit("purchase", lambda s, t: s.commit_purchase(t, bill_fen, spend_points, receipt_ref))

    def use_coupon(self, coupon_id: str) -> None:
        self._commit("coupon", lambda s, t: s.use_coupon(t, coupon_id))

    def redeem_gift(self, gift_id: str) -> None:
        self._commit("gift", lambda s, t: s.redeem_gift(t, gift_id))

    def _commit(self, kind: str, call: Callable[[TerminalService, str | None], Any]) -> None:
        if self.open_scan is None or self.service is None:
            return
        token, service, scan = self.open_scan.token, self.service, self.open_scan

        def run() -> tuple[Any, VerdictInfo]:
            result = call(service, token)
            return result, verdict_info(service, kind, result, scan)

        def done(value: tuple[Any, VerdictInfo]) -> None:
            result, info = value
            if result.ok or result.reason in (Reason.SCAN_SESSION_EXPIRED, Reason.CODE_REPLAYED,
                                              Reason.CODE_USED_ONLINE, Reason.MEMBER_BLOCKED):
                if not result.ok:
                    self._end(scan)
                self._closed(scan)  # done, or this scan can never succeed: back to "ready to scan"
            self._show(result, kind, info)

        self.ops.run(run, done, changes=lambda value: Changes.of_result(value[0]))

    def backup_code(self, code: str, bill_fen: int, spend_points: int = 0) -> None:
        if self.service is None:
            return
        service = self.service

        def run() -> tuple[Any, VerdictInfo]:
            result = service.backup_code(code, bill_fen, spend_points)
            return result, verdict_info(service, "backup", result, None)

        def done(value: tuple[Any, VerdictInfo]) -> None:
            self._show(value[0], "backup", value[1])

        self.ops.run(run, done, changes=lambda value: Changes.of_result(value[0]))

    # --- verdicts
    def _explain(self, result: ScanResult) -> None:
        """A declined scan's record and, for 'already used', when and where (off the UI thread)."""
        service = self.service
        assert service is not None
        self.ops.run(lambda: verdict_info(service, "scan", result, None), self._late_info)

    def _late_info(self, info: VerdictInfo) -> None:
        if (
            self.last_result is not None
            and info.record is not None
            and info.record.get("seq") == self.last_result.seq
        ):
            self.last_info = info
            self.verdict_info.emit(info)

    def _show(self, result: Any, kind: str, info: VerdictInfo | None = None) -> None:
        self.last_result = result
        self.last_info = info
        self.verdict.emit(result, kind)
        if info is not None:
            self.verdict_info.emit(info)
            if result.ok and kind in RECEIPT_KINDS and info.record is not None and self.printer.auto_print:
                self.printer.print_receipt(info.record, info)
