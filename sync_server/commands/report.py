"""`sync-server reconcile | anomaly list|review | report settlement`: HQ's books."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from .server import _guard, _open, _print, db_opt


@_guard
def cmd_reconcile(args: argparse.Namespace) -> int:
    from ..reconcile import reconcile

    _print({"ok": True, **reconcile(_open(args), tiers=not args.keep_tiers).to_dict()})
    return 0


@_guard
def cmd_anomaly_list(args: argparse.Namespace) -> int:
    from ..reviews import list_anomalies

    hq = _open(args)
    status = None if args.status == "all" else args.status
    if not args.all:
        _print({"ok": True, **list_anomalies(hq, status, args.limit, args.offset)})
        return 0
    items, offset, total = [], 0, 0
    while offset is not None:  # every page
        page = list_anomalies(hq, status, 1_000, offset)
        items += page["anomalies"]
        offset, total = page["next_offset"], page["total"]
    _print({"ok": True, "anomalies": items, "total": total, "next_offset": None})
    return 0


@_guard
def cmd_anomaly_review(args: argparse.Namespace) -> int:
    from ..reviews import review

    _print({"ok": True, **review(_open(args), args.id, args.action, args.by, args.note, points=args.points)})
    return 0


@_guard
def cmd_report_settlement(args: argparse.Namespace) -> int:
    from ..settlement import settlement_report, to_csv

    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        _print({"ok": False, "reason": "REQUEST_INVALID",
                "detail": f"--date must be YYYY-MM-DD, got {args.date!r}"})
        return 2
    lines = settlement_report(_open(args), day)
    if args.csv:
        Path(args.csv).write_text(to_csv(lines), encoding="utf-8")
    _print({"ok": True, "date": day.isoformat(), "csv": args.csv, "merchants": [x.to_dict() for x in lines]})
    return 0


@_guard
def cmd_hq_login_add(args: argparse.Namespace) -> int:
    import getpass

    from ..hq_logins import add_merchant_login

    password = args.password or getpass.getpass(f"password for {args.name}: ")
    add_merchant_login(_open(args), args.name, args.merchant, password)
    _print({"ok": True, "login": args.name, "merchant_id": args.merchant})
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = db_opt(sub.add_parser("reconcile",
                              help="recompute the ledger from all records; raise anomalies; tiers"))
    p.add_argument("--keep-tiers", action="store_true", help="do not recompute tiers from rolling spend")
    p.set_defaults(func=cmd_reconcile)

    anomaly = sub.add_parser("anomaly", help="anomalies to review").add_subparsers(dest="action_name",
                                                                                    required=True)
    p = db_opt(anomaly.add_parser("list"))
    p.add_argument("--status", default="open", help="open (default), accepted, reversed, ... or all")
    p.add_argument("--limit", type=int, default=500, help="cases per page (the output says the total)")
    p.add_argument("--offset", type=int, default=0,
                   help="start of the page (next_offset of the previous one)")
    p.add_argument("--all", action="store_true", help="every page")
    p.set_defaults(func=cmd_anomaly_list)
    p = db_opt(anomaly.add_parser("review"))
    p.add_argument("id", type=int)
    p.add_argument("--action", required=True,
                   choices=["accept", "reverse", "block-member", "suspend-terminal"])
    p.add_argument("--by", required=True, help="who reviews")
    p.add_argument("--note", required=True, help="why")
    p.add_argument("--points", type=int,
                   help="reverse: the compensating entry (default: undo the named record)")
    p.set_defaults(func=cmd_anomaly_review)

    report = sub.add_parser("report", help="reports").add_subparsers(dest="report", required=True)
    p = db_opt(report.add_parser("settlement", help="daily settlement per merchant"))
    p.add_argument("--date", required=True, help="local day YYYY-MM-DD")
    p.add_argument("--csv", help="also write the lines to this CSV file")
    p.set_defaults(func=cmd_report_settlement)

    login = sub.add_parser("hq-login", help="merchant logins for the HQ page").add_subparsers(
        dest="login_action", required=True)
    p = db_opt(login.add_parser("add", help="a login that sees one merchant's data only"))
    p.add_argument("name")
    p.add_argument("--merchant", required=True)
    p.add_argument("--password", help="default: asked for")
    p.set_defaults(func=cmd_hq_login_add)
