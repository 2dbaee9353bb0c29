"""Server re-verification judges a record by what was in force when it happened.

A member blocked at HQ after spending offline: the spend already took place at the counter (the
terminal could not know yet). The record's points apply, and HQ gets a denied_member_activity
anomaly to review (it may reverse the spend with a compensating entry); the record is not flagged
as bad.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from alliance_protocol import journal_record as jr
from alliance_protocol.keys import b64, public_raw
from alliance_protocol.member_code import make_code
from alliance_protocol.testkit import derive_key
from alliance_protocol.wire import WireRecord
from sync_server.db.models import Anomaly, Member, Record, Terminal
from sync_server.demo import init_demo, member_secret
from sync_server.hq import HQ
from sync_server.hq_keys import KeyRing
from sync_server.ingest import ingest_batch
from sync_server.settings import ServerSettings


def _spend_record(hq: HQ, terminal_id: str, merchant_id: str, key, member_id: int, at: int, points: int) -> dict:
    device = derive_key("reverify", f"device-{member_id}")
    cert = hq.issue_device_certificate(member_id, member_secret(member_id), b64(public_raw(device)))
    code = make_code(cert, device, code_time=at, counter=1)
    body = {"terminal_id": terminal_id, "merchant_id": merchant_id, "seq": 1, "prev_hash": jr.GENESIS_HASH,
            "recorded_at": at * 1000, "kind": "purchase", "status": "approved", "reason": "OK",
            "member_id": member_id, "cert_serial": cert.serial, "counter": 1, "code_time": at,
            "tier": cert.tier, "code": code, "bill_fen": 10_000, "paid_fen": 10_000,
            "points_spent": points, "points_earned": 0}
    return jr.seal(body, key)


def test_spend_made_before_the_member_was_blocked_still_moves_the_ledger(tmp_path: Path) -> None:
    home = tmp_path / "hq"
    KeyRing.create(home / "keys", int(time.time()) - 86_400)
    hq = HQ.open(ServerSettings(home=home, database_url=f"sqlite:///{home / 'server.sqlite3'}"))
    try:
        init_demo(hq)
        terminal_id, code = hq.create_terminal("M-CAFE", "till")
        key = derive_key("reverify", "terminal")
        hq.enroll(code, b64(public_raw(key)))
        member_id = 10002
        with hq.session() as s:
            before = s.get(Member, member_id).balance
        spent_at = int(time.time()) - 600  # spent offline ten minutes ago
        record = _spend_record(hq, terminal_id, "M-CAFE", key, member_id, spent_at, 1_000)

        hq.block_member(member_id)  # HQ blocks the member afterwards; the till uploads later
        hq.bundle_changed()
        bundle = hq.bundle()
        with hq.session() as s, s.begin():
            terminal = s.get(Terminal, terminal_id)
            ack = ingest_batch(hq, s, terminal, [WireRecord.model_validate(record)], 0, bundle)
        assert ack.stored == 1
        with hq.session() as s:
            stored = s.execute(select(Record).where(Record.terminal_id == terminal_id)).scalar_one()
            after = s.get(Member, member_id).balance
        assert after == before - 1_000, f"ledger ignored a real spend (flag: {stored.flag})"
        assert stored.flag is None
        with hq.session() as s:
            case = s.execute(select(Anomaly).where(Anomaly.type == "denied_member_activity")).scalar_one()
        assert case.member_id == member_id and json.loads(case.evidence)["reason"] == "MEMBER_BLOCKED"
        assert case.deadline - case.detected_at == 48 * 3600
    finally:
        hq.engine.dispose()
