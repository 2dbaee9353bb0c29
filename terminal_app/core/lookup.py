"""Journal look-ups for what the counter shows and prints (read-only, Qt-free).

    record(store, seq)                        # one record as the log shows it, plus "synced"
    earlier_use(store, declined_record)       # for "already used": the record that used it first

Used after a verdict (when and where a coupon or a code was already used) and for reprints.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from terminal_app.store import Store

from . import ledger

_RECENT = 200_000  # how far back the "already used" search looks (records)


def _row(session: Session, seq: int) -> dict[str, Any] | None:
    row = (
        session.connection()
        .exec_driver_sql("SELECT body, day, voided_by FROM journal WHERE seq = ?", (seq,))
        .first()
    )
    if row is None:
        return None
    body = json.loads(row[0])
    return {**body, "day": row[1], "voided_by": row[2], "synced": seq <= ledger.synced_through(session)}


def record(store: Store, seq: int) -> dict[str, Any] | None:
    if type(seq) is not int:
        return None
    with Session(store.reader) as s:
        return _row(s, seq)


def earlier_use(store: Store, declined: dict[str, Any]) -> dict[str, Any] | None:
    """The approved record that already used what `declined` (a declined record) asked for: the same
    member code (CODE_REPLAYED) or the same single-use coupon of the same member (COUPON_USED).
    None when it is not on this terminal (used elsewhere: HQ knows, this terminal does not)."""
    reason = declined.get("reason")
    live = "status IN ('approved', 'pending_verification') AND seq < ? AND seq > ?"
    seq = int(declined.get("seq") or 0)
    with Session(store.reader) as s:
        conn = s.connection()
        found = None
        if (
            reason == "CODE_REPLAYED"
            and isinstance(declined.get("cert_serial"), int)
            and isinstance(declined.get("counter"), int)
        ):
            found = conn.exec_driver_sql(
                f"SELECT seq FROM journal WHERE member_id = ? AND {live} "
                "AND json_extract(body, '$.cert_serial') = ? AND json_extract(body, '$.counter') = ? "
                "ORDER BY seq LIMIT 1",
                (declined.get("member_id"), seq, seq - _RECENT, declined["cert_serial"], declined["counter"]),
            ).first()
        elif reason == "COUPON_USED" and declined.get("coupon_id"):
            found = conn.exec_driver_sql(
                f"SELECT seq FROM journal WHERE coupon_id = ? AND member_id = ? AND {live} "
                "AND voided_by IS NULL ORDER BY seq DESC LIMIT 1",
                (declined["coupon_id"], declined.get("member_id"), seq, seq - _RECENT),
            ).first()
        return None if found is None else _row(s, found[0])
