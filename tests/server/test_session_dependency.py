"""The per-request session dependency (routers/deps.get_session) runs on the event loop (no thread
hop: making a session does no I/O); a session a route left inside a transaction is rolled back
and closed at the end of the request, its connection back in the pool."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import select

from sync_server.db.models import Merchant
from sync_server.hq import HQ
from sync_server.routers.deps import get_session
from sync_server.settings import ServerSettings


def test_a_session_left_in_a_transaction_is_rolled_back_and_its_connection_returned(tmp_path: Path) -> None:
    hq = HQ.open(
        ServerSettings(home=tmp_path / "home", database_url=f"sqlite:///{tmp_path / 'hq.sqlite3'}"),
        create_keys=True,
    )
    try:

        async def request() -> object:
            dependency = get_session(hq)
            s = await anext(dependency)
            s.add(
                Merchant(
                    id="M-LEFT",
                    name="left open",
                    industry="retail",
                    rank="basic",
                    daily_target_fen=0,
                    created_at=0,
                )
            )
            s.flush()  # a transaction with a write, never committed
            assert s.in_transaction()
            await dependency.aclose()  # the request ends
            return s

        s = asyncio.run(request())
        assert not s.in_transaction()
        assert hq.engine.pool.checkedout() == 0
        with hq.session() as check:
            assert check.scalar(select(Merchant).where(Merchant.id == "M-LEFT")) is None
    finally:
        hq.engine.dispose()
        hq.reader.dispose()
