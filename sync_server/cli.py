"""`sync-server`: the HQ server and its admin commands.

Each feature module exposes `register(subparsers)`; a subcommand's func takes the parsed args
and returns the exit code.
"""

from __future__ import annotations

import argparse
import sys

from alliance_common.cli import command_parser, run_command

# Feature modules that add subcommands (one per line: several people add to this list).
COMMAND_MODULES = [
    "sync_server.commands.keys",
    "sync_server.commands.server",
    "sync_server.commands.report",
    "sync_server.commands.health",
    "sync_server.commands.catalogue",
    "sync_server.commands.records",
]


def build_parser() -> argparse.ArgumentParser:
    return command_parser("sync-server", "Alliance HQ sync server and admin commands.",
                          "server data directory (default: $SYNC_SERVER_HOME or the user data dir)",
                          COMMAND_MODULES)[0]


def main(argv: list[str] | None = None) -> int:
    from alliance_common.installed import require

    not_installed = require("sync-server", "server")  # a clear message, not an ImportError traceback
    if not_installed is not None:
        return not_installed
    return run_command(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
