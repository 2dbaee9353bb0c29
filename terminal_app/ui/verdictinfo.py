"""What the verdict page says beyond the reason (Qt-free): built from the result, the scan and the
journal record, on the database worker right after the result.

    info = verdict_info(service, "purchase", result, scan)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from terminal_app.core.results import ScanResult


@dataclass(frozen=True)
class VerdictInfo:
    kind: str
    ok: bool
    masked_member: str = ""
    item: dict[str, Any] | None = None  # the coupon's or gift's catalogue entry
    charge_fen: int | None = None  # what the cashier charges in money
    points_spent: int = 0
    points_earned: int = 0
    new_balance: int | None = None  # points left, as this terminal knows it (None: unknown)
    earlier: dict[str, Any] | None = None  # the record that already used this code / coupon
    record: dict[str, Any] | None = None  # the journal record of this attempt


def verdict_info(service: Any, kind: str, result: Any, scan: ScanResult | None) -> VerdictInfo:
    """The record, the item, the new balance and, for "already used", the earlier use (when and where).
    A look-up that fails leaves its part out: the verdict is shown anyway."""
    record = earlier = None
    try:
        record = service.record(result.seq) if result.seq is not None else None
        if record is not None and not result.ok:
            earlier = service.earlier_use(record)
    except Exception:  # the extra words are not worth a failure
        pass
    member = scan.member if scan is not None else None
    item = None
    if member is not None and record is not None:
        if record.get("coupon_id"):
            item = next((c for c in member.coupons if str(c.get("id")) == record["coupon_id"]), None)
        elif record.get("gift_id"):
            item = next((g for g in member.gifts if str(g.get("id")) == record["gift_id"]), None)
    pricing = getattr(result, "pricing", None)
    if result.ok and pricing is not None:
        charge = pricing.paid_fen
    else:
        charge = record.get("paid_fen") if result.ok and record else None
    spent = getattr(result, "points_spent", 0) if result.ok else 0
    earned = getattr(result, "points_earned", 0) if result.ok else 0
    balance = None
    if result.ok and getattr(result, "balance_after", None) is not None:
        balance = result.balance_after  # HQ's, once this transaction is captured (online)
    elif member is not None and member.balance is not None:
        balance = max(0, member.balance - spent)
    first_use = getattr(result, "first_use", None)
    if earlier is None and first_use:  # used elsewhere, as HQ saw it (CODE_USED_ONLINE)
        earlier = dict(first_use)
    return VerdictInfo(
        kind,
        bool(result.ok),
        member.masked_id if member else "",
        item,
        charge,
        spent,
        earned,
        balance,
        earlier,
        record,
    )
