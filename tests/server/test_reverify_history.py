"""A member's block has a time: records made before it count, records after it are refused.

A member blocked at HQ after spending offline: the spend took place at the counter before the
block (the terminal could not know yet), so its points apply and nothing is raised. A code the
same member shows after the block moves nothing, and HQ gets a denied_member_activity case against
the terminal that took it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from sqlalchemy import select

from alliance_protocol import journal_record as jr
from alliance_protocol.keys import b64, public_raw
from alliance_protocol.member_code import make_code
from alliance_protocol.rules import AllianceRules
from alliance_protocol.testkit import derive_key
from alliance_protocol.wire import WireRecord
from sync_server.db.models import Anomaly, Member, Record, Terminal
from sync_server.demo import init_demo, member_secret
from sync_server.hq import HQ
from sync_server.hq_keys import KeyRing
from sync_server.ingest import ingest_batch
from sync_server.settings import ServerSettings

from .conftest import as_if_enrolled_at, code_fields, issue_bundle_at, priced


def _spend_record(hq: HQ, terminal_id: str, merchant_id: str, key, member_id: int, at: int, points: int,
                  seq: int, prev: str, counter: int, bundle_seq: int) -> dict:
    device = derive_key("reverify", f"device-{member_id}-{counter}")
    cert = hq.issue_device_certificate(member_id, member_secret(member_id), b64(public_raw(device)))
    code = make_code(cert, device, code_time=at, counter=counter)
    body = {"terminal_id": terminal_id, "merchant_id": merchant_id, "seq": seq, "prev_hash": prev,
            "recorded_at": at * 1000, "kind": "purchase", "status": "approved", "reason": "OK", "shift": 1,
            "bundle_seq": bundle_seq, **code_fields(code),
            **priced(AllianceRules.from_dict(hq.bundle().rules), cert.tier, 100_000, points, at_s=at)}
    return jr.seal(body, key)


def test_a_block_counts_from_its_time(tmp_path: Path) -> None:
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
        bundle_seq, _ = issue_bundle_at(hq, spent_at - 60)  # the bundle the till had then
        as_if_enrolled_at(hq, terminal_id, spent_at - 120)
        first = _spend_record(hq, terminal_id, "M-CAFE", key, member_id, spent_at, 1_000, 1, jr.GENESIS_HASH,
                              1, bundle_seq)
        earned = first["body"]["points_earned"]

        later = int(time.time()) + 2  # shown at the counter just after HQ blocks the member
        second = _spend_record(hq, terminal_id, "M-CAFE", key, member_id, later, 500, 2, first["hash"], 2,
                               bundle_seq)
        hq.block_member(member_id)  # HQ blocks the member after the first spend; the till uploads later
        with hq.session() as s, s.begin():
            terminal = s.get(Terminal, terminal_id)
            ack = ingest_batch(hq, s, terminal, [WireRecord.model_validate(r) for r in (first, second)])
        assert ack.stored == 2 and ack.flagged == 1
        with hq.session() as s:
            stored = {r.seq: r for r in s.scalars(select(Record).where(Record.terminal_id == terminal_id))}
            after = s.get(Member, member_id).balance
            cases = s.scalars(select(Anomaly).where(Anomaly.type == "denied_member_activity")).all()
        assert stored[1].effect == "applied" and stored[1].flag is None
        assert after == before - 1_000 + earned, (
            "the spend made before the block must count, the later one not")
        assert (stored[2].effect, stored[2].flag_reason, stored[2].points_delta) == (
            "refused", "MEMBER_BLOCKED", 0)
        assert [json.loads(c.evidence)["seq"] for c in cases] == [2]
        assert cases[0].terminal_id == terminal_id and cases[0].member_id == member_id
        assert cases[0].deadline - cases[0].detected_at == 48 * 3600
    finally:
        hq.engine.dispose()
