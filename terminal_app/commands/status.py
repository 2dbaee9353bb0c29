"""`pos-terminal status`: the manager's view of the offline state, as JSON.

Queued records, last sync, offline exposure, the open shift, and every rule and offline limit
in force (from the trust bundle; defaults when there is none). Exit status 0.
"""

from __future__ import annotations

import argparse

from .common import open_store, print_json


def cmd_status(args: argparse.Namespace) -> int:
    store = open_store(args)
    if store.identity() is not None and store.key_path.exists():
        from terminal_app.core.service import TerminalService

        print_json(TerminalService(store).status())
        return 0
    from terminal_app.core.terms import Terms

    rules = Terms.of(store.current_bundle()).rules
    print_json({"outbox_pending": store.outbox_count(), "last_sync_at": store.last_sync_at(),
                "identity": None, "limits": rules.offline.__dict__, "rules": rules.to_dict()})
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("status", help="queued records, last sync, offline exposure, rules and limits")
    p.set_defaults(func=cmd_status)
