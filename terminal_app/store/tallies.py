"""What the journal adds up to, for the rules and the offline risk limits (read in the decision's
transaction, so a commit decides on exactly what it commits after).

A record counts when its status is approved or pending_verification and no void points at it
(journal_table.LIVE). "After seq" means after an outbox position (the synced-through mark: what
HQ already has). These run on every scan and commit: plain SQL, each served by an index of
migration 0002.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from .journal_table import LIVE


class Tallies:
    __slots__ = ("conn",)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _int(self, statement: str, *params: Any) -> int:
        row = self.conn.exec_driver_sql(statement, params).first()
        return 0 if row is None or row[0] is None else int(row[0])

    def earned_on(self, member_id: int, day: str) -> int:
        """Points a member earned here on a local day (the daily cap)."""
        return self._int(
            f"SELECT sum(points_earned) FROM journal WHERE member_id = ? AND day = ? AND {LIVE}",
            member_id,
            day,
        )

    def member_spent_after(self, member_id: int, seq: int) -> int:
        return self._int(
            f"SELECT sum(points_spent) FROM journal WHERE member_id = ? AND seq > ? AND {LIVE}",
            member_id,
            seq,
        )

    def terminal_spent_after(self, seq: int) -> int:
        return self._int(f"SELECT sum(points_spent) FROM journal WHERE seq > ? AND {LIVE}", seq)

    def coupon_uses(self, coupon_id: str, member_id: int | None = None) -> int:
        if member_id is None:
            return self._int(f"SELECT count(*) FROM journal WHERE coupon_id = ? AND {LIVE}", coupon_id)
        return self._int(
            f"SELECT count(*) FROM journal WHERE coupon_id = ? AND member_id = ? AND {LIVE}",
            coupon_id,
            member_id,
        )

    def gift_uses(self, gift_id: str) -> int:
        return self._int(f"SELECT count(*) FROM journal WHERE gift_id = ? AND {LIVE}", gift_id)

    def backups_after(self, seq: int) -> int:
        """Backup-code sales after `seq` (HQ has not verified them yet)."""
        return self._int(f"SELECT count(*) FROM journal WHERE kind = 'backup' AND seq > ? AND {LIVE}", seq)

    def receipt_backfilled(self, receipt_ref: str) -> bool:
        return (
            self._int(
                f"SELECT count(*) FROM journal WHERE receipt_ref = ? AND kind = 'backfill' AND {LIVE}",
                receipt_ref,
            )
            > 0
        )
