"""Render the counter app's main screens, offscreen, in both languages, to docs/screenshots/.

    .venv/bin/python -m scripts.screenshots [--out docs/screenshots]

Screens: ready, member panel (with a quote), another member's code offered in the notice strip,
green / coupon / orange / red ("already used") verdicts, the customer display, manager sign-in,
manager log (record in words), void confirmation, managers, X and Z reports, settings, and the
member wallet window; files <screen>_<lang>.png. A throwaway terminal (test alliance, catalogue,
balances) in a temp dir.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCREENS = (
    "ready",
    "member",
    "offer",
    "verdict_green",
    "verdict_coupon",
    "verdict_orange",
    "verdict_red",
    "customer_display",
    "pin",
    "manager_log",
    "void_confirm",
    "managers",
    "x_report",
    "z_report",
    "settings",
    "wallet",
)


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
    payload["gifts"] = [
        {"id": "G-KEYRING", "name_zh": "钥匙扣", "name_en": "Key ring", "points": 500, "stock": 10}
    ]
    store = open_store(home)
    store.set_root_keys([alliance.root_public])
    store.install_bundle(tb.sign_bundle(payload, alliance.root))
    store.ensure_local_identity("M-CAFE-T1", "M-CAFE")
    ident = store.identity()
    store.save_identity(type(ident)(**{**ident.__dict__, "merchant_name": "拾光咖啡 Timeless Café"}))
    now_ms = int(time.time() * 1000)
    store.record_server_time(now_ms, now_ms, now_ms)
    store.set_last_sync(time.time())
    store.apply_balances([(88_880_001, 12_800, "c1", 600)])
    from terminal_app.core.managers import ManagerBook

    book = ManagerBook(store)
    first = book.ensure_first("王经理", "1234")
    book.add(first, "李店长", "482913")
    return store, alliance.member(88_880_001, tier=2), alliance.member(88_880_002, tier=3)


def wallet_window(home: Path, lang: str):
    """The member's phone (member_wallet.window) with a locally issued certificate."""
    from alliance_protocol.member_code import Tier
    from member_wallet.wallet import Wallet, issue_from_local_issuer
    from member_wallet.window import WalletWindow
    from sync_server.hq_keys import KeyRing
    from terminal_app.ui import i18n

    i18n.set_language(lang)
    ring = KeyRing.create(home / "hq-keys", int(time.time()) - 60)
    wallet = Wallet(home / "wallet")
    issue_from_local_issuer(wallet, ring.directory, member_id=10002, tier=Tier.GOLD, allowance=20_000)
    window = WalletWindow(wallet, refresh_s=30, qr_size=360)
    window.show()
    return window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from terminal_app.ui import i18n
    from terminal_app.ui.app import MainWindow
    from terminal_app.ui.settings import UiSettings

    i18n.ensure_compiled()  # the .ts -> .qm build step
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # before any window

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

    def render(lang: str) -> None:
        home = Path(tempfile.mkdtemp(prefix=f"screens-{lang}-"))
        store, member, other = build_store(home)
        settings = UiSettings.load(home)
        settings.language = lang
        settings.verdict_seconds = 600
        settings.printer = f"file:{home / 'printer.bin'}"
        w = MainWindow(store, home, settings=settings, sounds=False, camera=False, customer_display=True)
        w.resize(1100, 760)
        w.show()
        wait(lambda: w.vm.service is not None)
        wait(lambda: w.status is not None)

        def shot(name: str, widget=None) -> None:
            pump(200)
            path = out / f"{name}_{lang}.png"
            (widget or w).grab().save(str(path))
            written.append(path)

        def scan(who=member, code=None) -> None:
            w.vm.counter.submit_code(code or who.code(int(time.time())))
            wait(lambda: w.cashier.stack.currentIndex() == w.cashier.TRANSACTION)

        def verdict() -> None:
            wait(lambda: w.pages.currentIndex() == w.VERDICT and w.verdict.result is not None)
            wait(lambda: w.verdict.info is not None or not w.verdict.result.ok)
            pump(300)

        shot("ready")
        scan()
        t = w.cashier.transaction
        t.set_mode("spend")
        t.bill.setText("268.50")
        t.points.setText("2000")
        wait(lambda: t.pricing is not None and t.pricing.points_requested == 2000)
        shot("member")
        w.camera_code(other.code(int(time.time())))  # another member's phone in view
        wait(lambda: w.cashier.strip.kind == "offer")
        pump(800)
        shot("offer")
        w.vm.counter.decline_offer()
        shot("customer_display", w.customer)
        t.confirm()
        verdict()
        shot("verdict_green")
        w.verdict.dismiss()
        code = member.code(int(time.time()) + 1)
        scan(code=code)
        t.set_mode("coupon")
        w.vm.counter.use_coupon("C-COFFEE")
        verdict()
        shot("verdict_coupon")
        w.verdict.dismiss()
        w.vm.counter.backup_code("13800138000", 8_000)
        verdict()
        shot("verdict_orange")
        w.verdict.dismiss()
        w.vm.counter.submit_code(code, "scanner")  # the coupon's code again: already used, when and where
        wait(lambda: w.pages.currentIndex() == w.VERDICT and w.verdict.earlier.text() != "")
        shot("verdict_red")
        w.verdict.dismiss()
        w.ask_pin("manager")
        wait(lambda: w.pin.who.count() > 0)
        w.pin.field.setText("1234")
        shot("pin")
        w.pin.submit()
        wait(lambda: w.pages.currentIndex() == w.MANAGER)
        log = w.manager.log
        wait(lambda: len(log.rows) >= 3)
        seq = next(r["seq"] for r in log.rows if r.get("kind") == "purchase")
        log.select_seq(seq)
        shot("manager_log")
        log.void_selected()
        log.dialog.reason.setCurrentIndex(log.dialog.reason.findData("wrong_amount"))
        pump(200)
        shot("void_confirm", log.dialog)
        log.dialog.reject()
        w.manager.tabs.setCurrentWidget(w.manager.managers)
        wait(lambda: w.manager.managers.table.rowCount() >= 2)
        shot("managers")
        w.manager.tabs.setCurrentWidget(w.manager.shift)
        w.vm.managers.x_report()
        wait(lambda: w.manager.shift.report is not None and w.manager.shift.report.kind == "X")
        shot("x_report")
        w.vm.managers.close_shift()
        wait(lambda: w.manager.shift.report is not None and w.manager.shift.report.kind == "Z")
        shot("z_report")
        w.manager.tabs.setCurrentWidget(w.manager.settings)
        shot("settings")
        w.shutdown()
        w.deleteLater()
        pump(50)
        store.close()
        shot("wallet", wallet_window(home, lang))

    for lang in ("zh_CN", "en"):
        render(lang)

    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
