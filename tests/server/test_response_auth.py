"""A network attacker between terminal (or wallet) and HQ, over real HTTP on SQLite and PostgreSQL.

An intercepting proxy sits where the attacker would: it forwards to the real server and can
rewrite, strip, forge or replay HQ's answers. Whatever it does, the terminal and the wallet use
no answer HQ did not sign for the request, and nothing on them changes: no clock offset, no
record marked synced, no balance, no bundle, no pinned key.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from sqlalchemy.orm import Session

from alliance_protocol import enrollment_code, request_auth, response_auth
from alliance_protocol.keys import b64, public_raw, unb64
from alliance_protocol.testkit import derive_key
from member_wallet import server_client
from member_wallet.wallet import Wallet, WalletError
from terminal_app.core import journal
from terminal_app.store import open_store
from terminal_app.store.models import StateEntry
from terminal_app.sync import SyncClient

from .conftest import RunningServer, Till

Tamper = Callable[[str, str, int, dict[str, str], bytes], tuple[int, dict[str, str], bytes]]
HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "date", "server"}


class Interceptor:
    """Forwards every request to the real server; `tamper(method, path, status, headers, body)` may
    rewrite the answer on its way back. Every genuine answer is kept in `seen`."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.tamper: Tamper | None = None
        self.seen: list[tuple[str, str, int, dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def _forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP | {"host"}}
                upstream = httpx.request(self.command, outer.upstream + self.path, headers=headers,
                                         content=body, timeout=30)
                status = upstream.status_code
                out = {k: v for k, v in upstream.headers.items() if k.lower() not in HOP}
                content = upstream.content
                outer.seen.append((self.command, self.path, status, dict(out), content))
                if outer.tamper is not None:
                    status, out, content = outer.tamper(self.command, self.path, status, dict(out), content)
                self.send_response(status)
                for k, v in out.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = _forward

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def mitm(server: RunningServer):
    proxy = Interceptor(server.url)
    yield proxy
    proxy.close()


@pytest.fixture
def till_via(server: RunningServer, mitm: Interceptor, tmp_path: Path) -> Till:
    """A terminal enrolled (untampered) through the attacker's proxy: every later answer passes it."""
    terminal_id, code = server.hq.create_terminal("M-CAFE", "till behind a hostile network")
    store = open_store(tmp_path / "till")
    client = SyncClient(store)
    client.enroll(code, mitm.url)
    assert client.sync_once().ok
    from terminal_app.core.service import TerminalService

    t = Till(store, TerminalService(store), client, terminal_id)
    yield t
    client.close()
    store.close()


def only(path_prefix: str, change: Tamper) -> Tamper:
    def tamper(method, path, status, headers, body):
        if path.startswith(path_prefix):
            return change(method, path, status, headers, body)
        return status, headers, body
    return tamper


def forger_signer() -> response_auth.ResponseSigner:
    """An attacker's own root and response key (no pinned root certifies them)."""
    root, key = derive_key("attacker", "root"), derive_key("attacker", "response")
    now = int(time.time())
    cert = response_auth.certify(root, public_raw(key), now - 60, now + 86_400)
    return response_auth.ResponseSigner.of(key, cert)


def resign(signer: response_auth.ResponseSigner, method: str, path: str, status: int, headers: dict[str, str],
           body: bytes, nonce: str = "") -> dict[str, str]:
    out = {k: v for k, v in headers.items() if not k.lower().startswith("x-hq-")}
    return {**out, **signer.headers(method, path, nonce, status, body, int(time.time() * 1000))}


def clock_state(store) -> dict:
    with Session(store.reader) as s:
        row = s.get(StateEntry, "clock")
        return json.loads(row.value)


def purchases(till: Till, server: RunningServer, tmp_path: Path, n: int, member_id: int = 10002) -> None:
    wallet = Wallet(tmp_path / f"wallet-{member_id}")
    if wallet.state.certificate is None:
        server_client.register(wallet, server.url, member_id, f"demo-{member_id}")
    for _ in range(n):
        scan = till.service.scan(wallet.next_code())
        assert scan.ok, scan
        assert till.service.commit_purchase(scan.token, bill_fen=5_000).ok


# --- every answer is signed
def test_every_answer_of_the_api_is_signed_for_its_request(server: RunningServer, till: Till) -> None:
    """Successes, refusals before the body was read (413), validation (422), unknown paths (404),
    unsigned (401), replays (409), rate-limit-free wallet refusals (403): each verifies against the
    pinned root, for the nonce of the request it answers."""
    verifier = response_auth.ResponseVerifier([server.hq.ring.root_public], time.time)
    key, terminal_id = till.store.terminal_key(), till.terminal_id

    def signed(method: str, path: str, body: bytes = b"") -> tuple[dict[str, str], bytes]:
        return request_auth.sign_headers(key, terminal_id, method, path, body), body

    def unsigned(body: bytes = b"") -> tuple[dict[str, str], bytes]:
        return {request_auth.H_NONCE: request_auth.new_nonce()}, body

    batch = json.dumps({"records": []}).encode()
    replayed = signed("POST", "/v1/terminal/batches", batch)
    wallet_body = json.dumps({"member_id": 10001, "secret": "wrong-secret-1",
                              "device_public_key": "A" * 43 + "="}).encode()
    cases = [
        ("GET", "/v1/time", *unsigned(), 200),
        ("POST", "/v1/terminal/batches", *signed("POST", "/v1/terminal/batches", batch), 200),
        ("POST", "/v1/terminal/batches", *replayed, 200),
        ("POST", "/v1/terminal/batches", *replayed, 409),
        ("GET", "/v1/terminal/bundle?have=0", *signed("GET", "/v1/terminal/bundle?have=0"), 200),
        ("GET", "/v1/terminal/balances?after=0", *signed("GET", "/v1/terminal/balances?after=0"), 200),
        ("GET", "/v1/terminal/balances?after=-1", *signed("GET", "/v1/terminal/balances?after=-1"), 422),
        ("POST", "/v1/terminal/batches", *unsigned(batch), 401),
        ("POST", "/v1/terminal/batches", *unsigned(b"0" * (5 * 1024 * 1024)), 413),
        ("GET", "/v1/nothing-here", *unsigned(), 404),
        ("POST", "/v1/enroll", *unsigned(b"{}"), 422),
        ("POST", "/v1/wallet/balance", *unsigned(wallet_body), 403),
    ]
    for method, path, headers, body, status in cases:
        response = httpx.request(method, server.url + path, content=body, timeout=30,
                                 headers={**headers, "content-type": "application/json"})
        assert response.status_code == status, (path, response.text[:200])
        server_ms = verifier.verify(method, path, headers[request_auth.H_NONCE], status, response.headers,
                                    response.content)
        assert abs(server_ms - time.time() * 1000) < 60_000
        with pytest.raises(response_auth.ResponseAuthError):  # bound to that request, not another
            verifier.verify(method, path, request_auth.new_nonce(), status, response.headers,
                            response.content)


# --- forged, stripped, replayed answers change nothing
def test_a_rewritten_acknowledgement_marks_nothing_synced(server: RunningServer, till_via: Till,
                                                           mitm: Interceptor, tmp_path: Path) -> None:
    purchases(till_via, server, tmp_path, 3)
    queued, through = till_via.store.outbox_count(), till_via.store.synced_through()

    def inflate(method, path, status, headers, body):
        ack = json.loads(body)
        return status, headers, json.dumps({**ack, "acked_seq": ack["acked_seq"] + 50}).encode()

    mitm.tamper = only("/v1/terminal/batches", inflate)
    report = till_via.client.sync_once()
    assert (report.ok, report.reason, report.uploaded) == (False, "RESPONSE_UNAUTHENTICATED", 0)
    assert (till_via.store.outbox_count(), till_via.store.synced_through()) == (queued, through)
    mitm.tamper = None  # the network heals: the same records go through, once
    report = till_via.client.sync_once()
    assert report.ok and report.uploaded == queued and till_via.store.outbox_count() == 0


def test_forged_balances_and_bundles_are_not_taken(server: RunningServer, till_via: Till,
                                                   mitm: Interceptor) -> None:
    store = till_via.store
    before_balance, cursor = store.cached_balance(10003).balance, store.get_state("balance_cursor")
    bundle_seq = store.current_bundle().sequence
    forger = forger_signer()

    def rich(method, path, status, headers, body):
        data = json.loads(body)
        data["balances"] = [{**e, "balance": 9_999_999} for e in data["balances"]] or [
            {"member_id": 10003, "balance": 9_999_999, "expiring_soon": 0, "tier": 3, "masked_name": "*",
             "masked_phone": "*", "birthday_month": 0}]
        data["cursor"] = data["cursor"] + 1_000
        return status, headers, json.dumps(data).encode()

    def stripped(method, path, status, headers, body):
        return status, {k: v for k, v in headers.items() if not k.lower().startswith("x-hq-")}, body

    def forged(method, path, status, headers, body):
        status, headers, body = rich(method, path, status, headers, body)
        return status, resign(forger, method, path, status, headers, body), body

    for tamper in (rich, stripped, forged):
        mitm.tamper = only("/v1/terminal/balances", tamper)
        report = till_via.client.sync_once()
        assert (report.ok, report.reason) == (False, "RESPONSE_UNAUTHENTICATED"), tamper.__name__
        assert store.cached_balance(10003).balance == before_balance
        assert store.get_state("balance_cursor") == cursor
    # A bundle answer naming a newer bundle with the envelope gone or swapped: refused before the
    # store ever sees it (and the store would refuse a bundle the root did not sign anyway).
    mitm.tamper = only("/v1/terminal/bundle", lambda m, p, st, h, b: (
        st, h, json.dumps({**json.loads(b), "sequence": bundle_seq + 5, "envelope": None}).encode()))
    report = till_via.client.sync_once()
    assert report.reason == "RESPONSE_UNAUTHENTICATED" and store.current_bundle().sequence == bundle_seq


def test_the_clock_is_learned_only_from_authenticated_answers(server: RunningServer, till_via: Till,
                                                              mitm: Interceptor) -> None:
    """Before: any JSON with server_time_ms moved the offset, errors from anyone included; a clock
    pushed forward would expire every code and prune the replay guard early."""
    store = till_via.store
    before = clock_state(store)
    day_ahead = int(time.time() * 1000) + 86_400_000
    forger = forger_signer()

    def error_from_anyone(method, path, status, headers, body):
        body = json.dumps({"reason": "SERVER_ERROR", "message_zh": "x", "message_en": "x", "detail": "",
                           "server_time_ms": day_ahead}).encode()
        return 503, {"content-type": "application/json"}, body

    def time_moved(method, path, status, headers, body):
        return status, {**headers, "X-HQ-Time": str(day_ahead)}, body

    def forged_skew(method, path, status, headers, body):
        body = json.dumps({"reason": "REQUEST_CLOCK_SKEW", "message_zh": "x", "message_en": "x", "detail": "",
                           "server_time_ms": day_ahead}).encode()
        signed = forger.headers(method, path, "", 401, body, day_ahead)
        return 401, {"content-type": "application/json", **signed}, body

    for tamper in (error_from_anyone, time_moved, forged_skew):
        mitm.tamper = tamper
        report = till_via.client.sync_once()
        assert (report.ok, report.reason) == (False, "RESPONSE_UNAUTHENTICATED"), tamper.__name__
        assert clock_state(store)["offset_ms"] == before["offset_ms"]
        assert clock_state(store)["confirmed_at"] == before["confirmed_at"]
    mitm.tamper = None
    assert till_via.client.sync_once().ok
    assert abs(store.clock().offset_s) < 5  # learned again, from HQ's signed time


def test_an_old_answer_replayed_to_a_new_request_is_refused(server: RunningServer, till_via: Till,
                                                            mitm: Interceptor, tmp_path: Path) -> None:
    """The attacker keeps HQ's genuine, signed acknowledgement of an earlier batch and plays it back
    to the next batch: the signature names the earlier request's nonce."""
    purchases(till_via, server, tmp_path, 1)
    assert till_via.client.sync_once().ok
    kept = next(a for a in reversed(mitm.seen) if a[1] == "/v1/terminal/batches" and a[2] == 200)
    purchases(till_via, server, tmp_path, 1)
    queued = till_via.store.outbox_count()
    mitm.tamper = only("/v1/terminal/batches", lambda m, p, st, h, b: (kept[2], kept[3], kept[4]))
    report = till_via.client.sync_once()
    assert report.reason == "RESPONSE_UNAUTHENTICATED" and till_via.store.outbox_count() == queued
    assert "does not verify" in report.detail


def test_the_sync_report_says_what_was_acknowledged_when_a_later_batch_fails(
        server: RunningServer, till_via: Till, mitm: Interceptor, tmp_path: Path, capsys) -> None:
    """Issue 13: after 500 of 903 records were acknowledged, `pos-terminal sync` printed
    "uploaded": 0, "acked_seq": 0."""
    from terminal_app import cli

    store = till_via.store
    identity, key = store.identity(), store.terminal_key()
    with Session(store.writer) as s, s.begin():
        for _ in range(903):
            journal.append(s, key, {"terminal_id": identity.terminal_id, "merchant_id": identity.merchant_id,
                                    "recorded_at": int(time.time() * 1000), "kind": "scan",
                                    "status": "rejected", "reason": "CODE_EXPIRED", "shift": 1}, day="today")
    start = store.synced_through()
    batches = []

    def break_second_batch(method, path, status, headers, body):
        if path == "/v1/terminal/batches":
            batches.append(path)
            if len(batches) == 2:
                return 200, headers, json.dumps({**json.loads(body), "acked_seq": 0}).encode()
        return status, headers, body

    mitm.tamper = break_second_batch
    assert cli.main(["--home", str(tmp_path / "till"), "sync"]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed["uploaded"] == 500 and printed["acked_seq"] == start + 500
    assert printed["reason"] == "RESPONSE_UNAUTHENTICATED" and printed["queued"] == 403
    assert printed["message_zh"] and printed["message_en"]


# --- acknowledgements beyond what was sent
def test_an_acknowledgement_beyond_the_highest_record_sent_is_refused(server: RunningServer, till: Till,
                                                                      tmp_path: Path) -> None:
    """A terminal restored from an old copy of its disk sends seq N+1 again, but HQ already holds
    more of its chain: the (genuine) acknowledgement names records this terminal never sent. Taking it
    would mark the new records synced without HQ having them."""
    purchases(till, server, tmp_path, 2)
    assert till.client.sync_once().ok
    till.store.close()
    shutil.copytree(tmp_path / "till", tmp_path / "backup")
    till.store = open_store(tmp_path / "till")
    till.client.store = till.store
    from terminal_app.core.service import TerminalService

    till.service = TerminalService(till.store)
    purchases(till, server, tmp_path, 3)
    assert till.client.sync_once().ok  # HQ now holds three more records of this terminal
    restored = open_store(tmp_path / "backup")
    try:
        client = SyncClient(restored)
        service = TerminalService(restored)
        wallet = Wallet(tmp_path / "wallet-10002")
        scan = service.scan(wallet.next_code())
        assert service.commit_purchase(scan.token, bill_fen=7_000).ok  # a new record, reusing seq N+1
        through, queued = restored.synced_through(), restored.outbox_count()
        report = client.sync_once()
        assert (report.ok, report.reason) == (False, "SYNC_ACK_BEYOND_SENT")
        assert (restored.synced_through(), restored.outbox_count()) == (through, queued)
        client.close()
    finally:
        restored.close()


# --- enrollment: the bootstrap
def test_a_forged_enrollment_answer_pins_nothing_and_the_same_code_can_be_retried(
        server: RunningServer, mitm: Interceptor, tmp_path: Path) -> None:
    """The attacker sees the enrollment request (never the code) and swaps the root key in the
    answer, re-signing it with its own keys; or it strips the code's MAC. The terminal pins nothing;
    the same terminal retries the same code and gets HQ's real answer."""
    _, code = server.hq.create_terminal("M-GYM")
    forger = forger_signer()
    attacker_root = b64(public_raw(derive_key("attacker", "root")))

    def swap_root(method, path, status, headers, body):
        data = {**json.loads(body), "root_public_keys": [attacker_root],
                "response_key_certs": [forger.cert_text]}
        body = json.dumps(data).encode()
        return status, resign(forger, method, path, status, headers, body), body

    def strip_mac(method, path, status, headers, body):
        return status, {k: v for k, v in headers.items() if k.lower() != "x-hq-enroll-mac"}, body

    store = open_store(tmp_path / "new-till")
    try:
        for tamper in (swap_root, strip_mac):
            mitm.tamper = only("/v1/enroll", tamper)
            with pytest.raises(Exception) as info:
                SyncClient(store).enroll(code, mitm.url)
            assert getattr(info.value, "reason", None) == "RESPONSE_UNAUTHENTICATED", tamper.__name__
            assert store.root_keys() == [] and store.identity() is None
        mitm.tamper = None
        identity = SyncClient(store).enroll(code, mitm.url)
        assert store.root_keys() == [server.hq.ring.root_public] and store.hq_anchor() == "enrollment-code"
        assert identity.merchant_id == "M-GYM"
    finally:
        store.close()


def test_the_enrollment_request_does_not_carry_the_code(server: RunningServer, tmp_path: Path) -> None:
    _, code = server.hq.create_terminal("M-GYM")
    sent: list[bytes] = []
    transport = httpx.HTTPTransport()

    class Recording(httpx.BaseTransport):
        def handle_request(self, request):
            sent.append(request.read())
            return transport.handle_request(request)

    store = open_store(tmp_path / "t")
    try:
        SyncClient(store, http=httpx.Client(transport=Recording())).enroll(code, server.url)
    finally:
        store.close()
    body = sent[0].decode()
    assert enrollment_code.normalize(code) not in body.upper().replace("-", "") and code not in body
    assert json.loads(body)["code_id"] == enrollment_code.code_id(code)
    # The request proves the code for this terminal key only: another key with the same proof is refused.
    other = json.loads(body) | {"public_key": b64(public_raw(derive_key("attacker", "terminal")))}
    refused = httpx.post(server.url + "/v1/enroll", json=other, timeout=10)
    assert (refused.status_code, refused.json()["reason"]) == (403, "ENROLLMENT_CODE_INVALID")


# --- terminals from before, rotation
def test_a_terminal_enrolled_before_signed_answers_syncs_on_its_pinned_root(
        server: RunningServer, till_via: Till, mitm: Interceptor, tmp_path: Path) -> None:
    """Its root key came from an unauthenticated enrollment answer (trust on first use, as all its
    bundles do): it keeps syncing, and from now on every answer must verify against that root."""
    store = till_via.store
    with Session(store.writer) as s, s.begin():
        s.delete(s.get(StateEntry, "hq_anchor"))
    assert store.hq_anchor() == "first-use"
    purchases(till_via, server, tmp_path, 1)
    assert till_via.client.sync_once().ok and store.outbox_count() == 0
    forger = forger_signer()
    mitm.tamper = only("/v1/terminal/balances",
                       lambda m, p, st, h, b: (st, resign(forger, m, p, st, h, b), b))
    assert till_via.client.sync_once().reason == "RESPONSE_UNAUTHENTICATED"


def test_a_rotated_response_key_is_accepted_without_touching_the_terminal(server: RunningServer,
                                                                          till: Till) -> None:
    ring = server.hq.ring
    old = ring.response_signer().cert.kid.hex()
    new = ring.add_response_key(int(time.time()))
    try:
        assert ring.response_signer().cert.kid.hex() == new.kid != old
        report = till.client.sync_once()
        assert report.ok, report
    finally:
        ring.retire_response_key(new.kid, int(time.time()) - 1)  # other tests go on with the older key
    assert ring.response_signer().cert.kid.hex() == old


# --- the wallet
def test_the_wallet_takes_no_unauthenticated_answer(server: RunningServer, mitm: Interceptor,
                                                    tmp_path: Path) -> None:
    root = server.hq.ring.root_public
    wallet = Wallet(tmp_path / "phone")
    server_client.register(wallet, mitm.url, 10001, "demo-10001", root_public_keys=[root])
    assert wallet.state.root_anchor == "configured" and wallet.root_keys() == [root]
    certificate, offset = wallet.state.certificate, wallet.state.clock_offset_s

    def more_allowance(method, path, status, headers, body):
        return status, headers, json.dumps({**json.loads(body), "allowance": 20_000, "tier": 3}).encode()

    def rich(method, path, status, headers, body):
        return status, headers, json.dumps({**json.loads(body), "balance": 9_999_999}).encode()

    mitm.tamper = only("/v1/wallet/refresh", more_allowance)
    with pytest.raises(WalletError, match="RESPONSE_UNAUTHENTICATED"):
        server_client.register(wallet, mitm.url, 10001, "demo-10001", refresh=True)
    assert (wallet.state.certificate, wallet.state.clock_offset_s) == (certificate, offset)
    mitm.tamper = only("/v1/wallet/balance", rich)
    with pytest.raises(WalletError, match="RESPONSE_UNAUTHENTICATED"):
        server_client.balance(wallet, mitm.url, 10001, "demo-10001")
    # A wallet given the root key refuses an attacker's whole substitute answer on first registration.
    forger = forger_signer()

    def substitute(method, path, status, headers, body):
        data = {**json.loads(body), "root_public_keys": [b64(public_raw(derive_key("attacker", "root")))]}
        body = json.dumps(data).encode()
        return status, resign(forger, method, path, status, headers, body), body

    mitm.tamper = only("/v1/wallet/register", substitute)
    fresh = Wallet(tmp_path / "phone2")
    with pytest.raises(WalletError, match="RESPONSE_UNAUTHENTICATED"):
        server_client.register(fresh, mitm.url, 10001, "demo-10001", root_public_keys=[root])
    assert fresh.state.certificate is None
    mitm.tamper = None
    assert server_client.balance(wallet, mitm.url, 10001, "demo-10001").member_id == 10001
    assert unb64(wallet.state.root_public_keys[0]) == root


def test_keys_rotate_response_and_list(tmp_path: Path, capsys) -> None:
    from sync_server import cli
    from sync_server.hq_keys import KeyRing

    home = ["--home", str(tmp_path)]
    assert cli.main([*home, "keys", "init"]) == 0
    capsys.readouterr()
    first = KeyRing.load(tmp_path / "keys").response_signer().cert.kid.hex()
    assert cli.main([*home, "keys", "rotate-response", "--retire-old"]) == 0
    rotated = json.loads(capsys.readouterr().out)
    assert rotated["retired"] == [first] and rotated["new_response_kid"] != first
    assert cli.main([*home, "keys", "list"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    responses = {e["kid"]: e["state"] for e in listed if e.get("role") == "response"}
    assert responses == {first: "retired", rotated["new_response_kid"]: "valid"}
    ring = KeyRing.load(tmp_path / "keys")
    signer = ring.response_signer()
    assert signer.cert.kid.hex() == rotated["new_response_kid"] and signer.cert.signed_by(ring.root_public)


def test_member_wallet_register_checks_answers_against_the_root_key_it_is_given(
        server: RunningServer, tmp_path: Path, capsys) -> None:
    from member_wallet import cli

    wrong = b64(public_raw(derive_key("attacker", "root")))
    home = ["--home", str(tmp_path / "phone")]
    register = [*home, "register", "--server", server.url, "--member-id", "10004", "--secret", "demo-10004"]
    assert cli.main([*register, "--root-key", wrong]) != 0
    assert "RESPONSE_UNAUTHENTICATED" in capsys.readouterr().err
    assert Wallet(tmp_path / "phone").state.certificate is None
    assert cli.main([*register, "--root-key", b64(server.hq.ring.root_public)]) == 0
    assert json.loads(capsys.readouterr().out)["root_anchor"] == "configured"
