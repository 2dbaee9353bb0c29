"""Alliance rules: the settings HQ signs into the trust bundle ("rules") and terminals apply.

One schema for both sides: the server serialises `AllianceRules().to_dict()` into the bundle
payload, the terminal reads it back with `AllianceRules.from_dict(bundle.rules)` (missing keys take
the defaults below, which are the demo defaults from the source documents). Every value is an
integer (fen, points, percent, seconds) or a boolean: no floats. Semantics and rounding are
written down in docs/rules.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

HOUR = 3600


class RulesError(ValueError):
    """The rules document is malformed (a wrong type, a negative value, an unknown tier)."""


@dataclass(frozen=True)
class OfflineLimits:
    """What a terminal may approve without the server (design-notes section 3). Points spent
    (as cash or for gifts) are the value at risk: they may not exist if the member spends them
    twice at two offline terminals."""

    txn_max_points: int = 20_000  # per transaction
    member_max_points: int = 50_000  # per member, unsynced; also bounded by the cert allowance
    terminal_max_points: int = 500_000  # all unsynced spends on this terminal
    max_since_sync_s: int = 72 * HOUR  # no spending beyond this long without a sync
    # the backup numeric code (not verifiable offline): a small separate limit
    backup_max_bill_fen: int = 20_000
    backup_max_points: int = 2_000
    backup_max_pending: int = 20
    # a decision made offline is "near a limit" (said on the verdict, decided_by offline_near_limit)
    # when it leaves a limit above at this percentage used or more
    near_limit_pct: int = 80


@dataclass(frozen=True)
class AllianceRules:
    # --- earning
    points_per_yuan: int = 1  # base: points per whole yuan paid
    tier_earn_pct: dict[int, int] = field(default_factory=lambda: {0: 100, 1: 100, 2: 100, 3: 100})
    member_day_weekdays: tuple[int, ...] = ()  # 0 = Monday .. 6 = Sunday
    member_day_monthdays: tuple[int, ...] = (8,)  # day of the month
    member_day_pct: int = 200
    birthday_month_pct: int = 200
    max_multiplier_pct: int = 500  # stacked multipliers never exceed this
    daily_earn_cap_points: int = 5_000  # per member per local day (0 = no cap)
    members_only_earning: bool = False  # True: tier 0 (basic, unranked) accounts earn nothing
    # --- spending
    points_per_yuan_cash: int = 100  # 100 points = 1 yuan off
    min_bill_fen: int = 5_000  # points as cash only on bills of at least this (after tier discount)
    tier_discount_pct: dict[int, int] = field(default_factory=lambda: {1: 10, 2: 20, 3: 30})
    # --- procedure
    backfill_window_s: int = 48 * HOUR
    void_window_s: int = 24 * HOUR  # a void names a record of its own terminal at most this old
    utc_offset_minutes: int = 480  # local day for member days and daily caps (China: UTC+8)
    # --- online authorisation (docs/online-authorisation.md): how long the terminal waits for HQ's
    # answer before it decides offline with the limits below (never on the UI thread)
    online_budget_ms: int = 1_500
    offline: OfflineLimits = field(default_factory=OfflineLimits)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for name in ("tier_earn_pct", "tier_discount_pct"):
            d[name] = {str(k): v for k, v in d[name].items()}
        for name in ("member_day_weekdays", "member_day_monthdays"):
            d[name] = list(d[name])
        return d

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> AllianceRules:
        raw = dict(raw or {})
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in raw:
                continue
            value = raw[f.name]
            if f.name == "offline":
                kwargs["offline"] = _limits(value)
            elif f.name in ("tier_earn_pct", "tier_discount_pct"):
                kwargs[f.name] = _tier_map(f.name, value)
            elif f.name in ("member_day_weekdays", "member_day_monthdays"):
                if not isinstance(value, (list, tuple)):
                    raise RulesError(f"{f.name} must be a list")
                lo, hi = (0, 6) if f.name == "member_day_weekdays" else (1, 31)
                days = tuple(_int(f.name, v) for v in value)
                if any(not lo <= d <= hi for d in days):
                    raise RulesError(f"{f.name}: days are {lo}..{hi}")
                kwargs[f.name] = days
            elif f.name == "members_only_earning":
                if not isinstance(value, bool):
                    raise RulesError(f"{f.name} must be true or false")
                kwargs[f.name] = value
            else:
                kwargs[f.name] = _int(f.name, value)
        rules = cls(**kwargs)
        if rules.points_per_yuan_cash < 1:
            raise RulesError("points_per_yuan_cash must be at least 1")
        if any(not 0 <= p <= 100 for p in rules.tier_discount_pct.values()):
            raise RulesError("tier discounts are percentages 0..100")
        return rules


def _int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RulesError(f"{name} must be a non-negative integer, got {value!r}")
    return value


def _tier_map(name: str, value: Any) -> dict[int, int]:
    if not isinstance(value, dict):
        raise RulesError(f"{name} must map tier -> percent")
    out = {}
    for k, v in value.items():
        try:
            tier = int(k)
        except ValueError:
            raise RulesError(f"{name}: bad tier {k!r}") from None
        if not 0 <= tier <= 3:
            raise RulesError(f"{name}: unknown tier {tier}")
        out[tier] = _int(name, v)
    return out


def _limits(value: Any) -> OfflineLimits:
    if not isinstance(value, dict):
        raise RulesError("offline must be an object")
    names = {f.name for f in fields(OfflineLimits)}
    return OfflineLimits(**{k: _int(f"offline.{k}", v) for k, v in value.items() if k in names})


def validate_catalogue(payload: dict[str, Any]) -> None:
    """Check the bundle's "coupons" and "gifts" lists (see docs/rules.md). Raises RulesError."""
    for name, required in (("coupons", ("id",)), ("gifts", ("id", "points", "stock"))):
        items = payload.get(name, [])
        if not isinstance(items, list):
            raise RulesError(f"{name} must be a list")
        seen = set()
        for item in items:
            if not isinstance(item, dict) or any(k not in item for k in required):
                raise RulesError(f"{name}: every entry needs {', '.join(required)}")
            if not isinstance(item["id"], str) or not item["id"] or item["id"] in seen:
                raise RulesError(f"{name}: ids must be distinct non-empty strings")
            seen.add(item["id"])
            for k in ("points", "stock", "quota", "alliance_quota", "min_tier"):
                if k in item:
                    _int(f"{name}.{k}", item[k])
            if name == "coupons":
                kind = item.get("kind", "single_use")
                if kind not in ("single_use", "quota"):
                    raise RulesError("coupons: kind is single_use or quota")
                if kind == "quota" and "quota" not in item:
                    raise RulesError(f"coupons: {item['id']} is a quota coupon without a quota")
                if int(item.get("min_tier", 0)) > 3:
                    raise RulesError(f"coupons: {item['id']}: min_tier is 0..3")


def validate_payload(payload: dict[str, Any]) -> AllianceRules:
    """Everything a terminal reads from a bundle payload beyond the keys: rules and catalogues."""
    validate_catalogue(payload)
    return AllianceRules.from_dict(payload.get("rules"))
