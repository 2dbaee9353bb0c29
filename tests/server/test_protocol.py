"""Every protocol path over real HTTP on loopback, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from alliance_protocol import request_auth
from alliance_protocol.keys import b64, public_raw
from alliance_protocol.rules import AllianceRules
from alliance_protocol.testkit import derive_key
from member_wallet import server_client
from member_wallet.wallet import Wallet, WalletError
from sync_server.db.models import Anomaly, Member, Record, Terminal
from terminal_app.sync import SyncClient

from .conftest import RunningServer, Till, code_fields, enroll_terminal, priced


def wallet_for(server: RunningServer, tmp_path: Path, member_id: int) -> Wallet:
    wallet = Wallet(tmp_path / f"wallet-{member_id}")
    server_client.register(wallet, server.url, member_id, f"demo-{member_id}")
    return wallet


def member_balance(server: RunningServer, member_id: int) -> int:
    with server.hq.session() as s:
        return s.get(Member, member_id).balance


def records_of(server: RunningServer, terminal_id: str) -> list[Record]:
    with server.hq.session() as s:
        return s.scalars(select(Record).where(Record.terminal_id == terminal_id).order_by(Record.seq)).all()


def signed_post(till: Till, path: str, payload: dict, key=None,
                terminal_id: str | None = None) -> httpx.Response:
    body = json.dumps(payload).encode()
    headers = request_auth.sign_headers(key or till.store.terminal_key(), terminal_id or till.terminal_id,
                                        "POST", path, body)
    headers["content-type"] = "application/json"
    return httpx.post(till.client.server_url + path, content=body, headers=headers, timeout=10)


# --- enrollment
def test_enrollment_gives_identity_root_key_bundle_and_clock(server: RunningServer, till: Till) -> None:
    identity = till.store.identity()
    assert identity.merchant_id == "M-CAFE" and identity.server_url == server.url
    assert till.store.root_keys() == [server.hq.ring.root_public]
    bundle = till.store.current_bundle()
    assert bundle is not None and bundle.payload["gifts"] and bundle.payload["coupons"]
    assert till.store.clock().confirmed_age() < 60
    with server.hq.session() as s:
        t = s.get(Terminal, till.terminal_id)
        assert t.status == "active" and t.public_key == b64(public_raw(till.store.terminal_key()))


def test_enrollment_code_is_single_use(server: RunningServer, tmp_path: Path) -> None:
    _, code = server.hq.create_terminal("M-GYM")
    SyncClient(__import__("terminal_app.store", fromlist=["open_store"]).open_store(tmp_path / "a")).enroll(
        code, server.url)
    from terminal_app.store import open_store
    from terminal_app.sync import SyncError

    with pytest.raises(SyncError) as info:
        SyncClient(open_store(tmp_path / "b")).enroll(code, server.url)
    assert info.value.reason == "ENROLLMENT_CODE_USED" and info.value.status == 403
    with pytest.raises(SyncError) as info:
        SyncClient(open_store(tmp_path / "c")).enroll("NOTACODE1", server.url)
    assert info.value.reason == "ENROLLMENT_CODE_INVALID"


# --- upload and ledger
def test_a_purchase_reaches_the_server_once_and_moves_the_ledger(server: RunningServer, till: Till,
                                                                 tmp_path: Path) -> None:
    wallet = wallet_for(server, tmp_path, 10002)
    before = member_balance(server, 10002)
    scan = till.service.scan(wallet.next_code())
    assert scan.ok, scan
    txn = till.service.commit_purchase(scan.token, bill_fen=20_000, spend_points=1_000)
    assert txn.ok, txn
    report = till.client.sync_once()
    assert report.ok and report.uploaded >= 1 and till.store.outbox_count() == 0
    recs = records_of(server, till.terminal_id)
    purchase = [r for r in recs if r.kind == "purchase"]
    assert len(purchase) == 1 and purchase[0].flag is None
    body = json.loads(purchase[0].body)
    assert member_balance(server, 10002) == before + body["points_earned"] - body["points_spent"]
    # Syncing again changes nothing.
    assert till.client.sync_once().uploaded == 0
    assert len(records_of(server, till.terminal_id)) == len(recs)


def test_same_batch_twice_and_lost_response_store_each_record_once(server: RunningServer, till: Till,
                                                                   tmp_path: Path) -> None:
    wallet = wallet_for(server, tmp_path, 10003)
    for _ in range(3):
        scan = till.service.scan(wallet.next_code())
        assert till.service.commit_purchase(scan.token, bill_fen=10_000).ok
    records = till.store.outbox_pending(500)
    before = member_balance(server, 10003)
    first = signed_post(till, "/v1/terminal/batches", {"records": records})
    assert first.status_code == 200 and first.json()["stored"] == len(records)
    # The response is "lost": the terminal never marked them synced, and sends them again.
    again = signed_post(till, "/v1/terminal/batches", {"records": records})
    assert again.json()["stored"] == 0 and again.json()["duplicates"] == len(records)
    assert again.json()["acked_seq"] == records[-1]["body"]["seq"]
    report = till.client.sync_once()
    assert report.ok and till.store.outbox_count() == 0
    seqs = [r.seq for r in records_of(server, till.terminal_id)]
    assert seqs == sorted(set(seqs)) == list(range(1, max(seqs) + 1))
    earned = sum(r["body"].get("points_earned", 0) for r in records)
    assert member_balance(server, 10003) == before + earned


def test_a_batch_upload_ends_its_connection_so_the_next_batch_goes_to_a_free_worker(
        server: RunningServer, till: Till, tmp_path: Path) -> None:
    """With keep-alive, every batch of a terminal's backlog would stay on the worker that accepted its
    connection; a download keeps its connection."""
    wallet = wallet_for(server, tmp_path, 10001)
    scan = till.service.scan(wallet.next_code())
    assert till.service.commit_purchase(scan.token, bill_fen=6_000).ok
    upload = signed_post(till, "/v1/terminal/batches", {"records": till.store.outbox_pending(10)})
    assert upload.status_code == 200 and upload.headers["connection"] == "close"
    path = "/v1/terminal/balances?after=0&limit=1"
    headers = request_auth.sign_headers(till.store.terminal_key(), till.terminal_id, "GET", path, b"")
    download = httpx.get(till.client.server_url + path, headers=headers, timeout=10)
    assert download.status_code == 200 and download.headers.get("connection") != "close"


def test_a_batch_upload_marks_the_terminal_seen(server: RunningServer, till: Till, tmp_path: Path) -> None:
    """The HQ page's "last seen" and the clock-skew case read it: a terminal that only uploads is seen."""
    wallet = wallet_for(server, tmp_path, 10001)
    scan = till.service.scan(wallet.next_code())
    assert till.service.commit_purchase(scan.token, bill_fen=6_000).ok
    with server.hq.session() as s, s.begin():
        s.get(Terminal, till.terminal_id).last_seen_ms = None
    before = int(time.time() * 1000)
    upload = signed_post(till, "/v1/terminal/batches", {"records": till.store.outbox_pending(10)})
    assert upload.status_code == 200 and upload.json()["stored"] >= 1
    with server.hq.session() as s:
        seen = s.get(Terminal, till.terminal_id).last_seen_ms
    assert seen is not None and seen >= before


def test_out_of_order_and_overlapping_batches(server: RunningServer, till: Till, tmp_path: Path) -> None:
    wallet = wallet_for(server, tmp_path, 10001)
    for _ in range(6):
        scan = till.service.scan(wallet.next_code())
        assert till.service.commit_purchase(scan.token, bill_fen=6_000).ok
    records = till.store.outbox_pending(500)
    acked_before = till.store.synced_through()
    late = signed_post(till, "/v1/terminal/batches", {"records": records[3:]}).json()
    assert late["stored"] == len(records) - 3 and late["acked_seq"] == acked_before  # a gap below them
    overlap = signed_post(till, "/v1/terminal/batches", {"records": records[:5]}).json()
    assert overlap["stored"] == 3 and overlap["duplicates"] == 2
    assert overlap["acked_seq"] == records[-1]["body"]["seq"]


def test_a_bad_record_is_stored_flagged_and_does_not_block_the_queue(server: RunningServer, till: Till,
                                                                     tmp_path: Path) -> None:
    wallet = wallet_for(server, tmp_path, 10002)
    for _ in range(3):
        scan = till.service.scan(wallet.next_code())
        assert till.service.commit_purchase(scan.token, bill_fen=8_000).ok
    records = till.store.outbox_pending(500)
    records[1]["body"]["points_earned"] = 99_999  # tampered in transit: hash no longer matches
    ack = signed_post(till, "/v1/terminal/batches", {"records": records}).json()
    assert ack["stored"] == 3 and ack["flagged"] == 1 and ack["acked_seq"] == records[-1]["body"]["seq"]
    stored = {r.seq: r for r in records_of(server, till.terminal_id)}
    bad = stored[records[1]["body"]["seq"]]
    assert bad.flag and "hash" in bad.flag and bad.points_delta == 0
    with server.hq.session() as s:
        assert s.scalar(select(func.count()).select_from(Anomaly).where(
            Anomaly.type == "bad_record", Anomaly.terminal_id == till.terminal_id)) == 1


def test_control_characters_and_huge_numbers_in_signed_records_do_not_block_the_queue(
        server: RunningServer, till: Till) -> None:
    """A NUL cannot live in a PostgreSQL text column, nor 10**25 in a BIGINT one: such records are still
    stored (their bodies exactly as signed) and acknowledged, out-of-range amounts flagged, and the
    next record goes through."""
    from alliance_protocol import journal_record as jr

    stored = records_of(server, till.terminal_id)
    prev = stored[-1].hash if stored else jr.GENESIS_HASH
    seq = till.store.synced_through() + 1
    now = int(time.time() * 1000)
    key = till.store.terminal_key()
    odd = jr.seal({"terminal_id": till.terminal_id, "seq": seq, "prev_hash": prev, "recorded_at": now,
                   "kind": "no\x00te", "status": "rejected", "reason": "A\x00\x01B", "text": "\x00"}, key)
    huge = jr.seal({"terminal_id": till.terminal_id, "seq": seq + 1, "prev_hash": odd["hash"],
                    "recorded_at": 10**30, "kind": "backfill", "status": "approved", "reason": "OK",
                    "member_id": 2**70, "points_earned": 10**25}, key)
    after = jr.seal({"terminal_id": till.terminal_id, "merchant_id": till.store.identity().merchant_id,
                     "seq": seq + 2, "prev_hash": huge["hash"], "recorded_at": now, "kind": "scan",
                     "status": "rejected", "reason": "CODE_EXPIRED"}, key)
    response = signed_post(till, "/v1/terminal/batches", {"records": [odd, huge, after]})
    assert response.status_code == 200, response.text
    ack = response.json()
    assert ack["stored"] == 3 and ack["flagged"] == 2 and ack["acked_seq"] == seq + 2
    stored = {r.seq: r for r in records_of(server, till.terminal_id)}
    flagged = stored[seq + 1]
    assert flagged.flag_reason == "RECORD_SCHEMA_INVALID" and flagged.effect == "refused"
    assert flagged.points_delta == 0 and flagged.points_earned == 0
    assert flagged.member_id is None and json.loads(flagged.body)["member_id"] == 2**70
    rec = stored[seq]
    assert rec.flag_reason == "RECORD_SCHEMA_INVALID"
    assert json.loads(rec.body)["reason"] == "A\x00\x01B"  # the body keeps what was signed
    assert "\x00" not in rec.reason + rec.kind and rec.hash == odd["hash"]
    assert stored[seq + 2].flag is None and stored[seq + 2].effect == "none"  # the next one goes through


def test_a_forged_member_code_inside_a_signed_record_is_flagged(server: RunningServer, till: Till,
                                                                tmp_path: Path) -> None:
    from alliance_protocol import journal_record as jr
    from alliance_protocol.testkit import TestAlliance

    forged_code = TestAlliance(seed="forger", now=int(time.time())).member(10002).code(int(time.time()))
    bundle = till.store.current_bundle()
    body = {"terminal_id": till.terminal_id, "merchant_id": till.store.identity().merchant_id,
            "seq": till.store.synced_through() + 1,
            "prev_hash": records_of(server, till.terminal_id)[-1].hash if records_of(server, till.terminal_id)
            else jr.GENESIS_HASH, "recorded_at": int(time.time() * 1000), "kind": "purchase",
            "status": "approved", "reason": "OK", "bundle_seq": bundle.sequence, **code_fields(forged_code),
            **priced(AllianceRules.from_dict(bundle.rules), 0, 50_000)}
    ack = signed_post(till, "/v1/terminal/batches",
                      {"records": [jr.seal(body, till.store.terminal_key())]}).json()
    assert ack["flagged"] == 1
    rec = records_of(server, till.terminal_id)[-1]
    assert rec.flag_reason == "ISSUER_KEY_UNKNOWN" and rec.points_delta == 0 and rec.effect == "refused"


def test_code_used_at_two_terminals_is_an_anomaly(server: RunningServer, tmp_path: Path) -> None:
    a = enroll_terminal(server, tmp_path / "a", "M-MALL")
    b = enroll_terminal(server, tmp_path / "b", "M-CINEMA")
    wallet = wallet_for(server, tmp_path, 10003)
    code = wallet.next_code()  # a screenshot shown at two counters within the minute
    for till in (a, b):
        scan = till.service.scan(code)
        assert till.service.commit_purchase(scan.token, bill_fen=5_000).ok
        assert till.client.sync_once().ok
    with server.hq.session() as s:
        cases = s.scalars(select(Anomaly).where(Anomaly.type == "code_reused",
                                                Anomaly.member_id == 10003)).all()
    assert len(cases) == 1
    evidence = json.loads(cases[0].evidence)
    assert {u["terminal_id"] for u in evidence["uses"]} == {a.terminal_id, b.terminal_id}
    assert cases[0].deadline - cases[0].detected_at == 48 * 3600


# --- download
def test_balances_download_with_server_cursors_and_minimal_personal_data(server: RunningServer,
                                                                         till: Till) -> None:
    response = till.client._call("GET", "/v1/terminal/balances?after=0&limit=2")
    assert len(response["balances"]) == 2 and response["more"] is True
    entry = response["balances"][0]
    assert set(entry) == {"member_id", "balance", "expiring_soon", "tier", "masked_name", "masked_phone",
                          "birthday_month"}
    assert "*" in entry["masked_name"] and "****" in entry["masked_phone"]
    rest = till.client._call("GET", f"/v1/terminal/balances?after={response['cursor']}&limit=1000")
    ids = [e["member_id"] for e in response["balances"] + rest["balances"]]
    assert len(ids) == len(set(ids)) >= 5
    assert till.store.cached_balance(10002) is not None


def test_blocking_a_member_reaches_the_terminal_with_the_next_bundle(server: RunningServer, till: Till,
                                                                    tmp_path: Path) -> None:
    wallet = wallet_for(server, tmp_path, 10004)
    seq_before = till.store.current_bundle().sequence
    server.hq.block_member(10004)
    try:
        assert till.client.sync_once().ok
        assert till.store.current_bundle().sequence > seq_before
        assert till.service.scan(wallet.next_code()).reason.value == "MEMBER_BLOCKED"
    finally:
        server.hq.block_member(10004, blocked=False)


def test_clock_skew_is_learned_and_the_request_retried(server: RunningServer, till: Till) -> None:
    till.store.record_server_time(int(time.time() * 1000) - 3_600_000, int(time.time() * 1000),
                                  int(time.time() * 1000))  # believes the server is an hour behind
    report = till.client.sync_once()
    assert report.ok, report
    assert abs(till.store.clock().offset_s) < 5


# --- the wallet
def test_wallet_certificate_reflects_tier_and_balance(server: RunningServer, till: Till,
                                                      tmp_path: Path) -> None:
    wallet = Wallet(tmp_path / "w")
    cert = server_client.register(wallet, server.url, 10005, "demo-10005")
    assert cert.tier == 2 and cert.allowance == min(member_balance(server, 10005), 20_000)
    assert till.service.scan(wallet.next_code()).ok
    assert (server_client.balance(wallet, server.url, 10005, "demo-10005").balance
            == member_balance(server, 10005))
    with pytest.raises(WalletError, match="MEMBER_AUTH_FAILED"):
        server_client.register(Wallet(tmp_path / "x"), server.url, 10005, "wrong")


# --- security
def test_unsigned_wrongly_signed_replayed_and_other_terminal_requests_are_refused(
        server: RunningServer, till: Till, tmp_path: Path) -> None:
    url = till.client.server_url + "/v1/terminal/batches"
    unsigned = httpx.post(url, json={"records": []})
    assert (unsigned.status_code, unsigned.json()["reason"]) == (401, "REQUEST_UNSIGNED")
    wrong = signed_post(till, "/v1/terminal/batches", {"records": []}, key=derive_key("x", "y"))
    assert (wrong.status_code, wrong.json()["reason"]) == (401, "REQUEST_BAD_SIGNATURE")
    other = enroll_terminal(server, tmp_path / "other", "M-GYM")
    impersonation = signed_post(till, "/v1/terminal/batches", {"records": []}, terminal_id=other.terminal_id)
    assert (impersonation.status_code, impersonation.json()["reason"]) == (401, "REQUEST_BAD_SIGNATURE")
    body = json.dumps({"records": []}).encode()
    headers = request_auth.sign_headers(till.store.terminal_key(), till.terminal_id, "POST",
                                        "/v1/terminal/batches", body)
    headers["content-type"] = "application/json"
    assert httpx.post(url, content=body, headers=headers).status_code == 200
    replay = httpx.post(url, content=body, headers=headers)
    assert (replay.status_code, replay.json()["reason"]) == (409, "REQUEST_REPLAYED")
    old = request_auth.sign_headers(till.store.terminal_key(), till.terminal_id, "POST",
                                    "/v1/terminal/batches", body, now_ms=int(time.time() * 1000) - 3_600_000)
    stale = httpx.post(url, content=body, headers={**old, "content-type": "application/json"})
    assert (stale.status_code, stale.json()["reason"]) == (401, "REQUEST_CLOCK_SKEW")
    for response in (unsigned, wrong, replay, stale):
        assert response.json()["message_zh"] and response.json()["message_en"]


def test_records_naming_another_terminal_are_flagged(server: RunningServer, till: Till,
                                                     tmp_path: Path) -> None:
    from alliance_protocol import journal_record as jr

    body = {"terminal_id": "M-MALL-T1", "seq": 10_000, "prev_hash": jr.GENESIS_HASH, "recorded_at": 1,
            "kind": "scan", "status": "rejected", "reason": "UNKNOWN_FORMAT"}
    ack = signed_post(till, "/v1/terminal/batches",
                      {"records": [jr.seal(body, till.store.terminal_key())]}).json()
    assert ack["flagged"] == 1
    assert not [r for r in records_of(server, "M-MALL-T1") if r.seq == 10_000]


def test_a_suspended_terminal_is_refused(server: RunningServer, tmp_path: Path) -> None:
    t = enroll_terminal(server, tmp_path / "s", "M-AUTO")
    server.hq.set_terminal_status(t.terminal_id, "suspended")
    report = t.client.sync_once()
    assert not report.ok and report.reason == "TERMINAL_SUSPENDED"


@pytest.mark.parametrize("path,payload", [
    ("/v1/enroll", {"code": "' OR 1=1; DROP TABLE terminals; --", "public_key": "A" * 43 + "="}),
    ("/v1/enroll", {"code": "x", "public_key": "y"}),
    ("/v1/wallet/register",
     {"member_id": "1 OR 1=1", "secret": "x' --", "device_public_key": "A" * 43 + "="}),
    ("/v1/wallet/balance",
     {"member_id": 10001, "secret": "' OR ''='", "device_public_key": "A" * 43 + "="}),
    ("/v1/enroll", ["not", "an", "object"]),
])
def test_injection_shaped_and_malformed_input_gets_a_clear_4xx(server: RunningServer, path: str,
                                                               payload: object) -> None:
    response = httpx.post(server.url + path, json=payload, timeout=10)
    assert 400 <= response.status_code < 500
    data = response.json()
    assert data["reason"] in {"REQUEST_INVALID", "ENROLLMENT_CODE_INVALID", "MEMBER_AUTH_FAILED"}
    assert data["message_zh"] and data["message_en"]
    with server.hq.session() as s:
        assert s.scalar(select(func.count()).select_from(Terminal)) > 0  # nothing was dropped


def test_oversized_requests_are_refused_before_reading(server: RunningServer, till: Till) -> None:
    big = b'{"records": [' + b"0," * (3 * 1024 * 1024) + b"0]}"
    response = httpx.post(till.client.server_url + "/v1/terminal/batches", content=big,
                          headers={"content-type": "application/json"}, timeout=30)
    assert (response.status_code, response.json()["reason"]) == (413, "REQUEST_TOO_LARGE")
    too_many = signed_post(till, "/v1/terminal/batches",
                           {"records": [{"body": {}, "hash": "0" * 64, "sig": "x"}] * 501})
    assert (too_many.status_code, too_many.json()["reason"]) == (422, "REQUEST_INVALID")


def test_member_wallet_cli_registers_refreshes_and_reads_the_balance(server: RunningServer, till: Till,
                                                                    tmp_path: Path, capsys) -> None:
    from member_wallet import cli

    home = ["--home", str(tmp_path / "phone")]
    assert cli.main([*home, "register", "--server", server.url, "--member-id", "10001",
                     "--secret", "demo-10001"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert cli.main([*home, "refresh"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["serial"] > first["serial"] and second["member_id"] == 10001
    assert cli.main([*home, "balance"]) == 0
    assert json.loads(capsys.readouterr().out)["balance"] == member_balance(server, 10001)
    assert cli.main([*home, "code"]) == 0
    assert till.service.scan(capsys.readouterr().out.strip()).ok
    assert (tmp_path / "phone" / "wallet.json").stat().st_mode & 0o777 == 0o600


def test_the_terminal_reports_how_far_its_host_clock_is_off(server: RunningServer, till: Till,
                                                            tmp_path: Path) -> None:
    """Requests are signed with the corrected clock, so the server learns the host clock's error
    from the terminal's report in each upload (reconciliation raises clock_skew past the tolerance)."""
    wallet = wallet_for(server, tmp_path, 10001)
    scan = till.service.scan(wallet.next_code())
    assert till.service.commit_purchase(scan.token, bill_fen=5_000).ok
    now = int(time.time() * 1000)
    till.store.record_server_time(now + 7_200_000, now, now)  # the host clock runs two hours slow
    assert till.client.sync_once().ok
    with server.hq.session() as s:
        offset = s.get(Terminal, till.terminal_id).clock_offset_ms
    assert abs(offset + 7_200_000) < 5_000  # terminal minus server: about -2 h


# --- hostile query parameters and numbers: a typed 4xx, never a 5xx
@pytest.mark.parametrize("path", [
    "/v1/terminal/balances?after=100000000000000000000000",  # 10**23: beyond BIGINT
    "/v1/terminal/balances?after=-1",
    "/v1/terminal/balances?after=1e400",
    "/v1/terminal/balances?after=nan",
    "/v1/terminal/balances?limit=0",
    "/v1/terminal/balances?limit=1000000000",
    "/v1/terminal/balances?limit=abc",
    "/v1/terminal/balances?after=" + "9" * 5000,
    "/v1/terminal/bundle?have=100000000000000000000000",
    "/v1/terminal/bundle?have=-5",
    "/v1/terminal/bundle?have=inf",
])
def test_hostile_query_parameters_get_a_typed_422(server: RunningServer, till: Till, path: str) -> None:
    headers = request_auth.sign_headers(till.store.terminal_key(), till.terminal_id, "GET", path, b"")
    response = httpx.get(till.client.server_url + path, headers=headers, timeout=10)
    assert (response.status_code, response.json()["reason"]) == (422, "REQUEST_INVALID"), response.text
    assert response.json()["message_zh"] and response.json()["message_en"]


@pytest.mark.parametrize("body", [
    b'{"records": [], "queued": 1000000000000000000000000000000}',
    b'{"records": [], "queued": 1e400}',
    b'{"records": [], "queued": -1}',
    b'{"records": [], "clock_offset_ms": 1e400}',
    b'{"records": [], "clock_offset_ms": -1e400}',
    b'{"records": [], "clock_offset_ms": ' + b"9" * 5000 + b'}',
    b'{"records": [], "queued": NaN}',
    b'{"records": [{"body": {"seq": ' + b"9" * 5000 + b'}, "hash": "' + b"0" * 64 + b'", "sig": "x"}]}',
])
def test_hostile_numbers_in_an_upload_get_a_typed_4xx(server: RunningServer, till: Till, body: bytes) -> None:
    headers = request_auth.sign_headers(till.store.terminal_key(), till.terminal_id, "POST",
                                        "/v1/terminal/batches", body)
    response = httpx.post(till.client.server_url + "/v1/terminal/batches", content=body, timeout=10,
                          headers={**headers, "content-type": "application/json"})
    assert (response.status_code, response.json()["reason"]) == (422, "REQUEST_INVALID"), response.text


@pytest.mark.parametrize("value", [b"1e400", b"-1e400", b"NaN", b"Infinity", b"9" * 4000, b"1.5",
                                   b"123456789012345678901234567890"])
def test_hostile_numbers_inside_a_signed_record_reach_ingest_as_data(server: RunningServer, till: Till,
                                                                     value: bytes) -> None:
    """A record body is the terminal's signed data: out-of-range or non-integer numbers cannot have
    been sealed (canonical JSON has no floats), so HQ stores the record flagged and answers 200 with
    the acknowledgement, or refuses the request with a typed 4xx; never a 5xx."""
    seq = till.store.synced_through() + 1
    fields = (f'"terminal_id": "{till.terminal_id}", "seq": {seq}, "kind": "scan", "status": "rejected", '
              f'"reason": "CODE_EXPIRED", "recorded_at": {int(time.time() * 1000)}, '
              f'"prev_hash": "{"0" * 64}", "points_earned": {value.decode()}')
    body = ('{"records": [{"body": {' + fields + '}, "hash": "' + "0" * 64 + '", "sig": "' + "A" * 86
            + '=="}]}').encode()
    headers = request_auth.sign_headers(till.store.terminal_key(), till.terminal_id, "POST",
                                        "/v1/terminal/batches", body)
    response = httpx.post(till.client.server_url + "/v1/terminal/batches", content=body, timeout=10,
                          headers={**headers, "content-type": "application/json"})
    assert response.status_code < 500, response.text
    if response.status_code == 200:
        assert response.json()["flagged"] == 1
    else:
        assert response.json()["reason"] == "REQUEST_INVALID"
    assert till.client.sync_once().ok  # the terminal's own queue is not blocked by it


@pytest.mark.parametrize("payload", [
    b'{"member_id": 1e400, "secret": "demo-10001", "device_public_key": "' + b"A" * 43 + b'="}',
    b'{"member_id": 100000000000000000000000, "secret": "demo-10001", "device_public_key": "'
    + b"A" * 43 + b'="}',
    b'{"member_id": -1, "secret": "demo-10001", "device_public_key": "' + b"A" * 43 + b'="}',
    b'{"member_id": NaN, "secret": "demo-10001", "device_public_key": "' + b"A" * 43 + b'="}',
])
def test_hostile_numbers_in_wallet_requests_get_a_typed_422(server: RunningServer, payload: bytes) -> None:
    for path in ("/v1/wallet/register", "/v1/wallet/balance"):
        response = httpx.post(server.url + path, content=payload, timeout=10,
                              headers={"content-type": "application/json"})
        assert (response.status_code, response.json()["reason"]) == (422, "REQUEST_INVALID"), response.text
