"""`member-wallet`: the simulated member phone.

    member-wallet register --local-issuer KEYS_DIR --member-id 10001 --tier gold
    member-wallet code        # print a fresh code (counter increases) for scripts
    member-wallet info        # certificate fields as JSON
    member-wallet show        # the rotating QR code in a window
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alliance_protocol.appsupport import command_parser, run_command
from alliance_protocol.member_code import Tier

from .wallet import DEFAULT_REFRESH_S, Wallet, WalletError, issue_from_local_issuer, wallet_home


def _wallet(args: argparse.Namespace) -> Wallet:
    return Wallet(wallet_home(args.home))


def cmd_register(args: argparse.Namespace) -> int:
    wallet = _wallet(args)
    cert = issue_from_local_issuer(wallet, Path(args.local_issuer), member_id=args.member_id,
                                   tier=Tier[args.tier.upper()], allowance=args.allowance,
                                   valid_days=args.valid_days)
    print(json.dumps({"member_id": cert.member_id, "serial": cert.serial, "tier": Tier(cert.tier).name.lower(),
                      "not_after": cert.not_after, "allowance": cert.allowance}))
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    print(_wallet(args).next_code())
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    wallet = _wallet(args)
    cert = wallet.certificate()
    print(json.dumps({"member_id": cert.member_id, "serial": cert.serial, "tier": Tier(cert.tier).name.lower(),
                      "not_after": cert.not_after, "allowance": cert.allowance,
                      "issuer_kid": cert.issuer_kid.hex(), "counter": wallet.state.counter,
                      "clock_offset_s": wallet.state.clock_offset_s}))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from .window import WalletWindow

    wallet = _wallet(args)
    wallet.certificate()  # fail early, in plain words, if not registered
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = WalletWindow(wallet, refresh_s=args.refresh)
    window.show()
    return app.exec()


def build_parser() -> argparse.ArgumentParser:
    parser, sub = command_parser("member-wallet", "Simulated member phone.",
                                 "wallet directory (default: $MEMBER_WALLET_HOME or the user data dir)")

    p = sub.add_parser("register", help="get a device certificate")
    p.add_argument("--local-issuer", metavar="KEYS_DIR", required=True,
                   help="HQ key directory on this machine (sync-server keys init)")
    p.add_argument("--member-id", type=int, required=True)
    p.add_argument("--tier", choices=[t.name.lower() for t in Tier], default="silver")
    p.add_argument("--allowance", type=int, default=20_000, help="offline allowance, points")
    p.add_argument("--valid-days", type=int, default=30)
    p.set_defaults(func=cmd_register)

    sub.add_parser("code", help="print a fresh member code").set_defaults(func=cmd_code)
    sub.add_parser("info", help="print the certificate as JSON").set_defaults(func=cmd_info)
    p = sub.add_parser("show", help="show the rotating QR code in a window")
    p.add_argument("--refresh", type=int, default=DEFAULT_REFRESH_S, help="seconds between codes")
    p.set_defaults(func=cmd_show)
    return parser


def main(argv: list[str] | None = None) -> int:
    return run_command(build_parser(), argv, expected=(WalletError,))


if __name__ == "__main__":
    sys.exit(main())
