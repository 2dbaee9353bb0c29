"""Fault tests: whatever breaks in transit, every record ends up stored exactly once and the
server's ledger equals an independent recomputation from the terminals' own journals.

- the server killed (SIGKILL) while a terminal uploads, then restarted
- the connection dropped after the server committed (a proxy swallows the responses)
- 50 terminals uploading at once
- a terminal offline for a week with 10,000 queued records
"""

from __future__ import annotations

import itertools
import json
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from alliance_protocol.rules import AllianceRules
from member_wallet import server_client
from member_wallet.wallet import Wallet
from sync_server.db.models import Member, Record
from sync_server.demo import MEMBERS, init_demo
from sync_server.hq import HQ
from sync_server.local import free_port
from sync_server.settings import ServerSettings
from terminal_app.core.service import TerminalService
from terminal_app.store import open_store
from terminal_app.store.models import JournalRow
from terminal_app.sync import SyncClient

from .conftest import RunningServer, as_if_enrolled_at, issue_bundle_at

INITIAL = {m[0]: m[4] for m in MEMBERS}


def journal_of(store) -> list[dict]:
    from sqlalchemy.orm import Session

    with Session(store.reader) as s:
        return [{"seq": r.seq, "hash": r.hash, "body": json.loads(r.body)}
                for r in s.scalars(select(JournalRow).order_by(JournalRow.seq))]


def assert_exactly_once_and_ledger(hq: HQ, stores: list, baseline: dict[int, int]) -> int:
    """Every terminal record on the server once, identical; balances = baseline + recomputation.

    The recomputation follows docs/hq-books.md, written here independently: spends count as
    recorded; points earned count up to the daily cap per member and local day across the whole
    alliance (whatever order HQ takes them in, a day's credit is min(sum claimed, cap))."""
    rules = AllianceRules.from_dict(stores[0].current_bundle().rules)
    offset_ms = rules.utc_offset_minutes * 60_000
    earned: dict[tuple[int, int], int] = {}
    expected = dict(baseline)
    total = 0
    with hq.session() as s:
        for store in stores:
            terminal_id = store.identity().terminal_id
            local = journal_of(store)
            remote = s.execute(select(Record.seq, Record.hash, Record.flag)
                               .where(Record.terminal_id == terminal_id)
                               .order_by(Record.seq)).all()
            assert [r.seq for r in remote] == [r["seq"] for r in local], terminal_id
            assert [r.hash for r in remote] == [r["hash"] for r in local], terminal_id
            assert all(r.flag is None for r in remote)
            assert store.outbox_count() == 0
            total += len(local)
            for rec in local:
                body = rec["body"]
                member = body.get("member_id")
                if member is None:
                    continue
                assert body["kind"] != "void"  # (these journals hold no voids)
                if body["status"] in ("approved", "pending_verification"):
                    expected[member] = expected.get(member, 0) - body.get("points_spent", 0)
                    day = (member, (body["recorded_at"] + offset_ms) // 86_400_000)
                    earned[day] = earned.get(day, 0) + body.get("points_earned", 0)
        for (member, _day), points in earned.items():
            cap = rules.daily_earn_cap_points
            expected[member] = expected.get(member, 0) + (min(points, cap) if cap else points)
        balances = dict(s.execute(select(Member.id, Member.balance)).all())
    for member_id, balance in expected.items():
        assert balances[member_id] == balance, member_id
    return total


def run_purchases(store, wallets: list[Wallet], n: int, *, clock=None, start_at: int | None = None) -> None:
    service = TerminalService(store, clock=clock) if clock else TerminalService(store)
    for i in range(n):
        wallet = wallets[i % len(wallets)]
        at = None if start_at is None else start_at + i * 60
        if clock is not None:
            clock.at = at
        scan = service.scan(wallet.next_code(at=at))
        assert scan.ok, scan
        result = service.commit_purchase(scan.token, bill_fen=5_000 + (i % 7) * 1_000,
                                         spend_points=100 if i % 3 == 0 else 0)
        assert result.seq is not None  # approved or declined, it is journaled


def wallets(server_url: str, tmp: Path, ids=(10001, 10002, 10003), secret: str = "demo-{}") -> list[Wallet]:
    out = []
    for member_id in ids:
        w = Wallet(tmp / f"w{member_id}")
        server_client.register(w, server_url, member_id, secret.format(member_id))
        out.append(w)
    return out


_FRESH = itertools.count(40_001)


def fresh_wallets(server: RunningServer, tmp: Path, n: int) -> list[Wallet]:
    """Members of their own (one of each tier, 20,000 points): no other test of the module has used
    their daily earn cap or their balance."""
    ids = [next(_FRESH) for _ in range(n)]
    for i, member_id in enumerate(ids):
        server.hq.create_member(member_id, name="故障", phone="13900000000", tier=i % 4, balance=20_000,
                                secret=f"fault-{member_id}")
    return wallets(server.url, tmp, ids, secret="fault-{}")


def baseline(hq: HQ) -> dict[int, int]:
    with hq.session() as s:
        return dict(s.execute(select(Member.id, Member.balance)).all())


# --- a server process we can kill
class ServerProcess:
    def __init__(self, home: Path, database_url: str) -> None:
        self.home, self.database_url = home, database_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sync_server.cli", "--home", str(self.home), "serve",
             "--port", str(self.port), "--database-url", self.database_url],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                httpx.get(self.url + "/v1/time", timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError(self.proc.stderr.read().decode() if self.proc.poll() is not None else "no start")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)


@pytest.mark.slow
def test_server_killed_mid_upload_then_restarted(tmp_path: Path, database_url: str) -> None:
    home = tmp_path / "hq"
    home.mkdir(exist_ok=True)
    hq = HQ.open(ServerSettings(home=home, database_url=database_url), create_keys=True)
    init_demo(hq)
    before = baseline(hq)
    terminal_id, code = hq.create_terminal("M-MALL")
    server = ServerProcess(home, database_url)
    server.start()
    store = open_store(tmp_path / "till")
    client = SyncClient(store, batch_size=100)
    client.enroll(code, server.url)
    assert client.sync_once().ok
    run_purchases(store, wallets(server.url, tmp_path), 1_500)
    kills = 0
    for _ in range(3):  # kill while batches are in flight, three times
        uploader = threading.Thread(target=client.sync_once)
        start_acked = store.synced_through()
        uploader.start()
        deadline = time.time() + 20
        while store.synced_through() == start_acked and time.time() < deadline:
            time.sleep(0.002)
        server.kill()
        kills += 1
        uploader.join(30)
        assert store.outbox_count() > 0, "the upload finished before the kill: make the queue longer"
        server.start()
    report = client.sync_once()
    assert report.ok, report
    server.kill()
    assert kills == 3
    assert assert_exactly_once_and_ledger(hq, [store], before) >= 1_500
    hq.engine.dispose()


class DroppingProxy:
    """Forwards HTTP to the server, but for the first `drop` batch uploads reads the server's
    answer and closes the client's connection instead of replying: the server has committed,
    the terminal never hears so."""

    def __init__(self, upstream_port: int, drop: int) -> None:
        self.upstream_port, self.drop, self.dropped = upstream_port, drop, 0
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    @staticmethod
    def _read_request(conn: socket.socket) -> bytes | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            body += conn.recv(65536)
        head = b"\r\n".join(h for h in head.split(b"\r\n") if not h.lower().startswith(b"connection:"))
        return head + b"\r\nConnection: close\r\n\r\n" + body

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            while True:
                request = self._read_request(conn)
                if request is None:
                    return
                with socket.create_connection(("127.0.0.1", self.upstream_port)) as up:
                    up.sendall(request)
                    response = b""
                    while chunk := up.recv(65536):
                        response += chunk
                if request.startswith(b"POST /v1/terminal/batches") and self.dropped < self.drop:
                    self.dropped += 1
                    return  # committed upstream; the terminal sees the connection die
                conn.sendall(response.replace(b"connection: keep-alive", b"connection: close"))
                return

    def close(self) -> None:
        self.sock.close()


def test_connection_dropped_after_the_server_committed(server: RunningServer, tmp_path: Path) -> None:
    members = fresh_wallets(server, tmp_path, 3)
    before = baseline(server.hq)
    port = int(server.url.rsplit(":", 1)[1])
    proxy = DroppingProxy(port, drop=3)
    terminal_id, code = server.hq.create_terminal("M-CAFE")
    store = open_store(tmp_path / "till")
    client = SyncClient(store, batch_size=50)
    client.enroll(code, proxy.url)
    client.sync_once()
    run_purchases(store, members, 200)
    reports = [client.sync_once() for _ in range(6)]
    assert proxy.dropped == 3
    assert [r.reason for r in reports[:1]] == ["SERVER_UNREACHABLE"]
    assert reports[-1].ok and store.outbox_count() == 0
    proxy.close()
    assert_exactly_once_and_ledger(server.hq, [store], before)


@pytest.mark.slow
def test_fifty_terminals_upload_at_once(server: RunningServer, tmp_path: Path) -> None:
    member_wallets = fresh_wallets(server, tmp_path, 4)
    before = baseline(server.hq)
    stores = []
    for i in range(50):
        merchant = ["M-MALL", "M-CAFE", "M-CINEMA", "M-GYM", "M-AUTO"][i % 5]
        terminal_id, code = server.hq.create_terminal(merchant)
        store = open_store(tmp_path / f"till{i}")
        client = SyncClient(store)
        client.enroll(code, server.url)
        assert client.sync_once().ok
        run_purchases(store, member_wallets, 12)
        stores.append((store, client))
    barrier = threading.Barrier(50)
    results = [None] * 50

    def upload(i: int) -> None:
        barrier.wait()
        results[i] = stores[i][1].sync_once()

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    retry = [stores[i][1].sync_once() for i, r in enumerate(results) if not (r and r.ok)]
    assert all(r.ok for r in retry), retry
    assert assert_exactly_once_and_ledger(server.hq, [s for s, _ in stores], before) >= 50 * 12


def queue_offline_records(store, member_wallets: list[Wallet], n: int, start_at: int,
                          bundle_seq: int) -> None:
    """n approved purchases spread over a week, appended through the terminal's own journal
    (sealed, chained, each with its outbox entry) in transactions of 1,000: the cashier path is
    covered elsewhere; here the queue is what matters."""
    from sqlalchemy.orm import Session

    from alliance_protocol import records
    from alliance_protocol.member_code import parse
    from alliance_protocol.pricing import EarnContext, is_member_day, local_date, price
    from alliance_protocol.rules import AllianceRules
    from terminal_app.core import journal

    identity = store.identity()
    key = store.terminal_key()
    rules = AllianceRules.from_dict(store.current_bundle().rules)
    earned_on: dict = {}  # (member, local day) -> points: one terminal, so its cap is the alliance's
    step = 7 * 24 * 3600 // n
    for first in range(0, n, 1_000):
        with Session(store.writer) as s, s.begin():
            for i in range(first, min(n, first + 1_000)):
                at = start_at + i * step
                code = member_wallets[i % len(member_wallets)].next_code(at=at)
                c = parse(code)
                bill = 5_000 + (i % 7) * 1_000
                day = local_date(rules, at)
                earned = earned_on.get((c.cert.member_id, day), 0)
                p = price(rules, tier=c.cert.tier, bill_fen=bill,
                          ctx=EarnContext(member_day=is_member_day(rules, day), earned_today=earned))
                earned_on[(c.cert.member_id, day)] = earned + p.points_earned
                journal.append(s, key, {
                    "terminal_id": identity.terminal_id, "merchant_id": identity.merchant_id,
                    "recorded_at": at * 1000 + 500, "kind": "purchase", "status": "approved",
                    "reason": "DAILY_CAP_REACHED" if p.capped else "OK", "shift": 1, "bundle_seq": bundle_seq,
                    "member_id": c.cert.member_id, "cert_serial": c.cert.serial, "counter": c.counter,
                    "code_time": c.code_time, "tier": c.cert.tier, "code": code, "bill_fen": bill,
                    **records.bill_fields(p)}, day="offline")


@pytest.mark.slow
def test_a_week_offline_with_ten_thousand_queued_records(server: RunningServer, tmp_path: Path) -> None:
    members = fresh_wallets(server, tmp_path, 3)
    before = baseline(server.hq)
    terminal_id, code = server.hq.create_terminal("M-AUTO")
    store = open_store(tmp_path / "till")
    client = SyncClient(store)
    client.enroll(code, server.url)
    assert client.sync_once().ok
    start = int(time.time()) - 7 * 24 * 3600
    bundle_seq, _ = issue_bundle_at(server.hq, start - 60)  # the bundle it had when it went offline
    as_if_enrolled_at(server.hq, terminal_id, start - 120)
    queue_offline_records(store, members, 10_000, start, bundle_seq)
    assert store.outbox_count() == 10_000
    t0 = time.perf_counter()
    report = client.sync_once()
    elapsed = time.perf_counter() - t0
    assert report.ok and report.uploaded == 10_000 and report.flagged == 0, report
    print(f"10,000 queued records uploaded in {elapsed:.1f} s")
    assert assert_exactly_once_and_ledger(server.hq, [store], before) == 10_000
