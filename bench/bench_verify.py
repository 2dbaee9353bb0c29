"""Offline verification benchmark: OfflineVerifier.verify latency on fresh valid and invalid codes.

    .venv/bin/python -m bench.bench_verify [--count 20000]

Target: p99 <= 1 ms for a valid code (the full path: parse, bundle, issuer key, certificate
signature, deny lists, device signature, window, replay guard).

Two clocks per call: wall time (perf_counter, what a cashier waits, including any time the OS
gave the core to another process) and the thread's CPU time (thread_time, the verifier's own
work). On a shared machine the wall-time tail measures the neighbours; the CPU-time tail does not.
"""

from __future__ import annotations

import argparse
import time

from alliance_protocol.testkit import T0, TestAlliance
from bench.common import machine, summary_ms


def timed(verify, batch: list[str], expect_ok: bool) -> tuple[dict, dict, set[str]]:
    wall, cpu, reasons = [], [], set()
    for c in batch:
        c0, t0 = time.thread_time(), time.perf_counter()
        verdict = verify(c)
        t1, c1 = time.perf_counter(), time.thread_time()
        wall.append(t1 - t0)
        cpu.append(c1 - c0)
        assert verdict.ok is expect_ok, verdict
        reasons.add(verdict.reason.value)
    return summary_ms(wall), summary_ms(cpu), reasons


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000, help="fresh valid codes")
    args = parser.parse_args()
    alliance = TestAlliance(seed="bench")
    alliance.deny_serials = list(range(10**9, 10**9 + 10_000))  # a realistic deny list (other members)
    members = [alliance.member(50_000 + i) for i in range(100)]
    codes = [members[i % 100].code(T0) for i in range(args.count)]
    quarter = max(1, args.count // 4)
    forged = [c[:200] + ("0" if c[200] != "0" else "1") + c[201:] for c in codes[:quarter]]
    expired = [members[i % 100].code(T0 - 3600) for i in range(quarter)]
    stranger = TestAlliance(seed="other-alliance").member(7)
    unknown_issuer = [stranger.code(T0) for _ in range(quarter)]
    garbage = ([("LM1" + "Z" * 301), "hello", "LM1" + "0" * 200, "https://example.com/?q=1"]
               * (quarter // 4 + 1))
    verifier = alliance.verifier()
    for c in codes[:200]:  # warm-up, then a fresh verifier so every measured code is new
        verifier.verify(c, consume=False)
    verifier = alliance.verifier()
    print(f"machine: {machine()}")
    print(f"{'input':<28} {'n':>6}  {'wall p50':>9} {'p99':>7} {'max':>7}   "
          f"{'cpu p50':>8} {'p99':>7} {'max':>7}  reasons")
    for label, batch, expect_ok in (
        ("valid (fresh)", codes, True),
        ("replayed (same codes again)", codes[:quarter], False),
        ("one char changed", forged, False),
        ("expired (1 h old)", expired, False),
        ("unknown issuer", unknown_issuer, False),
        ("malformed / not a code", garbage[:quarter], False),
    ):
        w, c, reasons = timed(verifier.verify, batch, expect_ok)
        print(f"{label:<28} {len(batch):>6}  {w['p50']:>9.3f} {w['p99']:>7.3f} {w['max']:>7.2f}   "
              f"{c['p50']:>8.3f} {c['p99']:>7.3f} {c['max']:>7.2f}  {','.join(sorted(reasons))}")
    print("(milliseconds)")


if __name__ == "__main__":
    main()
