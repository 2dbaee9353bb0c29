"""`sync-server serve | migrate | init-demo | merchant | terminal | member`: the server and HQ admin."""

from __future__ import annotations

import argparse
import json
import sys

from ..hq import HQ, HQError
from ..settings import ServerSettings


def settings_from(args: argparse.Namespace) -> ServerSettings:
    overrides = {}
    if getattr(args, "home", None):
        overrides["home"] = args.home
    if getattr(args, "database_url", None):
        overrides["database_url"] = args.database_url
    return ServerSettings(**overrides)


def _open(args: argparse.Namespace, create_keys: bool = False) -> HQ:
    return HQ.open(settings_from(args), create_keys=create_keys)


def _print(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def _guard(func):
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except HQError as exc:
            _print({"ok": False, "reason": exc.reason, "detail": str(exc)})
            return 1
    return run


@_guard
def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..api import create_app
    from ..nodelay import NoDelayH11Protocol  # small answers without a 40 ms Nagle stall

    hq = _open(args, create_keys=True)
    print(f"sync-server: serving on http://{args.host}:{args.port} with {args.workers} worker(s) "
          f"(database {hq.engine.url.render_as_string(hide_password=True)})", flush=True)
    if args.workers > 1:
        # Stateless workers: each process opens the same database and key files from the environment.
        import os

        os.environ["SYNC_SERVER_HOME"] = str(hq.settings.resolved_home())
        os.environ["SYNC_SERVER_DATABASE_URL"] = hq.settings.resolved_database_url()
        hq.engine.dispose()
        uvicorn.run("sync_server.asgi:app", host=args.host, port=args.port, log_level=args.log_level,
                    workers=args.workers, http=NoDelayH11Protocol)
    else:
        from ..gc_tuning import tune_for_serving

        app = create_app(hq)
        tune_for_serving()
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                    http=NoDelayH11Protocol)
    return 0


@_guard
def cmd_migrate(args: argparse.Namespace) -> int:
    hq = _open(args, create_keys=True)
    _print({"ok": True, "database": hq.engine.url.render_as_string(hide_password=True)})
    return 0


@_guard
def cmd_init_demo(args: argparse.Namespace) -> int:
    from ..demo import init_demo

    _print(init_demo(_open(args, create_keys=True), args.terminals))
    return 0


@_guard
def cmd_merchant_create(args: argparse.Namespace) -> int:
    m = _open(args).create_merchant(args.id, args.name, args.industry, args.rank, args.daily_target_fen)
    _print({"ok": True, "merchant_id": m.id})
    return 0


@_guard
def cmd_terminal_create(args: argparse.Namespace) -> int:
    terminal_id, code = _open(args).create_terminal(args.merchant, args.label)
    _print({"ok": True, "terminal_id": terminal_id, "enrollment_code": code,
            "note": "shown once; it expires and works a single time"})
    return 0


@_guard
def cmd_terminal_status(args: argparse.Namespace) -> int:
    _open(args).set_terminal_status(args.terminal_id, "suspended" if args.action == "suspend" else "active")
    _print({"ok": True, "terminal_id": args.terminal_id, "status": args.action})
    return 0


@_guard
def cmd_member_create(args: argparse.Namespace) -> int:
    _open(args).create_member(args.id, name=args.name, phone=args.phone, tier=args.tier, balance=args.balance,
                              secret=args.secret, home_merchant_id=args.home_merchant,
                              birthday_month=args.birthday_month)
    _print({"ok": True, "member_id": args.id})
    return 0


@_guard
def cmd_member_block(args: argparse.Namespace) -> int:
    _open(args).block_member(args.id, blocked=args.action == "block")
    _print({"ok": True, "member_id": args.id, "blocked": args.action == "block"})
    return 0


@_guard
def cmd_member_revoke_device(args: argparse.Namespace) -> int:
    d = _open(args).revoke_device(args.serial)
    _print({"ok": True, "serial": d.serial, "member_id": d.member_id, "revoked_at": d.revoked_at})
    return 0


def db_opt(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The --database-url option every command that opens HQ's database takes."""
    p.add_argument("--database-url", help="default: $SYNC_SERVER_DATABASE_URL or a SQLite file under HOME")
    return p


def register(sub: argparse._SubParsersAction) -> None:
    p = db_opt(sub.add_parser("serve", help="run the HTTP server"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--log-level", default="warning")
    p.add_argument("--workers", type=int, default=1, help="worker processes (stateless; share the database)")
    p.set_defaults(func=cmd_serve)
    db_opt(sub.add_parser("migrate", help="create or upgrade the database schema")).set_defaults(
        func=cmd_migrate)
    p = db_opt(sub.add_parser("init-demo",
                              help="create the demo alliance (keys, merchants, members, catalogue)"))
    p.add_argument("--terminals", type=int, default=1, help="terminals per merchant")
    p.set_defaults(func=cmd_init_demo)

    merchant = sub.add_parser("merchant", help="merchants").add_subparsers(dest="action", required=True)
    p = db_opt(merchant.add_parser("create"))
    p.add_argument("id")
    p.add_argument("name")
    p.add_argument("--industry", default="retail")
    p.add_argument("--rank", choices=["core", "strategic", "basic"], default="basic")
    p.add_argument("--daily-target-fen", type=int, default=0)
    p.set_defaults(func=cmd_merchant_create)

    terminal = sub.add_parser("terminal", help="terminals").add_subparsers(dest="action", required=True)
    p = db_opt(terminal.add_parser("create", help="create a terminal; prints a one-time enrollment code"))
    p.add_argument("--merchant", required=True)
    p.add_argument("--label", default="")
    p.set_defaults(func=cmd_terminal_create)
    for action in ("suspend", "resume"):
        p = db_opt(terminal.add_parser(action))
        p.add_argument("terminal_id")
        p.set_defaults(func=cmd_terminal_status)

    member = sub.add_parser("member", help="members").add_subparsers(dest="action", required=True)
    p = db_opt(member.add_parser("create"))
    p.add_argument("id", type=int)
    p.add_argument("--name", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--tier", type=int, choices=[0, 1, 2, 3], default=0)
    p.add_argument("--balance", type=int, default=0)
    p.add_argument("--secret", default="")
    p.add_argument("--home-merchant", default=None)
    p.add_argument("--birthday-month", type=int, choices=range(13), default=0, metavar="1..12",
                   help="the month of the member's birthday (earns the birthday multiplier); 0 = unknown")
    p.set_defaults(func=cmd_member_create)
    for action in ("block", "unblock"):
        p = db_opt(member.add_parser(action))
        p.add_argument("id", type=int)
        p.set_defaults(func=cmd_member_block)
    p = db_opt(member.add_parser("revoke-device",
                                 help="a lost or cloned phone: its certificate stops counting now"))
    p.add_argument("serial", type=int, help="the certificate serial (the wallet's `info`, or HQ's devices)")
    p.set_defaults(func=cmd_member_revoke_device)
