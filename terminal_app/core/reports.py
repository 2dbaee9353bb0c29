"""Shift reports a manager hands in: X (mid-shift, nothing closes) and Z (the shift's close).

    x = x_report(store, manager="王经理")             # the open shift so far
    zs = z_reports(store)                             # every closed shift, newest first
    totals = shift_totals(tx, shift)                  # the one computation of a shift's totals
    ShiftClose(manager, manager_id)                   # the close decision (TerminalService.close_shift)

`shift_totals` is the single implementation of what a shift adds up to; the ShiftClose decision
writes it into the signed "shift_close" record, and the X report and the earlier Z reports show it
from the same journal rows. Qt-free; amounts in fen, points as integers, times in unix seconds.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, ClassVar

from alliance_protocol import records
from alliance_protocol.records import CODE_KINDS, COUNTING, VOIDABLE, DecidedBy, Kind
from terminal_app.store import Key, Store, Tx

from .decisions.base import Outcome, approved, manager_id_field
from .terms import Terms

PATH_KINDS = frozenset(k.value for k in CODE_KINDS)


def shift_totals(tx: Tx, shift: int) -> dict[str, Any]:
    """Counts per kind:status and per path that decided ("decided:online", "decided:offline",
    "decided:offline_near_limit"), and the money and points of the records that count (approved or
    pending, not voided) in `shift`."""
    rows = tx.journal.shift_rows(shift)
    counts: dict[str, int] = {}
    earned = spent = bill = paid = discount = cash_off = voids = rejected = 0
    first: int | None = None
    last: int | None = None
    for kind, status, voided_by, pe, ps, recorded_at, b in rows:
        counts[f"{kind}:{status}"] = counts.get(f"{kind}:{status}", 0) + 1
        if kind in PATH_KINDS:  # which path decided it (none said: offline, before online authorisation)
            path = f"decided:{b.get('decided_by') or DecidedBy.OFFLINE.value}"
            counts[path] = counts.get(path, 0) + 1
        first = recorded_at if first is None else min(first, recorded_at)
        last = recorded_at if last is None else max(last, recorded_at)
        if status == "rejected":
            rejected += 1
        if kind == "void" and status == "approved":
            voids += 1
        if status in COUNTING and voided_by is None and kind in VOIDABLE:
            earned += pe
            spent += ps
            bill += int(b.get("bill_fen") or 0)
            paid += int(b.get("paid_fen") or 0)
            discount += int(b.get("discount_fen") or 0)
            cash_off += int(b.get("cash_off_fen") or 0)
    return {
        "counts": counts,
        "points_earned": earned,
        "points_spent": spent,
        "bill_fen": bill,
        "paid_fen": paid,
        "discount_fen": discount,
        "cash_off_fen": cash_off,
        "voids": voids,
        "rejected": rejected,
        "records": len(rows),
        "first_at": None if first is None else first // 1000,
        "last_at": None if last is None else last // 1000,
    }


@dataclass(frozen=True)
class ShiftClose:
    """The decision to close the open shift: a "shift_close" record with its totals (the ones in
    `totals`), and the next shift opened in the same transaction."""

    manager: str
    manager_id: int | None = None
    kind: ClassVar[Kind] = Kind.SHIFT_CLOSE

    def decide(self, tx: Tx, terms: Terms, now: float) -> Outcome:
        shift = tx.state.shift()
        t = shift_totals(tx, shift)  # the one computation of a shift's totals (X and Z reports too)
        totals = {
            "closed_at": int(now * 1000) // 1000,
            "counts": t["counts"],
            "points_earned": t["points_earned"],
            "points_spent": t["points_spent"],
            "bill_fen": t["bill_fen"],
            "paid_fen": t["paid_fen"],
            "voids": t["voids"],
            "rejected": t["rejected"],
        }
        tx.state.put(Key.SHIFT, shift + 1)
        return approved(
            {
                "shift": shift,
                "manager": records.clean_text(self.manager),
                "manager_id": manager_id_field(self.manager_id),
                "totals": totals,
            }
        )


@dataclass(frozen=True)
class ShiftReport:
    kind: str  # "X" (the open shift so far) or "Z" (a closed shift)
    shift: int
    terminal_id: str
    merchant_id: str
    merchant_name: str
    manager: str  # who printed the X report / who closed the shift
    period_from: int | None  # unix s: the previous close (or the shift's first record)
    period_to: int  # unix s: now (X) or the close (Z)
    totals: dict[str, Any] = field(default_factory=dict)
    seq: int | None = None  # the Z report's shift_close record
    queued: int | None = None  # records not on the server yet (when known)

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _identity(store: Store) -> tuple[str, str, str]:
    ident = store.identity()
    if ident is None:
        return "", "", ""
    return ident.terminal_id, ident.merchant_id, getattr(ident, "merchant_name", "") or ""


def _closes(tx: Tx) -> list[tuple[int, int, dict[str, Any]]]:
    """(seq, shift, body) of every shift_close record, oldest first."""
    return [(seq, int(b.get("shift", 0)), b) for seq, b in tx.journal.shift_closes()]


def x_report(store: Store, manager: str, now: float | None = None) -> ShiftReport:
    """The open shift so far (nothing is closed or written)."""
    now = time.time() if now is None else now
    with store.read() as tx:
        shift = tx.state.shift()
        totals = shift_totals(tx, shift)
        closes = _closes(tx)
        queued = tx.outbox.count()
    since = _closed_at(closes[-1][2]) if closes else totals["first_at"]
    tid, mid, mname = _identity(store)
    return ShiftReport("X", shift, tid, mid, mname, manager, since, int(now), totals, None, queued)


def _closed_at(body: dict[str, Any]) -> int | None:
    t = body.get("totals") or {}
    if isinstance(t.get("closed_at"), int):
        return int(t["closed_at"])
    return int(body["recorded_at"]) // 1000 if isinstance(body.get("recorded_at"), int) else None


def z_reports(store: Store, limit: int = 100) -> list[ShiftReport]:
    """Every closed shift's Z report, newest first (from the journal's shift_close records)."""
    tid, mid, mname = _identity(store)
    out = []
    with store.read() as tx:
        closes = _closes(tx)
        previous: int | None = None
        for seq, shift, body in closes:
            totals = shift_totals(tx, shift)
            closed_at = _closed_at(body) or 0
            out.append(
                ShiftReport(
                    "Z",
                    shift,
                    tid,
                    mid,
                    mname,
                    str(body.get("manager") or ""),
                    previous if previous is not None else totals["first_at"],
                    closed_at,
                    totals,
                    seq,
                )
            )
            previous = closed_at
    return list(reversed(out))[:limit]
