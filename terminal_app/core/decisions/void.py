"""Void a record of the open shift: a compensating record (kind "void", ref_seq), never a deletion.

The voided record stops counting towards balances, caps, quotas and stock (its `voided_by` is
set in the same transaction). Only a counting record of a voidable kind, of the open shift,
within the rules' void window, not voided already. `reason` (void_reason) and `manager_id`
(terminal_app.core.managers) say why and who.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from alliance_protocol import records
from alliance_protocol.reasons import Reason
from alliance_protocol.records import COUNTING, VOIDABLE, Kind
from terminal_app.store import Tx

from ..terms import Terms
from .base import Outcome, approved, manager_id_field, refused


@dataclass(frozen=True)
class Void:
    seq: int
    manager: str
    reason: str = ""
    manager_id: int | None = None
    kind: ClassVar[Kind] = Kind.VOID

    def decide(self, tx: Tx, terms: Terms, now: float) -> Outcome:
        ref = records.int_or_none(self.seq, 1, records.MAX_SEQ)
        target = tx.journal.get(ref) if ref is not None else None
        asked = {
            "ref_seq": ref,
            "manager": records.clean_text(self.manager),
            "void_reason": records.clean_text(self.reason, records.DETAIL_MAX),
            "manager_id": manager_id_field(self.manager_id),
        }
        if (
            target is None
            or target.kind not in VOIDABLE
            or target.status not in COUNTING
            or target.voided_by is not None
            or target.shift != tx.state.shift()
            or int(now * 1000) - target.recorded_at > terms.rules.void_window_s * 1000
        ):
            return refused(Reason.VOID_NOT_ALLOWED, asked)
        tx.journal.mark_voided(target.seq, tx.journal.head()[0] + 1)  # this record's seq, in this transaction
        return approved(
            {
                **asked,
                "member_id": target.member_id,
                "reversed_points_earned": target.points_earned,
                "reversed_points_spent": target.points_spent,
                "ref_kind": target.kind,
            }
        )
