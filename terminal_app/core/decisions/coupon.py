"""A coupon or benefit written off: single-use (once per member) or quota (uses on this terminal)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from alliance_protocol.reasons import Reason
from alliance_protocol.records import Kind
from terminal_app.store import Tx

from ..sessions import VerifiedCode
from ..terms import CatalogueItem
from .base import Outcome, approved, refused
from .scanned import ScannedContext


def coupon_problem(tx: Tx, coupon: CatalogueItem, v: VerifiedCode) -> Reason | None:
    """Why this member cannot use this coupon here now (None: they can). Also what the member
    panel offers (terminal_app/core/members.py)."""
    if int(coupon.get("min_tier", 0)) > v.tier:
        return Reason.COUPON_NOT_ELIGIBLE
    cid = str(coupon["id"])
    if coupon.get("kind", "single_use") == "single_use":
        return Reason.COUPON_USED if tx.tallies.coupon_uses(cid, v.member_id) else None
    return (
        Reason.COUPON_QUOTA_EXHAUSTED if tx.tallies.coupon_uses(cid) >= int(coupon.get("quota", 0)) else None
    )


@dataclass(frozen=True)
class CouponUse:
    coupon_id: str
    kind: ClassVar[Kind] = Kind.COUPON

    def decide(self, tx: Tx, c: ScannedContext) -> Outcome:
        asked = {"coupon_id": str(self.coupon_id)[:64]}
        coupon = c.terms.coupon(self.coupon_id)
        if coupon is None:
            return refused(Reason.COUPON_UNKNOWN, asked)
        problem = coupon_problem(tx, coupon, c.code) or c.offline_risk(tx, 0)
        if problem is not None:
            return refused(problem, asked)
        return approved(asked)
