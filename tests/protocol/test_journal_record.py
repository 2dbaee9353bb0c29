from __future__ import annotations

import copy

import pytest

from alliance_protocol import journal_record as jr
from alliance_protocol.testkit import derive_key

KEY = derive_key("journal", "terminal")


def chain(n: int) -> list[dict]:
    out, prev = [], jr.GENESIS_HASH
    for seq in range(1, n + 1):
        body = {"terminal_id": "T1", "seq": seq, "prev_hash": prev, "recorded_at": 1_000 + seq,
                "kind": "earn", "status": "approved", "reason": "OK", "bill_fen": 12_345}
        rec = jr.seal(body, KEY)
        out.append(rec)
        prev = rec["hash"]
    return out


def test_a_sealed_chain_checks() -> None:
    checked = jr.check_chain(chain(5), KEY.public_key())
    assert [c.seq for c in checked] == [1, 2, 3, 4, 5]


def test_an_edited_body_is_detected_as_a_hash_mismatch() -> None:
    recs = chain(3)
    recs[1]["body"]["bill_fen"] = 1
    with pytest.raises(jr.RecordError) as info:
        jr.check_chain(recs, KEY.public_key())
    assert info.value.problem == "hash"


def test_a_rehashed_edit_fails_the_signature() -> None:
    recs = chain(3)
    recs[1]["body"]["bill_fen"] = 1
    recs[1]["hash"] = jr.body_hash(recs[1]["body"])
    with pytest.raises(jr.RecordError) as info:
        jr.check_chain(recs, KEY.public_key())
    assert info.value.problem == "signature"


def test_deleted_and_reordered_records_are_detected() -> None:
    recs = chain(4)
    with pytest.raises(jr.RecordError) as info:
        jr.check_chain([recs[0], recs[2], recs[3]], KEY.public_key())
    assert info.value.problem == "gap"
    swapped = copy.deepcopy(recs)
    swapped[1], swapped[2] = swapped[2], swapped[1]
    with pytest.raises(jr.RecordError):
        jr.check_chain(swapped, KEY.public_key())


def test_another_terminals_key_fails() -> None:
    with pytest.raises(jr.RecordError) as info:
        jr.check(chain(1)[0], derive_key("journal", "other").public_key())
    assert info.value.problem == "signature"


@pytest.mark.parametrize("bad", [None, {}, {"body": {}, "hash": "", "sig": ""},
                                 {"body": [], "hash": 1, "sig": "%%"}])
def test_malformed_records_raise_a_typed_error(bad: object) -> None:
    with pytest.raises(jr.RecordError):
        jr.check(bad, KEY.public_key())
