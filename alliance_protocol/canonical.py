"""Canonical JSON: the one byte form that is signed and verified on both sides.

    json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

with floats refused. orjson produces exactly these bytes about ten times faster (sorted keys, no
white space, UTF-8, the same escapes), so it is used where it applies; a value orjson does not take
(an integer beyond 64 bits, a key that is not a string, a lone surrogate) goes through `json`.
`tests/protocol/test_canonical.py` checks both give the same bytes for arbitrary values.
"""

from __future__ import annotations

import json
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - a base dependency; the json path gives the same bytes
    orjson = None  # type: ignore[assignment]


def _reject_floats(value: Any) -> None:
    if isinstance(value, float):
        raise TypeError("floats are not allowed in signed documents (amounts are integers)")
    if isinstance(value, dict):
        for v in value.values():
            _reject_floats(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _reject_floats(v)


def json_bytes(value: Any) -> bytes:
    """The canonical bytes by the standard library (the reference)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _encode(value: Any) -> bytes:
    if orjson is not None:
        try:
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        except (TypeError, orjson.JSONEncodeError):
            pass
    return json_bytes(value)


def dumps(value: Any) -> bytes:
    """Sorted keys, no insignificant white space, UTF-8, no floats."""
    _reject_floats(value)
    return _encode(value)


def dumps_checked(value: Any) -> bytes:
    """dumps() for a value the caller already knows holds no float (a body that passed the record
    schema, alliance_protocol.records): the same bytes, without walking the value once more."""
    return _encode(value)


def fast_json(value: Any) -> str:
    """Plain JSON text (not canonical: any key order) for bulk payloads, e.g. rows sent to the
    database as one parameter; falls back to `json` for what orjson does not take."""
    if orjson is not None:
        try:
            return orjson.dumps(value).decode("utf-8")
        except (TypeError, orjson.JSONEncodeError):
            pass
    return json.dumps(value, ensure_ascii=False)
