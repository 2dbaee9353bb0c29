"""Points for an earlier purchase (a forgotten scan), by a manager, with the receipt reference.

Within the backfill window, each receipt once, flagged for review (severity attention). Priced
as docs/hq-books.md says HQ re-derives it: `bill_fen` is what the receipt says was paid, base
rate (tier unknown), the member-day multiplier of the purchase day, that day's cap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from alliance_protocol import records
from alliance_protocol.member_code import MAX_U48
from alliance_protocol.pricing import EarnContext, is_member_day, local_date, price
from alliance_protocol.reasons import Reason
from alliance_protocol.records import Kind
from terminal_app.store import Tx

from ..risk import offline_risk
from ..terms import Terms
from .base import Outcome, approved, manager_id_field, refused


@dataclass(frozen=True)
class Backfill:
    member_id: int
    bill_fen: int
    receipt_ref: str
    purchased_at: int  # unix s
    manager: str
    manager_id: int | None = None
    kind: ClassVar[Kind] = Kind.BACKFILL

    def decide(self, tx: Tx, terms: Terms, now: float) -> Outcome:
        rules = terms.rules
        member = records.int_or_none(self.member_id, 1, MAX_U48)
        receipt = records.clean_text(self.receipt_ref)
        when = records.int_or_none(self.purchased_at, records.MIN_TIME_S, records.MAX_TIME_S)
        asked = {
            "member_id": member,
            "bill_fen": records.int_or_none(self.bill_fen),
            "receipt_ref": receipt,
            "manager": records.clean_text(self.manager),
            "manager_id": manager_id_field(self.manager_id),
            "purchased_at": when,
            "bundle_seq": terms.bundle_seq,
        }
        if member is None or receipt is None or when is None:
            return refused(Reason.INVALID_AMOUNT, asked)
        if not 0 <= now - when <= rules.backfill_window_s:
            return refused(Reason.BACKFILL_TOO_OLD, asked)
        if tx.tallies.receipt_backfilled(receipt):
            return refused(Reason.DUPLICATE_RECEIPT, asked)
        day = local_date(rules, when)
        ctx = EarnContext(
            member_day=is_member_day(rules, day), earned_today=tx.tallies.earned_on(member, day.isoformat())
        )
        p = price(rules, tier=0, bill_fen=self.bill_fen, ctx=ctx, earn=not rules.members_only_earning)
        if not p.ok:
            return refused(p.reason, asked)
        risk = offline_risk(tx, rules, now, 0, None)
        if risk is not None:
            return refused(risk, asked)
        return approved(
            {**asked, "points_earned": p.points_earned, "review": True},
            Reason.DAILY_CAP_REACHED if p.capped else Reason.OK,
        )
