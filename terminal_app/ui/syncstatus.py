"""What the status bar and the sync page show about syncing, from whatever is available.

Uses the lead's terminal_app.sync (SyncClient / SyncLoop) when it is importable and a server URL
is configured; otherwise reads the queue and last sync straight from the store (offline).
Every call here runs on the task runner's thread, never on the UI thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SyncStatus:
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
    """terminal_app.sync's SyncLoop when a server is known (argument, or the enrolled identity's
    server_url); otherwise store-only, offline."""

    def __init__(self, store: Any, server_url: str | None = None, *, interval_s: float = 5.0) -> None:
        self.store = store
        self.client = None
        self.loop = None
        self.error = ""
        identity = store.identity()
        self.server_url = server_url or (getattr(identity, "server_url", None) if identity else None)
        if self.server_url:
            try:
                from terminal_app.sync import SyncClient, SyncLoop

                self.client = SyncClient(store, self.server_url)
                self.loop = SyncLoop(self.client, interval_s=interval_s)
                self.loop.start()
            except Exception as exc:  # refused URL, missing identity: shown as offline with the reason
                self.error = f"{type(exc).__name__}: {exc}"[:200]
                self.client = self.loop = None

    def status(self) -> SyncStatus:
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
        return SyncStatus(
            online, queued, last, bundle_age, offset, detail, self.client is not None, reason, connecting
        )

    def sync_now(self) -> tuple[bool, dict[str, Any]]:
        """Wake the loop and wait (on the task thread) until it reported a new attempt.
        Returns (ok, info): info has uploaded and balances, or reason ("NO_SERVER", "TIMEOUT" or a
        Reason code) and detail. The page turns these into words; nothing here is shown as it is."""
        if self.loop is None:
            return False, {"reason": "NO_SERVER", "detail": self.error}
        before = self.loop.status().last_report
        self.loop.wake()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            report = self.loop.status().last_report
            if report is not None and report is not before:
                if report.ok:
                    return True, {"uploaded": int(report.uploaded), "balances": int(report.balances)}
                return False, {"reason": str(report.reason), "detail": str(report.detail)[:200]}
            time.sleep(0.05)
        return False, {"reason": "TIMEOUT", "detail": ""}

    def stop(self) -> None:
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
