"""Printable receipt text for a finished transaction (plain text, fixed width, both languages)."""

from __future__ import annotations

import time
from typing import Any

from alliance_protocol.reasons import message

WIDTH = 32


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def receipt_text(result: Any, *, terminal_id: str = "", masked_id: str = "", title: str = "",
                 at: float | None = None) -> str:
    """`result`: a TxnResult. Amounts in yuan from integer fen; never floats."""
    lines = ["=" * WIDTH, "联盟积分 / Alliance points".center(WIDTH), "=" * WIDTH]
    lines.append(time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at if at is not None else time.time())))
    if terminal_id:
        lines.append(f"终端 Terminal: {terminal_id}")
    if result.seq is not None:
        lines.append(f"流水 Record #: {result.seq}")
    if masked_id:
        lines.append(f"会员 Member: {masked_id}")
    if title:
        lines.append(title)
    p = getattr(result, "pricing", None)
    if p is not None:
        lines += ["-" * WIDTH,
                  f"消费 Bill           {_yuan(p.bill_fen):>10}",
                  f"折扣 Discount {p.discount_pct:>3}% {_yuan(p.discount_fen):>10}",
                  f"积分抵现 Points off  {_yuan(p.cash_off_fen):>10}",
                  f"实付 Paid           {_yuan(p.paid_fen):>10}"]
    lines += ["-" * WIDTH,
              f"使用积分 Points used {getattr(result, 'points_spent', 0):>10}",
              f"获得积分 Points earned {getattr(result, 'points_earned', 0):>8}",
              "-" * WIDTH]
    m = message(result.reason)
    lines += [m.zh, m.en, "=" * WIDTH]
    return "\n".join(lines) + "\n"
