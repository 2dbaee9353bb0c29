"""Render the counter app's main screens, offscreen, in both languages, to docs/screenshots/.

    .venv/bin/python -m scripts.screenshots [--out docs/screenshots]

Screens: ready, member panel (with a quote), green / orange / red verdicts, manager log, Z report;
files <screen>_<lang>.png. A throwaway terminal (test alliance, catalogue, balances) in a temp dir.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCREENS = ("ready", "member", "verdict_green", "verdict_orange", "verdict_red", "manager_log", "z_report")


def build_store(home: Path):
    from alliance_protocol import trust_bundle as tb
    from alliance_protocol.rules import AllianceRules
    from alliance_protocol.testkit import TestAlliance
    from terminal_app.store import open_store

    alliance = TestAlliance(seed="screens", now=int(time.time()))
    payload = alliance.payload()
    payload["rules"] = AllianceRules().to_dict()
    payload["coupons"] = [
        {"id": "C-COFFEE", "name_zh": "免费咖啡", "name_en": "Free coffee", "kind": "single_use"},
        {"id": "C-WASH", "name_zh": "免费洗车", "name_en": "Free car wash", "kind": "quota", "quota": 20},
    ]
    payload["gifts"] = [{"id": "G-KEYRING", "name_zh": "钥匙扣", "name_en": "Key ring", "points": 500,
                          "stock": 10}]
    store = open_store(home)
    store.set_root_keys([alliance.root_public])
    store.install_bundle(tb.sign_bundle(payload, alliance.root))
    store.ensure_local_identity("T-SHOT", "M-SHOT")
    now_ms = int(time.time() * 1000)
    store.record_server_time(now_ms, now_ms, now_ms)
    store.set_last_sync(time.time())
    store.apply_balances([(88_880_001, 12_800, "c1", 600)])
    return store, alliance.member(88_880_001, tier=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from terminal_app.ui.app import MainWindow
    from terminal_app.ui.settings import UiSettings

    from terminal_app.ui import i18n

    i18n.ensure_compiled()  # the .ts -> .qm build step
    app = QApplication.instance() or QApplication(sys.argv[:1])

    def pump(ms: int = 150) -> None:
        # plain processEvents(): its (flags, maxtime) overload with QTime comparisons leaks refs to None
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.005)

    def wait(cond, timeout_ms: int = 5000) -> None:
        end = time.monotonic() + timeout_ms / 1000
        while not cond():
            if time.monotonic() > end:
                raise RuntimeError("timed out waiting for the app")
            pump(20)

    written = []
    for lang in ("zh_CN", "en"):
        home = Path(tempfile.mkdtemp(prefix=f"screens-{lang}-"))
        store, member = build_store(home)
        settings = UiSettings.load(home)
        settings.language = lang
        settings.verdict_seconds = 600
        w = MainWindow(store, home, settings=settings, sounds=False, camera=False)
        w.resize(1100, 760)
        w.show()
        wait(lambda: w.vm.service is not None)
        wait(lambda: w.status is not None)

        def shot(name: str) -> None:
            pump(200)
            path = out / f"{name}_{lang}.png"
            w.grab().save(str(path))
            written.append(path)

        def scan() -> None:
            w.vm.submit_code(member.code(int(time.time())))
            wait(lambda: w.cashier.stack.currentIndex() == w.cashier.TRANSACTION)

        def verdict() -> None:
            wait(lambda: w.pages.currentIndex() == w.VERDICT and w.verdict.result is not None)

        shot("ready")
        scan()
        t = w.cashier.transaction
        t.set_mode("spend")
        t.bill.setText("268.50")
        t.points.setText("2000")
        wait(lambda: t.pricing is not None and t.pricing.points_requested == 2000)
        shot("member")
        t.confirm()
        verdict()
        shot("verdict_green")
        w.verdict.dismiss()
        w.vm.backup_code("13800138000", 8_000)
        verdict()
        shot("verdict_orange")
        w.verdict.dismiss()
        scan()
        t.set_mode("spend")
        t.bill.setText("500")
        t.points.setText("20000")  # more than the 10,800 points left: declined INSUFFICIENT_POINTS
        t.confirm()
        verdict()
        shot("verdict_red")
        w.verdict.dismiss()
        w.vm.cancel()
        w.pin_ok()  # as after a correct PIN
        wait(lambda: len(w.manager.log.rows) >= 3)
        w.manager.log.table.selectRow(0)
        shot("manager_log")
        w.manager.tabs.setCurrentWidget(w.manager.shift)
        w.vm.close_shift("M. Li")
        wait(lambda: w.manager.shift.report is not None)
        shot("z_report")
        w.shutdown()
        w.deleteLater()
        pump(50)
        store.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
