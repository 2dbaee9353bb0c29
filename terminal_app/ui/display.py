"""Can Qt open a window here? Checked BEFORE Qt starts (no PySide6 import in this module).

Qt's X11 platform plugin (xcb) needs system libraries that many desktops lack (libxcb-cursor0
first of all, since Qt 6.5; also libxcb-icccm4, libxcb-keysyms1 ...). Without them Qt prints
"could not load the Qt platform plugin xcb" and aborts the process (SIGABRT). `display_problem()`
finds the missing ones by loading them the way the plugin would, and returns one line saying
what to install (Debian/Ubuntu), or "" when nothing is missing or xcb will not be used.
"""

from __future__ import annotations

import ctypes
import os
import sys

# the libraries Qt 6's libqxcb.so / libQt6XcbQpa.so load (ldd), and the Debian package of each
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}


def uses_xcb(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt will pick its X11 plugin: Linux (or another X11 Unix), a DISPLAY, and no other
    platform asked for (QT_QPA_PLATFORM) or preferred (a Wayland session)."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return False
    wanted = (env.get("QT_QPA_PLATFORM") or "").split(":")[0].strip().lower()
    if wanted:
        return wanted == "xcb"
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return False
    return bool(env.get("DISPLAY"))


def missing_libraries(libraries: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(soname, Debian package) of each library that cannot be loaded."""
    missing = []
    for soname, package in (XCB_LIBRARIES if libraries is None else libraries).items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append((soname, package))
    return missing


def install_line(missing: list[tuple[str, str]]) -> str:
    return "sudo apt-get install -y " + " ".join(sorted({package for _soname, package in missing}))


def display_problem(environ: dict[str, str] | None = None) -> str:
    """ "" when a window can be opened as far as these libraries go; else what to do, in one paragraph."""
    if not uses_xcb(environ):
        return ""
    missing = missing_libraries()
    if not missing:
        return ""
    names = ", ".join(soname for soname, _package in missing)
    return (
        f"The counter app cannot open a window: Qt's X11 plugin needs {names}, not installed here.\n"
        f"On Debian/Ubuntu: {install_line(missing)}\n"
        "(or run without a window: make demo prints the whole run; --no-gui)"
    )
