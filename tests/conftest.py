"""Root test configuration shared by every test package."""

from __future__ import annotations

import os

# Real Qt widgets, rendered offscreen: no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
