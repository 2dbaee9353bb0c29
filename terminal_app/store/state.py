"""Named state: the terminal's small key/value values (table `state`), the one implementation.

    tx.state.get(Key.SHIFT, 1); tx.state.put(Key.SHIFT, 2)     # inside a store transaction

Every key the terminal keeps is a member of `Key`; values are JSON. Plain SQL on the
transaction's connection (the journal commit reads and writes several per record).
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection


class Key(StrEnum):
    ROOT_KEYS = "root_keys"  # the pinned alliance root public keys (base64)
    HQ_ANCHOR = "hq_anchor"  # how they were learned ("enrollment-code", "first-use")
    IDENTITY = "identity"  # TerminalIdentity as a dict
    CLOCK = "clock"  # {"offset_ms", "confirmed_at", "round_trip_ms"}: the server-corrected clock
    LAST_SYNC_AT = "last_sync_at"  # unix s of the last successful sync
    SYNCED_THROUGH = "synced_through"  # the highest seq HQ acknowledged (outbox position)
    BALANCE_CURSOR = "balance_cursor"  # HQ's cursor for the next balance download
    SHIFT = "shift"  # the open shift's number
    JOURNAL_HEAD = "journal_head"  # {"seq", "hash"} of the newest journal record


_UPSERT = "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"


class StateTable:
    __slots__ = ("conn",)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, key: str, default: Any = None) -> Any:
        text = self.get_text(key)
        return default if text is None else json.loads(text)

    def get_text(self, key: str) -> str | None:
        """The value's JSON text as stored (None: no such key)."""
        row = self.conn.exec_driver_sql("SELECT value FROM state WHERE key = ?", (str(key),)).first()
        return None if row is None else str(row[0])

    def put(self, key: str, value: Any) -> None:
        self.conn.exec_driver_sql(_UPSERT, (str(key), json.dumps(value)))

    def delete(self, key: str) -> None:
        self.conn.exec_driver_sql("DELETE FROM state WHERE key = ?", (str(key),))

    # the typed ones the rules read on every commit
    def synced_through(self) -> int:
        return int(self.get(Key.SYNCED_THROUGH, 0))

    def shift(self) -> int:
        return int(self.get(Key.SHIFT, 1))
