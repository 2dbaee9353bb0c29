"""Online authorisation round trip: one terminal, then 50 at once, against a real HQ process.

    .venv/bin/python -m bench.online_authorise [--db postgresql|sqlite] [--seconds 20]
                                                [--terminals 1,50] [--workers 2] [--think-ms 0]

What is timed is the terminal's call (terminal_app/sync/online.py): the request signed with the
terminal key, HTTP on loopback, HQ's decision (the intent examined, its member code re-verified,
evidence.Books under the alliance-wide books lock, the hold and the claim written, the commit),
HQ's signature on the answer, the terminal verifying it. Every call spends points of a member
with enough of them (each terminal its own member, so every decision is an approval that holds
points); codes are fresh. After each answer the terminal uploads the record (not timed), as its
sync does: the record captures its hold, and those uploads take the books lock too.
Target (docs/online-authorisation.md): p99 <= 30 ms on loopback. Each line also gives the CPU the
server's processes and PostgreSQL's used per authorisation (with its upload): unlike latency, it
does not move with what the virtual machine's host takes away, so it compares two versions. And
what a bare commit took meanwhile (bench/common.CommitProbe: one every 100 ms on a connection of its
own): every authorisation waits for one, so the disk's flush latency is the floor of its tail.

`--think-ms`: each terminal waits about this long between transactions (uniformly 0.5-1.5 times
it, each terminal starting at a random moment within it): independent counters at a counter's
pace. 0: back to back, every terminal at once (the throughput bound of this machine).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import tempfile
import threading
import time
from pathlib import Path

import httpx

from alliance_protocol import journal_record as jr
from alliance_protocol import records, request_auth
from alliance_protocol.keys import b64, public_raw
from alliance_protocol.member_code import make_code
from alliance_protocol.pricing import EarnContext, is_member_day, local_date, price
from alliance_protocol.rules import AllianceRules
from alliance_protocol.testkit import derive_key
from bench.common import (
    CommitProbe,
    machine,
    server_and_database_cpu_s,
    start_server,
    summary_ms,
    temp_database,
)
from sync_server.demo import init_demo
from sync_server.hq import HQ
from sync_server.settings import ServerSettings
from terminal_app.store import open_store
from terminal_app.sync import SyncClient
from terminal_app.sync.online import OnlineClient, Unanswered


class Till:
    def __init__(
        self, hq: HQ, base: str, home: Path, index: int, rules: AllianceRules, bundle_seq: int
    ) -> None:
        self.rules, self.bundle_seq = rules, bundle_seq
        terminal_id, code = hq.create_terminal("M-AUTO")
        self.store = open_store(home / f"till{index}")
        SyncClient(self.store).enroll(code, base)
        self.terminal_id, self.merchant_id = terminal_id, "M-AUTO"
        self.member_id = 80_000 + index
        hq.create_member(
            self.member_id,
            name="基准",
            phone="13300000000",
            balance=10**9,
            secret=f"bench-online-{self.member_id}",
        )
        self.device = derive_key("bench-online", str(self.member_id))
        self.cert = hq.issue_device_certificate(
            self.member_id, f"bench-online-{self.member_id}", b64(public_raw(self.device))
        )
        self.online = OnlineClient(self.store, base)
        self.key = self.store.terminal_key()
        self.base = base
        self.http = httpx.Client()
        self.seq, self.prev = 0, jr.GENESIS_HASH
        self.times: list[float] = []
        self.failures: list[str] = []

    def intent(self) -> dict:
        self.seq += 1
        now = time.time()
        code = make_code(self.cert, self.device, code_time=int(now), counter=self.seq)
        p = price(
            self.rules,
            tier=self.cert.tier,
            bill_fen=20_000,
            spend_points=1_000,
            ctx=EarnContext(member_day=is_member_day(self.rules, local_date(self.rules, now))),
        )
        return {
            "terminal_id": self.terminal_id,
            "merchant_id": self.merchant_id,
            "seq": self.seq,
            "prev_hash": self.prev,
            "recorded_at": int(now * 1000),
            "kind": "purchase",
            "status": "approved",
            "reason": "DAILY_CAP_REACHED" if p.capped else "OK",
            "shift": 1,
            "bundle_seq": self.bundle_seq,
            "decided_by": "online",
            "member_id": self.member_id,
            "cert_serial": self.cert.serial,
            "counter": self.seq,
            "code_time": int(now),
            "tier": self.cert.tier,
            "code": code,
            "bill_fen": 20_000,
            **records.bill_fields(p),
        }

    def upload(self, body: dict) -> None:
        record = jr.seal(body, self.key)
        self.prev = record["hash"]
        payload = json.dumps({"records": [record]}).encode()
        headers = request_auth.sign_headers(
            self.key, self.terminal_id, "POST", "/v1/terminal/batches", payload
        )
        headers["content-type"] = "application/json"
        ack = self.http.post(
            self.base + "/v1/terminal/batches", content=payload, headers=headers, timeout=30
        ).json()
        if ack.get("acked_seq") != body["seq"] or ack.get("flagged"):
            self.failures.append(f"upload: {ack}"[:200])

    def run(self, until: float, think_s: float, start: threading.Barrier) -> None:
        rng = random.Random(self.member_id)
        start.wait()
        if think_s:  # independent counters: each starts at its own moment
            time.sleep(rng.uniform(0, think_s))
        while time.monotonic() < until:
            body = self.intent()
            t0 = time.perf_counter()
            answer = self.online.authorise(body, 5.0)
            self.times.append(time.perf_counter() - t0)
            if isinstance(answer, Unanswered) or answer.decision != "approved":
                self.failures.append(str(answer)[:200])
                body = {**body, "decided_by": "offline"}
            else:
                body = {**body, "auth_id": answer.auth_id}
            self.upload(body)  # (not timed) as the terminal's sync does: the record captures its hold
            if think_s:
                time.sleep(rng.uniform(0.5, 1.5) * think_s)


def measure(
    db: str, url: str, home: Path, counts: list[int], seconds: float, workers: int, think_ms: int
) -> list[str]:
    hq = HQ.open(ServerSettings(home=home, database_url=url), create_keys=True)
    init_demo(hq)
    # (the books settings stay the defaults: holds last an hour, far beyond the run)
    proc, base = start_server(home, url, workers)
    lines = []
    try:
        bundle = hq.bundle()
        rules = AllianceRules.from_dict(bundle.rules)
        index = 0
        for n in counts:
            tills = []
            for _ in range(n):
                tills.append(Till(hq, base, home, index, rules, bundle.sequence))
                index += 1
            for t in tills:  # warm up: connections, certificates cached, the first decision
                t.run(time.monotonic() + 0.3, 0, threading.Barrier(1))
                t.times.clear()
                t.failures.clear()
            start = threading.Barrier(n)
            until = time.monotonic() + seconds
            threads = [threading.Thread(target=t.run, args=(until, think_ms / 1000, start)) for t in tills]
            cpu_before = server_and_database_cpu_s(proc.pid)
            with CommitProbe(url) as probe:
                for th in threads:
                    th.start()
                for th in threads:
                    th.join()
            cpu_after = server_and_database_cpu_s(proc.pid)
            times = [x for t in tills for x in t.times]
            failures = [f for t in tills for f in t.failures]
            s = summary_ms(times)
            load = os.getloadavg()[0]
            count = max(1, len(times))
            server_ms, database_ms = (1000 * (cpu_after[i] - cpu_before[i]) / count for i in (0, 1))

            lines.append(
                f"{db:<10} {n:>3} terminal{'s' if n > 1 else ' '} think {think_ms:>4} ms: "
                f"{len(times):>6} authorisations in {seconds:.0f} s ({len(times) / seconds:6.0f}/s), "
                f"p50 {s['p50']:6.1f} ms  p90 {s['p90']:6.1f} ms  p99 {s['p99']:6.1f} ms  "
                f"max {s['max']:6.1f} ms, not approved {len(failures)}, load {load:.1f}; "
                f"CPU per authorisation and its upload: server {server_ms:.1f} ms, "
                f"PostgreSQL {database_ms:.1f} ms"
            )
            print(lines[-1], flush=True)
            print(f"  {probe.line()}", flush=True)
            if failures:
                print("  e.g.", failures[0], flush=True)
            for t in tills:
                t.online.close()
                t.http.close()
                t.store.close()
    finally:
        proc.terminate()
        proc.wait(30)
        hq.engine.dispose()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--terminals", default="1,50")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--think-ms", type=int, default=0)
    args = parser.parse_args()
    print(f"# {machine()}; {time.strftime('%Y-%m-%d %H:%M')}; server workers {args.workers}", flush=True)
    home = Path(tempfile.mkdtemp(prefix="bench-online-"))
    try:
        with temp_database(args.db, home) as url:
            measure(
                args.db,
                url,
                home,
                [int(x) for x in args.terminals.split(",")],
                args.seconds,
                args.workers,
                args.think_ms,
            )
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
