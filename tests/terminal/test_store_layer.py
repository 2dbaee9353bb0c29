"""The terminal's one data-access layer: only terminal_app/store reads or writes the tables."""

from __future__ import annotations

import ast
from pathlib import Path

import terminal_app
from alliance_protocol.testkit import T0
from terminal_app.store import Key

DB_ACCESS = {"exec_driver_sql", "scalars", "writer", "reader"}  # SQL, ORM reads, the two engines


def test_only_the_store_package_touches_the_database() -> None:
    """No SQL, no ORM session and no engine outside terminal_app/store: the core, the commands, the
    sync client and the UI go through Store / Tx (the replay guard and the named state included)."""
    root = Path(terminal_app.__file__).parent
    found = []
    for path in root.rglob("*.py"):
        rel = path.relative_to(root)
        if rel.parts[0] == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in DB_ACCESS and not _csv(node):
                found.append(f"{rel}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Session":
                found.append(f"{rel}:{node.lineno} Session(...)")
    assert found == []


def _csv(node: ast.Attribute) -> bool:
    return isinstance(node.value, ast.Name) and node.value.id == "csv"  # csv.writer is not an engine


def test_named_state_has_one_implementation(store) -> None:
    """Store.get_state/set_state, the transaction's state table and the journal's head marker are one
    table read one way: what one writes the others read."""
    store.set_state(Key.SHIFT, 7)
    with store.read() as tx:
        assert tx.state.shift() == 7 and tx.state.get("shift") == 7
    with store.write() as tx:
        tx.state.put(Key.SYNCED_THROUGH, 3)
    assert store.synced_through() == 3 and store.get_state("synced_through") == 3
    with store.write() as tx:
        assert not tx.outbox.mark_synced(2)  # never back
    assert store.synced_through() == 3


def test_a_transaction_rolls_back_as_a_whole(store) -> None:
    try:
        with store.write() as tx:
            tx.state.put(Key.SHIFT, 9)
            tx.replay.consume(1, 1, T0, now=T0, retention=150)
            raise RuntimeError("the decision failed")
    except RuntimeError:
        pass
    assert store.get_state(Key.SHIFT) is None and not store.replay_check().seen(1, 1)
