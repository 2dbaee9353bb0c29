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


def test_demo_opens_the_counter_app_and_the_wallet_window(qtbot, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: dict[str, list[str]] = {}

    def look_and_quit() -> None:
        seen["titles"] = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
        for w in QApplication.topLevelWidgets():
            if hasattr(w, "confirm_close"):
                w.confirm_close = False
        QApplication.instance().quit()

    QTimer.singleShot(2500, look_and_quit)
    assert demo.main(["--gui", "--camera", "virtual", "--dir", str(tmp_path / "demo")]) == 0
    titles = " | ".join(seen.get("titles", []))
    assert "10002" in titles  # the wallet window
    assert len(seen["titles"]) >= 2  # and the counter app
