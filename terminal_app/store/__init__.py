"""The terminal's local store (SQLite + Alembic) and its one data-access layer.

`Store` (store.py): the files, the engines, short one-transaction helpers. `Tx` (tx.py): a
transaction with the tables over it, the only code that reads or writes them: state.py (named
values), replay.py (used codes), journal_table.py (records, outbox entries), tallies.py (what the
rules add up), outbox.py, balances.py, bundles.py, managers.py.
"""

from .state import Key
from .store import Store, TerminalIdentity, open_store
from .tx import Tx

__all__ = ["Key", "Store", "TerminalIdentity", "Tx", "open_store"]
