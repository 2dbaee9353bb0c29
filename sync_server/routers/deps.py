"""The dependencies the routes take (FastAPI `Depends`, as `Annotated` aliases).

HQDep              the HQ the app was created for (app.state.hq)
SessionDep         one database session per request; a route opens its transaction with
                   `with s.begin():` (the session holds no connection before that)
SignedTerminalDep  the enrolled, active terminal that signed this request (request_auth): what
                   its signature was checked against, the raw body it covers, the nonce; the
                   route's transaction calls `record_use` (nonce stored, row checked again)
LimitsDep          the abuse limits (sync_server/ratelimit.py) and the limiter counting them
BatchSlotsDep      the batch uploads examined and stored at once in this process
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import bindparam, exists, select, update
from sqlalchemy.orm import Session

from alliance_protocol import request_auth

from ..db.models import RequestNonce, Terminal
from ..dialect import Prebuilt, insert_ignore_on
from ..hq import HQ, HQError, now_ms
from ..ratelimit import Limit, Limiter
from ..settings import ServerSettings
from ..terminal_keys import TerminalIdentity, TerminalKeys


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
    """A request an enrolled, active terminal signed. `terminal` is what its signature was checked
    against (sync_server/terminal_keys.py: id, merchant, key; no row, no session): the route's
    transaction reads the row itself, in `record_use`, and refuses the request if that has changed."""

    terminal: TerminalIdentity
    auth: request_auth.SignedRequest
    body: bytes
    memo: TerminalKeys | None = None

    def record_use(self, s: Session) -> Terminal:
        """In the route's transaction: the request's nonce stored (its unique key refuses a replay:
        nothing is inserted when the nonce is there or being inserted by a concurrent request), the
        terminal seen now, and its row as it is now checked against what the signature was checked
        with (still active, the same key and merchant). Returns the row as it is now, locked until
        the transaction ends (the update of last_seen_ms locks it: a batch or an authorisation
        reads and moves its chain state under that lock). PostgreSQL: one statement for all of it."""
        values = {"tid": self.terminal.id, "nonce": self.auth.nonce, "now": now_ms()}
        options = {"populate_existing": True, "synchronize_session": False}
        if s.get_bind().dialect.name == "postgresql":
            row = s.scalars(_NONCE_AND_SEEN.of(s), values, execution_options=options).first()
        elif s.execute(_NONCE.of(s), values).first() is None:
            row = None
        else:
            row = s.scalars(_SEEN.of(s), values, execution_options=options).first()
        if row is None:  # (terminals are never deleted: it is the nonce that was there)
            raise HQError("REQUEST_REPLAYED", "nonce already used", 409)
        if row.status != "active":
            self._forget()
            raise HQError("TERMINAL_SUSPENDED", row.id, 403)
        if row.public_key != self.terminal.public_key or row.merchant_id != self.terminal.merchant_id:
            self._forget()  # enrolled again meanwhile: the request was signed with a key no longer its own
            raise HQError("REQUEST_BAD_SIGNATURE", "signed with a key this terminal no longer has", 401)
        return row

    def _forget(self) -> None:
        if self.memo is not None:
            self.memo.forget(self.terminal.id)


# record_use's statements, built once (values: tid, nonce, now). PostgreSQL: the row is updated only
# when the nonce was stored, in one statement.
def _nonce(dialect: str) -> Any:
    return (
        insert_ignore_on(dialect, RequestNonce, ["terminal_id", "nonce"])
        .values(terminal_id=bindparam("tid"), nonce=bindparam("nonce"), seen_ms=bindparam("now"))
        .returning(RequestNonce.nonce)
    )


def _seen(_dialect: str) -> Any:
    return (
        update(Terminal)
        .where(Terminal.id == bindparam("tid"))
        .values(last_seen_ms=bindparam("now"))
        .returning(Terminal)
    )


def _nonce_and_seen(dialect: str) -> Any:
    stored = _nonce(dialect).cte("stored_nonce")
    return _seen(dialect).add_cte(stored).where(exists(stored.select()))


_NONCE, _SEEN, _NONCE_AND_SEEN = Prebuilt(_nonce), Prebuilt(_seen), Prebuilt(_nonce_and_seen)


def _read_terminal(hq: HQ, terminal_id: str, nonce: str) -> tuple[Terminal | None, bool]:
    """One query: the terminal, and whether this nonce was seen (a read of its own: hq.read_session
    does not queue behind the writer on SQLite)."""
    with hq.read_session() as s:
        found = s.execute(
            select(
                Terminal,
                exists().where(RequestNonce.terminal_id == Terminal.id, RequestNonce.nonce == nonce),
            ).where(Terminal.id == terminal_id)
        ).first()
    return (found[0], bool(found[1])) if found is not None else (None, False)


async def signed_terminal(
    request: Request, hq: HQDep, body: Annotated[bytes, Depends(raw_body)]
) -> SignedTerminal:
    """Authenticate a terminal request (request_auth): 401 for a missing or bad signature or an
    unknown terminal, 403 for a suspended one, 409 for a nonce seen before.

    The key is the one this process remembers for the terminal (sync_server/terminal_keys.py), or
    read now when it has none or the signature does not verify against it: a request of a known
    terminal takes no connection and no thread before its route's transaction, which checks the
    row and stores the nonce (record_use). A read of the row also tells whether the nonce was seen
    (early and cheap; the nonce's insert in the route's transaction is what decides)."""
    try:
        req = request_auth.parse_headers(request.headers)
    except request_auth.AuthError as exc:
        raise HQError(exc.reason, str(exc), 401) from None
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    memo: TerminalKeys = hq.terminal_keys
    known = memo.get(req.terminal_id)
    if known is not None:
        try:
            request_auth.check(req, known.raw_key, request.method, path, body, now_ms())
            return SignedTerminal(known, req, body, memo)
        except request_auth.AuthError:
            memo.forget(req.terminal_id)  # enrolled again with another key? The row says (below).
    terminal, seen = await run_in_threadpool(_read_terminal, hq, req.terminal_id, req.nonce)
    try:
        identity = (
            None
            if terminal is None or terminal.public_key is None
            else TerminalIdentity.of(terminal.id, terminal.merchant_id, terminal.public_key)
        )
    except ValueError:  # (a stored key that is not one: nothing can be checked against it)
        identity = None
    if terminal is None or identity is None:
        raise HQError("TERMINAL_UNKNOWN", req.terminal_id, 401)
    try:
        request_auth.check(req, identity.raw_key, request.method, path, body, now_ms())
    except request_auth.AuthError as exc:
        raise HQError(exc.reason, str(exc), 401) from None
    if terminal.status != "active":
        raise HQError("TERMINAL_SUSPENDED", terminal.id, 403)
    if seen:
        raise HQError("REQUEST_REPLAYED", "nonce already used", 409)
    memo.put(identity)
    return SignedTerminal(identity, req, body, memo)


SignedTerminalDep = Annotated[SignedTerminal, Depends(signed_terminal)]
