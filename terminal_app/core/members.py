"""What the cashier sees of a scanned member: a masked id, tier, balance, what is offered.

    view = member_view(tx, code, terms)    # MemberView (results.py); code: sessions.VerifiedCode
"""

from __future__ import annotations

import dataclasses
from typing import Any

from terminal_app.store import Tx

from .decisions.coupon import coupon_problem
from .decisions.gift import gift_offered
from .decisions.scanned import position_of
from .results import MemberView
from .sessions import VerifiedCode
from .terms import Terms


def mask_member(member_id: int) -> str:
    s = str(member_id)
    return "*" * max(0, len(s) - 4) + s[-4:]


def member_view(tx: Tx, code: VerifiedCode, terms: Terms, live: Any = None) -> MemberView:
    """`live`: HQ's MemberLive (online): its balance and available points, not the offline limits."""
    pos = position_of(tx, code, terms)
    if live is not None:
        available = max(0, int(live.available or 0))
        pos = dataclasses.replace(pos, known_balance=available, unsynced_spent=0, limit=available)
    coupons = [c for c in terms.coupons if coupon_problem(tx, c, code) is None]
    gifts = [g for g in terms.gifts if gift_offered(tx, g, pos)]
    return MemberView(
        code.member_id,
        mask_member(code.member_id),
        code.tier,
        pos.known_balance if live is None else live.balance,
        pos.expiring_soon if live is None else live.expiring_soon,
        pos.spendable,
        code.allowance,
        coupons,
        gifts,
        online=live is not None,
    )
