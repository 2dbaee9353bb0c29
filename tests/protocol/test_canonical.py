"""Canonical JSON is the same bytes whichever encoder makes them (signatures depend on it)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_protocol import canonical

scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
                    st.text(alphabet=st.characters(blacklist_categories=())))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(alphabet=st.characters(blacklist_categories=())),
                                                  inner, max_size=5)), max_leaves=30)


@settings(max_examples=600, deadline=None)
@given(values)
def test_the_fast_encoder_gives_the_reference_bytes(value) -> None:
    try:
        reference = canonical.json_bytes(value)
    except (UnicodeEncodeError, ValueError):
        with pytest.raises((UnicodeEncodeError, ValueError)):
            canonical.dumps(value)
        return
    assert canonical.dumps(value) == reference
    assert json.loads(canonical.fast_json(value)) == json.loads(reference)


@pytest.mark.parametrize("text", ["\x00\x01\x1f\x7f", "\u2028\u2029", "é收据🎉", '"\\/', "\ud800"])
def test_every_escape_is_the_reference_one(text) -> None:
    value = {"t": text, text: [1, -(2**64), 2**64]}
    try:
        reference = canonical.json_bytes(value)
    except UnicodeEncodeError:  # a lone surrogate cannot be UTF-8: refused both ways
        with pytest.raises(UnicodeEncodeError):
            canonical.dumps(value)
        return
    assert canonical.dumps(value) == reference


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        canonical.dumps({"a": [1, {"b": 1.5}]})
