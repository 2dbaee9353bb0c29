"""GET /healthz (the container HEALTHCHECK, a load balancer) and GET /v1/time (the server clock)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from alliance_protocol.wire import TimeResponse

from ..errors import error_response
from ..hq import now_ms
from .deps import HQDep

router = APIRouter()


@router.get("/v1/time", response_model=TimeResponse)
def server_time() -> TimeResponse:
    return TimeResponse(server_time_ms=now_ms())


@router.get("/healthz", response_model=None)
def healthz(hq: HQDep) -> dict[str, Any] | JSONResponse:
    """Up, and its database answers ({ok, server_time_ms}); 503 SERVER_ERROR if it does not."""
    try:
        with hq.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        return error_response("SERVER_ERROR", 503, f"database unavailable ({type(exc).__name__})")
    return {"ok": True, "server_time_ms": now_ms()}
