"""Fixed-width lines for a receipt printer (and the same text on screen): a Han character or a
full-width sign takes two cells, so columns line up in Chinese."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    text: str
    style: str = "normal"  # "normal", "bold", "title" (double size, centred), "center", "rule"


def cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


def cut(text: str, width: int) -> str:
    out, used = "", 0
    for c in text:
        w = cells(c)
        if used + w > width:
            break
        out, used = out + c, used + w
    return out


def two_columns(label: str, value: str, width: int) -> str:
    """`label` on the left, `value` right-aligned, in `width` cells (the label is cut if it must be)."""
    room = width - cells(value) - 1
    label = cut(label, max(0, room))
    return label + " " * max(1, width - cells(label) - cells(value)) + value


def center(text: str, width: int) -> str:
    text = cut(text, width)
    left = (width - cells(text)) // 2
    return " " * left + text


def wrap(text: str, width: int) -> list[str]:
    lines, line, used = [], "", 0
    for c in text:
        w = cells(c)
        if used + w > width:
            lines.append(line.rstrip())
            line, used = "", 0
            if c == " ":
                continue
        line, used = line + c, used + w
    if line:
        lines.append(line.rstrip())
    return lines or [""]


def yuan(fen: int | None) -> str:
    if fen is None:
        return "-"
    sign = "-" if fen < 0 else ""
    fen = abs(int(fen))
    return f"{sign}{fen // 100}.{fen % 100:02d}"
