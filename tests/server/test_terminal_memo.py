"""A signed request is checked first against the key this process remembers for its terminal
(sync_server/terminal_keys.py), then the route's transaction reads the terminal's row again: a
terminal suspended, or enrolled again with another key, by another process (here: a plain SQL
update behind the server's back) is refused at its very next request and nothing it sent is kept;
and a request of a terminal the process knows takes one pooled connection, its route's own."""

from __future__ import annotations

import httpx
from sqlalchemy import func, select, update

from alliance_protocol import request_auth
from alliance_protocol.keys import b64, public_raw
from alliance_protocol.testkit import derive_key
from sync_server.db.models import RequestNonce, Terminal

from .conftest import RunningServer, Till, counted

BUNDLE = "/v1/terminal/bundle?have=999999"


def signed_get(till: Till, path: str, key=None) -> httpx.Response:
    headers = request_auth.sign_headers(key or till.store.terminal_key(), till.terminal_id, "GET", path, b"")
    return httpx.get(till.client.server_url + path, headers=headers, timeout=10)


def behind_the_servers_back(server: RunningServer, terminal_id: str, **values) -> None:
    with server.hq.session() as s, s.begin():
        s.execute(update(Terminal).where(Terminal.id == terminal_id).values(**values))


def stored_uses(server: RunningServer, terminal_id: str) -> tuple[int, int | None]:
    with server.hq.session() as s:
        nonces = s.scalar(select(func.count()).where(RequestNonce.terminal_id == terminal_id))
        return int(nonces or 0), s.get(Terminal, terminal_id).last_seen_ms


def test_a_terminal_suspended_elsewhere_is_refused_at_its_next_request(
    server: RunningServer, till: Till
) -> None:
    assert signed_get(till, BUNDLE).status_code == 200  # (the server now remembers its key)
    behind_the_servers_back(server, till.terminal_id, status="suspended")
    before = stored_uses(server, till.terminal_id)
    refused = signed_get(till, BUNDLE)
    assert refused.status_code == 403 and refused.json()["reason"] == "TERMINAL_SUSPENDED"
    assert stored_uses(server, till.terminal_id) == before  # neither its nonce nor "seen" kept
    assert signed_get(till, BUNDLE).status_code == 403  # and again
    behind_the_servers_back(server, till.terminal_id, status="active")
    assert signed_get(till, BUNDLE).status_code == 200


def test_a_terminal_enrolled_again_elsewhere_is_checked_against_its_new_key(
    server: RunningServer, till: Till
) -> None:
    old = till.store.terminal_key()
    assert signed_get(till, BUNDLE, old).status_code == 200
    new = derive_key("re-enrolled", till.terminal_id)
    behind_the_servers_back(server, till.terminal_id, public_key=b64(public_raw(new)))
    before = stored_uses(server, till.terminal_id)
    refused = signed_get(till, BUNDLE, old)  # the key the server remembers, no longer the terminal's
    assert refused.status_code == 401 and refused.json()["reason"] == "REQUEST_BAD_SIGNATURE"
    assert stored_uses(server, till.terminal_id) == before
    assert signed_get(till, BUNDLE, new).status_code == 200
    assert signed_get(till, BUNDLE, old).status_code == 401
    behind_the_servers_back(server, till.terminal_id, public_key=b64(public_raw(old)))
    assert signed_get(till, BUNDLE, old).status_code == 200


def test_a_known_terminals_request_takes_one_pooled_connection(server: RunningServer, till: Till) -> None:
    assert signed_get(till, BUNDLE).status_code == 200
    with counted(server) as (_statements, checkouts):
        for _ in range(3):
            assert signed_get(till, BUNDLE).status_code == 200
    assert len(checkouts) == 3  # the route's transaction; no read of its own before it
