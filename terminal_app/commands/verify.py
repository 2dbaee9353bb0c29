"""`pos-terminal verify CODE`: the offline verdict on one code, as JSON, against the local trust bundle.

A check, not a sale: the code is not used up (a member whose code an operator checks can still
pay with it), and nothing is journaled. A code already used at this terminal says CODE_REPLAYED.
Codes are used only by a transaction that journals them: the counter app or `pos-terminal sale`.
Exit status: 0 accepted, 1 rejected.
"""

from __future__ import annotations

import argparse
import sys

from .common import open_verifier, print_json


def cmd_verify(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.code == "-" else args.code
    verdict = open_verifier(args).verify(text, consume=False)
    print_json(verdict.to_dict())
    return 0 if verdict.ok else 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify",
                       help="check a member code offline (nothing is used up) and print the verdict")
    p.add_argument("code", help="the scanned text, or - to read it from standard input")
    # accepted for older scripts: verify never uses a code up anyway
    p.add_argument("--dry-run", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_verify)
