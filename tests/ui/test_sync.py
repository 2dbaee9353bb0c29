"""Offline -> queued -> server back -> drained, seen through the counter app's status bar and
sync page (real uvicorn on loopback, real SQLite on both sides, the lead's SyncLoop)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import uvicorn
from PySide6.QtCore import Qt

from member_wallet import server_client
from member_wallet.wallet import Wallet
from sync_server.api import create_app
from sync_server.demo import init_demo
from sync_server.hq import HQ
from sync_server.hq_keys import KeyRing
from sync_server.local import free_port
from sync_server.settings import ServerSettings
from terminal_app.store import open_store
from terminal_app.sync import SyncClient
from terminal_app.ui.app import MainWindow
from terminal_app.ui.settings import UiSettings

from .helpers import dismiss, keypad, scan_by_field, wait_verdict


class Server:
    def __init__(self, hq: HQ, port: int) -> None:
        self.server = uvicorn.Server(
            uvicorn.Config(create_app(hq), host="127.0.0.1", port=port, log_level="error", lifespan="off")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 15
        while time.time() < deadline:
            try:
                httpx.get(url + "/v1/time", timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def test_offline_queue_drains_when_the_server_is_back(qtbot, tmp_path: Path):
    hq_home = tmp_path / "hq"
    KeyRing.create(hq_home / "keys", int(time.time()) - 86_400)
    hq = HQ.open(ServerSettings(home=hq_home, database_url=f"sqlite:///{hq_home / 'server.sqlite3'}"))
    demo = init_demo(hq)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = Server(hq, port)
    term = demo["terminals"][0]
    store = open_store(tmp_path / "till")
    client = SyncClient(store)
    client.enroll(term["enrollment_code"], url)
    assert client.sync_once().ok
    client.close()
    member_id = demo["members"][1]["member_id"]
    wallet = Wallet(tmp_path / "wallet")
    server_client.register(wallet, url, member_id, demo["members"][1]["secret"])
    server.stop()  # the network goes down
    settings = UiSettings.load(tmp_path / "till")
    settings.language = "en"
    w = MainWindow(store, tmp_path / "till", settings=settings, server_url=url, sounds=False, camera=False)
    qtbot.addWidget(w)
    w.show()
    try:
        qtbot.waitUntil(lambda: w.vm.service is not None and w.vm.bridge is not None, timeout=5000)
        for bill in ("100", "60"):
            scan_by_field(qtbot, w, wallet.next_code())
            keypad(qtbot, w.cashier.transaction.keypad, bill)
            qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
            wait_verdict(qtbot, w)
            assert w.verdict.result.ok, w.verdict.result
            dismiss(qtbot, w)
        qtbot.waitUntil(lambda: w.status is not None and w.status.queued >= 2, timeout=5000)
        assert w.online_label.text() == "○ Offline"
        assert w.queue_label.text() == f"Queued: {w.status.queued}"
        # the manager's sync page warns about the unsynced records
        w.ask_pin("manager")
        keypad(qtbot, w.pin.keypad, "1234")
        qtbot.mouseClick(w.pin.ok_button, Qt.MouseButton.LeftButton)
        page = w.manager.sync
        qtbot.waitUntil(lambda: page.values["queued"].text() == str(w.status.queued), timeout=5000)
        assert page.values["online"].text() == "offline"
        assert "not on the server yet" in page.warning.text()
        server = Server(hq, port)  # the server is back
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.result.text().startswith("Sync done"), timeout=25_000)
        qtbot.waitUntil(lambda: w.status.queued == 0 and w.status.online, timeout=10_000)
        assert store.outbox_count() == 0
        assert w.online_label.text() == "● Online"
        assert w.queue_label.text() == "Queued: 0"
        assert page.warning.text() == ""
    finally:
        w.shutdown()
        server.stop()
        store.close()
        hq.engine.dispose()
