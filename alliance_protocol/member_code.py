"""The member code: byte layout, signing inputs and text encoding (spec: docs/member-code.md).

A code is `PREFIX + base36(payload)` (301 characters of 0-9A-Z); the payload is 194 bytes:

    off  len  field
      0    1  version (1)
      1    4  issuer key id
      5    6  member id (unsigned, big-endian)
     11    6  certificate serial
     17    1  tier (0 basic, 1 silver, 2 gold, 3 diamond)
     18    4  certificate not-after (unix seconds)
     22    4  offline allowance (points)
     26   32  device public key (Ed25519)
     58   64  issuer signature  over CERT_DOMAIN || payload[0:58]
    122    4  code time (unix seconds, phone clock corrected by the server offset)
    126    4  counter (per device, strictly increasing)
    130   64  device signature  over CODE_DOMAIN || payload[0:130]

Parsing here checks shape only; whether a code is *acceptable* is the verifier's job.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from enum import IntEnum

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from . import base36
from .keys import KID_LEN, public_raw

PREFIX = "LM1"
VERSION = 1
CERT_DOMAIN = b"LOYALTY-ALLIANCE/device-cert/v1\x00"
CODE_DOMAIN = b"LOYALTY-ALLIANCE/member-code/v1\x00"

_CERT_BODY = struct.Struct(">B4s6s6sBII32s")  # version .. device public key
CERT_BODY_LEN = _CERT_BODY.size  # 58
SIG_LEN = 64
CERT_LEN = CERT_BODY_LEN + SIG_LEN  # 122
_DYNAMIC = struct.Struct(">II")
PAYLOAD_LEN = CERT_LEN + _DYNAMIC.size + SIG_LEN  # 194
TEXT_LEN = len(PREFIX) + base36.width(PAYLOAD_LEN)  # 304
MAX_U48 = (1 << 48) - 1
MAX_U32 = (1 << 32) - 1


class Tier(IntEnum):
    BASIC = 0
    SILVER = 1
    GOLD = 2
    DIAMOND = 3


@dataclass(frozen=True)
class Certificate:
    """A member device certificate: the issuer vouches that this device key belongs to the member."""

    issuer_kid: bytes
    member_id: int
    serial: int
    tier: int
    not_after: int
    allowance: int  # offline allowance, points
    device_public: bytes
    signature: bytes = b""

    def body(self) -> bytes:
        for name, value, top in (
            ("member_id", self.member_id, MAX_U48),
            ("serial", self.serial, MAX_U48),
            ("not_after", self.not_after, MAX_U32),
            ("allowance", self.allowance, MAX_U32),
            ("tier", self.tier, 255),
        ):
            if not isinstance(value, int) or not 0 <= value <= top:
                raise ValueError(f"{name} out of range: {value!r}")
        if len(self.issuer_kid) != KID_LEN or len(self.device_public) != 32:
            raise ValueError("bad key id or device key length")
        return _CERT_BODY.pack(
            VERSION,
            self.issuer_kid,
            self.member_id.to_bytes(6, "big"),
            self.serial.to_bytes(6, "big"),
            self.tier,
            self.not_after,
            self.allowance,
            self.device_public,
        )

    def signing_input(self) -> bytes:
        return CERT_DOMAIN + self.body()

    def to_bytes(self) -> bytes:
        if len(self.signature) != SIG_LEN:
            raise ValueError("certificate is not signed")
        return self.body() + self.signature

    @classmethod
    def from_bytes(cls, raw: bytes) -> Certificate:
        if len(raw) != CERT_LEN:
            raise ValueError(f"certificate must be {CERT_LEN} bytes, got {len(raw)}")
        version, kid, member, serial, tier, not_after, allowance, device = _CERT_BODY.unpack_from(raw)
        if version != VERSION:
            raise ValueError(f"unsupported certificate version {version}")
        return cls(
            issuer_kid=kid,
            member_id=int.from_bytes(member, "big"),
            serial=int.from_bytes(serial, "big"),
            tier=tier,
            not_after=not_after,
            allowance=allowance,
            device_public=device,
            signature=raw[CERT_BODY_LEN:],
        )


def issue_certificate(
    issuer_key: Ed25519PrivateKey,
    issuer_kid: bytes,
    *,
    member_id: int,
    serial: int,
    tier: int,
    not_after: int,
    allowance: int,
    device_public: bytes,
) -> Certificate:
    unsigned = Certificate(issuer_kid, member_id, serial, tier, not_after, allowance, device_public)
    return Certificate(**{**unsigned.__dict__, "signature": issuer_key.sign(unsigned.signing_input())})


@dataclass(frozen=True)
class MemberCode:
    """A parsed member code: certificate + dynamic part + device signature."""

    cert: Certificate
    code_time: int
    counter: int
    signature: bytes
    payload: bytes  # the exact bytes parsed, so signatures are checked over what was scanned

    def signing_input(self) -> bytes:
        return CODE_DOMAIN + self.payload[: CERT_LEN + _DYNAMIC.size]


def make_code(cert: Certificate, device_key: Ed25519PrivateKey, *, code_time: int, counter: int) -> str:
    """What the member's phone does for every refresh: sign (time, counter) over the certificate."""
    if public_raw(device_key) != cert.device_public:
        raise ValueError("device key does not match the certificate")
    if not (0 <= code_time <= MAX_U32 and 0 <= counter <= MAX_U32):
        raise ValueError("code time or counter out of range")
    unsigned = cert.to_bytes() + _DYNAMIC.pack(code_time, counter)
    signature = device_key.sign(CODE_DOMAIN + unsigned)
    return PREFIX + base36.encode(unsigned + signature)


class ParseError(ValueError):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason  # an alliance_protocol.reasons.Reason value


def parse(text: str) -> MemberCode:
    """Strict shape checks on normalized text: prefix, version, alphabet, exact length.

    Raises ParseError whose `reason` names the failed check."""
    if not text.startswith(PREFIX):
        if len(text) > 3 and text[:2] == PREFIX[:2] and text[2].isdigit():
            raise ParseError("UNSUPPORTED_VERSION", f"prefix {text[:3]!r}")
        raise ParseError("UNKNOWN_FORMAT", "missing prefix")
    if len(text) != TEXT_LEN:
        raise ParseError("BAD_LENGTH", f"expected {TEXT_LEN} characters, got {len(text)}")
    try:
        payload = base36.decode(text[len(PREFIX):], PAYLOAD_LEN)
    except base36.Base36Error as exc:
        raise ParseError("MALFORMED", str(exc)) from None
    if payload[0] != VERSION:
        raise ParseError("UNSUPPORTED_VERSION", f"payload version {payload[0]}")
    cert = Certificate.from_bytes(payload[:CERT_LEN])
    code_time, counter = _DYNAMIC.unpack_from(payload, CERT_LEN)
    return MemberCode(cert, code_time, counter, payload[CERT_LEN + _DYNAMIC.size:], payload)
