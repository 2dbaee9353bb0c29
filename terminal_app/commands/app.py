"""`pos-terminal app`: the counter app (PySide6 window). See terminal_app/ui/app.py."""

from __future__ import annotations

import argparse

from terminal_app.paths import terminal_home


def cmd_app(args: argparse.Namespace) -> int:
    from terminal_app.ui.app import run_app

    if args.exit_when_ready:
        from .ready import exit_when_ready

        exit_when_ready(args.exit_when_ready)
    return run_app(terminal_home(args.home), server_url=args.server)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("app", help="open the counter app window")
    p.add_argument("--server", help="HQ sync server URL (default: none, offline)")
    p.add_argument("--exit-when-ready", type=float, nargs="?", const=60.0, default=None, metavar="TIMEOUT_S",
                   help="self-test: quit once ready to scan, printing one JSON line (exit 0; 1 if not "
                        "ready within TIMEOUT_S, default 60)")
    p.set_defaults(func=cmd_app)
