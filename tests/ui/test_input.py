"""Codes arriving from a keyboard-wedge scanner and from the camera thread."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alliance_protocol.reasons import Reason
from member_wallet.virtual_camera import VirtualCamera
from terminal_app.ui.camera import CameraWorker, ScanDeduper

from .helpers import fresh_code, wait_verdict


def test_wedge_scanner_without_focused_field_scans(qtbot, window, member):
    w = window
    w.setFocus()
    w.cashier.ready.code_field.clearFocus()
    qtbot.waitUntil(
        lambda: not isinstance(QApplication.focusWidget(), type(w.cashier.ready.code_field)), timeout=2000
    )
    code = fresh_code(member)
    w.wedge.max_gap_s = 0.5  # tolerate a loaded CI machine; real scanners send keys 1-10 ms apart
    qtbot.keyClicks(w, code)  # as fast as a scanner types
    qtbot.keyClick(w, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.cashier.stack.currentIndex() == w.cashier.TRANSACTION, timeout=5000)
    assert w.cashier.transaction.member_id.text() == "*0001"
    assert w.cashier.ready.code_field.text() == ""  # nothing leaked into a field


def test_wedge_burst_into_amount_field_is_a_scan_not_an_amount(qtbot, window, member, alliance):
    w = window
    from .helpers import scan_by_field

    scan_by_field(qtbot, w, fresh_code(member))
    bill = w.cashier.transaction.bill
    bill.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bill, timeout=2000)
    w.wedge.max_gap_s = 0.5  # tolerate a loaded CI machine
    qtbot.keyClicks(bill, fresh_code(alliance.member(10002)))
    qtbot.keyClick(bill, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.cashier.strip.kind == "offer", timeout=3000)
    assert bill.text() == ""  # the scanner's digits did not become a bill amount


def test_slow_typing_reaches_the_amount_field(qtbot, window, member):
    w = window
    from .helpers import scan_by_field

    scan_by_field(qtbot, w, fresh_code(member))
    bill = w.cashier.transaction.bill
    bill.setFocus()
    for ch in "42":
        qtbot.keyClick(bill, ch)
        qtbot.wait(150)  # a person, not a scanner
    qtbot.waitUntil(lambda: bill.text() == "42", timeout=2000)


def test_wedge_idle_timeout_submits_without_enter(qtbot, window):
    w = window
    w.setFocus()
    w.wedge.max_gap_s = 0.5  # tolerate a loaded CI machine
    qtbot.keyClicks(w, "NOTAMEMBERCODE")
    wait_verdict(qtbot, w)  # submitted by the idle timeout: declined as not a member code
    assert w.verdict.result.reason is Reason.UNKNOWN_FORMAT


def test_deduper_holds_off_a_code_in_front_of_the_camera():
    d = ScanDeduper(holdoff_s=3)
    assert d.accept("A", now=0.0)
    assert not d.accept("A", now=0.1)
    assert not d.accept("A", now=2.9)  # each sighting extends the hold-off
    assert not d.accept("A", now=5.0)
    assert d.accept("B", now=5.1)
    assert d.accept("A", now=9.0)  # gone for more than 3 s: a new scan


def test_camera_worker_decodes_off_the_ui_thread_once_per_code(qtbot, member):
    current = {"code": fresh_code(member)}
    worker = CameraWorker(VirtualCamera(lambda: current["code"], fps=60), "zxing", holdoff_s=2)
    seen: list[str] = []
    frames = []
    worker.code_seen.connect(seen.append)
    worker.frame_ready.connect(frames.append)
    worker.start()
    try:
        qtbot.waitUntil(lambda: len(seen) == 1 and worker.frames > 10, timeout=5000)
        assert seen == [current["code"]]  # many frames, one scan
        current["code"] = fresh_code(member)
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
        assert seen[1] == current["code"]
        assert frames and frames[0].width() == 640 and frames[0].height() == 480
    finally:
        worker.stop()


def test_virtual_camera_in_the_window_scans(qtbot, store, home, member):
    from .conftest import make_window

    code = fresh_code(member)
    shown = {"code": ""}
    w = make_window(qtbot, store, home, camera_source=lambda: VirtualCamera(lambda: shown["code"]))
    try:
        w.start_camera()
        assert w.camera_worker is not None
        time.sleep(0.1)
        shown["code"] = code
        qtbot.waitUntil(lambda: w.cashier.stack.currentIndex() == w.cashier.TRANSACTION, timeout=5000)
        assert w.cashier.transaction.member_id.text() == "*0001"
    finally:
        w.shutdown()


def test_rotating_code_of_the_same_member_does_not_prompt(qtbot, window, member, alliance):
    from .helpers import scan_by_field

    w = window
    scan_by_field(qtbot, w, fresh_code(member))
    w.camera_code(fresh_code(member))  # the phone, still in view, rotated to its next code
    qtbot.wait(200)
    assert w.cashier.strip.kind == "" and w.vm.counter.offer is None
    w.camera_code(fresh_code(alliance.member(10002)))  # another member's phone: offered, nothing replaced
    qtbot.waitUntil(lambda: w.cashier.strip.kind == "offer", timeout=3000)
    assert w.cashier.transaction.member_id.text() == "*0001"


def test_scans_are_ignored_on_manager_pages(qtbot, window, member):
    w = window
    w.ask_pin("manager")
    w.code_arrived(fresh_code(member))
    qtbot.wait(200)
    assert w.pages.currentIndex() == w.PIN and w.vm.counter.open_scan is None
