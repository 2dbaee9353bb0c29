"""A bill: tier discount, optional points as cash, points earned on what is paid in money.

Priced by alliance_protocol.pricing (the one implementation HQ re-derives with); the approved
record's amounts are records.bill_fields(pricing). `evaluate` is also the quote (no side effect).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar

from alliance_protocol import records
from alliance_protocol.pricing import EarnContext, Pricing, is_member_day, local_date, price
from alliance_protocol.reasons import Reason
from alliance_protocol.records import Kind
from alliance_protocol.rules import AllianceRules
from terminal_app.store import Tx

from ..risk import MemberPosition
from .base import Outcome, approved, refused
from .scanned import ScannedContext


def earn_context(
    tx: Tx, rules: AllianceRules, member_id: int, pos: MemberPosition, now: float
) -> EarnContext:
    day = local_date(rules, now)
    return EarnContext(
        member_day=is_member_day(rules, day),
        birthday_month=pos.birthday_month == day.month,
        earned_today=tx.tallies.earned_on(member_id, day.isoformat()),
    )


def earns(rules: AllianceRules, tier: int) -> bool:
    """Members-only earning: a basic (tier 0) account earns nothing."""
    return not (rules.members_only_earning and tier == 0)


@dataclass(frozen=True)
class Purchase:
    bill_fen: int
    spend_points: int = 0
    receipt_ref: str = ""
    kind: ClassVar[Kind] = Kind.PURCHASE

    def evaluate(self, tx: Tx, c: ScannedContext) -> tuple[Pricing, Reason | None]:
        """The pricing, and the offline limit it would break (None: none)."""
        rules, v = c.terms.rules, c.code
        p = price(
            rules,
            tier=v.tier,
            bill_fen=self.bill_fen,
            spend_points=self.spend_points,
            ctx=earn_context(tx, rules, v.member_id, c.position, c.now),
            earn=earns(rules, v.tier),
        )
        risk = c.offline_risk(tx, p.points_spent) if p.ok else None
        return p, risk

    def quote(self, tx: Tx, c: ScannedContext) -> Pricing:
        """What `decide` would do: the Pricing, its reason OK or why the commit would be declined."""
        p, risk = self.evaluate(tx, c)
        return p if risk is None else dataclasses.replace(p, reason=risk)

    def decide(self, tx: Tx, c: ScannedContext) -> Outcome:
        p, risk = self.evaluate(tx, c)
        asked = {"bill_fen": p.bill_fen, "receipt_ref": records.clean_text(self.receipt_ref)}
        if not p.ok:
            return refused(p.reason, asked, p)
        if risk is not None:
            return refused(risk, {**asked, "points_requested": p.points_spent}, p)
        reason = Reason.OK
        if not earns(c.terms.rules, c.code.tier):
            reason = Reason.NOT_A_MEMBER
        elif p.capped:
            reason = Reason.DAILY_CAP_REACHED
        return approved({**asked, **records.bill_fields(p)}, reason, p)
