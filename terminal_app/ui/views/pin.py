"""Manager PIN entry (inline page, keypad + field). The caller says what the PIN unlocks."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..wedge import ascii_only
from .keypad import Keypad, apply_key


class PinPage(QWidget):
    accepted = Signal()
    cancelled = Signal()

    def __init__(self, check: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.failures = 0
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 28px; font-weight: bold;")
        self.field = QLineEdit()
        self.field.setObjectName("pinField")
        ascii_only(self.field)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\d{0,12}$"), self.field))
        self.field.setMinimumHeight(48)
        self.field.setStyleSheet("font-size: 28px;")
        self.field.returnPressed.connect(self.submit)
        self.error = QLabel()
        self.error.setObjectName("pinError")
        self.error.setStyleSheet("color: #c0182b; font-size: 18px;")
        self.keypad = Keypad(with_dot=False)
        self.keypad.key.connect(lambda k: apply_key(self.field, k))
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("pinOk")
        self.ok_button.setMinimumHeight(52)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton()
        self.cancel_button.setMinimumHeight(52)
        self.cancel_button.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button, 2)
        box = QVBoxLayout()
        box.addWidget(self.title)
        box.addWidget(self.field)
        box.addWidget(self.error)
        box.addWidget(self.keypad, 1)
        box.addLayout(row)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 2)
        outer.addStretch(1)
        self.purpose = ""
        self.retranslate()

    def open(self, purpose: str = "") -> None:
        self.purpose = purpose
        self.field.clear()
        self.error.clear()
        self.field.setFocus()

    def submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if self.check(pin):
            self.failures = 0
            self.error.clear()
            self.accepted.emit()
        else:
            self.failures += 1
            self.error.setText(self.tr("Wrong PIN"))

    def _cancel(self) -> None:
        self.field.clear()
        self.cancelled.emit()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Manager PIN"))
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.error.text():
            self.error.setText(self.tr("Wrong PIN"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
