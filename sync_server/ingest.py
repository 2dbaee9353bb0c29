"""Batch ingest: each terminal record stored exactly once, exactly as signed, with what HQ decided
it does to the books (sync_server/evidence.py). Nothing a terminal sends is dropped or trusted.

Two phases:
  examine_batch  before any transaction opens (no lock held while the CPU works): every record's
                 hash and terminal signature, the record schema, the member code re-verified with
                 HQ's keys at the record's time, the times.
  store_batch    in the request's transaction, the terminal's row locked: which records are new
                 (the permanent key (terminal, seq): a batch sent twice, a lost response, overlapping
                 or out-of-order batches all end with one copy), the hash chain walked from the
                 acknowledged point, then under the alliance-wide books lock (hq.lock_books, held until
                 the commit) every new record in the chain decided in seq order (evidence.Books), the
                 records inserted with their effect, claims, void links, member balances and the cases
                 raised against this terminal.

The acknowledgement is the highest contiguous sequence stored, linked along the hash chain (a
broken link is refused and raised as chain_broken; it does not stop the queue). A record stored
beyond a gap waits ("pending", moving nothing) until the chain reaches it; then it is decided.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, or_, select, update
from sqlalchemy.orm import Session

from alliance_protocol.keys import unb64
from alliance_protocol.reasons import Reason
from alliance_protocol.records import Kind
from alliance_protocol.wire import BatchAck, WireRecord

from . import anomalies as an
from . import evidence
from .books_config import BooksConfig, load_books_config
from .db.models import Batch, Claim, Member, MemberDay, Record, Terminal
from .dialect import add_to, insert_ignore_returning
from .evidence import (
    APPLIED,
    HELD,
    PENDING,
    REFUSED,
    Books,
    Effect,
    Examined,
    case_evidence,
    case_type,
    examine,
)
from .hq import HQ, now_ms
from .terminal_keys import Enrolled

APPLIES = ("approved", "pending_verification")  # the statuses whose amounts may count
# stored records beyond the acknowledged one read per batch (the chain walk's reach)
CHAIN_LOOKAHEAD = 10 * 500


_MEMBERS_TABLE = Member.__table__
assert isinstance(_MEMBERS_TABLE, Table)
_MOVE_BALANCE = (  # (values: mid, delta, cursor)
    update(_MEMBERS_TABLE)
    .where(_MEMBERS_TABLE.c.id == bindparam("mid"))
    .values(balance=_MEMBERS_TABLE.c.balance + bindparam("delta"), change_cursor=bindparam("cursor"))
)


# The stored records a batch's chain walk reads (values: terminal; lo, hi: the batch's seqs; acked,
# reach: the acknowledged one and the chain's reach beyond it).
_STORED_FROM_ACKED = select(
    Record.seq, Record.hash, Record.prev_hash, Record.effect, Record.recorded_at, Record.id
).where(
    Record.terminal_id == bindparam("terminal"),
    or_(
        Record.seq.between(bindparam("lo"), bindparam("hi")),
        Record.seq.between(bindparam("acked"), bindparam("reach")),
    ),
)


def _column(v: Any, limit: int) -> str:
    """A short text column derived from a record: a NUL (which a PostgreSQL text column cannot hold)
    becomes U+FFFD. The body column keeps the record exactly as signed (canonical JSON escapes it)."""
    return str(v).replace("\x00", "\ufffd")[:limit]


def _int_or_none(v: Any) -> int | None:
    """An integer field that fits a BIGINT column; anything else is not used as a key or an amount."""
    return v if type(v) is int and -(2**63) <= v <= 2**63 - 1 else None


@dataclass
class ExaminedBatch:
    """A batch checked outside any transaction: the expensive part (signatures, member codes)."""

    items: list[Examined]
    records: int  # as sent, including records that could not be placed (no usable seq)
    received: int
    cfg: BooksConfig


def examine_batch(
    hq: HQ, terminal: Enrolled, records: list[WireRecord], cfg: BooksConfig | None = None
) -> ExaminedBatch:
    """Check every record on its own. Pure computation but for one read of the books settings (at
    most every few seconds): run it before opening the transaction, so no lock and no open
    transaction waits on the CPU."""
    received = now_ms()
    cfg = cfg or hq.books_config()
    keys, compromised = hq.verification_keys(), hq.compromised_keys()
    public = unb64(terminal.public_key or "")
    items = []
    checker = evidence.CodeChecker(keys, cfg, compromised)
    for rec in records:
        e = examine(
            {"body": rec.body, "hash": rec.hash, "sig": rec.sig},
            terminal.id,
            terminal.merchant_id,
            public,
            checker,
            cfg,
            received,
        )
        if e is not None:
            items.append(e)
    return ExaminedBatch(items, len(records), received, cfg)


def ingest_batch(
    hq: HQ, s: Session, terminal: Terminal, records: list[WireRecord], queued: int = 0
) -> BatchAck:
    """examine_batch then store_batch, inside the caller's transaction."""
    return store_batch(
        hq, s, terminal, examine_batch(hq, terminal, records, load_books_config(hq, s)), queued
    )


def _base_values(terminal: Terminal, e: Examined, batch_id: int, received: int) -> dict[str, Any]:
    rec = e.parsed
    if rec is not None:  # schema-checked: bounded texts without control characters, integers in range
        return dict(
            terminal_id=terminal.id,
            merchant_id=terminal.merchant_id,
            seq=e.seq,
            hash=e.hash,
            prev_hash=rec.prev_hash,
            sig=e.sig,
            body=e.text,
            kind=rec.kind.value,
            status=rec.status.value,
            reason=rec.reason.value,
            cert_serial=rec.cert_serial,
            counter=rec.counter,
            recorded_at=rec.recorded_at,
            received_at=received,
            batch_id=batch_id,
            decided_by=rec.decided_by.value if rec.decided_by is not None else None,
        )
    body = e.body if isinstance(e.body, dict) else {}
    return dict(
        terminal_id=terminal.id,
        merchant_id=terminal.merchant_id,
        seq=e.seq,
        hash=_column(e.hash, 64),
        prev_hash=_column(body.get("prev_hash", ""), 64),
        sig=_column(e.sig, 100),
        body=e.text,
        kind=_column(body.get("kind", "?"), 20),
        status=_column(body.get("status", "?"), 24),
        reason=_column(body.get("reason", "?"), 40),
        cert_serial=_int_or_none(body.get("cert_serial")),
        counter=_int_or_none(body.get("counter")),
        recorded_at=_int_or_none(body.get("recorded_at")) or 0,
        received_at=received,
        batch_id=batch_id,
        decided_by=None,
    )


def store_batch(hq: HQ, s: Session, terminal: Terminal, examined: ExaminedBatch, queued: int) -> BatchAck:
    """Inside the caller's transaction (the request's), the terminal's row locked. Returns the
    acknowledgement."""
    window = hq.settings.review_window_s
    received = examined.received
    batch = Batch(
        terminal_id=terminal.id,
        received_at=received,
        records=examined.records,
        stored=0,
        duplicates=0,
        flagged=0,
        acked_seq=terminal.acked_seq,
    )
    s.add(batch)
    s.flush()

    # New records: not stored yet (first copy in the batch wins).
    by_seq: dict[int, Examined] = {}
    for e in examined.items:
        by_seq.setdefault(e.seq, e)
    # One read of the terminal's stored records from the acknowledged one on (normally just that one):
    # which of the batch are stored already, the chain's links beyond the acknowledged point, the
    # records waiting beyond a gap, and the time of the acknowledged record.
    acked = terminal.acked_seq
    lo, hi = (min(by_seq), max(by_seq)) if by_seq else (acked, acked)
    stored_rows = {
        r.seq: r
        for r in s.execute(
            _STORED_FROM_ACKED,
            {"terminal": terminal.id, "lo": lo, "hi": hi, "acked": acked, "reach": acked + CHAIN_LOOKAHEAD},
        )
    }.values()
    stored = {r.seq for r in stored_rows}
    new = {q: e for q, e in by_seq.items() if q not in stored}
    # The same seq again with other contents: the terminal rewrites its own history. Stored once, as
    # first received; the rewrite is a case.
    rewritten = sorted(r.seq for r in stored_rows if r.seq in by_seq and r.hash != by_seq[r.seq].hash)
    links = {r.seq: (r.hash, r.prev_hash) for r in stored_rows if r.seq > terminal.acked_seq}
    waiting_ids = {r.seq: r.id for r in stored_rows if r.seq > terminal.acked_seq and r.effect == PENDING}
    prev_at = next((r.recorded_at for r in stored_rows if r.seq == terminal.acked_seq), None)
    if not terminal.acked_seq and terminal.enrolled_at:
        prev_at = terminal.enrolled_at * 1000  # the first record of a chain cannot predate the enrollment
    for q, e in new.items():
        links[q] = (e.hash, str(e.body.get("prev_hash", "")) if isinstance(e.body, dict) else "")
    acked_seq, acked_hash = terminal.acked_seq, terminal.acked_hash
    reached: list[int] = []
    broken: set[int] = set()
    while acked_seq + 1 in links:
        digest, prev_hash = links[acked_seq + 1]
        if prev_hash != acked_hash:
            broken.add(acked_seq + 1)
        acked_seq, acked_hash = acked_seq + 1, digest
        reached.append(acked_seq)

    # Decide, in seq order, every record the chain reached that is not decided yet.
    to_decide: list[Examined] = []
    for q in reached:
        if q in new:
            to_decide.append(new[q])
        elif q in waiting_ids:
            row = s.get(Record, waiting_ids[q])
            again = _reexamine(hq, terminal, row, examined.cfg) if row is not None else None
            if again is not None:
                to_decide.append(again)
    books = Books(s, terminal.id, terminal.merchant_id, examined.cfg, to_decide, prev_at, load_state=False)
    base = {
        q: _base_values(terminal, e, batch.id, received) for q, e in sorted(new.items())
    }  # (before the lock)
    hq.lock_books(s)  # the alliance-wide order of decisions: held until this transaction commits
    books.load_state()
    decided: dict[int, Effect] = {}
    for e in to_decide:
        if e.seq in broken:
            decided[e.seq] = Effect(
                REFUSED, Reason.RECORD_CHAIN_BROKEN, "prev_hash does not match the record before it"
            )
            continue
        decided[e.seq] = books.decide(e)

    # Insert the new records with their effect (beyond the chain's reach: pending, or refused on their own).
    rows = []
    for q, e in sorted(new.items()):
        values = base[q]
        effect = decided.get(q)
        if effect is None:
            effect = Effect(REFUSED, e.refused, e.detail) if e.refused is not None else Effect(PENDING)
            decided_late = False
        else:
            decided_late = True
        values.update(effect.columns())
        if not decided_late and e.parsed is not None:
            values["member_id"] = e.parsed.member_id
        rows.append(values)
        decided.setdefault(q, effect)
    ids = dict(insert_ignore_returning(s, Record, rows, ["terminal_id", "seq"], ("seq", "id")))
    for q in reached:
        if q in waiting_ids and q in decided:
            ids[q] = waiting_ids[q]
            s.execute(update(Record).where(Record.id == waiting_ids[q]).values(**decided[q].columns()))
    targets = sorted({e.void_of for e in decided.values() if e.void_of is not None} - set(ids))
    if targets:  # voids of records stored by earlier batches
        ids.update(
            s.execute(
                select(Record.seq, Record.id).where(
                    Record.terminal_id == terminal.id, Record.seq.in_(targets)
                )
            ).all()
        )
    claims = [
        {"claim": c, "record_id": ids[q], "terminal_id": terminal.id, "seq": q}
        for q, effect in sorted(decided.items())
        for c in effect.claims
    ]
    insert_ignore_returning(s, Claim, claims, ["claim"], "claim")
    books.holds.write(ids)  # online reservations settled by their records: captured or released
    for q, effect in decided.items():
        if effect.void_of is not None:
            s.execute(update(Record).where(Record.id == ids[effect.void_of]).values(voided_by_id=ids[q]))
            s.execute(update(Record).where(Record.id == ids[q]).values(void_of_id=ids[effect.void_of]))

    # Cases, against this terminal, one per fact.
    for q, effect in sorted(decided.items()):
        parsed = new[q].parsed if q in new else None
        if effect.reason is Reason.CODE_REUSED:
            ev = effect.case_evidence or {}
            first = ev.get("first_use", {})
            an.raise_code_reused(
                s,
                window,
                ev["cert_serial"],
                ev["counter"],
                effect.member_id,
                [(first.get("terminal_id", "?"), first.get("seq", 0)), (terminal.id, q)],
                against=terminal.id,
            )
        elif effect.reason is not None:
            an.raise_anomaly(
                s,
                window,
                case_type(effect.reason),
                f"{terminal.id}:{q}",
                case_evidence(terminal.id, q, effect, parsed),
                member_id=effect.member_id,
                terminal_id=terminal.id,
            )
        if parsed is not None and parsed.kind is Kind.BACKUP and parsed.counts and effect.effect == APPLIED:
            an.raise_anomaly(
                s,
                window,
                an.BACKUP_CODE_REVIEW,
                f"{terminal.id}:{q}",
                {**case_evidence(terminal.id, q, effect, parsed), "backup_code": parsed.backup_code},
                member_id=effect.member_id,
                terminal_id=terminal.id,
            )
    sent_hash = {q: by_seq[q].hash for q in rewritten}
    for r in stored_rows:
        if r.seq in sent_hash:
            an.raise_anomaly(
                s,
                window,
                an.RECORD_REWRITTEN,
                f"{terminal.id}:{r.seq}",
                {
                    "terminal_id": terminal.id,
                    "seq": r.seq,
                    "stored_hash": r.hash,
                    "sent_hash": sent_hash[r.seq],
                    "reason": Reason.RECORD_REWRITTEN.value,
                },
                terminal_id=terminal.id,
            )
    for c in books.crossings:
        an.raise_anomaly(
            s,
            window,
            an.NEGATIVE_BALANCE,
            f"{terminal.id}:{c['record']['seq']}",
            {**c, "source": "arrival"},
            member_id=c["member_id"],
            terminal_id=terminal.id,
        )

    add_to(
        s,
        MemberDay,
        ["member_id", "local_day"],
        "earned",
        [{"member_id": m, "local_day": d, "earned": e} for (m, d), e in sorted(books.day_changes().items())],
    )

    # Balances: each changed member gets a fresh change cursor (terminals and wallets see it).
    changes = sorted((m, d) for m, d in books.balance_changes.items() if d)
    if changes:
        cursor = hq.next_cursor(s, len(changes))
        s.connection().execute(
            _MOVE_BALANCE,
            [{"mid": m, "delta": d, "cursor": cursor + i} for i, (m, d) in enumerate(changes)],
        )

    terminal.acked_seq, terminal.acked_hash = acked_seq, acked_hash
    terminal.reported_queue = queued
    flagged = sum(1 for q in new if decided[q].effect in (REFUSED, HELD)) + len(rewritten)
    batch.stored, batch.duplicates, batch.flagged, batch.acked_seq = (
        len(new),
        len(by_seq) - len(new) + (len(examined.items) - len(by_seq)),
        flagged,
        acked_seq,
    )
    return BatchAck(
        acked_seq=acked_seq,
        stored=len(new),
        duplicates=batch.duplicates,
        flagged=flagged,
        server_time_ms=now_ms(),
    )


def _reexamine(hq: HQ, terminal: Terminal, row: Record, cfg: BooksConfig) -> Examined | None:
    """A stored record the chain reaches only now: examined again from what was stored."""
    try:
        body = json.loads(row.body)
    except ValueError:
        return None
    e = examine(
        {"body": body, "hash": row.hash, "sig": row.sig},
        terminal.id,
        terminal.merchant_id,
        unb64(terminal.public_key or ""),
        evidence.CodeChecker(hq.verification_keys(), cfg, hq.compromised_keys()),
        cfg,
        row.received_at,
    )
    return e
