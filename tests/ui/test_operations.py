"""How the counter app's parts work together: operations on the database worker, the network on the
sync loop's thread, change notifications instead of polling, one owner of the open transaction,
and a production camera that does not know the phone simulator."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

from PySide6.QtCore import Qt

import terminal_app

from .conftest import make_window
from .helpers import dismiss, fresh_code, keypad, scan_by_field, sign_in, wait_verdict


def _sell(qtbot, w, member, amount: str = "100"):
    scan_by_field(qtbot, w, fresh_code(member))
    keypad(qtbot, w.cashier.transaction.keypad, amount)
    qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    return w.verdict.result


def test_a_sale_is_not_queued_behind_a_sync_that_hangs(qtbot, store, home, member):
    """HQ accepts the connection and never answers (a dead link that still routes): the manager's
    "sync now" waits for it, the cashier's next sale does not (the network has its own thread)."""
    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(16)  # connections complete in the backlog; nothing ever reads or answers them
    w = make_window(qtbot, store, home, server_url=f"http://127.0.0.1:{hung.getsockname()[1]}")
    try:
        qtbot.waitUntil(lambda: w.status is not None and w.status.connecting, timeout=5000)
        sign_in(qtbot, w)
        page = w.manager.sync
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(w.manager.back_button, Qt.MouseButton.LeftButton)
        result = _sell(qtbot, w, member)  # wait_verdict: within 5 s, the client's timeout is 15 s
        assert result.ok
        assert page.result.text() == ""  # the sync it waits for has not answered yet
        dismiss(qtbot, w)
        qtbot.waitUntil(lambda: w.queue_label.text() == "Queued: 1", timeout=5000)
    finally:
        hung.close()  # the waiting connections are reset: the sync loop stops at once
        w.shutdown()


def test_nothing_polls_the_store_and_a_sale_refreshes_the_queue(qtbot, window, member, monkeypatch):
    w = window
    qtbot.waitUntil(lambda: w.vm.bridge is not None and w.status is not None, timeout=5000)
    reads = []
    status = w.vm.bridge.status
    monkeypatch.setattr(w.vm.bridge, "status", lambda: reads.append(1) or status())
    qtbot.wait(4500)  # idle: the old status timer read the store every 2 s
    assert reads == []
    assert _sell(qtbot, w, member).ok
    qtbot.waitUntil(lambda: w.queue_label.text() == "Queued: 1", timeout=5000)  # told, not polled
    assert len(reads) == 1


def test_the_open_transaction_outlives_many_offers(qtbot, window, member, alliance):
    """A transaction stays open while the camera and the scanner see 70 other members (each offered,
    then replaced): the counter ends every scan it drops, so the core never pushes the open one out."""
    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    opened = w.vm.counter.open_scan
    for i in range(70):  # one after the other, as a camera's hold-off or a cashier's hand delivers them
        w.vm.counter.submit_code(fresh_code(alliance.member(30_000 + i)), "scanner")
        qtbot.waitUntil(lambda: w.vm.runner.pending == 0, timeout=5000)
    assert w.vm.counter.open_scan is opened and w.cashier.transaction.scan is opened  # one owner
    assert w.vm.counter.offer is not None and w.vm.counter.offer.member.member_id == 30_069
    assert len(w.vm.service._sessions._open) == 2  # the open one and the one offered
    w.vm.counter.decline_offer()
    keypad(qtbot, w.cashier.transaction.keypad, "100")
    qtbot.mouseClick(w.cashier.transaction.confirm_button, Qt.MouseButton.LeftButton)
    wait_verdict(qtbot, w)
    assert w.verdict.result.ok, w.verdict.result
    qtbot.waitUntil(lambda: w.vm.runner.pending == 0, timeout=5000)
    assert len(w.vm.service._sessions._open) == 0


def test_the_counter_app_never_imports_the_phone_simulator_or_the_server() -> None:
    """The virtual camera is member_wallet's (the demo and the tests wire it in through the camera
    interface); nothing under terminal_app imports member_wallet or sync_server."""
    root = Path(terminal_app.__file__).parent
    found = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            )
            found += [
                f"{path.relative_to(root)}: {n}"
                for n in names
                if n.split(".")[0] in ("member_wallet", "sync_server")
            ]
    assert found == []
