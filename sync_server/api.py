"""The HTTP API (FastAPI). Stateless: everything lives in the database and the key files.

    POST /v1/enroll                    the one-time code's id and proof + terminal key -> identity, root key
    GET  /v1/time                      the server clock
    GET  /healthz                      health check (the database answers): {ok, server_time_ms}, else 503
    POST /v1/terminal/batches          signed: journal records, idempotent on (terminal, seq)
    GET  /v1/terminal/bundle?have=N    signed: the trust bundle if newer than N
    GET  /v1/terminal/balances?after=C signed: member balances changed after cursor C
    POST /v1/wallet/register           member id + secret + device key -> device certificate
    POST /v1/wallet/refresh            the same, later (tier and allowance from the current balance)
    POST /v1/wallet/balance            member id + secret -> balance, tier, expiring soon
    GET  /hq                           the HQ page (HTTP basic login)

Every /v1 answer, errors included, is signed by HQ's response key over the request's nonce
(SignResponses, alliance_protocol.response_auth); the enrollment answer is also MACed with the
enrollment code. Every error is ErrorBody (reason code, zh, en), 4xx for anything the client got
wrong (query parameters and body numbers out of range included); wallet logins and enrollment
codes have bounded failed attempts (429 RATE_LIMITED with Retry-After, sync_server/ratelimit.py).
"""

from __future__ import annotations

import threading
from functools import lru_cache

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from alliance_protocol import enrollment_code, request_auth
from alliance_protocol.keys import b64, unb64
from alliance_protocol.reasons import message_for
from alliance_protocol.trust_bundle import TrustBundle, load_bundle
from alliance_protocol.wire import (
    MAX_CURSOR,
    BalanceEntry,
    BalancesResponse,
    BatchAck,
    BatchUpload,
    BundleResponse,
    EnrollRequest,
    EnrollResponse,
    TimeResponse,
    WalletBalance,
    WalletCertificate,
    WalletRegister,
)

from .db.models import Member, RequestNonce, Terminal
from .hq import HQ, HQError, mask_name, mask_phone, now_ms
from .ingest import examine_batch, store_batch
from .ratelimit import Limit, Limiter, RateLimited, client_address


def error_response(reason: str, status: int, detail: str = "",
                   retry_after_s: int | None = None) -> JSONResponse:
    msg = message_for(reason)
    content = {"reason": reason, "message_zh": msg.zh, "message_en": msg.en, "detail": detail[:300],
               "server_time_ms": now_ms()}
    if retry_after_s is None:
        return JSONResponse(status_code=status, content=content)
    return JSONResponse(status_code=status, content={**content, "retry_after_s": retry_after_s},
                        headers={"Retry-After": str(retry_after_s)})


def error_for(exc: HQError) -> JSONResponse:
    return error_response(exc.reason, exc.status, str(exc),
                          exc.retry_after_s if isinstance(exc, RateLimited) else None)


def request_nonce(value: str | None) -> str:
    """The request's X-Nonce as HQ's answer is signed over it ("" when absent or malformed)."""
    if value and len(value) == 32 and all(c in "0123456789abcdef" for c in value):
        return value
    return ""


class SignResponses:
    """The outermost layer: HQ signs every /v1 answer, errors and refusals before the body was read
    included (alliance_protocol.response_auth). The body is held until complete: the signature
    covers its hash."""

    def __init__(self, app, hq: HQ) -> None:
        self.app, self.hq = app, hq

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            return await self.app(scope, receive, send)
        path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
        if scope.get("query_string"):
            path += "?" + scope["query_string"].decode("latin-1")
        nonce = request_nonce(dict(scope.get("headers") or []).get(b"x-nonce", b"").decode("latin-1"))
        start: dict | None = None
        chunks: list[bytes] = []

        async def signing_send(message):
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                return await send(message)
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            signer = self.hq.ring.response_signer()
            signed = signer.headers(scope["method"], path, nonce, start["status"], body, now_ms())
            headers = [*start.get("headers", []),
                       *((k.lower().encode(), v.encode()) for k, v in signed.items())]
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body, "more_body": False})

        return await self.app(scope, receive, signing_send)


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


def create_app(hq: HQ) -> SignResponses:
    app = FastAPI(title="Alliance sync server", version="1")
    settings = hq.settings
    limiter = Limiter(hq.engine)
    window = settings.login_window_s
    wallet_per_member = Limit("wallet-member", settings.wallet_failures_per_member, window)
    wallet_per_address = Limit("wallet-address", settings.wallet_failures_per_address, window)
    enroll_per_address = Limit("enroll-address", settings.enroll_failures_per_address,
                               settings.enroll_window_s)
    address = client_address

    @app.exception_handler(HQError)
    async def _hq_error(_request: Request, exc: HQError):
        return error_for(exc)

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
    def enroll(req: EnrollRequest, request: Request) -> Response:
        with limiter.attempt([(enroll_per_address, address(request))]) as attempt:
            try:
                terminal, merchant, key = hq.enroll_with_proof(req.code_id, req.public_key, req.label,
                                                               req.proof)
            except HQError as exc:
                if exc.reason.startswith("ENROLLMENT_CODE_"):
                    attempt.failed()
                raise
        answer = EnrollResponse(terminal_id=terminal.id, merchant_id=merchant.id, merchant_name=merchant.name,
                                public_key=req.public_key, root_public_keys=hq.root_public_keys(),
                                response_key_certs=[hq.ring.response_signer().cert_text],
                                server_time_ms=now_ms())
        body = answer.model_dump_json().encode()
        nonce = request_nonce(request.headers.get(request_auth.H_NONCE))
        mac = enrollment_code.answer_mac(key, nonce, 200, body)
        return Response(body, media_type="application/json", headers={enrollment_code.H_MAC: mac})

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
        examined = examine_batch(hq, request.state.terminal, batch.records)
        with hq.session() as s, s.begin():
            terminal = touch(s, terminal_id, request)
            s.refresh(terminal, with_for_update=True)
            if batch.clock_offset_ms is not None:
                # The request itself is signed with the corrected clock: only the terminal knows how
                # far its host clock is off. Reconciliation raises clock_skew past the tolerance.
                terminal.clock_offset_ms = -batch.clock_offset_ms
            return store_batch(hq, s, terminal, examined, batch.queued)

    @app.get("/v1/terminal/bundle", response_model=BundleResponse)
    def bundle(request: Request, have: int = Query(0, ge=0, le=MAX_CURSOR),
               auth: tuple[str, bytes] = Depends(signed_terminal)):
        seq, envelope, _ = current_bundle()
        with hq.session() as s, s.begin():
            touch(s, auth[0], request)
        return BundleResponse(sequence=seq, envelope=None if have >= seq else envelope.decode(),
                              server_time_ms=now_ms())

    @app.get("/v1/terminal/balances", response_model=BalancesResponse)
    def balances(request: Request, after: int = Query(0, ge=0, le=MAX_CURSOR),
                 limit: int = Query(5000, ge=1, le=20_000),
                 auth: tuple[str, bytes] = Depends(signed_terminal)) -> BalancesResponse:
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

    def wallet_login(request: Request, req: WalletRegister, action):
        """A wallet request carries the member's secret: failed ones are bounded per member id and
        per client address."""
        keys = [(wallet_per_member, str(req.member_id)), (wallet_per_address, address(request))]
        with limiter.attempt(keys) as attempt:
            try:
                return action()
            except HQError as exc:
                if exc.reason == "MEMBER_AUTH_FAILED":
                    attempt.failed()
                raise

    def certificate(req: WalletRegister) -> WalletCertificate:
        cert = hq.issue_device_certificate(req.member_id, req.secret, req.device_public_key)
        return WalletCertificate(certificate=b64(cert.to_bytes()), root_public_keys=hq.root_public_keys(),
                                 serial=cert.serial, tier=cert.tier, allowance=cert.allowance,
                                 not_after=cert.not_after, server_time_ms=now_ms())

    @app.post("/v1/wallet/register", response_model=WalletCertificate)
    def wallet_register(req: WalletRegister, request: Request) -> WalletCertificate:
        return wallet_login(request, req, lambda: certificate(req))

    @app.post("/v1/wallet/refresh", response_model=WalletCertificate)
    def wallet_refresh(req: WalletRegister, request: Request) -> WalletCertificate:
        return wallet_login(request, req, lambda: certificate(req))

    @app.post("/v1/wallet/balance", response_model=WalletBalance)
    def wallet_balance(req: WalletRegister, request: Request) -> WalletBalance:
        m = wallet_login(request, req, lambda: hq.member_balance(req.member_id, req.secret))
        return WalletBalance(member_id=m.id, balance=m.balance, tier=m.tier, expiring_soon=m.expiring_soon,
                             server_time_ms=now_ms())

    from .hq_page import mount_hq_page

    mount_hq_page(app, hq, limiter, address)
    return SignResponses(BodyLimit(app, hq.settings.max_body_bytes), hq)
