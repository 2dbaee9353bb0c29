"""`sync-server keys ...`: the alliance key ring and the local issuer (usable with no server running)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from alliance_protocol.keys import b64, unb64
from alliance_protocol.member_code import Tier

from ..hq_keys import KeyRing
from ..paths import server_home

DAY = 24 * 3600


def _keys_dir(args: argparse.Namespace) -> Path:
    return Path(args.keys_dir) if args.keys_dir else server_home(args.home) / "keys"


def cmd_init(args: argparse.Namespace) -> int:
    ring = KeyRing.create(_keys_dir(args), int(time.time()))
    print(json.dumps({"keys_dir": str(ring.directory), "root_public_key": b64(ring.root_public),
                      "issuer_kid": ring.issuers[0].kid}))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    ring = KeyRing.load(_keys_dir(args))
    now = int(time.time())
    for info in ring.issuers:
        state = "valid" if info.not_before <= now <= info.not_after else (
            "not-yet-valid" if now < info.not_before else "retired")
        print(json.dumps({"kid": info.kid, "not_before": info.not_before, "not_after": info.not_after,
                          "state": "compromised" if info.compromised_since is not None else state,
                          "compromised_since": info.compromised_since}))
    ring.response_signer(now)  # a key ring from before signed answers gets its response key here
    for r in ring.responses:
        print(json.dumps({"kid": r.kid, "role": "response", "not_before": r.not_before,
                          "not_after": r.not_after, "state": "valid" if r.not_before <= now < r.not_after
                          else "retired"}))
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    ring = KeyRing.load(_keys_dir(args))
    now = int(time.time())
    old = [i.kid for i in ring.issuers if i.not_after > now]
    new = ring.add_issuer(now, now + args.lifetime_days * DAY)
    if args.retire_old_after_days is not None:
        for kid in old:
            ring.retire(kid, now + args.retire_old_after_days * DAY)
    print(json.dumps({"new_kid": new.kid, "still_valid": old}))
    return 0


def cmd_rotate_response(args: argparse.Namespace) -> int:
    """A new key for HQ's answers (root-certified: terminals and wallets need nothing). With
    --retire-old HQ stops signing with the others at once; clients accept their certificates until
    those end (at most 90 days), so a leaked response key is contained by time, not by this."""
    ring = KeyRing.load(_keys_dir(args))
    now = int(time.time())
    old = [r.kid for r in ring.responses if r.not_after > now]
    new = ring.add_response_key(now)
    if args.retire_old:
        for kid in old:
            ring.retire_response_key(kid, now)
    print(json.dumps({"new_response_kid": new.kid, "not_after": new.not_after,
                      "retired" if args.retire_old else "still_signing": old}))
    return 0


def _when(text: str) -> int:
    """unix seconds, or an ISO 8601 time (with its offset; none means UTC)."""
    from datetime import UTC, datetime

    if text.lstrip("-").isdigit():
        return int(text)
    t = datetime.fromisoformat(text)
    return int((t if t.tzinfo else t.replace(tzinfo=UTC)).timestamp())


def cmd_revoke(args: argparse.Namespace) -> int:
    """An issuer key leaked: terminals refuse it from T on (its validity ends at T, with the next
    bundle), and HQ refuses every code under it after T, however the record is dated."""
    ring = KeyRing.load(_keys_dir(args))
    try:
        since = _when(args.compromised_since)
        info = ring.revoke_compromised(args.kid, since)
    except (ValueError, LookupError) as exc:
        print(json.dumps({"ok": False, "reason": "REQUEST_INVALID", "detail": str(exc)}))
        return 2
    print(json.dumps({"ok": True, "kid": info.kid, "not_after": info.not_after,
                      "compromised_since": info.compromised_since}))
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    ring = KeyRing.load(_keys_dir(args))
    now = int(time.time())
    payload = {
        "alliance_id": args.alliance_id,
        "sequence": args.sequence,
        "issued_at": now,
        "max_age_s": args.max_age_days * DAY,
        "deny": {"cert_serials": args.deny_serial or [], "member_ids": args.deny_member or []},
        "rules": {},
    }
    data = ring.sign_bundle({**payload, "keys": []})
    Path(args.out).write_bytes(data) if args.out else sys.stdout.write(data.decode() + "\n")
    return 0


def cmd_issue_cert(args: argparse.Namespace) -> int:
    ring = KeyRing.load(_keys_dir(args))
    cert = ring.issue_certificate(
        now=int(time.time()), member_id=args.member_id, serial=ring.next_local_serial(),
        tier=Tier[args.tier.upper()], allowance=args.allowance,
        device_public=unb64(args.device_public_key), valid_s=args.valid_days * DAY,
    )
    print(json.dumps({"certificate": b64(cert.to_bytes()), "serial": cert.serial,
                      "not_after": cert.not_after}))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="alliance root and issuer keys; the local issuer")
    keys.add_argument("--keys-dir", help="key directory (default: HOME/keys)")
    ks = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    ks.add_parser("init", help="create the root key and a first issuer key").set_defaults(func=cmd_init)
    ks.add_parser("list", help="list issuer keys and their state").set_defaults(func=cmd_list)

    p = ks.add_parser("rotate", help="add a new issuer key (old keys stay valid until retired)")
    p.add_argument("--lifetime-days", type=int, default=730)
    p.add_argument("--retire-old-after-days", type=int, default=None,
                   help="end the old keys' validity this many days from now")
    p.set_defaults(func=cmd_rotate)

    p = ks.add_parser("rotate-response", help="add a new key for HQ's signed answers (renewed "
                      "automatically when 30 days are left)")
    p.add_argument("--retire-old", action="store_true", help="stop signing with the older response keys now")
    p.set_defaults(func=cmd_rotate_response)

    p = ks.add_parser("revoke", help="an issuer key leaked: nothing it certified counts after a time")
    p.add_argument("kid", help="the issuer key id (keys list)")
    p.add_argument("--compromised-since", required=True,
                   help="when it leaked: unix seconds or ISO 8601 (e.g. 2026-12-01T08:00:00+08:00)")
    p.set_defaults(func=cmd_revoke)

    p = ks.add_parser("bundle", help="sign a trust bundle with the current keys")
    p.add_argument("--alliance-id", default="demo-alliance")
    p.add_argument("--sequence", type=int, default=1)
    p.add_argument("--max-age-days", type=int, default=7)
    p.add_argument("--deny-serial", type=int, action="append")
    p.add_argument("--deny-member", type=int, action="append")
    p.add_argument("--out", help="write here instead of standard output")
    p.set_defaults(func=cmd_bundle)

    p = ks.add_parser("issue-cert", help="issue a member device certificate (local issuer)")
    p.add_argument("--member-id", type=int, required=True)
    p.add_argument("--device-public-key", required=True, help="base64 raw Ed25519 public key")
    p.add_argument("--tier", choices=[t.name.lower() for t in Tier], default="silver")
    p.add_argument("--allowance", type=int, default=20_000, help="offline allowance, points")
    p.add_argument("--valid-days", type=int, default=30)
    p.set_defaults(func=cmd_issue_cert)
