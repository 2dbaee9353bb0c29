"""The member's short numeric backup code, typed when the QR code cannot be read.

Not verifiable here: accepted within the backup limits as pending_verification (base earn rate,
no tier discount), verified by HQ after sync.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from alliance_protocol import records
from alliance_protocol.pricing import EarnContext, price
from alliance_protocol.reasons import Reason
from alliance_protocol.records import Kind, Status
from terminal_app.store import Tx

from ..risk import offline_risk
from ..terms import Terms
from .base import Outcome, refused

BACKUP_CODE_RE = re.compile(r"^[0-9]{6,20}$")


@dataclass(frozen=True)
class BackupSale:
    code: str
    bill_fen: int
    spend_points: int = 0
    kind: ClassVar[Kind] = Kind.BACKUP

    def decide(self, tx: Tx, terms: Terms, now: float) -> Outcome:
        rules, lim = terms.rules, terms.rules.offline
        text = str(self.code).strip()
        asked = {
            "bill_fen": records.int_or_none(self.bill_fen),
            "backup_code": text[:20],
            "bundle_seq": terms.bundle_seq,
        }
        if not BACKUP_CODE_RE.match(text):
            return refused(Reason.BACKUP_CODE_MALFORMED, {**asked, "backup_code": None})
        p = price(
            rules,
            tier=0,
            bill_fen=self.bill_fen,
            spend_points=self.spend_points,
            ctx=EarnContext(),
            earn=not rules.members_only_earning,
        )
        if not p.ok:
            return refused(p.reason, asked)
        if (
            self.bill_fen > lim.backup_max_bill_fen
            or p.points_spent > lim.backup_max_points
            or tx.tallies.backups_after(tx.state.synced_through()) >= lim.backup_max_pending
        ):
            return refused(Reason.BACKUP_CODE_LIMIT, asked)
        risk = offline_risk(tx, rules, now, p.points_spent, None)
        if risk is not None:
            return refused(risk, asked)
        return Outcome(
            Status.PENDING,
            Reason.BACKUP_CODE_PENDING,
            {
                **asked,
                "cash_off_fen": p.cash_off_fen,
                "paid_fen": p.paid_fen,
                "points_spent": p.points_spent,
                "points_earned": p.points_earned,
            },
        )
