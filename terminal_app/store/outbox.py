"""The outbox (table `outbox`): journal records waiting for HQ, and the synced-through mark.

Delivery is at least once (HQ dedupes by (terminal, seq)); HQ acknowledges a contiguous prefix,
so "synced" is one number, `Key.SYNCED_THROUGH`, that never moves back. The flags in the
outbox rows follow it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection

from .state import Key, StateTable


class OutboxTable:
    __slots__ = ("conn",)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def count(self) -> int:
        """Journal records not yet acknowledged by HQ."""
        return int(self.conn.exec_driver_sql("SELECT count(*) FROM outbox WHERE synced = 0").scalar_one())

    def pending(self, limit: int) -> list[dict[str, Any]]:
        """Up to `limit` unacknowledged wire records ({"body", "hash", "sig"}), in seq order."""
        through = StateTable(self.conn).synced_through()
        rows = self.conn.exec_driver_sql(
            "SELECT j.body, j.hash, j.sig FROM journal j JOIN outbox o ON o.seq = j.seq "
            "WHERE o.synced = 0 AND j.seq > ? ORDER BY j.seq LIMIT ?",
            (through, limit),
        )
        return [{"body": json.loads(body), "hash": hash_, "sig": sig} for body, hash_, sig in rows]

    def mark_synced(self, through_seq: int) -> bool:
        """HQ acknowledged every record up to and including `through_seq` (never moves back).
        False when the mark was already there or beyond."""
        state = StateTable(self.conn)
        prev = state.synced_through()
        if through_seq <= prev:
            return False
        self.conn.exec_driver_sql(
            "UPDATE outbox SET synced = 1 WHERE seq > ? AND seq <= ?", (prev, through_seq)
        )
        state.put(Key.SYNCED_THROUGH, through_seq)
        return True
