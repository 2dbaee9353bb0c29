"""HQ's minimal web page (GET /hq; plain HTML, every value escaped).

Recent batches, terminals (merchant, status, last seen, the queue they reported, clock offset),
open anomalies with the time left to their review deadline, online authorisations (reservations by
state, records by the path that decided them, the newest with what became of them: sync_server/holds.py
books_view); a merchant's login sees only its own
merchant's. Who may sign in: sync_server/hq_logins.py; the route, its HTTP Basic login and the
bounded failed logins: sync_server/routers/hq_page.py.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from html import escape

from sqlalchemy import select

from . import holds
from .db.models import Batch, Terminal
from .hq import HQ


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


CASES_PER_PAGE = 200


def _online_section(hq: HQ, online: dict, now_s: int) -> list[str]:
    """Online authorisation (docs/online-authorisation.md): reservations by state, records by the path
    that decided them, the newest reservations with what became of them."""
    states, paths = online["states"], online["paths"]
    hold_s = hq.books_config().authorisation_hold_s
    return [
        "<h2>在线授权 Online authorisations (24 h)</h2>",
        f"<p>规则:批准后 {hold_s // 60} 分钟内记录未到,预留自动失效,积分退回会员;"
        "之后到达的记录按离线记录单独判定。 "
        f"Rule: a hold whose record has not arrived {hold_s // 60} min after HQ approved it expires "
        "(the points go back to the member); a record arriving later is decided on its own, like an "
        "offline one.</p>",
        _table(["held (holding)", "held, past its end", "captured", "released", "expired", "declined",
                "abandoned"],
               [[states["held"] - online["held_past_end"], online["held_past_end"], states["captured"],
                 states["released"], states["expired"], states["declined"], states["abandoned"]]]),
        "<h3>记录由谁决定 Records by the path that decided them (24 h)</h3>",
        _table(["online (HQ)", "offline", "offline, near a limit"],
               [[paths.get("online", 0), paths.get("offline", 0), paths.get("offline_near_limit", 0)]]),
        "<h3>最近的授权 Newest authorisations</h3>",
        _table(["auth id", "terminal", "seq", "member", "kind", "state", "reason", "points spent",
                "points earned", "decided", "hold ends / settled", "note"],
               [[a.auth_id, a.terminal_id, a.seq, "" if a.member_id is None else a.member_id, a.kind, a.state,
                 a.reason, a.points_spent, a.points_earned, _when(a.created_at),
                 (time_left(a.expires_at // 1000 - now_s) if a.state == "held" else _when(a.settled_at)),
                 a.note]
                for a in online["recent"]]),
    ]


def render(hq: HQ, now_s: int | None = None, merchant_id: str | None = None, offset: int = 0) -> str:
    """The page; with `merchant_id` only that merchant's terminals, their batches and cases. Open cases
    come CASES_PER_PAGE at a time from `offset`, with the total and links to the other pages."""
    from .reviews import list_anomalies

    now_s = int(time.time()) if now_s is None else now_s
    page = list_anomalies(hq, "open", CASES_PER_PAGE, offset, merchant_id)
    with hq.session() as s:
        tq = select(Terminal).order_by(Terminal.merchant_id, Terminal.id)
        bq = select(Batch).order_by(Batch.id.desc()).limit(50)
        if merchant_id is not None:
            own = select(Terminal.id).where(Terminal.merchant_id == merchant_id)
            tq = tq.where(Terminal.merchant_id == merchant_id)
            bq = bq.where(Batch.terminal_id.in_(own))
        batches = s.scalars(bq).all()
        terminals = s.scalars(tq).all()
        online = holds.books_view(s, now_s * 1000, merchant_id)
    open_cases = page["anomalies"]
    first, total = min(offset + 1, page["total"]), page["total"]
    links = []
    if offset > 0:
        links.append(f'<a href="/hq?offset={max(0, offset - CASES_PER_PAGE)}">&larr; 上一页 previous</a>')
    if page["next_offset"] is not None:
        links.append(f'<a href="/hq?offset={page["next_offset"]}">下一页 next &rarr;</a>')
    parts = [
        "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>联盟总部 Alliance HQ</title>",
        ("<style>body{font-family:sans-serif;margin:1em}"
         "table{border-collapse:collapse;margin-bottom:1.5em}"
         "td,th{border:1px solid #bbb;padding:2px 6px;font-size:13px}th{background:#eee}"
         "</style></head><body>"),
        (f"<h1>联盟总部 Alliance HQ — {escape(hq.settings.alliance_id)}"
         f"{' — ' + escape(merchant_id) if merchant_id else ''}</h1>"),
        f"<h2>未处理异常 Open anomalies ({total})</h2>",
        f"<p>第 {first}–{offset + len(open_cases)} 条,共 {total} 条 / "
        f"{first}–{offset + len(open_cases)} of {total} "
        + " ".join(links) + "</p>",
        _table(["id", "type", "member", "terminal", "detected", "deadline", "time left", "evidence"],
               [[a["id"], a["type"], a["member_id"] if a["member_id"] is not None else "",
                 a["terminal_id"] or "", _when(a["detected_at"] * 1000), _when(a["deadline"] * 1000),
                 time_left(a["deadline"] - now_s),
                 json.dumps(a["evidence"], ensure_ascii=False, sort_keys=True)[:300]] for a in open_cases]),
        f"<h2>终端 Terminals ({len(terminals)})</h2>",
        _table(["terminal", "merchant", "label", "status", "last seen", "reported queue", "clock offset (ms)",
                "acked seq"],
               [[t.id, t.merchant_id, t.label, t.status, _when(t.last_seen_ms), t.reported_queue,
                 "" if t.clock_offset_ms is None else t.clock_offset_ms, t.acked_seq] for t in terminals]),
        *_online_section(hq, online, now_s),
        "<h2>最近批次 Recent batches</h2>",
        _table(["batch", "terminal", "received", "records", "stored", "duplicates", "flagged", "acked seq"],
               [[b.id, b.terminal_id, _when(b.received_at), b.records, b.stored, b.duplicates, b.flagged,
                 b.acked_seq] for b in batches]),
        "</body></html>",
    ]
    return "".join(parts)
