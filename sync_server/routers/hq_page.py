"""GET /hq: HQ's web page (sync_server/hq_page.py renders it) behind an HTTP Basic login.

No password set and no merchant login: closed (403 HQ_LOGIN_REQUIRED, saying what to set);
wrong or missing credentials: 401 with a WWW-Authenticate challenge. Failed logins are bounded
per client address and per login name (429 RATE_LIMITED, before any password is checked).
"""

from __future__ import annotations

import base64
import binascii

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from .. import hq_logins, hq_page
from ..errors import error_for, error_response
from ..hq import HQ
from ..ratelimit import RateLimited, client_address
from .deps import HQDep, Limits, LimitsDep

router = APIRouter()


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        user, _, password = base64.b64decode(header[6:].strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        user, password = "", ""
    return user, password


def _check_login(hq: HQ, request: Request, limits: Limits) -> tuple[Response | None, str | None]:
    """(refusal or None, the merchant the login is limited to or None for HQ itself)."""
    if hq_logins.page_is_closed(hq):
        return error_response("HQ_LOGIN_REQUIRED", 403, "the HQ page is closed until a password is set: "
                              "set SYNC_SERVER_HQ_PASSWORD (and SYNC_SERVER_HQ_USER) and restart the "
                              "server"), None
    credentials = _basic_credentials(request)
    if credentials is not None:
        user, password = credentials
        keys = [(limits.hq_login_per_address, client_address(request)), (limits.hq_login_per_user, user)]
        try:
            with limits.limiter.attempt(keys) as attempt:
                ok, merchant_id = hq_logins.authenticate(hq, user, password)
                if ok:
                    return None, merchant_id
                attempt.failed()
        except RateLimited as exc:
            return error_for(exc), None
    resp = error_response("HQ_LOGIN_REQUIRED", 401, "HQ login required (HTTP basic)")
    resp.headers["WWW-Authenticate"] = 'Basic realm="alliance-hq", charset="UTF-8"'
    return resp, None


@router.get("/hq", include_in_schema=False)
def hq_page_view(request: Request, hq: HQDep, limits: LimitsDep,
                 offset: int = Query(0, ge=0, le=10**9)) -> Response:
    refused, merchant_id = _check_login(hq, request, limits)
    if refused is not None:
        return refused
    return HTMLResponse(hq_page.render(hq, merchant_id=merchant_id, offset=offset),
                        headers={"Cache-Control": "no-store"})
