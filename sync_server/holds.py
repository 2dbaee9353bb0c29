"""What online authorisations hold until their record arrives, as HQ's books see it.

An approved authorisation (sync_server/authorisation.py) is a row of `authorisations` in state
"held": the points it spends, the points it earns on its local day, the coupon use or gift unit
it takes (the code's claim is a row of `claims` for the same (terminal, seq)). Until the record at
that (terminal, seq) arrives, or the hold's `expires_at` passes, every decision of the books
counts it (evidence.Books): spending online is limited by the balance minus what is held, the
daily earn cap and quotas and stock include what is held. The record settles its own reservation
exactly once, in the same transaction that stores it (docs/online-authorisation.md):

    captured  the record names the authorisation, says exactly what HQ authorised, and HQ's books
              applied it: the hold becomes the record's effect (counted once, never twice)
    released  the record decided otherwise (offline after a timeout, rejected, interrupted, or
              refused/held by the books): the hold ends, the record's own effect stands
    expired   the hold ran out before its record arrived (the terminal is gone or offline): it
              stops counting; a record arriving later is decided on its own, like an offline one

`Holds` is one batch's (or one authorisation's) view: the active holds of the members and items
it touches, and this terminal's reservations at the seqs it decides.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import CursorResult, bindparam, or_, select, update
from sqlalchemy.orm import Session

from alliance_protocol import canonical
from alliance_protocol.reasons import Reason
from alliance_protocol.records import ParsedRecord

from .db.models import Authorisation, Claim
from .dialect import Prebuilt, one_of

HELD, CAPTURED, RELEASED, EXPIRED, DECLINED, ABANDONED = (
    "held",
    "captured",
    "released",
    "expired",
    "declined",
    "abandoned",
)
ONLINE_FIELDS = ("auth_id",)  # what the record adds to the body HQ authorised


@dataclass(slots=True)
class Hold:
    """One authorisations row, as the books need it."""

    id: int
    auth_id: str
    terminal_id: str
    seq: int
    state: str
    member_id: int | None
    points_spent: int
    points_earned: int
    local_day: int | None
    item_id: str | None
    uses: int
    body: str
    expires_at: int

    def active(self, now_ms: int) -> bool:
        return self.state == HELD and self.expires_at > now_ms


_COLUMNS = (
    Authorisation.id,
    Authorisation.auth_id,
    Authorisation.terminal_id,
    Authorisation.seq,
    Authorisation.state,
    Authorisation.member_id,
    Authorisation.points_spent,
    Authorisation.points_earned,
    Authorisation.local_day,
    Authorisation.item_id,
    Authorisation.uses,
    Authorisation.body,
    Authorisation.expires_at,
)


def _active(which: Any) -> Any:
    """The holds still running (value: now) of `which`."""
    return (Authorisation.state == HELD) & (Authorisation.expires_at > bindparam("now")) & which


def _holds(with_seqs: bool, with_members: bool) -> Prebuilt[Any]:
    """Holds.__init__'s one read (values: terminal, seqs, members, now): the terminal's holds still
    running, its reservations at `seqs` (any state), the holds of `members` still running."""

    def build(dialect: str) -> Any:
        where = [_active(Authorisation.terminal_id == bindparam("terminal"))]
        if with_seqs:
            where.append(
                (Authorisation.terminal_id == bindparam("terminal"))
                & one_of(dialect, Authorisation.seq, "seqs")
            )
        if with_members:
            where.append(_active(one_of(dialect, Authorisation.member_id, "members")))
        return select(*_COLUMNS).where(or_(*where))

    return Prebuilt(build)


_HOLDS = {(a, b): _holds(a, b) for a in (False, True) for b in (False, True)}


def _active_of(column: Any) -> Prebuilt[Any]:
    """The holds still running of a list of members or items (values: values, now)."""
    return Prebuilt(lambda d: select(*_COLUMNS).where(_active(one_of(d, column, "values"))))


_ACTIVE_BY_MEMBER, _ACTIVE_BY_ITEM = _active_of(Authorisation.member_id), _active_of(Authorisation.item_id)


# Holds.write's statements (a reservation settled, or only noted; its claims given the record). (b_:
# SQLAlchemy keeps a column's own name for the value it sets)
_NOTE = (
    update(Authorisation)
    .where(Authorisation.id == bindparam("hold"))
    .values(record_id=bindparam("b_record_id"), note=bindparam("b_note"))
)
_SETTLE = (
    update(Authorisation)
    .where(Authorisation.id == bindparam("hold"))
    .values(
        record_id=bindparam("b_record_id"),
        note=bindparam("b_note"),
        state=bindparam("b_state"),
        settled_at=bindparam("b_settled_at"),
    )
)
_CLAIMS_RECORDED = (
    update(Claim)
    .where(
        Claim.terminal_id == bindparam("terminal"), Claim.seq == bindparam("b_seq"), Claim.record_id.is_(None)
    )
    .values(record_id=bindparam("b_record_id"))
)


def authorised_text(body: dict[str, Any]) -> str:
    """The canonical text HQ compares: the record's body without what the answer added to it."""
    return canonical.dumps({k: v for k, v in body.items() if k not in ONLINE_FIELDS}).decode()


class Holds:
    """Active holds touching `members` and `items` (any terminal), and `terminal_id`'s reservations
    at `seqs` (any state). Sums skip a hold once its own record is being decided (`begin`)."""

    def __init__(
        self, s: Session, terminal_id: str, seqs: list[int], members: set[int], items: set[str], now_ms: int
    ) -> None:
        self.s, self.terminal_id, self.now_ms = s, terminal_id, now_ms
        self.own: dict[int, Hold] = {}
        self._active: dict[int, Hold] = {}
        self._members: set[int] = set()
        self._items: set[str] = set()
        self._settling: set[int] = set()  # ids whose record is decided in this transaction
        self.outcomes: dict[int, tuple[Hold, str, str]] = {}  # seq -> (hold, new state, note)
        self.held_by_terminal = 0  # this terminal's holds still running
        # One read: this terminal's reservations at these seqs (any state), its holds still running,
        # and the active holds of these members (an item's are read when first asked for).
        query = _HOLDS[bool(seqs), bool(members)].of(s)
        values = {"terminal": terminal_id, "seqs": sorted(seqs), "members": sorted(members), "now": now_ms}
        for row in s.execute(query, values):
            hold = Hold(*tuple(row))
            if row.terminal_id == terminal_id and row.seq in seqs:
                self.own[row.seq] = hold
            if hold.active(now_ms):
                self.held_by_terminal += row.terminal_id == terminal_id
                if row.member_id in members:
                    self._active[row.id] = hold
        self._members |= members
        self._load(set(), items)

    def _load(self, members: set[int], items: set[str]) -> None:
        members, items = members - self._members, items - self._items
        if members:
            self._take(_ACTIVE_BY_MEMBER, sorted(members))
            self._members |= members
        if items:
            self._take(_ACTIVE_BY_ITEM, sorted(items))
            self._items |= items

    def _take(self, query: Prebuilt[Any], values: list[Any]) -> None:
        for row in self.s.execute(query.of(self.s), {"values": values, "now": self.now_ms}):
            self._active.setdefault(row.id, Hold(*tuple(row)))

    def _counting(self) -> list[Hold]:
        return [h for h in self._active.values() if h.id not in self._settling]

    # --- what is held (the books add these to what records applied)
    def spent(self, member_id: int) -> int:
        self._load({member_id}, set())
        return sum(h.points_spent for h in self._counting() if h.member_id == member_id)

    def earned(self, member_id: int, day: int) -> int:
        self._load({member_id}, set())
        return sum(
            h.points_earned for h in self._counting() if h.member_id == member_id and h.local_day == day
        )

    def balance_change(self, member_id: int) -> int:
        """What every held transaction of the member will do to the balance once captured."""
        self._load({member_id}, set())
        return sum(h.points_earned - h.points_spent for h in self._counting() if h.member_id == member_id)

    def uses(self, item: str, terminal_id: str | None = None, member_id: int | None = None) -> int:
        self._load(set(), {item})
        return sum(
            h.uses
            for h in self._counting()
            if h.item_id == item and terminal_id in (None, h.terminal_id) and member_id in (None, h.member_id)
        )

    # --- the record at (terminal, seq) settles its own reservation
    def begin(self, seq: int) -> Hold | None:
        """The record at `seq` is being decided: its own reservation's hold stops counting (for it
        and for every later decision); it becomes the record's effect, or nothing."""
        own = self.own.get(seq)
        if own is not None:
            self._settling.add(own.id)
        return own

    def problem(self, own: Hold | None, rec: ParsedRecord | None, body: Any) -> tuple[Reason, str] | None:
        """A record that names an authorisation it cannot capture: refused (nothing moves)."""
        if rec is None or rec.auth_id is None:
            return None  # decided offline (or not even a record): any reservation is released
        if own is None or own.auth_id != rec.auth_id:
            return Reason.AUTHORISATION_UNKNOWN, f"{rec.auth_id} is not HQ's authorisation of #{rec.seq}"
        if not rec.counts:
            return None  # the terminal did not approve it after all: released
        if own.state in (DECLINED, ABANDONED):
            return Reason.AUTHORISATION_MISMATCH, f"HQ's decision for #{rec.seq} was {own.state}"
        if not isinstance(body, dict) or authorised_text(body) != own.body:
            return (
                Reason.AUTHORISATION_MISMATCH,
                f"#{rec.seq} is not the record HQ authorised as {own.auth_id}",
            )
        return None

    def end(self, own: Hold | None, rec: ParsedRecord | None, effect: str, reason: Reason | None) -> None:
        """Say what the decided record did to its reservation (written by `write`)."""
        if own is None:
            return
        if own.state != HELD:
            self.outcomes[own.seq] = (own, own.state, f"its record arrived ({effect})")
        elif own.expires_at <= self.now_ms:
            self.outcomes[own.seq] = (
                own,
                EXPIRED,
                f"the hold had ended; the record arrived later and was decided on its own ({effect})",
            )
        elif rec is not None and rec.auth_id == own.auth_id and rec.counts and effect == "applied":
            self.outcomes[own.seq] = (own, CAPTURED, "")
        elif rec is None or rec.auth_id is None:
            self.outcomes[own.seq] = (own, RELEASED, f"the record was decided offline ({effect})")
        elif not rec.counts:
            self.outcomes[own.seq] = (own, RELEASED, f"the terminal did not approve it ({rec.reason.value})")
        else:
            self.outcomes[own.seq] = (
                own,
                RELEASED,
                f"the record was {effect}{': ' + reason.value if reason else ''}",
            )

    def write(self, ids: dict[int, int]) -> None:
        """Inside the ingest transaction: each settled reservation's new state and record, and the
        record id on the claims the reservation took."""
        for seq, (hold, state, note) in sorted(self.outcomes.items()):
            record_id = ids.get(seq)
            values: dict[str, Any] = {"hold": hold.id, "b_record_id": record_id, "b_note": note[:200]}
            if state != hold.state:
                values.update(b_state=state, b_settled_at=self.now_ms)
                self.s.execute(_SETTLE, values)
            else:
                self.s.execute(_NOTE, values)
            if record_id is not None:
                self.s.execute(
                    _CLAIMS_RECORDED,
                    {"terminal": hold.terminal_id, "b_seq": seq, "b_record_id": record_id},
                )


def expire_due(s: Session, now_ms: int) -> int:
    """Holds past their end whose record never came: state "expired" (they already stopped
    counting at `expires_at`; this makes the books and the HQ page say so)."""
    result = s.execute(
        update(Authorisation)
        .where(Authorisation.state == HELD, Authorisation.expires_at <= now_ms)
        .values(state=EXPIRED, settled_at=now_ms, note="no record arrived before the hold ended")
    )
    assert isinstance(result, CursorResult)  # what an UPDATE gives (Session.execute is typed Result)
    return result.rowcount or 0


def answer_of(row: Authorisation) -> dict[str, Any]:
    return json.loads(row.answer)


def books_view(
    s: Session, now_ms: int, merchant_id: str | None = None, recent: int = 50, since_ms: int | None = None
) -> dict[str, Any]:
    """What HQ's page shows of online authorisation (sync_server/hq_page.py): reservations by state
    since `since_ms` (default: the last 24 h; "held" split into still holding and past their end),
    records by the path that decided them, and the `recent` newest reservations."""
    from sqlalchemy import func

    from .db.models import Record

    since = now_ms - 86_400_000 if since_ms is None else since_ms
    q = select(Authorisation.state, func.count()).where(Authorisation.created_at >= since)
    held_past = (
        select(func.count())
        .select_from(Authorisation)
        .where(Authorisation.state == HELD, Authorisation.expires_at <= now_ms)
    )
    paths = select(Record.decided_by, func.count()).where(
        Record.received_at >= since, Record.kind.in_(("purchase", "coupon", "gift"))
    )
    rows = select(Authorisation).order_by(Authorisation.id.desc()).limit(recent)
    if merchant_id is not None:
        q = q.where(Authorisation.merchant_id == merchant_id)
        held_past = held_past.where(Authorisation.merchant_id == merchant_id)
        paths = paths.where(Record.merchant_id == merchant_id)
        rows = rows.where(Authorisation.merchant_id == merchant_id)
    states = dict(s.execute(q.group_by(Authorisation.state)).all())
    by_path: dict[str, int] = {}
    for path, n in s.execute(paths.group_by(Record.decided_by)).all():
        key = path or "offline"  # records from before online authorisation say nothing: offline
        by_path[key] = by_path.get(key, 0) + n
    return {
        "states": {
            k: int(states.get(k, 0)) for k in (HELD, CAPTURED, RELEASED, EXPIRED, DECLINED, ABANDONED)
        },
        "held_past_end": int(s.scalar(held_past) or 0),
        "paths": by_path,
        "recent": s.scalars(rows).all(),
    }
