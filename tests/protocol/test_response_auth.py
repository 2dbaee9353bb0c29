"""HQ's answer signature and the enrollment code's derivations: known answers and every refusal."""

from __future__ import annotations

import hashlib

import pytest

from alliance_protocol import enrollment_code as ec
from alliance_protocol import response_auth as ra
from alliance_protocol.keys import b64, public_raw
from alliance_protocol.testkit import derive_key

ROOT = derive_key("kat", "root")
RESPONSE_KEY = derive_key("kat", "response")
NONCE = "00112233445566778899aabbccddeeff"
BODY = b'{"acked_seq":3}'
PATH = "/v1/terminal/batches"
AT_MS = 1_750_000_000_000

# Known answers (Ed25519 is deterministic): any change to the signed bytes changes these.
KAT_CERT = (
    "eyJwYXlsb2FkIjp7ImZvcm1hdCI6ImFsbGlhbmNlLWhxLXJlc3BvbnNlLWtleS8xIiwia2lkIjoiMjk4MTdiZmUiLCJub3RfYWZ0ZXIi"
    "OjE4MDAwMDAwMDAsIm5vdF9iZWZvcmUiOjE3MDAwMDAwMDAsInB1YmxpY19rZXkiOiJTRmZpWFY5cWQyUHFFQUkwSDBlU3VIQzIvODVI"
    "NWcwS3NpTFRQUkUzdEQ4PSJ9LCJyb290X2tpZCI6ImUwMjM1NzgzIiwic2lnbmF0dXJlIjoiQ1BQMzV0Y2ZtWFlQd1YyUXVidjMzREV5"
    "YUY5NTBxK29YREtHZ0lmdENOWE50VHZ5M0dIZFNtSG52Y3JrMmhxa1ljQUszdnNCb0JKUVFsNUJLK2RsQ0E9PSJ9")
KAT_INPUT_SHA256 = "b8be7089575031d964f927ec3188886130ba9d4140c05501965e273328cc0571"
KAT_SIGNATURE = "YxzcBznjqYLstLqL1go3gFUmS9ZlpVTq/c0zTXJIIfISksorf24N5l9FXHncvjwMwsrcA7z7YqlBfUpcap/vCw=="


def cert() -> ra.ResponseKeyCert:
    return ra.certify(ROOT, public_raw(RESPONSE_KEY), 1_700_000_000, 1_800_000_000)


def signed(status: int = 200, body: bytes = BODY, path: str = PATH, nonce: str = NONCE) -> dict[str, str]:
    return ra.ResponseSigner.of(RESPONSE_KEY, cert()).headers("POST", path, nonce, status, body, AT_MS)


def verifier(at_s: float = 1_750_000_000, roots=None) -> ra.ResponseVerifier:
    return ra.ResponseVerifier([public_raw(ROOT)] if roots is None else roots, lambda: at_s)


def test_known_answers() -> None:
    assert cert().to_text() == KAT_CERT
    signed_bytes = ra.signing_input("POST", PATH, NONCE, 200, AT_MS, BODY)
    assert hashlib.sha256(signed_bytes).hexdigest() == KAT_INPUT_SHA256
    headers = signed()
    assert headers == {"X-HQ-Time": str(AT_MS), "X-HQ-Key-Id": "29817bfe", "X-HQ-Key-Cert": KAT_CERT,
                       "X-HQ-Signature": KAT_SIGNATURE}
    assert verifier().verify("POST", PATH, NONCE, 200, headers, BODY) == AT_MS


def test_the_signature_binds_the_request_nonce_path_method_status_and_body() -> None:
    headers = signed()
    v = verifier()
    for method, path, nonce, status, body in [
            ("POST", PATH, "ff" * 16, 200, BODY),            # an old answer replayed to a new request
            ("POST", "/v1/terminal/balances", NONCE, 200, BODY),
            ("GET", PATH, NONCE, 200, BODY),
            ("POST", PATH, NONCE, 500, BODY),                  # an error passed off as a success or back
            ("POST", PATH, NONCE, 200, b'{"acked_seq":4}')]:
        with pytest.raises(ra.ResponseAuthError):
            v.verify(method, path, nonce, status, headers, body)
    with pytest.raises(ra.ResponseAuthError):
        v.verify("POST", PATH, NONCE, 200, {**headers, "X-HQ-Time": str(AT_MS + 3_600_000)}, BODY)  # moved


def test_a_key_no_pinned_root_certifies_is_refused() -> None:
    forger_root = derive_key("forger", "root")
    forged = ra.certify(forger_root, public_raw(RESPONSE_KEY), 1_700_000_000, 1_800_000_000)
    headers = ra.ResponseSigner.of(RESPONSE_KEY, forged).headers("POST", PATH, NONCE, 200, BODY, AT_MS)
    with pytest.raises(ra.ResponseAuthError, match="not certified"):
        verifier().verify("POST", PATH, NONCE, 200, headers, BODY)
    # A pinned root certifies it: accepted (rotation needs no terminal change).
    assert verifier(roots=[public_raw(ROOT), public_raw(forger_root)]).verify(
        "POST", PATH, NONCE, 200, headers, BODY) == AT_MS


def test_a_certificate_outside_its_validity_on_the_clients_clock_is_refused() -> None:
    with pytest.raises(ra.ResponseAuthError, match="not valid"):
        verifier(at_s=1_800_000_001).verify("POST", PATH, NONCE, 200, signed(), BODY)
    with pytest.raises(ra.ResponseAuthError, match="not valid"):
        verifier(at_s=1_699_999_999).verify("POST", PATH, NONCE, 200, signed(), BODY)
    lenient = ra.ResponseVerifier([public_raw(ROOT)], lambda: 0, check_validity=False)
    assert lenient.verify("POST", PATH, NONCE, 200, signed(), BODY) == AT_MS


def test_a_signer_with_another_keys_certificate_or_a_swapped_key_id_fails() -> None:
    with pytest.raises(ValueError):
        ra.ResponseSigner.of(derive_key("kat", "other"), cert())
    with pytest.raises(ra.ResponseAuthError, match="key id"):
        verifier().verify("POST", PATH, NONCE, 200, {**signed(), "X-HQ-Key-Id": "00000000"}, BODY)


@pytest.mark.parametrize("mangle", [
    lambda h: {},
    lambda h: {k: v for k, v in h.items() if k != "X-HQ-Signature"},
    lambda h: {**h, "X-HQ-Signature": "not base64!"},
    lambda h: {**h, "X-HQ-Signature": b64(b"\x00" * 64)},
    lambda h: {**h, "X-HQ-Time": "1e400"},
    lambda h: {**h, "X-HQ-Time": "9" * 5000},
    lambda h: {**h, "X-HQ-Key-Cert": "x"},
    lambda h: {**h, "X-HQ-Key-Cert": "A" * 5000},
    lambda h: {**h, "X-HQ-Key-Cert": b64(b'{"payload": []}')},
    lambda h: {**h, "X-HQ-Key-Cert": b64(b"null")},
])
def test_mangled_headers_are_a_typed_refusal_never_a_crash(mangle) -> None:
    with pytest.raises(ra.ResponseAuthError) as info:
        verifier().verify("POST", PATH, NONCE, 200, mangle(signed()), BODY)
    assert info.value.reason == "RESPONSE_UNAUTHENTICATED"


def test_no_pinned_root_refuses_everything() -> None:
    with pytest.raises(ra.ResponseAuthError, match="enroll"):
        verifier(roots=[]).verify("POST", PATH, NONCE, 200, signed(), BODY)


# --- the enrollment code
CODE = "K7M2-9QXD-4HPA-ZR3T"
TERMINAL_PUBLIC = b64(public_raw(derive_key("kat", "terminal")))


def test_enrollment_code_known_answers_and_reading() -> None:
    assert ec.normalize(" k7m2 9qxd-4hpa-zr3t ") == "K7M29QXD4HPAZR3T"
    assert ec.normalize("OIL0") == "0110"  # letters an installer may type for digits
    assert ec.code_id(CODE) == ec.code_id("k7m29qxd4hpazr3t") == \
        "a8d4b66ceb1d79dea3d729ec0a0f36996ec807a184262892fbf26d00f863d2eb"
    key = ec.mac_key(CODE)
    assert key.hex() == "eb3c1fd3ead8686ae1618ccf93a741ff76e6a80dbd0fc6cc2d399f3819cc8fd5"
    assert ec.request_proof(key, ec.code_id(CODE), TERMINAL_PUBLIC, "till 1") == \
        "71bf5fd16c53942d43675fd4732646756bdbdb6df25e736bb04b3f9289109708"
    assert ec.answer_mac(key, NONCE, 200, BODY) == \
        "16baa357cfe790c802f97fc0944320a5b0c2a29045350d1b227e3f5afcc22bed"


def test_the_proof_binds_the_terminal_key_and_the_answer_mac_the_request() -> None:
    key = ec.mac_key(CODE)
    proof = ec.request_proof(key, ec.code_id(CODE), TERMINAL_PUBLIC, "till 1")
    other_key = b64(public_raw(derive_key("kat", "attacker")))
    assert not ec.check(ec.request_proof(key, ec.code_id(CODE), other_key, "till 1"), proof)
    assert not ec.check(ec.request_proof(ec.mac_key("AAAA-AAAA-AAAA-AAAA"), ec.code_id(CODE), TERMINAL_PUBLIC,
                                         "till 1"), proof)
    mac = ec.answer_mac(key, NONCE, 200, BODY)
    assert ec.check(mac, mac)
    assert not ec.check(ec.answer_mac(key, "ff" * 16, 200, BODY), mac)
    assert not ec.check(ec.answer_mac(key, NONCE, 200, BODY + b" "), mac)
    assert not ec.check(mac, None) and not ec.check(mac, "\udcff")


def test_new_codes_are_80_bits_in_four_groups() -> None:
    codes = {ec.new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4, 4, 4, 4] and set("".join(groups)) <= set(ec.ALPHABET)
        assert ec.normalize(code) == "".join(groups)
