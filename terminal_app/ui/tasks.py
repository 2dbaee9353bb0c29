"""Run store/service calls off the UI thread (model: Anki's taskman / CollectionOp).

    runner = TaskRunner()
    runner.run(lambda: service.scan(text), on_done=self.show_scan)

The callable runs on a one-thread QThreadPool (the service is used by one thread at a time, in
submission order); `on_done(result)` runs on the UI thread through a queued signal. An exception
in the callable reaches `on_error(exc)` (default: logged), never the UI thread's stack.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        try:
            result = self.fn()
        except Exception as exc:  # delivered to on_error on the UI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.failed.emit([exc])
            return
        # wrapped in a list: a bare None through a queued Signal(object) can corrupt None's refcount
        self.relay.done.emit([result])


class TaskRunner(QObject):
    """Serial background execution with results delivered on the thread that owns the runner."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._pending: set[_Relay] = set()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        relay = _Relay()  # created here: lives on the UI thread, so its slots run there
        self._pending.add(relay)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)

        def finish() -> None:
            self._pending.discard(relay)
            relay.deleteLater()
            if not self._pending:
                self.busy_changed.emit(False)

        def done(box: list) -> None:
            if not isValid(self):
                return  # the window (and its runner) went away while this ran: nobody to tell
            finish()
            if on_done is not None:
                on_done(box[0])

        def failed(box: list) -> None:
            exc = box[0]
            if not isValid(self):
                return
            finish()
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background task failed: %s", getattr(exc, "__traceback_text__", exc))

        relay.done.connect(done)
        relay.failed.connect(failed)
        self.pool.start(_Task(fn, relay))

    def wait(self, msecs: int = 5000) -> bool:
        """Block until queued tasks finished (shutdown, tests). Results still arrive as events."""
        return self.pool.waitForDone(msecs)
