"""The embedded demo alliance: merchants of several industries, members of every tier, coupons, gifts."""

from __future__ import annotations

from typing import Any

from alliance_protocol.rules import AllianceRules

from .hq import HQ

MERCHANTS = [
    ("M-MALL", "星光百货 Starlight Department Store", "retail", "core", 2_000_000),
    ("M-CAFE", "拾光咖啡 Timeless Café", "restaurant", "strategic", 300_000),
    ("M-CINEMA", "银幕影城 Silver Screen Cinema", "cinema", "strategic", 500_000),
    ("M-GYM", "动力健身 Pulse Gym", "gym", "basic", 200_000),
    ("M-AUTO", "远航汽车 Voyage Motors", "car_dealer", "core", 5_000_000),
]
# member id, name, phone, tier, balance (points), home merchant, birthday month
MEMBERS = [
    (10001, "王小明", "13800138001", 1, 12_000, "M-MALL", 3),
    (10002, "李华", "13900139002", 2, 30_000, "M-CAFE", 7),
    (10003, "张伟", "13700137003", 3, 80_000, "M-AUTO", 11),
    (10004, "陈静", "13600136004", 0, 800, "M-GYM", 1),
    (10005, "刘洋", "13500135005", 2, 150, "M-CINEMA", 5),
]
COUPONS = [
    {"id": "C-COFFEE", "name_zh": "免费咖啡一杯", "name_en": "One free coffee", "kind": "single_use",
     "min_tier": 0},
    {"id": "C-MOVIE", "name_zh": "电影票买一送一", "name_en": "Cinema ticket 2-for-1", "kind": "quota",
     "quota": 50, "min_tier": 1},
    {"id": "C-WASH", "name_zh": "免费洗车(金卡及以上)", "name_en": "Free car wash (gold and above)",
     "kind": "quota", "quota": 20, "min_tier": 2},
]
GIFTS = [
    {"id": "G-KEYRING", "name_zh": "联盟钥匙扣", "name_en": "Alliance key ring", "points": 500, "stock": 20},
    {"id": "G-CUP", "name_zh": "保温杯", "name_en": "Travel cup", "points": 2_000, "stock": 10},
    {"id": "G-UMBRELLA", "name_zh": "晴雨伞", "name_en": "Umbrella", "points": 5_000, "stock": 0},
]


def member_secret(member_id: int) -> str:
    return f"demo-{member_id}"


def init_demo(hq: HQ, terminals_per_merchant: int = 1) -> dict[str, Any]:
    for merchant_id, name, industry, rank, target in MERCHANTS:
        hq.create_merchant(merchant_id, name, industry, rank, target)
    for member_id, name, phone, tier, balance, home, birthday in MEMBERS:
        hq.create_member(member_id, name=name, phone=phone, tier=tier, balance=balance,
                         secret=member_secret(member_id), home_merchant_id=home, birthday_month=birthday)
    with hq.session() as s, s.begin():
        hq.put_setting(s, "rules", AllianceRules().to_dict())
        hq.put_setting(s, "coupons", COUPONS)
        hq.put_setting(s, "gifts", GIFTS)
    terminals = []
    for merchant_id, *_ in MERCHANTS:
        for i in range(terminals_per_merchant):
            terminal_id, code = hq.create_terminal(merchant_id, f"counter {i + 1}",
                                                   terminal_id=f"{merchant_id}-T{i + 1}")
            terminals.append({"merchant_id": merchant_id, "terminal_id": terminal_id,
                              "enrollment_code": code})
    sequence, _ = hq.current_bundle()
    return {"terminals": terminals, "bundle_sequence": sequence,
            "members": [{"member_id": m[0], "tier": m[3], "balance": m[4], "secret": member_secret(m[0])}
                        for m in MEMBERS]}
