"""TerminalService: the one facade the Qt app and the CLI use. Qt-free, synchronous, fast.

    service = TerminalService(store)                 # store = terminal_app.store.open_store(home)
    scan = service.scan(text)                        # ScanResult: ok, reason, severity, token, member
    quote = service.quote(scan.token, bill_fen=12_000, spend_points=2_000)   # Pricing (no side effect)
    txn = service.commit_purchase(scan.token, bill_fen=12_000, spend_points=2_000, receipt_ref="R-1")
    txn = service.use_coupon(scan.token, "C-COFFEE")
    txn = service.redeem_gift(scan.token, "G-CUP")
    txn = service.backup_code("12345678", bill_fen=8_000)    # typed numeric code: pending server check
    txn = service.void(seq, manager="M. Li")                 # manager, within the open shift
    txn = service.backfill(member_id, bill_fen, receipt_ref, purchased_at, manager="M. Li")
    z = service.close_shift(manager="M. Li")                 # ZReport, opens the next shift
    rows = service.log(LogFilter(member_id=..., kind=..., status=..., reason=..., day_from=..., day_to=...))

Every result carries `reason` (alliance_protocol.reasons.Reason, with message_zh / message_en) and
`severity` (approved = green, attention = orange, declined = red), and `seq`, the journal record
written for the attempt. The journal record and its outbox entry are committed (BEGIN IMMEDIATE,
synchronous=FULL) BEFORE the method returns; if the database cannot be written (disk full,
read-only) the result is NOT_RECORDED, declined: never an approval that was not recorded.

A scan verifies the code offline (nothing consumed yet) and opens a scan session (token, valid
SCAN_SESSION_S seconds). A commit_* consumes the code's (serial, counter) pair in the same
transaction as its journal record: one scanned code, one transaction. Rejected scans and
declined transactions are journaled too (status "rejected"); a declined transaction does not
consume the code, so the cashier can correct the amount and commit again with the same token.

The facade only composes; each part is its own small module:
- terms.py: the bundle in force (rules, catalogue), parsed once per bundle sequence
- sessions.py: scan sessions; members.py: the member panel (masked id, balance, offers)
- risk.py: the offline limits; decisions/: one decision per record kind (purchase, coupon, gift,
  backup, backfill, void); reports.py: the shift close and the X/Z reports
- recorder.py: the durable write (decide inside BEGIN IMMEDIATE, seal, journal, commit)
- failures.py: the one "never raises" rule (`guarded`): NOT_RECORDED or INTERNAL_ERROR, declined
Rules and rounding: docs/rules.md; record kinds and fields: docs/terminal-journal.md.

Construction needs an identity and the terminal key (`store.ensure_local_identity(...)` or
enrollment), else RuntimeError("NO_TERMINAL_IDENTITY"). The key is read once: build a new service
after re-enrollment. Methods are synchronous; each takes 1-3 ms (one SQLite commit). Run them off
the UI thread, one at a time per service. Several services or processes on one store are safe
(BEGIN IMMEDIATE serialises writers). No method raises for bad input or a failing database
(close_shift excepted: it raises NotRecorded).
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

from alliance_protocol import records
from alliance_protocol.base36 import normalize
from alliance_protocol.pricing import Pricing
from alliance_protocol.reasons import Reason
from alliance_protocol.records import DecidedBy, Kind, Status
from alliance_protocol.rules import AllianceRules
from alliance_protocol.verifier import Clock, OfflineVerifier, VerifierSettings
from terminal_app.store import Key, Store
from terminal_app.store.replay import retention_s

from . import lookup, reports
from .decisions.backfill import Backfill
from .decisions.backup import BackupSale
from .decisions.base import Decision, Outcome
from .decisions.coupon import CouponUse
from .decisions.gift import GiftRedemption
from .decisions.purchase import Purchase
from .decisions.scanned import ScannedContext, ScannedDecision, code_facts, decide_scanned, position_of
from .decisions.void import Void
from .failures import NotRecorded, guarded
from .logview import ALL, LogFilter, read_log
from .members import mask_member, member_view
from .online import Authoriser, OnlinePath
from .recorder import Recorded, Recorder, txn_result
from .reports import ShiftClose, ShiftReport
from .results import ScanResult, TxnResult, ZReport
from .risk import since_sync_s
from .sessions import SCAN_SESSION_S, ScanSessions, VerifiedCode
from .terms import CatalogueItem, Terms, TermsSource

__all__ = ["SCAN_SESSION_S", "LogFilter", "NotRecorded", "TerminalService", "mask_member"]

DEFAULT_SETTINGS = VerifierSettings()


_txn = txn_result


def _noted(outcome: Outcome, note: str | None) -> Outcome:
    """An offline decision made although the terminal can ask HQ: the record says why it did not."""
    if note is None or outcome.fields.get("detail"):
        return outcome
    return Outcome(outcome.status, outcome.reason, {**outcome.fields, "detail": note}, outcome.pricing)


class TerminalService:
    def __init__(
        self,
        store: Store,
        *,
        clock: Clock | None = None,
        settings: VerifierSettings = DEFAULT_SETTINGS,
        online: Authoriser | None = None,
    ) -> None:
        identity = store.identity()
        if identity is None or not store.key_path.exists():
            raise RuntimeError(Reason.NO_TERMINAL_IDENTITY.value)
        self.store = store
        self.identity = identity
        self.settings = settings
        self._clock = clock
        self._terms = TermsSource(store)
        self._sessions = ScanSessions()
        self._recorder = Recorder(store, identity, store.terminal_key())
        self._retention = retention_s(settings)
        # Online authorisation (online.py): with an authoriser (HQ), every code-backed transaction
        # asks HQ first; an intent a killed process left behind is resolved now, before anything else.
        self.online = OnlinePath(store, self._recorder, online)
        self.resolved: list[TxnResult] = guarded(
            lambda *declined: [TxnResult(*declined)],
            lambda: self.online.resolve_pending(self.terms(), self.clock().now(), self._retention))

    # --- environment
    def clock(self) -> Clock:
        return self._clock if self._clock is not None else self.store.clock()

    def terms(self) -> Terms:
        """The bundle in force now: rules and catalogue (terms.py)."""
        return self._terms.current()

    def rules(self) -> AllianceRules:
        return self.terms().rules

    def catalogue(self) -> tuple[list[CatalogueItem], list[CatalogueItem]]:
        terms = self.terms()
        return list(terms.coupons), list(terms.gifts)

    # --- scanning
    def scan(self, text: object) -> ScanResult:
        """Verify a scanned code offline; a rejection is journaled (kind "scan") before returning."""
        return guarded(ScanResult, lambda: self._scan(text))

    def _settle_pending(self) -> None:
        """An intent left waiting (its process killed, or its outcome not written: a full disk) is
        resolved before anything else is journaled (online.py); one cheap read when there is none."""
        if self.online.has_pending():
            self.resolved += self.online.resolve_pending(self.terms(), self.clock().now(), self._retention)

    def _scan(self, text: object) -> ScanResult:
        self._settle_pending()
        clock, terms = self.clock(), self.terms()
        verdict = OfflineVerifier(terms.bundle, clock, self.store.replay_check(), self.settings).verify(
            text, consume=False
        )
        if not verdict.ok:
            raw = text if isinstance(text, str) else repr(text)
            facts = {
                **code_facts(verdict),
                "detail": verdict.detail[:200] or None,
                "input_len": len(raw),
                "input_sha256": hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()[:16],
            }
            outcome = Outcome(Status.REJECTED, verdict.reason, facts)
            recorded = self._recorder.record(Kind.SCAN, lambda tx: outcome, terms=terms, now=clock.now())
            return ScanResult(False, verdict.reason, recorded.seq, verdict.detail)
        code = VerifiedCode.of(
            verdict,
            normalize(
                bytes(text).decode("utf-8", "replace") if isinstance(text, (bytes, bytearray)) else str(text)
            ),
        )
        live = self.online.lookup(code, terms)  # HQ's live truth, within the budget (None: offline)
        if live is not None and not live.ok:  # HQ refuses the code now: used already, blocked, revoked
            reason = Reason(live.reason)
            first = live.first_use.model_dump() if live.first_use is not None else None
            facts = {**code_facts(verdict), "decided_by": DecidedBy.ONLINE.value,
                     "detail": records.clean_text(live.detail, records.DETAIL_MAX)}
            outcome = Outcome(Status.REJECTED, reason, facts)
            recorded = self._recorder.record(Kind.SCAN, lambda tx: outcome, terms=terms, now=clock.now())
            return ScanResult(False, reason, recorded.seq, live.detail, decided_by=DecidedBy.ONLINE.value,
                              first_use=first)
        token = self._sessions.open(code, clock.now(), live)
        with self.store.read() as tx:
            member = member_view(tx, code, terms, live)
        return ScanResult(True, Reason.OK, None, "", token, member,
                          decided_by=DecidedBy.ONLINE.value if live is not None else None)

    # --- code-backed transactions
    def quote(self, token: str, bill_fen: int, spend_points: int = 0) -> Pricing | None:
        """What commit_purchase would do now, without doing it: the Pricing, whose `reason` is
        OK or why the commit would be declined (BELOW_MIN_BILL, INVALID_AMOUNT, INSUFFICIENT_POINTS,
        an OFFLINE_* limit, SYNC_TOO_OLD). None when the scan session is unknown or expired."""
        now = self.clock().now()
        session, problem = self._sessions.get(token, now)
        if session is None or problem is not None:
            return None
        terms = self.terms()
        online = session.live is not None and self.online.available()
        with self.store.read() as tx:
            c = ScannedContext(session.code, terms, position_of(tx, session.code, terms), now, online)
            p = Purchase(bill_fen, spend_points).quote(tx, c)
        if online and p.ok and p.points_spent > max(0, int(session.live.available or 0)):
            p = dataclasses.replace(p, reason=Reason.INSUFFICIENT_POINTS)  # HQ's available, as of the scan
        return p

    def commit_purchase(
        self, token: str | None, bill_fen: int, spend_points: int = 0, receipt_ref: str = ""
    ) -> TxnResult:
        """A bill: tier discount, optional points as cash, points earned on what is paid in money."""
        return self._commit_scanned(token, Purchase(bill_fen, spend_points, receipt_ref))

    def commit_earn(self, token: str | None, bill_fen: int, receipt_ref: str = "") -> TxnResult:
        return self.commit_purchase(token, bill_fen, 0, receipt_ref)

    def commit_spend(
        self, token: str | None, bill_fen: int, spend_points: int, receipt_ref: str = ""
    ) -> TxnResult:
        return self.commit_purchase(token, bill_fen, spend_points, receipt_ref)

    def use_coupon(self, token: str | None, coupon_id: str) -> TxnResult:
        """Write off a coupon / benefit: single-use (once per member) or quota (uses on this terminal)."""
        return self._commit_scanned(token, CouponUse(coupon_id))

    def redeem_gift(self, token: str | None, gift_id: str) -> TxnResult:
        """Exchange points for a gift from this terminal's stock."""
        return self._commit_scanned(token, GiftRedemption(gift_id))

    def _commit_scanned(self, token: str | None, decision: ScannedDecision) -> TxnResult:
        """Every code-backed transaction: session, replay, decide, consume, journal, commit
        (decisions/scanned.py). Approved, or never possible again: the session closes."""

        def run() -> TxnResult:
            self._settle_pending()
            now = self.clock().now()
            session, problem = self._sessions.get(token, now)
            if session is None:
                return TxnResult(False, Reason.SCAN_SESSION_EXPIRED)
            terms = self.terms()
            if problem is None and self.online.available():
                result = self.online.commit(session, decision, terms, now, self._retention)
            else:
                note = self.online.offline_note()
                recorded = self._recorder.record(
                    decision.kind,
                    lambda tx: _noted(
                        decide_scanned(tx, session, problem, decision, terms, now, self._retention), note
                    ),
                    terms=terms,
                    now=now,
                )
                result = _txn(recorded)
            if result.ok or problem is not None:
                self._sessions.close(token)
            return result

        return self._noting_pending(guarded(TxnResult, run))

    def _noting_pending(self, result: TxnResult) -> TxnResult:
        """The journal refused because an intent waits (another process's): look again next time."""
        if result.reason is Reason.AUTHORISATION_PENDING:
            self.online.maybe_pending = True
        return result

    # --- the backup numeric code and the manager's actions
    def backup_code(self, code: str, bill_fen: int, spend_points: int = 0) -> TxnResult:
        """The member's short numeric code, typed when the QR cannot be read: pending HQ's
        verification within the backup limits (decisions/backup.py)."""
        return self._decide(BackupSale(code, bill_fen, spend_points))

    def void(self, seq: int, manager: str, reason: str = "", manager_id: int | None = None) -> TxnResult:
        """Void a record of the open shift with a compensating record (decisions/void.py)."""
        return self._decide(Void(seq, manager, reason, manager_id))

    def backfill(
        self,
        member_id: int,
        bill_fen: int,
        receipt_ref: str,
        purchased_at: int,
        manager: str,
        manager_id: int | None = None,
    ) -> TxnResult:
        """Points for an earlier purchase, by a manager, flagged for review (decisions/backfill.py)."""
        return self._decide(Backfill(member_id, bill_fen, receipt_ref, purchased_at, manager, manager_id))

    def _decide(self, decision: Decision) -> TxnResult:
        return self._noting_pending(guarded(TxnResult, lambda: _txn(self._record(decision))))

    def _record(self, decision: Decision) -> Recorded:
        self._settle_pending()
        terms, now = self.terms(), self.clock().now()
        return self._recorder.record(
            decision.kind, lambda tx: decision.decide(tx, terms, now), terms=terms, now=now
        )

    def close_shift(self, manager: str, manager_id: int | None = None) -> ZReport:
        """Close the open shift: a "shift_close" record with its totals; voids are possible only
        inside the open shift. Raises NotRecorded if the database refuses."""
        try:
            recorded = self._record(ShiftClose(manager, manager_id))
        except Exception as exc:
            raise NotRecorded.from_exception(exc) from exc
        b = recorded.body
        return ZReport(shift=b["shift"], seq=recorded.seq, **b["totals"])

    def end_session(self, token: str | None) -> None:
        """The counter dropped this scan (cancelled, replaced by another member, an offer declined):
        its session goes now rather than when it expires or is pushed out."""
        self._sessions.close(token)

    # --- reading
    def record(self, seq: int) -> dict[str, Any] | None:
        """One journal record as the log shows it, plus "synced" (lookup.py)."""
        return lookup.record(self.store, seq)

    def earlier_use(self, declined: dict[str, Any]) -> dict[str, Any] | None:
        """For "already used": the record here that used the code or coupon first (lookup.py)."""
        return lookup.earlier_use(self.store, declined)

    def queued(self) -> int:
        """Records not on HQ yet."""
        return self.store.outbox_count()

    def x_report(self, manager: str) -> ShiftReport:
        """The open shift so far (reports.py; nothing is written)."""
        return reports.x_report(self.store, manager, self.clock().now())

    def z_reports(self) -> list[ShiftReport]:
        return reports.z_reports(self.store)

    def log(self, f: LogFilter = ALL) -> list[dict[str, Any]]:
        """Journal records, newest first, as dicts (the signed body plus day, hash, voided_by)."""
        return read_log(self.store, f)

    def status(self) -> dict[str, Any]:
        """Counters for the status bar and the manager's limits view."""
        rules, now = self.rules(), self.clock().now()
        with self.store.read() as tx:
            through = tx.state.synced_through()
            status = {
                "outbox_pending": tx.outbox.count(),
                "last_sync_at": tx.state.get(Key.LAST_SYNC_AT),
                "since_sync_s": int(since_sync_s(tx, now)),
                "terminal_exposure_points": tx.tallies.terminal_spent_after(through),
                "shift": tx.state.shift(),
            }
        return {**status, "limits": rules.offline.__dict__, "rules": rules.to_dict()}
