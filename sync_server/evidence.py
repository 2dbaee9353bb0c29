"""HQ's evidence checks: what a stored record may do to the books. One implementation, used by
ingest for every record (sync_server/ingest.py) and by reviews when a held record is accepted.

A terminal is enrolled, not trusted. A record moves points or money only for what HQ can check
itself (docs/hq-books.md, "Evidence before effect"; docs/threat-model.md):

  examine()  per record, pure, before any transaction: hash and terminal signature, the record
             names this terminal, the record schema (alliance_protocol.records), the member code
             re-verified with HQ's own key ring at the record's time (no deny list: blocks and
             revocations have times, checked below), the times (code time, recorded_at, HQ's
             clock) within the books' tolerances, the backup code's shape.
  Books      one batch, inside the ingest transaction, under the alliance-wide lock (so the
             decisions of concurrent batches follow one order: the order HQ stores them):
             the certificate is one HQ issued, the member's block and the device's revocation
             by time, the pair (certificate serial, counter) and the backup code single-use
             alliance-wide (the same terminal included), the bundle the record names exists,
             the amounts re-derived from that bundle's rules and the bill (tier discount, points
             as cash, earning with multipliers, the daily earn cap per member alliance-wide),
             coupons single-use / quota and gift stock, a void naming an earlier record of the
             same terminal within the void window (it reverses exactly that record's effect),
             backfills within the window, each receipt once, held for review.

Every decision is an Effect: "applied" (its amounts count), "held" (computed, counts once a
review accepts it), "refused" (moves nothing; a Reason and the case raised against the uploading
terminal say why), "none" (nothing to move: a rejected attempt, a scan, a shift close).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alliance_protocol import backup_code, canonical
from alliance_protocol import journal_record as jr
from alliance_protocol.keys import b64
from alliance_protocol.member_code import ParseError
from alliance_protocol.member_code import parse as parse_code
from alliance_protocol.pricing import EarnContext, Pricing, is_member_day, multiplier_pct, price
from alliance_protocol.reasons import Reason, message
from alliance_protocol.records import (
    CODE_KINDS,
    SALE_KINDS,
    VOIDABLE,
    Kind,
    ParsedRecord,
    SchemaError,
    Status,
    try_parse,
)
from alliance_protocol.rules import AllianceRules, RulesError
from alliance_protocol.trust_bundle import TrustBundle
from alliance_protocol.verifier import CertificateCache, FixedClock, OfflineVerifier, VerifierSettings

from . import anomalies as an
from .books_config import BooksConfig
from .db.models import BundleVersion, Claim, Device, Member, MemberDay, Record
from .dialect import Prebuilt, one_of
from .holds import Holds

DAY_MS = 86_400_000
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
MAX_BALANCE = 2**53  # a member balance beyond +-this is refused (PostgreSQL BIGINT, SQLite INTEGER, JSON)
CERTIFICATES = CertificateCache()  # per process: each phone's certificate signature is checked once
APPLIED, HELD, REFUSED, NONE, PENDING = "applied", "held", "refused", "none", "pending"

# The anomaly a refusal or a hold raises (one case per record, against the uploading terminal).
CASE_FOR: dict[Reason, str] = {
    Reason.CODE_REUSED: an.CODE_REUSED,
    Reason.BACKUP_CODE_FAILED: an.BACKUP_CODE_FAILED,
    Reason.BACKUP_CODE_REUSED: an.BACKUP_CODE_FAILED,
    Reason.COUPON_USED: an.COUPON_OVERUSE,
    Reason.COUPON_QUOTA_EXHAUSTED: an.COUPON_OVERUSE,
    Reason.DUPLICATE_RECEIPT: an.DUPLICATE_RECEIPT,
    Reason.TIME_INCONSISTENT: an.TIME_INCONSISTENT,
    Reason.BACKFILL_HELD: an.BACKFILL_REVIEW,
    Reason.ISSUER_KEY_COMPROMISED: an.KEY_COMPROMISED,
    Reason.MEMBER_BLOCKED: an.DENIED_MEMBER_ACTIVITY,
    Reason.CERT_REVOKED: an.DENIED_MEMBER_ACTIVITY,
    Reason.RECORD_CHAIN_BROKEN: an.CHAIN_BROKEN,
}  # anything else: bad_record


# --- phase A: one record on its own ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CodeCert:
    """What HQ compares with the certificates it issued."""

    serial: int
    device_public: bytes
    not_after: int


@dataclass
class Examined:
    """One uploaded record after the checks that need nothing but the record and HQ's keys."""

    seq: int
    hash: str
    sig: str
    text: str  # canonical JSON of the body as signed (or, if it does not verify, a faithful ASCII dump)
    body: dict[str, Any]
    parsed: ParsedRecord | None = None
    refused: Reason | None = None  # refused on its own (integrity, schema, code)
    held: Reason | None = None  # times disagree: held for review
    detail: str = ""
    cert: CodeCert | None = None  # the verified code's certificate (code kinds)
    received_ms: int = 0


def verification_bundle(key_entries: list[dict[str, Any]]) -> TrustBundle:
    """HQ's own view of the issuer keys for re-verifying codes: every key with its validity, no
    deny list (a block or a revocation has a time: Books checks it), never stale."""
    return TrustBundle.from_payload(
        {
            "alliance_id": "hq",
            "sequence": 0,
            "issued_at": 0,
            "max_age_s": 10**12,
            "keys": key_entries,
            "deny": {},
        }
    )


def _seq_of(body: Any) -> int | None:
    seq = body.get("seq") if isinstance(body, dict) else None
    return seq if type(seq) is int and 1 <= seq <= 2**63 - 1 else None


class CodeChecker:
    """Re-verifies member codes with HQ's key ring at each record's time (one per batch)."""

    def __init__(self, keys: TrustBundle, cfg: BooksConfig, compromised: dict[str, int]) -> None:
        self.clock = FixedClock(0.0)
        self.verifier = OfflineVerifier(
            keys,
            self.clock,
            None,
            VerifierSettings(
                code_window_s=cfg.code_age_tolerance_s,
                future_skew_s=cfg.code_ahead_tolerance_s,
                clock_unconfirmed_limit_s=10**12,
            ),
            CERTIFICATES,
        )
        self.compromised = compromised

    def verify(self, code: str | None, at_ms: int) -> Any:
        self.clock.at = at_ms / 1000
        return self.verifier.verify(code)


def examine(
    wire: dict[str, Any],
    terminal_id: str,
    merchant_id: str,
    public: bytes,
    codes: CodeChecker,
    cfg: BooksConfig,
    received_ms: int,
) -> Examined | None:
    """Check one uploaded record {body, hash, sig}. None when it cannot even be placed in the
    terminal's sequence (no usable seq): reported in the acknowledgement, not stored."""
    body = wire.get("body")
    seq = _seq_of(body)
    if seq is None:
        return None
    assert isinstance(body, dict)  # (_seq_of found a seq in it)
    ex = Examined(
        seq, str(wire.get("hash", ""))[:64], str(wire.get("sig", ""))[:100], "", body, received_ms=received_ms
    )
    parsed = try_parse(body)  # (an unauthentic body is reported as such first, below)
    try:
        ex.text = jr.check(
            wire, public, floats_checked=not isinstance(parsed, SchemaError)
        ).canonical.decode()
    except jr.RecordError as exc:
        ex.text = json.dumps(body, sort_keys=True)  # ASCII: whatever the body holds can be stored
        reason = {"hash": Reason.RECORD_HASH_MISMATCH, "signature": Reason.RECORD_SIGNATURE_INVALID}.get(
            exc.problem, Reason.RECORD_SCHEMA_INVALID
        )
        return _refuse(ex, reason, f"{exc.problem}: {exc}")
    except (TypeError, ValueError, RecursionError) as exc:  # not even JSON-able as signed
        ex.text = json.dumps(str(body)[:2000])
        return _refuse(ex, Reason.RECORD_SCHEMA_INVALID, type(exc).__name__)
    if isinstance(parsed, SchemaError):
        return _refuse(ex, Reason.RECORD_SCHEMA_INVALID, str(parsed))
    return _examine_parsed(ex, parsed, terminal_id, merchant_id, codes, cfg, received_ms)


def examine_intent(
    body: dict[str, Any],
    terminal_id: str,
    merchant_id: str,
    codes: CodeChecker,
    cfg: BooksConfig,
    received_ms: int,
) -> Examined:
    """The record a terminal asks HQ to authorise online (sync_server/authorisation.py): not sealed
    yet (the request's signature authenticates it), otherwise checked exactly as an uploaded one."""
    ex = Examined(_seq_of(body) or 0, "", "", "", body, received_ms=received_ms)
    parsed = try_parse(body)
    if isinstance(parsed, SchemaError):
        return _refuse(ex, Reason.RECORD_SCHEMA_INVALID, str(parsed))
    try:
        ex.text = canonical.dumps(body).decode()
    except (TypeError, ValueError) as exc:
        return _refuse(ex, Reason.RECORD_SCHEMA_INVALID, type(exc).__name__)
    return _examine_parsed(ex, parsed, terminal_id, merchant_id, codes, cfg, received_ms)


def examine_code(code: str, terminal_id: str, merchant_id: str, codes: CodeChecker, at_ms: int) -> Examined:
    """A scanned code on its own (the online member panel, sync_server/authorisation.py): re-verified
    at `at_ms` exactly as a record carrying it would be. `parsed` holds the code's facts as a coupon
    write-off's would (what Books.code_problem reads), or None when the code does not verify."""
    ex = Examined(0, "", "", "", {}, received_ms=at_ms)
    try:
        c = parse_code(code)
    except ParseError as exc:
        return _refuse(ex, Reason(exc.reason), str(exc))
    rec = ParsedRecord(
        terminal_id,
        merchant_id,
        0,
        "0" * 64,
        at_ms,
        Kind.COUPON,
        Status.APPROVED,
        Reason.OK,
        member_id=c.cert.member_id,
        cert_serial=c.cert.serial,
        counter=c.counter,
        code_time=c.code_time,
        tier=int(c.cert.tier),
        code=code,
    )
    ex.parsed = rec
    _check_code(ex, rec, codes)
    return ex


def _examine_parsed(
    ex: Examined,
    rec: ParsedRecord,
    terminal_id: str,
    merchant_id: str,
    codes: CodeChecker,
    cfg: BooksConfig,
    received_ms: int,
) -> Examined:
    ex.parsed = rec
    if rec.terminal_id != terminal_id or rec.merchant_id != merchant_id:
        return _refuse(ex, Reason.RECORD_WRONG_TERMINAL, f"names {rec.terminal_id} / {rec.merchant_id}")
    if not rec.counts:
        return ex  # a rejected attempt or a scan: nothing to check further, nothing to move
    if rec.recorded_at > received_ms + cfg.record_future_tolerance_s * 1000:
        ex.held, ex.detail = (
            Reason.TIME_INCONSISTENT,
            f"recorded {(rec.recorded_at - received_ms) // 1000} s after HQ received it",
        )
    elif received_ms - rec.recorded_at > cfg.record_max_age_days * DAY_MS:
        ex.held, ex.detail = (
            Reason.TIME_INCONSISTENT,
            f"arrived {(received_ms - rec.recorded_at) // DAY_MS} days late",
        )
    if rec.kind in CODE_KINDS:
        _check_code(ex, rec, codes)
    return ex


def _refuse(ex: Examined, reason: Reason, detail: str) -> Examined:
    ex.refused, ex.detail = reason, detail[:200]
    return ex


def _check_code(ex: Examined, rec: ParsedRecord, codes: CodeChecker) -> None:
    verdict = codes.verify(rec.code, rec.recorded_at)
    compromised = codes.compromised
    if verdict.reason in (Reason.CODE_EXPIRED, Reason.CODE_NOT_YET_VALID):
        # every check before the window passed (signatures, keys, certificate): the times disagree
        if ex.held is None:
            ex.held, ex.detail = Reason.TIME_INCONSISTENT, f"code time vs recorded_at: {verdict.detail}"
    since = compromised.get(verdict.issuer_kid or "")
    if not verdict.ok and verdict.reason not in (Reason.CODE_EXPIRED, Reason.CODE_NOT_YET_VALID):
        if verdict.reason is Reason.ISSUER_KEY_RETIRED and since is not None:
            _refuse(ex, Reason.ISSUER_KEY_COMPROMISED, f"issuer {verdict.issuer_kid} leaked at {since}")
        else:
            _refuse(ex, verdict.reason, verdict.detail or "member code refused on re-verification")
        return
    if since is not None and ex.received_ms > since * 1000:
        # Under a key that leaked, arriving after the leak, dated before it: only a person can tell an
        # honest offline record from a back-dated one. Held; nothing moves until then.
        ex.held, ex.detail = Reason.ISSUER_KEY_COMPROMISED, f"issuer {verdict.issuer_kid} leaked at {since}"
    if (verdict.member_id, verdict.cert_serial, verdict.counter, verdict.code_time, verdict.tier) != (
        rec.member_id,
        rec.cert_serial,
        rec.counter,
        rec.code_time,
        rec.tier,
    ):
        _refuse(
            ex,
            Reason.CODE_MISMATCH,
            "the code's member, serial, counter, time or tier differ from the record's",
        )
        return
    ex.cert = CodeCert(rec.cert_serial or 0, verdict.device_public or b"", verdict.cert_not_after or 0)


# --- phase C: the batch, in HQ's order ---------------------------------------------------------
@dataclass(slots=True)
class Effect:
    """What HQ decided for one record: the record's derived columns, and what else to write."""

    effect: str = NONE
    reason: Reason | None = None
    detail: str = ""
    member_id: int | None = None
    points_delta: int = 0
    points_earned: int = 0
    points_spent: int = 0
    sale_fen: int = 0
    item_id: str | None = None
    uses: int = 0
    local_day: int | None = None
    receipt_ref: str | None = None
    void_of: int | None = None  # seq of the record a void reverses (same terminal)
    claims: list[str] | tuple[()] = ()
    case_evidence: dict[str, Any] | None = None

    def columns(self) -> dict[str, Any]:
        reason = self.reason if self.effect in (REFUSED, HELD) else None
        return {
            "effect": self.effect,
            "flag_reason": reason.value if reason is not None else None,
            "flag": (f"{reason.value}: {self.detail}"[:200] if reason is not None else None),
            "member_id": self.member_id,
            "points_delta": self.points_delta,
            "points_earned": self.points_earned,
            "points_spent": self.points_spent,
            "sale_fen": self.sale_fen,
            "item_id": self.item_id,
            "uses": self.uses,
            "local_day": self.local_day,
            "receipt_ref": self.receipt_ref,
        }


@dataclass(frozen=True)
class BundleRules:
    sequence: int
    issued_at: int
    max_age_s: int
    rules: AllianceRules
    coupons: dict[str, dict[str, Any]]
    gifts: dict[str, dict[str, Any]]


_BUNDLES: dict[tuple[str, int], BundleRules] = {}  # per process and database; an issued bundle never changes


def bundle_rules(s: Session, sequence: int | None) -> BundleRules | None:
    if sequence is None:
        return None
    bind = s.get_bind()
    key = (str(bind.engine.url), sequence)
    cached = _BUNDLES.get(key)
    if cached is not None:
        return cached
    row = s.get(BundleVersion, sequence)
    if row is None:
        return None
    payload = json.loads(row.payload)
    try:
        rules = AllianceRules.from_dict(payload.get("rules"))
    except RulesError:
        return None
    out = BundleRules(
        sequence,
        row.issued_at,
        int(payload.get("max_age_s", 7 * 86_400)),
        rules,
        {str(c["id"]): c for c in payload.get("coupons", []) if isinstance(c, dict) and "id" in c},
        {str(g["id"]): g for g in payload.get("gifts", []) if isinstance(g, dict) and "id" in g},
    )
    _BUNDLES[key] = out
    return out


@dataclass(frozen=True)
class _FirstUse:
    """Who holds a claim: the first record stored that took it."""

    terminal_id: str
    seq: int


@dataclass
class _MemberFacts:
    balance: int
    birthday_month: int
    blocked_at: int | None
    backup_key: str


@dataclass
class _Target:
    """A record a void may name: what HQ decided for it."""

    id: int | None
    seq: int
    kind: str
    status: str
    recorded_at: int
    effect: str
    member_id: int | None
    points_delta: int
    points_earned: int
    points_spent: int
    sale_fen: int
    item_id: str | None
    uses: int
    local_day: int | None
    voided: bool


def local_day(rules: AllianceRules, unix_ms: int) -> int:
    return (unix_ms + rules.utc_offset_minutes * 60_000) // DAY_MS


# The reads every decision makes, built once (dialect.Prebuilt); each takes its keys as a list.
_MEMBERS = Prebuilt(
    lambda d: select(
        Member.id, Member.balance, Member.birthday_month, Member.blocked_at, Member.backup_key
    ).where(one_of(d, Member.id, "ids"))
)
_BALANCES = Prebuilt(
    lambda d: select(Member.id, Member.balance, Member.blocked_at).where(one_of(d, Member.id, "ids"))
)
_DEVICES = Prebuilt(lambda d: select(Device).where(one_of(d, Device.serial, "serials")))
_CLAIMS = Prebuilt(
    lambda d: select(Claim.claim, Claim.terminal_id, Claim.seq).where(one_of(d, Claim.claim, "claims"))
)
_DAYS = Prebuilt(
    lambda d: select(MemberDay.member_id, MemberDay.local_day, MemberDay.earned).where(
        one_of(d, MemberDay.member_id, "members"), one_of(d, MemberDay.local_day, "days")
    )
)


def _chunks(values: list[Any], n: int = 500) -> list[list[Any]]:
    return [values[i : i + n] for i in range(0, len(values), n)]


class Books:
    """One batch's decisions, in seq order, under the alliance-wide lock (the caller holds it).
    Loads what the batch's records touch in a few statements, then decides record by record,
    keeping its own running state (balances, day earnings, uses, claims) so a batch sees itself."""

    def __init__(
        self,
        s: Session,
        terminal_id: str,
        merchant_id: str,
        cfg: BooksConfig,
        items: list[Examined],
        prev_recorded_at: int | None,
        *,
        load_state: bool = True,
    ) -> None:
        """What the batch's decisions read that does not depend on their order (bundles, members'
        facts, certificates HQ issued, void targets of this terminal: its row is locked) is read
        here; the running state (balances, claims, day sums, holds) by `load_state()`, which must
        run under the books lock: with `load_state=False` the caller takes the lock, then calls it,
        so the lock is held as briefly as it can be; with `load_state=True` the caller holds it
        already (one decision: an online authorisation), or needs none (a read)."""
        self.s, self.terminal_id, self.merchant_id, self.cfg = s, terminal_id, merchant_id, cfg
        self.prev_recorded_at = prev_recorded_at
        self._items = items
        recs = [e.parsed for e in items if e.parsed is not None and e.parsed.counts]
        self._recs = recs
        self.bundles = {
            seq: bundle_rules(s, seq) for seq in {r.bundle_seq for r in recs if r.bundle_seq is not None}
        }
        member_ids = {r.member_id for r in recs if r.member_id is not None}
        backup_members = set()
        for e in items:
            r = e.parsed
            if r is not None and r.kind is Kind.BACKUP and r.counts and r.backup_code:
                parts = backup_code.split(r.backup_code)
                if parts is not None and 0 < parts[0] < 2**63:
                    backup_members.add(parts[0])
        self.members: dict[int, _MemberFacts] = {}
        self._member_ids = sorted(member_ids | backup_members)
        for chunk in _chunks(self._member_ids):
            for m in s.execute(_MEMBERS.of(s), {"ids": chunk}):
                self.members[m.id] = _MemberFacts(m.balance, m.birthday_month, m.blocked_at, m.backup_key)
        serials = sorted({e.cert.serial for e in items if e.cert is not None})
        self.devices: dict[int, Device] = {}
        for chunk in _chunks(serials):
            for d in s.scalars(_DEVICES.of(s), {"serials": chunk}):
                self.devices[d.serial] = d
        refs = sorted({r.ref_seq for r in recs if r.kind is Kind.VOID and r.ref_seq is not None})
        self.targets: dict[int, _Target] = {}
        for chunk in _chunks(refs):
            for t in s.scalars(
                select(Record).where(Record.terminal_id == terminal_id, Record.seq.in_(chunk))
            ):
                self.targets[t.seq] = _Target(
                    t.id,
                    t.seq,
                    t.kind,
                    t.status,
                    t.recorded_at,
                    t.effect,
                    t.member_id,
                    t.points_delta,
                    t.points_earned,
                    t.points_spent,
                    t.sale_fen,
                    t.item_id,
                    t.uses,
                    t.local_day,
                    t.voided_by_id is not None,
                )
        self._claims: dict[str, _FirstUse | None] = {}
        self._day_earned: dict[tuple[int, int], int] = {}
        self._uses: dict[tuple[str, str | None, int | None], int] = {}
        self._receipts: dict[str, bool] = {}
        self._applied: list[Effect] = []  # this batch's applied effects (added to anything read later)
        self.balance_changes: dict[int, int] = {}
        self.crossings: list[dict[str, Any]] = []
        self._rules_now: AllianceRules | None = None
        self._keys_b64: dict[bytes, str] = {}
        self._dates: dict[int, dt.date] = {}
        self._voids = any(r.kind is Kind.VOID for r in recs)
        # What the rules give each purchase's bill does not depend on the running state: priced here,
        # before the caller takes the books lock (what is priced under it is only the daily cap).
        self._priced: dict[int, Effect | int] = {}
        for r in recs:
            b = self.bundles.get(r.bundle_seq) if r.bundle_seq is not None else None
            if r.kind is Kind.PURCHASE and b is not None and r.member_id in self.members:
                self._priced[id(r)] = self._price(r, r.member_id, b.rules, local_day(b.rules, r.recorded_at))
        if load_state:  # (the caller holds the lock: the members were read under it just now)
            self.load_state(reread_members=False)

    def load_state(self, *, reread_members: bool = True) -> None:
        """Under the books lock: the running state the decisions depend on, read once per key (in
        bulk where the keys are known up front), then kept up to date in memory with this batch's
        own decisions. Balances and blocks are read again here (what was read before the lock may
        be older), unless they were read under it."""
        s, items, recs = self.s, self._items, self._recs
        if reread_members and self._member_ids and self.members:
            for chunk in _chunks(self._member_ids):
                for member_id, balance, blocked_at in s.execute(_BALANCES.of(s), {"ids": chunk}):
                    self.members[member_id].balance = balance
                    self.members[member_id].blocked_at = blocked_at
        codes = sorted(
            {
                f"code:{e.cert.serial}:{e.parsed.counter}"
                for e in items
                if e.cert is not None and e.parsed is not None
            }
        )
        for chunk in _chunks(codes):
            for claim, terminal, seq in s.execute(_CLAIMS.of(s), {"claims": chunk}):
                self._claims[claim] = _FirstUse(terminal, seq)
        for c in codes:
            self._claims.setdefault(c, None)
        self._prefetch_days(recs)
        # What online authorisations hold (sync_server/holds.py): counted by every decision below,
        # settled by the record at their own (terminal, seq).
        self.holds = Holds(
            s,
            self.terminal_id,
            [e.seq for e in items],
            set(self._member_ids),
            {f"{k}:{i}" for r in recs for k, i in (("coupon", r.coupon_id), ("gift", r.gift_id)) if i},
            int(time.time() * 1000),
        )

    # --- state lookups (each key read once, then kept up to date in memory)
    def _prefetch_days(self, recs: list[ParsedRecord]) -> None:
        """The (member, local day) sums the batch's coded and backfill records will ask for, in one read."""
        keys = set()
        for r in recs:
            b = self.bundles.get(r.bundle_seq) if r.bundle_seq is not None else None
            if b is None or r.member_id is None:
                continue
            at_ms = r.purchased_at * 1000 if r.kind is Kind.BACKFILL and r.purchased_at else r.recorded_at
            keys.add((r.member_id, local_day(b.rules, at_ms)))
        if not keys:
            return
        members, days = sorted({m for m, _ in keys}), sorted({d for _, d in keys})
        found = dict(
            ((m, d), e)
            for m, d, e in self.s.execute(_DAYS.of(self.s), {"members": members, "days": days})
        )
        for key in keys:
            self._day_earned[key] = int(found.get(key, 0))

    def day_earned(self, member_id: int, day: int) -> int:
        """Points credited to the member on that local day, alliance-wide (this batch included)."""
        key = (member_id, day)
        if key not in self._day_earned:
            stored = int(
                self.s.scalar(
                    select(MemberDay.earned).where(
                        MemberDay.member_id == member_id, MemberDay.local_day == day
                    )
                )
                or 0
            )
            self._day_earned[key] = stored + sum(
                e.points_earned for e in self._applied if e.member_id == member_id and e.local_day == day
            )
        return self._day_earned[key] + self.holds.earned(member_id, day)

    def day_changes(self) -> dict[tuple[int, int], int]:
        """What this batch adds to each member's day (for member_days)."""
        out: dict[tuple[int, int], int] = {}
        for e in self._applied:
            if e.member_id is not None and e.local_day is not None and e.points_earned:
                key = (e.member_id, e.local_day)
                out[key] = out.get(key, 0) + e.points_earned
        return out

    def uses(self, item: str, terminal_id: str | None = None, member_id: int | None = None) -> int:
        """Uses of a coupon or gift net of voids: alliance-wide, at one terminal, or by one member."""
        key = (item, terminal_id, member_id)
        if key not in self._uses:
            q = select(func.coalesce(func.sum(Record.uses), 0)).where(
                Record.item_id == item, Record.effect == APPLIED
            )
            if terminal_id is not None:
                q = q.where(Record.terminal_id == terminal_id)
            if member_id is not None:
                q = q.where(Record.member_id == member_id)
            self._uses[key] = int(self.s.scalar(q) or 0) + sum(
                e.uses
                for e in self._applied
                if e.item_id == item
                and member_id in (None, e.member_id)
                and terminal_id in (None, self.terminal_id)
            )
        return self._uses[key] + self.holds.uses(item, terminal_id, member_id)

    def receipt_taken(self, ref: str) -> bool:
        if ref not in self._receipts:
            self._receipts[ref] = (
                self.s.scalar(
                    select(Record.id)
                    .where(
                        Record.merchant_id == self.merchant_id,
                        Record.receipt_ref == ref,
                        Record.effect.in_((APPLIED, HELD)),
                        Record.voided_by_id.is_(None),
                    )
                    .limit(1)
                )
                is not None
            )
        return self._receipts[ref]

    def claimed(self, claim: str) -> _FirstUse | None:
        """The claim's first holder, or None when it is free."""
        if claim not in self._claims:
            row = self.s.get(Claim, claim)
            self._claims[claim] = _FirstUse(row.terminal_id, row.seq) if row is not None else None
        return self._claims[claim]

    def balance(self, member_id: int) -> int:
        return self.members[member_id].balance + self.balance_changes.get(member_id, 0)

    def available(self, member_id: int) -> int:
        """What the member may spend online: the balance minus every spend HQ holds for them."""
        return self.balance(member_id) - self.holds.spent(member_id)

    def _own(self, first: _FirstUse, rec: ParsedRecord) -> bool:
        """A claim held by this very record's (terminal, seq): its own online reservation took it."""
        return first.terminal_id == self.terminal_id and first.seq == rec.seq

    # --- deciding
    def decide(self, e: Examined) -> Effect:
        """The record's effect; the record also settles its own online reservation, if it has one
        (captured when it is what HQ authorised and applies, else released: sync_server/holds.py)."""
        own = self.holds.begin(e.seq)
        problem = self.holds.problem(own, e.parsed, e.body) if e.refused is None else None
        if problem is not None:
            effect = self._refused(problem[0], problem[1], member_id=e.parsed.member_id if e.parsed else None)
            if e.parsed is not None:
                self._account(e.parsed, effect)
        else:
            effect = self._decide(e)
        self.holds.end(own, e.parsed, effect.effect, effect.reason)
        return effect

    def _decide(self, e: Examined) -> Effect:
        rec = e.parsed
        if e.refused is not None:
            return Effect(REFUSED, e.refused, e.detail, member_id=rec.member_id if rec else None)
        assert rec is not None
        if not rec.counts:
            self.prev_recorded_at = rec.recorded_at
            return Effect(NONE, member_id=rec.member_id)
        held = e.held
        detail = e.detail
        if (
            held is None
            and self.prev_recorded_at is not None
            and rec.recorded_at < self.prev_recorded_at - self.cfg.chain_backstep_tolerance_s * 1000
        ):
            held, detail = (
                Reason.TIME_INCONSISTENT,
                (
                    f"recorded {(self.prev_recorded_at - rec.recorded_at) // 1000} s before the previous "
                    "record (or the terminal's enrollment)"
                ),
            )
        if held is None and self._named_too_early(rec):
            held, detail = Reason.TIME_INCONSISTENT, self._named_too_early(rec)
        if held is None:
            self.prev_recorded_at = max(self.prev_recorded_at or 0, rec.recorded_at)
        if rec.kind is Kind.SHIFT_CLOSE:
            return Effect(NONE)
        if rec.kind is Kind.VOID:
            effect = self._void(rec)
        elif rec.kind is Kind.BACKUP:
            effect = self._backup(rec)
        elif rec.kind is Kind.BACKFILL:
            effect = self._backfill(rec)
        else:
            effect = self._coded(rec, e.cert)
        if held is not None and effect.effect == APPLIED:
            effect = replace(effect, effect=HELD, reason=held, detail=detail)
        self._account(rec, effect)
        return effect

    def _b64(self, raw: bytes) -> str:
        text = self._keys_b64.get(raw)
        if text is None:
            text = self._keys_b64[raw] = b64(raw)
        return text

    def _date(self, day: int) -> dt.date:
        d = self._dates.get(day)
        if d is None:
            d = self._dates[day] = dt.date.fromordinal(EPOCH_ORDINAL + day)
        return d

    def _refused(self, reason: Reason, detail: str = "", **kw: Any) -> Effect:
        return Effect(REFUSED, reason, detail, **kw)

    def _rules(self, rec: ParsedRecord) -> BundleRules | Effect:
        """The rules of the bundle the record names: one HQ issued, not stale at the record's time.
        (Named before it was issued: the record's time is wrong; decide() holds it for review.)"""
        b = self.bundles.get(rec.bundle_seq) if rec.bundle_seq is not None else None
        if b is None:
            return self._refused(
                Reason.BUNDLE_UNKNOWN, f"bundle {rec.bundle_seq} was never issued", member_id=rec.member_id
            )
        if rec.recorded_at // 1000 - b.issued_at > b.max_age_s:
            return self._refused(
                Reason.BUNDLE_UNKNOWN,
                f"bundle {b.sequence} was out of date at the record's time",
                member_id=rec.member_id,
            )
        return b

    def _named_too_early(self, rec: ParsedRecord) -> str:
        b = self.bundles.get(rec.bundle_seq) if rec.bundle_seq is not None else None
        if b is not None and b.issued_at > rec.recorded_at // 1000 + self.cfg.record_future_tolerance_s:
            return f"recorded {b.issued_at - rec.recorded_at // 1000} s before the bundle it names was issued"
        return ""

    def _member_state(self, rec: ParsedRecord, member_id: int, at_ms: int) -> Effect | None:
        m = self.members.get(member_id)
        if m is None:
            return self._refused(Reason.UNKNOWN_MEMBER, f"member {member_id}")
        if m.blocked_at is not None and at_ms >= m.blocked_at:
            return self._refused(Reason.MEMBER_BLOCKED, f"blocked at {m.blocked_at}", member_id=member_id)
        return None

    def _earned(
        self, rec: ParsedRecord, member_id: int, day: int, rules: AllianceRules, derived: int, capped_ok: bool
    ) -> Effect | int:
        """The points HQ credits for a claim of rec.points_earned when the rules give `derived`
        before the daily cap: never more than the rules give, and within the member's room of the
        day across the whole alliance (the first records HQ stores take it)."""
        claim = rec.points_earned
        if claim > derived or (claim < derived and not capped_ok):
            return self._refused(
                Reason.AMOUNT_NOT_PER_RULES,
                f"points_earned {claim}, the rules give {derived}",
                member_id=member_id,
            )
        if not rules.daily_earn_cap_points:
            return claim
        room = max(0, rules.daily_earn_cap_points - self.day_earned(member_id, day))
        return min(claim, room)

    def _coded(self, rec: ParsedRecord, cert: CodeCert | None) -> Effect:
        """purchase, coupon, gift: a member code HQ re-verified (examine) and now checks against
        what it issued, the single use of (serial, counter), the member's block, the rules."""
        member_id = rec.member_id
        assert member_id is not None
        problem = self.code_problem(rec, cert)
        if problem is not None:
            return problem
        claims = [f"code:{rec.cert_serial}:{rec.counter}"]
        b = self._rules(rec)
        if isinstance(b, Effect):
            b.claims = claims
            return b
        rules = b.rules
        day = local_day(rules, rec.recorded_at)
        if rec.kind is Kind.PURCHASE:
            out = self._purchase(rec, member_id, rules, day)
        elif rec.kind is Kind.COUPON:
            out = self._coupon(rec, member_id, b, rec.tier or 0)
        else:
            out = self._gift(rec, member_id, b)
        out.claims = claims
        return out

    def code_problem(self, rec: ParsedRecord, cert: CodeCert | None) -> Effect | None:
        """Why a code HQ re-verified (examine) may not be used at the record's time, before any rule:
        a certificate HQ never issued, a revoked device, (serial, counter) used already (by another
        record than this one: its own online reservation's claim is not a reuse), a blocked member.
        None: the code may be used."""
        member_id = rec.member_id
        assert cert is not None and member_id is not None and rec.cert_serial is not None
        device = self.devices.get(rec.cert_serial)
        if (
            device is None
            or device.member_id != member_id
            or device.not_after != cert.not_after
            or device.device_public_key != self._b64(cert.device_public)
        ):
            return self._refused(
                Reason.CERT_NOT_ISSUED, f"certificate {rec.cert_serial}", member_id=member_id
            )
        if device.revoked_at is not None and rec.recorded_at >= device.revoked_at:
            return self._refused(Reason.CERT_REVOKED, f"revoked at {device.revoked_at}", member_id=member_id)
        claim = f"code:{rec.cert_serial}:{rec.counter}"
        first = self.claimed(claim)
        if first is not None and not self._own(first, rec):
            return self._refused(
                Reason.CODE_REUSED,
                f"first used at {first.terminal_id} #{first.seq}",
                member_id=member_id,
                case_evidence={
                    "cert_serial": rec.cert_serial,
                    "counter": rec.counter,
                    "first_use": {"terminal_id": first.terminal_id, "seq": first.seq},
                },
            )
        problem = self._member_state(rec, member_id, rec.recorded_at)
        if problem is not None:
            problem.claims = [claim]  # the code was presented: it is used, whatever happens to the record
        return problem

    def _purchase(self, rec: ParsedRecord, member_id: int, rules: AllianceRules, day: int) -> Effect:
        derived = self._priced.pop(id(rec), None)
        if derived is None:
            derived = self._price(rec, member_id, rules, day)
        if isinstance(derived, Effect):
            return derived
        earned = self._earned(rec, member_id, day, rules, derived, rec.reason is Reason.DAILY_CAP_REACHED)
        if isinstance(earned, Effect):
            return earned
        return Effect(
            APPLIED,
            member_id=member_id,
            points_earned=earned,
            points_spent=rec.points_spent,
            points_delta=earned - rec.points_spent,
            sale_fen=rec.paid_fen,
            local_day=day,
            receipt_ref=rec.receipt_ref,
        )

    def _price(self, rec: ParsedRecord, member_id: int, rules: AllianceRules, day: int) -> Effect | int:
        """The bill as the rules price it for the member's tier and the day (discount, cash value of
        the points spent, multiplier): the points the rules give before the daily cap, or the refusal
        of a record whose amounts they do not give. Independent of the running state."""
        tier = rec.tier or 0
        date = self._date(day)
        member = self.members[member_id]
        earn = not (rules.members_only_earning and tier == 0)
        p = price(
            rules,
            tier=tier,
            bill_fen=rec.bill_fen,
            spend_points=rec.points_spent,
            ctx=EarnContext(member_day=is_member_day(rules, date)),
            earn=earn,
        )
        problem = _bill_mismatch(rec, p)
        if problem:
            return self._refused(Reason.AMOUNT_NOT_PER_RULES, problem, member_id=member_id)
        # The terminal may not know the member's birthday (it learns it with the balances): it may
        # leave the birthday multiplier out, never claim one HQ does not know.
        allowed = {p.multiplier_pct}
        if member.birthday_month == date.month:
            allowed.add(
                multiplier_pct(
                    rules, tier, EarnContext(member_day=is_member_day(rules, date), birthday_month=True)
                )
            )
        if rec.multiplier_pct not in allowed:
            return self._refused(
                Reason.AMOUNT_NOT_PER_RULES,
                f"multiplier {rec.multiplier_pct} %, the rules give "
                f"{' or '.join(map(str, sorted(allowed)))} %",
                member_id=member_id,
            )
        return p.base_points * rec.multiplier_pct // 100 if earn else 0

    def _coupon(self, rec: ParsedRecord, member_id: int, b: BundleRules, tier: int) -> Effect:
        coupon = b.coupons.get(rec.coupon_id or "")
        if coupon is None:
            return self._refused(
                Reason.COUPON_UNKNOWN, f"{rec.coupon_id} is not in bundle {b.sequence}", member_id=member_id
            )
        if int(coupon.get("min_tier", 0)) > tier:
            return self._refused(Reason.COUPON_NOT_ELIGIBLE, f"tier {tier}", member_id=member_id)
        item = f"coupon:{rec.coupon_id}"
        if coupon.get("kind", "single_use") == "single_use":
            if self.uses(item, member_id=member_id) > 0:
                return self._refused(
                    Reason.COUPON_USED,
                    f"{rec.coupon_id} already used by member {member_id}",
                    member_id=member_id,
                    case_evidence={"coupon_id": rec.coupon_id},
                )
        else:
            quota = int(coupon.get("quota", 0))
            if self.uses(item, terminal_id=self.terminal_id) >= quota:
                return self._refused(
                    Reason.COUPON_QUOTA_EXHAUSTED,
                    f"{rec.coupon_id}: this terminal's quota {quota}",
                    member_id=member_id,
                    case_evidence={"coupon_id": rec.coupon_id},
                )
            alliance = coupon.get("alliance_quota")
            if isinstance(alliance, int) and self.uses(item) >= alliance:
                return self._refused(
                    Reason.COUPON_QUOTA_EXHAUSTED,
                    f"{rec.coupon_id}: the alliance quota {alliance}",
                    member_id=member_id,
                    case_evidence={"coupon_id": rec.coupon_id},
                )
        return Effect(APPLIED, member_id=member_id, item_id=item, uses=1)

    def _gift(self, rec: ParsedRecord, member_id: int, b: BundleRules) -> Effect:
        gift = b.gifts.get(rec.gift_id or "")
        if gift is None:
            return self._refused(
                Reason.GIFT_UNKNOWN, f"{rec.gift_id} is not in bundle {b.sequence}", member_id=member_id
            )
        if rec.points_spent != int(gift.get("points", -1)):
            return self._refused(
                Reason.AMOUNT_NOT_PER_RULES,
                f"{rec.points_spent} points; the gift costs {gift.get('points')}",
                member_id=member_id,
            )
        item = f"gift:{rec.gift_id}"
        if self.uses(item, terminal_id=self.terminal_id) >= int(gift.get("stock", 0)):
            return self._refused(
                Reason.GIFT_OUT_OF_STOCK,
                f"{rec.gift_id}: this terminal's stock {gift.get('stock')}",
                member_id=member_id,
            )
        return Effect(
            APPLIED,
            member_id=member_id,
            points_spent=rec.points_spent,
            points_delta=-rec.points_spent,
            item_id=item,
            uses=1,
        )

    def _backup(self, rec: ParsedRecord) -> Effect:
        """The typed backup numeric code: HQ resolves and verifies it itself (whatever member the
        record names), once alliance-wide; priced as the terminal must (tier unknown)."""
        parts = backup_code.split(rec.backup_code or "")
        member_id = parts[0] if parts else None
        m = self.members.get(member_id) if member_id is not None else None
        at_s = rec.recorded_at // 1000
        step = None
        if m is not None and member_id is not None and m.backup_key:
            step = backup_code.matching_step(
                rec.backup_code or "", member_id, bytes.fromhex(m.backup_key), at_s
            )
        if step is None:
            return self._refused(
                Reason.BACKUP_CODE_FAILED,
                "the digits do not verify for any member at the record's time",
                case_evidence={"backup_code": rec.backup_code},
            )
        assert member_id is not None
        if rec.member_id is not None and rec.member_id != member_id:
            return self._refused(
                Reason.CODE_MISMATCH,
                f"the record names member {rec.member_id}, the code {member_id}",
                member_id=member_id,
            )
        claim = f"backup:{member_id}:{step}"
        first = self.claimed(claim)
        if first is not None:
            return self._refused(
                Reason.BACKUP_CODE_REUSED,
                f"first used at {first.terminal_id} #{first.seq}",
                member_id=member_id,
                case_evidence={
                    "backup_code": rec.backup_code,
                    "first_use": {"terminal_id": first.terminal_id, "seq": first.seq},
                },
            )
        problem = self._member_state(rec, member_id, rec.recorded_at)
        if problem is not None:
            problem.claims = [claim]
            return problem
        b = self._rules(rec)
        if isinstance(b, Effect):
            b.claims, b.member_id = [claim], member_id
            return b
        rules, lim = b.rules, b.rules.offline
        if rec.bill_fen > lim.backup_max_bill_fen or rec.points_spent > lim.backup_max_points:
            return self._refused(
                Reason.BACKUP_CODE_LIMIT,
                f"bill {rec.bill_fen}, points {rec.points_spent}",
                member_id=member_id,
                claims=[claim],
            )
        p = price(
            rules,
            tier=0,
            bill_fen=rec.bill_fen,
            spend_points=rec.points_spent,
            ctx=EarnContext(),
            earn=not rules.members_only_earning,
        )
        problem_text = _bill_mismatch(rec, p, backup=True)
        if problem_text:
            return self._refused(
                Reason.AMOUNT_NOT_PER_RULES, problem_text, member_id=member_id, claims=[claim]
            )
        day = local_day(rules, rec.recorded_at)
        # The terminal caps a backup at the whole daily cap (it cannot know the member's day).
        capped_ok = bool(rules.daily_earn_cap_points) and rec.points_earned == rules.daily_earn_cap_points
        earned = self._earned(rec, member_id, day, rules, p.points_uncapped, capped_ok)
        if isinstance(earned, Effect):
            earned.claims = [claim]
            return earned
        return Effect(
            APPLIED,
            member_id=member_id,
            points_earned=earned,
            points_spent=rec.points_spent,
            points_delta=earned - rec.points_spent,
            sale_fen=rec.paid_fen,
            local_day=day,
            claims=[claim],
        )

    def _backfill(self, rec: ParsedRecord) -> Effect:
        """A manager's backfill: no member code, so held for a person to review (the books setting
        backfill_points_before_review lets the points count meanwhile); bounded by the rules."""
        member_id = rec.member_id
        assert member_id is not None and rec.purchased_at is not None and rec.receipt_ref is not None
        problem = self._member_state(rec, member_id, rec.purchased_at * 1000)
        if problem is not None:
            return problem
        b = self._rules(rec)
        if isinstance(b, Effect):
            return b
        rules = b.rules
        age = rec.recorded_at // 1000 - rec.purchased_at
        if not 0 <= age <= rules.backfill_window_s:
            return self._refused(
                Reason.BACKFILL_TOO_OLD, f"purchased {age} s before it was entered", member_id=member_id
            )
        if self.receipt_taken(rec.receipt_ref):
            return self._refused(
                Reason.DUPLICATE_RECEIPT,
                f"receipt {rec.receipt_ref} already counted at {self.merchant_id}",
                member_id=member_id,
                case_evidence={"receipt_ref": rec.receipt_ref},
            )
        day = local_day(rules, rec.purchased_at * 1000)
        p = price(
            rules,
            tier=0,
            bill_fen=rec.bill_fen,
            ctx=EarnContext(member_day=is_member_day(rules, self._date(day))),
            earn=not rules.members_only_earning,
        )
        if not p.ok:
            return self._refused(Reason.AMOUNT_NOT_PER_RULES, p.reason.value, member_id=member_id)
        earned = self._earned(
            rec, member_id, day, rules, p.points_uncapped, rec.reason is Reason.DAILY_CAP_REACHED
        )
        if isinstance(earned, Effect):
            return earned
        effect = Effect(
            APPLIED,
            member_id=member_id,
            points_earned=earned,
            points_delta=earned,
            local_day=day,
            receipt_ref=rec.receipt_ref,
            reason=Reason.BACKFILL_HELD,
            detail="a backfill counts once HQ has reviewed it",
        )
        if not self.cfg.backfill_points_before_review:
            effect.effect = HELD
        return effect

    def _void(self, rec: ParsedRecord) -> Effect:
        """A void names an earlier counting record of the same terminal, not voided yet, within the
        void window; it reverses exactly what HQ credited for that record."""
        t = self.targets.get(rec.ref_seq or 0)
        if (
            t is None
            or t.kind not in VOIDABLE
            or t.status not in ("approved", "pending_verification")
            or t.voided
            or t.seq >= rec.seq
            or (rec.ref_kind is not None and rec.ref_kind.value != t.kind)
        ):
            return self._refused(
                Reason.VOID_TARGET_INVALID,
                f"#{rec.ref_seq}: no such voidable record of this terminal, or voided already",
            )
        window = self._current_rules().void_window_s
        if not 0 <= rec.recorded_at - t.recorded_at <= window * 1000:
            return self._refused(
                Reason.VOID_TARGET_INVALID, f"#{t.seq} is older than the void window", member_id=t.member_id
            )
        t.voided = True
        if t.effect != APPLIED:  # a held or refused record: it never counted, nothing to reverse
            return Effect(NONE, member_id=t.member_id, void_of=t.seq)
        return Effect(
            APPLIED,
            member_id=t.member_id,
            points_delta=-t.points_delta,
            points_earned=-t.points_earned,
            points_spent=-t.points_spent,
            sale_fen=-t.sale_fen,
            item_id=t.item_id,
            uses=-t.uses,
            local_day=t.local_day,
            void_of=t.seq,
        )

    def _current_rules(self) -> AllianceRules:
        if self._rules_now is None:
            b = bundle_rules(self.s, self.s.scalar(select(func.max(BundleVersion.sequence))))
            self._rules_now = b.rules if b else AllianceRules()
        return self._rules_now

    # --- the running state follows each decision
    def _account(self, rec: ParsedRecord, e: Effect) -> None:
        """Keep the running state true after deciding `rec`: its claims, its place as a void target,
        and (when applied) the balances, the day's earnings and the uses it adds."""
        for c in e.claims:
            self._claims[c] = _FirstUse(self.terminal_id, rec.seq)
        if e.effect == APPLIED and e.member_id is not None and e.points_delta:
            before = self.balance(e.member_id) if e.member_id in self.members else 0
            after = before + e.points_delta
            if abs(after) > MAX_BALANCE:
                e.effect, e.reason, e.detail = (
                    REFUSED,
                    Reason.BALANCE_OUT_OF_RANGE,
                    f"balance would be {after}",
                )
                e.points_delta = e.points_earned = e.points_spent = e.sale_fen = e.uses = 0
            else:
                self.balance_changes[e.member_id] = self.balance_changes.get(e.member_id, 0) + e.points_delta
                if e.points_delta < 0 and before >= 0 > after:
                    self.crossings.append(
                        {
                            "member_id": e.member_id,
                            "balance_before": before,
                            "balance_after": after,
                            "points_delta": e.points_delta,
                            "recorded_at": rec.recorded_at,
                            "record": {"terminal_id": self.terminal_id, "seq": rec.seq},
                        }
                    )
        if self._voids and rec.kind in VOIDABLE:  # (a later record of this batch may void it)
            self.targets[rec.seq] = _Target(
                None,
                rec.seq,
                rec.kind.value,
                rec.status.value,
                rec.recorded_at,
                e.effect,
                e.member_id,
                e.points_delta,
                e.points_earned,
                e.points_spent,
                e.sale_fen,
                e.item_id,
                e.uses,
                e.local_day,
                False,
            )
        if e.receipt_ref and (e.effect == HELD or (e.effect == APPLIED and rec.kind is Kind.BACKFILL)):
            self._receipts[e.receipt_ref] = True
        if e.effect != APPLIED:
            return
        if e.member_id is not None and e.local_day is not None and e.points_earned:
            day_key = (e.member_id, e.local_day)
            if day_key in self._day_earned:
                self._day_earned[day_key] += e.points_earned
        if e.item_id:
            for key in self._uses:
                item, term, member = key
                if item == e.item_id and term in (None, self.terminal_id) and member in (None, e.member_id):
                    self._uses[key] += e.uses
        self._applied.append(e)


def _bill_mismatch(rec: ParsedRecord, p: Pricing, backup: bool = False) -> str:
    """'' when the record's bill fields are what the rules give for its bill and points, else why."""
    if not p.ok:
        return f"{p.reason.value} for bill {rec.bill_fen}, {rec.points_spent} points"
    if (
        rec.cash_off_fen == p.cash_off_fen
        and rec.paid_fen == p.paid_fen
        and rec.points_spent == p.points_spent
        and (backup or (rec.discount_pct == p.discount_pct and rec.discount_fen == p.discount_fen))
    ):
        return ""
    for name in ("discount_pct", "discount_fen", "cash_off_fen", "paid_fen", "points_spent"):
        if getattr(rec, name) != getattr(p, name):
            return f"{name} {getattr(rec, name)}, the rules give {getattr(p, name)}"
    return ""


def case_type(reason: Reason) -> str:
    return CASE_FOR.get(reason, an.BAD_RECORD)


def case_evidence(terminal_id: str, rec_seq: int, e: Effect, parsed: ParsedRecord | None) -> dict[str, Any]:
    msg = message(e.reason) if e.reason is not None else None
    out: dict[str, Any] = {
        "terminal_id": terminal_id,
        "seq": rec_seq,
        "record": {"terminal_id": terminal_id, "seq": rec_seq},
        "reason": e.reason.value if e.reason else None,
        "message_zh": msg.zh if msg else "",
        "message_en": msg.en if msg else "",
        "detail": e.detail,
        "effect": e.effect,
    }
    if parsed is not None:
        out.update(
            kind=parsed.kind.value,
            recorded_at=parsed.recorded_at,
            claimed_points_delta=parsed.claimed_points_delta,
        )
        if parsed.kind in SALE_KINDS:
            out["bill_fen"] = parsed.bill_fen
    if e.effect == HELD:
        out["held_points_delta"] = e.points_delta
    out.update(e.case_evidence or {})
    return out
