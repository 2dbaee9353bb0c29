"""Reading the journal for people: filters for the manager's log view and the CSV export.

The query is terminal_app/store/journal_table.py's (`JournalTable.log`, `LogFilter`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from terminal_app.store import Store
from terminal_app.store.journal_table import LogFilter

__all__ = ["ALL", "CSV_COLUMNS", "LogFilter", "read_log", "to_csv"]

ALL = LogFilter()  # no filter (the newest 1000)

CSV_COLUMNS = (
    "seq",
    "recorded_at",
    "day",
    "shift",
    "kind",
    "status",
    "reason",
    "member_id",
    "bill_fen",
    "discount_fen",
    "cash_off_fen",
    "paid_fen",
    "points_spent",
    "points_earned",
    "coupon_id",
    "gift_id",
    "receipt_ref",
    "ref_seq",
    "voided_by",
    "manager",
    "backup_code",
    "hash",
)


def read_log(store: Store, f: LogFilter = ALL) -> list[dict[str, Any]]:
    """Journal records, newest first: the signed body plus day, hash and voided_by (filters: LogFilter)."""
    with store.read() as tx:
        return tx.journal.log(f)


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
