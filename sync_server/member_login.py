"""The wallet login: the secret's minimum strength and its slow, salted hash.

    stored = "scrypt$<log2 N>$<r>$<p>$<salt hex>$<hash hex>"   (hashlib.scrypt, 16-byte salt per member)

Checking one guess costs about SCRYPT_N * r * 128 bytes of memory (16 MiB) and tens of
milliseconds, so a copy of the members table does not give the secrets away at SHA-256 speed.
Rows from before migration 0004 hold LEGACY_MARKER: their secret is checked once against its
SHA-256, which is the backup code's HOTP key (`members.backup_key`, which is that hash by
construction), and rehashed with scrypt on that successful login.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 14, 8, 1
MIN_LENGTH = 10
LEGACY_MARKER = "legacy-sha256"
_DUMMY = f"scrypt${SCRYPT_LOG2_N}${SCRYPT_R}${SCRYPT_P}${'00' * 16}${'00' * 32}"


def strong_enough(secret: str) -> bool:
    """At least MIN_LENGTH characters, and at least two of: letters, digits, anything else."""
    kinds = (any(c.isalpha() for c in secret), any(c.isdigit() for c in secret),
             any(not c.isalnum() for c in secret))
    return len(secret) >= MIN_LENGTH and sum(kinds) >= 2


def _scrypt(secret: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8", "surrogatepass"), salt=salt, n=1 << log2_n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=32)


def hash_secret(secret: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(secret, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_LOG2_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def needs_rehash(stored: str) -> bool:
    return not stored.startswith(f"scrypt${SCRYPT_LOG2_N}${SCRYPT_R}${SCRYPT_P}$")


def verify(secret: str, stored: str, backup_key_hex: str = "") -> bool:
    """Whether `secret` is the login `stored` describes. Costs one scrypt whatever the outcome
    (an unknown member or an empty login included: `stored` = ""), so timing tells nothing."""
    if stored == LEGACY_MARKER:
        _scrypt(secret, b"\x00" * 16, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
        legacy = hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()
        return bool(backup_key_hex) and hmac.compare_digest(legacy, backup_key_hex)
    try:
        kind, log2_n, r, p, salt, digest = (stored or _DUMMY).split("$")
        if kind != "scrypt" or not (10 <= int(log2_n) <= 20 and 1 <= int(r) <= 32 and 1 <= int(p) <= 4):
            raise ValueError(kind)
        computed = _scrypt(secret, bytes.fromhex(salt), int(log2_n), int(r), int(p))
    except ValueError:
        _scrypt(secret, b"\x00" * 16, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
        return False
    return bool(stored) and hmac.compare_digest(computed, bytes.fromhex(digest))
