"""The HTTP API (FastAPI): `create_app(hq)` puts the routers (sync_server/routers/, one module per
area) together with the error handlers and the ASGI layers. Stateless: everything lives in the
database and the key files, so several worker processes can share one database.

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
(asgi_layers.SignResponses, alliance_protocol.response_auth); the enrollment answer is also MACed
with the enrollment code. Every error is ErrorBody (reason code, zh, en; sync_server/errors.py),
4xx for anything the client got wrong (query parameters and body numbers out of range included);
wallet logins, HQ page logins and enrollment codes have bounded failed attempts (429 RATE_LIMITED
with Retry-After, sync_server/ratelimit.py).
"""

from __future__ import annotations

import threading

from fastapi import FastAPI

from .asgi_layers import BodyLimit, SignResponses
from .errors import install_error_handlers
from .hq import HQ
from .ratelimit import Limiter
from .routers import ROUTERS
from .routers.deps import Limits


def create_app(hq: HQ) -> SignResponses:
    app = FastAPI(title="Alliance sync server", version="1")
    app.state.hq = hq
    app.state.limits = Limits.of(Limiter(hq.engine), hq.settings)
    app.state.batch_slots = threading.BoundedSemaphore(hq.settings.batch_slots)
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    return SignResponses(BodyLimit(app, hq.settings.max_body_bytes), hq)
