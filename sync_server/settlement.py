"""Daily settlement per merchant (integer fen and points only).

For one local day (AllianceRules.utc_offset_minutes) and every merchant, over its terminals'
unflagged records recorded that day (approved, and backup records whose code verified):

    points_issued    sum of points_earned, less reversed_points_earned of approved voids
    points_redeemed  sum of points_spent, less reversed_points_spent of approved voids
    *_value_fen      points * 100 // points_per_yuan_cash (alliance cash rate; floor)
    sales_fen        member sales: paid_fen of approved purchases and verified backups, less the
                     paid_fen of purchases an approved void (recorded that day) points at
    commission_fen   commission_base_pct % of sales up to the merchant's daily_target_fen, plus
                     commission_above_target_pct % of the part above it; each part rounded half up
                     to the fen: (amount * pct + 50) // 100
    rebate_fen       cross-store rebate EARNED: rebate_pct % (1..2, books_config) of the sales other
                     merchants made that day to members this merchant brought in
                     (members.home_merchant_id), rounded half up per selling merchant
    merchant_owes_fen  commission_fen + points_issued_value_fen      (merchant -> alliance)
    alliance_owes_fen  points_redeemed_value_fen + rebate_fen          (alliance -> merchant)
    net_fen          merchant_owes_fen - alliance_owes_fen: > 0 the merchant pays the alliance,
                     < 0 the alliance pays the merchant
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from alliance_protocol.rules import AllianceRules

from .books_config import load_books_config
from .db.models import Member, Merchant, Record
from .hq import HQ


@dataclass
class MerchantLine:
    day: str
    merchant_id: str
    merchant_name: str
    points_issued: int = 0
    points_redeemed: int = 0
    points_issued_value_fen: int = 0
    points_redeemed_value_fen: int = 0
    sales_fen: int = 0
    target_fen: int = 0
    commission_fen: int = 0
    rebate_fen: int = 0
    merchant_owes_fen: int = 0
    alliance_owes_fen: int = 0
    net_fen: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def pct_half_up(amount_fen: int, pct: int) -> int:
    return (amount_fen * pct + 50) // 100


def commission(sales_fen: int, target_fen: int, base_pct: int, above_pct: int) -> int:
    below = min(sales_fen, target_fen)
    return pct_half_up(below, base_pct) + pct_half_up(sales_fen - below, above_pct)


def day_bounds_ms(day: date, utc_offset_minutes: int) -> tuple[int, int]:
    start = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(minutes=utc_offset_minutes)
    start_ms = int(start.timestamp() * 1000)
    return start_ms, start_ms + 86_400_000


def _int(body: dict[str, Any], key: str) -> int:
    v = body.get(key, 0)
    return v if isinstance(v, int) and not isinstance(v, bool) else 0


def voided_paid(s, voids: list[tuple[str, str]]) -> dict[tuple[str, int], int]:
    """paid_fen of the purchases that approved voids point at: {(terminal_id, ref_seq): paid_fen}."""
    wanted = set()
    for terminal_id, body_text in voids:
        ref = json.loads(body_text).get("ref_seq")
        if isinstance(ref, int) and not isinstance(ref, bool):
            wanted.add((terminal_id, ref))
    out: dict[tuple[str, int], int] = {}
    for terminal_id, ref in wanted:
        row = s.execute(select(Record.body, Record.member_id, Record.flag).where(
            Record.terminal_id == terminal_id, Record.seq == ref)).first()
        if row is None or row[2] is not None or row[1] is None:
            continue
        body = json.loads(row[0])
        if body.get("kind") in ("purchase", "backup") and body.get("status") in ("approved", "pending_verification"):
            out[(terminal_id, ref)] = _int(body, "paid_fen")
    return out


def settlement_report(hq: HQ, day: date) -> list[MerchantLine]:
    with hq.session() as s:
        rules = AllianceRules.from_dict(hq.get_setting(s, "rules", None))
        cfg = load_books_config(hq, s)
        merchants = s.scalars(select(Merchant).order_by(Merchant.id)).all()
        start, end = day_bounds_ms(day, rules.utc_offset_minutes)
        rows = s.execute(select(Record.merchant_id, Record.member_id, Record.kind, Record.status, Record.body,
                                Record.terminal_id)
                         .where(Record.recorded_at >= start, Record.recorded_at < end, Record.flag.is_(None))).all()
        voided_sales = voided_paid(s, [(r[5], r[4]) for r in rows if r[2] == "void" and r[3] == "approved"])
        member_ids = {r[1] for r in rows if r[1] is not None}
        home: dict[int, str | None] = {}
        ids = sorted(member_ids)
        for i in range(0, len(ids), 500):
            home.update(s.execute(select(Member.id, Member.home_merchant_id).where(Member.id.in_(ids[i:i + 500]))).all())
    lines = {m.id: MerchantLine(day=day.isoformat(), merchant_id=m.id, merchant_name=m.name,
                                target_fen=m.daily_target_fen) for m in merchants}
    cross_sales: dict[tuple[str, str], int] = {}  # (seller, home merchant) -> sales
    for merchant_id, member_id, kind, status, body_text, terminal_id in rows:
        line = lines.get(merchant_id)
        if line is None:
            continue
        if kind == "backup" and member_id is None:
            continue  # not verified (yet): settles on the day it is recorded once it verifies
        body = json.loads(body_text)
        if kind == "void":
            if status == "approved":
                line.points_issued -= _int(body, "reversed_points_earned")
                line.points_redeemed -= _int(body, "reversed_points_spent")
                paid = voided_sales.get((terminal_id, body.get("ref_seq")), 0)
                line.sales_fen -= paid  # a voided sale is no sale (the void's day settles it)
                h = home.get(member_id) if member_id is not None else None
                if paid and h and h != merchant_id and h in lines:
                    cross_sales[(merchant_id, h)] = cross_sales.get((merchant_id, h), 0) - paid
            continue
        if status not in ("approved", "pending_verification"):
            continue
        line.points_issued += _int(body, "points_earned")
        line.points_redeemed += _int(body, "points_spent")
        if kind in ("purchase", "backup") and member_id is not None:
            paid = _int(body, "paid_fen")
            line.sales_fen += paid
            h = home.get(member_id)
            if h and h != merchant_id and h in lines and paid:
                cross_sales[(merchant_id, h)] = cross_sales.get((merchant_id, h), 0) + paid
    for (_seller, h), sales in cross_sales.items():
        lines[h].rebate_fen += pct_half_up(sales, cfg.rebate_pct)
    rate = rules.points_per_yuan_cash
    for line in lines.values():
        line.points_issued_value_fen = line.points_issued * 100 // rate
        line.points_redeemed_value_fen = line.points_redeemed * 100 // rate
        line.commission_fen = commission(line.sales_fen, line.target_fen, cfg.commission_base_pct,
                                         cfg.commission_above_target_pct)
        line.merchant_owes_fen = line.commission_fen + line.points_issued_value_fen
        line.alliance_owes_fen = line.points_redeemed_value_fen + line.rebate_fen
        line.net_fen = line.merchant_owes_fen - line.alliance_owes_fen
    return list(lines.values())


def to_csv(lines: list[MerchantLine]) -> str:
    out = io.StringIO()
    names = [f.name for f in fields(MerchantLine)]
    w = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
    w.writeheader()
    for line in lines:
        w.writerow(line.to_dict())
    return out.getvalue()
