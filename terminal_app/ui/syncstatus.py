"""The connection to HQ as the counter app shows it: the status bar and the manager's sync page.

    bridge = SyncBridge(store, server_url)       # on the database worker at start: the sync loop starts
    model = SyncModel(ops, bus); model.attach(bridge)
    model.status_changed.connect(...)            # ConnectionStatus: online, queued, last sync, ...
    model.sync_now()                             # wakes the loop; sync_finished(ok, info) when it answered

The network runs on the sync loop's own thread (terminal_app/sync/loop.py), never on the database
worker: a scan or a commit is never queued behind an upload. The loop reports every attempt
(`SyncLoop.on_report`, on its thread); the bridge turns the report into a ConnectionStatus there
and the model receives it on the UI thread. The queue count is refreshed when an operation says it
changed the outbox (changes.Changes.queue). Nothing polls.

Without a server (no URL given and none in the enrolled identity), or when the client cannot be
made, the bridge is store-only and the status says offline (with the reason when there is one).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from .changes import ChangeBus, Changes, Operations

SYNC_NOW_TIMEOUT_MS = 20_000


@dataclass(frozen=True)
class ConnectionStatus:
    online: bool
    queued: int
    last_sync_at: float | None
    bundle_age_s: int | None
    clock_offset_s: float | None
    detail: str = ""  # technical detail of the last failure (shown small, as it is)
    available: bool = False  # a sync client is configured
    reason: str = ""  # Reason code of the last failed attempt (shown in words), "" when fine
    connecting: bool = False  # a server is configured and the first attempt has not answered yet


class SyncBridge:
    """Qt-free: terminal_app.sync's SyncLoop when a server is known (argument, or the enrolled
    identity's server_url); otherwise store-only, offline."""

    def __init__(self, store: Any, server_url: str | None = None, *, interval_s: float = 5.0,
                 on_answer: Callable[[], None] | None = None) -> None:
        self.store = store
        self.on_answer = on_answer  # called (on the loop's thread) after a sync HQ answered
        self.client: Any = None
        self.loop: Any = None
        self.error = ""
        self.listener: Callable[[Any, ConnectionStatus], None] | None = None
        identity = store.identity()
        self.server_url = server_url or (getattr(identity, "server_url", None) if identity else None)
        if self.server_url:
            try:
                from terminal_app.sync import SyncClient, SyncLoop

                self.client = SyncClient(store, self.server_url)
                self.loop = SyncLoop(self.client, interval_s=interval_s)
                self.loop.on_report = self._reported
                self.loop.start()
            except Exception as exc:  # refused URL, missing identity: shown as offline with the reason
                self.error = f"{type(exc).__name__}: {exc}"[:200]
                self.client = self.loop = None

    def _reported(self, report: Any) -> None:  # the sync loop's thread
        if report.ok and self.on_answer is not None:
            self.on_answer()
        listener = self.listener
        if listener is not None:
            try:
                listener(report, self.status())
            except Exception:  # a store that cannot be read now: the next report or change tells
                pass

    def status(self) -> ConnectionStatus:
        queued = self.store.outbox_count()
        last = self.store.last_sync_at()
        bundle = self.store.current_bundle()
        bundle_age = int(time.time() - bundle.issued_at) if bundle is not None else None
        offset = None
        try:
            offset = float(self.store.clock().offset_s)
        except Exception:
            pass
        online, detail, reason, connecting = False, self.error, "", False
        if self.loop is not None:
            st = self.loop.status()
            connecting = st.last_report is None and not st.online  # not "offline" before the first answer
            online, queued, last = bool(st.online), int(st.queued), st.last_sync_at or last
            report = st.last_report
            if report is not None and not report.ok:
                reason, detail = str(report.reason), str(report.detail)[:200]
            elif report is None:
                detail = ""
        return ConnectionStatus(
            online, queued, last, bundle_age, offset, detail, self.client is not None, reason, connecting
        )

    def wake(self) -> bool:
        """Sync now; False when there is no server to sync with."""
        if self.loop is None:
            return False
        self.loop.wake()
        return True

    def stop(self) -> None:
        self.listener = None
        if self.loop is not None:
            try:
                self.loop.stop(timeout=5)
            except Exception:
                pass
        if self.client is not None:
            try:
                self.client.close()
            except Exception:
                pass


class SyncModel(QObject):
    status_changed = Signal(object)  # ConnectionStatus
    sync_finished = Signal(bool, object)  # ok, info dict: uploaded and balances, or reason and detail
    _reported = Signal(object)  # [SyncReport, ConnectionStatus] from the sync loop's thread

    def __init__(self, ops: Operations, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops, self.bus = ops, bus
        self.bridge: SyncBridge | None = None
        self.last_status: ConnectionStatus | None = None
        self._reading = self._again = False
        self._waiting = False  # "sync now" pressed, its attempt not reported yet
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(SYNC_NOW_TIMEOUT_MS)
        self._timeout.timeout.connect(self._timed_out)
        self._reported.connect(self._on_report)
        bus.changed.connect(self._on_changes)

    def attach(self, bridge: SyncBridge) -> None:
        self.bridge = bridge
        bridge.listener = lambda report, status: self._reported.emit([report, status])
        self.refresh()

    def detach(self) -> None:
        self._timeout.stop()
        if self.bridge is not None:
            self.bridge.listener = None

    def refresh(self) -> None:
        """Read the status now (on the database worker; a read already on its way is not doubled)."""
        bridge = self.bridge
        if bridge is None:
            return
        if self._reading:
            self._again = True
            return
        self._reading = True

        def done(st: ConnectionStatus) -> None:
            self._reading = False
            self._show(st)
            if self._again:
                self._again = False
                self.refresh()

        def failed(_exc: Exception) -> None:
            self._reading = False

        self.ops.run(bridge.status, done, failed)

    def _on_changes(self, changes: Changes) -> None:
        if changes.queue and not changes.sync:  # a sync's own report already carries its status
            self.refresh()

    def _show(self, st: ConnectionStatus) -> None:
        self.last_status = st
        self.status_changed.emit(st)

    def _on_report(self, box: list[Any]) -> None:
        report, status = box
        self._show(status)
        if self._waiting:
            self._waiting = False
            self._timeout.stop()
            if report.ok:
                self.sync_finished.emit(
                    True, {"uploaded": int(report.uploaded), "balances": int(report.balances)}
                )
            else:
                self.sync_finished.emit(
                    False, {"reason": str(report.reason), "detail": str(report.detail)[:200]}
                )
        self.bus.publish(Changes.of_report(report))

    def sync_now(self) -> None:
        """Wake the sync loop; `sync_finished` follows its next report (or TIMEOUT). Nothing waits on
        the database worker."""
        bridge = self.bridge
        if bridge is None:
            return
        if not bridge.wake():
            self.sync_finished.emit(False, {"reason": "NO_SERVER", "detail": bridge.error})
            return
        self._waiting = True
        self._timeout.start()

    def _timed_out(self) -> None:
        if self._waiting:
            self._waiting = False
            self.sync_finished.emit(False, {"reason": "TIMEOUT", "detail": ""})
