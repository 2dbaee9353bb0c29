"""`pos-terminal app --exit-when-ready`: the counter app's start-up self-test.

Used by installers and by the test of the PyInstaller build (tests/packaging/test_dist.py): the
app starts as usual; once its window is up and its service has started ("ready to scan": the
store opened, the terminal identity and key loaded), one JSON line is printed and the event loop
ends with exit status 0. Status 1 (with the reason code) when the service failed to start or
nothing was ready within the timeout.
"""

from __future__ import annotations

import json
import sys
import time


def exit_when_ready(timeout_s: float) -> None:
    """A start-up self-test (installers, the PyInstaller build's test): once the counter window is up
    and its service has started ("ready to scan"), print one JSON line and leave the event loop with
    exit status 0; 1 (with the reason) when the service failed or nothing was ready within timeout_s.
    Call before run_app: the QApplication made here is the one run_app uses."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from terminal_app.ui import i18n, sounds

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    started = time.monotonic()
    failed: list[str] = []
    watched: set[int] = set()

    def finish(code: int, **fields: object) -> None:
        timer.stop()
        elapsed_ms = int((time.monotonic() - started) * 1000)
        line = {"ready": code == 0, "elapsed_ms": elapsed_ms, **fields}
        print(json.dumps(line, ensure_ascii=False), flush=True)
        app.exit(code)

    def look() -> None:
        for window in app.topLevelWidgets():
            vm = getattr(window, "vm", None)
            if vm is None or not window.isVisible():
                continue
            if id(vm) not in watched:
                watched.add(id(vm))
                vm.service_failed.connect(failed.append)
            if failed:
                return finish(1, reason=failed[0])
            if vm.service is not None:
                player = getattr(window, "sound", None)
                return finish(0, window_title=window.windowTitle(), language=i18n.current_language(),
                              translations=str(i18n.I18N_DIR), sound_backend=getattr(player, "backend", None),
                              sounds=sorted(p.name for p in sounds.SOUND_DIR.glob("*.wav")))
        if time.monotonic() - started > timeout_s:
            finish(1, reason="TIMEOUT", detail=f"not ready to scan within {timeout_s:g} s")

    timer = QTimer(app)
    timer.timeout.connect(look)
    timer.start(20)
