"""The simulated phone as a camera sees it: frames for the counter app's camera interface.

    source = VirtualCamera(lambda: wallet_window.current_code)   # renders the current code
    MainWindow(store, home, camera_source=lambda: source)          # the demo and the tests wire it in

A `terminal_app.ui.camera.FrameSource` (read() -> gray frame, close()): the counter app decodes
its frames on the camera thread exactly like a real camera's. It belongs to the simulation, not
to the counter app: the production camera code never imports it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


class VirtualCamera:
    """Frames of `code_provider()`'s current code, rendered into a 640x480 gray frame (cached per
    code). An empty code gives an empty counter-top frame."""

    def __init__(
        self,
        code_provider: Callable[[], str | None],
        width: int = 640,
        height: int = 480,
        module_px: int = 4,
        fps: float = 30.0,
    ) -> None:
        self.code_provider = code_provider
        self.width, self.height = width, height
        self.module_px = module_px
        self.interval = 1.0 / fps
        self._cache: tuple[str, np.ndarray] | None = None
        self._last = 0.0

    def frame_for(self, code: str | None) -> np.ndarray:
        import numpy as np

        if not code:
            return np.full((self.height, self.width), 90, np.uint8)
        if self._cache is None or self._cache[0] != code:
            from .qr_render import render_gray  # numpy and qrcode: on the camera thread, not at start

            qr = render_gray(code, module_px=self.module_px, dark=30, light=230)
            frame = np.full((self.height, self.width), 90, np.uint8)
            h, w = min(qr.shape[0], self.height), min(qr.shape[1], self.width)
            y0, x0 = (self.height - h) // 2, (self.width - w) // 2
            frame[y0 : y0 + h, x0 : x0 + w] = qr[:h, :w]
            self._cache = (code, frame)
        return self._cache[1]

    def read(self) -> np.ndarray | None:
        wait = self._last + self.interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last = time.monotonic()
        return self.frame_for(self.code_provider())

    def close(self) -> None:
        pass
