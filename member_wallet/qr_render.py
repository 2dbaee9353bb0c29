"""Render a member code as a QR module matrix / grayscale image (Qt-free)."""

from __future__ import annotations

import numpy as np
import qrcode


def qr_matrix(text: str) -> np.ndarray:
    """Boolean module matrix (True = dark), with the standard 4-module quiet zone, at level M."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(text)
    qr.make(fit=True)
    return np.array(qr.get_matrix(), dtype=bool)


def render_gray(text: str, module_px: int = 6, dark: int = 0, light: int = 255) -> np.ndarray:
    """uint8 grayscale image of the code, `module_px` pixels per module."""
    matrix = qr_matrix(text)
    img = np.where(matrix, dark, light).astype(np.uint8)
    return np.kron(img, np.ones((module_px, module_px), dtype=np.uint8))
