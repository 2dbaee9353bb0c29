"""The counter app online first, offline when it must, as a cashier sees it (real widgets driven by
pytest-qt, a real HQ on loopback, a real wallet): verdicts decided online by HQ, a visible fall
back to offline decisions when HQ stops, and back online by itself when HQ returns."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from member_wallet import server_client
from member_wallet.wallet import Wallet
from sync_server.db.models import Authorisation
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
from .test_sync import Server


def sale(qtbot, w: MainWindow, code: str, bill: str) -> None:
    scan_by_field(qtbot, w, code)
    qtbot.waitUntil(lambda: w.cashier.transaction.scan is not None, timeout=10_000)
    keypad(qtbot, w.cashier.transaction.keypad, bill)
    qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)


def test_online_verdicts_a_visible_fallback_when_hq_stops_and_back_online_by_itself(qtbot, tmp_path: Path):
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
    member = demo["members"][2]
    wallet = Wallet(tmp_path / "wallet")
    server_client.register(wallet, url, member["member_id"], member["secret"])
    settings = UiSettings.load(tmp_path / "till")
    settings.language = "en"
    settings.verdict_seconds = 30
    w = MainWindow(store, tmp_path / "till", settings=settings, server_url=url, sounds=False, camera=False)
    qtbot.addWidget(w)
    w.show()
    try:
        qtbot.waitUntil(lambda: w.vm.service is not None and w.vm.bridge is not None, timeout=5000)
        # Online: the member panel has HQ's numbers, the verdict says HQ decided.
        scan_by_field(qtbot, w, wallet.next_code())
        qtbot.waitUntil(lambda: w.cashier.transaction.scan is not None, timeout=10_000)
        assert w.cashier.transaction.source.text() == "● Live from HQ"
        keypad(qtbot, w.cashier.transaction.keypad, "100")
        qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
        wait_verdict(qtbot, w)
        assert w.verdict.result.ok and w.verdict.result.decided_by == "online", w.verdict.result
        assert w.verdict.decided_by.isVisible() and w.verdict.decided_by.text() == "Decided online by HQ"
        first_seq = w.verdict.result.seq
        dismiss(qtbot, w)
        # The record goes up by itself and captures HQ's hold.
        qtbot.waitUntil(lambda: store.outbox_count() == 0, timeout=20_000)
        with hq.session() as s:
            states = {a.seq: a.state for a in s.scalars(select(Authorisation))}
        assert states[first_seq] == "captured"

        server.stop()  # HQ stops
        sale(qtbot, w, wallet.next_code(), "60")
        assert w.verdict.result.ok and w.verdict.result.decided_by == "offline", w.verdict.result
        assert w.verdict.decided_by.text() == "Decided offline on this terminal: HQ did not answer in time"
        dismiss(qtbot, w)
        scan_by_field(qtbot, w, wallet.next_code())
        qtbot.waitUntil(lambda: w.cashier.transaction.scan is not None, timeout=10_000)
        assert w.cashier.transaction.source.text() == "○ Offline: as of the last sync"
        qtbot.mouseClick(w.cashier.transaction.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.online_label.text() == "○ Offline", timeout=20_000)

        server = Server(hq, port)  # HQ is back: nobody touches anything
        qtbot.waitUntil(lambda: w.online_label.text() == "● Online", timeout=60_000)
        sale(qtbot, w, wallet.next_code(), "80")
        assert w.verdict.result.ok and w.verdict.result.decided_by == "online", w.verdict.result
        assert w.verdict.decided_by.text() == "Decided online by HQ"
        dismiss(qtbot, w)
    finally:
        w.shutdown()
        server.stop()
        store.close()
        hq.engine.dispose()
