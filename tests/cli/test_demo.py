"""`make demo` runs scripts/demo.py: it must complete headless, and open both windows with a display."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import demo


def test_demo_runs_headless_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert demo.main(["--no-gui", "--dir", str(tmp_path / "demo")]) == 0
    out = re.sub(r"\x1b\[\d+m", "", capsys.readouterr().out)
    assert "terminal M-CAFE-T1" in out and "certificate serial" in out
    assert re.search(r"purchase\s+OK", out)
    assert "CODE_REPLAYED" in out
    synced = re.search(r"synced (\d+) record\(s\); HQ balance of member 10002: (\d+) points", out)
    assert synced and int(synced.group(1)) >= 2
    # 30,000 demo points - 1,000 spent + 110 earned on a 150.00 bill at gold (20 % off, 10.00 off in points)
    assert int(synced.group(2)) == 30_000 - 1_000 + 110


GUI_RUN = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
titles = []
def look_and_quit():
    titles.extend(w.windowTitle() for w in app.topLevelWidgets() if w.isVisible())
    for w in app.topLevelWidgets():
        if hasattr(w, "confirm_close"):
            w.confirm_close = False
    app.quit()
QTimer.singleShot(3000, look_and_quit)
from scripts import demo
rc = demo.main(["--gui", "--camera", "virtual", "--dir", sys.argv[1]])
print("TITLES " + json.dumps(titles, ensure_ascii=False))
sys.exit(rc)
"""


def test_demo_opens_the_counter_app_and_the_wallet_window(tmp_path: Path) -> None:
    """In its own process: the demo runs the Qt event loop to the end, which a shared test
    process must not do."""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", GUI_RUN, str(tmp_path / "demo")], capture_output=True,
                            text=True, timeout=180, env=env, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(l for l in result.stdout.splitlines() if l.startswith("TITLES "))
    titles = json.loads(line[len("TITLES "):])
    assert any("10002" in t for t in titles)  # the wallet window
    assert len(titles) >= 2  # and the counter app
