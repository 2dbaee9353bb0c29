"""Pricing one bill: tier discount -> points as cash -> points earned. Pure functions, integers only.

Order and rounding (docs/rules.md is the reference; tests/terminal/test_pricing.py checks each):
  1. discount_fen = floor(bill_fen * tier_discount_pct / 100)     (a fraction of a fen goes to the merchant)
  2. payable_fen  = bill_fen - discount_fen
  3. points as cash only if payable_fen >= min_bill_fen; cash_off_fen = min(floor(points * 100 / rate),
     payable_fen); points actually charged = ceil(cash_off_fen * rate / 100) (never more than asked,
     never a fraction of a fen). With the default rate 100, 1 point = 1 fen.
  4. paid_fen = payable_fen - cash_off_fen (what the member pays in money)
  5. base points = floor(paid_fen * points_per_yuan / 100) (whole yuan paid; points bought no points)
  6. multiplier_pct = tier% * member_day% * birthday% (multiplicative, in percent), capped at
     max_multiplier_pct; earned = floor(base * multiplier_pct / 100)
  7. daily cap: earned = min(earned, cap - earned_today) (a bill crossing the cap earns up to it)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .reasons import Reason
from .rules import AllianceRules


@dataclass(frozen=True)
class EarnContext:
    member_day: bool = False
    birthday_month: bool = False
    earned_today: int = 0


@dataclass(frozen=True)
class Pricing:
    bill_fen: int
    tier: int
    discount_pct: int
    discount_fen: int
    payable_fen: int
    points_requested: int
    points_spent: int
    cash_off_fen: int
    paid_fen: int
    base_points: int
    multiplier_pct: int
    points_uncapped: int
    points_earned: int
    reason: Reason = Reason.OK  # BELOW_MIN_BILL, INVALID_AMOUNT, or OK
    capped: bool = False  # the daily cap cut the points earned

    @property
    def ok(self) -> bool:
        return self.reason is Reason.OK


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def local_date(rules: AllianceRules, unix_s: float) -> dt.date:
    tz = dt.timezone(dt.timedelta(minutes=rules.utc_offset_minutes))
    return dt.datetime.fromtimestamp(int(unix_s), tz).date()


def is_member_day(rules: AllianceRules, day: dt.date) -> bool:
    return day.weekday() in rules.member_day_weekdays or day.day in rules.member_day_monthdays


def multiplier_pct(rules: AllianceRules, tier: int, ctx: EarnContext) -> int:
    pct = rules.tier_earn_pct.get(tier, 100)
    for on, factor in (
        (ctx.member_day, rules.member_day_pct),
        (ctx.birthday_month, rules.birthday_month_pct),
    ):
        if on:
            pct = pct * factor // 100
    return min(pct, rules.max_multiplier_pct)


def valid_amount(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10**12


def price(rules: AllianceRules, *, tier: int, bill_fen: int, spend_points: int = 0,
          ctx: EarnContext = EarnContext(), earn: bool = True) -> Pricing:
    """Price a bill. `earn=False` (members-only earning for a basic account) earns nothing."""
    if not valid_amount(bill_fen) or not valid_amount(spend_points) or bill_fen == 0:
        return Pricing(bill_fen if valid_amount(bill_fen) else 0, tier, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0,
                       Reason.INVALID_AMOUNT)
    pct = rules.tier_discount_pct.get(tier, 0)
    discount = bill_fen * pct // 100
    payable = bill_fen - discount
    reason = Reason.OK
    cash_off = spent = 0
    if spend_points:
        if payable < rules.min_bill_fen:
            reason = Reason.BELOW_MIN_BILL
        else:
            rate = rules.points_per_yuan_cash
            cash_off = min(spend_points * 100 // rate, payable)
            spent = _ceil_div(cash_off * rate, 100)
    paid = payable - cash_off
    base = paid * rules.points_per_yuan // 100 if earn else 0
    mult = multiplier_pct(rules, tier, ctx)
    uncapped = base * mult // 100
    earned = uncapped
    capped = False
    if rules.daily_earn_cap_points:
        room = max(0, rules.daily_earn_cap_points - ctx.earned_today)
        if earned > room:
            earned, capped = room, True
    return Pricing(bill_fen, tier, pct, discount, payable, spend_points, spent, cash_off, paid, base, mult,
                   uncapped, earned, reason, capped)
