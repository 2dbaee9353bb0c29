"""The adversarial suite's tools: a malicious but enrolled terminal over real HTTP, and the books
before and after it.

`Hostile` is a terminal HQ enrolled normally (its key registered, its requests correctly signed),
which then writes whatever it likes: records sealed with its own key, chained correctly (or not),
posted straight to /v1/terminal/batches. Everything it does is checked against `Books`: every
member's balance and tier, every merchant's settlement line, before and after (reconciliation run),
which must be equal except for what the evidence supports; and an honest terminal must still get
its records through and move the books by exactly what they carry.
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from alliance_protocol import journal_record as jr
from alliance_protocol import request_auth
from alliance_protocol.rules import AllianceRules
from member_wallet import server_client
from member_wallet.wallet import Wallet
from sync_server.db.models import Anomaly, Member, Record
from sync_server.reconcile import reconcile
from sync_server.settlement import settlement_report
from terminal_app.core.service import TerminalService
from tests.server.conftest import (
    RunningServer,
    Till,
    code_fields,
    enroll_terminal,
    pg_admin,  # noqa: F401 - a fixture, re-exported for the tests here
    priced,
    server,  # noqa: F401 - a fixture, re-exported for the tests here
)

_IDS = itertools.count(91_001)


def new_member(server: RunningServer, tmp_path: Path, balance: int, tier: int = 0,  # noqa: F811 (the fixture's name)
               home: str | None = None) -> Wallet:
    member_id = next(_IDS)
    server.hq.create_member(member_id, name="受害者", phone="13100000000", balance=balance, tier=tier,
                            secret=f"victim-{member_id}", home_merchant_id=home)
    wallet = Wallet(tmp_path / f"wallet-{member_id}")
    server_client.register(wallet, server.url, member_id, f"victim-{member_id}")
    return wallet


def local_today() -> date:
    return (datetime.now(UTC) + timedelta(minutes=480)).date()


class Hostile:
    """A malicious enrolled terminal: it seals and signs whatever it wants."""

    def __init__(self, server: RunningServer, till: Till) -> None:  # noqa: F811 (the fixture's name)
        self.server, self.till = server, till
        self.key = till.store.terminal_key()
        self.terminal_id = till.terminal_id
        self.merchant_id = till.store.identity().merchant_id
        self.seq, self.prev = 0, jr.GENESIS_HASH
        bundle = server.hq.bundle()
        self.bundle_seq, self.rules = bundle.sequence, AllianceRules.from_dict(bundle.rules)

    def body(self, kind: str = "purchase", status: str = "approved", reason: str = "OK", *,
             at_ms: int | None = None, **fields: Any) -> dict[str, Any]:
        out = {"terminal_id": self.terminal_id, "merchant_id": self.merchant_id, "kind": kind,
               "status": status, "reason": reason,
               "recorded_at": int(time.time() * 1000) if at_ms is None else at_ms, "shift": 1}
        if kind in ("purchase", "coupon", "gift", "backup", "backfill") and status != "rejected":
            out["bundle_seq"] = self.bundle_seq
        out.update(fields)
        return {k: v for k, v in out.items() if v is not None}

    def purchase(self, code: str, bill_fen: int, spend_points: int = 0, **over: Any) -> dict[str, Any]:
        """An approved purchase exactly as the rules price it (what an honest terminal writes)."""
        facts = code_fields(code)
        return self.body(**{**facts, **priced(self.rules, facts["tier"], bill_fen, spend_points), **over})

    def seal(self, body: dict[str, Any], *, seq: int | None = None,
             prev: str | None = None) -> dict[str, Any]:
        self.seq = self.seq + 1 if seq is None else seq
        body = {**body, "seq": self.seq, "prev_hash": self.prev if prev is None else prev}
        record = jr.seal(body, self.key)
        self.prev = record["hash"]
        return record

    def post_records(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        response = self.post_raw(json.dumps({"records": records}).encode())
        assert response.status_code == 200, response.text
        return response.json()

    def send(self, *bodies: dict[str, Any]) -> tuple[dict[str, Any], list[int]]:
        """Seal each body as the next record of the chain and upload them in one batch."""
        records = [self.seal(b) for b in bodies]
        return self.post_records(records), [r["body"]["seq"] for r in records]

    def post_raw(self, payload: bytes, path: str = "/v1/terminal/batches") -> httpx.Response:
        headers = request_auth.sign_headers(self.key, self.terminal_id, "POST", path, payload)
        headers["content-type"] = "application/json"
        return httpx.post(self.server.url + path, content=payload, headers=headers, timeout=30)

    def get(self, path: str) -> httpx.Response:
        headers = request_auth.sign_headers(self.key, self.terminal_id, "GET", path, b"")
        return httpx.get(self.server.url + path, headers=headers, timeout=30)

    def stored(self, seq: int) -> Record:
        with self.server.hq.session() as s:
            return s.scalar(select(Record).where(Record.terminal_id == self.terminal_id, Record.seq == seq))

    def cases(self, type_: str | None = None) -> list[Anomaly]:
        with self.server.hq.session() as s:
            q = select(Anomaly).where(Anomaly.terminal_id == self.terminal_id)
            if type_:
                q = q.where(Anomaly.type == type_)
            return s.scalars(q.order_by(Anomaly.id)).all()

    def assert_moved_nothing(self, seq: int, reason: str, case_type: str = "bad_record",
                             effect: tuple[str, ...] = ("refused",)) -> Record:
        """The record is stored exactly as signed, flagged with `reason`, counts for nothing, and a
        case against this terminal names it."""
        rec = self.stored(seq)
        assert rec is not None, f"record {seq} was not stored"
        assert rec.effect in effect and rec.flag_reason == reason, (rec.effect, rec.flag_reason, rec.flag)
        assert rec.flag
        if rec.effect == "refused":
            moved = (rec.points_delta, rec.points_earned, rec.points_spent, rec.sale_fen, rec.uses)
            assert moved == (0, 0, 0, 0, 0)
        keys = {c.dedupe_key for c in self.cases(case_type)}
        assert f"{self.terminal_id}:{seq}" in keys or case_type == "code_reused" and self.cases(case_type), (
            case_type, keys)
        return rec


@pytest.fixture
def hostile(server: RunningServer, tmp_path: Path) -> Hostile:  # noqa: F811 (the fixture imported above)
    till = enroll_terminal(server, tmp_path / "hostile", "M-MALL")
    yield Hostile(server, till)
    till.client.close()
    till.store.close()


@dataclass
class Books:
    """Every balance and tier, every merchant's settlement line of today and yesterday (local days),
    after a reconciliation."""

    balances: dict[int, int]
    tiers: dict[int, int]
    settlement: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def read(cls, server: RunningServer) -> Books:  # noqa: F811 (the fixture's name)
        reconcile(server.hq, tiers=True)
        with server.hq.session() as s:
            rows = s.execute(select(Member.id, Member.balance, Member.tier)).all()
        books = cls({m: b for m, b, _ in rows}, {m: t for m, _, t in rows})
        for day in (local_today(), local_today() - timedelta(days=1)):
            for line in settlement_report(server.hq, day):
                books.settlement[(line.day, line.merchant_id)] = (
                    line.points_issued, line.points_redeemed, line.sales_fen, line.commission_fen,
                    line.rebate_fen, line.net_fen)
        return books

    def assert_unchanged(self, server: RunningServer,  # noqa: F811 (the fixture's name)
                         allowed: dict[int, int] | None = None) -> Books:
        """The books equal these, but for `allowed` balance changes (what the evidence supports)."""
        after = Books.read(server)
        allowed = allowed or {}
        for member_id, balance in self.balances.items():
            assert after.balances.get(member_id) == balance + allowed.get(member_id, 0), member_id
        new_members = {m: after.tiers[m] for m in after.tiers if m not in self.tiers}
        assert after.tiers == {**self.tiers, **new_members}
        if not allowed:
            assert after.settlement == self.settlement
        return after


def honest_terminal_still_counts(server: RunningServer, tmp_path: Path) -> None:  # noqa: F811 (its name)
    """After the attack: another terminal's real purchase goes through and moves exactly its points;
    balances download; reconciliation and settlement run."""
    till = enroll_terminal(server, tmp_path / f"honest-{next(_IDS)}", "M-CAFE")
    try:
        wallet = new_member(server, tmp_path, 1_000)
        member_id = wallet.state.member_id
        service = TerminalService(till.store)
        result = service.commit_purchase(service.scan(wallet.next_code()).token, bill_fen=12_300)
        assert result.ok, result
        report = till.client.sync_once()
        assert report.ok and report.flagged == 0, report
        with server.hq.session() as s:
            assert s.get(Member, member_id).balance == 1_000 + result.points_earned
        reconcile(server.hq)
        with server.hq.session() as s:
            assert s.get(Member, member_id).balance == 1_000 + result.points_earned
        settlement_report(server.hq, local_today())
        assert till.client.sync_once().ok  # bundle and balance downloads
    finally:
        till.client.close()
        till.store.close()
