"""GET /hq: HQ's minimal web page (plain HTML, every value escaped).

Recent batches, terminals (merchant, status, last seen, the queue they reported, clock offset),
open anomalies with the time left to their review deadline. HTTP Basic login against
settings.hq_user / settings.hq_password: with no password set the page is closed (403
HQ_LOGIN_REQUIRED, saying to set SYNC_SERVER_HQ_PASSWORD); wrong or missing credentials get 401
with a WWW-Authenticate challenge.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import time
from datetime import UTC, datetime
from html import escape

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from .db.models import Anomaly, Batch, Terminal
from .hq import HQ


def _check_login(hq: HQ, request: Request) -> Response | None:
    from .api import error_response

    if not hq.settings.hq_password:
        return error_response("HQ_LOGIN_REQUIRED", 403, "the HQ page is closed until a password is set: "
                              "set SYNC_SERVER_HQ_PASSWORD (and SYNC_SERVER_HQ_USER) and restart the server")
    header = request.headers.get("authorization", "")
    ok = False
    if header.lower().startswith("basic "):
        try:
            user, _, password = base64.b64decode(header[6:].strip(), validate=True).decode().partition(":")
            ok = (secrets.compare_digest(user.encode(), hq.settings.hq_user.encode())
                  & secrets.compare_digest(password.encode(), hq.settings.hq_password.encode()))
        except (binascii.Error, UnicodeDecodeError, ValueError):
            ok = False
    if ok:
        return None
    resp = error_response("HQ_LOGIN_REQUIRED", 401, "HQ login required (HTTP basic)")
    resp.headers["WWW-Authenticate"] = 'Basic realm="alliance-hq", charset="UTF-8"'
    return resp


def _when(ms: int | None) -> str:
    if ms is None:
        return "never"
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def time_left(seconds: int) -> str:
    if seconds <= 0:
        return f"overdue by {(-seconds) // 3600} h {(-seconds) % 3600 // 60} min"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min left"


def _table(headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body or ''}</tbody></table>"


def render(hq: HQ, now_s: int | None = None) -> str:
    now_s = int(time.time()) if now_s is None else now_s
    with hq.session() as s:
        batches = s.scalars(select(Batch).order_by(Batch.id.desc()).limit(50)).all()
        terminals = s.scalars(select(Terminal).order_by(Terminal.merchant_id, Terminal.id)).all()
        open_cases = s.scalars(select(Anomaly).where(Anomaly.status == "open")
                               .order_by(Anomaly.deadline, Anomaly.id).limit(500)).all()
    parts = [
        "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>联盟总部 Alliance HQ</title>",
        ("<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;margin-bottom:1.5em}"
         "td,th{border:1px solid #bbb;padding:2px 6px;font-size:13px}th{background:#eee}</style></head><body>"),
        f"<h1>联盟总部 Alliance HQ — {escape(hq.settings.alliance_id)}</h1>",
        f"<h2>未处理异常 Open anomalies ({len(open_cases)})</h2>",
        _table(["id", "type", "member", "terminal", "detected", "deadline", "time left", "evidence"],
               [[a.id, a.type, a.member_id if a.member_id is not None else "", a.terminal_id or "",
                 _when(a.detected_at * 1000), _when(a.deadline * 1000), time_left(a.deadline - now_s),
                 a.evidence[:300]] for a in open_cases]),
        f"<h2>终端 Terminals ({len(terminals)})</h2>",
        _table(["terminal", "merchant", "label", "status", "last seen", "reported queue", "clock offset (ms)",
                "acked seq"],
               [[t.id, t.merchant_id, t.label, t.status, _when(t.last_seen_ms), t.reported_queue,
                 "" if t.clock_offset_ms is None else t.clock_offset_ms, t.acked_seq] for t in terminals]),
        "<h2>最近批次 Recent batches</h2>",
        _table(["batch", "terminal", "received", "records", "stored", "duplicates", "flagged", "acked seq"],
               [[b.id, b.terminal_id, _when(b.received_at), b.records, b.stored, b.duplicates, b.flagged,
                 b.acked_seq] for b in batches]),
        "</body></html>",
    ]
    return "".join(parts)


def mount_hq_page(app: FastAPI, hq: HQ) -> None:
    @app.get("/hq", include_in_schema=False)
    def hq_page(request: Request) -> Response:
        refused = _check_login(hq, request)
        if refused is not None:
            return refused
        return HTMLResponse(render(hq), headers={"Cache-Control": "no-store"})
