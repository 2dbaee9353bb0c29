"""Signed requests from a terminal to the server (one implementation for both sides).

Headers:
    X-Terminal-Id  the terminal's id
    X-Timestamp    unix ms, the terminal's clock corrected by its learned server offset
    X-Nonce        32 hex characters, never reused by this terminal
    X-Signature    base64 Ed25519 over REQUEST_DOMAIN || method || "\n" || path_with_query || "\n"
                   || timestamp || "\n" || nonce || "\n" || hex(SHA-256(body))
The server accepts a timestamp within MAX_SKEW_MS of its own clock and each (terminal, nonce) once,
so a captured request cannot be replayed; the signature binds the body, the path and the method.
HQ's answer is signed over the same nonce (alliance_protocol.response_auth).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .keys import b64, unb64, verify_signature

REQUEST_DOMAIN = b"LOYALTY-ALLIANCE/terminal-request/v1\x00"
MAX_SKEW_MS = 5 * 60 * 1000
H_TERMINAL, H_TIMESTAMP, H_NONCE, H_SIGNATURE = "X-Terminal-Id", "X-Timestamp", "X-Nonce", "X-Signature"


def signing_input(method: str, path: str, timestamp_ms: int, nonce: str, body: bytes) -> bytes:
    return REQUEST_DOMAIN + "\n".join(
        (method.upper(), path, str(timestamp_ms), nonce, hashlib.sha256(body).hexdigest())).encode()


def new_nonce() -> str:
    """32 hex characters. Unsigned requests (enrollment, the wallet) send one too: HQ's answer is
    signed over it (alliance_protocol.response_auth)."""
    return secrets.token_hex(16)


def sign_headers(key: Ed25519PrivateKey, terminal_id: str, method: str, path: str, body: bytes,
                 now_ms: int | None = None) -> dict[str, str]:
    ts = int(time.time() * 1000) if now_ms is None else now_ms
    nonce = new_nonce()
    sig = key.sign(signing_input(method, path, ts, nonce, body))
    return {H_TERMINAL: terminal_id, H_TIMESTAMP: str(ts), H_NONCE: nonce, H_SIGNATURE: b64(sig)}


@dataclass(frozen=True)
class SignedRequest:
    terminal_id: str
    timestamp_ms: int
    nonce: str
    signature: bytes


class AuthError(ValueError):
    """Why a request is not authenticated; `reason` is a Reason value."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def parse_headers(headers: Mapping[str, str]) -> SignedRequest:
    try:
        terminal_id = headers[H_TERMINAL]
        ts = int(headers[H_TIMESTAMP])
        nonce = headers[H_NONCE]
        sig = unb64(headers[H_SIGNATURE])
    except (KeyError, ValueError, TypeError):
        raise AuthError("REQUEST_UNSIGNED", "missing or malformed signature headers") from None
    hex_nonce = len(nonce) == 32 and all(c in "0123456789abcdef" for c in nonce)
    if not (1 <= len(terminal_id) <= 64) or not hex_nonce:
        raise AuthError("REQUEST_UNSIGNED", "malformed terminal id or nonce")
    if len(sig) != 64:
        raise AuthError("REQUEST_BAD_SIGNATURE", "signature has the wrong length")
    return SignedRequest(terminal_id, ts, nonce, sig)


def check(req: SignedRequest, public: bytes | Ed25519PublicKey, method: str, path: str, body: bytes,
          server_now_ms: int) -> None:
    """Signature and freshness; the caller also records the nonce (unique) to refuse replays."""
    if abs(server_now_ms - req.timestamp_ms) > MAX_SKEW_MS:
        raise AuthError("REQUEST_CLOCK_SKEW",
                        f"timestamp {req.timestamp_ms - server_now_ms} ms off the server clock")
    signed = signing_input(method, path, req.timestamp_ms, req.nonce, body)
    if not verify_signature(public, req.signature, signed):
        raise AuthError("REQUEST_BAD_SIGNATURE", "signature does not verify")
