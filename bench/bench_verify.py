"""Offline verification benchmark: OfflineVerifier.verify latency on fresh valid and invalid codes.

    .venv/bin/python -m bench.bench_verify [--count 20000]

Target: p99 <= 1 ms for a valid code (the full path: parse, bundle, issuer key, certificate
signature, deny lists, device signature, window, replay guard).
"""

from __future__ import annotations

import argparse
import time

from alliance_protocol.testkit import T0, TestAlliance
from bench.common import machine, summary_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    args = parser.parse_args()
    alliance = TestAlliance(seed="bench")
    alliance.deny_serials = list(range(10**9, 10**9 + 10_000))  # a realistic deny list (other members)
    members = [alliance.member(50_000 + i) for i in range(100)]
    codes = [members[i % 100].code(T0) for i in range(args.count)]
    forged = [c[:200] + ("0" if c[200] != "0" else "1") + c[201:] for c in codes[: args.count // 4]]
    verifier = alliance.verifier()
    for c in codes[:200]:  # warm-up, then a fresh verifier so every measured code is new
        verifier.verify(c, consume=False)
    verifier = alliance.verifier()
    print(f"machine: {machine()}")
    for label, batch, expect_ok in (("valid", codes, True), ("one char changed", forged, False)):
        times = []
        for c in batch:
            t0 = time.perf_counter()
            verdict = verifier.verify(c)
            times.append(time.perf_counter() - t0)
            assert verdict.ok is expect_ok, verdict
        s = summary_ms(times)
        print(f"{label:<17} n={len(batch):>6}  p50 {s['p50']:.3f} ms  p99 {s['p99']:.3f} ms  max {s['max']:.3f} ms")


if __name__ == "__main__":
    main()
