"""What the store read last of its named state and of its key file, kept while the files have not
changed (Store.get_state, Store.terminal_key).

A signed call to HQ reads the identity, the corrected clock and the pinned root keys (some of them
twice: the answer's certificates are checked on the clock, and the clock is learned from it), and
the terminal key: five reads, each a pooled connection, a transaction and a statement, plus a PEM
file parsed, inside every online authorisation's round trip. Kept here, they cost one check each.

The database check is SQLite's `PRAGMA data_version` on a connection of this cache's own, which
only ever reads it: the number changes whenever any other connection commits to the file, this
process's writer or another process's. A value is kept with the number seen *before* it was read,
so a commit racing the read makes the next check read again; nothing older than the last commit
is ever returned. The key file is checked by its stat (inode, size, modification time).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alliance_protocol.keys import read_private_key


class StateCache:
    def __init__(self, db_path: Path) -> None:
        self._watch = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        self._values: dict[str, tuple[int, str | None]] = {}  # key -> (data_version, JSON text)
        self._key: tuple[tuple[int, int, int], Ed25519PrivateKey] | None = None

    def close(self) -> None:
        with self._lock:
            self._watch.close()
            self._values.clear()

    def text(self, key: str, read: Callable[[str], str | None]) -> str | None:
        """The JSON text of `key` (None: no such key): as kept, or `read(key)` when anything
        committed since it was kept."""
        with self._lock:
            version = int(self._watch.execute("PRAGMA data_version").fetchone()[0])
        kept = self._values.get(key)
        if kept is not None and kept[0] == version:
            return kept[1]
        value = read(key)
        self._values[key] = (version, value)
        return value

    def private_key(self, path: Path) -> Ed25519PrivateKey:
        st = os.stat(path)
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        kept = self._key
        if kept is not None and kept[0] == stamp:
            return kept[1]
        key = read_private_key(path)
        self._key = (stamp, key)
        return key
