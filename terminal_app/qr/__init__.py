"""QR decoding behind one small interface (model: Electrum's qrreader/).

    decoder = get_decoder()            # the default: zxing-cpp
    decoder = get_decoder("pyzbar")    # raises DecoderUnavailable, with the reason, if libzbar0 is absent
    for found in decoder.decode(frame): found.text
"""

from __future__ import annotations

from .base import DecodedCode, DecoderUnavailable, QrDecoder

DEFAULT = "zxing"
BACKENDS = ("zxing", "pyzbar")


def get_decoder(name: str | None = None) -> QrDecoder:
    name = name or DEFAULT
    if name == "zxing":
        from .zxing_backend import ZxingDecoder

        return ZxingDecoder()
    if name == "pyzbar":
        from .pyzbar_backend import PyzbarDecoder

        return PyzbarDecoder()
    raise DecoderUnavailable(f"unknown decoder {name!r}; choose one of {', '.join(BACKENDS)}")


def available_decoders() -> dict[str, str | None]:
    """Each backend and why it is unavailable (None when it works here)."""
    out: dict[str, str | None] = {}
    for name in BACKENDS:
        try:
            get_decoder(name)
            out[name] = None
        except DecoderUnavailable as exc:
            out[name] = str(exc)
    return out


__all__ = ["BACKENDS", "DEFAULT", "DecodedCode", "DecoderUnavailable", "QrDecoder", "available_decoders",
           "get_decoder"]
