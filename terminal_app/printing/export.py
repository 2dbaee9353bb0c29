"""The journal as a spreadsheet a manager hands in: words and yuan for people, raw fields for machines.

    data = log_csv(rows, lang="zh_CN")     # bytes: UTF-8 with a BOM (Excel on a Chinese Windows reads it)

Columns: first the human ones in the language asked (local time, kind and status in words, the
reason's message, amounts in yuan), then the machine fields as they are in the signed records
(epoch milliseconds, fen, codes). Text a spreadsheet would run as a formula is quoted.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterable
from typing import Any

from alliance_protocol.reasons import Reason, message

from .layout import yuan
from .words import word

HUMAN = (
    "record",
    "time",
    "kind",
    "status",
    "reason",
    "member",
    "bill",
    "discount",
    "points_off",
    "paid",
    "points_used",
    "points_earned",
    "coupon",
    "gift",
    "receipt_ref",
    "void_of",
    "voided_by",
    "manager",
    "void_reason",
    "decided_by",
)
HEADERS = {
    "zh_CN": {
        "record": "流水号",
        "time": "时间",
        "kind": "类型",
        "status": "状态",
        "reason": "原因",
        "member": "会员号",
        "bill": "消费金额(元)",
        "discount": "折扣(元)",
        "points_off": "积分抵现(元)",
        "paid": "实付(元)",
        "points_used": "使用积分",
        "points_earned": "获得积分",
        "coupon": "优惠券",
        "gift": "礼品",
        "receipt_ref": "小票号",
        "void_of": "作废的记录",
        "voided_by": "被作废(记录)",
        "manager": "店长",
        "void_reason": "作废原因",
        "decided_by": "决定方式",
    },
    "en": {
        "record": "Record",
        "time": "Time",
        "kind": "Kind",
        "status": "Status",
        "reason": "Reason",
        "member": "Member",
        "bill": "Bill (yuan)",
        "discount": "Discount (yuan)",
        "points_off": "Points as cash (yuan)",
        "paid": "Paid (yuan)",
        "points_used": "Points used",
        "points_earned": "Points earned",
        "coupon": "Coupon",
        "gift": "Gift",
        "receipt_ref": "Receipt",
        "void_of": "Voids record",
        "voided_by": "Voided by record",
        "manager": "Manager",
        "void_reason": "Void reason",
        "decided_by": "Decided by",
    },
}
MACHINE = (
    "seq",
    "recorded_at",
    "day",
    "shift",
    "kind",
    "status",
    "reason",
    "member_id",
    "bill_fen",
    "discount_fen",
    "cash_off_fen",
    "paid_fen",
    "points_spent",
    "points_earned",
    "coupon_id",
    "gift_id",
    "receipt_ref",
    "ref_seq",
    "voided_by",
    "manager",
    "manager_id",
    "void_reason",
    "decided_by",
    "auth_id",
    "hash",
)


def _safe(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _reason(lang: str, code: Any) -> str:
    if code not in Reason.__members__:
        return str(code or "")
    m = message(Reason(code))
    return m.zh if lang == "zh_CN" else m.en


def path_word(lang: str, r: dict[str, Any]) -> str:
    """Which path decided a purchase, coupon or gift, in words ("" for other kinds): a record from
    before online authorisation says nothing, so it was decided offline."""
    if r.get("kind") not in ("purchase", "coupon", "gift"):
        return ""
    return word(lang, "s_" + str(r.get("decided_by") or "offline"))


def human_row(r: dict[str, Any], lang: str, names: dict[str, str] | None = None) -> list[Any]:
    """`names`: coupon/gift id -> name in `lang` (from the catalogue), else the id is shown."""
    names = names or {}
    money = lambda k: yuan(r[k]) if isinstance(r.get(k), int) else ""  # noqa: E731
    at = r.get("recorded_at")
    return [
        r.get("seq"),
        time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at / 1000)) if isinstance(at, int) else "",
        word(lang, f"k_{r.get('kind')}"),
        word(lang, f"s_{r.get('status')}"),
        _reason(lang, r.get("reason")),
        r.get("member_id"),
        money("bill_fen"),
        money("discount_fen"),
        money("cash_off_fen"),
        money("paid_fen"),
        r.get("points_spent") or 0,
        r.get("points_earned") or 0,
        names.get(str(r.get("coupon_id")), r.get("coupon_id")) if r.get("coupon_id") else "",
        names.get(str(r.get("gift_id")), r.get("gift_id")) if r.get("gift_id") else "",
        r.get("receipt_ref"),
        r.get("ref_seq"),
        r.get("voided_by"),
        r.get("manager"),
        r.get("void_reason"),
        path_word(lang, r),
    ]


def log_csv(
    rows: Iterable[dict[str, Any]], lang: str = "zh_CN", names: dict[str, str] | None = None
) -> bytes:
    headers = HEADERS.get(lang, HEADERS["zh_CN"])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([headers[k] for k in HUMAN] + list(MACHINE))
    for r in rows:
        writer.writerow([_safe(v) for v in human_row(r, lang, names)] + [_safe(r.get(k)) for k in MACHINE])
    return out.getvalue().encode("utf-8-sig")
