"""Property tests: no input crashes the verifier or gets accepted unless it is a genuine code."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_protocol import base36
from alliance_protocol import member_code as mc
from alliance_protocol.reasons import Reason
from alliance_protocol.testkit import T0, TestAlliance
from alliance_protocol.verifier import OfflineVerifier

ALLIANCE = TestAlliance(seed="props")
MEMBER = ALLIANCE.member(30001)
GOOD = MEMBER.code(T0)
GOOD_PAYLOAD = base36.decode(GOOD[3:], mc.PAYLOAD_LEN)


def fresh_verifier() -> OfflineVerifier:
    return ALLIANCE.verifier(replay=False)


VERIFIER = fresh_verifier()


def test_the_reference_code_is_valid() -> None:
    assert VERIFIER.verify(GOOD).ok


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=600), st.binary(max_size=600), st.none(), st.integers(),
                 st.lists(st.integers(), max_size=3)))
def test_random_input_never_crashes_and_is_never_accepted(value: object) -> None:
    verdict = VERIFIER.verify(value)
    assert not verdict.ok
    assert verdict.reason is not Reason.INTERNAL_ERROR
    assert verdict.message_zh and verdict.message_en


@settings(max_examples=300)
@given(st.text(alphabet=base36.ALPHABET, min_size=mc.TEXT_LEN - 3, max_size=mc.TEXT_LEN - 3))
def test_random_well_formed_codes_are_rejected(body: str) -> None:
    verdict = VERIFIER.verify("LM1" + body)
    assert not verdict.ok
    assert verdict.reason is not Reason.INTERNAL_ERROR


@settings(max_examples=500)
@given(st.data())
def test_mutated_codes_are_rejected(data: st.DataObject) -> None:
    code = list(GOOD)
    for _ in range(data.draw(st.integers(1, 4))):
        op = data.draw(st.sampled_from(["replace", "insert", "delete", "swap"]))
        i = data.draw(st.integers(0, len(code) - 1))
        if op == "replace":
            code[i] = data.draw(st.characters())
        elif op == "insert":
            code.insert(i, data.draw(st.characters()))
        elif op == "delete":
            del code[i]
        else:
            j = data.draw(st.integers(0, len(code) - 1))
            code[i], code[j] = code[j], code[i]
    text = "".join(code)
    verdict = VERIFIER.verify(text)
    if base36.normalize(text) == GOOD:
        assert verdict.ok  # a change an input method undoes (case, full width) is the same code
    else:
        assert not verdict.ok
        assert verdict.reason is not Reason.INTERNAL_ERROR


def test_every_single_character_change_is_rejected() -> None:
    """All 256 byte values at each of the 304 positions: only a case change of a letter is the same code."""
    accepted_changes = 0
    for i, original in enumerate(GOOD):
        for value in range(256):
            c = chr(value)
            if c == original:
                continue
            text = GOOD[:i] + c + GOOD[i + 1:]
            verdict = VERIFIER.verify(text)
            if verdict.ok:
                assert c.isascii() and c.upper() == original, f"position {i}: {original!r} -> {c!r} accepted"
                accepted_changes += 1
            else:
                assert verdict.reason is not Reason.INTERNAL_ERROR
    letters = sum(ch.isalpha() for ch in GOOD)
    assert accepted_changes == letters  # exactly the lower-case twin of each letter


def test_every_single_bit_and_byte_change_of_the_payload_is_rejected() -> None:
    for i in range(mc.PAYLOAD_LEN):
        for mask in (1, 2, 4, 8, 16, 32, 64, 128, 0xFF, 0x5A):
            payload = bytearray(GOOD_PAYLOAD)
            payload[i] ^= mask
            verdict = VERIFIER.verify(mc.PREFIX + base36.encode(bytes(payload)))
            assert not verdict.ok, f"byte {i} ^ {mask:#x} accepted"
            assert verdict.reason is not Reason.INTERNAL_ERROR


def test_oversized_input_is_refused_before_parsing() -> None:
    huge = "LM1" + "0" * 10_000_000
    verdict = VERIFIER.verify(huge)
    assert verdict.reason is Reason.INPUT_TOO_LONG
    assert verdict.member_id is None  # nothing was parsed


def test_missing_trust_bundle_is_its_own_reason() -> None:
    verdict = OfflineVerifier(None, VERIFIER.clock, None).verify(GOOD)
    assert verdict.reason is Reason.TRUST_BUNDLE_MISSING and not verdict.ok
