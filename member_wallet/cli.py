"""`member-wallet`: the simulated member phone.

    member-wallet register --server http://127.0.0.1:8765 --member-id 10001 --secret demo-10001 \
                           [--root-key B64]   # without it: the first answer's root key is pinned
    member-wallet register --local-issuer KEYS_DIR --member-id 10001 --tier gold   # no server yet
    member-wallet refresh     # a new certificate (tier, allowance from the current balance)
    member-wallet balance
    member-wallet code        # print a fresh code (counter increases) for scripts
    member-wallet info        # certificate fields as JSON
    member-wallet show        # the rotating QR code in a window
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alliance_common.cli import command_parser, run_command
from alliance_protocol.keys import unb64
from alliance_protocol.member_code import Tier

from .wallet import DEFAULT_REFRESH_S, Wallet, WalletError, issue_from_local_issuer, wallet_home


def _wallet(args: argparse.Namespace) -> Wallet:
    return Wallet(wallet_home(args.home))


def cmd_register(args: argparse.Namespace) -> int:
    wallet = _wallet(args)
    if args.server:
        if not args.secret:
            raise WalletError("--server needs --secret (the member's login)")
        from .server_client import register

        try:
            roots = [unb64(k) for k in args.root_key or []]
        except ValueError:
            raise WalletError("--root-key: base64 of the alliance root public key (sync-server keys init "
                              "prints it)") from None
        register(wallet, args.server, args.member_id, args.secret, root_public_keys=roots)
        return cmd_info(args)
    if not args.local_issuer:
        raise WalletError("give --server URL (with --secret) or --local-issuer KEYS_DIR")
    cert = issue_from_local_issuer(wallet, Path(args.local_issuer), member_id=args.member_id,
                                   tier=Tier[args.tier.upper()], allowance=args.allowance,
                                   valid_days=args.valid_days)
    print(json.dumps({"member_id": cert.member_id, "serial": cert.serial,
                      "tier": Tier(cert.tier).name.lower(),
                      "not_after": cert.not_after, "allowance": cert.allowance}))
    return 0


def _server_login(wallet: Wallet) -> tuple[str, int, str]:
    if not (wallet.state.server_url and wallet.state.secret and wallet.state.member_id):
        raise WalletError("registered without a server: nothing to refresh (use register --server)")
    return wallet.state.server_url, wallet.state.member_id, wallet.state.secret


def cmd_refresh(args: argparse.Namespace) -> int:
    from .server_client import register

    wallet = _wallet(args)
    register(wallet, *_server_login(wallet), refresh=True)
    return cmd_info(args)


def cmd_balance(args: argparse.Namespace) -> int:
    from .server_client import balance

    wallet = _wallet(args)
    b = balance(wallet, *_server_login(wallet))
    print(json.dumps({"member_id": b.member_id, "balance": b.balance, "tier": b.tier,
                      "expiring_soon": b.expiring_soon}))
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    print(_wallet(args).next_code())
    return 0


def cmd_backup_code(args: argparse.Namespace) -> int:
    digits, seconds_left = _wallet(args).backup_code()
    print(json.dumps({"backup_code": digits, "seconds_left": seconds_left}))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    wallet = _wallet(args)
    cert = wallet.certificate()
    print(json.dumps({"member_id": cert.member_id, "serial": cert.serial,
                      "tier": Tier(cert.tier).name.lower(),
                      "not_after": cert.not_after, "allowance": cert.allowance,
                      "issuer_kid": cert.issuer_kid.hex(), "counter": wallet.state.counter,
                      "clock_offset_s": wallet.state.clock_offset_s,
                      "root_anchor": wallet.state.root_anchor}))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from .window import WalletWindow

    wallet = _wallet(args)
    wallet.certificate()  # fail early, in plain words, if not registered
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from terminal_app.ui import i18n

    i18n.ensure_compiled()
    i18n.set_language(getattr(args, "language", None) or i18n.DEFAULT_LANGUAGE)
    window = WalletWindow(wallet, refresh_s=args.refresh)
    window.show()
    return app.exec()


def build_parser() -> argparse.ArgumentParser:
    parser, sub = command_parser("member-wallet", "Simulated member phone.",
                                 "wallet directory (default: $MEMBER_WALLET_HOME or the user data dir)")

    p = sub.add_parser("register", help="get a device certificate")
    p.add_argument("--server", help="HQ server URL, e.g. http://127.0.0.1:8765")
    p.add_argument("--secret", help="the member's login secret (with --server)")
    p.add_argument("--root-key", action="append", metavar="B64",
                   help="the alliance root public key HQ's answers must verify against (with --server; "
                        "without it the first answer's root key is pinned: trust on first use)")
    p.add_argument("--local-issuer", metavar="KEYS_DIR",
                   help="no server: HQ key directory on this machine (sync-server keys init)")
    p.add_argument("--member-id", type=int, required=True)
    p.add_argument("--tier", choices=[t.name.lower() for t in Tier], default="silver")
    p.add_argument("--allowance", type=int, default=20_000, help="offline allowance, points")
    p.add_argument("--valid-days", type=int, default=30)
    p.set_defaults(func=cmd_register)

    sub.add_parser("refresh", help="renew the certificate from the server").set_defaults(func=cmd_refresh)
    sub.add_parser("balance", help="points balance from the server").set_defaults(func=cmd_balance)
    sub.add_parser("code", help="print a fresh member code").set_defaults(func=cmd_code)
    sub.add_parser("backup-code", help="print the numeric backup code (for a counter that cannot scan)"
                   ).set_defaults(func=cmd_backup_code)
    sub.add_parser("info", help="print the certificate as JSON").set_defaults(func=cmd_info)
    p = sub.add_parser("show", help="show the rotating QR code in a window")
    p.add_argument("--refresh", type=int, default=DEFAULT_REFRESH_S, help="seconds between codes")
    p.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN", help="the window's language")
    p.set_defaults(func=cmd_show)
    return parser


def main(argv: list[str] | None = None) -> int:
    from alliance_common.installed import require

    not_installed = require("member-wallet", "wallet")  # a clear message, not an ImportError traceback
    if not_installed is not None:
        return not_installed
    return run_command(build_parser(), argv, expected=(WalletError,))


if __name__ == "__main__":
    sys.exit(main())
