"""The kiosk lock on a real X display, the bypass sequence of issue 12: the manager's "quit the
app" answered "keep running", then Alt+F4 through a real window manager (Xvfb + openbox +
xdotool) on the kiosk cashier screen: the window stays and the app asks for a manager PIN."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

APP = r"""
import sys, time, json
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from alliance_protocol.rules import AllianceRules
from alliance_protocol.testkit import TestAlliance
from terminal_app.store import open_store
from terminal_app.ui.app import MainWindow
from terminal_app.ui.settings import UiSettings
from tests.terminal.conftest import bundle_bytes

home = Path(sys.argv[1])
alliance = TestAlliance(seed="kiosk-x11", now=int(time.time()))
store = open_store(home)
store.set_root_keys([alliance.root_public])
store.install_bundle(bundle_bytes(alliance, AllianceRules()))
store.ensure_local_identity("T-KIOSK", "M-KIOSK")
settings = UiSettings.load(home)
settings.kiosk, settings.language = True, "en"
settings.save()
app = QApplication(sys.argv[:1])
w = MainWindow(store, home, settings=settings, sounds=False, camera=False)
w.showFullScreen()
w.confirm_close = True

def manager_quits_then_keeps_running():
    # the manager's "quit the app" with records waiting, answered "keep running" (the old bypass)
    from PySide6.QtWidgets import QMessageBox
    from terminal_app.ui.syncstatus import ConnectionStatus

    w.status = ConnectionStatus(False, 3, None, None, None)
    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.findChild(type(box.buttons()[0]), "keepRunning").click()
        else:
            QTimer.singleShot(50, answer)
    QTimer.singleShot(50, answer)
    w.quit_app()
    print("KEPT " + json.dumps({"visible": w.isVisible()}), flush=True)

QTimer.singleShot(1500, manager_quits_then_keeps_running)
def report():
    state = {"visible": w.isVisible(), "page": w.pages.currentIndex(), "pin": w.PIN}
    print("STATE " + json.dumps(state), flush=True)
timer = QTimer(); timer.timeout.connect(report); timer.start(300)
QTimer.singleShot(int(sys.argv[2]), lambda: app.exit(0))  # exit: quit() asks the windows (the kiosk refuses)
app.exec()
w.shutdown()
print("EXIT", flush=True)
"""


def _free_display() -> int:
    for n in range(140, 190):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number")


def test_alt_f4_on_the_kiosk_screen_asks_for_the_pin(tmp_path):
    tools = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool"}
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
        ["Xvfb", f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
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
            [sys.executable, "-c", APP, str(tmp_path / "till"), "14000"],
            env=env,
            cwd=Path(__file__).resolve().parents[2],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        app_lines: list[str] = []
        import threading

        reader = threading.Thread(target=lambda: app_lines.extend(iter(app.stdout.readline, "")), daemon=True)
        reader.start()

        def window() -> list[str]:
            return subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "Alliance points counter"],
                env=env,
                capture_output=True,
                text=True,
            ).stdout.split()

        deadline = time.monotonic() + 40
        while not window():
            assert app.poll() is None, app.stderr.read()[-2000:]
            assert time.monotonic() < deadline, "the kiosk window did not appear"
            time.sleep(0.2)
        deadline = time.monotonic() + 20
        while "KEPT" not in "".join(app_lines):
            assert time.monotonic() < deadline, "the manager's quit was not answered"
            time.sleep(0.1)
        wid = window()[0]
        subprocess.run(["xdotool", "windowactivate", "--sync", wid], env=env, capture_output=True, timeout=10)
        subprocess.run(["xdotool", "key", "--window", wid, "alt+F4"], env=env, check=True, timeout=10)
        subprocess.run(["xdotool", "key", "alt+F4"], env=env, check=True, timeout=10)  # to the WM as well
        time.sleep(1.5)
        assert window(), "Alt+F4 closed the kiosk screen"
        app.wait(60)
        reader.join(10)
        out = "".join(app_lines)
        states = [line for line in out.splitlines() if line.startswith("STATE ")]
        import json

        last = json.loads(states[-1][len("STATE ") :])
        assert last["visible"] and last["page"] == last["pin"]  # the PIN is asked for
        assert "EXIT" in out  # and the app ended only when the test let it
    finally:
        for proc in (app, wm, xvfb):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
