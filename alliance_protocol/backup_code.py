"""The member's backup numeric code: typed at a counter when the QR code cannot be read.

    digits = str(member_id) + six-digit TOTP

TOTP = HOTP(key, floor(unix_time / 60)) with HMAC-SHA256 and RFC 4226 dynamic truncation,
key = SHA-256 of the wallet secret (the wallet computes it from its secret; HQ keeps it as
members.backup_key, apart from the slow hash of the login). The stored key is itself a secret:
whoever reads it can mint backup codes for the member; treat the members table as such.

A terminal cannot check the code offline (it has no member keys): it records it as
pending_verification and HQ verifies it when the record arrives, accepting time steps within
+-VERIFY_WINDOW_S of the record's time, each (member, step) once alliance-wide.
"""

from __future__ import annotations

import hashlib
import hmac
import struct

STEP_S = 60
DIGITS = 6
VERIFY_WINDOW_S = 300


def key_from_secret(secret: str) -> bytes:
    return hashlib.sha256(secret.encode()).digest()


def totp(key: bytes, unix_time: int) -> str:
    counter = int(unix_time) // STEP_S
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha256).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**DIGITS).zfill(DIGITS)


def make(member_id: int, key: bytes, unix_time: int) -> str:
    return f"{member_id}{totp(key, unix_time)}"


def split(digits: str) -> tuple[int, str] | None:
    """(member id, totp part) or None when the text cannot be a backup code."""
    if not isinstance(digits, str) or not digits.isdigit() or len(digits) <= DIGITS:
        return None
    return int(digits[:-DIGITS]), digits[-DIGITS:]


def matching_step(digits: str, member_id: int, key: bytes, unix_time: int,
                  window_s: int = VERIFY_WINDOW_S) -> int | None:
    """The time step (unix // STEP_S) whose code the digits are, within +-window_s of unix_time;
    None when they are none of them. HQ keeps (member, step) single-use."""
    parts = split(digits)
    if parts is None or parts[0] != member_id:
        return None
    steps = window_s // STEP_S
    base = int(unix_time) // STEP_S
    for d in range(-steps, steps + 1):
        if hmac.compare_digest(totp(key, (base + d) * STEP_S), parts[1]):
            return base + d
    return None


def verify(digits: str, member_id: int, key: bytes, unix_time: int, window_s: int = VERIFY_WINDOW_S) -> bool:
    return matching_step(digits, member_id, key, unix_time, window_s) is not None
