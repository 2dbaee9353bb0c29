"""Manager sign-in (inline page): who is signing in, their PIN on a keypad, and what the check said.

The page never checks a PIN itself: it emits `submitted(manager_id, pin)`; the window has it
checked off the UI thread (terminal_app.core.managers: slow hash, persisted lockout) and hands
the PinCheck back to `show_check`. `accepted(Manager)` follows a right PIN."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..i18n import reason_text
from ..wedge import ascii_only
from .keypad import Keypad, apply_key


class PinPage(QWidget):
    accepted = Signal(object)  # Manager
    cancelled = Signal()
    submitted = Signal(int, str)  # manager id, PIN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.failures = 0
        self.check = None  # the last PinCheck (its words follow the language)
        self.managers: list = []
        self.title = QLabel()
        self.title.setObjectName("pinTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who_label = QLabel()
        self.who = QComboBox()
        self.who.setObjectName("managerCombo")
        self.field = QLineEdit()
        self.field.setObjectName("pinField")
        ascii_only(self.field)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\d{0,12}$"), self.field))
        self.field.setMinimumHeight(56)
        self.field.returnPressed.connect(self.submit)
        self.error = QLabel()
        self.error.setObjectName("pinError")
        self.error.setWordWrap(True)
        self.error.setFixedHeight(64)  # one line or two: the keypad below does not move
        self.keypad = Keypad(with_dot=False)
        self.keypad.key.connect(lambda k: apply_key(self.field, k))
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("pinOk")
        self.ok_button.setMinimumHeight(56)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton()
        self.cancel_button.setMinimumHeight(56)
        self.cancel_button.clicked.connect(self._cancel)
        who_row = QHBoxLayout()
        who_row.addWidget(self.who_label)
        who_row.addWidget(self.who, 1)
        row = QHBoxLayout()
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button, 2)
        box = QVBoxLayout()
        box.addWidget(self.title)
        box.addLayout(who_row)
        box.addWidget(self.field)
        box.addWidget(self.error)
        box.addWidget(self.keypad, 1)
        box.addLayout(row)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 2)
        outer.addStretch(1)
        self.purpose = ""
        self.checking = False
        self.retranslate()

    def open(self, purpose: str = "") -> None:
        self.purpose = purpose
        self.field.clear()
        self.check = None
        self.checking = False
        self.ok_button.setEnabled(True)
        self.retranslate()
        self.field.setFocus()

    def set_managers(self, managers: list, preselect: int | None = None) -> None:
        current = preselect if preselect is not None else self.who.currentData()
        self.managers = list(managers)
        self.who.clear()
        for m in self.managers:
            self.who.addItem(m.name, m.id)
        index = self.who.findData(current)
        self.who.setCurrentIndex(index if index >= 0 else 0)

    def submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        manager_id = self.who.currentData()
        if self.checking or manager_id is None or not pin:
            return
        self.checking = True
        self.ok_button.setEnabled(False)
        self.submitted.emit(int(manager_id), pin)

    def show_check(self, check) -> None:
        self.checking = False
        self.ok_button.setEnabled(True)
        if check.ok:
            self.failures = 0
            self.check = None
            self.retranslate()
            self.accepted.emit(check.manager)
            return
        self.failures += 1
        self.check = check
        self.retranslate()
        self.field.setFocus()

    def check_text(self) -> str:
        c = self.check
        if c is None:
            return ""
        text = reason_text(c.reason)
        if c.reason.value == "PIN_WRONG" and c.attempts_left:
            text += " " + self.tr("(%1 more tries before this manager is locked)").replace(
                "%1", str(c.attempts_left)
            )
        elif c.reason.value == "PIN_LOCKED" and c.locked_until:
            text += " " + self.tr("Locked until %1; another manager can unlock.").replace(
                "%1", time.strftime("%H:%M", time.localtime(c.locked_until))
            )
        return text

    def _cancel(self) -> None:
        self.field.clear()
        self.check = None
        self.cancelled.emit()

    def retranslate(self) -> None:
        self.title.setText(
            self.tr("Manager sign-in")
            if self.purpose != "exit_kiosk"
            else self.tr("Manager PIN to leave full screen")
        )
        self.who_label.setText(self.tr("Manager"))
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.error.setText(self.check_text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
