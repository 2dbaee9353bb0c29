"""Reading the journal for people: filters for the manager's log view and the CSV export."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from terminal_app.store.models import JournalRow

CSV_COLUMNS = ("seq", "recorded_at", "day", "shift", "kind", "status", "reason", "member_id", "bill_fen",
               "discount_fen", "cash_off_fen", "paid_fen", "points_spent", "points_earned", "coupon_id", "gift_id",
               "receipt_ref", "ref_seq", "voided_by", "manager", "backup_code", "hash")


@dataclass(frozen=True)
class LogFilter:
    day_from: str | None = None  # local date YYYY-MM-DD, inclusive
    day_to: str | None = None
    member_id: int | None = None
    kind: str | None = None
    status: str | None = None
    reason: str | None = None
    limit: int = 1000


def read_log(session: Session, f: LogFilter = LogFilter()) -> list[dict[str, Any]]:
    """Journal records, newest first: the signed body plus day, hash and voided_by."""
    q = select(JournalRow).order_by(JournalRow.seq.desc()).limit(max(1, min(f.limit, 1_000_000)))
    if f.day_from:
        q = q.where(JournalRow.day >= f.day_from)
    if f.day_to:
        q = q.where(JournalRow.day <= f.day_to)
    if f.member_id is not None:
        q = q.where(JournalRow.member_id == f.member_id)
    for col, val in ((JournalRow.kind, f.kind), (JournalRow.status, f.status), (JournalRow.reason, f.reason)):
        if val:
            q = q.where(col == val)
    return [{**json.loads(r.body), "day": r.day, "hash": r.hash, "voided_by": r.voided_by}
            for r in session.scalars(q)]


def to_csv(rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in CSV_COLUMNS})
    return out.getvalue()


def _cell(value: Any) -> Any:
    """Typed text (receipt refs, manager names) that a spreadsheet would run as a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
