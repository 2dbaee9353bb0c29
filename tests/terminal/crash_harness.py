"""Crash harness: fork workers that run transactions, SIGKILL them at random points, check after each.

    python -m tests.terminal.crash_harness HOME KILLS SEED

Imports are paid once; each cycle forks a worker that opens the store and commits purchases as
fast as it can, writing one line per returned verdict ("V seq serial counter status") to a pipe.
After 5-50 ms the harness kills it with SIGKILL, reads the complete lines (a verdict counts as
returned only once its line is whole), reopens the store and checks: the new records chain on
from the last checked one (hash, signature, no gaps) up to the stored head marker, every returned
verdict is in the journal with the same code and status, and no code is approved twice. Prints one
JSON summary line.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

from alliance_protocol import trust_bundle as tb
from alliance_protocol.journal_record import GENESIS_HASH, check_chain
from alliance_protocol.rules import AllianceRules
from alliance_protocol.testkit import T0, TestAlliance
from alliance_protocol.verifier import FixedClock
from terminal_app.store import open_store


def setup(home: Path, alliance: TestAlliance) -> None:
    store = open_store(home)
    store.set_root_keys([alliance.root_public])
    payload = alliance.payload()
    payload["rules"] = AllianceRules().to_dict()
    store.install_bundle(tb.sign_bundle(payload, alliance.root))
    store.ensure_local_identity("T-CRASH", "M-CRASH")
    store.set_last_sync(T0)
    store.close()


def worker(home: Path, out: int, members: list, start_counter: int) -> None:
    from terminal_app.core.service import TerminalService

    store = open_store(home)
    service = TerminalService(store, clock=FixedClock(T0))
    os.write(out, b"READY\n")
    counter = start_counter
    while True:
        member = members[counter % len(members)]
        counter += 1
        scan = service.scan(member.code(T0, counter=counter))
        if not scan.ok:
            os.write(out, f"S {scan.seq} {scan.reason}\n".encode())
            continue
        txn = service.commit_purchase(scan.token, 10_000, 100 if counter % 3 == 0 else 0)
        status = "approved" if txn.ok else "rejected"
        os.write(out, f"V {txn.seq} {member.cert.serial} {counter} {status}\n".encode())


def read_all(fd: int) -> bytes:
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def main(home: Path, kills: int, seed: int) -> dict:
    rng = random.Random(seed)
    alliance = TestAlliance(seed="crash")
    setup(home, alliance)
    members = [alliance.member(9000 + i, tier=i % 4, allowance=1_000_000) for i in range(5)]
    checked_seq, checked_hash = 0, GENESIS_HASH
    returned: dict[int, tuple] = {}
    approved_codes: set[tuple[int, int]] = set()
    problems: list[str] = []
    started = time.monotonic()
    for cycle in range(kills):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            os.close(r)
            try:
                worker(home, w, members, 1 + cycle * 1_000_000)
            finally:
                os._exit(1)
        os.close(w)
        buf = b""
        if rng.random() < 0.1:  # now and then: kill while the worker is still opening the store
            time.sleep(rng.uniform(0.0, 0.01))
        else:
            while b"READY\n" not in buf:
                chunk = os.read(r, 4096)
                if not chunk:
                    break
                buf += chunk
            time.sleep(rng.uniform(0.005, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        buf += read_all(r)
        os.close(r)
        lines = buf.split(b"\n")[:-1]  # the last piece is incomplete (or empty)
        for line in lines:
            parts = line.decode().split()
            if parts[0] == "V":
                seq, serial, counter, status = int(parts[1]), int(parts[2]), int(parts[3]), parts[4]
                returned[seq] = (serial, counter, status)
            elif parts[0] == "S":
                returned[int(parts[1])] = (None, None, "rejected")
        # restart: the journal must verify and hold every returned verdict
        store = open_store(home)
        public = store.terminal_key().public_key()
        with store.read() as tx:
            records = [row.wire() for row in tx.journal.entries_after(checked_seq, 10**9)]
            head = tx.journal.stored_head()
        store.close()
        try:
            checked = check_chain(records, public, prev_seq=checked_seq, prev_hash=checked_hash)
        except Exception as exc:  # reported, not raised: the test asserts on the summary
            problems.append(f"cycle {cycle}: {exc}")
            break
        for c in checked:
            b = c.body
            if b["status"] == "approved":
                code = (b["cert_serial"], b["counter"])
                if code in approved_codes:
                    problems.append(f"code {code} approved twice (seq {c.seq})")
                approved_codes.add(code)
        if checked:
            checked_seq, checked_hash = checked[-1].seq, checked[-1].hash
        if checked_seq and head != {"seq": checked_seq, "hash": checked_hash}:
            problems.append(f"cycle {cycle}: head marker {head} disagrees with the journal end {checked_seq}")
        by_seq = {c.seq: c.body for c in checked}
        for seq, (serial, counter, status) in list(returned.items()):
            if seq > checked_seq:
                problems.append(f"returned verdict seq {seq} is missing from the journal")
            elif seq in by_seq and serial is not None:
                b = by_seq[seq]
                if (b["cert_serial"], b["counter"], b["status"]) != (serial, counter, status):
                    problems.append(f"seq {seq} holds another transaction than the one returned")
        if problems:
            break
    return {"kills": cycle + 1, "records": checked_seq, "returned": len(returned),
            "approved_codes": len(approved_codes), "problems": problems,
            "seconds": round(time.monotonic() - started, 1)}


if __name__ == "__main__":
    summary = main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    sys.stdout.write(json.dumps(summary) + "\n")
