"""Scan-to-verdict benchmark: camera frame -> QR decode -> offline verify -> rules -> durable commit.

    .venv/bin/python -m bench.terminal_scan [--count 500]

Each iteration takes one pre-rendered 640x480 camera-like frame of a fresh member code
(bench/qr_corpus.render: phone screen, tilt, glare, blur, noise, JPEG), decodes it with the
default decoder (terminal_app.qr.get_decoder()), runs TerminalService.scan (verify + member view)
and commit_purchase (tier discount, 1,000 points as cash, earning, risk limits, journal record +
outbox + replay row in one BEGIN IMMEDIATE transaction, WAL, synchronous=FULL). The clock stops
when commit_purchase has returned, i.e. after the commit is durable. Target p99 <= 15 ms.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from pathlib import Path

import numpy as np

from alliance_protocol.testkit import T0, TestAlliance
from bench.common import machine, summary_ms
from bench.qr_corpus import render
from bench.terminal_common import terminal
from terminal_app.qr import get_decoder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    alliance = TestAlliance(seed="bench-scan")
    members = [alliance.member(70_000 + i, tier=i % 4, allowance=10**9) for i in range(50)]
    rng = np.random.default_rng(5)
    texts = [members[i % 50].code(T0) for i in range(args.count + 50)]
    frames = [render(t, "640x480", rng).image for t in texts]
    decoder = get_decoder()
    with tempfile.TemporaryDirectory() as tmp:
        store, service = terminal(Path(tmp) / "term", alliance)
        totals, dec, scn, com = [], [], [], []
        failures = 0
        for i, frame in enumerate(frames):
            gc.collect() if i % 100 == 0 else None
            t0 = time.perf_counter()
            found = decoder.decode(frame)
            t1 = time.perf_counter()
            if not found:
                failures += 1
                continue
            scan = service.scan(found[0].text)
            t2 = time.perf_counter()
            txn = service.commit_purchase(scan.token, 20_000, 1_000)
            t3 = time.perf_counter()
            assert scan.ok and txn.ok, (scan, txn)
            if i >= 50:  # the first 50 warm up caches
                totals.append(t3 - t0)
                dec.append(t1 - t0)
                scn.append(t2 - t1)
                com.append(t3 - t2)
        store.close()
    print(f"machine: {machine()}")
    print(f"frames 640x480: {len(frames) - 50} measured, {failures} not decoded")
    for label, values in (("decode", dec), ("scan (verify + member view)", scn),
                          ("commit (rules + journal, durable)", com), ("scan-to-verdict total", totals)):
        s = summary_ms(values)
        print(f"{label:<36} p50 {s['p50']:6.2f} ms  p99 {s['p99']:6.2f} ms  max {s['max']:6.2f} ms")


if __name__ == "__main__":
    main()
