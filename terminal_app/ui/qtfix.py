"""Work around PySide6 6.12 on CPython 3.11: its void methods return None without a new reference.

Every `label.setText(...)`, `processEvents()` etc. then takes one reference from None; on 3.11
(where None is not yet immortal, PEP 683) None's count reaches zero after some tens of thousands
of calls and the interpreter aborts ("Fatal Python error: none_dealloc"). A counter app that runs
a whole shift would crash. `protect_none()` detects the leak and gives None a very large reference
count once (what 3.12 does by making None immortal); it does nothing where there is no leak.
True and False get the same treatment: the values Python overrides such as eventFilter() return
lose references the same way ("Fatal Python error: bool_dealloc").
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40
_done = False


def none_leaks_per_call() -> int:
    """References to None lost per void Qt call (0 on a correct binding)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    return max(0, round((before - sys.getrefcount(None)) / 100))


def protect_none() -> bool:
    """Returns True if the workaround was applied."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _done
    if none_leaks_per_call() == 0:
        return False
    # ob_refcnt is the first field of every CPython object
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    _done = True
    return True
