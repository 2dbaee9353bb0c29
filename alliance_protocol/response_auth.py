"""HQ's signature on every answer of the API (one implementation for the server and its clients).

Every `/v1/...` response, error bodies included, carries:

    X-HQ-Time       unix ms, HQ's clock when it signed (the only time a client learns its offset from)
    X-HQ-Key-Id     8 hex characters: the id of the HQ response key that signed
    X-HQ-Key-Cert   the response key's certificate (below), so a rotated key is usable at once
    X-HQ-Signature  base64 Ed25519 over RESPONSE_DOMAIN || METHOD "\n" path_with_query "\n" request_nonce
                    "\n" status "\n" time_ms "\n" hex(SHA-256(body))

`request_nonce` is the X-Nonce header of the request the answer belongs to (terminal requests are
signed with it; enrollment and wallet requests send a fresh one too): an answer recorded earlier
cannot be replayed to a new request, nor an answer to one path passed off as another's, nor an
error turned into a success (the status is signed).

The response key is a dedicated Ed25519 key in HQ's key ring (it never signs bundles or
certificates). The alliance root key certifies it:

    certificate = base64(canonical JSON {"payload": {"format", "kid", "public_key", "not_before",
                  "not_after"}, "root_kid", "signature"})
    signature   = Ed25519_root(CERT_DOMAIN || canonical_json(payload))

so HQ can rotate it without touching a terminal: a client accepts any key certified by a root key
it pinned, within the certificate's validity on the client's clock.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from . import canonical
from .keys import b64, kid_for, public_raw, unb64, verify_signature

RESPONSE_DOMAIN = b"LOYALTY-ALLIANCE/hq-response/v1\x00"
CERT_DOMAIN = b"LOYALTY-ALLIANCE/hq-response-key/v1\x00"
CERT_FORMAT = "alliance-hq-response-key/1"
H_TIME, H_KEY_ID, H_KEY_CERT, H_SIGNATURE = "X-HQ-Time", "X-HQ-Key-Id", "X-HQ-Key-Cert", "X-HQ-Signature"
MAX_CERT_TEXT = 1024
REASON = "RESPONSE_UNAUTHENTICATED"


class ResponseAuthError(ValueError):
    """An answer that must not be used: unsigned, forged, for another request, or signed by a key
    no pinned root certifies. `reason` is always RESPONSE_UNAUTHENTICATED."""

    reason = REASON


def signing_input(method: str, path: str, request_nonce: str, status: int, time_ms: int,
                  body: bytes) -> bytes:
    return RESPONSE_DOMAIN + "\n".join((method.upper(), path, request_nonce, str(int(status)),
                                        str(int(time_ms)), hashlib.sha256(body).hexdigest())).encode()


# --- the response key's certificate
@dataclass(frozen=True)
class ResponseKeyCert:
    kid: bytes
    public_raw: bytes
    not_before: int
    not_after: int
    root_kid: bytes
    signature: bytes

    def payload(self) -> dict[str, Any]:
        return {"format": CERT_FORMAT, "kid": self.kid.hex(), "public_key": b64(self.public_raw),
                "not_before": self.not_before, "not_after": self.not_after}

    def to_text(self) -> str:
        doc = {"payload": self.payload(), "root_kid": self.root_kid.hex(), "signature": b64(self.signature)}
        return base64.b64encode(canonical.dumps(doc)).decode("ascii")

    @classmethod
    def from_text(cls, text: str) -> ResponseKeyCert:
        try:
            if len(text) > MAX_CERT_TEXT:
                raise ValueError("too long")
            doc = json.loads(base64.b64decode(text.encode("ascii"), validate=True))
            payload = doc["payload"]
            if payload["format"] != CERT_FORMAT:
                raise ValueError("not a response-key certificate")
            cert = cls(bytes.fromhex(payload["kid"]), unb64(payload["public_key"]), payload["not_before"],
                       payload["not_after"], bytes.fromhex(doc["root_kid"]), unb64(doc["signature"]))
        except (ValueError, KeyError, TypeError, UnicodeError, binascii.Error) as exc:
            raise ResponseAuthError(f"unreadable response-key certificate: {exc!r}") from None
        if not (isinstance(cert.not_before, int) and isinstance(cert.not_after, int)) \
                or len(cert.public_raw) != 32 or cert.kid != kid_for(cert.public_raw) \
                or len(cert.signature) != 64:
            raise ResponseAuthError("malformed response-key certificate")
        return cert

    def signed_by(self, root_public: bytes) -> bool:
        return verify_signature(root_public, self.signature, CERT_DOMAIN + canonical.dumps(self.payload()))


def certify(root: Ed25519PrivateKey, response_public: bytes, not_before: int,
            not_after: int) -> ResponseKeyCert:
    """HQ side (the key ring): the root's certificate for a response key."""
    cert = ResponseKeyCert(kid_for(response_public), response_public, int(not_before), int(not_after),
                           kid_for(public_raw(root)), b"\x00" * 64)
    signature = root.sign(CERT_DOMAIN + canonical.dumps(cert.payload()))
    return ResponseKeyCert(cert.kid, cert.public_raw, cert.not_before, cert.not_after, cert.root_kid,
                           signature)


# --- signing (HQ)
@dataclass(frozen=True)
class ResponseSigner:
    key: Ed25519PrivateKey
    cert: ResponseKeyCert
    cert_text: str

    @classmethod
    def of(cls, key: Ed25519PrivateKey, cert: ResponseKeyCert) -> ResponseSigner:
        if cert.public_raw != public_raw(key):
            raise ValueError("certificate is for another key")
        return cls(key, cert, cert.to_text())

    def headers(self, method: str, path: str, request_nonce: str, status: int, body: bytes,
                time_ms: int) -> dict[str, str]:
        sig = self.key.sign(signing_input(method, path, request_nonce, status, time_ms, body))
        return {H_TIME: str(int(time_ms)), H_KEY_ID: self.cert.kid.hex(), H_KEY_CERT: self.cert_text,
                H_SIGNATURE: b64(sig)}


# --- verifying (terminal, wallet)
class ResponseVerifier:
    """Checks answers against the root keys a client pinned. Certificates are verified once per
    process and kept; their validity is checked on the client's clock (`now`, unix seconds) unless
    `check_validity` is False (the enrollment answer, whose certificate arrives under the enrollment
    code's MAC before the client's clock has been corrected)."""

    def __init__(self, root_publics: list[bytes], now: Callable[[], float], *,
                 check_validity: bool = True) -> None:
        self.roots = list(root_publics)
        self.now = now
        self.check_validity = check_validity
        self._certs: dict[str, ResponseKeyCert] = {}

    def certificate(self, text: str) -> ResponseKeyCert:
        cert = self._certs.get(text)
        if cert is None:
            cert = ResponseKeyCert.from_text(text)
            if not any(cert.signed_by(root) for root in self.roots):
                raise ResponseAuthError("response key is not certified by a pinned root key")
            self._certs[text] = cert
        if self.check_validity:
            now = self.now()
            if not cert.not_before <= now <= cert.not_after:
                raise ResponseAuthError(f"response key {cert.kid.hex()} is not valid at this device's clock "
                                        f"({int(now)} outside {cert.not_before}..{cert.not_after})")
        return cert

    def verify(self, method: str, path: str, request_nonce: str, status: int, headers: Mapping[str, str],
               body: bytes) -> int:
        """HQ's time (unix ms) from an authentic answer; raises ResponseAuthError otherwise."""
        if not self.roots:
            raise ResponseAuthError("no root key pinned: enroll first")
        try:
            cert_text = headers[H_KEY_CERT]
            time_ms = int(headers[H_TIME])
            signature = unb64(headers[H_SIGNATURE])
            kid = headers[H_KEY_ID]
        except (KeyError, ValueError, TypeError, UnicodeError, binascii.Error):
            raise ResponseAuthError("answer without HQ's signature") from None
        cert = self.certificate(cert_text)
        if kid != cert.kid.hex():
            raise ResponseAuthError("key id does not match the certificate")
        if not verify_signature(cert.public_raw, signature,
                                signing_input(method, path, request_nonce, status, time_ms, body)):
            raise ResponseAuthError("HQ's signature does not verify for this request")
        return time_ms
