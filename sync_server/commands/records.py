"""`sync-server records list`: HQ's stored journal records, as JSON lines, a page at a time.

    sync-server records list [--terminal T] [--merchant M] [--member N] [--kind purchase] [--day 2026-11-28]
                             [--flagged] [--after ID] [--limit 100]

One line per record (HQ's columns, `body` as the terminal signed it, parsed), in the order HQ
stored them (id), then one closing line {"page": {"count": n, "next_after": ID or null}}: pass
`--after ID` for the next page (keyset paging: a page never skips or repeats a record while
terminals keep uploading). `--day` is the alliance's local day (the rules' utc_offset_minutes)
of the terminal's clock at the time of the record, as in the settlement report.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from sqlalchemy import select

from alliance_protocol.records import Kind
from alliance_protocol.rules import AllianceRules

from ..db.models import Record
from ..hq import HQError
from ..settlement import day_bounds_ms
from .catalogue import _guard
from .server import _open, _print, db_opt

MAX_LIMIT = 10_000
COLUMNS = ("id", "terminal_id", "merchant_id", "seq", "kind", "status", "reason", "member_id", "points_delta",
           "cert_serial", "counter", "recorded_at", "received_at", "flag", "batch_id", "hash", "prev_hash")


def record_line(r: Record) -> dict:
    try:
        body = json.loads(r.body)
    except ValueError:  # stored exactly as received; never expected to fail, never fatal
        body = r.body
    return {**{c: getattr(r, c) for c in COLUMNS}, "body": body}


@_guard
def cmd_records_list(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise HQError("REQUEST_INVALID", f"--limit must be 1..{MAX_LIMIT}, got {args.limit}")
    hq = _open(args)
    query = select(Record).where(Record.id > args.after)
    if args.terminal:
        query = query.where(Record.terminal_id == args.terminal)
    if args.merchant:
        query = query.where(Record.merchant_id == args.merchant)
    if args.member is not None:
        query = query.where(Record.member_id == args.member)
    if args.kind:
        query = query.where(Record.kind == args.kind)
    if args.flagged:
        query = query.where(Record.flag.is_not(None))
    with hq.session() as s:
        if args.day:
            try:
                day = date.fromisoformat(args.day)
            except ValueError:
                raise HQError("REQUEST_INVALID", f"--day must be YYYY-MM-DD, got {args.day!r}") from None
            rules = AllianceRules.from_dict(hq.get_setting(s, "rules", None))
            start, end = day_bounds_ms(day, rules.utc_offset_minutes)
            query = query.where(Record.recorded_at >= start, Record.recorded_at < end)
        rows = s.scalars(query.order_by(Record.id).limit(args.limit + 1)).all()
    page, more = rows[:args.limit], len(rows) > args.limit
    for r in page:
        _print(record_line(r))
    _print({"page": {"count": len(page), "next_after": page[-1].id if more else None}})
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    records = sub.add_parser("records", help="HQ's stored journal records").add_subparsers(
        dest="records_action", required=True)
    p = db_opt(records.add_parser("list", help="records as JSON lines, filtered, a page at a time"))
    p.add_argument("--terminal", help="terminal id")
    p.add_argument("--merchant", help="merchant id")
    p.add_argument("--member", type=int, help="member id")
    p.add_argument("--kind", choices=[k.value for k in Kind], help="record kind")
    p.add_argument("--day", help="local day YYYY-MM-DD (terminal clock; the rules' UTC offset)")
    p.add_argument("--flagged", action="store_true", help="only records flagged for review")
    p.add_argument("--after", type=int, default=0, help="records after this id (a page's next_after)")
    p.add_argument("--limit", type=int, default=100, help=f"records per page (1..{MAX_LIMIT}, default 100)")
    p.set_defaults(func=cmd_records_list)
