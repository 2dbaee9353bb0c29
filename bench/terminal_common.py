"""A terminal store + service for the terminal benchmarks: real SQLite file in a temp dir, test alliance."""

from __future__ import annotations

from pathlib import Path

from alliance_protocol import trust_bundle as tb
from alliance_protocol.rules import AllianceRules, OfflineLimits
from alliance_protocol.testkit import T0, TestAlliance
from alliance_protocol.verifier import FixedClock
from terminal_app.core.service import TerminalService
from terminal_app.store import Store, open_store

# Limits high enough that a benchmark run is never declined by them (a decline is also a commit,
# but the benchmark measures the approval path).
BENCH_RULES = AllianceRules(daily_earn_cap_points=0, offline=OfflineLimits(
    txn_max_points=10**9, member_max_points=10**9, terminal_max_points=10**12))


def terminal(home: Path, alliance: TestAlliance) -> tuple[Store, TerminalService]:
    store = open_store(home)
    store.set_root_keys([alliance.root_public])
    payload = alliance.payload()
    payload["rules"] = BENCH_RULES.to_dict()
    payload["coupons"] = [{"id": "C-1", "kind": "quota", "quota": 10**9}]
    payload["gifts"] = [{"id": "G-1", "points": 500, "stock": 10**9}]
    store.install_bundle(tb.sign_bundle(payload, alliance.root))
    store.ensure_local_identity("T-BENCH", "M-BENCH")
    store.set_last_sync(T0)
    return store, TerminalService(store, clock=FixedClock(T0))
