"""X and Z shift reports as fixed-width lines (printed, exported, and shown on screen alike)."""

from __future__ import annotations

import time

from .layout import Line, center, two_columns, yuan
from .words import word


def _when(ts: int | None) -> str:
    return "-" if ts is None else time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))


def count_label(lang: str, key: str) -> str:
    kind, _, status = key.partition(":")
    return f"{word(lang, 'k_' + kind)} · {word(lang, 's_' + status)}" if status else word(lang, "k_" + kind)


def report_lines(report, lang: str = "zh_CN", width: int = 32, printed_at: float | None = None) -> list[Line]:
    """`report`: terminal_app.core.reports.ShiftReport."""
    w = lambda key: word(lang, key)  # noqa: E731
    t = report.totals
    rule = Line("-" * width, "rule")
    lines = [Line(center(w("x_title" if report.kind == "X" else "z_title"), width // 2), "title")]
    if report.merchant_name:
        lines.append(Line(center(report.merchant_name, width), "center"))
    lines.append(rule)
    lines += [Line(two_columns(w("merchant"), report.merchant_id, width)),
              Line(two_columns(w("terminal"), report.terminal_id, width)),
              Line(two_columns(w("shift"), str(report.shift), width)),
              Line(two_columns(w("closed_by" if report.kind == "Z" else "printed_by"), report.manager or "-", width)),
              Line(f"{w('period')}: {_when(report.period_from)}"),
              Line(f"{' ' * 4}{w('to')} {_when(report.period_to)}")]
    if report.kind == "Z" and report.seq is not None:
        lines.append(Line(two_columns(w("z_record"), f"#{report.seq}", width)))
    lines.append(rule)
    rows = [(w("bills_total"), yuan(t.get("bill_fen", 0))), (w("discounts_total"), yuan(t.get("discount_fen", 0))),
            (w("points_off_total"), yuan(t.get("cash_off_fen", 0))), (w("paid_total"), yuan(t.get("paid_fen", 0))),
            (w("earned_total"), str(t.get("points_earned", 0))), (w("spent_total"), str(t.get("points_spent", 0))),
            (w("voids"), str(t.get("voids", 0))), (w("rejected"), str(t.get("rejected", 0))),
            (w("records"), str(t.get("records", 0)))]
    if report.queued is not None:
        rows.append((w("queued"), str(report.queued)))
    lines += [Line(two_columns(name, value, width), "bold" if i == 3 else "normal") for i, (name, value) in enumerate(rows)]
    lines.append(rule)
    lines.append(Line(w("counts")))
    counts = t.get("counts") or {}
    if not counts:
        lines.append(Line("  " + w("no_records")))
    for key, n in sorted(counts.items()):
        lines.append(Line(two_columns("  " + count_label(lang, key), str(n), width)))
    lines.append(rule)
    lines.append(Line(two_columns(w("printed_at"), _when(int(printed_at if printed_at is not None else time.time())),
                                  width)))
    lines.append(Line(""))
    lines.append(Line(w("signature") + "_" * max(4, width - 12)))
    return lines
