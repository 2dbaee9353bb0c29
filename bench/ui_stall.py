"""Counter app: how long the UI thread is ever busy with one event (the issue's 50 ms budget).

    .venv/bin/python -m bench.ui_stall [--rounds 40]

The real main window (offscreen) with its camera thread reading a VirtualCamera at 30 fps and
zxing decoding; a scripted cashier repeats: a member's code shown to the camera -> member panel
-> bill typed on the on-screen keypad (real mouse clicks) -> confirm -> green verdict -> any key;
every 10th round also a forged code (red verdict), the manager's PIN, the log page (up to 500
rows), back to the counter. QApplication.notify is timed for every top-level event delivered on
the UI thread (timers, queued results from the task and camera threads, clicks, paints): the
longest single delivery is how long the window could not react. Reported separately: a language
switch (every widget retranslates), a deliberate user action.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from .common import machine, summary_ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    class TimedApp(QApplication):
        def __init__(self, argv: list[str]) -> None:
            super().__init__(argv)
            self.depth = 0
            self.durations: list[float] = []
            self.worst: tuple[float, str] = (0.0, "")
            self.recording = False

        def notify(self, receiver, event):
            if self.depth or not self.recording:
                self.depth += 1
                try:
                    return super().notify(receiver, event)
                finally:
                    self.depth -= 1
            self.depth += 1
            t0 = time.perf_counter()
            try:
                return super().notify(receiver, event)
            finally:
                dt = time.perf_counter() - t0
                self.depth -= 1
                self.durations.append(dt)
                if dt > self.worst[0]:
                    self.worst = (dt, f"{type(receiver).__name__} {event.type().name}")

    from alliance_protocol.testkit import TestAlliance
    from member_wallet.virtual_camera import VirtualCamera
    from terminal_app.store import open_store
    from terminal_app.ui.app import MainWindow
    from terminal_app.ui.settings import UiSettings

    app = TimedApp(sys.argv[:1])
    home = Path(tempfile.mkdtemp(prefix="bench-ui-stall-")) / "term"
    now = int(time.time())
    alliance = TestAlliance(seed="bench-stall", now=now)
    forger = TestAlliance(seed="forger", now=now)
    store = open_store(home)
    store.set_root_keys([alliance.root_public])
    store.install_bundle(alliance.bundle_bytes())
    store.ensure_local_identity("T-BENCH", "M-BENCH")
    now_ms = int(time.time() * 1000)
    store.record_server_time(now_ms, now_ms, now_ms)
    store.set_last_sync(time.time())
    settings = UiSettings.load(home)
    settings.language = "en"
    settings.verdict_seconds = 600
    settings.camera = "virtual"
    shown = {"code": ""}
    w = MainWindow(
        store, home, settings=settings, sounds=False, camera=True,
        camera_source=lambda: VirtualCamera(lambda: shown["code"])
    )
    w.show()

    def wait(cond, timeout: float = 5.0) -> None:
        deadline = time.perf_counter() + timeout
        while not cond():
            QCoreApplication.processEvents()
            time.sleep(0.001)
            if time.perf_counter() > deadline:
                raise RuntimeError("the app did not get there within 5 s")

    def idle(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            QCoreApplication.processEvents()
            time.sleep(0.002)

    wait(lambda: w.vm.service is not None and w.camera_worker is not None)
    app.recording = True
    for i in range(args.rounds):
        member = alliance.member(10001 + i, tier=2)  # the next customer (the one just served is held off)
        shown["code"] = member.code(int(time.time()))
        wait(
            lambda: (
                w.cashier.stack.currentIndex() == w.cashier.TRANSACTION
                and w.pages.currentIndex() == w.CASHIER
            )
        )
        shown["code"] = ""
        t = w.cashier.transaction
        for ch in str(50 + i):
            QTest.mouseClick(t.keypad.buttons[ch], Qt.MouseButton.LeftButton)
        wait(lambda t=t: t.pricing is not None)
        QTest.mouseClick(t.confirm_button, Qt.MouseButton.LeftButton)
        wait(lambda: w.pages.currentIndex() == w.VERDICT and w.verdict.result is not None)
        idle(0.05)
        QTest.keyClick(w.verdict, Qt.Key.Key_Space)
        wait(lambda: w.pages.currentIndex() == w.CASHIER)
        if i % 10 == 9:
            shown["code"] = forger.member(30000 + i).code(int(time.time()))
            wait(lambda: w.pages.currentIndex() == w.VERDICT and w.verdict.result is not None)
            shown["code"] = ""
            QTest.keyClick(w.verdict, Qt.Key.Key_Space)
            wait(lambda: w.pages.currentIndex() == w.CASHIER)
            QTest.mouseClick(w.manager_button, Qt.MouseButton.LeftButton)
            wait(lambda: w.pin.who.count() > 0)  # the managers, read off the UI thread
            for ch in "1234":
                QTest.mouseClick(w.pin.keypad.buttons[ch], Qt.MouseButton.LeftButton)
            QTest.mouseClick(w.pin.ok_button, Qt.MouseButton.LeftButton)
            wait(lambda i=i: w.pages.currentIndex() == w.MANAGER and len(w.manager.log.rows) > i)
            idle(0.1)
            QTest.mouseClick(w.manager.back_button, Qt.MouseButton.LeftButton)
        idle(0.2)
    app.recording = False
    session = list(app.durations)
    worst_session = app.worst
    app.durations.clear()
    app.worst = (0.0, "")
    switches = []
    for lang in ("zh_CN", "en") * 5:
        t0 = time.perf_counter()
        w.set_language(lang)
        switches.append(time.perf_counter() - t0)
    w.shutdown()
    store.close()

    s = summary_ms(session)
    print(f"machine: {machine()}")
    print(f"rounds: {args.rounds}; UI-thread events timed: {len(session)}")
    print(
        f"one event on the UI thread: p50 {s['p50']:.2f} ms  p99 {s['p99']:.2f} ms  max {s['max']:.1f} ms "
        f"({worst_session[1]})"
    )
    over = sum(1 for d in session if d > 0.05)
    print(f"events over 50 ms: {over}")
    ls = summary_ms(switches)
    print(f"language switch (whole window retranslates): p50 {ls['p50']:.1f} ms  max {ls['max']:.1f} ms")
    print(f"target: no event over 50 ms: {'met' if over == 0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
