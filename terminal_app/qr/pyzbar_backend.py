"""pyzbar: a supported alternative decoder. Needs the system library libzbar0 (pip cannot install it)."""

from __future__ import annotations

import numpy as np

from .base import DecodedCode, DecoderUnavailable, QrDecoder


def _load():
    try:
        from pyzbar import pyzbar
    except (ImportError, OSError) as exc:  # no libzbar, or one that cannot be loaded
        raise DecoderUnavailable(
            f"pyzbar cannot load the zbar system library ({exc}); install libzbar0 "
            "(Debian/Ubuntu: apt-get install libzbar0) or use the default zxing decoder") from None
    return pyzbar


class PyzbarDecoder(QrDecoder):
    name = "pyzbar"

    def __init__(self) -> None:
        self._pyzbar = _load()
        self._symbols = [self._pyzbar.ZBarSymbol.QRCODE]

    def _decode_gray(self, gray: np.ndarray) -> list[DecodedCode]:
        h, w = gray.shape
        results = self._pyzbar.decode((gray.tobytes(), w, h), symbols=self._symbols)
        out = []
        for r in results:
            try:
                text = r.data.decode("utf-8")
            except UnicodeDecodeError:
                text = r.data.decode("latin-1")
            out.append(DecodedCode(text, self.name, tuple((p.x, p.y) for p in r.polygon)))
        return out
