"""In Chinese, no visible widget text is left in English: every user-visible string goes
through the translation system (or is data: codes, amounts, names)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from .helpers import dismiss, fresh_code, keypad, scan_by_field, sign_in, wait_verdict

# data and proper names that are the same in every language
ALLOWED = {
    "UI",
    "English",
    "zxing",
    "pyzbar",
    "CSV",
    "PIN",
    "QR",
    "YYYY",
    "MM",
    "DD",
    "HH",
    "Z",
    "X",
    "USB",
    "dev",
    "ttyUSB",
}
CODE_EXCERPT = re.compile(r"[0-9A-Z]+…[0-9A-Z]+")  # the start and end of a member code (data)
WORD = re.compile(r"[A-Za-z]{2,}")


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QPlainTextEdit):
            texts.append(w.toPlainText())
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            texts += [
                w.horizontalHeaderItem(i).text() for i in range(w.columnCount()) if w.horizontalHeaderItem(i)
            ]
            texts += [w.item(r, c).text() for r in range(w.rowCount()) for c in (2, 3, 4) if w.item(r, c)]
    return texts


def english_words(texts: list[str]) -> list[str]:
    return [t for t in texts for word in WORD.findall(CODE_EXCERPT.sub("", t)) if word not in ALLOWED]


def test_every_page_in_chinese_has_no_english_left(qtbot, window, member):
    w = window
    w.set_language("zh_CN")
    seen = visible_texts(w)  # ready to scan
    scan_by_field(qtbot, w, fresh_code(member))
    keypad(qtbot, w.cashier.transaction.keypad, "100")
    qtbot.waitUntil(lambda: w.cashier.transaction.pricing is not None, timeout=3000)
    for mode in ("earn", "spend", "coupon", "gift"):
        qtbot.mouseClick(w.cashier.transaction.mode_buttons[mode], Qt.MouseButton.LeftButton)
        seen += visible_texts(w)
    qtbot.mouseClick(w.cashier.transaction.mode_buttons["earn"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    seen += [t for t in visible_texts(w) if t != w.verdict.other.text()]  # the other language, on purpose
    dismiss(qtbot, w)
    w.ask_pin("manager")
    qtbot.waitUntil(lambda: w.pin.who.count() > 0, timeout=5000)
    seen += visible_texts(w)
    sign_in(qtbot, w)
    qtbot.waitUntil(lambda: len(w.manager.log.rows) >= 1, timeout=5000)
    w.manager.log.select_seq(w.manager.log.rows[0]["seq"])
    for i in range(w.manager.tabs.count()):
        w.manager.tabs.setCurrentIndex(i)
        qtbot.wait(50)
        seen += visible_texts(w)
    assert english_words(seen) == [], english_words(seen)
