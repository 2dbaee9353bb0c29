"""What every refusal of the HTTP API looks like, and the handlers that make one of any exception.

Every error is ErrorBody (alliance_protocol.wire): a reason code with its Chinese and English
message, a short detail and HQ's time; 4xx for anything the client got wrong (query parameters
and body numbers out of range included), 429 with Retry-After when an abuse limit holds, 500
SERVER_BUSY with Retry-After when the database cannot be had now (its pool is exhausted, it is
down or restarting: the transaction rolled back, nothing changed), 500 SERVER_ERROR (the
exception's type only) for anything unforeseen: never a traceback.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from alliance_protocol.reasons import message_for

from .hq import HQError, now_ms
from .ratelimit import RateLimited


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


# The database's own errors that say "not now" rather than "this request is wrong" (psycopg and
# sqlite3 names): the transaction rolled back and the same request may be sent again.
_TRANSIENT = frozenset({"OperationalError", "DeadlockDetected", "SerializationFailure", "AdminShutdown",
                        "CannotConnectNow", "ConnectionFailure", "QueryCanceled", "LockNotAvailable"})


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HQError)
    async def _hq_error(_request: Request, exc: HQError) -> JSONResponse:
        return error_for(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5])
        return error_response("REQUEST_INVALID", 422, errors)

    @app.exception_handler(PoolTimeout)
    async def _pool_timeout(_request: Request, exc: PoolTimeout) -> JSONResponse:
        return error_response("SERVER_BUSY", 503, "no database connection free in time", retry_after_s=1)

    @app.exception_handler(DBAPIError)
    async def _database(_request: Request, exc: DBAPIError) -> JSONResponse:
        if exc.connection_invalidated or type(exc.orig).__name__ in _TRANSIENT:
            return error_response("SERVER_BUSY", 503, f"database unavailable ({type(exc.orig).__name__})",
                                  retry_after_s=1)
        return error_response("SERVER_ERROR", 500, type(exc).__name__)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        return error_response("SERVER_ERROR", 500, type(exc).__name__)
