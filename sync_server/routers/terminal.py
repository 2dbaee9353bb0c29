"""What an enrolled terminal asks, every request signed by it (SignedTerminalDep):

    POST /v1/terminal/batches          journal records, idempotent on (terminal, seq) -> BatchAck
    GET  /v1/terminal/bundle?have=N    the trust bundle if newer than N
    GET  /v1/terminal/balances?after=C member balances changed after the server-issued cursor C
"""

from __future__ import annotations

from fastapi import APIRouter, Query, Response
from sqlalchemy import select

from alliance_protocol.wire import (
    MAX_CURSOR,
    BalanceEntry,
    BalancesResponse,
    BatchAck,
    BatchUpload,
    BundleResponse,
)

from ..db.models import Member
from ..hq import HQError, mask_name, mask_phone, now_ms
from ..ingest import examine_batch, store_batch
from .deps import BatchSlotsDep, HQDep, SessionDep, SignedTerminalDep

router = APIRouter(prefix="/v1/terminal", tags=["terminal"])


@router.post("/batches", response_model=BatchAck)
def upload(signed: SignedTerminalDep, s: SessionDep, hq: HQDep, batch_slots: BatchSlotsDep,
           response: Response) -> BatchAck:
    # The terminal's next batch connects anew, so it goes to whichever worker is free: with
    # keep-alive, every batch of a terminal (a week's backlog is 20 of them) would stay on the worker
    # that accepted its connection, while the other workers idle. One connect per 500 records.
    response.headers["Connection"] = "close"
    try:
        batch = BatchUpload.model_validate_json(signed.body)
    except ValueError as exc:
        raise HQError("REQUEST_INVALID", str(exc)[:300], 422) from None
    hq.current_bundle()  # the bundle in force is issued (and kept as a version) before records name it
    # Batches examined and stored at once in this process (settings.batch_slots). The work is
    # CPU-bound Python: more threads only take turns on the interpreter lock (a transaction holding
    # the books lock waits its turn too); the other requests wait here without using the CPU.
    with batch_slots:
        # Signatures and member codes are checked before the transaction opens: no lock is held and
        # no transaction stays open while the CPU works.
        examined = examine_batch(hq, signed.terminal, batch.records)
        with s.begin():
            terminal = signed.record_use(s)
            if batch.clock_offset_ms is not None:
                # The request itself is signed with the corrected clock: only the terminal knows how
                # far its host clock is off. Reconciliation raises clock_skew past the tolerance.
                terminal.clock_offset_ms = -batch.clock_offset_ms
            return store_batch(hq, s, terminal, examined, batch.queued)


@router.get("/bundle", response_model=BundleResponse)
def bundle(signed: SignedTerminalDep, s: SessionDep, hq: HQDep,
           have: int = Query(0, ge=0, le=MAX_CURSOR)) -> BundleResponse:
    seq, envelope = hq.current_bundle()
    with s.begin():
        signed.record_use(s)
    return BundleResponse(sequence=seq, envelope=None if have >= seq else envelope.decode(),
                          server_time_ms=now_ms())


@router.get("/balances", response_model=BalancesResponse)
def balances(signed: SignedTerminalDep, s: SessionDep, after: int = Query(0, ge=0, le=MAX_CURSOR),
             limit: int = Query(5000, ge=1, le=20_000)) -> BalancesResponse:
    with s.begin():
        signed.record_use(s)
        rows = s.scalars(select(Member).where(Member.change_cursor > after)
                         .order_by(Member.change_cursor, Member.id).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    # Minimal personal data: id, masked name and phone, tier, balance.
    entries = [BalanceEntry(member_id=m.id, balance=m.balance, expiring_soon=m.expiring_soon, tier=m.tier,
                            masked_name=mask_name(m.name), masked_phone=mask_phone(m.phone),
                            birthday_month=m.birthday_month) for m in rows]
    cursor = rows[-1].change_cursor if rows else after
    return BalancesResponse(balances=entries, cursor=cursor, more=more, server_time_ms=now_ms())
