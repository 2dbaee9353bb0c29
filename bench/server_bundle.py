"""Download for an alliance of 100,000 members: the trust bundle and the first full balance sync.

    .venv/bin/python -m bench.server_bundle [--members 100000] [--db sqlite|postgresql]

HQ holds N members (2 % with a revoked device certificate, 1 % blocked: the deny lists grow with
the membership) in a real server on loopback; a freshly enrolled terminal downloads and verifies
the root-signed bundle, then pages through every member's balance (minimal personal data).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from alliance_protocol.keys import b64, public_raw
from alliance_protocol.testkit import derive_key
from bench.common import machine, temp_database
from sync_server.db.models import Device, Member
from sync_server.demo import init_demo
from sync_server.hq import HQ
from sync_server.local import start_local_server
from sync_server.settings import ServerSettings
from terminal_app.store import open_store
from terminal_app.sync import SyncClient


def populate(hq: HQ, n: int) -> None:
    device = b64(public_raw(derive_key("bench", "device")))
    now = int(time.time())
    with hq.session() as s, s.begin():
        cursor = hq.next_cursor(s, n)
        for start in range(0, n, 10_000):
            s.execute(insert(Member), [
                {"id": 1_000_000 + i, "name": f"会员{i}", "phone": f"139{i:08d}", "tier": i % 4,
                 "balance": (i * 37) % 50_000, "blocked": i % 100 == 0, "change_cursor": cursor + i,
                 "secret_hash": "", "backup_key": ""} for i in range(start, min(n, start + 10_000))])
        s.execute(insert(Device), [
            {"serial": 5_000_000 + i, "member_id": 1_000_000 + i, "device_public_key": device,
             "issued_at": now, "not_after": now + 86_400, "revoked": True} for i in range(0, n, 50)])
    hq.bundle_changed()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    with temp_database(args.db, home) as url:
        run(args, home, url)


def run(args: argparse.Namespace, home: Path, url: str) -> None:
    hq = HQ.open(ServerSettings(home=home, database_url=url), create_keys=True)
    init_demo(hq)
    t0 = time.perf_counter()
    populate(hq, args.members)
    print(f"machine: {machine()}; {args.db}; {args.members:,} members generated in "
          f"{time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    sequence, envelope = hq.current_bundle()
    print(f"bundle build + root signature: {1000 * (time.perf_counter() - t0):.0f} ms, "
          f"{len(envelope) / 1024:.0f} KiB, sequence {sequence}")
    local = start_local_server(hq)
    try:
        _, code = hq.create_terminal("M-MALL")
        store = open_store(home / "till")
        client = SyncClient(store)
        client.enroll(code, local.url)
        t0 = time.perf_counter()
        seq = client.pull_bundle()
        t_bundle = time.perf_counter() - t0
        bundle = store.current_bundle()
        print(f"terminal: bundle download + verify + install: {1000 * t_bundle:.0f} ms "
              f"(deny lists: {len(bundle.deny_serials):,} certificates, "
              f"{len(bundle.deny_members):,} members; sequence {seq})")
        t0 = time.perf_counter()
        verifier = store.verifier()
        print("terminal: loading the verifier from the stored bundle: "
              f"{1000 * (time.perf_counter() - t0):.0f} ms")
        t0 = time.perf_counter()
        count = client.pull_balances()
        t_bal = time.perf_counter() - t0
        print(f"terminal: first full balance download: {count:,} members in {t_bal:.1f} s "
              f"({count / t_bal:,.0f} members/s, pages of 5,000, applied to the local store)")
        t0 = time.perf_counter()
        assert client.pull_balances() == 0
        print(f"terminal: next balance sync with nothing changed: {1000 * (time.perf_counter() - t0):.0f} ms")
        assert verifier.bundle is not None
    finally:
        local.stop()
        hq.engine.dispose()


if __name__ == "__main__":
    main()
