"""The HTTP API (FastAPI). Stateless: everything lives in the database and the key files.

    POST /v1/enroll                    one-time code + terminal public key -> identity, root key
    GET  /v1/time                      the server clock
    GET  /healthz                      health check (the database answers): {ok, server_time_ms}, else 503
    POST /v1/terminal/batches          signed: journal records, idempotent on (terminal, seq)
    GET  /v1/terminal/bundle?have=N    signed: the trust bundle if newer than N
    GET  /v1/terminal/balances?after=C signed: member balances changed after cursor C
    POST /v1/wallet/register           member id + secret + device key -> device certificate
    POST /v1/wallet/refresh            the same, later (tier and allowance from the current balance)
    POST /v1/wallet/balance            member id + secret -> balance, tier, expiring soon
    GET  /hq                           the HQ page (HTTP basic login)

Every response carries server_time_ms; every error is ErrorBody (reason code, zh, en), 4xx for
anything the client got wrong.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from fastapi import Depends, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from alliance_protocol import request_auth
from alliance_protocol.keys import b64, unb64
from alliance_protocol.reasons import message_for
from alliance_protocol.trust_bundle import TrustBundle, load_bundle
from alliance_protocol.wire import (BalanceEntry, BalancesResponse, BatchAck, BatchUpload, BundleResponse,
                                    EnrollRequest, EnrollResponse, TimeResponse, WalletBalance,
                                    WalletCertificate, WalletRegister)

from .db.models import Member, RequestNonce, Terminal
from .hq import HQ, HQError, mask_name, mask_phone, now_ms
from .ingest import examine_batch, store_batch


def error_response(reason: str, status: int, detail: str = "") -> JSONResponse:
    msg = message_for(reason)
    return JSONResponse(status_code=status, content={
        "reason": reason, "message_zh": msg.zh, "message_en": msg.en, "detail": detail[:300],
        "server_time_ms": now_ms()})


class BodyLimit:
    """Refuse a request body over the limit before reading it all (413, REQUEST_TOO_LARGE)."""

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await error_response("REQUEST_TOO_LARGE", 413, f"over {self.limit} bytes")(scope, receive, send)
        seen = 0

        async def limited():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise HQError("REQUEST_TOO_LARGE", f"over {self.limit} bytes", 413)
            return msg

        return await self.app(scope, limited, send)


def create_app(hq: HQ) -> FastAPI:
    app = FastAPI(title="Alliance sync server", version="1")

    @app.exception_handler(HQError)
    async def _hq_error(_request: Request, exc: HQError):
        return error_response(exc.reason, exc.status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError):
        errors = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5])
        return error_response("REQUEST_INVALID", 422, errors)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception):
        return error_response("SERVER_ERROR", 500, type(exc).__name__)

    @lru_cache(maxsize=4)
    def bundle_for(sequence: int, envelope: bytes) -> TrustBundle:
        return load_bundle(envelope, [hq.ring.root_public])

    def current_bundle() -> tuple[int, bytes, TrustBundle]:
        seq, envelope = hq.current_bundle()
        return seq, envelope, bundle_for(seq, envelope)

    async def signed_terminal(request: Request) -> tuple[str, bytes]:
        """Authenticate a terminal request; returns (terminal id, body). The nonce is stored in the
        handler's transaction (unique key): a replayed request is refused."""
        body = await request.body()
        try:
            req = request_auth.parse_headers(request.headers)
        except request_auth.AuthError as exc:
            raise HQError(exc.reason, str(exc), 401) from None
        with hq.session() as s:
            terminal = s.get(Terminal, req.terminal_id)
            seen = terminal is not None and s.get(RequestNonce, (req.terminal_id, req.nonce)) is not None
        if terminal is None or terminal.public_key is None:
            raise HQError("TERMINAL_UNKNOWN", req.terminal_id, 401)
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        try:
            request_auth.check(req, unb64(terminal.public_key), request.method, path, body, now_ms())
        except request_auth.AuthError as exc:
            raise HQError(exc.reason, str(exc), 401) from None
        if terminal.status != "active":
            raise HQError("TERMINAL_SUSPENDED", terminal.id, 403)
        if seen:  # early and cheap; the nonce's insert in the handler's transaction is what decides
            raise HQError("REQUEST_REPLAYED", "nonce already used", 409)
        request.state.auth = req
        request.state.terminal = terminal  # as authenticated (detached; read-only)
        return terminal.id, body

    def touch(s: Session, terminal_id: str, request: Request) -> Terminal:
        req = request.state.auth
        try:
            with s.begin_nested():
                s.add(RequestNonce(terminal_id=terminal_id, nonce=req.nonce, seen_ms=now_ms()))
        except IntegrityError:
            raise HQError("REQUEST_REPLAYED", "nonce already used", 409) from None
        terminal = s.get(Terminal, terminal_id)
        terminal.last_seen_ms = now_ms()
        return terminal

    @app.get("/v1/time", response_model=TimeResponse)
    def server_time() -> TimeResponse:
        return TimeResponse(server_time_ms=now_ms())

    @app.get("/healthz")
    def healthz():
        """For a container HEALTHCHECK or a load balancer: up, and its database answers (503 if not)."""
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with hq.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            return error_response("SERVER_ERROR", 503, f"database unavailable ({type(exc).__name__})")
        return {"ok": True, "server_time_ms": now_ms()}

    @app.post("/v1/enroll", response_model=EnrollResponse)
    def enroll(req: EnrollRequest) -> EnrollResponse:
        terminal, merchant = hq.enroll(req.code, req.public_key)
        return EnrollResponse(terminal_id=terminal.id, merchant_id=merchant.id, merchant_name=merchant.name,
                              root_public_keys=hq.root_public_keys(), server_time_ms=now_ms())

    # Batches examined and stored at once in this process. The work is CPU-bound Python: more
    # threads only take turns on the interpreter lock (a transaction holding the change-cursor lock
    # waits its turn too); the other requests wait here without using the CPU.
    batch_slots = threading.BoundedSemaphore(hq.settings.batch_slots)

    @app.post("/v1/terminal/batches", response_model=BatchAck)
    def upload(request: Request, response: Response,
               auth: tuple[str, bytes] = Depends(signed_terminal)) -> BatchAck:
        terminal_id, body = auth
        # The terminal's next batch connects anew, so it goes to whichever worker is free: with
        # keep-alive, every batch of a terminal (a week's backlog is 20 of them) would stay on the worker
        # that accepted its connection, while the other workers idle. One connect per 500 records.
        response.headers["Connection"] = "close"
        try:
            batch = BatchUpload.model_validate_json(body)
        except ValueError as exc:
            raise HQError("REQUEST_INVALID", str(exc)[:300], 422) from None
        _, _, bundle = current_bundle()
        with batch_slots:
            return _ingest(request, terminal_id, batch, bundle)

    def _ingest(request: Request, terminal_id: str, batch: BatchUpload, bundle: TrustBundle) -> BatchAck:
        # Signatures and member codes are checked before the transaction opens: no lock is held and
        # no transaction stays open while the CPU works.
        examined = examine_batch(request.state.terminal, batch.records, bundle)
        with hq.session() as s, s.begin():
            terminal = touch(s, terminal_id, request)
            s.refresh(terminal, with_for_update=True)
            if batch.clock_offset_ms is not None:
                # The request itself is signed with the corrected clock: only the terminal knows how
                # far its host clock is off. Reconciliation raises clock_skew past the tolerance.
                terminal.clock_offset_ms = -batch.clock_offset_ms
            return store_batch(hq, s, terminal, examined, batch.queued)

    @app.get("/v1/terminal/bundle", response_model=BundleResponse)
    def bundle(request: Request, have: int = 0, auth: tuple[str, bytes] = Depends(signed_terminal)):
        seq, envelope, _ = current_bundle()
        with hq.session() as s, s.begin():
            touch(s, auth[0], request)
        return BundleResponse(sequence=seq, envelope=None if have >= seq else envelope.decode(),
                              server_time_ms=now_ms())

    @app.get("/v1/terminal/balances", response_model=BalancesResponse)
    def balances(request: Request, after: int = 0, limit: int = 5000,
                 auth: tuple[str, bytes] = Depends(signed_terminal)) -> BalancesResponse:
        limit = max(1, min(limit, 20_000))
        with hq.session() as s, s.begin():
            touch(s, auth[0], request)
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

    def certificate(req: WalletRegister) -> WalletCertificate:
        cert = hq.issue_device_certificate(req.member_id, req.secret, req.device_public_key)
        return WalletCertificate(certificate=b64(cert.to_bytes()), serial=cert.serial, tier=cert.tier,
                                 allowance=cert.allowance, not_after=cert.not_after, server_time_ms=now_ms())

    @app.post("/v1/wallet/register", response_model=WalletCertificate)
    def wallet_register(req: WalletRegister) -> WalletCertificate:
        return certificate(req)

    @app.post("/v1/wallet/refresh", response_model=WalletCertificate)
    def wallet_refresh(req: WalletRegister) -> WalletCertificate:
        return certificate(req)

    @app.post("/v1/wallet/balance", response_model=WalletBalance)
    def wallet_balance(req: WalletRegister) -> WalletBalance:
        m = hq.member_balance(req.member_id, req.secret)
        return WalletBalance(member_id=m.id, balance=m.balance, tier=m.tier, expiring_soon=m.expiring_soon,
                             server_time_ms=now_ms())

    from .hq_page import mount_hq_page

    mount_hq_page(app, hq)
    return BodyLimit(app, hq.settings.max_body_bytes)
