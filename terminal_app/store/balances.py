"""Balances HQ pushed (table `member_balances`).

Each row says what HQ knew when it computed the balance: `through_seq` is this terminal's
synced-through mark when it arrived (HQ had every record up to it), so spends journaled after it
are subtracted offline (terminal_app/core/risk.py).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from .state import StateTable

_UPSERT = (
    "INSERT INTO member_balances (member_id, balance, as_of_cursor, expiring_soon, birthday_month, "
    "through_seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(member_id) DO UPDATE SET "
    "balance = excluded.balance, as_of_cursor = excluded.as_of_cursor, "
    "expiring_soon = excluded.expiring_soon, birthday_month = excluded.birthday_month, "
    "through_seq = excluded.through_seq, updated_at = excluded.updated_at"
)


@dataclass(frozen=True)
class KnownBalance:
    member_id: int
    balance: int
    expiring_soon: int
    birthday_month: int | None
    as_of_cursor: str
    through_seq: int
    updated_at: int


class BalanceTable:
    __slots__ = ("conn",)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, member_id: int) -> KnownBalance | None:
        row = self.conn.exec_driver_sql(
            "SELECT member_id, balance, expiring_soon, birthday_month, as_of_cursor, through_seq, updated_at "
            "FROM member_balances WHERE member_id = ?",
            (member_id,),
        ).first()
        return None if row is None else KnownBalance(*row)

    def apply(self, balances: Sequence[Sequence[Any]], now: int | None = None) -> int:
        """Balances HQ pushed: (member_id, balance, as_of_cursor, expiring_soon_points[, birthday_month]).
        They include every record HQ acknowledged so far: our synced-through mark now."""
        through = StateTable(self.conn).synced_through()
        at = int(time.time()) if now is None else now
        rows = [
            (int(b[0]), int(b[1]), str(b[2]), int(b[3] or 0), b[4] if len(b) > 4 else None, through, at)
            for b in balances
        ]
        if rows:
            self.conn.exec_driver_sql(_UPSERT, rows)
        return len(rows)
