"""Abuse limits, wallet secrets and registrations under load: real HTTP on SQLite and PostgreSQL.

Failed attempts (wallet secrets per member id and per client address, HQ page logins, enrollment
codes) are bounded per window and answered 429 RATE_LIMITED with a retry time; the counters live in
the database, so several worker processes and a restart see the same counts. Wallet secrets have
a minimum strength and a slow salted hash; concurrent registrations never fail.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, text

from alliance_protocol import backup_code
from alliance_protocol.keys import b64, public_raw
from alliance_protocol.testkit import derive_key
from member_wallet import server_client
from member_wallet.wallet import Wallet
from sync_server.db.engine import make_engine, migrate
from sync_server.db.models import Device, Member, RateLimit
from sync_server.demo import init_demo
from sync_server.hq import HQ, HQError
from sync_server.hq_keys import KeyRing
from sync_server.local import free_port, start_local_server
from sync_server.ratelimit import Limit, Limiter
from sync_server.settings import ServerSettings

from .conftest import RunningServer, create_pg_database, drop_pg_database

LIMITS = dict(wallet_failures_per_member=3, wallet_failures_per_address=5, hq_login_failures=3,
              enroll_failures_per_address=3, login_window_s=600, enroll_window_s=600,
              hq_password="hq-page-secret-1")


def database_url(request, home: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{home / 'server.sqlite3'}"
    request.getfixturevalue("pg_admin")
    name, url = create_pg_database()
    request.addfinalizer(lambda: drop_pg_database(name))
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def limited(request, tmp_path: Path) -> RunningServer:
    """A server with small limits. Its uvicorn trusts X-Forwarded-For from loopback (its default
    FORWARDED_ALLOW_IPS, as for a proxy on the same host): tests pose as many client addresses."""
    home = tmp_path / "hq"
    home.mkdir()
    url = database_url(request, home)
    hq = HQ.open(ServerSettings(home=home, database_url=url, **LIMITS), create_keys=True)
    running = RunningServer(hq, init_demo(hq), start_local_server(hq))
    yield running
    running.stop()
    hq.engine.dispose()


def wallet_post(server_url: str, path: str, member_id: int, secret: str, address: str) -> httpx.Response:
    return httpx.post(server_url + path, timeout=30, headers={"X-Forwarded-For": address},
                      json={"member_id": member_id, "secret": secret,
                            "device_public_key": b64(public_raw(derive_key("limits", str(member_id))))})


def assert_rate_limited(response: httpx.Response, window_s: int) -> int:
    assert response.status_code == 429, response.text
    data = response.json()
    assert data["reason"] == "RATE_LIMITED" and data["message_zh"] and data["message_en"]
    assert 1 <= data["retry_after_s"] <= 2 * window_s
    assert response.headers["retry-after"] == str(data["retry_after_s"])
    return data["retry_after_s"]


# --- wallet secrets
def test_failed_wallet_logins_are_bounded_per_member_id(limited: RunningServer) -> None:
    url = limited.url
    for i, path in enumerate(["/v1/wallet/register", "/v1/wallet/refresh", "/v1/wallet/balance"]):
        wrong = wallet_post(url, path, 10001, f"guess-number-{i}", f"198.51.100.{i + 1}")
        assert (wrong.status_code, wrong.json()["reason"]) == (403, "MEMBER_AUTH_FAILED")
    # The fourth guess, from yet another address, is refused before the secret is looked at; so is
    # the right secret (the member's wallet waits; its certificate keeps working offline).
    assert_rate_limited(wallet_post(url, "/v1/wallet/register", 10001, "guess-number-9", "198.51.100.9"), 600)
    assert_rate_limited(wallet_post(url, "/v1/wallet/balance", 10001, "demo-10001", "198.51.100.10"), 600)
    # Another member is not affected.
    assert wallet_post(url, "/v1/wallet/balance", 10002, "demo-10002", "198.51.100.9").status_code == 200


def test_failed_wallet_logins_are_bounded_per_client_address(limited: RunningServer) -> None:
    url, address = limited.url, "203.0.113.7"
    for member_id in (10001, 10002, 10003, 10004, 424242):  # an unknown id counts as much as a wrong secret
        assert wallet_post(url, "/v1/wallet/balance", member_id, "guess-1234", address).status_code == 403
    assert_rate_limited(wallet_post(url, "/v1/wallet/balance", 10005, "demo-10005", address), 600)
    assert wallet_post(url, "/v1/wallet/balance", 10005, "demo-10005", "203.0.113.8").status_code == 200


def test_successful_logins_are_not_counted(limited: RunningServer) -> None:
    for _ in range(12):
        response = wallet_post(limited.url, "/v1/wallet/balance", 10003, "demo-10003", "192.0.2.44")
        assert response.status_code == 200, response.text
    with limited.hq.session() as s:
        assert (s.scalar(select(func.coalesce(func.sum(RateLimit.count), 0))) or 0) == 0


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(tmp_path: Path, monkeypatch) -> None:
    """A client cannot pick the address it is counted against: from a peer that is not a trusted
    proxy, X-Forwarded-For is ignored and the peer's own address counts."""
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "192.0.2.250")  # the load balancer, not this client
    hq = HQ.open(ServerSettings(home=tmp_path, **LIMITS), create_keys=True)
    init_demo(hq)
    local = start_local_server(hq)
    try:
        for i in range(5):
            assert wallet_post(local.url, "/v1/wallet/balance", 10001 + i % 4, "nope-nope-1", f"10.0.0.{i}"
                               ).status_code == 403
        assert_rate_limited(wallet_post(local.url, "/v1/wallet/balance", 10005, "x-x-x-x-x-1", "10.9.9.9"),
                            600)
    finally:
        local.stop()
        hq.engine.dispose()


# --- HQ page and enrollment codes
def test_failed_hq_page_logins_are_bounded_per_address_and_per_login_name(limited: RunningServer) -> None:
    def login(user: str, password: str, address: str) -> httpx.Response:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        return httpx.get(limited.url + "/hq", timeout=10,
                         headers={"Authorization": f"Basic {token}", "X-Forwarded-For": address})

    assert login("hq", "hq-page-secret-1", "192.0.2.1").status_code == 200
    for i in range(3):
        assert login("hq", f"wrong-{i}", f"192.0.2.{10 + i}").status_code == 401
    assert_rate_limited(login("hq", "hq-page-secret-1", "192.0.2.20"), 600)  # that login name waits
    for i in range(3):
        assert login(f"someone-{i}", "wrong", "192.0.2.99").status_code == 401
    assert_rate_limited(login("another", "wrong", "192.0.2.99"), 600)  # and that address does


def test_wrong_enrollment_codes_are_bounded_per_address(limited: RunningServer, tmp_path: Path) -> None:
    from terminal_app.store import open_store
    from terminal_app.sync import SyncClient, SyncError

    def enroll(code: str, address: str) -> SyncError:
        store = open_store(tmp_path / f"t-{address}-{code[:4]}")
        client = SyncClient(store, http=httpx.Client(headers={"X-Forwarded-For": address}))
        try:
            with pytest.raises(SyncError) as info:
                client.enroll(code, limited.url)
            return info.value
        finally:
            client.close()
            store.close()

    for guess in ("AAAA-AAAA-AAAA-AAA1", "AAAA-AAAA-AAAA-AAA2", "AAAA-AAAA-AAAA-AAA3"):
        assert enroll(guess, "198.51.100.77").reason == "ENROLLMENT_CODE_INVALID"
    _, real_code = limited.hq.create_terminal("M-CAFE")
    refused = enroll(real_code, "198.51.100.77")
    assert (refused.reason, refused.status) == ("RATE_LIMITED", 429)
    store = open_store(tmp_path / "elsewhere")
    try:
        client = SyncClient(store, http=httpx.Client(headers={"X-Forwarded-For": "198.51.100.78"}))
        assert client.enroll(real_code, limited.url).merchant_id == "M-CAFE"
        client.close()
    finally:
        store.close()


# --- the counters are shared by worker processes and survive a restart
@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_the_limit_holds_across_worker_processes_and_a_restart(db: str, tmp_path: Path, request) -> None:
    from bench.common import wait_workers_started

    if db == "postgresql":
        request.getfixturevalue("pg_admin")
        name, url = create_pg_database()
        request.addfinalizer(lambda: drop_pg_database(name))
    else:
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    init_demo(HQ.open(ServerSettings(home=tmp_path, database_url=url), create_keys=True))
    env = {**os.environ, "SYNC_SERVER_WALLET_FAILURES_PER_MEMBER": "4", "SYNC_SERVER_LOGIN_WINDOW_S": "600"}

    def serve() -> tuple[subprocess.Popen, str]:
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "sync_server.cli", "--home", str(tmp_path), "serve",
                                 "--port", str(port), "--database-url", url, "--workers", "2"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                httpx.get(base + "/v1/time", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        wait_workers_started(proc.pid, 2)
        return proc, base

    proc, base = serve()
    try:
        barrier, statuses = threading.Barrier(12), []

        def guess(i: int) -> None:
            barrier.wait()
            statuses.append(wallet_post(base, "/v1/wallet/balance", 10002, f"guess-{i:04d}", "x").status_code)

        threads = [threading.Thread(target=guess, args=(i,)) for i in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        # Twelve guesses at once, over two processes: exactly four were checked.
        assert sorted(statuses) == [403] * 4 + [429] * 8
    finally:
        proc.terminate()
        proc.wait(30)
    proc, base = serve()  # restarted: the count is still there
    try:
        assert_rate_limited(wallet_post(base, "/v1/wallet/balance", 10002, "demo-10002", "x"), 600)
        assert wallet_post(base, "/v1/wallet/balance", 10003, "demo-10003", "x").status_code == 200
    finally:
        proc.terminate()
        proc.wait(30)


def test_counters_expire_and_are_pruned(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    from sync_server.db.engine import migrate

    migrate(engine)
    now = [1_000_000.0]
    limiter = Limiter(engine, clock=lambda: now[0])
    limit = Limit("test", max_failures=2, window_s=100)
    for _ in range(2):
        with limiter.attempt([(limit, "k")]) as attempt:
            attempt.failed()
    with pytest.raises(HQError) as info:
        limiter.reserve([(limit, "k")])
    # this bucket, then the next
    assert info.value.reason == "RATE_LIMITED" and info.value.retry_after_s == 200
    now[0] += 100  # the next bucket: both failures still within the last window_s
    with pytest.raises(HQError):
        limiter.reserve([(limit, "k")])
    now[0] += 100
    with limiter.attempt([(limit, "k")]):
        pass  # a success gives its reservation back
    with engine.connect() as c:  # the old buckets are gone
        assert c.execute(select(func.count()).select_from(RateLimit)).scalar() == 1
    engine.dispose()


# --- secrets: strength and hash
@pytest.mark.parametrize("weak", ["short-1", "abcdefghijkl", "123456789012", "          ", "пароль-пароль"])
def test_weak_wallet_secrets_are_refused_with_a_typed_reason(tmp_path: Path, weak: str, capsys) -> None:
    from sync_server import cli

    hq = HQ.open(ServerSettings(home=tmp_path), create_keys=True)
    hq.create_merchant("M-X", "x")
    if weak == "пароль-пароль":  # letters and a symbol: strong enough
        hq.create_member(5, secret=weak)
        return
    with pytest.raises(HQError) as info:
        hq.create_member(5, secret=weak)
    assert info.value.reason == "MEMBER_SECRET_WEAK"
    assert cli.main(["--home", str(tmp_path), "member", "create", "6", "--secret", weak]) == 1
    assert json.loads(capsys.readouterr().out)["reason"] == "MEMBER_SECRET_WEAK"
    with hq.session() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 0
    hq.engine.dispose()


def test_secrets_are_stored_salted_and_slow_and_are_not_the_backup_key(limited: RunningServer) -> None:
    with limited.hq.session() as s:
        rows = s.scalars(select(Member).where(Member.id.in_([10001, 10002]))).all()
    for m in rows:
        kind, log2_n, r, p, salt, digest = m.secret_hash.split("$")
        assert (kind, int(log2_n), int(r), int(p)) == ("scrypt", 14, 8, 1) and len(bytes.fromhex(salt)) == 16
        plain = hashlib.sha256(f"demo-{m.id}".encode()).hexdigest()
        assert plain not in m.secret_hash and m.secret_hash != m.backup_key
        assert m.backup_key == backup_code.key_from_secret(f"demo-{m.id}").hex()  # the wallet's HOTP key
    assert rows[0].secret_hash.split("$")[4] != rows[1].secret_hash.split("$")[4]


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_a_legacy_login_is_migrated_checked_once_and_rehashed(db: str, tmp_path: Path, request) -> None:
    """A database from before 0004: the login column held SHA-256 of the secret, which was also the
    backup code's HOTP key (0003 copied it to backup_key). After 0004 the login column no longer
    holds that key; the secret still works, once checked it is stored with scrypt, and the backup
    code still verifies."""
    if db == "postgresql":
        request.getfixturevalue("pg_admin")
        name, url = create_pg_database()
        request.addfinalizer(lambda: drop_pg_database(name))
    else:
        url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    legacy = hashlib.sha256(b"old-secret-42").hexdigest()
    migrate(engine, "0003")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO members (id, name, phone, tier, balance, expiring_soon, "
                                "birthday_month, secret_hash, backup_key, blocked, change_cursor) "
                                "VALUES (77, '', '', 0, 0, 0, 0, :h, :h, false, 1)"), {"h": legacy})
        connection.execute(text("INSERT INTO members (id, name, phone, tier, balance, expiring_soon, "
                                "birthday_month, secret_hash, backup_key, blocked, change_cursor) "
                                "VALUES (78, '', '', 0, 0, 0, 0, '', '', false, 2)"))
        connection.execute(text("INSERT INTO devices (serial, member_id, device_public_key, issued_at, "
                                "not_after, revoked) VALUES (41, 77, 'k', 0, 0, false)"))
    engine.dispose()
    KeyRing.create(tmp_path / "keys", int(time.time()) - 60)
    hq = HQ.open(ServerSettings(home=tmp_path, database_url=url))  # upgrades to head
    try:
        with hq.session() as s:
            m = s.get(Member, 77)
            assert m.secret_hash == "legacy-sha256" and m.backup_key == legacy
        with pytest.raises(HQError):
            hq.check_member_login(77, legacy)  # the old hash itself is not a password
        with pytest.raises(HQError):
            hq.check_member_login(78, "")
        hq.check_member_login(77, "old-secret-42")
        with hq.session() as s:
            m = s.get(Member, 77)
            assert m.secret_hash.startswith("scrypt$14$8$1$") and m.backup_key == legacy
        hq.check_member_login(77, "old-secret-42")  # and again, on the new hash
        digits = backup_code.make(77, bytes.fromhex(legacy), int(time.time()))
        assert backup_code.verify(digits, 77, bytes.fromhex(m.backup_key), int(time.time()))
        # Serials continue after the highest one issued (PostgreSQL: the sequence starts past it).
        cert = hq.issue_device_certificate(77, "old-secret-42",
                                           b64(public_raw(derive_key("legacy", "phone"))))
        assert cert.serial == 42
    finally:
        hq.engine.dispose()


# --- registrations at once
def test_twenty_wallet_registrations_at_once_all_succeed_with_distinct_serials(server: RunningServer,
                                                                            tmp_path: Path) -> None:
    ids = list(range(81_000, 81_020))
    for member_id in ids:
        server.hq.create_member(member_id, balance=100, secret=f"reg-at-once-{member_id}")
    barrier, results, errors = threading.Barrier(len(ids)), {}, []

    def register(member_id: int) -> None:
        wallet = Wallet(tmp_path / f"w{member_id}")
        wallet.device_public()
        barrier.wait()
        try:
            results[member_id] = server_client.register(wallet, server.url, member_id,
                                                        f"reg-at-once-{member_id}")
        except Exception as exc:  # noqa: BLE001 - collected and reported below
            errors.append(f"{member_id}: {exc}")

    threads = [threading.Thread(target=register, args=(m,)) for m in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    serials = [c.serial for c in results.values()]
    assert len(serials) == len(set(serials)) == len(ids)
    with server.hq.session() as s:
        stored = s.scalars(select(Device.serial).where(Device.member_id.in_(ids))).all()
    assert sorted(stored) == sorted(serials)
