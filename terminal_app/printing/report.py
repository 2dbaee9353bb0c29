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


def report_rows(report, lang: str = "zh_CN", printed_at: float | None = None) -> list[tuple]:
    """The report as rows: ("title", text), ("center", text), ("rule",), ("pair", label, value, bold),
    ("text", text). `report_lines` lays them out for paper, `report_html` for the screen."""
    w = lambda key: word(lang, key)  # noqa: E731
    t = report.totals
    rows: list[tuple] = [("title", w("x_title" if report.kind == "X" else "z_title"))]
    if report.merchant_name:
        rows.append(("center", report.merchant_name))
    rows.append(("rule",))
    rows += [
        ("pair", w("merchant"), report.merchant_id, False),
        ("pair", w("terminal"), report.terminal_id, False),
        ("pair", w("shift"), str(report.shift), False),
        ("pair", w("closed_by" if report.kind == "Z" else "printed_by"), report.manager or "-", False),
        ("text", f"{w('period')}: {_when(report.period_from)}"),
        ("text", f"{' ' * 4}{w('to')} {_when(report.period_to)}"),
    ]
    if report.kind == "Z" and report.seq is not None:
        rows.append(("pair", w("z_record"), f"#{report.seq}", False))
    rows.append(("rule",))
    money = [
        (w("bills_total"), yuan(t.get("bill_fen", 0))),
        (w("discounts_total"), yuan(t.get("discount_fen", 0))),
        (w("points_off_total"), yuan(t.get("cash_off_fen", 0))),
        (w("paid_total"), yuan(t.get("paid_fen", 0))),
        (w("earned_total"), str(t.get("points_earned", 0))),
        (w("spent_total"), str(t.get("points_spent", 0))),
        (w("voids"), str(t.get("voids", 0))),
        (w("rejected"), str(t.get("rejected", 0))),
        (w("records"), str(t.get("records", 0))),
    ]
    if report.queued is not None:
        money.append((w("queued"), str(report.queued)))
    rows += [("pair", name, value, i == 3) for i, (name, value) in enumerate(money)]
    rows += [("rule",), ("text", w("counts"))]
    counts = t.get("counts") or {}
    if not counts:
        rows.append(("text", "  " + w("no_records")))
    for key, n in sorted(counts.items()):
        rows.append(("pair", "  " + count_label(lang, key), str(n), False))
    rows += [
        ("rule",),
        ("pair", w("printed_at"), _when(int(printed_at if printed_at is not None else time.time())), False),
        ("text", ""),
        ("sign", w("signature")),
    ]
    return rows


def report_lines(report, lang: str = "zh_CN", width: int = 32, printed_at: float | None = None) -> list[Line]:
    """`report`: terminal_app.core.reports.ShiftReport, laid out in `width` cells (paper, text files)."""
    lines = []
    for row in report_rows(report, lang, printed_at):
        kind = row[0]
        if kind == "title":
            lines.append(Line(center(row[1], width // 2), "title"))
        elif kind == "center":
            lines.append(Line(center(row[1], width), "center"))
        elif kind == "rule":
            lines.append(Line("-" * width, "rule"))
        elif kind == "pair":
            lines.append(Line(two_columns(row[1], row[2], width), "bold" if row[3] else "normal"))
        elif kind == "sign":
            lines.append(Line(row[1] + "_" * max(4, width - 12)))
        else:
            lines.append(Line(row[1]))
    return lines


def report_html(report, lang: str = "zh_CN", printed_at: float | None = None) -> str:
    """The same report for the screen: a two-column table (aligned whatever the font)."""
    from html import escape

    out = ['<table width="100%" cellspacing="0" cellpadding="3">']
    for row in report_rows(report, lang, printed_at):
        kind = row[0]
        if kind == "title":
            out.append(
                f'<tr><td colspan="2" align="center"><b style="font-size:24px">{escape(row[1])}</b></td></tr>'
            )
        elif kind == "center":
            out.append(f'<tr><td colspan="2" align="center">{escape(row[1])}</td></tr>')
        elif kind == "rule":
            out.append('<tr><td colspan="2"><hr/></td></tr>')
        elif kind == "pair":
            label, value = escape(row[1].strip()), escape(row[2])
            indent = "&nbsp;" * 4 if row[1].startswith(" ") else ""
            if row[3]:
                label, value = f"<b>{label}</b>", f"<b>{value}</b>"
            out.append(f'<tr><td>{indent}{label}</td><td align="right">{value}</td></tr>')
        elif kind == "sign":
            out.append(f'<tr><td colspan="2"><br/>{escape(row[1])} ____________________</td></tr>')
        else:
            out.append(f'<tr><td colspan="2">{escape(row[1]).replace("  ", "&nbsp;&nbsp;")}</td></tr>')
    out.append("</table>")
    return "".join(out)
