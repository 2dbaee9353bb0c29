"""Both decoder backends on real member codes; the interface never raises on a frame."""

from __future__ import annotations

import ctypes.util

import numpy as np
import pytest

from alliance_protocol.testkit import T0, TestAlliance
from bench.qr_corpus import corpus
from member_wallet.qr_render import render_gray
from terminal_app.qr import DecoderUnavailable, available_decoders, get_decoder

CODE = TestAlliance(seed="qr").member(1).code(T0)
PYZBAR_MISSING = available_decoders()["pyzbar"]

BACKENDS = [
    "zxing",
    pytest.param("pyzbar", marks=pytest.mark.skipif(
        PYZBAR_MISSING is not None, reason=f"pyzbar backend unavailable here: {PYZBAR_MISSING}")),
]


@pytest.mark.parametrize("backend", BACKENDS)
def test_decodes_a_rendered_member_code(backend: str) -> None:
    found = get_decoder(backend).decode(render_gray(CODE, module_px=4))
    assert [f.text for f in found] == [CODE]
    assert found[0].decoder == backend


@pytest.mark.parametrize("backend", BACKENDS)
def test_decodes_camera_like_frames_in_colour(backend: str) -> None:
    samples = corpus("640x480", 10, seed=3)
    decoder = get_decoder(backend)
    decoded = sum(any(f.text == s.text for f in decoder.decode(s.image)) for s in samples)
    assert samples[0].image.ndim == 3
    assert decoded >= (10 if backend == "zxing" else 7)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("frame", [
    np.zeros((480, 640), np.uint8),
    np.full((480, 640, 3), 255, np.uint8),
    np.random.default_rng(0).integers(0, 256, (480, 640), dtype=np.uint8),
    np.zeros((5, 5), np.uint8),
    np.zeros((0, 0), np.uint8),
    np.zeros((480, 640), np.float32),
    np.zeros((4, 480, 640), np.uint8),
    "not an image",
    None,
])
def test_frames_without_a_code_give_an_empty_list(backend: str, frame: object) -> None:
    assert get_decoder(backend).decode(frame) == []


def test_default_is_zxing_and_unknown_names_are_refused() -> None:
    assert get_decoder().name == "zxing"
    with pytest.raises(DecoderUnavailable):
        get_decoder("opencv")


def test_pyzbar_without_libzbar_says_why() -> None:
    status = available_decoders()["pyzbar"]
    if ctypes.util.find_library("zbar"):
        assert status is None
    else:
        assert "libzbar0" in status
        with pytest.raises(DecoderUnavailable, match="libzbar0"):
            get_decoder("pyzbar")
