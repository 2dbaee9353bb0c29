"""Issuer key rotation: several keys valid at once, retirement at the end date, key id collisions."""

from __future__ import annotations

from pathlib import Path

from alliance_protocol import trust_bundle as tb
from alliance_protocol.keys import public_raw
from alliance_protocol.member_code import make_code, parse
from alliance_protocol.reasons import Reason
from alliance_protocol.testkit import DAY, T0, TestAlliance, derive_key
from alliance_protocol.verifier import FixedClock, MemoryReplayGuard, OfflineVerifier
from sync_server.hq_keys import KeyRing


def verify_at(alliance: TestAlliance, code: str, at: int):
    return OfflineVerifier(alliance.bundle(), FixedClock(at), MemoryReplayGuard()).verify(code)


def test_two_issuer_keys_valid_at_once_both_verify() -> None:
    a = TestAlliance(seed="rot")
    second = derive_key("rot", "issuer-2")
    a.extra_keys = [tb.key_entry(second, role=tb.ROLE_ISSUER, not_before=T0 - DAY, not_after=T0 + 90 * DAY)]
    assert verify_at(a, a.member(1).code(T0), T0).ok
    assert verify_at(a, a.member(2, issuer=second).code(T0), T0).ok


def test_a_retired_key_verifies_up_to_its_end_date_and_not_after() -> None:
    a = TestAlliance(seed="rot")
    old = derive_key("rot", "issuer-old")
    end = T0 + 10
    a.extra_keys = [tb.key_entry(old, role=tb.ROLE_ISSUER, not_before=T0 - 100 * DAY, not_after=end)]
    member = a.member(3, issuer=old)
    assert verify_at(a, member.code(end), end).ok
    late = verify_at(a, member.code(end + 1), end + 1)
    assert late.reason is Reason.ISSUER_KEY_RETIRED


def test_a_key_id_collision_does_not_break_verification() -> None:
    """Two keys share one id: a certificate signed by either still verifies (every match is tried)."""
    a = TestAlliance(seed="rot")
    twin = derive_key("rot", "twin")
    a.extra_keys = [tb.key_entry(twin, role=tb.ROLE_ISSUER, not_before=T0 - DAY, not_after=T0 + DAY,
                                 kid=a.issuer_kid)]
    assert len(a.bundle().keys_for(a.issuer_kid)) == 2
    assert verify_at(a, a.member(4).code(T0), T0).ok
    assert verify_at(a, a.member(5, issuer=twin, kid=a.issuer_kid).code(T0), T0).ok
    forger = derive_key("rot", "forger")
    forged = verify_at(a, a.member(6, issuer=forger, kid=a.issuer_kid).code(T0), T0)
    assert forged.reason is Reason.CERT_SIGNATURE_INVALID


def test_a_collision_with_a_non_issuer_key_is_not_a_wrong_role() -> None:
    a = TestAlliance(seed="rot")
    other = derive_key("rot", "settlement")
    a.extra_keys = [tb.key_entry(other, role="settlement", not_before=T0 - DAY, not_after=T0 + DAY,
                                 kid=a.issuer_kid)]
    assert verify_at(a, a.member(7).code(T0), T0).ok
    assert verify_at(a, a.member(8, issuer=other, kid=a.issuer_kid).code(T0), T0).reason is (
        Reason.CERT_SIGNATURE_INVALID)


def test_keyring_rotation_end_to_end(tmp_path: Path) -> None:
    ring = KeyRing.create(tmp_path / "keys", now=T0)
    first = ring.issuers[0].kid
    device = derive_key("ring", "device")

    def code_for(member_id: int, at: int) -> str:
        cert = ring.issue_certificate(now=at, member_id=member_id, serial=member_id, tier=1,
                                      allowance=100, device_public=public_raw(device), valid_s=30 * DAY)
        return make_code(cert, device, code_time=at, counter=1)

    def verifier_at(at: int) -> OfflineVerifier:
        envelope = ring.sign_bundle({"alliance_id": "a", "sequence": 1, "issued_at": at, "deny": {},
                                     "keys": []})
        bundle = tb.load_bundle(envelope, [ring.root_public])
        return OfflineVerifier(bundle, FixedClock(at), MemoryReplayGuard())

    old_code = code_for(1, T0)
    assert verifier_at(T0).verify(old_code).ok

    second = ring.add_issuer(T0 + 100, T0 + 400 * DAY)
    ring.retire(first, T0 + 5 * DAY)
    reloaded = KeyRing.load(tmp_path / "keys")
    assert [i.kid for i in reloaded.issuers] == [first, second.kid]
    assert reloaded.current_issuer(T0 + 200).kid == second.kid
    new_code = code_for(2, T0 + 200)
    assert parse(new_code).cert.issuer_kid.hex() == second.kid != first
    assert verifier_at(T0 + 200).verify(new_code).ok
    # Old certificates keep working while their key is valid, and stop after its end date.
    cert = parse(old_code).cert
    late = T0 + 5 * DAY + 1
    assert verifier_at(late).verify(make_code(cert, device, code_time=late, counter=9)).reason is (
        Reason.ISSUER_KEY_RETIRED)
    still = T0 + 5 * DAY
    assert verifier_at(still).verify(make_code(cert, device, code_time=still, counter=10)).ok
