"""What the journal says so far, for the rules and the risk limits (queries inside a transaction).

A record counts when its status is approved or pending_verification and no void points at it.
"Unsynced" means after the synced-through mark (the outbox position the server acknowledged).
"""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from terminal_app.store.models import JournalRow, MemberBalance, StateEntry

COUNTING = ("approved", "pending_verification")
SYNCED_KEY = "synced_through"
SHIFT_KEY = "shift"


def _live():
    return (JournalRow.status.in_(COUNTING), JournalRow.voided_by.is_(None))


def state_int(session: Session, key: str, default: int) -> int:
    row = session.get(StateEntry, key)
    return default if row is None else int(json.loads(row.value))


def synced_through(session: Session) -> int:
    return state_int(session, SYNCED_KEY, 0)


def current_shift(session: Session) -> int:
    return state_int(session, SHIFT_KEY, 1)


def earned_on(session: Session, member_id: int, day: str) -> int:
    return session.scalar(select(func.coalesce(func.sum(JournalRow.points_earned), 0)).where(
        JournalRow.member_id == member_id, JournalRow.day == day, *_live())) or 0


def member_spent_after(session: Session, member_id: int, seq: int) -> int:
    return session.scalar(select(func.coalesce(func.sum(JournalRow.points_spent), 0)).where(
        JournalRow.member_id == member_id, JournalRow.seq > seq, *_live())) or 0


def terminal_spent_after(session: Session, seq: int) -> int:
    return session.scalar(select(func.coalesce(func.sum(JournalRow.points_spent), 0)).where(
        JournalRow.seq > seq, *_live())) or 0


def coupon_uses(session: Session, coupon_id: str, member_id: int | None = None) -> int:
    q = select(func.count()).select_from(JournalRow).where(JournalRow.coupon_id == coupon_id, *_live())
    if member_id is not None:
        q = q.where(JournalRow.member_id == member_id)
    return session.scalar(q) or 0


def gift_uses(session: Session, gift_id: str) -> int:
    return session.scalar(select(func.count()).select_from(JournalRow).where(
        JournalRow.gift_id == gift_id, *_live())) or 0


def pending_backups(session: Session, after_seq: int) -> int:
    return session.scalar(select(func.count()).select_from(JournalRow).where(
        JournalRow.kind == "backup", JournalRow.seq > after_seq, *_live())) or 0


def receipt_used(session: Session, receipt_ref: str) -> bool:
    return session.scalar(select(func.count()).select_from(JournalRow).where(
        JournalRow.receipt_ref == receipt_ref, JournalRow.kind == "backfill", *_live())) > 0


class MemberPosition:
    """A member's spendable points offline: min(known balance, offline limit left)."""

    def __init__(self, session: Session, member_id: int, allowance: int, member_max: int) -> None:
        through = synced_through(session)
        self.unsynced_spent = member_spent_after(session, member_id, through)
        self.limit = min(allowance, member_max)
        self.limit_left = max(0, self.limit - self.unsynced_spent)
        row = session.get(MemberBalance, member_id)
        self.cached = row
        self.known_balance: int | None = None
        self.expiring_soon = 0
        self.birthday_month: int | None = None
        if row is not None:
            self.known_balance = max(0, row.balance - member_spent_after(session, member_id, row.through_seq))
            self.expiring_soon = row.expiring_soon
            self.birthday_month = row.birthday_month

    @property
    def spendable(self) -> int:
        if self.known_balance is None:
            return self.limit_left
        return min(self.known_balance, self.limit_left)
