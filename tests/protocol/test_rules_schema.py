"""The rules and catalogue schema refuses what a terminal or HQ could not apply."""

from __future__ import annotations

import pytest

from alliance_protocol.rules import AllianceRules, RulesError, validate_catalogue


@pytest.mark.parametrize("raw", [{"member_day_weekdays": [7]}, {"member_day_monthdays": [0]},
                                 {"member_day_monthdays": [32]}, {"member_day_weekdays": "1"}])
def test_member_days_must_be_real_days(raw) -> None:
    with pytest.raises(RulesError):
        AllianceRules.from_dict(raw)
    assert AllianceRules.from_dict({"member_day_weekdays": [0, 6], "member_day_monthdays": [1, 31]})


@pytest.mark.parametrize("coupon", [{"id": "C", "kind": "quota"}, {"id": "C", "min_tier": 4},
                                    {"id": "C", "kind": "quota", "quota": 5, "alliance_quota": -1}])
def test_a_coupon_must_be_usable_as_written(coupon) -> None:
    with pytest.raises(RulesError):
        validate_catalogue({"coupons": [coupon]})
    validate_catalogue({"coupons": [{"id": "C", "kind": "quota", "quota": 5, "alliance_quota": 40}]})
