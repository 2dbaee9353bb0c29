"""`pos-terminal verify CODE`: the offline verdict on one code, as JSON, against the local trust bundle.

The check consumes the code like a real scan (its (serial, counter) pair is remembered, so a
second verify of the same code says CODE_REPLAYED); `--dry-run` checks without remembering.
Exit status: 0 accepted, 1 rejected.
"""

from __future__ import annotations

import argparse
import sys

from .common import open_verifier, print_json


def cmd_verify(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.code == "-" else args.code
    verdict = open_verifier(args).verify(text, consume=not args.dry_run)
    print_json(verdict.to_json())
    return 0 if verdict.ok else 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="verify a member code offline and print the verdict as JSON")
    p.add_argument("code", help="the scanned text, or - to read it from standard input")
    p.add_argument("--dry-run", action="store_true", help="do not remember the code as used")
    p.set_defaults(func=cmd_verify)
