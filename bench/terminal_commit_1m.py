"""Commit latency with 1,000,000 records already in the journal vs an empty journal.

    .venv/bin/python -m bench.terminal_commit_1m [--records 1000000] [--count 1000]

The big journal is generated directly (one transaction of bulk INSERTs, not a million API
commits) but is a real one: every record is sealed (hash chain + terminal Ed25519 signature),
spread over 20,000 members and 365 days, with its outbox entry marked synced (as a terminal's
history would be). Then both terminals run the same `scan` + `commit_purchase` sequence (the
measured member has history in the big journal, so the index lookups for the daily cap and
offline spends do real work). Target: big-journal commit p99 within 2x of the empty journal's.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from alliance_protocol.journal_record import GENESIS_HASH, seal
from alliance_protocol.pricing import local_date
from alliance_protocol.rules import AllianceRules
from alliance_protocol.testkit import T0, TestAlliance
from bench.common import machine, summary_ms
from bench.terminal_common import terminal
from terminal_app.core.journal import verify_journal
from terminal_app.store import Key
from terminal_app.store.journal_table import INSERT


def fill(store, n: int, seed: int = 3) -> float:
    """Insert n sealed records in one transaction; returns seconds taken."""
    rng = random.Random(seed)
    key = store.terminal_key()
    ident = store.identity()
    rules = AllianceRules()
    t0 = time.perf_counter()
    prev = GENESIS_HASH
    start_ms = (T0 - 365 * 86400) * 1000
    step = (365 * 86400 * 1000) // max(1, n)
    batch = []
    with store.write() as tx:
        conn = tx.conn
        for seq in range(1, n + 1):
            member = 80_000 + rng.randrange(20_000)
            spent = rng.choice((0, 0, 0, 500, 1_000))
            bill = rng.randrange(1_000, 50_000)
            at = start_ms + seq * step
            body = {"terminal_id": ident.terminal_id, "merchant_id": ident.merchant_id, "seq": seq,
                    "prev_hash": prev, "recorded_at": at, "kind": "purchase", "status": "approved",
                    "reason": "OK", "shift": 1 + seq // 500, "member_id": member,
                    "cert_serial": member * 10, "counter": seq, "code_time": at // 1000, "tier": 1,
                    "bill_fen": bill, "points_spent": spent, "points_earned": bill // 100,
                    "paid_fen": bill - spent}
            record = seal(body, key)
            prev = record["hash"]
            batch.append((seq, at, local_date(rules, at / 1000).isoformat(), body["shift"], "purchase",
                          "approved", "OK", member, body["points_earned"], spent, None, None, None, None,
                          json.dumps(body, sort_keys=True), record["hash"], record["sig"]))
            if len(batch) == 20_000 or seq == n:
                conn.exec_driver_sql(INSERT, batch)
                conn.exec_driver_sql("INSERT INTO outbox (seq, synced) VALUES (?, 1)",
                                     [(b[0],) for b in batch])
                batch = []
        tx.state.put(Key.JOURNAL_HEAD, {"seq": n, "hash": prev})
        tx.state.put(Key.SYNCED_THROUGH, n)
        tx.state.put(Key.SHIFT, 1 + n // 500)
    return time.perf_counter() - t0


def measure(service, member, count: int) -> tuple[list[float], list[float]]:
    scans, commits = [], []
    for i in range(count + 50):
        code = member.code(T0)
        t0 = time.perf_counter()
        scan = service.scan(code)
        t1 = time.perf_counter()
        txn = service.commit_purchase(scan.token, 20_000, 1_000)
        t2 = time.perf_counter()
        assert txn.ok, txn
        if i >= 50:
            scans.append(t1 - t0)
            commits.append(t2 - t1)
    return scans, commits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--verify", action="store_true",
                        help="also time `journal verify` over the big journal")
    args = parser.parse_args()
    alliance = TestAlliance(seed="bench-1m")
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        empty_store, empty = terminal(Path(tmp) / "empty", alliance)
        big_store, big = terminal(Path(tmp) / "big", alliance)
        took = fill(big_store, args.records)
        size = (Path(tmp) / "big" / "terminal.sqlite3").stat().st_size
        print(f"generated {args.records:,} sealed records in {took:.0f} s; database {size / 2**20:.0f} MiB")
        member_e = alliance.member(80_123, tier=2, allowance=10**9)
        member_b = alliance.member(80_123, tier=2, allowance=10**9)
        results = {}
        for _round in range(2):  # interleaved rounds: both stores see the same machine load
            for label, service, member in (("empty", empty, member_e), ("1M", big, member_b)):
                sc, co = measure(service, member, args.count // 2)
                results.setdefault(label, ([], []))
                results[label][0].extend(sc)
                results[label][1].extend(co)
        for label, (sc, co) in results.items():
            s, c = summary_ms(sc), summary_ms(co)
            print(f"{label:>6} journal: commit p50 {c['p50']:.2f} ms  p99 {c['p99']:.2f} ms  "
                  f"max {c['max']:.2f} ms | scan p50 {s['p50']:.2f} ms  p99 {s['p99']:.2f} ms")
        e, b = summary_ms(results["empty"][1]), summary_ms(results["1M"][1])
        print(f"ratio 1M/empty: commit p50 {b['p50'] / e['p50']:.2f}x  p99 {b['p99'] / e['p99']:.2f}x "
              "(target <= 2x)")
        if args.verify:
            t0 = time.perf_counter()
            with big_store.read() as tx:
                report = verify_journal(tx, big_store.terminal_key().public_key())
            took = time.perf_counter() - t0
            print(f"journal verify of {report.records:,} records: ok={report.ok} in {took:.1f} s "
                  f"({took / max(1, report.records) * 1e6:.0f} us per record)")
        empty_store.close()
        big_store.close()


if __name__ == "__main__":
    main()
