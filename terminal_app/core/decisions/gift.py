"""A gift exchanged for points, from this terminal's stock."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from alliance_protocol.reasons import Reason
from alliance_protocol.records import Kind
from terminal_app.store import Tx

from ..risk import MemberPosition
from ..terms import CatalogueItem
from .base import Outcome, approved, refused
from .scanned import ScannedContext


def gift_offered(tx: Tx, gift: CatalogueItem, pos: MemberPosition) -> bool:
    """In stock here and within what the member may spend offline (the member panel's offer)."""
    return (
        tx.tallies.gift_uses(str(gift["id"])) < int(gift.get("stock", 0))
        and int(gift.get("points", 0)) <= pos.spendable
    )


@dataclass(frozen=True)
class GiftRedemption:
    gift_id: str
    kind: ClassVar[Kind] = Kind.GIFT

    def decide(self, tx: Tx, c: ScannedContext) -> Outcome:
        asked = {"gift_id": str(self.gift_id)[:64]}
        gift = c.terms.gift(self.gift_id)
        if gift is None:
            return refused(Reason.GIFT_UNKNOWN, asked)
        if tx.tallies.gift_uses(str(gift["id"])) >= int(gift.get("stock", 0)):
            return refused(Reason.GIFT_OUT_OF_STOCK, asked)
        points = int(gift["points"])
        risk = c.offline_risk(tx, points)
        if risk is not None:
            return refused(risk, {**asked, "points_requested": points})
        return approved({**asked, "points_spent": points})
