"""`pos-terminal`: the counter app and its diagnostic subcommands.

Each feature module exposes `register(subparsers)`, adding its subcommands with
`set_defaults(func=...)`; a func takes the parsed args and returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Feature modules that add subcommands (keep one per line: several people add to this list).
COMMAND_MODULES = [
    "terminal_app.commands.verify",
    "terminal_app.commands.trust",
    "terminal_app.commands.log",
    "terminal_app.commands.journal",
    "terminal_app.commands.scan_image",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos-terminal", description="Alliance redemption terminal.")
    parser.add_argument("--home", help="terminal data directory (default: $POS_TERMINAL_HOME or the user data dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
