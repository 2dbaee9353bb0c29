"""What the cashier sees of a scanned member: a masked id, tier, balance, what is offered.

    view = member_view(tx, code, terms)    # MemberView (results.py); code: sessions.VerifiedCode
"""

from __future__ import annotations

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


def member_view(tx: Tx, code: VerifiedCode, terms: Terms) -> MemberView:
    pos = position_of(tx, code, terms)
    coupons = [c for c in terms.coupons if coupon_problem(tx, c, code) is None]
    gifts = [g for g in terms.gifts if gift_offered(tx, g, pos)]
    return MemberView(
        code.member_id,
        mask_member(code.member_id),
        code.tier,
        pos.known_balance,
        pos.expiring_soon,
        pos.spendable,
        code.allowance,
        coupons,
        gifts,
    )
