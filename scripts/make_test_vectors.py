"""Regenerate tests/vectors/member_code_vectors.json (deterministic: same bytes every run).

    .venv/bin/python -m scripts.make_test_vectors

Each vector: a code text, the verifier's "now", what the terminal knows (bundle envelope signed by
the vectors' root key, replay history) and the expected reason. The tests check both that the
verifier gives the expected reason and that this script still produces the same file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alliance_protocol import member_code as mc
from alliance_protocol import trust_bundle as tb
from alliance_protocol.keys import b64, kid_for, public_raw
from alliance_protocol.testkit import DAY, T0, TestAlliance, derive_key

OUT = Path(__file__).resolve().parent.parent / "tests" / "vectors" / "member_code_vectors.json"


def _flip(code: str, index: int) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    c = code[index]
    return code[:index] + alphabet[(alphabet.index(c) + 1) % 36] + code[index + 1:]


def build() -> dict[str, Any]:
    a = TestAlliance(seed="vectors", now=T0)
    retired = derive_key("vectors", "issuer-retired")
    future = derive_key("vectors", "issuer-future")
    not_issuer = derive_key("vectors", "settlement-key")
    a.extra_keys = [
        tb.key_entry(retired, role=tb.ROLE_ISSUER, not_before=T0 - 400 * DAY, not_after=T0 - DAY),
        tb.key_entry(future, role=tb.ROLE_ISSUER, not_before=T0 + 30 * DAY, not_after=T0 + 400 * DAY),
        tb.key_entry(not_issuer, role="settlement", not_before=T0 - DAY, not_after=T0 + 400 * DAY),
    ]
    alice = a.member(20001, tier=mc.Tier.SILVER, allowance=5_000)
    bob = a.member(20002, tier=mc.Tier.DIAMOND, allowance=50_000)
    revoked = a.member(20003)
    blocked = a.member(20004)
    a.deny_serials = [revoked.cert.serial]
    a.deny_members = [blocked.member_id]
    expired_cert = a.member(20005, valid_days=-1)
    by_retired = a.member(20006, issuer=retired)
    by_future = a.member(20007, issuer=future)
    by_root = a.member(20008, issuer=a.root)
    by_other_role = a.member(20009, issuer=not_issuer)
    stranger = TestAlliance(seed="stranger", now=T0).member(20010)
    # A certificate that claims our issuer's key id but is signed by another key: a forgery.
    forged = a.member(20011, issuer=derive_key("vectors", "forger"), kid=a.issuer_kid)

    good = alice.code(T0 - 5)
    vectors: list[dict[str, Any]] = []

    def add(name: str, code: str, reason: str, *, now: int = T0, seen: list[list[int]] | None = None,
            clock_age: int | None = 0, note: str = "") -> None:
        vectors.append({"name": name, "code": code, "now": now, "clock_confirmed_age": clock_age,
                        "seen": seen or [], "expect": reason, "note": note})

    add("valid silver member, 5 s old", good, "OK")
    add("valid diamond member, same second", bob.code(T0), "OK")
    add("valid, typed in lower case by a scanner with caps lock", good.lower(), "OK",
        note="the alphabet is case-insensitive: lower case folds to the same code")
    add("valid, full-width digits and letters from an input method",
        good.translate({c: c + 0xFEE0 for c in range(0x30, 0x5B) if chr(c).isalnum()}), "OK")
    add("exactly 60 s old (edge of the window)", alice.code(T0 - 60), "OK")
    add("61 s old", alice.code(T0 - 61), "CODE_EXPIRED")
    add("30 s ahead (edge of the skew tolerance)", alice.code(T0 + 30), "OK")
    add("31 s ahead", alice.code(T0 + 31), "CODE_NOT_YET_VALID")
    replayed = alice.code(T0)
    add("replayed: pair already used on this terminal", replayed, "CODE_REPLAYED",
        seen=[[alice.cert.serial, alice.counter]])
    add("certificate revoked (serial on deny list)", revoked.code(T0), "CERT_REVOKED")
    add("member blocked", blocked.code(T0), "MEMBER_BLOCKED")
    add("certificate expired", expired_cert.code(T0), "CERT_EXPIRED")
    add("issuer key retired before now", by_retired.code(T0), "ISSUER_KEY_RETIRED")
    add("issuer key not valid yet", by_future.code(T0), "ISSUER_KEY_NOT_YET_VALID")
    add("certificate signed by the root key", by_root.code(T0), "ISSUER_KEY_UNKNOWN",
        note="the root key signs bundles only and is not listed as an issuer")
    add("certificate signed by a non-issuer key", by_other_role.code(T0), "ISSUER_KEY_WRONG_ROLE")
    add("certificate from another alliance", stranger.code(T0), "ISSUER_KEY_UNKNOWN")
    add("forged certificate under our issuer's key id", forged.code(T0), "CERT_SIGNATURE_INVALID")
    add("one character changed in the certificate body", _flip(good, 40), "CERT_SIGNATURE_INVALID")
    add("one character changed in the dynamic part", _flip(good, 250), "CODE_SIGNATURE_INVALID")
    add("one character changed in the device signature", _flip(good, 300), "CODE_SIGNATURE_INVALID")
    add("truncated by one character", good[:-1], "BAD_LENGTH")
    add("one extra character", good + "0", "BAD_LENGTH")
    add("character outside the alphabet", good[:100] + "#" + good[101:], "MALFORMED")
    add("value larger than 194 bytes", "LM1" + "Z" * 301, "MALFORMED")
    add("other prefix (a URL)", "HTTPS://EXAMPLE.COM/" + "A" * 50, "UNKNOWN_FORMAT")
    add("future format version", "LM2" + good[3:], "UNSUPPORTED_VERSION")
    add("empty scan", "   ", "INPUT_EMPTY")
    add("oversized input", "LM1" + "A" * 5000, "INPUT_TOO_LONG")
    add("terminal clock never confirmed by the server", alice.code(T0), "CLOCK_UNCONFIRMED", clock_age=None)
    add("terminal clock last confirmed 8 days ago", alice.code(T0), "CLOCK_UNCONFIRMED", clock_age=8 * DAY)
    add("bundle older than its maximum age", good, "TRUST_BUNDLE_STALE", now=T0 + 8 * DAY)

    return {
        "format": "member-code-test-vectors/1",
        "spec": "docs/member-code.md",
        "root_public_key": b64(a.root_public),
        "bundle": a.bundle_bytes().decode("utf-8"),
        "verifier": {"code_window_s": 60, "future_skew_s": 30, "clock_unconfirmed_limit_s": 7 * DAY},
        "keys": {
            "issuer_kid": a.issuer_kid.hex(),
            "retired_kid": kid_for(public_raw(retired)).hex(),
        },
        "vectors": vectors,
    }


def render() -> str:
    return json.dumps(build(), indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
