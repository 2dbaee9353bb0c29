"""One transaction's receipt, from its journal record (the same lines on first print and reprint)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from .layout import Line, center, two_columns, wrap, yuan
from .words import word

PRINTABLE_KINDS = ("purchase", "coupon", "gift", "backup", "backfill", "void")


@dataclass(frozen=True)
class ReceiptContext:
    merchant_name: str = ""
    merchant_id: str = ""
    terminal_id: str = ""
    masked_member: str = ""  # never the full member id on paper
    item_name: str = ""  # the coupon's or gift's name, in the receipt's language
    new_balance: int | None = None  # the member's balance after this, as this terminal knows it
    pending_sync: bool = True  # not on the server yet
    reprint: bool = False
    voided_by: int | None = None


def _when(ms: Any) -> str:
    if not isinstance(ms, int):
        return "-"
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ms / 1000))


def receipt_lines(
    record: dict[str, Any], ctx: ReceiptContext, lang: str = "zh_CN", width: int = 32
) -> list[Line]:
    """`record`: a journal record body (as TerminalService.log returns it). Amounts in yuan from fen."""
    w = lambda key: word(lang, key)  # noqa: E731
    kind = str(record.get("kind", ""))
    rule = Line("-" * width, "rule")
    lines = [Line(center(w("alliance"), width // 2), "title")]
    if ctx.merchant_name:
        lines.append(Line(center(ctx.merchant_name, width), "center"))
    lines.append(Line(center(w(f"title_{kind}") if kind in PRINTABLE_KINDS else kind, width), "bold"))
    if ctx.reprint:
        lines.append(Line(center(w("reprint"), width), "bold"))
    lines.append(rule)
    lines.append(
        Line(two_columns(w("merchant"), ctx.merchant_id or str(record.get("merchant_id", "")), width))
    )
    lines.append(
        Line(two_columns(w("terminal"), ctx.terminal_id or str(record.get("terminal_id", "")), width))
    )
    lines.append(Line(two_columns(w("time"), _when(record.get("recorded_at")), width)))
    lines.append(Line(two_columns(w("record"), str(record.get("seq", "-")), width)))
    if ctx.masked_member:
        lines.append(Line(two_columns(w("member"), ctx.masked_member, width)))
    if record.get("receipt_ref"):
        lines.append(Line(two_columns(w("receipt_ref"), str(record["receipt_ref"])[:20], width)))
    money = [(k, record.get(k)) for k in ("bill_fen", "discount_fen", "cash_off_fen", "paid_fen")]
    if any(isinstance(v, int) for _, v in money):
        lines.append(rule)
        bill, discount, cash_off, paid = (v if isinstance(v, int) else None for _, v in money)
        if bill is not None:
            lines.append(Line(two_columns(w("bill"), yuan(bill), width)))
        if discount:
            label = w("discount") + (f" {record['discount_pct']}%" if record.get("discount_pct") else "")
            lines.append(Line(two_columns(label, "-" + yuan(discount), width)))
        if cash_off:
            lines.append(Line(two_columns(w("points_off"), "-" + yuan(cash_off), width)))
        if paid is not None:
            lines.append(Line(two_columns(w("paid"), yuan(paid), width), "bold"))
    if kind in ("coupon", "gift") and ctx.item_name:
        lines.append(rule)
        lines += [Line(t) for t in wrap(f"{w(kind)}: {ctx.item_name}", width)]
    if kind == "void":
        lines.append(rule)
        lines.append(Line(two_columns(w("void_of"), f"#{record.get('ref_seq', '-')}", width)))
        if record.get("void_reason"):
            lines += [Line(t) for t in wrap(f"{w('reason')}: {record['void_reason']}", width)]
        if record.get("manager"):
            lines.append(Line(two_columns(w("manager"), str(record["manager"]), width)))
    lines.append(rule)
    spent = int(record.get("points_spent") or record.get("reversed_points_spent") or 0)
    earned = int(record.get("points_earned") or record.get("reversed_points_earned") or 0)
    lines.append(Line(two_columns(w("points_used"), str(spent), width)))
    lines.append(Line(two_columns(w("points_earned"), str(earned), width)))
    if ctx.new_balance is not None:
        lines.append(Line(two_columns(w("balance"), str(ctx.new_balance), width), "bold"))
        lines.append(Line(w("balance_note")))
    if kind == "backup":
        lines.append(Line(w("backup")))
    lines.append(rule)
    if ctx.voided_by:
        lines.append(Line(center(w("voided").replace("%1", str(ctx.voided_by)), width), "bold"))
    lines.append(Line(center(w("offline") if ctx.pending_sync else w("synced"), width)))
    lines.append(Line(center(w("thanks"), width), "center"))
    return lines
