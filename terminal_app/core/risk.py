"""Offline risk: what a member may spend here now, and the limits on value leaving the alliance.

    pos = MemberPosition.read(tx, member_id, allowance, rules.offline.member_max_points)
    problem = offline_risk(tx, rules, now, points, pos)     # None, or the Reason to decline

Read inside the deciding transaction (terminal_app/store/tallies.py), so a commit decides on
exactly what it commits after. Limits: docs/rules.md "Offline limits".
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_protocol.reasons import Reason
from alliance_protocol.rules import AllianceRules
from terminal_app.store import Key, Tx


@dataclass(frozen=True)
class MemberPosition:
    """A member's spendable points offline: min(known balance, offline limit left)."""

    unsynced_spent: int  # spent here since HQ's acknowledged mark
    limit: int  # min(certificate allowance, the rules' member limit)
    known_balance: int | None  # HQ's last balance minus spends since it (None: never pushed)
    expiring_soon: int = 0
    birthday_month: int | None = None

    @property
    def limit_left(self) -> int:
        return max(0, self.limit - self.unsynced_spent)

    @property
    def spendable(self) -> int:
        if self.known_balance is None:
            return self.limit_left
        return min(self.known_balance, self.limit_left)

    @classmethod
    def read(cls, tx: Tx, member_id: int, allowance: int, member_max: int) -> MemberPosition:
        through = tx.state.synced_through()
        unsynced = tx.tallies.member_spent_after(member_id, through)
        known = tx.balances.get(member_id)
        if known is None:
            return cls(unsynced, min(allowance, member_max), None)
        spent = (
            unsynced
            if known.through_seq == through
            else tx.tallies.member_spent_after(member_id, known.through_seq)
        )
        return cls(
            unsynced,
            min(allowance, member_max),
            max(0, known.balance - spent),
            known.expiring_soon,
            known.birthday_month,
        )


def since_sync_s(tx: Tx, now: float) -> float:
    """Seconds since the last successful sync (or, never synced, since the bundle was installed)."""
    last = tx.state.get(Key.LAST_SYNC_AT)
    if last is None:
        last = tx.bundles.installed_at()
    return 0.0 if last is None else now - float(last)


LIMIT_REASONS = frozenset({Reason.SYNC_TOO_OLD, Reason.INSUFFICIENT_POINTS, Reason.OFFLINE_TXN_CAP,
                           Reason.OFFLINE_MEMBER_LIMIT, Reason.OFFLINE_TERMINAL_LIMIT})


def near_limit(tx: Tx, rules: AllianceRules, now: float, points: int, pos: MemberPosition | None) -> bool:
    """Decided offline with a limit nearly used up (docs/online-authorisation.md): after spending
    `points`, the time since the last sync, this transaction, the member's unsynced spends or the
    terminal's are at `offline.near_limit_pct` of their limit or more."""
    lim = rules.offline

    def near(used: float, limit: int) -> bool:
        return limit > 0 and used * 100 >= limit * lim.near_limit_pct

    if near(since_sync_s(tx, now), lim.max_since_sync_s):
        return True
    if points <= 0:
        return False
    return (
        near(points, lim.txn_max_points)
        or (pos is not None and near(pos.unsynced_spent + points, pos.limit))
        or near(tx.tallies.terminal_spent_after(tx.state.synced_through()) + points, lim.terminal_max_points)
    )


def offline_risk(
    tx: Tx, rules: AllianceRules, now: float, points: int, pos: MemberPosition | None
) -> Reason | None:
    """The offline limits for spending `points` (value leaving the alliance); None: within them.
    `pos` None: the member is not known here (a backup code, a backfill)."""
    lim = rules.offline
    if since_sync_s(tx, now) > lim.max_since_sync_s:
        return Reason.SYNC_TOO_OLD
    if points <= 0:
        return None
    if pos is not None and pos.known_balance is not None and points > pos.known_balance:
        return Reason.INSUFFICIENT_POINTS
    if points > lim.txn_max_points:
        return Reason.OFFLINE_TXN_CAP
    if pos is not None and pos.unsynced_spent + points > pos.limit:
        return Reason.OFFLINE_MEMBER_LIMIT
    if tx.tallies.terminal_spent_after(tx.state.synced_through()) + points > lim.terminal_max_points:
        return Reason.OFFLINE_TERMINAL_LIMIT
    return None
