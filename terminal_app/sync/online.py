"""The terminal's online calls to HQ, each within a time budget (Qt-free; docs/online-authorisation.md).

    online = OnlineClient(store)                      # server URL from the enrolled identity
    live = online.lookup(code, budget_s=1.5)          # MemberLive | Unanswered
    answer = online.authorise(record, budget_s=1.5)   # AuthorisationAnswer | Unanswered
    answer = online.resolve(seq, budget_s=1.5)        # AuthorisationAnswer | Unanswered

Requests are signed and answers verified exactly as every sync call is (terminal_app/sync/client.py:
HQ's signature over this request's nonce, by a response key a pinned root certifies); an answer
must also be about what was asked (the same seq, the same member). Anything else is `Unanswered`
with a reason: no answer within the budget (SERVER_UNREACHABLE), an unauthenticated or malformed
answer, or HQ refusing the request (its reason). The budget is a hard deadline on the caller's
side: the call runs on a small pool of worker threads and the caller stops waiting when the budget
is spent, whatever the network does (a connection that trickles bytes included). A request left
behind finishes on its own and its answer is dropped: the idempotency key (terminal, seq) makes
that safe (HQ's decision for it is asked for again, or settled by the record's upload).
"""

from __future__ import annotations

import concurrent.futures as cf
from typing import Any

import httpx
from pydantic import BaseModel, ValidationError

from alliance_protocol.reasons import Reason
from alliance_protocol.wire import (
    AuthorisationAnswer,
    AuthoriseRequest,
    MemberLive,
    MemberLookup,
    ResolveRequest,
)
from terminal_app.core.online import Unanswered

from .client import SyncClient, SyncError

LINGER_S = 30.0  # a request left behind gives up after this (its socket closes, its worker is free)


class OnlineClient:
    def __init__(self, store: Any, server_url: str | None = None, *, workers: int = 8) -> None:
        self.store = store
        # Its own HTTP client (keep-alive to HQ); the budget is each call's own deadline (below).
        self.client = SyncClient(store, server_url, timeout_s=LINGER_S)
        self._pool = cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hq-online")

    @property
    def configured(self) -> bool:
        return bool(self.client.server_url)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.client.close()

    def _within(self, budget_s: float, path: str, body: BaseModel) -> dict[str, Any] | Unanswered:
        if not self.configured:
            return Unanswered(
                Reason.SERVER_UNREACHABLE.value, "no server: this terminal is not enrolled with HQ"
            )
        if self.client.http.timeout.read is not None and self.client.http.timeout.read < budget_s + LINGER_S:
            self.client.http.timeout = httpx.Timeout(budget_s + LINGER_S)  # a budget above LINGER_S (a rule)
        future = self._pool.submit(self.client._call, "POST", path, body)
        try:
            return future.result(timeout=max(0.0, budget_s))
        except cf.TimeoutError:
            return Unanswered(Reason.SERVER_UNREACHABLE.value, f"no answer within {int(budget_s * 1000)} ms")
        except SyncError as exc:
            return Unanswered(exc.reason, exc.detail, exc.status)
        except Exception as exc:  # noqa: BLE001 - whatever went wrong, the terminal decides offline
            return Unanswered(Reason.SERVER_ERROR.value, f"{type(exc).__name__}: {exc}"[:200])

    def lookup(self, code: str, budget_s: float) -> MemberLive | Unanswered:
        data = self._within(budget_s, "/v1/terminal/members/lookup", MemberLookup(code=code))
        return data if isinstance(data, Unanswered) else _model(MemberLive, data)

    def authorise(self, record: dict[str, Any], budget_s: float) -> AuthorisationAnswer | Unanswered:
        data = self._within(budget_s, "/v1/terminal/authorisations", AuthoriseRequest(record=record))
        return (
            data if isinstance(data, Unanswered) else _about(_model(AuthorisationAnswer, data), record["seq"])
        )

    def resolve(self, seq: int, budget_s: float) -> AuthorisationAnswer | Unanswered:
        data = self._within(budget_s, "/v1/terminal/authorisations/resolve", ResolveRequest(seq=seq))
        return data if isinstance(data, Unanswered) else _about(_model(AuthorisationAnswer, data), seq)


def online_client_for(store: Any, server_url: str | None = None) -> OnlineClient | None:
    """HQ as the authoriser of an enrolled terminal (the URL given, or the enrolled identity's);
    None without a server (a local terminal decides offline)."""
    client = OnlineClient(store, server_url)
    if not client.configured:
        client.close()
        return None
    return client


def _model(model: type[BaseModel], data: dict[str, Any]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        return Unanswered(Reason.SERVER_ERROR.value, f"unreadable answer: {exc}"[:200])


def _about(answer: AuthorisationAnswer | Unanswered, seq: int) -> AuthorisationAnswer | Unanswered:
    if isinstance(answer, AuthorisationAnswer) and answer.seq != seq:
        return Unanswered(
            Reason.RESPONSE_UNAUTHENTICATED.value, f"HQ answered about #{answer.seq}, not #{seq}"
        )
    return answer
