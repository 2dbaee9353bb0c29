"""Shift reports a manager hands in: X (mid-shift, nothing closes) and Z (the shift's close).

    x = x_report(store, manager="王经理")             # the open shift so far
    zs = z_reports(store)                             # every closed shift, newest first
    totals = shift_totals(session, shift)             # the one computation of a shift's totals

`shift_totals` is the single implementation of what a shift adds up to; TerminalService.close_shift
writes it into the signed "shift_close" record, and the X report and the earlier Z reports show it
from the same journal rows. Qt-free; amounts in fen, points as integers, times in unix seconds.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from terminal_app.store import Store
from terminal_app.store.models import JournalRow

from . import ledger

VOIDABLE = ("purchase", "coupon", "gift", "backup", "backfill")


def shift_totals(session: Session, shift: int) -> dict[str, Any]:
    """Counts per kind:status and the money and points of the records that count (approved or
    pending, not voided) in `shift`."""
    rows = session.execute(
        select(
            JournalRow.kind,
            JournalRow.status,
            JournalRow.voided_by,
            JournalRow.points_earned,
            JournalRow.points_spent,
            JournalRow.recorded_at,
            JournalRow.body,
        ).where(JournalRow.shift == shift, JournalRow.kind != "shift_close")
    ).all()
    counts: dict[str, int] = {}
    earned = spent = bill = paid = discount = cash_off = voids = rejected = 0
    first = last = None
    for kind, status, voided_by, pe, ps, recorded_at, body in rows:
        counts[f"{kind}:{status}"] = counts.get(f"{kind}:{status}", 0) + 1
        first = recorded_at if first is None else min(first, recorded_at)
        last = recorded_at if last is None else max(last, recorded_at)
        if status == "rejected":
            rejected += 1
        if kind == "void" and status == "approved":
            voids += 1
        if status in ledger.COUNTING and voided_by is None and kind in VOIDABLE:
            earned += pe
            spent += ps
            b = json.loads(body)
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


def _closes(session: Session) -> list[tuple[int, int, dict[str, Any]]]:
    """(seq, shift, body) of every shift_close record, oldest first."""
    rows = session.execute(
        select(JournalRow.seq, JournalRow.body)
        .where(JournalRow.kind == "shift_close")
        .order_by(JournalRow.seq)
    ).all()
    out = []
    for seq, body in rows:
        b = json.loads(body)
        out.append((seq, int(b.get("shift", 0)), b))
    return out


def x_report(store: Store, manager: str, now: float | None = None) -> ShiftReport:
    """The open shift so far (nothing is closed or written)."""
    now = time.time() if now is None else now
    with Session(store.reader) as s:
        shift = ledger.current_shift(s)
        totals = shift_totals(s, shift)
        closes = _closes(s)
    since = _closed_at(closes[-1][2]) if closes else totals["first_at"]
    tid, mid, mname = _identity(store)
    return ShiftReport(
        "X", shift, tid, mid, mname, manager, since, int(now), totals, None, store.outbox_count()
    )


def _closed_at(body: dict[str, Any]) -> int | None:
    t = body.get("totals") or {}
    if isinstance(t.get("closed_at"), int):
        return int(t["closed_at"])
    return int(body["recorded_at"]) // 1000 if isinstance(body.get("recorded_at"), int) else None


def z_reports(store: Store, limit: int = 100) -> list[ShiftReport]:
    """Every closed shift's Z report, newest first (from the journal's shift_close records)."""
    tid, mid, mname = _identity(store)
    out = []
    with Session(store.reader) as s:
        closes = _closes(s)
        previous: int | None = None
        for seq, shift, body in closes:
            totals = shift_totals(s, shift)
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
