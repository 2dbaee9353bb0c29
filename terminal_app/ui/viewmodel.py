"""CounterViewModel: the counter app's composition root; it builds the parts and hands them out.

    vm = CounterViewModel(store, server_url=url); vm.start()
    vm.counter    # CounterModel (counter.py): the cashier's flow, the one owner of the open transaction
    vm.managers   # ManagerModel (managing.py): who is signed in, log, void, backfill, shift reports
    vm.sync       # SyncModel (syncstatus.py): the connection to HQ, "sync now" (network on its own thread)
    vm.printer    # PrintJobs (printjobs.py): receipts and reports on their own worker
    vm.changes    # ChangeBus (changes.py): what each operation changed; views refresh only that

Views call those parts and listen to their signals; nothing here touches a widget or reads the
store. Threads: the database worker (`runner`, one thread: the service is used by one thread at a
time, in order), the printer's worker, the sync loop's thread (network). `start()` builds the
service, the managers' book and the sync bridge on the database worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from alliance_protocol.reasons import Reason
from terminal_app.printing.layout import yuan

from .changes import ChangeBus, Operations
from .counter import REOPEN_HOLDOFF_S, CounterModel, peek_member
from .managing import DEFAULT_LOG, ManagerModel
from .printjobs import PrintJobs
from .syncstatus import SyncBridge, SyncModel
from .tasks import TaskRunner
from .verdictinfo import VerdictInfo

__all__ = [
    "DEFAULT_LOG",
    "REOPEN_HOLDOFF_S",
    "CounterViewModel",
    "VerdictInfo",
    "parse_yuan",
    "peek_member",
    "yuan",
]

FIRST_MANAGER = "店长"  # a fresh terminal's first manager (PIN 1234, flagged to be changed)
FIRST_PIN = "1234"


def parse_yuan(text: str) -> int | None:
    """'12.5' -> 1250 fen (integers only: no float ever touches an amount). None if not an amount."""
    text = (text or "").strip()
    if not text:
        return 0
    whole, _, frac = text.partition(".")
    if not (whole or frac) or len(frac) > 2:
        return None
    if (whole and not whole.isdigit()) or (frac and not frac.isdigit()):
        return None
    if len(whole) > 9:
        return None
    return int(whole or "0") * 100 + int((frac + "00")[:2])


class CounterViewModel(QObject):
    service_ready = Signal()
    service_failed = Signal(str)  # reason code value
    busy_changed = Signal(bool)  # the database worker has work queued

    def __init__(
        self,
        store: Any,
        *,
        server_url: str | None = None,
        service_factory: Callable[[Any], Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store  # opened by the caller; used only by the parts built in start()
        self.server_url = server_url
        self.runner = TaskRunner(self)
        self.runner.busy_changed.connect(self.busy_changed)
        self.changes = ChangeBus(self)
        self.ops = Operations(self.runner, self.changes)
        self.printer = PrintJobs(self)
        self.counter = CounterModel(self.ops, self.printer, self)
        self.managers = ManagerModel(self.ops, self.printer, self)
        self.sync = SyncModel(self.ops, self.changes, self)
        self.service: Any = None
        self.bridge: SyncBridge | None = None
        self._service_factory = service_factory
        self._online: Any = None  # terminal_app.sync.online.OnlineClient (closed at shutdown)
        # A record HQ holds something for goes up at once: its upload captures (or releases) the hold.
        self.counter.verdict.connect(self._upload_soon)

    @property
    def settings(self) -> Any:
        return self.printer.settings

    @settings.setter
    def settings(self, value: Any) -> None:
        self.printer.settings = value

    def start(self) -> None:
        store, server_url, factory = self._store, self.server_url, self._service_factory

        def build() -> tuple[Any, SyncBridge, Any]:
            from terminal_app.core.managers import ManagerBook
            from terminal_app.core.service import TerminalService

            if factory is not None:
                service = factory(store)
            else:  # online first (HQ authorises each transaction), offline when it must
                from terminal_app.sync.online import online_client_for

                self._online = online_client_for(store, server_url)
                service = TerminalService(store, online=self._online)
            book = ManagerBook(store)
            if book.count() == 0:
                book.ensure_first(FIRST_MANAGER, FIRST_PIN)
            online = getattr(service, "online", None)  # a sync HQ answered brings online decisions back
            return service, SyncBridge(store, server_url, on_answer=getattr(online, "mark_up", None)), book

        def done(value: tuple[Any, SyncBridge, Any]) -> None:
            self.service, self.bridge, book = value
            self.counter.service = self.managers.service = self.printer.service = self.service
            self.managers.book = book
            self.service_ready.emit()
            self.sync.attach(self.bridge)

        def failed(exc: Exception) -> None:
            reason = str(exc) if str(exc) in Reason.__members__ else Reason.INTERNAL_ERROR.value
            self.service_failed.emit(reason)

        self.runner.run(build, done, failed)

    def _upload_soon(self, result: Any, _kind: str) -> None:
        recorded = getattr(result, "decided_by", None) is not None and result.seq is not None
        if recorded and self.bridge is not None:
            self.bridge.wake()

    def shutdown(self) -> None:
        self.sync.detach()
        self.runner.wait(5000)
        if self.bridge is not None:
            self.bridge.stop()
        if self._online is not None:
            self._online.close()
