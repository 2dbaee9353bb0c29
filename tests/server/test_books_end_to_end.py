"""HQ's books, end to end, against an independent recomputation of docs/rules.md and docs/hq-books.md.

Four honest terminals at three merchants, offline for a day, every kind of record (purchases with
tier discounts, points as cash, birthday and member-day multipliers, the daily cap crossed at two
counters, gifts, coupons, backup numeric codes good and bad, a voided backup-code sale, a backfill,
rejected attempts, a shift close), a double spend, a copied code, a single-use coupon used at two
terminals, a member blocked by HQ while a terminal is offline; then uploads with the server
SIGKILLed mid-upload and a terminal's sync process SIGKILLed, over real HTTP, on SQLite and
PostgreSQL. At the end every balance, tier, settlement figure and case equals what this file
computes itself from the documented rules, reading only the terminals' own journals and the order
in which HQ stored the records (the documented rules decide in that order). Nothing here calls
the project's pricing, evidence or settlement code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import signal
import struct
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from alliance_protocol.verifier import FixedClock
from member_wallet import server_client
from member_wallet.wallet import Wallet
from sync_server.db.models import Anomaly, Member, Merchant, Record
from sync_server.demo import init_demo
from sync_server.hq import HQ
from sync_server.reconcile import reconcile
from sync_server.settings import ServerSettings
from sync_server.settlement import settlement_report
from terminal_app.core.service import TerminalService
from terminal_app.store import open_store
from terminal_app.store.models import JournalRow
from terminal_app.sync import SyncClient

from .conftest import as_if_enrolled_at, issue_bundle_at
from .test_faults import ServerProcess

# --- the documented rules, written out again (docs/rules.md; the demo's values)
TIER_DISCOUNT = {1: 10, 2: 20, 3: 30}
MIN_BILL = 5_000
CASH_RATE = 100  # points per yuan off
EARN_PER_YUAN = 1
MEMBER_DAY, BIRTHDAY, MAX_MULT = 200, 200, 500
DAILY_CAP = 5_000
OFFSET_S = 8 * 3600  # UTC+8
THRESHOLDS = (500_000, 1_500_000, 3_000_000)
COMMISSION, ABOVE, REBATE = 5, 8, 1


def local(t_s: int) -> datetime:
    return datetime.fromtimestamp(t_s + OFFSET_S, UTC)


def earn_multiplier(t_s: int, birthday_month: int | None) -> int:
    pct = 100
    if local(t_s).day == 8:
        pct = pct * MEMBER_DAY // 100
    if birthday_month == local(t_s).month:
        pct = pct * BIRTHDAY // 100
    return min(pct, MAX_MULT)


def bill_amounts(tier: int, bill: int, spend: int) -> tuple[int, int, int]:
    """(points spent, cash off, paid) for a bill."""
    discount = bill * TIER_DISCOUNT.get(tier, 0) // 100
    payable = bill - discount
    if not spend or payable < MIN_BILL:
        return 0, 0, payable
    cash_off = min(spend * 100 // CASH_RATE, payable)
    return -(-cash_off * CASH_RATE // 100), cash_off, payable - cash_off


def totp(key: bytes, step: int) -> str:
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha256).digest()
    off = mac[-1] & 0x0F
    return str((struct.unpack(">I", mac[off:off + 4])[0] & 0x7FFFFFFF) % 10**6).zfill(6)


def half_up(amount: int, pct: int) -> int:
    return (amount * pct + 50) // 100


# --- the scenario's people
MEMBERS = {  # id: (tier, opening balance, home merchant, birthday month (None: none))
    81001: (2, 20_000, "M-CAFE", "this"),
    81002: (0, 3_000, "M-MALL", None),
    81003: (1, 500, "M-CINEMA", None),
    81004: (3, 1_000, "M-MALL", None),
    81005: (0, 100, "M-CAFE", None),
    81006: (1, 2_000, "M-MALL", None),
    81007: (0, 0, "M-CINEMA", None),
    81008: (2, 0, "M-CAFE", None),
}


def recompute(stored_order: list[tuple[str, int]], bodies: dict[tuple[str, int], dict],
              blocked_at: dict[int, int], birthdays: dict[int, int | None], secrets_: dict[int, str],
              gifts: dict[str, int],
              stock: dict[str, int]) -> dict:
    """Every record's effect in the order HQ stored them, by the documented rules; then the books."""
    claims: set = set()
    day_earned: dict[tuple[int, int], int] = {}
    coupon_used: dict[tuple[int, str], int] = {}
    gift_uses: dict[tuple[str, str], int] = {}
    effects: dict[tuple[str, int], dict] = {}
    refused: dict[tuple[str, int], str] = {}
    held: set = set()
    for key in stored_order:
        b = bodies[key]
        terminal, _ = key
        kind, status = b["kind"], b["status"]
        if status == "rejected" or kind in ("scan", "shift_close"):
            continue
        at_s = b["recorded_at"] // 1000
        day = (b["recorded_at"] // 1000 + OFFSET_S) // 86_400
        if kind == "void":
            target = effects.get((terminal, b["ref_seq"]))
            if target is not None:
                effects[key] = {k: -v if isinstance(v, int) and k != "day" and k != "member" else v
                                for k, v in target.items()}
                effects[key]["voids"] = (terminal, b["ref_seq"])
                if target.get("earned"):
                    d = (target["member"], target["day"])
                    day_earned[d] -= target["earned"]
                if target.get("coupon"):
                    coupon_used[(target["member"], target["coupon"])] -= 1
            continue
        if kind == "backfill":
            held.add(key)
            continue
        if kind == "backup":
            digits = b["backup_code"]
            member = int(digits[:-6])
            k = hashlib.sha256(secrets_.get(member, "").encode()).digest()
            steps = [at_s // 60 + d for d in range(-5, 6)
                     if totp(k, (at_s // 60 + d) * 60 // 60) == digits[-6:]]
            if member not in secrets_ or not steps:
                refused[key] = "BACKUP_CODE_FAILED"
                continue
            if ("backup", member, steps[0]) in claims:
                refused[key] = "BACKUP_CODE_REUSED"
                continue
            claims.add(("backup", member, steps[0]))
            tier, mult, spend = 0, 100, b["points_spent"]
        else:
            member = b["member_id"]
            pair = ("code", b["cert_serial"], b["counter"])
            if pair in claims:
                refused[key] = "CODE_REUSED"
                continue
            claims.add(pair)
            if member in blocked_at and b["recorded_at"] >= blocked_at[member]:
                refused[key] = "MEMBER_BLOCKED"
                continue
            tier = b["tier"]
            mult = earn_multiplier(at_s, birthdays.get(member))
            spend = b.get("points_spent", 0)
        effect = {"member": member, "day": day, "earned": 0, "spent": 0, "sale": 0, "coupon": None,
                  "merchant": b["merchant_id"]}
        if kind == "coupon":
            if coupon_used.get((member, b["coupon_id"]), 0) > 0:
                refused[key] = "COUPON_USED"
                continue
            coupon_used[(member, b["coupon_id"])] = coupon_used.get((member, b["coupon_id"]), 0) + 1
            effect["coupon"] = b["coupon_id"]
        elif kind == "gift":
            if gift_uses.get((terminal, b["gift_id"]), 0) >= stock[b["gift_id"]]:
                refused[key] = "GIFT_OUT_OF_STOCK"
                continue
            gift_uses[(terminal, b["gift_id"])] = gift_uses.get((terminal, b["gift_id"]), 0) + 1
            assert b["points_spent"] == gifts[b["gift_id"]]
            effect["spent"] = b["points_spent"]
        else:  # purchase or backup code sale
            spent, cash_off, paid = bill_amounts(tier, b["bill_fen"], spend)
            assert (spent, cash_off, paid) == (b["points_spent"], b["cash_off_fen"], b["paid_fen"]), b
            earned = paid * EARN_PER_YUAN // 100 * mult // 100
            room = max(0, DAILY_CAP - day_earned.get((member, day), 0))
            effect.update(spent=spent, sale=paid, earned=min(earned, room))
            day_earned[(member, day)] = day_earned.get((member, day), 0) + effect["earned"]
        effects[key] = effect
    return {"effects": effects, "refused": refused, "held": held}


def run_sync_process(home: Path, kill_after_s: float) -> None:
    """`pos-terminal sync` in its own process, SIGKILLed mid-way."""
    proc = subprocess.Popen([sys.executable, "-m", "terminal_app.cli", "--home", str(home), "sync"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(kill_after_s)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)


def journal_bodies(store) -> dict[int, dict]:
    with Session(store.reader) as s:
        return {r.seq: json.loads(r.body) for r in s.scalars(select(JournalRow).order_by(JournalRow.seq))}


@pytest.mark.slow
def test_books_equal_an_independent_recomputation(tmp_path: Path, database_url: str) -> None:
    from sync_server.demo import GIFTS, MERCHANTS
    from sync_server.hq_keys import KeyRing

    home = tmp_path / "hq"
    home.mkdir(exist_ok=True)
    now = int(time.time())
    KeyRing.create(home / "keys", now - 60 * 86_400)  # an alliance in service for two months
    hq = HQ.open(ServerSettings(home=home, database_url=database_url))
    init_demo(hq)
    day0 = (datetime.now(UTC) + timedelta(hours=8)).date() - timedelta(days=2)
    t0 = int(datetime(day0.year, day0.month, day0.day, 12, tzinfo=UTC).timestamp()) - OFFSET_S  # local noon
    birthdays = {m: (local(t0).month if spec[3] == "this" else None) for m, spec in MEMBERS.items()}
    for member_id, (tier, opening, home_m, _) in MEMBERS.items():
        hq.create_member(member_id, name="端到端", phone="13700000000", tier=tier, balance=opening,
                         secret=f"e2e-secret-{member_id}", home_merchant_id=home_m,
                         birthday_month=birthdays[member_id] or 0)
    server = ServerProcess(home, database_url)
    server.start()
    try:
        wallets = {}
        for member_id in MEMBERS:
            w = Wallet(tmp_path / f"w{member_id}")
            server_client.register(w, server.url, member_id, f"e2e-secret-{member_id}")
            wallets[member_id] = w
        tills = {}
        for name, merchant in (("T1", "M-CAFE"), ("T2", "M-MALL"), ("T3", "M-MALL"), ("T4", "M-CINEMA")):
            terminal_id, code = hq.create_terminal(merchant, name)
            store = open_store(tmp_path / name)
            client = SyncClient(store, batch_size=2 if name == "T2" else 500)
            client.enroll(code, server.url)
            assert client.sync_once().ok  # balances and birthdays arrive; then a day offline
            tills[name] = (store, client, terminal_id)
        _, envelope = issue_bundle_at(hq, t0 - 3600)
        for store, _client, terminal_id in tills.values():
            store.install_bundle(envelope)
            as_if_enrolled_at(hq, terminal_id, t0 - 7200)

        def at(name: str, t: int) -> TerminalService:
            return TerminalService(tills[name][0], clock=FixedClock(t))

        def scan(name: str, t: int, member: int, code: str | None = None):
            service = at(name, t)
            result = service.scan(code or wallets[member].next_code(at=t))
            assert result.ok, result
            return service, result.token

        def buy(name: str, t: int, member: int, bill: int, spend: int = 0, code: str | None = None):
            service, token = scan(name, t, member, code)
            return service.commit_purchase(token, bill_fen=bill, spend_points=spend)

        # --- day -2, every terminal offline
        assert buy("T1", t0, 81001, 12_000).ok  # gold, birthday month
        assert buy("T1", t0 + 60, 81001, 30_000, spend=2_000).ok
        service, token = scan("T1", t0 + 120, 81002)
        assert service.redeem_gift(token, "G-CUP").ok  # the member's 3,000 points ...
        digits, _ = wallets[81005].backup_code(at=t0 + 180)
        backup_sale = at("T1", t0 + 180).backup_code(digits, bill_fen=15_000)
        assert backup_sale.ok
        wrong = "81005" + ("000000" if not digits.endswith("000000") else "111111")
        assert at("T1", t0 + 240).backup_code(wrong, bill_fen=8_000).ok  # (fails at HQ)
        service, token = scan("T1", t0 + 300, 81004)
        assert service.use_coupon(token, "C-COFFEE").ok
        assert buy("T1", t0 + 360, 81006, 10_000).ok
        assert at("T1", t0 + 900).void(backup_sale.seq, manager="店长 Li", reason="退货 returned").ok
        at("T1", t0 + 1000).close_shift(manager="店长 Li")

        service, token = scan("T2", t0 + 130, 81002)
        assert service.redeem_gift(token, "G-CUP").ok  # ... spent again at another counter
        copied = wallets[81003].next_code(at=t0 + 390)  # one screenshot, two counters
        assert buy("T2", t0 + 400, 81003, 8_000, code=copied).ok
        service, token = scan("T2", t0 + 450, 81004)
        assert service.use_coupon(token, "C-COFFEE").ok  # single use, used again
        assert buy("T2", t0 + 500, 81008, 400_000).ok
        assert not buy("T2", t0 + 520, 81008, 1_000_000, spend=100_000).ok  # declined, journaled

        assert buy("T3", t0 + 410, 81003, 9_000, code=copied).ok
        assert buy("T3", t0 + 600, 81008, 300_000).ok  # the daily cap, across counters
        assert at("T3", t0 + 700).backfill(81007, 20_000, "MALL-991", t0 - 3600, manager="店长 Wang").ok

        assert not at("T4", t0 + 800).scan("hello, not a member code").ok
        assert buy("T4", t0 + 850, 81001, 6_000).ok

        # --- today: HQ blocks a member; T4, still offline, takes the member's code afterwards
        blocked_from = int(time.time() * 1000)
        hq.block_member(81006)
        time.sleep(1.1)
        assert buy("T4", int(time.time()), 81006, 7_000).ok

        # --- uploads: the server SIGKILLed mid-upload, a terminal's sync process SIGKILLed
        store2, client2, _ = tills["T2"]
        uploader = threading.Thread(target=client2.sync_once)
        uploader.start()
        deadline = time.time() + 20
        while store2.synced_through() == 0 and time.time() < deadline:
            time.sleep(0.002)
        server.kill()
        uploader.join(30)
        server.start()
        assert client2.sync_once().ok and store2.outbox_count() == 0
        run_sync_process(tmp_path / "T3", kill_after_s=1.5)
        for name in ("T3", "T1", "T4"):
            store, client, _ = tills[name]
            report = client.sync_once()
            assert report.ok and store.outbox_count() == 0, (name, report)
        report = reconcile(hq)
        assert report.drift_members == 0  # what ingest kept as it went equals the full recomputation

        # --- the recomputation
        names = {terminal_id: name for name, (_s, _c, terminal_id) in tills.items()}
        bodies = {(tid, seq): body for name, (store, _c, tid) in tills.items()
                  for seq, body in journal_bodies(store).items()}
        with hq.session() as s:
            order = [(r.terminal_id, r.seq) for r in s.execute(select(Record.terminal_id, Record.seq)
                                                              .order_by(Record.id))]
            assert sorted(order) == sorted(bodies)  # every record once, nothing more
            balances = dict(s.execute(select(Member.id, Member.balance)).all())
            tiers = dict(s.execute(select(Member.id, Member.tier)).all())
            targets = {m.id: m.daily_target_fen for m in s.scalars(select(Merchant))}
            cases = s.scalars(select(Anomaly)).all()
        gifts = {g["id"]: g["points"] for g in GIFTS}
        stock = {g["id"]: g["stock"] for g in GIFTS}
        r = recompute(order, bodies, {81006: blocked_from}, birthdays,
                      {m: f"e2e-secret-{m}" for m in MEMBERS}, gifts, stock)
        effects = r["effects"]

        expected_balance = {m: spec[1] for m, spec in MEMBERS.items()}
        for e in effects.values():
            expected_balance[e["member"]] += e["earned"] - e["spent"]
        assert {m: balances[m] for m in MEMBERS} == expected_balance

        voided = {e["voids"] for e in effects.values() if "voids" in e}
        spend: dict[int, int] = {}
        for key, e in effects.items():
            if bodies[key]["kind"] in ("purchase", "backup") and key not in voided:
                spend[e["member"]] = spend.get(e["member"], 0) + e["sale"]
        assert {m: tiers[m] for m in tiers} == {m: sum(spend.get(m, 0) >= th for th in THRESHOLDS)
                                                for m in tiers}

        for day in (day0, (datetime.now(UTC) + timedelta(hours=8)).date()):
            lines = {x.merchant_id: x for x in settlement_report(hq, day)}
            start = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()) - OFFSET_S
            on_day = {k: e for k, e in effects.items()
                      if start <= bodies[k]["recorded_at"] // 1000 < start + 86_400}
            homes = {m: spec[2] for m, spec in MEMBERS.items()}
            cross: dict[str, int] = {}
            for merchant_id, *_ in MERCHANTS:
                mine = [e for e in on_day.values() if e["merchant"] == merchant_id]
                issued, redeemed = sum(e["earned"] for e in mine), sum(e["spent"] for e in mine)
                sales = sum(e["sale"] for e in mine)
                below = min(sales, targets[merchant_id])
                commission = half_up(below, COMMISSION) + half_up(sales - below, ABOVE)
                line = lines[merchant_id]
                assert (line.points_issued, line.points_redeemed, line.sales_fen, line.commission_fen) == (
                    issued, redeemed, sales, commission), (day, merchant_id)
                for e in mine:
                    if homes.get(e["member"]) not in (None, merchant_id):
                        cross[homes[e["member"]]] = cross.get(homes[e["member"]], 0) + e["sale"]
            for merchant_id, *_ in MERCHANTS:
                line = lines[merchant_id]
                rebate = half_up(cross.get(merchant_id, 0), REBATE)
                assert line.rebate_fen == rebate, (day, merchant_id)
                assert line.net_fen == (line.commission_fen + line.points_issued - line.points_redeemed
                                        - rebate)

        # Cases: exactly the facts, one case each, against the terminal that sent the record.
        def key(k: tuple[str, int]) -> str:
            return f"{k[0]}:{k[1]}"

        expected: set[tuple[str, str, str]] = set()
        for k, reason in r["refused"].items():
            kind = {"CODE_REUSED": "code_reused", "COUPON_USED": "coupon_overuse", "MEMBER_BLOCKED":
                    "denied_member_activity", "BACKUP_CODE_FAILED": "backup_code_failed",
                    "BACKUP_CODE_REUSED": "backup_code_failed"}[reason]
            b = bodies[k]
            expected.add((kind, f"{b['cert_serial']}:{b['counter']}" if kind == "code_reused" else key(k),
                          k[0]))
        for k in r["held"]:
            expected.add(("backfill_review", key(k), k[0]))
        for k in effects:
            if bodies[k]["kind"] == "backup":
                expected.add(("backup_code_review", key(k), k[0]))
        # negative balances: in event time (open), and those seen only in arrival order (disproved)
        def crossings(keys: list[tuple[str, int]]) -> set[str]:
            running = {m: spec[1] for m, spec in MEMBERS.items()}
            out = set()
            for k in keys:
                e = effects.get(k)
                if e is None:
                    continue
                before = running[e["member"]]
                running[e["member"]] += e["earned"] - e["spent"]
                if e["earned"] - e["spent"] < 0 and before >= 0 > running[e["member"]]:
                    out.add(key(k))
            return out

        event = crossings(sorted(effects, key=lambda k: (bodies[k]["recorded_at"], k[0], k[1])))
        arrival = crossings(order)
        for k in event:
            expected.add(("negative_balance", k, k.split(":")[0]))
        got = {(c.type, c.dedupe_key, c.terminal_id) for c in cases}
        disproved = {c.dedupe_key for c in cases if c.type == "negative_balance" and c.status == "disproved"}
        assert {c.dedupe_key for c in cases if c.type == "negative_balance" and c.status == "open"} == event
        assert disproved == arrival - event
        got -= {("negative_balance", k, k.split(":")[0]) for k in disproved}
        assert got == expected, (sorted(got - expected), sorted(expected - got))
        # the scenario did exercise what it claims to
        reasons = set(r["refused"].values())
        assert {"CODE_REUSED", "COUPON_USED", "MEMBER_BLOCKED", "BACKUP_CODE_FAILED"} <= reasons
        assert event and arrival - event and r["held"] and voided
        assert any(e["earned"] < bill_amounts(2, 300_000, 0)[2] // 100 for k, e in effects.items()
                   if names[k[0]] == "T3" and bodies[k].get("bill_fen") == 300_000)  # capped
    finally:
        server.kill()
        hq.engine.dispose()
