"""The durable write: one journal record per attempt, committed before the answer.

    recorded = recorder.record(Kind.PURCHASE, decide, terms=terms, now=now)
    recorded.seq, recorded.body, recorded.outcome.pricing

`decide(tx)` runs inside BEGIN IMMEDIATE (the write lock from the start), so what it reads (the
journal's tallies, the replay guard, balances) is what it commits after; its Outcome becomes the
record's body with the common fields (terminal, merchant, recorded_at, the open shift), sealed
and inserted with its outbox entry (terminal_app/core/journal.py), and committed with
synchronous=FULL. `now` is the instant the caller decided at: recorded_at is that instant, so the
member day and daily cap HQ re-derives from recorded_at are the ones the terminal used.
Any exception propagates with nothing committed (terminal_app/core/failures.py turns it into a
declined result).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alliance_protocol.pricing import local_date
from alliance_protocol.reasons import Reason
from alliance_protocol.records import Kind, Status
from terminal_app.store import Store, TerminalIdentity, Tx

from . import journal
from .decisions.base import Outcome
from .results import TxnResult
from .terms import Terms


@dataclass(frozen=True)
class Recorded:
    record: dict[str, Any]  # {"body", "hash", "sig"} as sealed
    outcome: Outcome

    @property
    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = self.record["body"]
        return body

    @property
    def seq(self) -> int:
        return int(self.body["seq"])


def txn_result(recorded: Recorded) -> TxnResult:
    """A journaled record as the counter app's result: ok unless rejected, its reason, seq,
    detail, pricing, points, and which path decided it."""
    b = recorded.body
    return TxnResult(
        b["status"] != Status.REJECTED.value,
        Reason(b["reason"]),
        b["seq"],
        b.get("detail", ""),
        recorded.outcome.pricing,
        b.get("points_earned", 0),
        b.get("points_spent", 0),
        b.get("decided_by"),
    )


class Recorder:
    def __init__(self, store: Store, identity: TerminalIdentity, key: Ed25519PrivateKey) -> None:
        self.store = store
        self.identity = identity
        self.key = key

    def record(
        self,
        kind: Kind,
        decide: Callable[[Tx], Outcome],
        *,
        terms: Terms,
        now: float,
        resolving: int | None = None,
    ) -> Recorded:
        """`resolving`: the seq of the online authorisation this record is the outcome of
        (terminal_app/core/online.py); its pending row goes in the same transaction."""
        with self.store.write() as tx:
            outcome = decide(tx)
            body = self.body(tx, kind, outcome, now)
            record = journal.append(tx, self.key, body, day=self.day(terms, now), resolving=resolving)
        return Recorded(record, outcome)

    def body(self, tx: Tx, kind: Kind, outcome: Outcome, now: float) -> dict[str, Any]:
        """The record's body before the journal gives it its seq and prev_hash."""
        return {
            "terminal_id": self.identity.terminal_id,
            "merchant_id": self.identity.merchant_id,
            "recorded_at": int(now * 1000),
            "shift": tx.state.shift(),
            "kind": kind.value,
            **outcome.body(),
        }

    @staticmethod
    def day(terms: Terms, now: float) -> str:
        """The journal row's local date."""
        return local_date(terms.rules, now).isoformat()
