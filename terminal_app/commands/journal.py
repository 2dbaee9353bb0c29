"""`pos-terminal journal verify`: check the local journal's chain and signatures.

Prints one JSON object: ok, records checked, and on failure the first broken record's seq, the
problem (hash, signature, chain, gap, moved, column, truncated, malformed) and a detail.
Exit status: 0 intact, 1 broken, 2 no terminal key.
"""

from __future__ import annotations

import argparse

from terminal_app.core.journal import verify_journal

from .common import open_store, print_json


def cmd_verify(args: argparse.Namespace) -> int:
    store = open_store(args)
    if not store.key_path.exists():
        print_json({"ok": False, "problem": "no_key", "detail": f"{store.key_path} is missing"})
        return 2
    with store.read() as tx:
        report = verify_journal(tx, store.terminal_key().public_key())
    print_json(report.to_json())
    return 0 if report.ok else 1


def register(sub: argparse._SubParsersAction) -> None:
    journal = sub.add_parser("journal", help="the local tamper-evident journal")
    js = journal.add_subparsers(dest="journal_command", metavar="ACTION", required=True)
    js.add_parser("verify", help="check the hash chain and the terminal signatures").set_defaults(
        func=cmd_verify)
