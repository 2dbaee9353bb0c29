"""Before Qt starts: a desktop without Qt's X11 libraries gets the install line, not a SIGABRT."""

from __future__ import annotations

import re
from pathlib import Path

from terminal_app.ui import display


def test_which_platform_qt_will_use():
    assert display.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not display.uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert display.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not display.uses_xcb(
        {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}, "linux"
    )
    assert not display.uses_xcb({"DISPLAY": ":0"}, "win32") and not display.uses_xcb({}, "linux")


def test_missing_libraries_are_named_with_their_package(monkeypatch):
    monkeypatch.setattr(
        display, "XCB_LIBRARIES", {"libxcb-cursor-missing.so.9": "libxcb-cursor0", "libc.so.6": "libc6"}
    )
    problem = display.display_problem({"DISPLAY": ":0"})
    assert "libxcb-cursor-missing.so.9" in problem and "libc.so.6" not in problem
    assert "On Debian/Ubuntu: sudo apt-get install -y libxcb-cursor0" in problem
    assert display.display_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}) == ""


def test_demo_prints_the_install_line_instead_of_aborting(tmp_path: Path, monkeypatch, capsys):
    from scripts import demo

    monkeypatch.setattr(
        display,
        "XCB_LIBRARIES",
        {
            **display.XCB_LIBRARIES,
            "libxcb-cursor-gone.so.7": "libxcb-cursor0",
            "libxcb-icccm-gone.so.7": "libxcb-icccm4",
            "libxcb-keysyms-gone.so.7": "libxcb-keysyms1",
        },
    )
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":97")
    rc = demo.main(["--dir", str(tmp_path / "demo")])
    out = capsys.readouterr().out
    assert rc == 3
    line = next(line for line in out.splitlines() if line.startswith("On Debian/Ubuntu:"))
    assert re.search(r"sudo apt-get install -y .*libxcb-cursor0.*libxcb-icccm4.*libxcb-keysyms1", line)
    assert "purchase" in out  # the headless part ran first
