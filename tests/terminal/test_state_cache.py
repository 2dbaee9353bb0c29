"""The store keeps its named state and its key between reads (terminal_app/store/state_cache.py):
a signed call to HQ reads them without a database read of its own, and a commit by anyone (this
store, another store on the same file, another process) or a new key file is seen at the next read."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import event

from alliance_protocol.keys import b64, public_raw
from terminal_app.store import open_store
from terminal_app.store.state import Key
from terminal_app.store.store import TerminalIdentity


def _reads(store) -> list[object]:
    seen: list[object] = []
    event.listen(store.reader.pool, "checkout", lambda *a: seen.append(a))
    return seen


def test_state_read_again_only_after_a_commit(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.save_identity(TerminalIdentity("T-1", "M-1"))
    store.set_root_keys([b"r" * 32])
    reads = _reads(store)
    for _ in range(3):
        assert store.identity() == TerminalIdentity("T-1", "M-1")
        assert store.root_keys() == [b"r" * 32]
        assert store.clock().offset_s == 0
    assert len(reads) == 3  # each key read once, then kept
    store.record_server_time(10_000_000, 0, 0)  # a commit (the clock learned)
    assert store.clock().offset_s != 0
    assert store.identity() == TerminalIdentity("T-1", "M-1")
    assert len(reads) == 5  # read again after the commit: clock, identity
    store.close()


def test_a_commit_by_another_connection_or_process_is_seen_at_once(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.save_identity(TerminalIdentity("T-1", "M-1", server_url="http://a"))
    assert store.identity().server_url == "http://a"
    other = open_store(tmp_path)  # another store on the same file (a tool, a second window)
    other.save_identity(TerminalIdentity("T-1", "M-1", server_url="http://b"))
    assert store.identity().server_url == "http://b"
    db = str(store.path)
    code = (
        "import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('UPDATE state SET value = ? WHERE key = ?', "
        "(json.dumps({'terminal_id': 'T-1', 'merchant_id': 'M-1', 'server_url': 'http://c'}), 'identity')); "
        "c.commit()"
    )
    subprocess.run([sys.executable, "-c", code, db], check=True)
    assert store.identity().server_url == "http://c"
    with sqlite3.connect(db) as raw:  # a key deleted behind the store's back
        raw.execute("DELETE FROM state WHERE key = ?", (str(Key.ROOT_KEYS),))
    assert store.root_keys() == []
    other.close()
    store.close()


def test_a_new_key_file_is_read_anew(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    first = store.create_terminal_key()
    assert public_raw(store.terminal_key()) == public_raw(first)
    assert store.terminal_key() is store.terminal_key()  # kept: not parsed again
    store.key_path.unlink()
    second = store.create_terminal_key()
    assert b64(public_raw(store.terminal_key())) == b64(public_raw(second)) != b64(public_raw(first))
    store.close()
