"""HQ's server-issued sequences (table `counters`, one row each; migration 0005).

change_cursor    the value of the last change given to a member (terminals download balances
                 "changed after C": strictly increasing, never a client clock). Its row, locked
                 FOR UPDATE, is also the alliance-wide books lock (`lock_books`).
bundle_sequence  the trust bundle version in force (sync_server/bundles.py locks it while one
                 is issued, so one worker issues a sequence at a time).
"""

from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from .db.models import Counter
from .dialect import insert_ignore

CHANGE_CURSOR = "change_cursor"
BUNDLE_SEQUENCE = "bundle_sequence"


def lock(s: Session, name: str) -> Counter:
    """The counter's row, locked FOR UPDATE until the transaction ends (SQLite: its one writer)."""
    row = s.get(Counter, name, with_for_update=True)
    if row is None:  # (migration 0005 creates both rows; a database made from the models alone has none)
        s.execute(insert_ignore(s, Counter, ["name"]).values(name=name, value=0))
        row = s.get(Counter, name, with_for_update=True, populate_existing=True)
    assert row is not None
    return row


def lock_books(s: Session) -> None:
    """The alliance-wide lock every batch's decisions take: decisions that depend on what was used
    before (single-use codes, caps, quotas, stock, balances) follow one order, the order HQ stores
    them in. Held until the transaction commits. (Taken by every decision: a plain statement,
    built once, rather than the row as an object.)"""
    if s.execute(_LOCK_BOOKS).first() is None:
        lock(s, CHANGE_CURSOR)  # (the row made first)


_LOCK_BOOKS = select(Counter.value).where(Counter.name == CHANGE_CURSOR).with_for_update()


_ADVANCE_CURSOR = (
    update(Counter)
    .where(Counter.name == CHANGE_CURSOR)
    .values(value=Counter.value + bindparam("count"))
    .returning(Counter.value)
)


def next_cursor(s: Session, count: int = 1) -> int:
    """The first of `count` fresh values of the change cursor. Each changed member gets its own
    value, so paging never splits one. Takes the books lock (the cursor's row) if not held yet."""
    first = s.execute(
        _ADVANCE_CURSOR, {"count": count}, execution_options={"synchronize_session": False}
    ).scalar()
    if first is None:
        lock(s, CHANGE_CURSOR)
        return next_cursor(s, count)
    return int(first) - count + 1
