"""Root test configuration shared by every test package."""

from __future__ import annotations

import os

# Real Qt widgets, rendered offscreen: no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# PySide6 6.12 on Python 3.11 leaks a reference to None per void Qt call; a long test run would
# abort ("none_dealloc"). Applied once for the whole session, before any Qt test runs.
from terminal_app.ui.qtfix import protect_none  # noqa: E402

protect_none()
