"""Base36: bytes <-> digits and upper-case letters, as one fixed-width big number.

Why not Base45: its alphabet has a space and `$%*+-./:`, which a Chinese input method in
Chinese-punctuation mode types as `￥ ： 。` and friends, and a trailing space is lost to
trimming. 0-9 and A-Z survive every keyboard layout and input method (full-width and lower-case
variants are folded back by `normalize`), and are still in the QR alphanumeric set, so a QR
encoder packs them at 5.5 bits per character: 194 bytes take 301 characters (Base45: 291).
"""

from __future__ import annotations

import math

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


# Full-width digits and Latin letters (what an input method in full-width mode types) -> ASCII.
# Lower case (caps lock) -> upper case, in both widths.
_FOLD = {cp: cp - 0xFEE0 for cp in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B))}
_FOLD.update({cp: cp - 0xFEE0 - 32 for cp in range(0xFF41, 0xFF5B)})
_FOLD.update({cp: cp - 32 for cp in range(ord("a"), ord("z") + 1)})


def normalize(text: str) -> str:
    """Fold exactly what keyboards and input methods do to a typed code: full-width digits and
    letters, lower-case ASCII letters (caps lock), surrounding white space. Nothing else."""
    return text.strip().translate(_FOLD)
