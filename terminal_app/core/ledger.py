"""What the journal says so far, for the rules and the risk limits (queries inside a transaction).

A record counts when its status is approved or pending_verification and no void points at it.
"Unsynced" means after the synced-through mark (the outbox position the server acknowledged).
These run on every scan and commit, so they are plain SQL on the session's connection (the ORM
would add ~0.2 ms per query); every one is served by an index of migration 0002.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

COUNTING = ("approved", "pending_verification")
SYNCED_KEY = "synced_through"
SHIFT_KEY = "shift"
LIVE = "status IN ('approved', 'pending_verification') AND voided_by IS NULL"


def sql(session: Session, statement: str, *params: Any) -> Any:
    """One value (first column of the first row) or None."""
    row = session.connection().exec_driver_sql(statement, params).first()
    return None if row is None else row[0]


def state(session: Session, key: str, default: Any = None) -> Any:
    raw = sql(session, "SELECT value FROM state WHERE key = ?", key)
    return default if raw is None else json.loads(raw)


def set_state(session: Session, key: str, value: Any) -> None:
    session.connection().exec_driver_sql(
        "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value)))


def synced_through(session: Session) -> int:
    return int(state(session, SYNCED_KEY, 0))


def current_shift(session: Session) -> int:
    return int(state(session, SHIFT_KEY, 1))


def earned_on(session: Session, member_id: int, day: str) -> int:
    return sql(session, f"SELECT coalesce(sum(points_earned), 0) FROM journal WHERE member_id = ? AND day = ? AND {LIVE}",
               member_id, day)


def member_spent_after(session: Session, member_id: int, seq: int) -> int:
    return sql(session, f"SELECT coalesce(sum(points_spent), 0) FROM journal WHERE member_id = ? AND seq > ? AND {LIVE}",
               member_id, seq)


def terminal_spent_after(session: Session, seq: int) -> int:
    return sql(session, f"SELECT coalesce(sum(points_spent), 0) FROM journal WHERE seq > ? AND {LIVE}", seq)


def coupon_uses(session: Session, coupon_id: str, member_id: int | None = None) -> int:
    if member_id is None:
        return sql(session, f"SELECT count(*) FROM journal WHERE coupon_id = ? AND {LIVE}", coupon_id)
    return sql(session, f"SELECT count(*) FROM journal WHERE coupon_id = ? AND member_id = ? AND {LIVE}",
               coupon_id, member_id)


def gift_uses(session: Session, gift_id: str) -> int:
    return sql(session, f"SELECT count(*) FROM journal WHERE gift_id = ? AND {LIVE}", gift_id)


def pending_backups(session: Session, after_seq: int) -> int:
    return sql(session, f"SELECT count(*) FROM journal WHERE kind = 'backup' AND seq > ? AND {LIVE}", after_seq)


def receipt_used(session: Session, receipt_ref: str) -> bool:
    return sql(session, f"SELECT count(*) FROM journal WHERE receipt_ref = ? AND kind = 'backfill' AND {LIVE}",
               receipt_ref) > 0


def code_seen(session: Session, serial: int, counter: int) -> bool:
    return sql(session, "SELECT 1 FROM seen_codes WHERE serial = ? AND counter = ?", serial, counter) is not None


class MemberPosition:
    """A member's spendable points offline: min(known balance, offline limit left)."""

    def __init__(self, session: Session, member_id: int, allowance: int, member_max: int) -> None:
        through = synced_through(session)
        self.unsynced_spent = member_spent_after(session, member_id, through)
        self.limit = min(allowance, member_max)
        self.limit_left = max(0, self.limit - self.unsynced_spent)
        row = session.connection().exec_driver_sql(
            "SELECT balance, through_seq, expiring_soon, birthday_month FROM member_balances WHERE member_id = ?",
            (member_id,)).first()
        self.known_balance: int | None = None
        self.expiring_soon = 0
        self.birthday_month: int | None = None
        if row is not None:
            balance, bal_through, self.expiring_soon, self.birthday_month = row
            spent = self.unsynced_spent if bal_through == through else member_spent_after(session, member_id, bal_through)
            self.known_balance = max(0, balance - spent)

    @property
    def spendable(self) -> int:
        if self.known_balance is None:
            return self.limit_left
        return min(self.known_balance, self.limit_left)
