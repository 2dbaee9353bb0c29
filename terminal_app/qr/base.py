"""The decoder interface: a frame in, the QR texts found in it out. No GUI code here.

A frame is a numpy uint8 array, grayscale (H, W) or colour (H, W, 3) in BGR order as OpenCV
delivers it. `decode` never raises on a frame: an unusable array gives `[]`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np


class DecoderUnavailable(RuntimeError):
    """The backend cannot run on this machine; the message says why (e.g. a missing system library)."""


@dataclass(frozen=True)
class DecodedCode:
    text: str
    decoder: str
    corners: tuple[tuple[int, int], ...] = ()


def as_gray(frame: object) -> np.ndarray | None:
    """A contiguous 2-D uint8 view of the frame, or None if it is not an image."""
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8 or frame.size == 0:
        return None
    if frame.ndim == 3 and frame.shape[2] in (3, 4):
        import cv2

        code = cv2.COLOR_BGR2GRAY if frame.shape[2] == 3 else cv2.COLOR_BGRA2GRAY
        return cv2.cvtColor(frame, code)
    if frame.ndim == 3 and frame.shape[2] == 1:
        frame = frame[:, :, 0]
    if frame.ndim != 2 or min(frame.shape) < 21:  # a QR code has at least 21 modules a side
        return None
    return np.ascontiguousarray(frame)


class QrDecoder(ABC):
    name: str = "?"

    @abstractmethod
    def _decode_gray(self, gray: np.ndarray) -> list[DecodedCode]:
        """Decode a contiguous 2-D uint8 image."""

    def decode(self, frame: object) -> list[DecodedCode]:
        """The QR codes in the frame (usually 0 or 1). Accepts uint8 (H, W), (H, W, 1), BGR
        (H, W, 3) or BGRA (H, W, 4), contiguous or not. Anything else (other dtypes, shapes, empty
        arrays, non-arrays) gives [], as does a library error on one frame: never raises."""
        gray = as_gray(frame)
        if gray is None:
            return []
        try:
            return self._decode_gray(gray)
        except Exception:  # a decoder library failing on one frame must not stop the scanner
            return []
