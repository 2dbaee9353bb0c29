"""Journal records: the terminal's tamper-evident log, and the unit the sync protocol carries.

A record is `{"body": {...}, "hash": hex, "sig": base64}`:
  - body: canonical-JSON object with at least terminal_id, seq (1, 2, 3, ... no gaps),
    prev_hash (hex of the previous record's hash; GENESIS_HASH for seq 1), recorded_at (unix ms,
    terminal clock corrected by the server offset), kind, status, reason, and kind-specific
    fields (member_id, cert_serial, counter, code, amounts in fen and points, ...).
  - hash = SHA-256(RECORD_DOMAIN || canonical_json(body))
  - sig  = Ed25519 signature by the terminal's own key over SIG_DOMAIN || hash
The terminal writes records; the server checks them with the terminal's registered public key.
Floats are refused by canonical_json: amounts are integers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from . import canonical
from .keys import b64, unb64, verify_signature

RECORD_DOMAIN = b"LOYALTY-ALLIANCE/journal-record/v1\x00"
SIG_DOMAIN = b"LOYALTY-ALLIANCE/journal-sig/v1\x00"
GENESIS_HASH = "0" * 64
REQUIRED = ("terminal_id", "seq", "prev_hash", "recorded_at", "kind", "status", "reason")


class RecordError(ValueError):
    """Why a record fails its checks; `problem` is one of: malformed, hash, signature, chain, gap."""

    def __init__(self, problem: str, detail: str) -> None:
        super().__init__(f"{problem}: {detail}")
        self.problem = problem


def body_hash(body: dict[str, Any]) -> str:
    return hashlib.sha256(RECORD_DOMAIN + canonical.dumps(body)).hexdigest()


def seal(body: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    """Hash and sign a body (whose prev_hash and seq the caller has set)."""
    missing = [f for f in REQUIRED if f not in body]
    if missing:
        raise ValueError(f"record body lacks {missing}")
    digest = body_hash(body)
    return {"body": body, "hash": digest, "sig": b64(key.sign(SIG_DOMAIN + bytes.fromhex(digest)))}


@dataclass(frozen=True)
class CheckedRecord:
    seq: int
    hash: str
    prev_hash: str
    body: dict[str, Any]
    canonical: bytes = b""  # canonical JSON of the body, as hashed (store this, do not re-serialise)


def check(record: Any, public: bytes | Ed25519PublicKey, *, floats_checked: bool = False) -> CheckedRecord:
    """Check one record on its own (shape, hash, signature). Raises RecordError. `floats_checked`:
    the caller already knows the body holds no float (it passed the record schema)."""
    try:
        body = record["body"]
        stated = str(record["hash"])
        sig = unb64(record["sig"])
        if not isinstance(body, dict) or any(f not in body for f in REQUIRED):
            raise RecordError("malformed", "body lacks required fields")
        seq = body["seq"]
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise RecordError("malformed", f"bad seq {seq!r}")
        data = canonical.dumps_checked(body) if floats_checked else canonical.dumps(body)
        actual = hashlib.sha256(RECORD_DOMAIN + data).hexdigest()
    except RecordError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise RecordError("malformed", repr(exc)) from None
    if actual != stated:
        raise RecordError("hash", f"seq {seq}: stated {stated[:12]}, computed {actual[:12]}")
    if not verify_signature(public, sig, SIG_DOMAIN + bytes.fromhex(actual)):
        raise RecordError("signature", f"seq {seq}: terminal signature does not verify")
    return CheckedRecord(seq, actual, str(body["prev_hash"]), body, data)


def check_chain(records: list[Any], public: bytes | Ed25519PublicKey, *, prev_seq: int = 0,
                prev_hash: str = GENESIS_HASH) -> list[CheckedRecord]:
    """Check consecutive records following (prev_seq, prev_hash). Raises at the first broken one."""
    out = []
    for record in records:
        checked = check(record, public)
        if checked.seq != prev_seq + 1:
            raise RecordError("gap", f"expected seq {prev_seq + 1}, got {checked.seq}")
        if checked.prev_hash != prev_hash:
            raise RecordError("chain", f"seq {checked.seq}: prev_hash does not match record {prev_seq}")
        out.append(checked)
        prev_seq, prev_hash = checked.seq, checked.hash
    return out
