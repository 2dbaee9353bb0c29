"""The replay guard: (certificate serial, counter) pairs used on this terminal (table `seen_codes`).

One implementation, two views:
- `ReplayTable` (inside a store transaction): `seen`, and `consume`, which the journal commit
  calls in the same BEGIN IMMEDIATE transaction as the record that uses the code. That is the
  only way a code is consumed on the terminal: a used code always has its journal record.
- `ReplayCheck` (for `OfflineVerifier`): reads only. A verifier asked to "remember" a code gets
  the check without the write (`pos-terminal verify` and `scan-image` never use a member's code).

Pruning has one rule: pairs whose code time is older than `retention_s(settings)` (the code
window, the allowed future skew and a minute) are deleted, on the clock the caller decided on
(the server-corrected clock; never the bare host clock), in the transaction of every
PRUNE_EVERY-th consumed pair (by rowid: the same rule after a restart).
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine

from alliance_protocol.verifier import VerifierSettings

PRUNE_EVERY = 500


def retention_s(settings: VerifierSettings) -> int:
    """How long a used pair must be remembered: after that the time window refuses its code anyway."""
    return settings.code_window_s + settings.future_skew_s + 60


class ReplayTable:
    __slots__ = ("conn",)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def seen(self, serial: int, counter: int) -> bool:
        return (
            self.conn.exec_driver_sql(
                "SELECT 1 FROM seen_codes WHERE serial = ? AND counter = ?", (serial, counter)
            ).first()
            is not None
        )

    def consume(self, serial: int, counter: int, code_time: int, *, now: float, retention: int) -> bool:
        """Remember the pair (False: it was already used). Prunes as the module docstring says."""
        result = self.conn.exec_driver_sql(
            "INSERT OR IGNORE INTO seen_codes (serial, counter, code_time) VALUES (?, ?, ?)",
            (serial, counter, code_time),
        )
        if result.rowcount != 1:
            return False
        if (result.lastrowid or 0) % PRUNE_EVERY == 0:
            self.prune(now=now, retention=retention)
        return True

    def prune(self, *, now: float, retention: int) -> int:
        return self.conn.exec_driver_sql(
            "DELETE FROM seen_codes WHERE code_time < ?", (int(now) - retention,)
        ).rowcount

    def count(self) -> int:
        return int(self.conn.exec_driver_sql("SELECT count(*) FROM seen_codes").scalar_one())


class ReplayCheck:
    """alliance_protocol.verifier.ReplayGuard over the store, read-only (see the module docstring)."""

    def __init__(self, reader: Engine) -> None:
        self.reader = reader

    def seen(self, serial: int, counter: int) -> bool:
        with self.reader.connect() as conn:
            return ReplayTable(conn).seen(serial, counter)

    def remember(self, serial: int, counter: int, code_time: int) -> bool:
        """Only checks: a code is consumed with its journal record (ReplayTable.consume), never here."""
        return not self.seen(serial, counter)
