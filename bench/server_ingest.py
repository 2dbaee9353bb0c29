"""Ingest throughput: records/s stored by the sync server, 500-record batches vs one request per record.

    .venv/bin/python -m bench.server_ingest [--records 20000] [--single 2000] [--workers 2]
                                            [--terminals 4,16] [--db sqlite|postgresql|both]

Real member codes and sealed, chained terminal records (the server checks every signature and
re-verifies every code); a real server process on loopback (uvicorn, N workers); several
terminals uploading concurrently, each over its own keep-alive connection. Target: >= 5,000
records/s on PostgreSQL with 500-record batches.

Each line shows the CPU seconds each worker process spent ("worker CPU"): how evenly the work fell.

The records are what an honest terminal writes (amounts priced by alliance_protocol.pricing from the
member's tier and the bundle's rules), so HQ's evidence checks apply every one of them. The bound
printed first is what this machine's cores sustain doing nothing but the two Ed25519 checks each
record needs (the terminal's signature on the record, the member's phone signature on the code;
a phone's certificate is checked once): "ratio" is the measured rate over that bound.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from pathlib import Path

import httpx

from alliance_protocol import journal_record as jr
from alliance_protocol import records, request_auth
from alliance_protocol.keys import b64, public_raw, unb64, verify_signature
from alliance_protocol.member_code import make_code, parse
from alliance_protocol.pricing import EarnContext, is_member_day, local_date, price
from alliance_protocol.rules import AllianceRules
from alliance_protocol.testkit import derive_key
from bench.common import machine, start_server, temp_database, worker_cpu_s
from sync_server.demo import init_demo, member_secret
from sync_server.hq import HQ
from sync_server.settings import ServerSettings


def make_records(
    hq: HQ, terminal_id: str, merchant_id: str, key, n: int, member_ids: list[int]
) -> list[dict]:
    devices = []
    for m in member_ids:
        device = derive_key("bench", f"{terminal_id}-{m}")
        cert = hq.issue_device_certificate(m, member_secret(m), b64(public_raw(device)))
        devices.append((cert, device))
    out, prev = [], jr.GENESIS_HASH
    now = int(time.time())
    bundle = hq.bundle()
    rules = AllianceRules.from_dict(bundle.rules)
    member_day = is_member_day(rules, local_date(rules, now))
    for seq in range(1, n + 1):
        cert, device = devices[seq % len(devices)]
        code = make_code(cert, device, code_time=now, counter=seq)
        p = price(rules, tier=cert.tier, bill_fen=10_000, ctx=EarnContext(member_day=member_day))
        body = {
            "terminal_id": terminal_id,
            "merchant_id": merchant_id,
            "seq": seq,
            "prev_hash": prev,
            "recorded_at": now * 1000,
            "kind": "purchase",
            "status": "approved",
            "reason": "OK",
            "shift": 1,
            "member_id": cert.member_id,
            "cert_serial": cert.serial,
            "counter": seq,
            "code_time": now,
            "tier": cert.tier,
            "code": code,
            "bundle_seq": bundle.sequence,
            "bill_fen": 10_000,
            **records.bill_fields(p),
        }
        rec = jr.seal(body, key)
        out.append(rec)
        prev = rec["hash"]
    return out


def ed25519_bound(records: list[dict], terminal_key, seconds: float = 3.0) -> float:
    """Records/s this machine's cores sustain doing only the two Ed25519 checks of each record (one
    core measured, times the core count: the checks are independent and the workers run in parallel)."""
    public = public_raw(terminal_key)
    checks = [
        (unb64(r["sig"]), jr.SIG_DOMAIN + bytes.fromhex(r["hash"]), parse(r["body"]["code"]))
        for r in records[:200]
    ]
    done, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for sig, message, code in checks:
            assert verify_signature(public, sig, message)
            assert verify_signature(code.cert.device_public, code.signature, code.signing_input())
        done += len(checks)
    return done / (time.perf_counter() - t0) * (os.cpu_count() or 1)


def post(client: httpx.Client, url: str, terminal_id: str, key, records: list[dict]) -> dict:
    body = json.dumps({"records": records}, separators=(",", ":")).encode()
    headers = request_auth.sign_headers(key, terminal_id, "POST", "/v1/terminal/batches", body)
    headers["content-type"] = "application/json"
    response = client.post(url + "/v1/terminal/batches", content=body, headers=headers, timeout=120)
    response.raise_for_status()
    return response.json()


def run(db: str, n_records: int, n_single: int, workers: int, terminals: int) -> list[str]:
    home = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    with temp_database(db, home) as url:
        return measure(db, url, home, n_records, n_single, workers, terminals)


def measure(
    db: str, url: str, home: Path, n_records: int, n_single: int, workers: int, terminals: int
) -> list[str]:
    lines = []
    hq = HQ.open(ServerSettings(home=home, database_url=url), create_keys=True)
    init_demo(hq)
    tills = []
    for mode, count in (("batch", n_records), ("single", n_single)):
        per = count // terminals
        for _ in range(terminals):
            terminal_id, code = hq.create_terminal("M-MALL")
            key = derive_key("bench", terminal_id)
            hq.enroll(code, b64(public_raw(key)))
            tills.append(
                (
                    mode,
                    terminal_id,
                    key,
                    make_records(hq, terminal_id, "M-MALL", key, per, [10001, 10002, 10003]),
                )
            )
    hq.engine.dispose()
    bound = ed25519_bound(tills[0][3], tills[0][2])
    lines.append(
        f"{db:<10} bound: {bound:,.0f} records/s (only the two Ed25519 checks per record, "
        f"{os.cpu_count()} cores)"
    )
    print(lines[-1], flush=True)
    proc, base = start_server(home, url, workers)
    try:
        for mode in ("batch", "single"):
            group = [t for t in tills if t[0] == mode]
            size = 500 if mode == "batch" else 1

            def upload(terminal_id, key, records, size=size):
                with httpx.Client() as client:
                    for i in range(0, len(records), size):
                        ack = post(client, base, terminal_id, key, records[i : i + size])
                        assert ack["flagged"] == 0, ack
                    assert ack["acked_seq"] == len(records), ack

            threads = [threading.Thread(target=upload, args=t[1:]) for t in group]
            cpu_before = worker_cpu_s(proc.pid)
            t0 = time.perf_counter()
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            elapsed = time.perf_counter() - t0
            cpu = [round(c - cpu_before.get(p, 0.0), 1) for p, c in worker_cpu_s(proc.pid).items()]
            per_worker = f", worker CPU {'+'.join(map(str, cpu))} s" if cpu else ""
            total = sum(len(t[3]) for t in group)
            lines.append(
                f"{db:<10} {mode:<6} {'500/req' if size == 500 else '1/req':<8} {total:>7} records "
                f"{elapsed:7.2f} s  {total / elapsed:8.0f} records/s  ratio {total / elapsed / bound:.2f} "
                f"({terminals} terminals, {workers} workers{per_worker})"
            )
            print(lines[-1], flush=True)
    finally:
        proc.terminate()
        proc.wait(30)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--single", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--terminals", default="4,16", help="comma-separated: one run per count")
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    for db in ["sqlite", "postgresql"] if args.db == "both" else [args.db]:
        for terminals in (int(t) for t in args.terminals.split(",")):
            run(db, args.records, args.single, args.workers, terminals)


if __name__ == "__main__":
    main()
