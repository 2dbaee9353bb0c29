from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_protocol import base36
from alliance_protocol import member_code as mc


@given(st.binary(min_size=1, max_size=300))
def test_roundtrip(data: bytes) -> None:
    text = base36.encode(data)
    assert len(text) == base36.width(len(data))
    assert set(text) <= set(base36.ALPHABET)
    assert base36.decode(text, len(data)) == data


def test_member_code_sizes() -> None:
    assert mc.PAYLOAD_LEN == 194
    assert base36.width(mc.PAYLOAD_LEN) == 301
    assert mc.TEXT_LEN == 304


def test_out_of_range_and_foreign_characters_are_refused() -> None:
    with pytest.raises(base36.Base36Error):
        base36.decode("ZZ", 1)
    with pytest.raises(base36.Base36Error):
        base36.decode("0a", 1)
    with pytest.raises(base36.Base36Error):
        base36.decode("000", 1)


def test_normalize_folds_only_keyboard_variants() -> None:
    assert base36.normalize("  lm1ab\r\n") == "LM1AB"
    assert base36.normalize("ＬＭ１ａｂ") == "LM1AB"
    assert base36.normalize("¹") == "¹"  # compatibility forms are not folded


def test_the_code_fits_qr_version_10_m_in_alphanumeric_mode() -> None:
    import qrcode

    from alliance_protocol.testkit import TestAlliance

    code = TestAlliance().member().code(1_790_000_000)
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(code)
    qr.make(fit=True)
    assert qr.version == 10
    assert qr.data_list[0].mode == qrcode.util.MODE_ALPHA_NUM
