"""HQ reconciliation of 1,000,000 stored records (target <= 60 s), on SQLite and PostgreSQL.

    .venv/bin/python -m bench.server_reconcile [--records 1000000] [--members 20000] [--terminals 200]
                                               [--db sqlite|postgresql|both]

The records are generated directly in the database (bulk inserts of 10,000 rows; the ingest path
has its own benchmark): purchases earning points, gifts spending them, rejected scans; bodies are
canonical JSON of realistic size (with a 304-character member code); event times spread over 300
days and interleaved across terminals. Members' stored balances are what ingest would have left.
Each row carries what ingest's evidence checks would have decided (effect "applied", the typed
points/sale columns). Timed: `reconcile(hq)` in full (opening balances on the first run, the
event-time ledger stream, disproved cases, gaps, clock skew, tiers from rolling spend over the
typed sale column, write-back), then a second, steady-state run. Checked: the ledger equals an
independent recomputation (one SQL GROUP BY over the records plus the openings), no drift.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, insert, select

from bench.common import machine, temp_database
from sync_server.db.models import LedgerAdjustment, Member, Merchant, Record, Terminal
from sync_server.hq import HQ
from sync_server.reconcile import reconcile
from sync_server.settings import ServerSettings

OPENING = 5_000
CHUNK = 10_000


def generate(hq: HQ, n: int, members: int, terminals: int, seed: int = 7) -> dict[int, int]:
    """Insert merchants, terminals, members and n records. Returns each member's expected balance."""
    rng = random.Random(seed)
    now_ms = int(time.time() * 1000)
    start = now_ms - 300 * 86_400_000
    expected = {m: OPENING for m in range(1, members + 1)}
    with hq.engine.begin() as conn:
        conn.execute(insert(Merchant.__table__), [
            {"id": f"M{i:03d}", "name": f"merchant {i}", "industry": "retail", "rank": "basic",
             "daily_target_fen": 1_000_000, "created_at": now_ms // 1000} for i in range(20)])
        conn.execute(insert(Terminal.__table__), [
            {"id": f"T{i:04d}", "merchant_id": f"M{i % 20:03d}", "label": "", "status": "active",
             "reported_queue": 0, "clock_offset_ms": rng.randint(-5_000, 5_000), "acked_seq": n // terminals,
             "acked_hash": "0" * 64, "last_seen_ms": now_ms} for i in range(terminals)])
    per_terminal = n // terminals
    code = "LM1" + "0" * 301
    rows: list[dict] = []
    inserted = 0
    counters: dict[int, int] = {}
    t0 = time.perf_counter()
    # Round-robin over terminals so event times interleave; each terminal's seq rises with time.
    step = (now_ms - start) // per_terminal
    for k in range(per_terminal):
        for ti in range(terminals):
            seq = k + 1
            at = start + k * step + ti * 1000 + rng.randint(0, 999)
            roll = rng.random()
            member = rng.randint(1, members)
            tid, mid = f"T{ti:04d}", f"M{ti % 20:03d}"
            body = {"terminal_id": tid, "merchant_id": mid, "seq": seq, "prev_hash": "0" * 64,
                    "recorded_at": at, "reason": "OK", "shift": 1}
            earned = spent = paid = 0
            if roll < 0.85:
                paid = rng.randint(20, 500) * 100
                earned = paid // 100
                body.update(kind="purchase", status="approved", member_id=member, cert_serial=member,
                            code=code, bill_fen=paid, paid_fen=paid, points_earned=earned)
            elif roll < 0.95:
                spent = rng.randint(1, 20) * 100
                body.update(kind="gift", status="approved", member_id=member, cert_serial=member,
                            code=code, gift_id="G-CUP", points_spent=spent)
            else:
                body.update(kind="scan", status="rejected", reason="CODE_EXPIRED", input_len=304)
                member = None
            delta = earned - spent
            if member is not None:
                expected[member] += delta
                counters[member] = counters.get(member, 0) + 1  # each member's phone counts its codes
                body["counter"] = counters[member]
            rows.append({"terminal_id": tid, "merchant_id": mid, "seq": seq, "hash": f"{ti:04d}{seq:060d}",
                         "prev_hash": "0" * 64, "sig": "s" * 86,
                         "body": json.dumps(body, sort_keys=True, separators=(",", ":")),
                         "kind": body["kind"], "status": body["status"], "reason": body["reason"],
                         "member_id": member,
                         "cert_serial": member, "counter": body.get("counter"), "points_delta": delta,
                         "recorded_at": at, "received_at": now_ms, "flag": None, "batch_id": None,
                         "effect": "applied" if member is not None else "none", "points_earned": earned,
                         "points_spent": spent, "sale_fen": paid,
                         "local_day": (at + 8 * 3_600_000) // 86_400_000})
            if len(rows) >= CHUNK:
                with hq.engine.begin() as conn:
                    conn.execute(insert(Record.__table__), rows)
                inserted += len(rows)
                rows = []
                if inserted % 200_000 == 0:
                    print(f"  inserted {inserted:,} records ({time.perf_counter() - t0:.0f} s)", flush=True)
    if rows:
        with hq.engine.begin() as conn:
            conn.execute(insert(Record.__table__), rows)
    with hq.engine.begin() as conn:
        conn.execute(insert(Member.__table__), [
            {"id": m, "name": "", "phone": "", "tier": 0, "balance": b, "expiring_soon": 0,
             "birthday_month": 0, "home_merchant_id": f"M{m % 20:03d}", "secret_hash": "", "backup_key": "",
             "blocked": False, "change_cursor": 0}
            for m, b in expected.items()])
    return expected


def independent_ledger(hq: HQ) -> dict[int, int]:
    with hq.session() as s:
        out = {m: 0 for m in s.scalars(select(Member.id))}
        for m, p in s.execute(select(LedgerAdjustment.member_id, func.sum(LedgerAdjustment.points))
                              .group_by(LedgerAdjustment.member_id)):
            out[m] += int(p)
        for m, p in s.execute(select(Record.member_id, func.sum(Record.points_delta))
                              .where(Record.effect == "applied", Record.member_id.is_not(None))
                              .group_by(Record.member_id)):
            out[m] += int(p)
    return out


def run(db: str, n: int, members: int, terminals: int) -> None:
    home = Path(tempfile.mkdtemp(prefix="bench-reconcile-"))
    with temp_database(db, home) as url:
        hq = HQ.open(ServerSettings(home=home, database_url=url), create_keys=True)
        t0 = time.perf_counter()
        expected = generate(hq, n, members, terminals)
        gen_s = time.perf_counter() - t0
        if db == "postgresql":
            with hq.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
        first = reconcile(hq)
        second = reconcile(hq)
        ledger = independent_ledger(hq)
        with hq.session() as s:
            stored = dict(s.execute(select(Member.id, Member.balance)).all())
        equal = stored == ledger == expected
        print(f"[{db}] {n:,} records, {members:,} members, {terminals} terminals: generated in {gen_s:.1f} s")
        print(f"[{db}] reconcile #1 (takes openings): {first.seconds:.1f} s "
              f"({first.records / first.seconds:,.0f} ledger records/s), streamed {first.records:,}, "
              f"drift {first.drift_members}, negative crossings {first.negative_crossings}, "
              f"tiers changed {first.tiers_changed}, members updated {first.members_updated}")
        print(f"[{db}] reconcile #2 (steady state): {second.seconds:.1f} s, drift {second.drift_members}, "
              f"members updated {second.members_updated}")
        print(f"[{db}] ledger equals the independent recomputation and the generator's own sums: {equal}")
        print(f"[{db}] target <= 60 s: {'met' if max(first.seconds, second.seconds) <= 60 else 'MISSED'}")
        hq.engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--members", type=int, default=20_000)
    ap.add_argument("--terminals", type=int, default=200)
    ap.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    args = ap.parse_args()
    print(f"machine: {machine()}")
    for db in (["sqlite", "postgresql"] if args.db == "both" else [args.db]):
        run(db, args.records, args.members, args.terminals)


if __name__ == "__main__":
    main()
