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
from alliance_protocol.records import Kind
from terminal_app.store import Store, TerminalIdentity, Tx

from . import journal
from .decisions.base import Outcome
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


class Recorder:
    def __init__(self, store: Store, identity: TerminalIdentity, key: Ed25519PrivateKey) -> None:
        self.store = store
        self.identity = identity
        self.key = key

    def record(self, kind: Kind, decide: Callable[[Tx], Outcome], *, terms: Terms, now: float) -> Recorded:
        with self.store.write() as tx:
            outcome = decide(tx)
            body = {
                "terminal_id": self.identity.terminal_id,
                "merchant_id": self.identity.merchant_id,
                "recorded_at": int(now * 1000),
                "shift": tx.state.shift(),
                "kind": kind.value,
                **outcome.body(),
            }
            record = journal.append(tx, self.key, body, day=local_date(terms.rules, now).isoformat())
        return Recorded(record, outcome)
