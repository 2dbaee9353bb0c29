"""Canonical JSON: the one byte form that is signed and verified on both sides."""

from __future__ import annotations

import json
from typing import Any


def _reject_floats(value: Any) -> None:
    if isinstance(value, float):
        raise TypeError("floats are not allowed in signed documents (amounts are integers)")
    if isinstance(value, dict):
        for v in value.values():
            _reject_floats(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _reject_floats(v)


def dumps(value: Any) -> bytes:
    """Sorted keys, no insignificant white space, UTF-8, no floats."""
    _reject_floats(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def dumps_checked(value: Any) -> bytes:
    """dumps() for a value the caller already knows holds no float (a body that passed the record
    schema, alliance_protocol.records): the same bytes, without walking the value once more."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
