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


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_accepted_frame_layout_decodes(backend: str) -> None:
    import cv2

    gray = np.pad(render_gray(CODE, module_px=4), 40, constant_values=255)
    bgr = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
    layouts = {
        "gray": gray,
        "gray (H, W, 1)": gray[:, :, None],
        "bgr": bgr,
        "bgra": cv2.cvtColor(gray, cv2.COLOR_GRAY2BGRA),
        "gray, non-contiguous view (rotated 180)": gray[::-1, ::-1],
        "bgr, strided view": np.repeat(bgr, 2, axis=1)[:, ::2],
    }
    decoder = get_decoder(backend)
    for label, frame in layouts.items():
        assert [f.text for f in decoder.decode(frame)] == [CODE], label


def test_corpus_is_deterministic_real_version_10_codes() -> None:
    from alliance_protocol.member_code import TEXT_LEN
    from member_wallet.qr_render import qr_matrix

    first, again = corpus("1280x720", 3, seed=7), corpus("1280x720", 3, seed=7)
    assert all(np.array_equal(a.image, b.image) and a.text == b.text
               for a, b in zip(first, again, strict=True))
    assert first[0].image.shape == (720, 1280, 3)
    assert len(first[0].text) == TEXT_LEN and first[0].text.startswith("LM1")
    assert qr_matrix(first[0].text).shape == (65, 65)  # version 10 (57 modules) + 2 x 4 quiet zone
    assert not np.array_equal(first[0].image, corpus("1280x720", 3, seed=8)[0].image)
