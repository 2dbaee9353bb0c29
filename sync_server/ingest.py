"""Batch ingest: each terminal record stored exactly once, checked, flagged (never dropped).

For every record of a batch: shape, hash and the terminal's signature (journal_record.check);
the body names this terminal; the member code it carries re-verified against the alliance's
keys at the record's own time. Records are inserted with ON CONFLICT DO NOTHING on the permanent
key (terminal, seq): a batch sent twice, a response lost after commit, overlapping or
out-of-order batches all end with one copy. Only newly stored records move the member ledger.
The acknowledgement is the highest contiguous sequence stored, checked link by link along the
hash chain (a broken link is flagged and raised as an anomaly, and does not stop the queue).

Two phases: examine_batch (every check, pure computation, before any transaction opens), then
store_batch in the request's transaction (insert, anomalies, acknowledgement, and last the
member balances under the alliance-wide change-cursor lock, held only until the commit).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session, aliased

from alliance_protocol import journal_record as jr
from alliance_protocol.keys import unb64
from alliance_protocol.trust_bundle import TrustBundle
from alliance_protocol.verifier import CertificateCache, FixedClock, OfflineVerifier, VerifierSettings
from alliance_protocol.wire import BatchAck, WireRecord

from . import anomalies as an
from .db.models import Batch, Member, Record, Terminal
from .dialect import insert_ignore_returning
from .hq import HQ, now_ms

# At the server a code is checked for authenticity at the time the terminal recorded it: the
# window covers the scan session (a commit may follow the scan by up to two minutes).
REVERIFY = VerifierSettings(code_window_s=600, future_skew_s=300, clock_unconfirmed_limit_s=10**9)
APPLIES = ("approved", "pending_verification")
CERTIFICATES = CertificateCache()  # per process: each phone's certificate is checked once


def points_delta(body: dict[str, Any]) -> int:
    """What a record does to the member's balance (voids reverse what they point at)."""
    if body.get("kind") == "void" and body.get("status") == "approved":
        return int(body.get("reversed_points_spent", 0)) - int(body.get("reversed_points_earned", 0))
    if body.get("status") in APPLIES:
        return int(body.get("points_earned", 0)) - int(body.get("points_spent", 0))
    return 0


def _column(v: Any, limit: int) -> str:
    """A short text column derived from a record: a NUL (which a PostgreSQL text column cannot hold)
    becomes U+FFFD. The body column keeps the record exactly as signed (canonical JSON escapes it)."""
    return str(v).replace("\x00", "\ufffd")[:limit]


BIGINT = (-(2**63), 2**63 - 1)  # what the integer columns hold


def _int_or_none(v: Any) -> int | None:
    """An integer field that fits its column; anything else is not used as a key or an amount."""
    if isinstance(v, int) and not isinstance(v, bool) and BIGINT[0] <= v <= BIGINT[1]:
        return v
    return None


# A code refused only by TODAY's deny list was acceptable when the terminal took it offline (it had
# not received the entry yet): the points stand, and HQ reviews the case (it may reverse it).
DENY_REASONS = ("CERT_REVOKED", "MEMBER_BLOCKED")


@dataclass
class _Row:
    values: dict[str, Any]
    body: dict[str, Any]
    denied: str | None = None  # deny-list reason found on re-verification


def _examine(rec: WireRecord, terminal: Terminal, public, bundle: TrustBundle, received: int) -> _Row | None:
    raw = rec.model_dump()
    body = raw["body"]
    seq = _int_or_none(body.get("seq"))
    if seq is None or seq < 1:
        return None  # cannot be placed in the terminal's sequence at all: reported, not stored
    flags: list[str] = []
    text = None
    try:
        text = jr.check(raw, public).canonical.decode()
    except jr.RecordError as exc:  # shape, floats, hash or signature
        flags.append(f"{exc.problem}: {exc}"[:120])
    if text is None:
        text = json.dumps(body, sort_keys=True)  # ASCII: whatever the body holds can be stored
    if body.get("terminal_id") != terminal.id:
        flags.append("names another terminal")
    code = body.get("code")
    denied = None
    recorded_at = _int_or_none(body.get("recorded_at")) or 0
    if isinstance(code, str) and body.get("status") in APPLIES:
        verdict = OfflineVerifier(bundle, FixedClock(recorded_at / 1000), None, REVERIFY,
                                  CERTIFICATES).verify(code)
        if verdict.reason.value in DENY_REASONS:
            denied = verdict.reason.value
        elif not verdict.ok:
            flags.append(f"member code: {verdict.reason.value}")
        elif (verdict.member_id, verdict.cert_serial, verdict.counter) != (
                body.get("member_id"), body.get("cert_serial"), body.get("counter")):
            flags.append("member code does not match the record's member fields")
    try:
        delta = points_delta(body)
        if _int_or_none(delta) is None:
            raise ValueError(delta)
    except (TypeError, ValueError):
        delta = 0
        flags.append("amounts are not integers in range")
    values = dict(
        terminal_id=terminal.id, merchant_id=terminal.merchant_id, seq=seq, hash=_column(rec.hash, 64),
        prev_hash=_column(body.get("prev_hash", ""), 64), sig=_column(rec.sig, 100), body=text,
        kind=_column(body.get("kind", "?"), 20), status=_column(body.get("status", "?"), 24),
        reason=_column(body.get("reason", "?"), 40), member_id=_int_or_none(body.get("member_id")),
        cert_serial=_int_or_none(body.get("cert_serial")), counter=_int_or_none(body.get("counter")),
        points_delta=0 if flags else delta, recorded_at=recorded_at, received_at=received,
        flag="; ".join(flags)[:200] or None)
    return _Row(values, body, denied)


@dataclass
class Examined:
    """A batch checked outside any transaction: the expensive part (signatures, member codes)."""

    rows: list[_Row]
    records: int  # as sent, including records that could not be placed (no usable seq)
    received: int


def examine_batch(terminal: Terminal, records: list[WireRecord], bundle: TrustBundle) -> Examined:
    """Check every record (shape, hash, terminal signature, member code). Pure computation: run it
    before opening the transaction, so no lock and no open transaction waits on the CPU."""
    received = now_ms()
    public = unb64(terminal.public_key)
    rows = [r for r in (_examine(rec, terminal, public, bundle, received) for rec in records) if r]
    return Examined(rows, len(records), received)


def ingest_batch(hq: HQ, s: Session, terminal: Terminal, records: list[WireRecord], queued: int,
                 bundle: TrustBundle) -> BatchAck:
    """examine_batch then store_batch, inside the caller's transaction."""
    return store_batch(hq, s, terminal, examine_batch(terminal, records, bundle), queued)


def store_batch(hq: HQ, s: Session, terminal: Terminal, examined: Examined, queued: int) -> BatchAck:
    """Inside the caller's transaction (the request's), the terminal's row locked. Returns the
    acknowledgement. The alliance-wide change-cursor lock is taken last, just before the commit, so
    concurrent batches queue on it for as short a time as possible."""
    window = hq.settings.review_window_s
    rows, received = examined.rows, examined.received
    batch = Batch(terminal_id=terminal.id, received_at=received, records=examined.records, stored=0,
                  duplicates=0, flagged=0, acked_seq=terminal.acked_seq)
    s.add(batch)
    s.flush()
    for r in rows:
        r.values["batch_id"] = batch.id
    inserted = set(insert_ignore_returning(s, Record, [r.values for r in rows], ["terminal_id", "seq"],
                                           "seq"))
    new = [r for r in rows if r.values["seq"] in inserted]

    for r in new:
        v = r.values
        if v["flag"]:
            an.raise_anomaly(s, window, an.BAD_RECORD, f"{terminal.id}:{v['seq']}",
                             {"terminal_id": terminal.id, "seq": v["seq"], "problem": v["flag"]},
                             member_id=v["member_id"], terminal_id=terminal.id)
        if r.denied and not v["flag"]:
            an.raise_anomaly(s, window, an.DENIED_MEMBER_ACTIVITY, f"{terminal.id}:{v['seq']}",
                             {"terminal_id": terminal.id, "seq": v["seq"], "member_id": v["member_id"],
                              "cert_serial": v["cert_serial"], "reason": r.denied,
                              "points_delta": v["points_delta"], "terminal_bundle_seq": r.body.get("bundle_seq")},
                             member_id=v["member_id"], terminal_id=terminal.id)
        if v["kind"] == "backup":
            an.raise_anomaly(s, window, an.BACKUP_CODE_REVIEW, f"{terminal.id}:{v['seq']}",
                             {"terminal_id": terminal.id, "seq": v["seq"],
                              "backup_code": r.body.get("backup_code"), "bill_fen": r.body.get("bill_fen")},
                             terminal_id=terminal.id)

    # Acknowledge the highest contiguous sequence, walking the hash chain link by link.
    acked_seq, acked_hash = terminal.acked_seq, terminal.acked_hash
    following = s.execute(select(Record.seq, Record.hash, Record.prev_hash, Record.id)
                          .where(Record.terminal_id == terminal.id, Record.seq > acked_seq)
                          .order_by(Record.seq)).all()
    for seq, digest, prev_hash, rid in following:
        if seq != acked_seq + 1:
            break
        if prev_hash != acked_hash:
            s.execute(update(Record).where(Record.id == rid).values(
                flag=f"chain broken: prev_hash does not match record {acked_seq}"))
            an.raise_anomaly(s, window, an.CHAIN_BROKEN, f"{terminal.id}:{seq}",
                             {"terminal_id": terminal.id, "seq": seq, "expected_prev": acked_hash,
                              "stated_prev": prev_hash}, terminal_id=terminal.id)
        acked_seq, acked_hash = seq, digest
    terminal.acked_seq, terminal.acked_hash = acked_seq, acked_hash
    terminal.reported_queue = queued
    flagged = sum(1 for r in new if r.values["flag"])
    batch.stored, batch.duplicates, batch.flagged, batch.acked_seq = (
        len(new), len(rows) - len(new), flagged, acked_seq)

    # The member ledger moves for new records only (a duplicate was applied when first stored).
    deltas: dict[int, int] = {}
    for r in new:
        m, d = r.values["member_id"], r.values["points_delta"]
        if m is not None and d:
            deltas[m] = deltas.get(m, 0) + d
    if deltas:
        cursor = hq.next_cursor(s, len(deltas))  # the alliance-wide lock, held until the commit
        for i, (member_id, d) in enumerate(sorted(deltas.items())):
            s.execute(update(Member).where(Member.id == member_id)
                      .values(balance=Member.balance + d, change_cursor=cursor + i))
        for member_id, balance in s.execute(select(Member.id, Member.balance).where(
                Member.id.in_(deltas), Member.balance < 0)):
            an.raise_anomaly(s, window, an.NEGATIVE_BALANCE, f"{member_id}:{received // 86_400_000}",
                             {"member_id": member_id, "balance": balance, "terminal_id": terminal.id},
                             member_id=member_id, terminal_id=terminal.id)
    # After the cursor lock: a batch that moved points and committed meanwhile is visible here.
    _detect_code_reuse(s, window, terminal.id, batch.id, new)
    return BatchAck(acked_seq=acked_seq, stored=len(new), duplicates=len(rows) - len(new), flagged=flagged,
                    server_time_ms=now_ms())


def _detect_code_reuse(s: Session, window: int, terminal_id: str, batch_id: int, new: list[_Row]) -> None:
    """The same (serial, counter) approved at another terminal: a copied code (a bearer token).

    One self-join from this batch's new rows (found by the unique key (terminal, seq)) to every
    other terminal's record with the same pair (ix_records_code). Batches that move points have
    queued on the change-cursor lock before this runs, so on PostgreSQL this statement sees what the
    other committed; two batches that move no points (coupon write-offs) in flight at the same
    moment cannot see each other's rows. Reconciliation sweeps the whole table for those
    (reconcile.sweep_code_reuse); the anomaly's key makes the two findings one case."""
    seqs = [r.values["seq"] for r in new
            if r.values["cert_serial"] is not None and r.values["status"] in APPLIES]
    if not seqs:
        return
    mine, other = aliased(Record), aliased(Record)
    found = s.execute(
        select(mine.seq, other.terminal_id, other.seq, other.cert_serial, other.counter, other.member_id)
        .join(other, and_(other.cert_serial == mine.cert_serial, other.counter == mine.counter))
        .where(mine.terminal_id == terminal_id, mine.seq.between(min(seqs), max(seqs)),
               mine.batch_id == batch_id, mine.status.in_(APPLIES),
               other.status.in_(APPLIES), other.terminal_id != terminal_id)).all()
    for my_seq, other_terminal, other_seq, serial, counter, member_id in found:
        an.raise_code_reused(s, window, serial, counter, member_id,
                             [(terminal_id, my_seq), (other_terminal, other_seq)])
