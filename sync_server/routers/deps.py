"""The dependencies the routes take (FastAPI `Depends`, as `Annotated` aliases).

HQDep              the HQ the app was created for (app.state.hq)
SessionDep         one database session per request; a route opens its transaction with
                   `with s.begin():` (the session holds no connection before that)
SignedTerminalDep  the enrolled, active terminal that signed this request (request_auth):
                   its row as authenticated, the raw body the signature covers, the nonce
LimitsDep          the abuse limits (sync_server/ratelimit.py) and the limiter counting them
BatchSlotsDep      the batch uploads examined and stored at once in this process
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from alliance_protocol import request_auth
from alliance_protocol.keys import unb64

from ..db.models import RequestNonce, Terminal
from ..dialect import insert_ignore
from ..hq import HQ, HQError, now_ms
from ..ratelimit import Limit, Limiter
from ..settings import ServerSettings


async def get_hq(request: Request) -> HQ:  # (async: no thread hop for an attribute)
    return request.app.state.hq


HQDep = Annotated[HQ, Depends(get_hq)]


async def get_session(hq: HQDep) -> AsyncIterator[Session]:
    """No thread hop: making a Session does no I/O (it connects at the route's `with s.begin():`),
    and the routes end their transactions themselves, so closing it does none either; a session
    still in a transaction is closed on a worker thread (its rollback is I/O)."""
    s = hq.session()
    try:
        yield s
    finally:
        if s.in_transaction():
            await run_in_threadpool(s.close)
        else:
            s.close()


SessionDep = Annotated[Session, Depends(get_session)]


@dataclass(frozen=True)
class Limits:
    """Failed attempts allowed per window (settings: SYNC_SERVER_*_FAILURES*, *_WINDOW_S)."""

    limiter: Limiter
    wallet_per_member: Limit
    wallet_per_address: Limit
    enroll_per_address: Limit
    hq_login_per_address: Limit
    hq_login_per_user: Limit

    @classmethod
    def of(cls, limiter: Limiter, settings: ServerSettings) -> Limits:
        window = settings.login_window_s
        return cls(
            limiter,
            Limit("wallet-member", settings.wallet_failures_per_member, window),
            Limit("wallet-address", settings.wallet_failures_per_address, window),
            Limit("enroll-address", settings.enroll_failures_per_address, settings.enroll_window_s),
            Limit("hq-login-address", settings.hq_login_failures, window),
            Limit("hq-login-user", settings.hq_login_failures, window),
        )


async def get_limits(request: Request) -> Limits:
    return request.app.state.limits


LimitsDep = Annotated[Limits, Depends(get_limits)]


async def get_batch_slots(request: Request) -> threading.BoundedSemaphore:
    return request.app.state.batch_slots


BatchSlotsDep = Annotated[threading.BoundedSemaphore, Depends(get_batch_slots)]


async def raw_body(request: Request) -> bytes:
    """The body exactly as sent (what a terminal's signature covers); BodyLimit bounds it."""
    return await request.body()


@dataclass
class SignedTerminal:
    """A request an enrolled, active terminal signed. `terminal` is its row as authenticated
    (detached, read-only: the route's transaction reads it again, locked where it changes it)."""

    terminal: Terminal
    auth: request_auth.SignedRequest
    body: bytes

    def record_use(self, s: Session, *, lock: bool = False) -> Terminal:
        """In the route's transaction: the request's nonce stored (its unique key refuses a replay
        that got past the early check: one statement, nothing inserted when the nonce is there or
        being inserted by a concurrent request) and the terminal seen now; returns the terminal's
        row, locked FOR UPDATE with `lock` (a batch changes its chain state)."""
        stored = s.execute(
            insert_ignore(s, RequestNonce, ["terminal_id", "nonce"])
            .values(terminal_id=self.terminal.id, nonce=self.auth.nonce, seen_ms=now_ms())
            .returning(RequestNonce.nonce)
        ).first()
        if stored is None:
            raise HQError("REQUEST_REPLAYED", "nonce already used", 409)
        row = s.get(Terminal, self.terminal.id, with_for_update=lock or None, populate_existing=lock)
        assert row is not None  # authenticated in this request; terminals are never deleted
        row.last_seen_ms = now_ms()
        return row


def signed_terminal(request: Request, hq: HQDep, body: Annotated[bytes, Depends(raw_body)]) -> SignedTerminal:
    """Authenticate a terminal request (request_auth): 401 for a missing or bad signature or an
    unknown terminal, 403 for a suspended one, 409 for a nonce seen before. The lookups are a read
    of their own (hq.read_session: on SQLite it does not queue behind the writer), ended before
    the route opens its transaction."""
    try:
        req = request_auth.parse_headers(request.headers)
    except request_auth.AuthError as exc:
        raise HQError(exc.reason, str(exc), 401) from None
    with hq.read_session() as s:  # one query: the terminal, and whether its nonce was seen
        found = s.execute(
            select(
                Terminal,
                exists().where(RequestNonce.terminal_id == Terminal.id, RequestNonce.nonce == req.nonce),
            ).where(Terminal.id == req.terminal_id)
        ).first()
        terminal, seen = (found[0], bool(found[1])) if found is not None else (None, False)
    if terminal is None or terminal.public_key is None:
        raise HQError("TERMINAL_UNKNOWN", req.terminal_id, 401)
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    try:
        request_auth.check(req, unb64(terminal.public_key), request.method, path, body, now_ms())
    except request_auth.AuthError as exc:
        raise HQError(exc.reason, str(exc), 401) from None
    if terminal.status != "active":
        raise HQError("TERMINAL_SUSPENDED", terminal.id, 403)
    if seen:  # early and cheap; the nonce's insert in the route's transaction is what decides
        raise HQError("REQUEST_REPLAYED", "nonce already used", 409)
    return SignedTerminal(terminal, req, body)


SignedTerminalDep = Annotated[SignedTerminal, Depends(signed_terminal)]
