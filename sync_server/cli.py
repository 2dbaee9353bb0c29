"""`sync-server`: the HQ server and its admin commands.

Each feature module exposes `register(subparsers)`; a subcommand's func takes the parsed args
and returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Feature modules that add subcommands (one per line: several people add to this list).
COMMAND_MODULES = [
    "sync_server.commands.keys",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sync-server", description="Alliance HQ sync server and admin commands.")
    parser.add_argument("--home", help="server data directory (default: $SYNC_SERVER_HOME or the user data dir)")
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
