"""`pos-terminal enroll --server URL --code CODE` and `pos-terminal sync [--loop]`."""

from __future__ import annotations

import argparse
import time

from alliance_protocol.reasons import message_for

from .common import open_store, print_json


def cmd_enroll(args: argparse.Namespace) -> int:
    from terminal_app.sync import SyncClient, SyncError

    store = open_store(args)
    client = SyncClient(store)
    try:
        identity = client.enroll(args.code, args.server, args.label)
    except SyncError as exc:
        msg = message_for(exc.reason)
        print_json({"ok": False, "reason": exc.reason, "message_zh": msg.zh, "message_en": msg.en,
                    "detail": exc.detail})
        return 1
    report = client.sync_once()
    print_json({"ok": True, "terminal_id": identity.terminal_id, "merchant_id": identity.merchant_id,
                "merchant_name": identity.merchant_name, "bundle_sequence": report.bundle_sequence,
                "first_sync": report.reason})
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from terminal_app.sync import SyncClient

    client = SyncClient(open_store(args))
    while True:
        report = client.sync_once()
        msg = message_for(report.reason)
        print_json({"ok": report.ok, "uploaded": report.uploaded, "acked_seq": report.acked_seq,
                    "flagged": report.flagged, "bundle_sequence": report.bundle_sequence,
                    "balances": report.balances, "queued": client.store.outbox_count(),
                    "reason": report.reason, "message_zh": msg.zh, "message_en": msg.en,
                    "detail": report.detail})
        if not args.loop:
            return 0 if report.ok else 1
        time.sleep(args.interval)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("enroll", help="register this terminal with the HQ server (one-time code)")
    p.add_argument("--server", required=True, help="e.g. http://127.0.0.1:8765")
    p.add_argument("--code", required=True)
    p.add_argument("--label", default="")
    p.set_defaults(func=cmd_enroll)
    p = sub.add_parser("sync", help="upload queued records and download the bundle and balances")
    p.add_argument("--loop", action="store_true", help="keep syncing")
    p.add_argument("--interval", type=float, default=5.0)
    p.set_defaults(func=cmd_sync)
