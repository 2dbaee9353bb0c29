"""Pricing rules, pure functions: discount, points as cash, earning, multipliers, caps, rounding."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_protocol.pricing import EarnContext, is_member_day, local_date, multiplier_pct, price
from alliance_protocol.reasons import Reason
from alliance_protocol.rules import AllianceRules, OfflineLimits, RulesError

R = AllianceRules()


def test_defaults_are_the_documented_demo_values() -> None:
    assert (R.points_per_yuan, R.points_per_yuan_cash, R.min_bill_fen) == (1, 100, 5000)
    assert R.tier_discount_pct == {1: 10, 2: 20, 3: 30}
    assert (R.member_day_pct, R.birthday_month_pct, R.daily_earn_cap_points) == (200, 200, 5000)


def test_tier_discount_is_applied_first_and_rounds_down() -> None:
    p = price(R, tier=2, bill_fen=999)  # 20% of 9.99 yuan = 199.8 fen -> 199
    assert (p.discount_fen, p.payable_fen, p.paid_fen) == (199, 800, 800)
    assert price(R, tier=0, bill_fen=999).discount_fen == 0
    assert price(R, tier=3, bill_fen=10_000).discount_fen == 3_000


def test_points_as_cash_needs_exactly_the_minimum_bill_after_discount() -> None:
    assert price(R, tier=0, bill_fen=5_000, spend_points=100).ok
    assert price(R, tier=0, bill_fen=4_999, spend_points=100).reason is Reason.BELOW_MIN_BILL
    # gold: 6249 - floor(6249 * 20%) = 6249 - 1249 = 5000 -> allowed; 6248 -> 4999 -> refused
    assert price(R, tier=2, bill_fen=6_249, spend_points=100).ok
    assert price(R, tier=2, bill_fen=6_248, spend_points=100).reason is Reason.BELOW_MIN_BILL
    assert price(R, tier=0, bill_fen=100).ok  # no points spent: no minimum


def test_points_never_pay_more_than_the_bill() -> None:
    p = price(R, tier=1, bill_fen=6_000, spend_points=100_000)  # payable 5400
    assert (p.cash_off_fen, p.points_spent, p.paid_fen, p.points_earned) == (5_400, 5_400, 0, 0)


@pytest.mark.parametrize("rate,asked,cash,charged",
                         [(100, 250, 250, 250), (10, 55, 550, 55), (150, 100, 66, 99)])
def test_cash_rate_rounding_never_charges_more_than_asked_nor_a_fraction_of_a_fen(
        rate, asked, cash, charged) -> None:
    p = price(AllianceRules(points_per_yuan_cash=rate), tier=0, bill_fen=100_000, spend_points=asked)
    assert (p.cash_off_fen, p.points_spent) == (cash, charged)
    assert p.points_spent <= asked


def test_earning_is_on_whole_yuan_paid_in_money() -> None:
    assert price(R, tier=0, bill_fen=12_345).points_earned == 123
    p = price(R, tier=0, bill_fen=10_000, spend_points=2_000)
    assert (p.paid_fen, p.points_earned) == (8_000, 80)
    assert price(AllianceRules(points_per_yuan=3), tier=0, bill_fen=199).points_earned == 5  # floor(5.97)


def test_multipliers_stack_multiplicatively_up_to_the_maximum() -> None:
    rules = AllianceRules(tier_earn_pct={0: 100, 1: 100, 2: 150, 3: 100})
    assert multiplier_pct(rules, 0, EarnContext(member_day=True)) == 200
    assert multiplier_pct(rules, 0, EarnContext(member_day=True, birthday_month=True)) == 400
    assert multiplier_pct(rules, 2, EarnContext(member_day=True)) == 300
    assert multiplier_pct(rules, 2, EarnContext(member_day=True, birthday_month=True)) == 500  # 600 capped
    p = price(rules, tier=2, bill_fen=10_000, ctx=EarnContext(member_day=True))
    assert (p.paid_fen, p.base_points, p.multiplier_pct, p.points_earned) == (8_000, 80, 300, 240)


def test_daily_cap_exactly_reached_and_crossed_within_one_bill() -> None:
    exact = price(R, tier=0, bill_fen=30_000, ctx=EarnContext(earned_today=4_700))
    assert (exact.points_earned, exact.capped) == (300, False)
    crossing = price(R, tier=0, bill_fen=30_000, ctx=EarnContext(earned_today=4_900))
    assert (crossing.points_uncapped, crossing.points_earned, crossing.capped) == (300, 100, True)
    over = price(R, tier=0, bill_fen=30_000, ctx=EarnContext(earned_today=5_000))
    assert (over.points_earned, over.capped) == (0, True)
    assert price(AllianceRules(daily_earn_cap_points=0), tier=0, bill_fen=10**9,
                 ctx=EarnContext(earned_today=10**6)).points_earned == 10**7  # 0 = no cap


@pytest.mark.parametrize("bill,spend",
                         [(-1, 0), (0, 0), (100, -5), (10.5, 0), (True, 0), ("100", 0), (100, 1.0)])
def test_bad_amounts_get_a_typed_answer(bill, spend) -> None:
    assert price(R, tier=0, bill_fen=bill, spend_points=spend).reason is Reason.INVALID_AMOUNT


def test_members_only_earning_gives_nothing_when_told_not_to_earn() -> None:
    assert price(R, tier=0, bill_fen=10_000, earn=False).points_earned == 0


def test_member_days_and_local_dates_use_the_alliance_time_zone() -> None:
    # 2026-09-07T16:30Z is 2026-09-08 00:30 in UTC+8: the 8th, a member day by default
    ts = int(dt.datetime(2026, 9, 7, 16, 30, tzinfo=dt.UTC).timestamp())
    assert local_date(R, ts) == dt.date(2026, 9, 8)
    assert is_member_day(R, local_date(R, ts))
    assert not is_member_day(R, local_date(R, ts - 3600))
    weekly = AllianceRules(member_day_weekdays=(2,), member_day_monthdays=())
    assert is_member_day(weekly, dt.date(2026, 9, 9))  # a Wednesday
    assert not is_member_day(weekly, dt.date(2026, 9, 8))


def test_rules_round_trip_through_the_bundle_form_and_refuse_bad_values() -> None:
    rules = AllianceRules(points_per_yuan_cash=10, tier_discount_pct={1: 5, 2: 10, 3: 15},
                          offline=OfflineLimits(txn_max_points=7))
    assert AllianceRules.from_dict(rules.to_dict()) == rules
    assert AllianceRules.from_dict({}) == AllianceRules()
    for bad in ({"min_bill_fen": 50.0}, {"min_bill_fen": -1}, {"tier_discount_pct": {"9": 10}},
                {"tier_discount_pct": {"1": 120}}, {"members_only_earning": 1}, {"points_per_yuan_cash": 0},
                {"offline": {"txn_max_points": "x"}}):
        with pytest.raises(RulesError):
            AllianceRules.from_dict(bad)


@settings(max_examples=300, deadline=None)
@given(bill=st.integers(1, 10**9), spend=st.integers(0, 10**9), tier=st.integers(0, 3),
       rate=st.integers(1, 1000), per_yuan=st.integers(0, 20), today=st.integers(0, 10_000),
       md=st.booleans(), bd=st.booleans())
def test_pricing_invariants(bill, spend, tier, rate, per_yuan, today, md, bd) -> None:
    rules = AllianceRules(points_per_yuan_cash=rate, points_per_yuan=per_yuan)
    p = price(rules, tier=tier, bill_fen=bill, spend_points=spend, ctx=EarnContext(md, bd, today))
    assert all(isinstance(v, int)
               for v in (p.discount_fen, p.cash_off_fen, p.paid_fen, p.points_spent, p.points_earned))
    assert p.discount_fen + p.cash_off_fen + p.paid_fen == bill
    assert 0 <= p.points_spent <= spend and 0 <= p.cash_off_fen <= p.payable_fen
    # no fen given away
    assert p.cash_off_fen * rate <= p.points_spent * 100 < (p.cash_off_fen * rate) + rate + 100
    assert 0 <= p.points_earned <= max(0, rules.daily_earn_cap_points - today)
    if p.reason is Reason.BELOW_MIN_BILL:
        assert p.points_spent == 0 and p.payable_fen < rules.min_bill_fen
