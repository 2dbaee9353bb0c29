"""The journal: append sealed records (hash chain + terminal signature) and verify the chain.

`append` runs inside the caller's write transaction (BEGIN IMMEDIATE), so the record, its outbox
entry, the replay-guard row and any counters commit together or not at all, before a verdict is
returned. `verify_journal` re-checks every stored record: shape, hash, signature, sequence without
gaps, prev_hash chain, indexed columns agreeing with the signed body, and the stored head.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from alliance_protocol import records
from alliance_protocol.journal_record import GENESIS_HASH, RecordError, check, seal
from terminal_app.store.models import JournalRow, StateEntry

HEAD_KEY = "journal_head"
# body field -> indexed column (copied on append; compared by verify)
INDEXED = ("kind", "status", "reason", "member_id", "points_earned", "points_spent", "coupon_id", "gift_id",
           "receipt_ref", "ref_seq", "shift", "recorded_at")


def head(session: Session) -> tuple[int, str]:
    row = session.connection().exec_driver_sql("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").first()
    return (0, GENESIS_HASH) if row is None else (row[0], row[1])


_INSERT = ("INSERT INTO journal (seq, recorded_at, day, shift, kind, status, reason, member_id, points_earned, "
           "points_spent, coupon_id, gift_id, receipt_ref, ref_seq, body, hash, sig) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def append(session: Session, key: Ed25519PrivateKey, body: dict[str, Any], *, day: str) -> dict[str, Any]:
    """Give `body` the next seq and prev_hash, seal it, insert it and its outbox entry."""
    seq, prev_hash = head(session)
    body = {**body, "seq": seq + 1, "prev_hash": prev_hash}
    body = {k: v for k, v in body.items() if v is not None}
    records.parse(body)  # the schema HQ parses with: a body it would refuse is never sealed (SchemaError)
    record = seal(body, key)
    conn = session.connection()
    conn.exec_driver_sql(_INSERT, (
        body["seq"], body["recorded_at"], day, body.get("shift", 0), body["kind"], body["status"], body["reason"],
        body.get("member_id"), body.get("points_earned", 0), body.get("points_spent", 0), body.get("coupon_id"),
        body.get("gift_id"), body.get("receipt_ref"), body.get("ref_seq"),
        json.dumps(body, ensure_ascii=False, sort_keys=True), record["hash"], record["sig"]))
    conn.exec_driver_sql("INSERT INTO outbox (seq, synced) VALUES (?, 0)", (body["seq"],))
    conn.exec_driver_sql(
        "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (HEAD_KEY, json.dumps({"seq": body["seq"], "hash": record["hash"]})))
    return record


def wire_record(row: JournalRow) -> dict[str, Any]:
    return {"body": json.loads(row.body), "hash": row.hash, "sig": row.sig}


@dataclass(frozen=True)
class JournalReport:
    ok: bool
    records: int
    first_broken_seq: int | None = None
    problem: str = ""
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "records": self.records, "first_broken_seq": self.first_broken_seq,
                "problem": self.problem, "detail": self.detail}


def _rows(session: Session, batch: int = 5000) -> Iterator[JournalRow]:
    last = 0
    while True:
        rows = session.scalars(select(JournalRow).where(JournalRow.seq > last).order_by(JournalRow.seq)
                               .limit(batch)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        session.expunge_all()


def verify_journal(session: Session, public: Ed25519PublicKey) -> JournalReport:
    """Check the whole chain; report the first broken record (by position in the chain)."""
    prev_seq, prev_hash, n = 0, GENESIS_HASH, 0
    for row in _rows(session):
        expected = prev_seq + 1
        try:
            record = wire_record(row)
        except ValueError as exc:
            return JournalReport(False, n, row.seq, "malformed", f"body is not JSON: {exc}")
        try:
            checked = check(record, public)
        except RecordError as exc:
            return JournalReport(False, n, row.seq, exc.problem, str(exc))
        if row.seq != checked.seq:
            return JournalReport(False, n, row.seq, "moved", f"row {row.seq} holds the record signed as {checked.seq}")
        if checked.seq != expected:
            return JournalReport(False, n, expected, "gap", f"expected seq {expected}, found {checked.seq}")
        if checked.prev_hash != prev_hash:
            return JournalReport(False, n, row.seq, "chain", f"seq {row.seq}: prev_hash does not match record {prev_seq}")
        body = checked.body
        for name in INDEXED:
            default = 0 if name in ("points_earned", "points_spent", "shift") else None
            if getattr(row, name) != body.get(name, default):
                return JournalReport(False, n, row.seq, "column", f"seq {row.seq}: column {name} disagrees with the signed body")
        prev_seq, prev_hash, n = checked.seq, checked.hash, n + 1
    stored = session.get(StateEntry, HEAD_KEY)
    if stored is not None:
        h = json.loads(stored.value)
        if h["seq"] != prev_seq or h["hash"] != prev_hash:
            return JournalReport(False, n, min(h["seq"], prev_seq + 1), "truncated",
                                 f"journal ends at {prev_seq}, the recorded head is {h['seq']}")
    elif n:
        return JournalReport(False, n, None, "truncated", "journal head marker is missing")
    return JournalReport(True, n)
