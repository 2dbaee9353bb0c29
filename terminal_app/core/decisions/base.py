"""What a decision returns (Outcome: the record's status, reason and fields, and the pricing for a
bill), and the shape of a decision that needs no scanned code (Decision)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from alliance_protocol.pricing import Pricing
from alliance_protocol.reasons import Reason
from alliance_protocol.records import COUNTING, Kind, Status
from terminal_app.store import Tx

from ..terms import Terms

Fields = dict[str, Any]


@dataclass(frozen=True)
class Outcome:
    status: Status
    reason: Reason
    fields: Fields = field(default_factory=dict)  # the kind's body fields (None values are left out)
    pricing: Pricing | None = None

    @property
    def counts(self) -> bool:
        """Approved or pending: its amounts apply (and a code it names is used)."""
        return self.status in COUNTING

    def body(self) -> Fields:
        return {**self.fields, "status": self.status.value, "reason": self.reason.value}


class Decision(Protocol):
    """A decision that needs no scanned code (backup code, backfill, void, shift close)."""

    kind: ClassVar[Kind]

    def decide(self, tx: Tx, terms: Terms, now: float) -> Outcome: ...


def approved(fields: Fields, reason: Reason = Reason.OK, pricing: Pricing | None = None) -> Outcome:
    return Outcome(Status.APPROVED, reason, fields, pricing)


def refused(reason: Reason, fields: Fields, pricing: Pricing | None = None) -> Outcome:
    return Outcome(Status.REJECTED, reason, fields, pricing)


def manager_id_field(manager_id: object) -> str | None:
    """The record's manager_id: the manager's id on this terminal (terminal_app.core.managers), as text."""
    return str(manager_id) if type(manager_id) is int and manager_id > 0 else None
