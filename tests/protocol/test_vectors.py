"""The shipped test vectors: each gives its expected reason, and the generator still reproduces them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alliance_protocol.keys import unb64
from alliance_protocol.reasons import Reason
from alliance_protocol.trust_bundle import load_bundle
from alliance_protocol.verifier import FixedClock, MemoryReplayGuard, OfflineVerifier, VerifierSettings
from scripts import make_test_vectors

VECTORS_FILE = Path(__file__).resolve().parents[1] / "vectors" / "member_code_vectors.json"
DOC = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))


def test_generator_reproduces_the_shipped_file_byte_for_byte() -> None:
    assert make_test_vectors.render() == VECTORS_FILE.read_text(encoding="utf-8")


def test_vectors_cover_every_outcome_the_verifier_can_give() -> None:
    source = (Path(__file__).resolve().parents[2] / "alliance_protocol" / "verifier.py").read_text()
    verifier_outcomes = {r.value for r in Reason if f"Reason.{r.value}" in source}
    # Without a bundle there is nothing to ship; an internal error has no input that causes it.
    untestable_as_vectors = {"TRUST_BUNDLE_MISSING", "INTERNAL_ERROR"}
    assert verifier_outcomes - untestable_as_vectors <= {v["expect"] for v in DOC["vectors"]}
    assert len(verifier_outcomes) > 15


@pytest.mark.parametrize("vector", DOC["vectors"], ids=[v["name"] for v in DOC["vectors"]])
def test_vector(vector: dict) -> None:
    bundle = load_bundle(DOC["bundle"].encode("utf-8"), [unb64(DOC["root_public_key"])])
    guard = MemoryReplayGuard()
    for serial, counter in vector["seen"]:
        guard.remember(serial, counter, 0)
    settings = VerifierSettings(**DOC["verifier"])
    clock = FixedClock(vector["now"], vector["clock_confirmed_age"])
    verdict = OfflineVerifier(bundle, clock, guard, settings).verify(vector["code"])
    assert verdict.reason.value == vector["expect"], verdict.detail
    assert verdict.ok is (vector["expect"] == "OK")
    assert verdict.message_zh and verdict.message_en
