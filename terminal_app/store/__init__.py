"""The terminal's local store (SQLite + Alembic). See store.py."""

from .store import SqliteReplayGuard, Store, TerminalIdentity, open_store

__all__ = ["SqliteReplayGuard", "Store", "TerminalIdentity", "open_store"]
