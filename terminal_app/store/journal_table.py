"""The journal's rows (tables `journal` and `outbox`): insert, read, the one column ever updated.

    tx.journal.head()                       # (seq, hash) of the newest record, or (0, GENESIS_HASH)
    tx.journal.insert(body, record, day)    # the sealed record, its outbox entry and the head marker
    tx.journal.get(seq)                     # JournalEntry (typed row) or None
    tx.journal.log(LogFilter(...))          # records for people, newest first

Sealing and the schema check are the core's (terminal_app/core/journal.py); this module only
stores and reads rows. Plain SQL on the transaction's connection: it is on every commit. The
indexed columns are copies of body fields (INDEXED); `voided_by` is set when a later void record
points at a row (`mark_voided`), the only update a journal row ever gets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from alliance_protocol.journal_record import GENESIS_HASH

from .state import Key, StateTable

# body field -> indexed column (copied on insert; compared by `journal verify`)
INDEXED = (
    "kind",
    "status",
    "reason",
    "member_id",
    "points_earned",
    "points_spent",
    "coupon_id",
    "gift_id",
    "receipt_ref",
    "ref_seq",
    "shift",
    "recorded_at",
)
COLUMN_DEFAULTS: dict[str, Any] = {"points_earned": 0, "points_spent": 0, "shift": 0}
COUNTING = ("approved", "pending_verification")
LIVE = "status IN ('approved', 'pending_verification') AND voided_by IS NULL"  # a record that counts

_COLUMNS = (
    "seq, recorded_at, day, shift, kind, status, reason, member_id, points_earned, points_spent, "
    "coupon_id, gift_id, receipt_ref, ref_seq, voided_by, body, hash, sig"
)
INSERT = (
    "INSERT INTO journal (seq, recorded_at, day, shift, kind, status, reason, member_id, points_earned, "
    "points_spent, coupon_id, gift_id, receipt_ref, ref_seq, body, hash, sig) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_RECENT = 200_000  # how far back the "already used" search looks (records)


@dataclass(frozen=True)
class JournalEntry:
    """One stored row: the signed body (JSON text), its hash and signature, the indexed copies."""

    seq: int
    recorded_at: int  # unix ms
    day: str  # local date, YYYY-MM-DD
    shift: int
    kind: str
    status: str
    reason: str
    member_id: int | None
    points_earned: int
    points_spent: int
    coupon_id: str | None
    gift_id: str | None
    receipt_ref: str | None
    ref_seq: int | None
    voided_by: int | None
    body: str
    hash: str
    sig: str

    def wire(self) -> dict[str, Any]:
        """The record as sealed ({"body", "hash", "sig"}): what the outbox sends. ValueError if the
        body is not JSON (an edited file)."""
        return {"body": json.loads(self.body), "hash": self.hash, "sig": self.sig}

    def view(self, synced_through: int) -> dict[str, Any]:
        """The record as the log and the receipts show it: the body plus day, hash, voided_by, synced."""
        return {
            **json.loads(self.body),
            "day": self.day,
            "hash": self.hash,
            "voided_by": self.voided_by,
            "synced": self.seq <= synced_through,
        }


@dataclass(frozen=True)
class LogFilter:
    day_from: str | None = None  # local date YYYY-MM-DD, inclusive
    day_to: str | None = None
    member_id: int | None = None
    kind: str | None = None
    status: str | None = None
    reason: str | None = None
    limit: int = 1000


def _entry(row: Any) -> JournalEntry:
    return JournalEntry(*row)


class JournalTable:
    __slots__ = ("conn",)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # --- writing
    def head(self) -> tuple[int, str]:
        row = self.conn.exec_driver_sql("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").first()
        return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))

    def insert(self, body: dict[str, Any], record: dict[str, Any], day: str) -> None:
        """The sealed record (`record` = seal(body)), its outbox entry and the head marker."""
        self.conn.exec_driver_sql(
            INSERT,
            (
                body["seq"],
                body["recorded_at"],
                day,
                body.get("shift", 0),
                body["kind"],
                body["status"],
                body["reason"],
                body.get("member_id"),
                body.get("points_earned", 0),
                body.get("points_spent", 0),
                body.get("coupon_id"),
                body.get("gift_id"),
                body.get("receipt_ref"),
                body.get("ref_seq"),
                json.dumps(body, ensure_ascii=False, sort_keys=True),
                record["hash"],
                record["sig"],
            ),
        )
        self.conn.exec_driver_sql("INSERT INTO outbox (seq, synced) VALUES (?, 0)", (body["seq"],))
        StateTable(self.conn).put(Key.JOURNAL_HEAD, {"seq": body["seq"], "hash": record["hash"]})

    def mark_voided(self, seq: int, by_seq: int) -> None:
        self.conn.exec_driver_sql("UPDATE journal SET voided_by = ? WHERE seq = ?", (by_seq, seq))

    # --- reading rows
    def get(self, seq: int) -> JournalEntry | None:
        row = self.conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM journal WHERE seq = ?", (seq,)).first()
        return None if row is None else _entry(row)

    def entries_after(self, seq: int, limit: int) -> list[JournalEntry]:
        """Up to `limit` rows after `seq`, in seq order (journal verify walks the chain with this)."""
        rows = self.conn.exec_driver_sql(
            f"SELECT {_COLUMNS} FROM journal WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit)
        )
        return [_entry(r) for r in rows]

    def stored_head(self) -> dict[str, Any] | None:
        """The head marker ({"seq", "hash"}) written with every record (None: never written)."""
        head = StateTable(self.conn).get(Key.JOURNAL_HEAD)
        return head if isinstance(head, dict) else None

    def view(self, seq: int) -> dict[str, Any] | None:
        """One record as the log shows it, plus "synced" (None: no such record)."""
        entry = self.get(seq) if type(seq) is int else None
        return None if entry is None else entry.view(StateTable(self.conn).synced_through())

    def log(self, f: LogFilter = LogFilter()) -> list[dict[str, Any]]:
        """Records for people, newest first: the signed body plus day, hash and voided_by."""
        where: list[str] = []
        params: list[object] = []
        for column, value in (
            ("day >= ?", f.day_from),
            ("day <= ?", f.day_to),
            ("kind = ?", f.kind),
            ("status = ?", f.status),
            ("reason = ?", f.reason),
        ):
            if value:
                where.append(column)
                params.append(value)
        if f.member_id is not None:
            where.append("member_id = ?")
            params.append(f.member_id)
        sql = "SELECT body, day, hash, voided_by FROM journal"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq DESC LIMIT ?"
        params.append(max(1, min(int(f.limit), 1_000_000)))
        return [
            {**json.loads(body), "day": day, "hash": hash_, "voided_by": voided_by}
            for body, day, hash_, voided_by in self.conn.exec_driver_sql(sql, tuple(params))
        ]

    def earlier_use(self, declined: dict[str, Any]) -> dict[str, Any] | None:
        """The record that already used what `declined` (a declined record) asked for: the same member
        code (CODE_REPLAYED) or the same single-use coupon of the same member (COUPON_USED). None
        when it is not on this terminal (used elsewhere: HQ knows, this terminal does not)."""
        reason, seq = declined.get("reason"), declined.get("seq")
        seq = seq if type(seq) is int else 0
        live = "status IN ('approved', 'pending_verification') AND seq < ? AND seq > ?"
        found = None
        if (
            reason == "CODE_REPLAYED"
            and type(declined.get("cert_serial")) is int
            and type(declined.get("counter")) is int
        ):
            found = self.conn.exec_driver_sql(
                f"SELECT seq FROM journal WHERE member_id = ? AND {live} "
                "AND json_extract(body, '$.cert_serial') = ? AND json_extract(body, '$.counter') = ? "
                "ORDER BY seq LIMIT 1",
                (declined.get("member_id"), seq, seq - _RECENT, declined["cert_serial"], declined["counter"]),
            ).first()
        elif reason == "COUPON_USED" and declined.get("coupon_id"):
            found = self.conn.exec_driver_sql(
                f"SELECT seq FROM journal WHERE coupon_id = ? AND member_id = ? AND {live} "
                "AND voided_by IS NULL ORDER BY seq DESC LIMIT 1",
                (declined["coupon_id"], declined.get("member_id"), seq, seq - _RECENT),
            ).first()
        return None if found is None else self.view(int(found[0]))

    # --- shifts (terminal_app/core/reports.py adds them up)
    def shift_rows(self, shift: int) -> list[tuple[str, str, int | None, int, int, int, dict[str, Any]]]:
        """(kind, status, voided_by, points_earned, points_spent, recorded_at, body) of every record of
        `shift` except its close."""
        rows = self.conn.exec_driver_sql(
            "SELECT kind, status, voided_by, points_earned, points_spent, recorded_at, body FROM journal "
            "WHERE shift = ? AND kind != 'shift_close'",
            (shift,),
        )
        return [(k, st, vb, pe, ps, at, json.loads(body)) for k, st, vb, pe, ps, at, body in rows]

    def shift_closes(self) -> list[tuple[int, dict[str, Any]]]:
        """(seq, body) of every shift_close record, oldest first."""
        rows = self.conn.exec_driver_sql(
            "SELECT seq, body FROM journal WHERE kind = 'shift_close' ORDER BY seq"
        )
        return [(int(seq), json.loads(body)) for seq, body in rows]
