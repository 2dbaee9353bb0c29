"""`pos-terminal`: the counter app and its diagnostic subcommands.

Each feature module exposes `register(subparsers)`, adding its subcommands with
`set_defaults(func=...)`; a func takes the parsed args and returns the exit code.
"""

from __future__ import annotations

import argparse
import sys

from alliance_common.cli import command_parser, run_command

# Feature modules that add subcommands (keep one per line: several people add to this list).
COMMAND_MODULES = [
    "terminal_app.commands.verify",
    "terminal_app.commands.trust",
    "terminal_app.commands.log",
    "terminal_app.commands.journal",
    "terminal_app.commands.status",
    "terminal_app.commands.scan_image",
    "terminal_app.commands.app",
    "terminal_app.commands.sync",
    "terminal_app.commands.sale",
]


def build_parser() -> argparse.ArgumentParser:
    return command_parser("pos-terminal", "Alliance redemption terminal.",
                          "terminal data directory (default: $POS_TERMINAL_HOME or the user data dir)",
                          COMMAND_MODULES)[0]


def main(argv: list[str] | None = None) -> int:
    from alliance_common.installed import require

    not_installed = require("pos-terminal", "terminal")  # a clear message, not an ImportError traceback
    if not_installed is not None:
        return not_installed
    return run_command(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
