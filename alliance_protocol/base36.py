"""Base36: bytes <-> digits and upper-case letters, as one fixed-width big number.

Why not Base45: its alphabet has a space and `$%*+-./:`, which a Chinese input method in
Chinese-punctuation mode types as `￥ ： 。` and friends, and a trailing space is lost to
trimming. 0-9 and A-Z survive every keyboard layout and input method (full-width and lower-case
variants are folded back by `normalize`), and are still in the QR alphanumeric set, so a QR
encoder packs them at 5.5 bits per character: 194 bytes take 301 characters (Base45: 291).
"""

from __future__ import annotations

import math
import unicodedata

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_VALID = frozenset(ALPHABET)


class Base36Error(ValueError):
    """The text is not a valid fixed-width Base36 number."""


def width(n_bytes: int) -> int:
    """Characters needed for any n-byte value."""
    return math.ceil(n_bytes * 8 / math.log2(36))


def encode(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out: list[str] = []
    while n:
        n, r = divmod(n, 36)
        out.append(ALPHABET[r])
    return "".join(reversed(out)).rjust(width(len(data)), "0")


def decode(text: str, n_bytes: int) -> bytes:
    if len(text) != width(n_bytes):
        raise Base36Error(f"expected {width(n_bytes)} characters, got {len(text)}")
    if not _VALID.issuperset(text):
        bad = next(c for c in text if c not in _VALID)
        raise Base36Error(f"character {bad!r} is not in the alphabet")
    n = int(text, 36)
    if n.bit_length() > n_bytes * 8:
        raise Base36Error("value out of range")
    return n.to_bytes(n_bytes, "big")


def normalize(text: str) -> str:
    """Fold what keyboards and input methods do to a typed code: full-width forms, lower case,
    surrounding white space."""
    return unicodedata.normalize("NFKC", text).strip().upper()
