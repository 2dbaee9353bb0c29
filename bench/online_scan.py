"""Scan-to-verdict online: camera frame -> QR decode -> offline verify + HQ's live look-up -> intent
journaled -> HQ authorises and holds -> outcome journaled (durable). Against a real HQ process.

    .venv/bin/python -m bench.online_scan [--count 300] [--db postgresql|sqlite] [--workers 2]

The same frames and decoder as bench/terminal_scan.py (the offline path: target p99 <= 15 ms);
here the terminal is enrolled with HQ and asks it first (terminal_app/core/online.py): the scan
looks the member up (POST /v1/terminal/members/lookup), the commit journals its intent, asks
(POST /v1/terminal/authorisations, signed both ways) and journals HQ's approval with its
auth_id. The clock stops when commit_purchase has returned (the outcome committed). Every 10
transactions the outbox is uploaded (not timed), as the sync loop would: the records capture their
holds. Target (docs/online-authorisation.md): p99 <= 50 ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from alliance_protocol.keys import b64, public_raw
from alliance_protocol.member_code import make_code
from alliance_protocol.testkit import derive_key
from bench.common import CommitProbe, machine, start_server, summary_ms, temp_database
from bench.qr_corpus import render
from sync_server.demo import init_demo
from sync_server.hq import HQ
from sync_server.settings import ServerSettings
from terminal_app.core.service import TerminalService
from terminal_app.qr import get_decoder
from terminal_app.store import open_store
from terminal_app.sync import SyncClient
from terminal_app.sync.online import OnlineClient


def measure(db: str, url: str, home: Path, count: int, workers: int) -> None:
    hq = HQ.open(ServerSettings(home=home, database_url=url), create_keys=True)
    init_demo(hq)
    members = []
    for i in range(20):
        member_id = 85_000 + i
        hq.create_member(
            member_id,
            name="基准",
            phone="13400000000",
            tier=i % 4,
            balance=10**9,
            secret=f"bench-scan-{member_id}",
        )
        device = derive_key("bench-online-scan", str(member_id))
        members.append(
            (
                hq.issue_device_certificate(member_id, f"bench-scan-{member_id}", b64(public_raw(device))),
                device,
            )
        )
    _, code = hq.create_terminal("M-AUTO")
    proc, base = start_server(home, url, workers)
    try:
        store = open_store(home / "till")
        sync = SyncClient(store)
        sync.enroll(code, base)
        assert sync.sync_once().ok
        online = OnlineClient(store)
        service = TerminalService(store, online=online)
        rng = np.random.default_rng(7)
        now = int(time.time())
        texts = [
            make_code(cert, device, code_time=now, counter=i + 1)
            for i, (cert, device) in ((i, members[i % len(members)]) for i in range(count + 30))
        ]
        frames = [render(t, "640x480", rng).image for t in texts]
        decoder = get_decoder()
        totals, dec, scn, com = [], [], [], []
        paths: dict[str, int] = {}
        with CommitProbe(url) as probe:
            for i, frame in enumerate(frames):
                gc.collect() if i % 100 == 0 else None
                if i % 10 == 0:
                    sync.upload()
                t0 = time.perf_counter()
                found = decoder.decode(frame)
                t1 = time.perf_counter()
                if not found:
                    continue
                scan = service.scan(found[0].text)
                t2 = time.perf_counter()
                txn = service.commit_purchase(scan.token, 20_000, 1_000)
                t3 = time.perf_counter()
                assert scan.ok and txn.ok, (scan, txn)
                paths[str(txn.decided_by)] = paths.get(str(txn.decided_by), 0) + 1
                if i >= 30:  # the first ones warm up connections and caches
                    totals.append(t3 - t0)
                    dec.append(t1 - t0)
                    scn.append(t2 - t1)
                    com.append(t3 - t2)
        assert sync.sync_once().ok
        print(
            f"# {machine()}; {time.strftime('%Y-%m-%d %H:%M')}; {db}, server workers {workers}, "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        print(f"{len(totals)} measured; decided by: {paths}")
        for label, values in (
            ("decode", dec),
            ("scan (verify + HQ look-up + panel)", scn),
            ("commit (intent, HQ authorises, outcome)", com),
            ("scan-to-verdict total", totals),
        ):
            s = summary_ms(values)
            print(f"{label:<42} p50 {s['p50']:6.2f} ms  p99 {s['p99']:6.2f} ms  max {s['max']:6.2f} ms")
        print(probe.line())
        online.close()
        sync.close()
        store.close()
    finally:
        proc.terminate()
        proc.wait(30)
        hq.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-online-scan-"))
    try:
        with temp_database(args.db, home) as url:
            measure(args.db, url, home, args.count, args.workers)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
