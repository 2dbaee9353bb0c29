"""Background sync on its own thread: as soon as the server answers, upload; when it does not, back
off with jitter.

    loop = SyncLoop(SyncClient(store)); loop.start(); loop.wake(); loop.status(); loop.stop()
    loop.on_report = callback       # callback(SyncReport) after every attempt, on the loop's thread

`status()` is a LoopStatus: the last report, failures in a row, when the next attempt is due, and
the queue and last sync read from the store. The counter app listens through `on_report`
(terminal_app/ui/syncstatus.py) instead of asking.

The delay after a failure doubles from `base_s` up to `cap_s`, and each wait is drawn uniformly
from [0, delay] ("full jitter"), so a fleet of terminals coming back after an outage does not
hammer the server in step. After a success the next sync is `interval_s` later, or at `wake()`.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from .client import SyncClient, SyncReport


@dataclass(frozen=True)
class LoopStatus:
    online: bool
    queued: int
    last_sync_at: float | None
    last_report: SyncReport | None
    failures: int
    next_attempt_in_s: float


def backoff_delay(failures: int, base_s: float, cap_s: float, rng: random.Random) -> float:
    return rng.uniform(0, min(cap_s, base_s * (2 ** max(0, failures - 1))))


class SyncLoop:
    def __init__(
        self,
        client: SyncClient,
        *,
        interval_s: float = 5.0,
        base_s: float = 1.0,
        cap_s: float = 60.0,
        rng: random.Random | None = None,
    ) -> None:
        self.client = client
        self.interval_s, self.base_s, self.cap_s = interval_s, base_s, cap_s
        self.rng = rng or random.Random()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._report: SyncReport | None = None
        self._failures = 0
        self._next_at = 0.0
        self.on_report: Callable[[SyncReport], None] | None = None  # called from the loop thread

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sync-loop", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)

    def wake(self) -> None:
        """Sync now (the manager's "sync now", or a new record in the outbox)."""
        self._wake.set()

    def status(self) -> LoopStatus:
        store = self.client.store
        with self._lock:
            report, failures, next_at = self._report, self._failures, self._next_at
        return LoopStatus(
            online=bool(report and report.ok),
            queued=store.outbox_count(),
            last_sync_at=store.last_sync_at(),
            last_report=report,
            failures=failures,
            next_attempt_in_s=max(0.0, next_at - time.monotonic()),
        )

    def _run(self) -> None:
        while not self._stop.is_set():
            report = self.client.sync_once()
            with self._lock:
                self._report = report
                self._failures = 0 if report.ok else self._failures + 1
                delay = (
                    self.interval_s
                    if report.ok
                    else backoff_delay(self._failures, self.base_s, self.cap_s, self.rng)
                )
                self._next_at = time.monotonic() + delay
            if self.on_report:
                self.on_report(report)
            self._wake.wait(delay)
            self._wake.clear()
