"""`pos-terminal trust ...` and `pos-terminal clock ...`: the local trust bundle and clock, by hand.

Normally enrollment pins the root key and sync keeps the bundle and the clock offset fresh; these
commands serve a terminal that has no server yet (the local issuer flow) and diagnostics.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from alliance_protocol.keys import unb64
from alliance_protocol.reasons import Reason, message
from alliance_protocol.trust_bundle import BundleError

from .common import open_store, print_json


def _refuse(reason: Reason, detail: str) -> int:
    msg = message(reason)
    print_json({"ok": False, "reason": reason.value, "message_zh": msg.zh, "message_en": msg.en,
                "detail": detail})
    return 1


def cmd_install(args: argparse.Namespace) -> int:
    store = open_store(args)
    if args.root_key:
        store.set_root_keys([unb64(args.root_key)])
    if not store.root_keys():
        return _refuse(Reason.ROOT_KEY_MISSING, "pass --root-key or enroll")
    try:
        bundle = store.install_bundle(Path(args.file).read_bytes())
    except (BundleError, OSError) as exc:
        return _refuse(Reason.TRUST_BUNDLE_INVALID, str(exc))
    print_json({"ok": True, "alliance_id": bundle.alliance_id, "sequence": bundle.sequence,
                "issued_at": bundle.issued_at, "issuer_keys": len(bundle.keys)})
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    store = open_store(args)
    bundle = store.current_bundle()
    clock = store.clock()
    age = clock.confirmed_age()
    out = {"bundle": None if bundle is None else {
        "alliance_id": bundle.alliance_id, "sequence": bundle.sequence, "issued_at": bundle.issued_at,
        "age_s": int(clock.now() - bundle.issued_at), "max_age_s": bundle.max_age_s,
        "keys": [k.to_dict() for k in bundle.keys], "denied_serials": len(bundle.deny_serials),
        "denied_members": len(bundle.deny_members)},
        "clock_offset_s": round(clock.offset_s, 3),
        "clock_confirmed_age_s": None if age is None else int(age)}
    print_json(out)
    return 0


def cmd_clock_confirm(args: argparse.Namespace) -> int:
    """A manager vouches for the host clock (offset 0) when no server is reachable."""
    now_ms = int(time.time() * 1000)
    open_store(args).record_server_time(now_ms, now_ms, now_ms)
    print_json({"ok": True, "clock_offset_s": 0.0, "confirmed_at": now_ms // 1000})
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    trust = sub.add_parser("trust", help="the local trust bundle")
    ts = trust.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    p = ts.add_parser("install", help="install a root-signed trust bundle file")
    p.add_argument("file")
    p.add_argument("--root-key", help="pin this alliance root public key (base64) first")
    p.set_defaults(func=cmd_install)
    ts.add_parser("show", help="what the terminal trusts, and its clock").set_defaults(func=cmd_show)

    clock = sub.add_parser("clock", help="the terminal clock")
    cs = clock.add_subparsers(dest="clock_command", metavar="ACTION", required=True)
    cs.add_parser("confirm", help="confirm the host clock by hand (no server reachable)").set_defaults(
        func=cmd_clock_confirm)
