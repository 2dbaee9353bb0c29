"""The journal record schema: every kind, status and field, typed and bounded (one implementation).

The terminal validates every body it seals with `parse` (terminal_app/core/journal.py), and HQ
parses every body it receives with it (sync_server/ingest.py); reconciliation, settlement, tiers
and the HQ page read the parsed fields (or the typed columns ingest derived from them), never the
text. A body that fails the schema is stored exactly as signed, flagged RECORD_SCHEMA_INVALID,
and moves nothing.

Rules of the schema:
  - `kind`, `status` and `reason` are enums (Kind, Status, alliance_protocol.reasons.Reason).
  - Integers are Python ints (never bool, never float, never a string) inside explicit bounds:
    amounts and points 0..MAX_FEN / MAX_POINTS (far below 2**53), times within 2020..2100,
    ids within the member code's field widths.
  - Strings are bounded and hold no control characters (a NUL cannot reach a database column).
  - Only `totals` (shift close) nests, one level, with bounded size.
  - Each (kind, status) has its required and allowed fields; anything else is refused.

Derived quantities are computed here once: `claimed_points_delta` (what the terminal says the
record does to the member's points), `claimed_paid_fen`, `void_target` (the seq a void names).
Whether HQ agrees is HQ's business (sync_server/evidence.py): these are claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .member_code import MAX_U32, MAX_U48, TEXT_LEN
from .reasons import Reason

MAX_FEN = 10**11  # one bill: 1,000,000,000 yuan; far below 2**53 (9.0e15)
MAX_POINTS = 10**11
MAX_TOTAL = 10**15  # sums in a shift-close report
MAX_SEQ = 10**15
MIN_TIME_S = 1_577_836_800  # 2020-01-01T00:00:00Z
MAX_TIME_S = 4_102_444_800  # 2100-01-01T00:00:00Z
MIN_TIME_MS, MAX_TIME_MS = MIN_TIME_S * 1000, MAX_TIME_S * 1000
MAX_MULTIPLIER_PCT = 100_000
TEXT_MAX = 64  # receipt references, manager names, catalogue ids
DETAIL_MAX = 200

ID_RE = re.compile(r"[A-Za-z0-9_.-]{1,64}")
HEX_RE = re.compile(r"[0-9a-f]+")
CODE_RE = re.compile(r"LM1[0-9A-Z]+")
DIGITS_RE = re.compile(r"[0-9]{6,20}")
AUTH_ID_RE = re.compile(r"A[0-9a-f]{20}")  # HQ's authorisation id (sync_server/authorisation.py)
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


class Kind(StrEnum):
    SCAN = "scan"  # a scan the verifier rejected
    PURCHASE = "purchase"
    COUPON = "coupon"
    GIFT = "gift"
    BACKUP = "backup"  # the backup numeric code, typed
    BACKFILL = "backfill"
    VOID = "void"
    SHIFT_CLOSE = "shift_close"


class DecidedBy(StrEnum):
    """Which path decided a code-backed transaction (docs/online-authorisation.md). Absent: offline
    (every record written before online authorisation existed)."""

    ONLINE = "online"  # HQ authorised it in real time (the record names HQ's auth_id)
    OFFLINE = "offline"  # the terminal, within its offline limits
    OFFLINE_NEAR_LIMIT = "offline_near_limit"  # the terminal, with an offline limit (nearly) used up


class Status(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    PENDING = "pending_verification"


CODE_KINDS = frozenset({Kind.PURCHASE, Kind.COUPON, Kind.GIFT})  # carry a verified member code
SALE_KINDS = frozenset({Kind.PURCHASE, Kind.BACKUP})  # a member sale (paid_fen counts)
VOIDABLE = frozenset({Kind.PURCHASE, Kind.COUPON, Kind.GIFT, Kind.BACKUP, Kind.BACKFILL})
COUNTING = frozenset({Status.APPROVED, Status.PENDING})  # statuses whose amounts apply


class SchemaError(ValueError):
    """A body the schema refuses; `field` names the first offending field."""

    reason = Reason.RECORD_SCHEMA_INVALID

    def __init__(self, field_name: str, detail: str) -> None:
        super().__init__(f"{field_name}: {detail}")
        self.field = field_name


# --- field checks: each returns the value or raises SchemaError
Check = Callable[[str, Any], Any]


def _int(lo: int, hi: int) -> Check:
    def check(name: str, v: Any) -> int:
        if type(v) is not int:
            raise SchemaError(name, f"must be an integer, got {type(v).__name__}")
        if not lo <= v <= hi:
            raise SchemaError(name, f"{v} outside {lo}..{hi}")
        return v

    check.bounds = (lo, hi)  # type: ignore[attr-defined]  # parse() checks integers inline with these
    return check


def _text(max_len: int, pattern: re.Pattern[str] | None = None, exact: int | None = None) -> Check:
    def check(name: str, v: Any) -> str:
        if type(v) is not str:
            raise SchemaError(name, f"must be text, got {type(v).__name__}")
        if not v or len(v) > max_len or (exact is not None and len(v) != exact):
            raise SchemaError(name, f"length {len(v)} not allowed")
        if pattern is not None:
            if not pattern.fullmatch(v):
                raise SchemaError(name, "characters not allowed")
        elif CONTROL_RE.search(v):
            raise SchemaError(name, "control characters not allowed")
        return v

    return check


def _enum(enum: type[StrEnum]) -> Check:
    values = {e.value: e for e in enum}

    def check(name: str, v: Any) -> Any:
        if type(v) is not str or v not in values:
            raise SchemaError(name, f"unknown value {str(v)[:40]!r}")
        return values[v]

    return check


def _true(name: str, v: Any) -> bool:
    if v is not True:
        raise SchemaError(name, "must be true")
    return True


def _totals(name: str, v: Any) -> dict[str, Any]:
    if type(v) is not dict:
        raise SchemaError(name, "must be an object")
    allowed = {"closed_at": _int(0, MAX_TIME_S), "points_earned": _int(0, MAX_TOTAL),
               "points_spent": _int(0, MAX_TOTAL), "bill_fen": _int(0, MAX_TOTAL),
               "paid_fen": _int(0, MAX_TOTAL), "voids": _int(0, MAX_SEQ), "rejected": _int(0, MAX_SEQ)}
    for key, value in v.items():
        if key == "counts":
            if type(value) is not dict or len(value) > 64:
                raise SchemaError(f"{name}.counts", "must be an object of at most 64 entries")
            for ck, cv in value.items():
                _text(40)(f"{name}.counts", ck)
                _int(0, MAX_SEQ)(f"{name}.counts.{ck}", cv)
        elif key in allowed:
            allowed[key](f"{name}.{key}", value)
        else:
            raise SchemaError(f"{name}.{key}", "unknown field")
    return v


_fen, _points = _int(0, MAX_FEN), _int(0, MAX_POINTS)
FIELDS: dict[str, Check] = {
    "terminal_id": _text(64, ID_RE), "merchant_id": _text(32, ID_RE), "seq": _int(1, MAX_SEQ),
    "prev_hash": _text(64, HEX_RE, exact=64), "recorded_at": _int(MIN_TIME_MS, MAX_TIME_MS),
    "kind": _enum(Kind), "status": _enum(Status), "reason": _enum(Reason), "shift": _int(1, MAX_SEQ),
    "detail": _text(DETAIL_MAX),
    # the member code's facts and the code itself
    "member_id": _int(0, MAX_U48), "cert_serial": _int(0, MAX_U48), "counter": _int(0, MAX_U32),
    "code_time": _int(0, MAX_U32), "tier": _int(0, 3), "code": _text(TEXT_LEN, CODE_RE, exact=TEXT_LEN),
    "bundle_seq": _int(0, MAX_SEQ),
    # a bill
    "bill_fen": _fen, "discount_pct": _int(0, 100), "discount_fen": _fen, "cash_off_fen": _fen,
    "paid_fen": _fen, "points_spent": _points, "points_earned": _points, "points_requested": _points,
    "multiplier_pct": _int(0, MAX_MULTIPLIER_PCT), "receipt_ref": _text(TEXT_MAX),
    # catalogue, backup code, manager actions
    "coupon_id": _text(TEXT_MAX), "gift_id": _text(TEXT_MAX), "backup_code": _text(20, DIGITS_RE),
    "purchased_at": _int(MIN_TIME_S, MAX_TIME_S), "manager": _text(TEXT_MAX), "manager_id": _text(TEXT_MAX),
    "void_reason": _text(DETAIL_MAX), "review": _true, "ref_seq": _int(1, MAX_SEQ), "ref_kind": _enum(Kind),
    "reversed_points_earned": _points, "reversed_points_spent": _points,
    # a rejected scan: what was read (never the text itself)
    "input_len": _int(0, 10**7), "input_sha256": _text(16, HEX_RE, exact=16),
    "totals": _totals,
    # online authorisation: which path decided, and HQ's authorisation id the record captures
    "decided_by": _enum(DecidedBy), "auth_id": _text(21, AUTH_ID_RE, exact=21),
}

COMMON = frozenset({"terminal_id", "merchant_id", "seq", "prev_hash", "recorded_at", "kind", "status",
                    "reason"})
OPTIONAL_COMMON = frozenset({"shift", "detail"})
FACTS = frozenset({"member_id", "cert_serial", "counter", "code_time", "tier"})
BILL = frozenset({"bill_fen", "discount_pct", "discount_fen", "cash_off_fen", "paid_fen", "points_spent",
                  "points_earned", "multiplier_pct"})
MANAGER = frozenset({"manager", "manager_id"})  # who did it (a name, and the manager's id where known)


def _shape(required: set[str] | frozenset[str], optional: set[str] | frozenset[str] = frozenset()
           ) -> tuple[frozenset[str], frozenset[str]]:
    req = frozenset(required) | COMMON
    return req, req | frozenset(optional) | OPTIONAL_COMMON


_CODED = FACTS | {"code"}
ONLINE = frozenset({"decided_by", "auth_id"})  # optional on the kinds HQ may authorise online
SHAPES: dict[tuple[Kind, Status], tuple[frozenset[str], frozenset[str]]] = {
    (Kind.SCAN, Status.REJECTED): _shape(set(), FACTS | {"input_len", "input_sha256", "decided_by"}),
    (Kind.PURCHASE, Status.APPROVED): _shape(_CODED | {"bundle_seq"} | BILL, {"receipt_ref"} | ONLINE),
    (Kind.PURCHASE, Status.REJECTED): _shape(set(), _CODED | {"bundle_seq", "receipt_ref", "points_requested"}
                                             | BILL | ONLINE),
    (Kind.COUPON, Status.APPROVED): _shape(_CODED | {"bundle_seq", "coupon_id"}, ONLINE),
    (Kind.COUPON, Status.REJECTED): _shape(set(), _CODED | {"bundle_seq", "coupon_id"} | ONLINE),
    (Kind.GIFT, Status.APPROVED): _shape(_CODED | {"bundle_seq", "gift_id", "points_spent"}, ONLINE),
    (Kind.GIFT, Status.REJECTED): _shape(set(), _CODED | {"bundle_seq", "gift_id", "points_requested"}
                                         | ONLINE),
    (Kind.BACKUP, Status.PENDING): _shape({"backup_code", "bundle_seq", "bill_fen", "cash_off_fen",
                                           "paid_fen", "points_spent", "points_earned"}, {"member_id"}),
    (Kind.BACKUP, Status.REJECTED): _shape(set(), {"backup_code", "bundle_seq", "bill_fen"}),
    (Kind.BACKFILL, Status.APPROVED): _shape({"member_id", "bill_fen", "receipt_ref", "purchased_at",
                                             "points_earned", "review", "bundle_seq"}, MANAGER),
    (Kind.BACKFILL, Status.REJECTED): _shape(set(), {"member_id", "bill_fen", "receipt_ref", "purchased_at",
                                                     "manager", "bundle_seq"} | MANAGER),
    (Kind.VOID, Status.APPROVED): _shape({"ref_seq", "ref_kind", "reversed_points_earned",
                                          "reversed_points_spent"},
                                         {"member_id", "void_reason"} | MANAGER),
    (Kind.VOID, Status.REJECTED): _shape(set(), {"ref_seq", "manager", "void_reason"} | MANAGER),
    (Kind.SHIFT_CLOSE, Status.APPROVED): _shape({"shift", "totals"}, MANAGER),
}


@dataclass(slots=True)
class ParsedRecord:
    """A body that passed the schema; absent numbers are 0 and absent texts None. Read-only by
    convention (not frozen: HQ builds hundreds of these per batch, and a frozen init costs 4x)."""

    terminal_id: str
    merchant_id: str
    seq: int
    prev_hash: str
    recorded_at: int  # unix ms, the terminal's server-corrected clock
    kind: Kind
    status: Status
    reason: Reason
    shift: int = 0
    member_id: int | None = None
    cert_serial: int | None = None
    counter: int | None = None
    code_time: int | None = None
    tier: int | None = None
    code: str | None = None
    bundle_seq: int | None = None
    bill_fen: int = 0
    discount_pct: int = 0
    discount_fen: int = 0
    cash_off_fen: int = 0
    paid_fen: int = 0
    points_spent: int = 0
    points_earned: int = 0
    points_requested: int = 0
    multiplier_pct: int = 0
    receipt_ref: str | None = None
    coupon_id: str | None = None
    gift_id: str | None = None
    backup_code: str | None = None
    purchased_at: int | None = None
    manager: str | None = None
    manager_id: str | None = None
    review: bool = False
    ref_seq: int | None = None
    ref_kind: Kind | None = None
    reversed_points_earned: int = 0
    reversed_points_spent: int = 0
    totals: dict[str, Any] | None = field(default=None, compare=False)
    decided_by: DecidedBy | None = None  # None: offline (written before online authorisation)
    auth_id: str | None = None  # HQ's authorisation this record captures (decided online)

    @property
    def counts(self) -> bool:
        """The status is one whose amounts apply (approved, or pending the server's verification)."""
        return self.status in COUNTING

    @property
    def claimed_points_delta(self) -> int:
        """What the terminal says the record does to the member's points."""
        if self.kind is Kind.VOID:
            if self.status is not Status.APPROVED:
                return 0
            return self.reversed_points_spent - self.reversed_points_earned
        return self.points_earned - self.points_spent if self.counts else 0

    @property
    def claimed_paid_fen(self) -> int:
        return self.paid_fen if self.kind in SALE_KINDS and self.counts else 0

    @property
    def void_target(self) -> int | None:
        return self.ref_seq if self.kind is Kind.VOID and self.status is Status.APPROVED else None


_KEEP = frozenset(f for f in ParsedRecord.__dataclass_fields__) & frozenset(FIELDS)
_BOUNDS: dict[str, tuple[int, int]] = {n: c.bounds for n, c in FIELDS.items() if hasattr(c, "bounds")}


def parse(body: Any) -> ParsedRecord:
    """The typed record, or SchemaError naming the first field that is wrong."""
    if type(body) is not dict:
        raise SchemaError("body", "must be an object")
    kind = FIELDS["kind"]("kind", body.get("kind"))
    status = FIELDS["status"]("status", body.get("status"))
    shape = SHAPES.get((kind, status))
    if shape is None:
        raise SchemaError("status", f"a {kind.value} record cannot be {status.value}")
    required, allowed = shape
    values: dict[str, Any] = {}
    bounds_of, keep = _BOUNDS, _KEEP
    for name, value in body.items():
        if name not in allowed:
            raise SchemaError(str(name)[:40], f"not a field of a {kind.value} {status.value} record")
        bounds = bounds_of.get(name)
        if bounds is None:
            value = FIELDS[name](name, value)
        elif type(value) is not int or not bounds[0] <= value <= bounds[1]:
            FIELDS[name](name, value)  # raises, saying why
        if name in keep:
            values[name] = value
    missing = required - body.keys()
    if missing:
        raise SchemaError(sorted(missing)[0], "missing")
    return ParsedRecord(**values)


def try_parse(body: Any) -> ParsedRecord | SchemaError:
    try:
        return parse(body)
    except SchemaError as exc:
        return exc


# --- for the terminal: the fields of a priced bill, and values that go into a body only when valid
def bill_fields(p: Any) -> dict[str, int]:
    """The approved-bill fields of a purchase from its `alliance_protocol.pricing.Pricing`."""
    return {"discount_pct": p.discount_pct, "discount_fen": p.discount_fen, "cash_off_fen": p.cash_off_fen,
            "paid_fen": p.paid_fen, "points_spent": p.points_spent, "points_earned": p.points_earned,
            "multiplier_pct": p.multiplier_pct}


# --- for the terminal: values that go into a body only when the schema allows them
def int_or_none(value: Any, lo: int = 0, hi: int = MAX_FEN) -> int | None:
    """An integer inside [lo, hi], else None (the field is then left out of the body)."""
    return value if type(value) is int and lo <= value <= hi else None


def clean_text(value: Any, max_len: int = TEXT_MAX) -> str | None:
    """Free text typed by a person: control characters removed, trimmed, bounded; None if empty."""
    text = CONTROL_RE.sub("", str(value if value is not None else "")).strip()[:max_len]
    return text or None
