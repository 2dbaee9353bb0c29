"""One transaction on the terminal's database, with the tables over it (the repository layer).

    with store.write() as tx:             # BEGIN IMMEDIATE ... COMMIT (rollback on an exception)
        tx.journal.insert(...); tx.replay.consume(...); tx.state.put(Key.SHIFT, 2)
    with store.read() as tx:              # a consistent snapshot; never waits for the write lock
        tx.tallies.earned_on(member_id, day)

Every read and write of the terminal's tables goes through these classes (terminal_app/store/
state.py, replay.py, journal_table.py, tallies.py, outbox.py, balances.py, bundles.py,
managers.py, pending.py). `Tx.of` adapts a SQLAlchemy Session or Connection opened elsewhere (tools and
tests that fill a journal inside their own transaction).
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from .balances import BalanceTable
from .bundles import BundleTable
from .journal_table import JournalTable
from .managers import ManagerTable
from .outbox import OutboxTable
from .pending import PendingTable
from .replay import ReplayTable
from .state import StateTable
from .tallies import Tallies


class Tx:
    __slots__ = (
        "conn",
        "state",
        "journal",
        "tallies",
        "replay",
        "outbox",
        "balances",
        "bundles",
        "pending",
        "_managers",
    )

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.state = StateTable(conn)
        self.journal = JournalTable(conn)
        self.tallies = Tallies(conn)
        self.replay = ReplayTable(conn)
        self.outbox = OutboxTable(conn)
        self.balances = BalanceTable(conn)
        self.bundles = BundleTable(conn)
        self.pending = PendingTable(conn)
        self._managers: ManagerTable | None = None

    @property
    def managers(self) -> ManagerTable:
        if self._managers is None:
            self._managers = ManagerTable(self.conn)
        return self._managers

    @classmethod
    def of(cls, where: Tx | Session | Connection) -> Tx:
        if isinstance(where, Tx):
            return where
        return cls(where.connection() if isinstance(where, Session) else where)
