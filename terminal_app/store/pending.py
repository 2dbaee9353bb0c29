"""Online authorisations waiting for their outcome (table `pending_authorisations`).

    tx.pending.put(seq, kind, body, day, created_at, owner_pid)   # the intent, before HQ is asked
    tx.pending.get()                                   # the one waiting (or None)
    tx.pending.take(seq)                               # gone, in the transaction that journals the outcome

While a row exists the journal takes no other record (terminal_app/core/journal.py): the outcome
must be journaled at the row's seq, the key HQ decided under (docs/online-authorisation.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection


@dataclass(frozen=True)
class Pending:
    seq: int
    kind: str
    body: dict[str, Any]
    day: str
    created_at: int  # unix ms
    owner_pid: int  # the process that asked (and waits for the answer)


class PendingTable:
    __slots__ = ("conn",)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def put(
        self, seq: int, kind: str, body: dict[str, Any], day: str, created_at: int, owner_pid: int
    ) -> None:
        self.conn.exec_driver_sql(
            "INSERT INTO pending_authorisations (seq, kind, body, day, created_at, owner_pid) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (seq, kind, json.dumps(body, ensure_ascii=False, sort_keys=True), day, created_at, owner_pid),
        )

    def get(self) -> Pending | None:
        row = self.conn.exec_driver_sql(
            "SELECT seq, kind, body, day, created_at, owner_pid FROM pending_authorisations "
            "ORDER BY seq LIMIT 1"
        ).first()
        return None if row is None else Pending(row[0], row[1], json.loads(row[2]), row[3], row[4], row[5])

    def take(self, seq: int) -> bool:
        """Remove the row (False: it was not there: another process resolved it)."""
        return (
            self.conn.exec_driver_sql("DELETE FROM pending_authorisations WHERE seq = ?", (seq,)).rowcount
            == 1
        )
