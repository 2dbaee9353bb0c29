from __future__ import annotations

import json

import pytest

from alliance_protocol import canonical
from alliance_protocol import trust_bundle as tb
from alliance_protocol.keys import public_raw
from alliance_protocol.testkit import TestAlliance, derive_key


def test_a_signed_bundle_loads_with_its_root() -> None:
    a = TestAlliance(seed="tb")
    a.deny_serials = [5]
    bundle = tb.load_bundle(a.bundle_bytes(), [a.root_public])
    assert bundle.deny_serials == frozenset({5})
    assert bundle.keys_for(a.issuer_kid)


def test_a_tampered_payload_is_refused() -> None:
    a = TestAlliance(seed="tb")
    doc = json.loads(a.bundle_bytes())
    doc["payload"]["deny"]["cert_serials"] = []
    doc["payload"]["max_age_s"] += 1
    with pytest.raises(tb.BundleError):
        tb.load_bundle(json.dumps(doc).encode(), [a.root_public])


def test_a_bundle_signed_by_another_root_is_refused() -> None:
    a = TestAlliance(seed="tb")
    other = public_raw(derive_key("elsewhere", "root"))
    with pytest.raises(tb.BundleError):
        tb.load_bundle(a.bundle_bytes(), [other])
    assert tb.load_bundle(a.bundle_bytes(), [other, a.root_public]).alliance_id  # either pinned root


@pytest.mark.parametrize("garbage", [b"", b"{", b"[]", b'{"format": "alliance-trust-bundle/1"}',
                                     b'{"format": "x", "payload": {}}', b"\xff\xfe", b"null"])
def test_garbage_is_refused_with_a_typed_error(garbage: bytes) -> None:
    with pytest.raises(tb.BundleError) as info:
        tb.load_bundle(garbage, [TestAlliance().root_public])
    assert info.value.reason == "TRUST_BUNDLE_INVALID"


def test_signed_documents_refuse_floats() -> None:
    with pytest.raises(TypeError):
        canonical.dumps({"rules": {"rate": 1.5}})
    assert canonical.dumps({"b": 1, "a": "积分"}) == '{"a":"积分","b":1}'.encode()
