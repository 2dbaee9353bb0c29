"""The trust bundle: what a terminal needs to verify member codes offline, signed by the alliance root.

Envelope (JSON):
    {"format": "alliance-trust-bundle/1", "root_kid": hex, "signature": base64, "payload": {...}}
The root signs BUNDLE_DOMAIN || canonical_json(payload). The payload holds the issuer keys
(with role and validity), the deny lists, the rules and any catalogues; a terminal keeps the
previous bundle when a new one fails to verify.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from . import canonical
from .keys import b64, kid_for, public_raw, unb64, verify_signature

FORMAT = "alliance-trust-bundle/1"
BUNDLE_DOMAIN = b"LOYALTY-ALLIANCE/trust-bundle/v1\x00"
ROLE_ISSUER = "issuer"
DEFAULT_MAX_AGE_S = 7 * 24 * 3600


class BundleError(ValueError):
    """A bundle that must not be trusted. `reason` is always TRUST_BUNDLE_INVALID."""

    reason = "TRUST_BUNDLE_INVALID"


@dataclass(frozen=True)
class BundleKey:
    kid: bytes
    public_raw: bytes
    role: str
    not_before: int
    not_after: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "kid": self.kid.hex(),
            "public_key": b64(self.public_raw),
            "role": self.role,
            "not_before": self.not_before,
            "not_after": self.not_after,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> BundleKey:
        raw = unb64(d["public_key"])
        kid = bytes.fromhex(d["kid"])
        if len(kid) != 4 or len(raw) != 32:
            raise BundleError("bad key id or public key length")
        return cls(kid, raw, str(d["role"]), int(d["not_before"]), int(d["not_after"]))


def key_entry(public: Ed25519PublicKey | Ed25519PrivateKey, *, role: str, not_before: int, not_after: int,
              kid: bytes | None = None) -> dict[str, Any]:
    raw = public_raw(public)
    return BundleKey(kid or kid_for(raw), raw, role, not_before, not_after).to_dict()


@dataclass(frozen=True)
class TrustBundle:
    alliance_id: str
    sequence: int
    issued_at: int
    max_age_s: int
    keys: tuple[BundleKey, ...]
    deny_serials: frozenset[int]
    deny_members: frozenset[int]
    payload: dict[str, Any] = field(compare=False, repr=False)
    envelope: bytes = field(compare=False, repr=False, default=b"")

    def keys_for(self, kid: bytes) -> list[BundleKey]:
        """Every key with this id: ids are short, so a collision must not stop verification."""
        return [k for k in self.keys if k.kid == kid]

    @property
    def rules(self) -> dict[str, Any]:
        rules: dict[str, Any] = self.payload.get("rules", {})
        return rules

    @classmethod
    def from_payload(cls, payload: dict[str, Any], envelope: bytes = b"") -> TrustBundle:
        try:
            deny = payload.get("deny", {})
            return cls(
                alliance_id=str(payload["alliance_id"]),
                sequence=int(payload["sequence"]),
                issued_at=int(payload["issued_at"]),
                max_age_s=int(payload.get("max_age_s", DEFAULT_MAX_AGE_S)),
                keys=tuple(BundleKey.from_json(k) for k in payload["keys"]),
                deny_serials=frozenset(int(s) for s in deny.get("cert_serials", [])),
                deny_members=frozenset(int(m) for m in deny.get("member_ids", [])),
                payload=payload,
                envelope=envelope,
            )
        except BundleError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise BundleError(f"malformed bundle payload: {exc!r}") from None


def sign_bundle(payload: dict[str, Any], root_key: Ed25519PrivateKey) -> bytes:
    """HQ side: produce the signed envelope bytes."""
    TrustBundle.from_payload(payload)  # refuse to sign something terminals could not load
    signature = root_key.sign(BUNDLE_DOMAIN + canonical.dumps(payload))
    envelope = {
        "format": FORMAT,
        "root_kid": kid_for(public_raw(root_key)).hex(),
        "signature": b64(signature),
        "payload": payload,
    }
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def load_bundle(envelope: bytes, root_publics: list[bytes]) -> TrustBundle:
    """Terminal side: parse and verify against the pinned root key(s). Raises BundleError."""
    try:
        doc = json.loads(envelope)
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise BundleError("not a trust bundle")
        payload = doc["payload"]
        signature = unb64(doc["signature"])
        message = BUNDLE_DOMAIN + canonical.dumps(payload)
    except BundleError:
        raise
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleError(f"unreadable bundle: {exc!r}") from None
    for raw in root_publics:
        if verify_signature(raw, signature, message):
            return TrustBundle.from_payload(payload, envelope)
    raise BundleError("root signature does not verify")
