"""`pos-terminal sale CODE --bill-fen N [--points N]`: a scripted sale, exactly as at the counter.

The code (the scanned text, or - for standard input) is verified offline and, if accepted, the
purchase is committed through the same TerminalService the counter app uses: tier discount,
points as cash, points earned, risk limits, one journal record (and its outbox entry) before
the answer. Prints one JSON line: {"ok", "step": "scan" | "quote" | "purchase", reason, zh/en
message, seq, points, pricing, member}. Amounts are integers (fen, points).
Exit status: 0 approved (or quoted), 1 declined at either step.
`--quote` stops before the commit: what the purchase would do, nothing journaled, code not used.
An enrolled terminal asks HQ first, as the counter app does (docs/online-authorisation.md): the
result's `decided_by` says which path decided; `--offline` decides with the offline rules only.
"""

from __future__ import annotations

import argparse
import sys

from alliance_protocol.reasons import Reason, message

from .common import open_store, print_json


def _declined(step: str, reason: Reason, detail: str = "") -> int:
    msg = message(reason)
    print_json({"ok": False, "step": step, "reason": reason.value, "message_zh": msg.zh, "message_en": msg.en,
                "detail": detail})
    return 1


def cmd_sale(args: argparse.Namespace) -> int:
    if args.bill_fen < 0 or args.points < 0:
        return _declined("input", Reason.INVALID_AMOUNT, "--bill-fen and --points are non-negative integers")
    store = open_store(args)
    online = None
    try:
        from terminal_app.core.results import TxnResult
        from terminal_app.core.service import TerminalService

        if not args.offline:
            from terminal_app.sync.online import online_client_for

            online = online_client_for(store)
        try:
            service = TerminalService(store, online=online)
        except RuntimeError as exc:  # not enrolled: no identity or no terminal key
            reason = str(exc) if str(exc) in Reason.__members__ else Reason.NO_TERMINAL_IDENTITY.value
            return _declined("scan", Reason(reason), "enroll this terminal first (pos-terminal enroll)")
        text = sys.stdin.read() if args.code == "-" else args.code
        scanned = service.scan(text)
        member = scanned.member.to_json() if scanned.member is not None else None
        if not scanned.ok or scanned.token is None:
            print_json({**scanned.to_json(), "step": "scan", "token": None})
            return 1
        if args.quote:
            pricing = service.quote(scanned.token, args.bill_fen, args.points)
            if pricing is None:
                return _declined("quote", Reason.SCAN_SESSION_EXPIRED)
            quoted = TxnResult(pricing.ok, pricing.reason, None, "", pricing, pricing.points_earned,
                               pricing.points_spent)  # seq None: nothing journaled
            print_json({**quoted.to_json(), "step": "quote", "member": member})
            return 0 if quoted.ok else 1
        result = service.commit_purchase(scanned.token, args.bill_fen, args.points, args.receipt)
        print_json({**result.to_json(), "step": "purchase", "member": member})
        return 0 if result.ok else 1
    finally:
        if online is not None:
            online.close()
        store.close()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sale", help="scan a member code given as text and commit a purchase; JSON result")
    p.add_argument("code", help="the scanned text, or - to read it from standard input")
    p.add_argument("--bill-fen", type=int, required=True, help="the bill in fen (15000 = 150.00 yuan)")
    p.add_argument("--points", type=int, default=0, help="points to spend as cash (default 0)")
    p.add_argument("--receipt", default="", help="the shop's receipt number")
    p.add_argument("--quote", action="store_true", help="only say what the purchase would do")
    p.add_argument("--offline", action="store_true",
                   help="decide with the offline rules only (do not ask HQ)")
    p.set_defaults(func=cmd_sale)
