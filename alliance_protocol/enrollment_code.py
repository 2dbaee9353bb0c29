"""The one-time enrollment code: the secret an installer types, and what both sides derive from it.

    code   16 characters of Crockford base32 (80 bits), printed as XXXX-XXXX-XXXX-XXXX; typed in
           any case, with or without dashes or spaces (O reads as 0, I and L as 1)
    id     hex(SHA-256(ID_DOMAIN || code)): how HQ finds the code's row; the code itself never
           travels
    key    SHA-256(KEY_DOMAIN || code): the MAC key both sides hold
    proof  hex(HMAC-SHA256(key, PROOF_DOMAIN || id "\n" public_key "\n" label)): the request proves
           the installer's code and binds the terminal key to it (an attacker who sees the request
           cannot enroll another key with it)
    mac    hex(HMAC-SHA256(key, ANSWER_DOMAIN || request_nonce "\n" status "\n" hex(SHA-256(body)))):
           HQ's enrollment answer (root keys, response-key certificates) is authenticated by the code
           before the terminal pins anything

80 bits make an offline search for the code from an observed request or answer hopeless, so a
fast hash suffices.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
LENGTH = 16
ID_DOMAIN = b"LOYALTY-ALLIANCE/enrollment-code-id/v1\x00"
KEY_DOMAIN = b"LOYALTY-ALLIANCE/enrollment-code-key/v1\x00"
PROOF_DOMAIN = b"LOYALTY-ALLIANCE/enrollment-request/v1\x00"
ANSWER_DOMAIN = b"LOYALTY-ALLIANCE/enrollment-answer/v1\x00"
H_MAC = "X-HQ-Enroll-MAC"
_READS_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, LENGTH, 4))


def normalize(code: str) -> str:
    return code.strip().upper().translate(_READS_AS)


def code_id(code: str) -> str:
    return hashlib.sha256(ID_DOMAIN + normalize(code).encode()).hexdigest()


def mac_key(code: str) -> bytes:
    return hashlib.sha256(KEY_DOMAIN + normalize(code).encode()).digest()


def request_proof(key: bytes, code_id_hex: str, public_key: str, label: str) -> str:
    return hmac.new(key, PROOF_DOMAIN + "\n".join((code_id_hex, public_key, label)).encode(),
                    hashlib.sha256).hexdigest()


def answer_mac(key: bytes, request_nonce: str, status: int, body: bytes) -> str:
    message = ANSWER_DOMAIN + "\n".join(
        (request_nonce, str(int(status)), hashlib.sha256(body).hexdigest())).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def check(expected_hex: str, given: object) -> bool:
    return isinstance(given, str) and hmac.compare_digest(expected_hex.encode(),
                                                          given.encode("utf-8", "replace"))
