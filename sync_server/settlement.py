"""Daily settlement per merchant (integer fen and points only), from what HQ's evidence checks
decided each record does (sync_server/evidence.py: the typed columns of applied records; never the
record text, never a terminal's claim).

For one local day (AllianceRules.utc_offset_minutes) and every merchant, over its terminals'
applied records recorded that day:

    points_issued    sum of points_earned as HQ credited them (a void's are negative: it reverses
                     exactly what HQ credited for the record it names, on the void's day)
    points_redeemed  sum of points_spent, likewise
    *_value_fen      points * 100 // points_per_yuan_cash (alliance cash rate; floor)
    sales_fen        member sales: sale_fen (paid in money) of purchases and backup-code sales, less
                     the sales voided that day
    commission_fen   commission_base_pct % of sales up to the merchant's daily_target_fen, plus
                     commission_above_target_pct % of the part above it; each part rounded half up
                     to the fen: (amount * pct + 50) // 100
    rebate_fen       cross-store rebate EARNED: rebate_pct % (1..2, books_config) of the sales all
                     other merchants made that day to members this merchant brought in
                     (members.home_merchant_id), summed over those merchants first and rounded half
                     up once per home merchant and day
    merchant_owes_fen  commission_fen + points_issued_value_fen      (merchant -> alliance)
    alliance_owes_fen  points_redeemed_value_fen + rebate_fen          (alliance -> merchant)
    net_fen          merchant_owes_fen - alliance_owes_fen: > 0 the merchant pays the alliance,
                     < 0 the alliance pays the merchant
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from alliance_protocol.rules import AllianceRules

from .books_config import load_books_config
from .db.models import Member, Merchant, Record
from .evidence import APPLIED
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


def settlement_report(hq: HQ, day: date) -> list[MerchantLine]:
    with hq.session() as s:
        rules = AllianceRules.from_dict(hq.get_setting(s, "rules", None))
        cfg = load_books_config(hq, s)
        merchants = s.scalars(select(Merchant).order_by(Merchant.id)).all()
        start, end = day_bounds_ms(day, rules.utc_offset_minutes)
        in_day = (Record.effect == APPLIED, Record.recorded_at >= start, Record.recorded_at < end)
        totals = s.execute(select(Record.merchant_id, func.sum(Record.points_earned),
                                  func.sum(Record.points_spent), func.sum(Record.sale_fen))
                           .where(*in_day).group_by(Record.merchant_id)).all()
        cross = s.execute(select(Member.home_merchant_id, func.sum(Record.sale_fen))
                          .join(Member, Member.id == Record.member_id)
                          .where(*in_day, Record.sale_fen != 0, Member.home_merchant_id.is_not(None),
                                 Member.home_merchant_id != Record.merchant_id)
                          .group_by(Member.home_merchant_id)).all()
    lines = {m.id: MerchantLine(day=day.isoformat(), merchant_id=m.id, merchant_name=m.name,
                                target_fen=m.daily_target_fen) for m in merchants}
    for merchant_id, earned, spent, sales in totals:
        line = lines.get(merchant_id)
        if line is not None:
            line.points_issued = int(earned or 0)
            line.points_redeemed = int(spent or 0)
            line.sales_fen = int(sales or 0)
    for home, sales in cross:
        if home in lines:
            lines[home].rebate_fen = pct_half_up(int(sales or 0), cfg.rebate_pct)
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
