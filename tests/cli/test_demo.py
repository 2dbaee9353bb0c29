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
QTimer.singleShot(int(sys.argv[2]) if len(sys.argv) > 2 else 3000, look_and_quit)
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
    result = subprocess.run(
        [sys.executable, "-c", GUI_RUN, str(tmp_path / "demo")],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("TITLES "))
    titles = json.loads(line[len("TITLES ") :])
    assert any("10002" in t for t in titles)  # the wallet window
    assert len(titles) >= 2  # and the counter app


def _free_display() -> int:
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number")


def test_demo_windows_start_under_a_real_x_server(tmp_path: Path) -> None:
    """Xvfb + a window manager (openbox) + xdotool: the demo's three windows are mapped on a real X
    display (Qt's xcb plugin, not offscreen), the counter app gets the focus, and a screenshot of
    the screen is taken (import -window root)."""
    import os
    import shutil
    import subprocess
    import sys
    import time

    tools = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "import": "imagemagick"}
    missing = [pkg for tool, pkg in tools.items() if shutil.which(tool) is None]
    if missing:
        pytest.skip("needs a real X server for this test: sudo apt-get install -y " + " ".join(missing))
    from terminal_app.ui.display import display_problem

    n = _free_display()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = f":{n}"
    problem = display_problem(env)
    if problem:
        pytest.skip(problem.replace("\n", " "))
    xvfb = subprocess.Popen(
        ["Xvfb", f":{n}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wm = app = None
    try:
        deadline = time.monotonic() + 15
        while not Path(f"/tmp/.X11-unix/X{n}").exists():
            assert time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.1)
        wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        app = subprocess.Popen(
            [sys.executable, "-c", GUI_RUN, str(tmp_path / "demo"), "25000"],
            env=env,
            cwd=Path(__file__).resolve().parents[2],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

        def windows(name: str) -> list[str]:
            out = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", name],
                env=env,
                capture_output=True,
                text=True,
            ).stdout
            return out.split()

        deadline = time.monotonic() + 60
        while not (windows("10002") and windows("联盟积分收银台") and windows("顾客显示屏|Customer display")):
            assert app.poll() is None, app.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the demo's windows did not appear on the X display"
            time.sleep(0.3)
        time.sleep(1.5)
        counter = windows("联盟积分收银台")[0]
        subprocess.run(
            ["xdotool", "windowactivate", "--sync", counter], env=env, capture_output=True, timeout=10
        )
        active = subprocess.run(
            ["xdotool", "getactivewindow", "getwindowname"], env=env, capture_output=True, text=True
        ).stdout.strip()
        assert active == "联盟积分收银台"  # the window manager gave the counter app the focus
        geometry = subprocess.run(
            ["xdotool", "getwindowgeometry", counter], env=env, capture_output=True, text=True
        ).stdout
        assert "Geometry:" in geometry
        shot = tmp_path / "screen.png"
        subprocess.run(
            ["import", "-display", f":{n}", "-window", "root", str(shot)], env=env, check=True, timeout=30
        )
        assert shot.stat().st_size > 10_000
        out, err = app.communicate(timeout=120)
        assert app.returncode == 0, err[-2000:]
        assert "SIGABRT" not in err and "could not load the Qt platform plugin" not in err
    finally:
        for proc in (app, wm, xvfb):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
