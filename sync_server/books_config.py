"""HQ's bookkeeping settings: a "books" row in the settings table (JSON), defaults below.

    sync-server books-config --set rebate_pct=2     (or HQ.put_setting(s, "books", {...}))

All integers: fen, percent, days, years.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class BooksConfig:
    # Tiers from rolling spend: paid_fen over the last `tier_window_days`; tier = thresholds met.
    tier_thresholds_fen: tuple[int, ...] = (500_000, 1_500_000, 3_000_000)  # 5,000 / 15,000 / 30,000 yuan
    tier_window_days: int = 365
    # Expiry by cycle: points earned in (local) calendar year Y expire at the end of year Y + N.
    expiry_years: int = 1
    expiring_soon_days: int = 60
    # Settlement: commission on member sales, rebate to the member's home merchant.
    commission_base_pct: int = 5
    commission_above_target_pct: int = 8
    rebate_pct: int = 1  # 1..2
    # Evidence (sync_server/evidence.py): a record whose times disagree beyond these is held for review.
    record_future_tolerance_s: int = 300  # recorded_at at most this far past HQ's clock when it arrives
    record_max_age_days: int = 30  # ... and at most this old when it arrives
    chain_backstep_tolerance_s: int = 600  # at most this far before the previous record in the chain
    # code time at most this far before recorded_at (60 s + a 120 s scan session)
    code_age_tolerance_s: int = 240
    code_ahead_tolerance_s: int = 60  # ... and at most this far after it (a phone 30 s ahead)
    # Online authorisation (sync_server/holds.py): a hold whose record has not arrived this long after
    # HQ approved it ends ("expired"); a record arriving later is decided on its own, like an offline one.
    authorisation_hold_s: int = 3_600
    # Backfills are held as a review case; with this on, their points count before the review.
    backfill_points_before_review: bool = False

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> BooksConfig:
        raw = dict(raw or {})
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in raw:
                continue
            v = raw[f.name]
            if f.name == "backfill_points_before_review":
                if not isinstance(v, bool):
                    raise ValueError(f"{f.name} must be true or false")
                kwargs[f.name] = v
            elif f.name == "tier_thresholds_fen":
                if not isinstance(v, (list, tuple)) or any(
                        not isinstance(x, int) or isinstance(x, bool) or x < 0 for x in v):
                    raise ValueError("tier_thresholds_fen must be a list of non-negative integers")
                kwargs[f.name] = tuple(sorted(v))
            else:
                if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                    raise ValueError(f"{f.name} must be a non-negative integer")
                kwargs[f.name] = v
        cfg = cls(**kwargs)
        if not 1 <= cfg.rebate_pct <= 2:
            raise ValueError("rebate_pct must be 1 or 2 (percent)")
        return cfg

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["tier_thresholds_fen"] = list(self.tier_thresholds_fen)
        return d


def load_books_config(hq, s: Session) -> BooksConfig:
    return BooksConfig.from_dict(hq.get_setting(s, "books", None))
