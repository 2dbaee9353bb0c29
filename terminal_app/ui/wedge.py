"""Keyboard-wedge scanners: a USB scanner "types" the code fast and ends with Enter or Tab.

`WedgeScanner` is an application-wide event filter. It buffers printable keys arriving faster
than `max_gap_s` apart (people type slower) and emits `scanned(text)` on Enter / Tab, or after
`idle_s` without a key, when at least `min_len` characters came in. It works when no field has
focus (the keys go to the window, a button or a read-only field); when an editable text field has
focus the keys are left to that field (its own Enter submits it), except fields marked with the
Qt property wedgeAware=True (amount fields): there a fast burst is a scan, not an amount.

Keys are held back while a burst is possible: if fewer than `min_len` arrive before the idle
timeout (a person typing), they are replayed to the widget that was meant to get them, so
keyboard shortcuts and "any key" still work (about `idle_s` later).

Chinese input methods: an active IME turns keystrokes into QInputMethodEvents (composition, then
a commit string) for widgets that accept input methods. Two defences: `ascii_only(field)` switches
input methods off for the fields that only take codes, amounts and PINs (then the keys arrive as
plain key presses whatever the IME state), and the filter also takes the commit strings an IME
delivers (each committed character counts as a keystroke, a whole code committed at once is a
burst). Full-width characters are folded later by the code parser (alliance_protocol.base36).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import isValid

_EDITABLE = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
_SUBMIT = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


def ascii_only(field: QWidget) -> QWidget:
    """No input method on `field` (member codes, amounts, PINs are ASCII): an active Chinese IME
    cannot compose or swallow what a scanner or the cashier types there."""
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhLatinOnly
        | Qt.InputMethodHint.ImhNoPredictiveText
        | Qt.InputMethodHint.ImhPreferUppercase
    )
    return field


class WedgeScanner(QObject):
    scanned = Signal(str)

    def __init__(
        self, window: QWidget, *, min_len: int = 6, max_gap_s: float = 0.05, idle_s: float = 0.12
    ) -> None:
        super().__init__(window)
        self.window = window
        self.min_len = min_len
        self.max_gap_s = max_gap_s
        self.enabled = True
        self._buf: list[str] = []
        self._held: list[tuple[QWidget, QEvent]] = []
        self._replaying = False
        self._last = 0.0
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(int(idle_s * 1000))
        self._idle.timeout.connect(self._flush)

    def install(self) -> None:
        app = QApplication.instance()
        if app is None:
            raise RuntimeError("the wedge scanner needs the QApplication to exist")
        app.installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _flush(self) -> bool:
        text = "".join(self._buf)
        held, self._held = self._held, []
        self._buf.clear()
        if len(text) >= self.min_len:
            self.scanned.emit(text)
            return True
        self._replay(held)
        return False

    def _replay(self, held: list[tuple[QWidget, QEvent]]) -> None:
        self._replaying = True
        try:
            for receiver, ev in held:
                if isValid(receiver):
                    QApplication.sendEvent(receiver, ev)
        finally:
            self._replaying = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind not in (QEvent.Type.KeyPress, QEvent.Type.InputMethod)
            or not self.enabled
            or self._replaying
            or not isinstance(obj, QWidget)
        ):
            return False
        if obj.window() is not self.window:
            return False
        focus = QApplication.focusWidget()
        if (
            isinstance(focus, _EDITABLE)
            and not getattr(focus, "isReadOnly", lambda: False)()
            and not focus.property("wedgeAware")
        ):
            return False  # a free text field (the code field): its own Enter submits
        now = time.monotonic()
        if kind == QEvent.Type.InputMethod:
            assert isinstance(event, QInputMethodEvent)
            return self._input_method(obj, event, now)
        assert isinstance(event, QKeyEvent)
        if event.key() in _SUBMIT:
            self._idle.stop()
            if not self._buf:
                return False
            return self._flush()  # consumed when it completed a scan (else held keys were replayed first)
        text = event.text()
        if (
            not text
            or not text.isprintable()
            or event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            return False
        self._take(
            text,
            obj,
            QKeyEvent(
                event.type(),
                event.key(),
                event.modifiers(),
                event.text(),
                event.isAutoRepeat(),
                event.count(),
            ),
            now,
        )
        return True

    def _take(self, text: str, receiver: QWidget, held: QEvent, now: float) -> None:
        if self._buf and now - self._last > self.max_gap_s:
            old, self._held = self._held, []  # too slow for a scanner: a person typed those
            self._buf.clear()
            self._replay(old)
        self._buf.append(text)
        self._held.append((receiver, held))
        self._last = now
        self._idle.start()

    def _input_method(self, obj: QWidget, event: QInputMethodEvent, now: float) -> bool:
        """An IME's commit: the scanner's characters after the input method had them. Composition
        updates (pre-edit only) are left to the IME and the widget."""
        text = event.commitString()
        if not text or event.preeditString():
            return False
        ends = text[-1] in "\r\n\t"
        text = text.rstrip("\r\n\t")
        if not text.isprintable():
            return False
        copy = QInputMethodEvent("", [])
        copy.setCommitString(text)
        self._take(text, obj, copy, now)
        if ends:
            self._idle.stop()
            return self._flush() or True
        return True
