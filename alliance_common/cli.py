"""The console plumbing the three programs share: where their files live, and how a subcommand runs."""

from __future__ import annotations

import argparse
import importlib
import os
from collections.abc import Sequence
from pathlib import Path

import platformdirs


def app_home(explicit: str | os.PathLike[str] | None, env_var: str, app_name: str) -> Path:
    """--home flag > environment variable > the user's data directory; created if missing."""
    if explicit:
        path = Path(explicit)
    elif os.environ.get(env_var):
        path = Path(os.environ[env_var])
    else:
        path = Path(platformdirs.user_data_dir(app_name, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def command_parser(prog: str, description: str, home_help: str, modules: Sequence[str] = ()
                   ) -> tuple[argparse.ArgumentParser, argparse._SubParsersAction[argparse.ArgumentParser]]:
    """A parser with --home and subcommands; each module in `modules` adds its own via register(sub)."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--home", help=home_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser, sub


def run_command(parser: argparse.ArgumentParser, argv: list[str] | None,
                expected: tuple[type[Exception], ...] = (), prog: str = "") -> int:
    """Parse and run the chosen subcommand's func(args) -> exit code; help when none was chosen.
    An `expected` exception is printed in one line (exit 2) instead of a traceback."""
    import sys

    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except expected as exc:
        print(f"{prog or parser.prog}: {exc}", file=sys.stderr)
        return 2
