"""Counter app start: process start -> window shown with "ready to scan" and the service ready.

    .venv/bin/python -m bench.ui_start [--runs 5]

Each run is a fresh Python process (offscreen Qt) on an enrolled terminal store: imports, the
QApplication, the main window, translations, the service built on the task thread, the first
status read. Prints wall time from `python` exec to ready (what a cashier waits) and the part
inside the process after the interpreter started. Target: <= 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import machine, summary_ms

CHILD = r"""
import time
t0 = time.perf_counter()
import os, sys, json
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from terminal_app.store import open_store
from terminal_app.ui.app import MainWindow
app = QApplication(sys.argv[:1])
home = sys.argv[1]
store = open_store(home)
w = MainWindow(store, home, sounds=False, camera=False)
w.show()
while not (w.vm.service is not None and w.isVisible() and w.cashier.stack.currentIndex() == 0):
    QCoreApplication.processEvents()
QCoreApplication.processEvents()
t1 = time.perf_counter()
print(json.dumps({"in_process_s": t1 - t0, "title": w.cashier.ready.title.text()}))
w.shutdown()
store.close()
"""


def prepare(home: Path) -> None:
    from alliance_protocol.testkit import TestAlliance
    from terminal_app.store import open_store

    alliance = TestAlliance(seed="bench-ui", now=int(time.time()))
    store = open_store(home)
    store.set_root_keys([alliance.root_public])
    store.install_bundle(alliance.bundle_bytes())
    store.ensure_local_identity("T-BENCH", "M-BENCH")
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="bench-ui-start-")) / "term"
    prepare(home)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    walls, inner = [], []
    root = Path(__file__).resolve().parents[1]
    for _ in range(args.runs + 1):  # the first run warms the OS file cache and is not counted
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD, str(home)], capture_output=True, text=True,
                             env=env, cwd=root)
        if out.returncode != 0:
            print(out.stderr[-3000:], file=sys.stderr)
            return 1
        wall = time.perf_counter() - t0
        data = json.loads(out.stdout.strip().splitlines()[-1])
        walls.append(wall)
        inner.append(data["in_process_s"])
    walls, inner = walls[1:], inner[1:]
    print(f"machine: {machine()}")
    print(f"runs: {args.runs} fresh processes (after one warm-up), ready title: {data['title']!r}")
    for name, values in (("exec -> ready (wall, incl. interpreter + teardown)", walls),
                         ("imports -> ready (in process)", inner)):
        s = summary_ms(values)
        print(f"{name:<52} p50 {s['p50']:7.0f} ms  max {s['max']:7.0f} ms")
    verdict = "met" if max(walls) <= 1.5 else "NOT met"
    print(f"target <= 1500 ms: {verdict} (worst wall {max(walls) * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
