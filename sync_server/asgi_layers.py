"""The ASGI layers around the FastAPI app, outermost first: HQ signs every /v1 answer
(SignResponses), and a request body over the limit is refused before it is read (BodyLimit).

Both are plain ASGI wrappers rather than Starlette middleware: SignResponses must see the final
status and body of everything, refusals the app never saw included (a 413 from BodyLimit, an
error from an exception handler), and BodyLimit must stop a body while it streams in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import error_response
from .hq import HQ, HQError, now_ms

if TYPE_CHECKING:  # the ASGI types (starlette comes with fastapi)
    from starlette.types import Message, Receive, Scope, Send


def request_nonce(value: str | None) -> str:
    """The request's X-Nonce as HQ's answer is signed over it ("" when absent or malformed)."""
    if value and len(value) == 32 and all(c in "0123456789abcdef" for c in value):
        return value
    return ""


class SignResponses:
    """The outermost layer: HQ signs every /v1 answer, errors and refusals before the body was read
    included (alliance_protocol.response_auth). The body is held until complete: the signature
    covers its hash."""

    def __init__(self, app: Any, hq: HQ) -> None:
        self.app, self.hq = app, hq

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            return await self.app(scope, receive, send)
        path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
        if scope.get("query_string"):
            path += "?" + scope["query_string"].decode("latin-1")
        nonce = request_nonce(dict(scope.get("headers") or []).get(b"x-nonce", b"").decode("latin-1"))
        start: Message | None = None
        chunks: list[bytes] = []

        async def signing_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                return await send(message)
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            signer = self.hq.ring.response_signer()
            signed = signer.headers(scope["method"], path, nonce, start["status"], body, now_ms())
            headers = [*start.get("headers", []),
                       *((k.lower().encode(), v.encode()) for k, v in signed.items())]
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body, "more_body": False})

        return await self.app(scope, receive, signing_send)


class BodyLimit:
    """Refuse a request body over the limit before reading it all (413, REQUEST_TOO_LARGE)."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            refusal = error_response("REQUEST_TOO_LARGE", 413, f"over {self.limit} bytes")
            return await refusal(scope, receive, send)
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise HQError("REQUEST_TOO_LARGE", f"over {self.limit} bytes", 413)
            return msg

        return await self.app(scope, limited, send)
