"""On-screen numeric keypad (touch counters): emits the key pressed; never takes focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

KEYS = ["7", "8", "9", "4", "5", "6", "1", "2", "3", ".", "0", "⌫"]


class Keypad(QWidget):
    key = Signal(str)  # a digit, ".", "back" or "clear"

    def __init__(self, parent: QWidget | None = None, *, with_dot: bool = True) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for i, k in enumerate(KEYS):
            b = QPushButton(k)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setMinimumSize(64, 48)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            b.setStyleSheet("font-size: 22px;")
            name = "back" if k == "⌫" else k
            b.clicked.connect(lambda _=False, n=name: self.key.emit(n))
            if k == "." and not with_dot:
                b.setEnabled(False)
            grid.addWidget(b, i // 3, i % 3)
            self.buttons[name] = b
        self.clear_button = QPushButton()
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.setMinimumHeight(48)
        self.clear_button.clicked.connect(lambda: self.key.emit("clear"))
        grid.addWidget(self.clear_button, 4, 0, 1, 3)
        self.buttons["clear"] = self.clear_button
        self.retranslate()

    def retranslate(self) -> None:
        self.clear_button.setText(self.tr("Clear"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def apply_key(field: QLineEdit, key: str) -> None:
    """Edit `field` as the keypad key says (the field's validator still applies)."""
    text = field.text()
    if key == "clear":
        new = ""
    elif key == "back":
        new = text[:-1]
    else:
        new = text + key
    validator = field.validator()
    if validator is not None and new:
        from PySide6.QtGui import QValidator

        state = validator.validate(new, len(new))
        state = state[0] if isinstance(state, tuple) else state
        if state == QValidator.State.Invalid:
            return
    field.setText(new)
