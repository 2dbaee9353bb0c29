"""The journal: append sealed records (hash chain + terminal signature) and verify the chain.

`append` runs inside the caller's write transaction (BEGIN IMMEDIATE), so the record, its outbox
entry, the replay-guard row and any counters commit together or not at all, before a verdict is
returned. Every body is checked with the record schema HQ parses with (`records.parse`) before it
is sealed. `verify_journal` re-checks every stored record: shape, hash, signature, sequence
without gaps, prev_hash chain, indexed columns agreeing with the signed body, and the stored head.
The rows themselves are terminal_app/store/journal_table.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from alliance_protocol import records
from alliance_protocol.journal_record import GENESIS_HASH, RecordError, check, seal
from alliance_protocol.reasons import Reason
from terminal_app.store import Tx
from terminal_app.store.journal_table import COLUMN_DEFAULTS, INDEXED

from .failures import NotRecorded


def append(
    where: Tx | Session | Connection,
    key: Ed25519PrivateKey,
    body: dict[str, Any],
    *,
    day: str,
    resolving: int | None = None,
) -> dict[str, Any]:
    """Give `body` the next seq and prev_hash, seal it, insert it and its outbox entry; the sealed
    record ({"body", "hash", "sig"}). SchemaError (nothing written) for a body HQ would refuse.

    While an online authorisation waits for its outcome (tx.pending, terminal_app/core/online.py)
    the journal takes only that outcome, at that seq (`resolving`; the pending row goes in the same
    transaction): anything else is NotRecorded(AUTHORISATION_PENDING)."""
    tx = Tx.of(where)
    seq, prev_hash = tx.journal.head()
    pending = tx.pending.get()
    if pending is not None and pending.seq != resolving:
        raise NotRecorded(f"record #{pending.seq} awaits HQ's answer", Reason.AUTHORISATION_PENDING)
    if resolving is not None:
        if pending is None or seq + 1 != resolving:
            raise NotRecorded(
                f"#{resolving} is no longer waiting (resolved elsewhere)", Reason.AUTHORISATION_PENDING
            )
        tx.pending.take(resolving)
    body = {k: v for k, v in {**body, "seq": seq + 1, "prev_hash": prev_hash}.items() if v is not None}
    records.parse(body)  # the schema HQ parses with: a body it would refuse is never sealed (SchemaError)
    record = seal(body, key)
    tx.journal.insert(body, record, day)
    return record


@dataclass(frozen=True)
class JournalReport:
    ok: bool
    records: int
    first_broken_seq: int | None = None
    problem: str = ""
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "records": self.records,
            "first_broken_seq": self.first_broken_seq,
            "problem": self.problem,
            "detail": self.detail,
        }


def verify_journal(
    where: Tx | Session | Connection, public: Ed25519PublicKey, batch: int = 5000
) -> JournalReport:
    """Check the whole chain; report the first broken record (by position in the chain)."""
    tx = Tx.of(where)
    prev_seq, prev_hash, n = 0, GENESIS_HASH, 0
    last = 0
    while rows := tx.journal.entries_after(last, batch):
        last = rows[-1].seq
        for row in rows:
            expected = prev_seq + 1
            try:
                record = row.wire()
            except ValueError as exc:
                return JournalReport(False, n, row.seq, "malformed", f"body is not JSON: {exc}")
            try:
                checked = check(record, public)
            except RecordError as exc:
                return JournalReport(False, n, row.seq, exc.problem, str(exc))
            if row.seq != checked.seq:
                return JournalReport(
                    False, n, row.seq, "moved", f"row {row.seq} holds the record signed as {checked.seq}"
                )
            if checked.seq != expected:
                return JournalReport(
                    False, n, expected, "gap", f"expected seq {expected}, found {checked.seq}"
                )
            if checked.prev_hash != prev_hash:
                return JournalReport(
                    False, n, row.seq, "chain", f"seq {row.seq}: prev_hash does not match record {prev_seq}"
                )
            for name in INDEXED:
                if getattr(row, name) != checked.body.get(name, COLUMN_DEFAULTS.get(name)):
                    return JournalReport(
                        False,
                        n,
                        row.seq,
                        "column",
                        f"seq {row.seq}: column {name} disagrees with the signed body",
                    )
            prev_seq, prev_hash, n = checked.seq, checked.hash, n + 1
    stored = tx.journal.stored_head()
    if stored is not None:
        if stored.get("seq") != prev_seq or stored.get("hash") != prev_hash:
            head_seq = stored.get("seq")
            first = min(head_seq, prev_seq + 1) if isinstance(head_seq, int) else prev_seq + 1
            return JournalReport(
                False, n, first, "truncated", f"journal ends at {prev_seq}, the recorded head is {head_seq}"
            )
    elif n:
        return JournalReport(False, n, None, "truncated", "journal head marker is missing")
    return JournalReport(True, n)
