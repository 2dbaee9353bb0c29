"""A signed request's nonce is stored once in the route's own transaction: a replay that got past
the early check (sent again before the first copy committed) stores nothing and is refused with
REQUEST_REPLAYED, on SQLite and PostgreSQL; the first copy's transaction is unaffected."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance_protocol.keys import b64, public_raw
from alliance_protocol.request_auth import SignedRequest
from alliance_protocol.testkit import derive_key
from sync_server.db.models import RequestNonce, Terminal
from sync_server.hq import HQ, HQError
from sync_server.routers.deps import SignedTerminal
from sync_server.settings import ServerSettings
from sync_server.terminal_keys import TerminalIdentity


def test_the_same_nonce_is_stored_once_and_the_second_use_refused(database_url: str, tmp_path: Path) -> None:
    if database_url.startswith("sqlite:///"):
        Path(database_url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    hq = HQ.open(ServerSettings(home=tmp_path / "home", database_url=database_url), create_keys=True)
    try:
        hq.create_merchant("M-ONE", "one")
        terminal_id, code = hq.create_terminal("M-ONE")
        key = b64(public_raw(derive_key("nonce-once", terminal_id)))
        hq.enroll(code, key)
        signed = SignedTerminal(
            TerminalIdentity.of(terminal_id, "M-ONE", key), SignedRequest(terminal_id, 0, "n" * 32, b""), b""
        )
        with hq.session() as s, s.begin():
            assert signed.record_use(s).id == terminal_id
        with pytest.raises(HQError) as refused, hq.session() as s, s.begin():
            signed.record_use(s)
        assert (refused.value.reason, refused.value.status) == ("REQUEST_REPLAYED", 409)
        with hq.session() as s:
            assert s.query(RequestNonce).filter_by(terminal_id=terminal_id).count() == 1
            assert s.get(Terminal, terminal_id).last_seen_ms  # the first use was recorded
    finally:
        hq.engine.dispose()
        hq.reader.dispose()
