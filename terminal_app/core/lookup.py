"""Journal look-ups for what the counter shows and prints (read-only, Qt-free).

    record(store, seq)                        # one record as the log shows it, plus "synced"
    earlier_use(store, declined_record)       # for "already used": the record that used it first

Used after a verdict (when and where a coupon or a code was already used) and for reprints.
The queries are terminal_app/store/journal_table.py's.
"""

from __future__ import annotations

from typing import Any

from terminal_app.store import Store


def record(store: Store, seq: int) -> dict[str, Any] | None:
    if type(seq) is not int:
        return None
    with store.read() as tx:
        return tx.journal.view(seq)


def earlier_use(store: Store, declined: dict[str, Any]) -> dict[str, Any] | None:
    """The approved record that already used what `declined` (a declined record) asked for: the same
    member code (CODE_REPLAYED) or the same single-use coupon of the same member (COUPON_USED).
    None when it is not on this terminal (used elsewhere: HQ knows, this terminal does not)."""
    with store.read() as tx:
        return tx.journal.earlier_use(declined)
