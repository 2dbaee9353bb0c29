"""`pos-terminal log`: list and filter the local journal (newest first); `--csv FILE` exports CSV.

    pos-terminal log --from 2026-11-01 --to 2026-11-23 --member 10001 --kind purchase --status rejected
    pos-terminal log --reason CODE_REPLAYED --csv rejected.csv      (--csv - writes CSV to stdout)
Without --csv each record is printed as one JSON line. Exit status 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from terminal_app.core.logview import LogFilter, read_log, to_csv

from .common import open_store


def cmd_log(args: argparse.Namespace) -> int:
    store = open_store(args)
    f = LogFilter(day_from=args.date_from, day_to=args.date_to, member_id=args.member, kind=args.kind,
                  status=args.status, reason=args.reason, limit=args.limit)
    rows = read_log(store, f)
    if args.csv == "-":
        sys.stdout.write(to_csv(rows))
    elif args.csv:
        Path(args.csv).write_text(to_csv(rows), encoding="utf-8")
        sys.stdout.write(json.dumps({"ok": True, "rows": len(rows), "file": args.csv}) + "\n")
    else:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("log", help="list and filter the local journal; export CSV")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first local day (inclusive)")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last local day (inclusive)")
    p.add_argument("--member", type=int, help="member id")
    p.add_argument("--kind", help="scan, purchase, coupon, gift, backup, backfill, void, shift_close")
    p.add_argument("--status", help="approved, rejected, pending_verification")
    p.add_argument("--reason", help="reason code, e.g. CODE_REPLAYED")
    p.add_argument("--limit", type=int, default=1000)
    p.add_argument("--csv", metavar="FILE", help="write CSV to FILE (- for standard output)")
    p.set_defaults(func=cmd_log)
