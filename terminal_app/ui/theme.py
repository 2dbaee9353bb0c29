"""The counter app's one look: colours, type sizes, spacing, focus ring, touch targets.

Legible from a distance (18 px base type, 22-28 px for amounts), usable with a finger (every
button, field, list row and tab at least TOUCH_PX high) and with the keyboard alone (a thick
focus ring on whatever has the focus). Widgets carry object names and properties
(`kind`, `invalid`, `notice`, `armed`, `state`) that the sheet styles; views set no colours of
their own except the verdict's and the customer display's background.
"""

from __future__ import annotations

TOUCH_PX = 48

INK = "#1d2733"  # text
MUTED = "#5b6776"
PAPER = "#f4f6f9"  # window background
CARD = "#ffffff"
LINE = "#c9d1dc"
PRIMARY = "#0b5cad"  # confirm, focus
PRIMARY_DARK = "#084580"
DANGER = "#b3261e"
WARN_BG = "#fff4d6"
WARN_LINE = "#d79b00"
OK = "#1b7a36"
FOCUS = "#f0a500"  # the focus ring: amber, visible on blue, white and grey

SHEET = f"""
QMainWindow, QDialog, QMessageBox {{ background: {PAPER}; }}
QWidget {{ color: {INK}; font-size: 18px; }}
QLabel {{ background: transparent; }}
QPushButton {{
    min-height: {TOUCH_PX - 10}px; padding: 4px 18px; border: 1px solid {LINE}; border-radius: 8px;
    background: {CARD}; font-size: 18px;
}}
QPushButton:hover {{ border-color: {PRIMARY}; }}
QPushButton:pressed {{ background: #dde7f3; }}
QPushButton:checked {{
    background: {PRIMARY};
    color: white;
    border-color: {PRIMARY_DARK};
    font-weight: bold;
}}
QPushButton:disabled {{ color: #9aa5b1; background: #eceff3; border-color: #dde2e8; }}
QPushButton:focus, QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QCheckBox:focus, QListWidget:focus,
QTableWidget:focus, QPlainTextEdit:focus {{ border: 3px solid {FOCUS}; }}
QPushButton#confirmButton, QPushButton#pinOk, QPushButton#backupConfirm, QPushButton#voidConfirm,
QPushButton#applySettings {{
    background: {PRIMARY}; color: white; border-color: {PRIMARY_DARK}; font-weight: bold; font-size: 22px;
}}
QPushButton#confirmButton:disabled, QPushButton#backupConfirm:disabled, QPushButton#voidConfirm:disabled {{
    background: #9fb8d3; color: #eef3f8; border-color: #9fb8d3;
}}
QPushButton#voidButton, QPushButton#quitApp, QPushButton#quitAnyway {{
    color: {DANGER};
    border-color: {DANGER};
}}
QPushButton#closeShiftButton[armed="true"] {{ background: {DANGER}; color: white; border-color: {DANGER}; }}
QPushButton#takeOffer {{
    background: {WARN_LINE};
    color: black;
    border-color: {WARN_LINE};
    font-weight: bold;
}}
QLineEdit, QComboBox, QSpinBox {{
    min-height: {TOUCH_PX - 8}px; padding: 3px 8px; border: 1px solid {LINE}; border-radius: 6px;
    background: {CARD};
}}
QLineEdit[invalid="true"] {{ border: 3px solid {DANGER}; background: #fdeceb; }}
QComboBox QAbstractItemView {{ font-size: 18px; }}
QComboBox QAbstractItemView::item {{ min-height: {TOUCH_PX}px; }}
QCheckBox {{ min-height: {TOUCH_PX}px; spacing: 12px; }}
QCheckBox::indicator {{ width: 30px; height: 30px; }}
QListWidget, QTableWidget, QPlainTextEdit {{
    background: {CARD};
    border: 1px solid {LINE};
    border-radius: 6px;
}}
QListWidget::item {{ min-height: {TOUCH_PX}px; padding: 0 8px; }}
QListWidget::item:selected, QTableWidget::item:selected {{ background: {PRIMARY}; color: white; }}
QHeaderView::section {{ background: #e6ebf1; padding: 6px; border: none; font-weight: bold; }}
QTabBar::tab {{ min-height: {TOUCH_PX}px; min-width: 120px; padding: 0 18px; font-size: 18px; }}
QTabBar::tab:selected {{ background: {CARD}; border-bottom: 4px solid {PRIMARY}; font-weight: bold; }}
QTabBar::tab:focus {{ border: 3px solid {FOCUS}; }}
QGroupBox {{
    border: 1px solid {LINE};
    border-radius: 8px;
    margin-top: 18px;
    padding: 10px;
    background: {CARD};
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; font-weight: bold; }}
QStatusBar {{ background: #e6ebf1; font-size: 16px; }}
QStatusBar QLabel {{ padding: 0 10px; font-size: 16px; }}
QLabel#statusOnline[state="online"] {{ color: {OK}; font-weight: bold; }}
QLabel#statusOnline[state="offline"] {{ color: #a05a00; font-weight: bold; }}
QLabel#statusOnline[state="connecting"] {{ color: {MUTED}; }}
QLabel#readyTitle {{ font-size: 40px; font-weight: bold; padding: 12px; }}
QLabel#pinTitle {{ font-size: 28px; font-weight: bold; }}
QLabel#pinError, QLabel[kind="error"] {{ color: {DANGER}; font-weight: bold; }}
QLabel#pinWarning {{ color: #8a5a00; }}
QLabel#signedIn {{ font-weight: bold; font-size: 20px; }}
QLabel#quoteLabel {{
    font-size: 20px;
    background: {CARD};
    border: 1px solid {LINE};
    border-radius: 6px;
    padding: 8px;
}}
QFrame#noticeStrip {{ border-radius: 8px; background: transparent; }}
QFrame#noticeStrip[notice="offer"], QFrame#noticeStrip[notice="rejected"],
QFrame#noticeStrip[notice="replaced"] {{
    background: {WARN_BG}; border: 2px solid {WARN_LINE};
}}
QLabel#noticeText {{ font-size: 18px; }}
QPlainTextEdit[monospace="true"] {{
    font-family: "Noto Sans Mono CJK SC", "Sarasa Mono SC", monospace;
    font-size: 17px;
}}
"""
