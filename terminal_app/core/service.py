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

Also: `status()` (outbox count, last sync, offline exposure, shift, every rule and limit: the
manager's view), `rules()` (AllianceRules in force), `catalogue()` (coupons, gifts from the bundle).
Results: terminal_app/core/results.py (ScanResult.member is a MemberView: masked id, tier, balance,
expiring points, spendable points, offered coupons and gifts). Rules and rounding: docs/rules.md;
record kinds and fields: docs/terminal-journal.md.

Construction needs an identity and the terminal key (`store.ensure_local_identity(...)` or
enrollment), else RuntimeError("NO_TERMINAL_IDENTITY"). The key is read once: build a new service
after re-enrollment. Methods are synchronous; each takes 1-3 ms (one SQLite commit). Run them off
the UI thread, one at a time per service. Several services or processes on one store are safe
(BEGIN IMMEDIATE serialises writers). No method raises for bad input or a failing database
(close_shift excepted: it raises NotRecorded).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from alliance_protocol import records
from alliance_protocol.base36 import normalize
from alliance_protocol.member_code import MAX_U48
from alliance_protocol.reasons import Reason
from alliance_protocol.rules import AllianceRules
from alliance_protocol.trust_bundle import TrustBundle
from alliance_protocol.verifier import Clock, OfflineVerifier, Verdict, VerifierSettings
from terminal_app.store import Store
from terminal_app.store.models import JournalRow

from . import journal, ledger, reports
from .logview import LogFilter, read_log
from alliance_protocol.pricing import EarnContext, Pricing, is_member_day, local_date, price
from .results import MemberView, Result, ScanResult, TxnResult, ZReport

SCAN_SESSION_S = 120
MAX_SESSIONS = 64
PRUNE_EVERY = 500
VOIDABLE = reports.VOIDABLE  # what a void may target (and what a shift's totals count)
BACKUP_CODE_RE = re.compile(r"^[0-9]{6,20}$")


class NotRecorded(Exception):
    """Nothing was committed: the database refused the write (reason NOT_RECORDED) or the
    service hit an unforeseen error (INTERNAL_ERROR). Either way nothing is approved."""

    def __init__(self, detail: str, reason: Reason = Reason.NOT_RECORDED) -> None:
        super().__init__(detail)
        self.reason = reason


def _never_raises(result_type: type) -> Callable:
    """The service's contract for the counter app: a typed declined result, never an exception
    (a database that cannot be read is NOT_RECORDED; anything unforeseen INTERNAL_ERROR)."""

    def wrap(method: Callable) -> Callable:
        @functools.wraps(method)
        def inner(self: "TerminalService", *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except SQLAlchemyError as exc:
                return result_type(False, Reason.NOT_RECORDED, None, f"{type(exc).__name__}"[:200])
            except Exception as exc:
                return result_type(False, Reason.INTERNAL_ERROR, None, f"{type(exc).__name__}: {exc}"[:200])

        return inner

    return wrap


@dataclass
class _Session:
    verdict: Verdict
    scanned_at: float
    code: str  # the verified code text (normalized): journaled so the server can re-verify it


def mask_member(member_id: int) -> str:
    s = str(member_id)
    return "*" * max(0, len(s) - 4) + s[-4:]


class TerminalService:
    def __init__(self, store: Store, *, clock: Clock | None = None,
                 settings: VerifierSettings = VerifierSettings()) -> None:
        identity = store.identity()
        if identity is None or not store.key_path.exists():
            raise RuntimeError(Reason.NO_TERMINAL_IDENTITY.value)
        self.store = store
        self.identity = identity
        self.key = store.terminal_key()
        self._clock = clock
        self.settings = settings
        self._sessions: dict[str, _Session] = {}
        self._rules_cache: tuple[int, AllianceRules] | None = None
        self._approvals = 0

    # --- environment
    def clock(self) -> Clock:
        return self._clock if self._clock is not None else self.store.clock()

    def rules(self, bundle: TrustBundle | None | bool = False) -> AllianceRules:
        if bundle is False:
            bundle = self.store.current_bundle()
        if bundle is None:
            return AllianceRules()
        if self._rules_cache is None or self._rules_cache[0] != bundle.sequence:
            self._rules_cache = (bundle.sequence, AllianceRules.from_dict(bundle.rules))
        return self._rules_cache[1]

    def catalogue(self, bundle: TrustBundle | None | bool = False) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        if bundle is False:
            bundle = self.store.current_bundle()
        payload = bundle.payload if bundle else {}
        return list(payload.get("coupons", [])), list(payload.get("gifts", []))

    def _since_sync_s(self, now: float, session: Session | None = None) -> float:
        if session is not None:
            last = ledger.state(session, "last_sync_at")
        else:
            last = self.store.last_sync_at()
        if last is None:
            last = self.store.bundle_installed_at()
        return 0.0 if last is None else now - last

    # --- the durable write
    def _write(self, build: Callable[[Session, int], dict[str, Any]], rules: AllianceRules | None = None,
               now: float | None = None) -> dict[str, Any]:
        """Run build(session, recorded_at_ms) -> body inside BEGIN IMMEDIATE, journal it, commit.
        `now`: the instant the caller decided at (recorded_at is that instant, so the member day and
        the daily cap HQ re-derives from recorded_at are the ones the terminal used).
        Raises NotRecorded when the database refuses (nothing committed)."""
        now = self.clock().now() if now is None else now
        rules = rules or self.rules()
        try:
            with Session(self.store.writer) as s, s.begin():
                body = build(s, int(now * 1000))
                body.setdefault("shift", ledger.current_shift(s))
                base = {"terminal_id": self.identity.terminal_id, "merchant_id": self.identity.merchant_id,
                        "recorded_at": int(now * 1000)}
                return journal.append(s, self.key, {**base, **body}, day=local_date(rules, now).isoformat())
        except (SQLAlchemyError, OSError) as exc:
            cause = getattr(exc, "orig", None) or exc
            raise NotRecorded(f"{type(cause).__name__}: {cause}".splitlines()[0][:200]) from exc
        except Exception as exc:  # a bug must not become an approval, nor crash the counter app
            raise NotRecorded(f"{type(exc).__name__}: {exc}"[:200], Reason.INTERNAL_ERROR) from exc

    @staticmethod
    def _result(record: dict[str, Any], pricing: Pricing | None = None) -> TxnResult:
        b = record["body"]
        return TxnResult(b["status"] != "rejected", Reason(b["reason"]), b["seq"], b.get("detail", ""), pricing,
                         b.get("points_earned", 0), b.get("points_spent", 0))

    # --- scanning
    @_never_raises(ScanResult)
    def scan(self, text: object) -> ScanResult:
        """Verify a scanned code offline; a rejection is journaled (kind "scan") before returning."""
        clock = self.clock()
        bundle = self.store.current_bundle()
        verifier = OfflineVerifier(bundle, clock, self.store.replay_guard(self.settings),
                                   self.settings)
        verdict = verifier.verify(text, consume=False)
        if not verdict.ok:
            raw = text if isinstance(text, str) else repr(text)
            facts = _facts(verdict)
            facts.update(input_len=len(raw), input_sha256=hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()[:16])
            try:
                rec = self._write(lambda s, now: {"kind": "scan", "status": "rejected", "reason": verdict.reason.value,
                                                  "detail": verdict.detail[:200] or None, **facts},
                                 self.rules(bundle))
            except NotRecorded as exc:
                return ScanResult(False, exc.reason, None, str(exc))
            return ScanResult(False, verdict.reason, rec["body"]["seq"], verdict.detail)
        token = secrets.token_hex(8)
        if len(self._sessions) >= MAX_SESSIONS:
            self._sessions.pop(next(iter(self._sessions)))
        code = normalize(text if isinstance(text, str) else bytes(text).decode("utf-8", "replace"))
        self._sessions[token] = _Session(verdict, clock.now(), code)
        try:
            member = self.member_view(verdict, bundle)
        except SQLAlchemyError as exc:
            return ScanResult(False, Reason.NOT_RECORDED, None, str(exc)[:200])
        except Exception as exc:  # never crash the counter app
            return ScanResult(False, Reason.INTERNAL_ERROR, None, f"{type(exc).__name__}: {exc}"[:200])
        return ScanResult(True, Reason.OK, None, "", token, member)

    def member_view(self, verdict: Verdict, bundle: TrustBundle | None | bool = False) -> MemberView:
        if bundle is False:
            bundle = self.store.current_bundle()
        rules = self.rules(bundle)
        coupons, gifts = self.catalogue(bundle)
        with Session(self.store.reader) as s:
            pos = ledger.MemberPosition(s, verdict.member_id, verdict.allowance, rules.offline.member_max_points)
            offered_coupons = [c for c in coupons if self._coupon_problem(s, c, verdict) is None]
            offered_gifts = [g for g in gifts if ledger.gift_uses(s, str(g["id"])) < int(g.get("stock", 0))
                             and int(g.get("points", 0)) <= pos.spendable]
        return MemberView(verdict.member_id, mask_member(verdict.member_id), verdict.tier, pos.known_balance,
                          pos.expiring_soon, pos.spendable, verdict.allowance, offered_coupons, offered_gifts)

    def _session(self, token: str | None) -> tuple[_Session | None, Reason | None]:
        sess = self._sessions.get(token or "")
        if sess is None:
            return None, Reason.SCAN_SESSION_EXPIRED
        if self.clock().now() - sess.scanned_at > SCAN_SESSION_S:
            return sess, Reason.SCAN_SESSION_EXPIRED
        return sess, None

    # --- pricing
    def _earn_context(self, s: Session, rules: AllianceRules, member_id: int, pos: ledger.MemberPosition,
                      now: float) -> EarnContext:
        day = local_date(rules, now)
        return EarnContext(member_day=is_member_day(rules, day),
                           birthday_month=pos.birthday_month == day.month,
                           earned_today=ledger.earned_on(s, member_id, day.isoformat()))

    def quote(self, token: str, bill_fen: int, spend_points: int = 0) -> Pricing | None:
        """What commit_purchase would do now, without doing it: the Pricing, whose `reason` is
        OK or why the commit would be declined (BELOW_MIN_BILL, INVALID_AMOUNT, INSUFFICIENT_POINTS,
        an OFFLINE_* limit, SYNC_TOO_OLD). None when the scan session is unknown or expired."""
        sess, problem = self._session(token)
        if sess is None or problem is not None:
            return None
        v, rules, now = sess.verdict, self.rules(), self.clock().now()
        with Session(self.store.reader) as s:
            pos = ledger.MemberPosition(s, v.member_id, v.allowance, rules.offline.member_max_points)
            ctx = self._earn_context(s, rules, v.member_id, pos, now)
            p = price(rules, tier=v.tier, bill_fen=bill_fen, spend_points=spend_points, ctx=ctx,
                      earn=not (rules.members_only_earning and v.tier == 0))
            if p.ok:
                risk = self._risk(s, rules, now, v.member_id, p.points_spent, pos)
                if risk is not None:
                    p = dataclasses.replace(p, reason=risk)
        return p

    def _risk(self, s: Session, rules: AllianceRules, now: float, member_id: int | None, points: int,
              pos: ledger.MemberPosition | None) -> Reason | None:
        """Offline risk limits for spending `points` (value leaving the alliance)."""
        lim = rules.offline
        if self._since_sync_s(now, s) > lim.max_since_sync_s:
            return Reason.SYNC_TOO_OLD
        if points <= 0:
            return None
        if pos is not None and pos.known_balance is not None and points > pos.known_balance:
            return Reason.INSUFFICIENT_POINTS
        if points > lim.txn_max_points:
            return Reason.OFFLINE_TXN_CAP
        if pos is not None and pos.unsynced_spent + points > pos.limit:
            return Reason.OFFLINE_MEMBER_LIMIT
        if ledger.terminal_spent_after(s, ledger.synced_through(s)) + points > lim.terminal_max_points:
            return Reason.OFFLINE_TERMINAL_LIMIT
        return None

    def _commit_scanned(self, token: str | None, kind: str,
                        decide: Callable[[Session, Verdict, AllianceRules, ledger.MemberPosition, float],
                                         tuple[dict[str, Any], Pricing | None]]) -> TxnResult:
        """Shared path of every code-backed transaction: session, replay, decide, journal, commit."""
        sess, problem = self._session(token)
        if sess is None:
            return TxnResult(False, Reason.SCAN_SESSION_EXPIRED)
        v = sess.verdict
        bundle = self.store.current_bundle()
        rules = self.rules(bundle)
        now = self.clock().now()
        priced: list[Pricing | None] = [None]

        def build(s: Session, _now_ms: int) -> dict[str, Any]:
            body: dict[str, Any] = {"kind": kind, **_facts(v), "code": sess.code,
                                    "bundle_seq": bundle.sequence if bundle else None}
            if problem is not None:
                return {**body, "status": "rejected", "reason": problem.value}
            if ledger.code_seen(s, v.cert_serial, v.counter):
                return {**body, "status": "rejected", "reason": Reason.CODE_REPLAYED.value}
            pos = ledger.MemberPosition(s, v.member_id, v.allowance, rules.offline.member_max_points)
            fields, pricing = decide(s, v, rules, pos, now)
            priced[0] = pricing
            body.update(fields)
            if body.get("status") in ("approved", "pending_verification"):
                conn = s.connection()
                conn.exec_driver_sql("INSERT INTO seen_codes (serial, counter, code_time) VALUES (?, ?, ?)",
                                     (v.cert_serial, v.counter, v.code_time))
                self._approvals += 1
                if self._approvals % PRUNE_EVERY == 0:  # pairs the time window already refuses
                    retention = self.settings.code_window_s + self.settings.future_skew_s + 60
                    conn.exec_driver_sql("DELETE FROM seen_codes WHERE code_time < ?", (int(now) - retention,))
            return body

        try:
            record = self._write(build, rules, now)
        except NotRecorded as exc:
            return TxnResult(False, exc.reason, None, str(exc))
        result = self._result(record, priced[0])
        if result.ok or problem is not None:
            self._sessions.pop(token or "", None)
        return result

    @_never_raises(TxnResult)
    def commit_purchase(self, token: str | None, bill_fen: int, spend_points: int = 0,
                        receipt_ref: str = "") -> TxnResult:
        """A bill: tier discount, optional points as cash, points earned on what is paid in money."""

        def decide(s, v, rules, pos, now):
            earn = not (rules.members_only_earning and v.tier == 0)
            p = price(rules, tier=v.tier, bill_fen=bill_fen, spend_points=spend_points,
                      ctx=self._earn_context(s, rules, v.member_id, pos, now), earn=earn)
            fields: dict[str, Any] = {"bill_fen": p.bill_fen, "receipt_ref": records.clean_text(receipt_ref)}
            if not p.ok:
                return {**fields, "status": "rejected", "reason": p.reason.value}, p
            risk = self._risk(s, rules, now, v.member_id, p.points_spent, pos)
            if risk is not None:
                return {**fields, "status": "rejected", "reason": risk.value,
                        "points_requested": p.points_spent}, p
            reason = Reason.OK
            if not earn:
                reason = Reason.NOT_A_MEMBER
            elif p.capped:
                reason = Reason.DAILY_CAP_REACHED
            fields.update(status="approved", reason=reason.value, **records.bill_fields(p))
            return fields, p

        return self._commit_scanned(token, "purchase", decide)

    def commit_earn(self, token: str | None, bill_fen: int, receipt_ref: str = "") -> TxnResult:
        return self.commit_purchase(token, bill_fen, 0, receipt_ref)

    def commit_spend(self, token: str | None, bill_fen: int, spend_points: int, receipt_ref: str = "") -> TxnResult:
        return self.commit_purchase(token, bill_fen, spend_points, receipt_ref)

    # --- coupons and gifts
    def _coupon_problem(self, s: Session, coupon: dict[str, Any], v: Verdict) -> Reason | None:
        if int(coupon.get("min_tier", 0)) > (v.tier or 0):
            return Reason.COUPON_NOT_ELIGIBLE
        cid = str(coupon["id"])
        if coupon.get("kind", "single_use") == "single_use":
            return Reason.COUPON_USED if ledger.coupon_uses(s, cid, v.member_id) else None
        return Reason.COUPON_QUOTA_EXHAUSTED if ledger.coupon_uses(s, cid) >= int(coupon.get("quota", 0)) else None

    @_never_raises(TxnResult)
    def use_coupon(self, token: str | None, coupon_id: str) -> TxnResult:
        """Write off a coupon / benefit: single-use (once per member) or quota (uses on this terminal)."""
        coupons, _ = self.catalogue()
        coupon = next((c for c in coupons if str(c.get("id")) == coupon_id), None)

        def decide(s, v, rules, pos, now):
            fields: dict[str, Any] = {"coupon_id": coupon_id[:64]}
            if coupon is None:
                return {**fields, "status": "rejected", "reason": Reason.COUPON_UNKNOWN.value}, None
            problem = self._coupon_problem(s, coupon, v) or self._risk(s, rules, now, v.member_id, 0, pos)
            if problem is not None:
                return {**fields, "status": "rejected", "reason": problem.value}, None
            return {**fields, "status": "approved", "reason": Reason.OK.value}, None

        return self._commit_scanned(token, "coupon", decide)

    @_never_raises(TxnResult)
    def redeem_gift(self, token: str | None, gift_id: str) -> TxnResult:
        """Exchange points for a gift from this terminal's stock."""
        _, gifts = self.catalogue()
        gift = next((g for g in gifts if str(g.get("id")) == gift_id), None)

        def decide(s, v, rules, pos, now):
            fields: dict[str, Any] = {"gift_id": gift_id[:64]}
            if gift is None:
                return {**fields, "status": "rejected", "reason": Reason.GIFT_UNKNOWN.value}, None
            if ledger.gift_uses(s, gift_id) >= int(gift.get("stock", 0)):
                return {**fields, "status": "rejected", "reason": Reason.GIFT_OUT_OF_STOCK.value}, None
            points = int(gift["points"])
            risk = self._risk(s, rules, now, v.member_id, points, pos)
            if risk is not None:
                return {**fields, "status": "rejected", "reason": risk.value, "points_requested": points}, None
            return {**fields, "status": "approved", "reason": Reason.OK.value, "points_spent": points}, None

        return self._commit_scanned(token, "gift", decide)

    # --- the backup numeric code
    @_never_raises(TxnResult)
    def backup_code(self, code: str, bill_fen: int, spend_points: int = 0) -> TxnResult:
        """The member's short numeric code, typed when the QR cannot be read. Not verifiable here:
        accepted within the backup limits as pending_verification (base earn rate, no tier
        discount), verified by the server after sync."""
        bundle = self.store.current_bundle()
        rules = self.rules(bundle)
        lim = rules.offline
        now = self.clock().now()
        text = str(code).strip()

        def build(s: Session, _now_ms: int) -> dict[str, Any]:
            body: dict[str, Any] = {"kind": "backup", "bill_fen": records.int_or_none(bill_fen),
                                    "backup_code": text[:20], "bundle_seq": bundle.sequence if bundle else None}
            if not BACKUP_CODE_RE.match(text):
                return {**body, "backup_code": None, "status": "rejected", "reason": Reason.BACKUP_CODE_MALFORMED.value}
            p = price(rules, tier=0, bill_fen=bill_fen, spend_points=spend_points,
                      ctx=EarnContext(), earn=not rules.members_only_earning)
            if not p.ok:
                return {**body, "status": "rejected", "reason": p.reason.value}
            if (bill_fen > lim.backup_max_bill_fen or p.points_spent > lim.backup_max_points
                    or ledger.pending_backups(s, ledger.synced_through(s)) >= lim.backup_max_pending):
                return {**body, "status": "rejected", "reason": Reason.BACKUP_CODE_LIMIT.value}
            risk = self._risk(s, rules, now, None, p.points_spent, None)
            if risk is not None:
                return {**body, "status": "rejected", "reason": risk.value}
            return {**body, "status": "pending_verification", "reason": Reason.BACKUP_CODE_PENDING.value,
                    "cash_off_fen": p.cash_off_fen, "paid_fen": p.paid_fen, "points_spent": p.points_spent,
                    "points_earned": p.points_earned}

        try:
            return self._result(self._write(build, rules, now))
        except NotRecorded as exc:
            return TxnResult(False, exc.reason, None, str(exc))

    # --- manager actions
    @_never_raises(TxnResult)
    def void(self, seq: int, manager: str, reason: str = "", manager_id: int | None = None) -> TxnResult:
        """Void a record of the open shift: a new compensating record (kind "void", ref_seq), never a
        deletion; the voided record stops counting towards balances, caps, quotas and stock.
        `reason` (void_reason) and `manager_id` (terminal_app.core.managers) say why and who."""

        rules = self.rules()

        def build(s: Session, _now_ms: int) -> dict[str, Any]:
            ref = records.int_or_none(seq, 1, records.MAX_SEQ)
            target = s.get(JournalRow, ref) if ref is not None else None
            body: dict[str, Any] = {"kind": "void", "ref_seq": ref, "manager": records.clean_text(manager),
                                    "void_reason": records.clean_text(reason, records.DETAIL_MAX),
                                    "manager_id": _manager_id(manager_id)}
            if (target is None or target.kind not in VOIDABLE or target.status not in ledger.COUNTING
                    or target.voided_by is not None or target.shift != ledger.current_shift(s)
                    or _now_ms - target.recorded_at > rules.void_window_s * 1000):
                return {**body, "status": "rejected", "reason": Reason.VOID_NOT_ALLOWED.value}
            new_seq = journal.head(s)[0] + 1
            target.voided_by = new_seq
            return {**body, "status": "approved", "reason": Reason.OK.value, "member_id": target.member_id,
                    "reversed_points_earned": target.points_earned, "reversed_points_spent": target.points_spent,
                    "ref_kind": target.kind}

        try:
            return self._result(self._write(build))
        except NotRecorded as exc:
            return TxnResult(False, exc.reason, None, str(exc))

    @_never_raises(TxnResult)
    def backfill(self, member_id: int, bill_fen: int, receipt_ref: str, purchased_at: int, manager: str,
                 manager_id: int | None = None) -> TxnResult:
        """Points for an earlier purchase (a forgotten scan), by a manager, with the receipt reference,
        within the backfill window; each receipt once. Flagged for review (severity attention).
        Priced as docs/hq-books.md says HQ re-derives it: `bill_fen` is what the receipt says was paid,
        base rate (tier unknown), the member-day multiplier of the purchase day, that day's cap."""
        bundle = self.store.current_bundle()
        rules = self.rules(bundle)
        now = self.clock().now()
        receipt = records.clean_text(receipt_ref)
        member = records.int_or_none(member_id, 1, MAX_U48)
        when = records.int_or_none(purchased_at, records.MIN_TIME_S, records.MAX_TIME_S)

        def build(s: Session, _now_ms: int) -> dict[str, Any]:
            body: dict[str, Any] = {"kind": "backfill", "member_id": member, "bill_fen": records.int_or_none(bill_fen),
                                    "receipt_ref": receipt, "manager": records.clean_text(manager),
                                    "manager_id": _manager_id(manager_id),
                                    "purchased_at": when, "bundle_seq": bundle.sequence if bundle else None}
            if member is None or receipt is None or when is None:
                return {**body, "status": "rejected", "reason": Reason.INVALID_AMOUNT.value}
            if not 0 <= now - when <= rules.backfill_window_s:
                return {**body, "status": "rejected", "reason": Reason.BACKFILL_TOO_OLD.value}
            if ledger.receipt_used(s, receipt):
                return {**body, "status": "rejected", "reason": Reason.DUPLICATE_RECEIPT.value}
            day = local_date(rules, when)
            ctx = EarnContext(member_day=is_member_day(rules, day), earned_today=ledger.earned_on(s, member, day.isoformat()))
            p = price(rules, tier=0, bill_fen=bill_fen, ctx=ctx, earn=not rules.members_only_earning)
            if not p.ok:
                return {**body, "status": "rejected", "reason": p.reason.value}
            risk = self._risk(s, rules, now, member_id, 0, None)
            if risk is not None:
                return {**body, "status": "rejected", "reason": risk.value}
            return {**body, "status": "approved", "reason": (Reason.DAILY_CAP_REACHED if p.capped else Reason.OK).value,
                    "points_earned": p.points_earned, "review": True}

        try:
            return self._result(self._write(build, rules, now))
        except NotRecorded as exc:
            return TxnResult(False, exc.reason, None, str(exc))

    def close_shift(self, manager: str, manager_id: int | None = None) -> ZReport:
        """Close the open shift: a "shift_close" record with its totals; voids are possible only
        inside the open shift. Raises NotRecorded if the database refuses."""
        totals: dict[str, Any] = {}

        def build(s: Session, now_ms: int) -> dict[str, Any]:
            shift = ledger.current_shift(s)
            t = reports.shift_totals(s, shift)  # the one computation of a shift's totals (X and Z reports too)
            totals.update(shift=shift, closed_at=now_ms // 1000, counts=t["counts"], points_earned=t["points_earned"],
                          points_spent=t["points_spent"], bill_fen=t["bill_fen"], paid_fen=t["paid_fen"],
                          voids=t["voids"], rejected=t["rejected"])
            ledger.set_state(s, ledger.SHIFT_KEY, shift + 1)
            return {"kind": "shift_close", "status": "approved", "reason": Reason.OK.value, "shift": shift,
                    "manager": records.clean_text(manager), "manager_id": _manager_id(manager_id),
                    "totals": {k: v for k, v in totals.items() if k != "shift"}}

        record = self._write(build)
        return ZReport(seq=record["body"]["seq"], **totals)

    # --- reading
    def log(self, f: LogFilter = LogFilter()) -> list[dict[str, Any]]:
        """Journal records, newest first, as dicts (the signed body plus day, hash, voided_by)."""
        with Session(self.store.reader) as s:
            return read_log(s, f)

    def status(self) -> dict[str, Any]:
        """Counters for the status bar and the manager's limits view."""
        rules = self.rules()
        now = self.clock().now()
        with Session(self.store.reader) as s:
            through = ledger.synced_through(s)
            exposure = ledger.terminal_spent_after(s, through)
            shift = ledger.current_shift(s)
        return {"outbox_pending": self.store.outbox_count(), "last_sync_at": self.store.last_sync_at(),
                "since_sync_s": int(self._since_sync_s(now)), "terminal_exposure_points": exposure,
                "shift": shift, "limits": rules.offline.__dict__, "rules": rules.to_dict()}


def _manager_id(manager_id: int | None) -> str | None:
    """The record's manager_id: the manager's id on this terminal (terminal_app.core.managers), as text."""
    return str(manager_id) if type(manager_id) is int and manager_id > 0 else None


def _facts(v: Verdict) -> dict[str, Any]:
    """The code's facts as record fields (a garbled code's out-of-range values are left out)."""
    return {"member_id": v.member_id, "cert_serial": v.cert_serial, "counter": v.counter,
            "code_time": v.code_time, "tier": records.int_or_none(v.tier, 0, 3)}
