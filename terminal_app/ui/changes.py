"""What an operation changed, so the UI refreshes only that (the model: Anki's OpChanges).

    bus.publish(Changes.of_result(txn))          # a record was written: journal + queue
    bus.changed.connect(lambda ch: ch.queue and refresh_queue())

Every operation of the view-models says what it changed once it is done (`Operations.run`), and
the sync loop says what a sync changed (`Changes.of_report`). Nothing polls: the status bar, the
manager's log and the shift reports listen here and reload what the change touches.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from .tasks import TaskRunner


@dataclass(frozen=True)
class Changes:
    journal: bool = False  # records were written (the log, the reports, a receipt)
    queue: bool = False  # the outbox changed (a record queued, or HQ acknowledged some)
    shift: bool = False  # a shift closed (the Z reports)
    sync: bool = False  # the connection to HQ (online, last sync, clock, the last failure)
    balances: bool = False  # HQ's balances arrived
    terms: bool = False  # a new trust bundle (rules, catalogue)
    managers: bool = False  # managers, their PINs or locks

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in dataclasses.fields(self)}
        )

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in dataclasses.fields(self))

    @classmethod
    def of_result(cls, result: Any) -> Changes:
        """A service result: its attempt was journaled (and queued for HQ) when it has a seq."""
        recorded = getattr(result, "seq", None) is not None
        return cls(journal=recorded, queue=recorded)

    @classmethod
    def of_report(cls, report: Any) -> Changes:
        """A sync attempt (terminal_app.sync.SyncReport): always the connection; the rest as it did."""
        return cls(
            sync=True,
            queue=bool(getattr(report, "uploaded", 0)),
            balances=bool(getattr(report, "balances", 0)),
            terms=getattr(report, "bundle_sequence", None) is not None,
        )


NOTHING = Changes()


class ChangeBus(QObject):
    """The one place changes are announced (on the UI thread)."""

    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        if changes.any:
            self.changed.emit(changes)


class Operations:
    """Store and service calls as operations: run on the database worker (one thread, in order),
    the answer delivered on the UI thread, then what it changed published on the bus."""

    def __init__(self, runner: TaskRunner, bus: ChangeBus) -> None:
        self.runner, self.bus = runner, bus

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        changes: Changes | Callable[[Any], Changes] = NOTHING,
    ) -> None:
        def done(value: Any) -> None:
            if on_done is not None:
                on_done(value)
            self.bus.publish(changes(value) if callable(changes) else changes)

        self.runner.run(fn, done, on_error)
