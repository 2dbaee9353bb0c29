"""The demo's set-up: the member wallet window's rotating code seen by the counter app's virtual
camera (rendered, decoded on the camera thread, verified offline, shown)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from alliance_protocol.member_code import Tier
from member_wallet.virtual_camera import VirtualCamera
from member_wallet.wallet import Wallet, issue_from_local_issuer
from member_wallet.window import WalletWindow
from sync_server.hq_keys import KeyRing
from terminal_app.store import open_store
from terminal_app.ui.app import MainWindow
from terminal_app.ui.settings import UiSettings

from .helpers import dismiss, keypad, wait_verdict


def test_wallet_window_code_through_the_virtual_camera(qtbot, tmp_path):
    now = int(time.time())
    ring = KeyRing.create(tmp_path / "hq" / "keys", now - 60)
    payload = {
        "alliance_id": "demo",
        "sequence": 1,
        "issued_at": now,
        "max_age_s": 86_400,
        "deny": {"cert_serials": [], "member_ids": []},
        "keys": [],
    }
    wallet = Wallet(tmp_path / "wallet")
    issue_from_local_issuer(wallet, ring.directory, member_id=10002, tier=Tier.GOLD, allowance=20_000)
    home = tmp_path / "till"
    store = open_store(home)
    store.set_root_keys([ring.root_public])
    store.install_bundle(ring.sign_bundle(payload))
    store.ensure_local_identity("T-DEMO", "M-DEMO")
    now_ms = int(time.time() * 1000)
    store.record_server_time(now_ms, now_ms, now_ms)
    store.set_last_sync(time.time())
    phone = WalletWindow(wallet, refresh_s=30, qr_size=200)
    qtbot.addWidget(phone)
    settings = UiSettings.load(home)
    settings.language = "en"
    w = MainWindow(store, home, settings=settings, sounds=False,
                   camera_source=lambda: VirtualCamera(lambda: phone.current_code))
    qtbot.addWidget(w)
    w.show()
    try:
        try:
            qtbot.waitUntil(lambda: w.cashier.stack.currentIndex() == w.cashier.TRANSACTION, timeout=8000)
        except Exception as exc:
            raise AssertionError(
                f"page {w.pages.currentIndex()} verdict {w.verdict.result} "
                f"worker {w.camera_worker and w.camera_worker.frames} "
                f"running {w.camera_worker and w.camera_worker.isRunning()}"
            ) from exc
        assert w.cashier.transaction.member_id.text() == "*0002"
        assert w.cashier.transaction.tier.text() == "Gold"
        keypad(qtbot, w.cashier.transaction.keypad, "100")
        qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
        wait_verdict(qtbot, w)
        assert w.verdict.result.ok and w.verdict.result.points_earned == 80
        dismiss(qtbot, w)
        # back on "ready": the same code is still in view, held off (no replay verdict), preview live
        qtbot.waitUntil(
            lambda: (
                w.cashier.ready.preview.pixmap() is not None and not w.cashier.ready.preview.pixmap().isNull()
            ),
            timeout=3000,
        )
        qtbot.wait(300)
        assert w.pages.currentIndex() == w.CASHIER and w.cashier.stack.currentIndex() == w.cashier.READY
        phone.rotate()  # the phone shows its next code: the member just served is not reopened by itself
        qtbot.wait(1500)
        assert w.cashier.stack.currentIndex() == w.cashier.READY
        w.vm.counter.served = None  # the hold-off is over (REOPEN_HOLDOFF_S): the next code opens one
        phone.rotate()
        qtbot.waitUntil(lambda: w.cashier.stack.currentIndex() == w.cashier.TRANSACTION, timeout=8000)
    finally:
        w.shutdown()
        store.close()
