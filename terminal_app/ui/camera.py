"""Camera input: the frame-source interface, the real camera, and the decoding worker thread.

    source = OpenCvCamera(0)                                      # a real camera (cv2.VideoCapture)
    worker = CameraWorker(source, decoder_name="zxing")
    worker.code_seen.connect(...)      # str: one scan per code (deduplicated with a hold-off)
    worker.frame_ready.connect(...)    # QImage preview (a copy, safe on the UI thread)
    worker.start(); ...; worker.stop()

Frames are decoded on the worker thread, never on the UI thread. numpy and the decoder are
imported lazily (on the camera thread), so they do not delay the app's start.

Any `FrameSource` can be given to the window instead of a device (MainWindow(camera_source=...)):
the demo and the tests give member_wallet.virtual_camera.VirtualCamera, which films the simulated
phone. Production code here never imports the simulator.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QImage

if TYPE_CHECKING:
    import numpy as np


class FrameSource(Protocol):
    def read(self) -> np.ndarray | None: ...  # grayscale or BGR frame; None = no frame now
    def close(self) -> None: ...


class OpenCvCamera:
    def __init__(self, device: int | str = 0) -> None:
        import cv2

        self.cv2 = cv2
        self.cap = cv2.VideoCapture(device)

    def opened(self) -> bool:
        return bool(self.cap.isOpened())

    def read(self) -> np.ndarray | None:
        ok, frame = self.cap.read()
        if not ok:
            time.sleep(0.05)
            return None
        return self.cv2.cvtColor(frame, self.cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame

    def close(self) -> None:
        self.cap.release()


class ScanDeduper:
    """A code held in front of the camera for many frames is one scan: a text is reported again
    only after it was absent for `holdoff_s` (each sighting extends the hold-off)."""

    def __init__(self, holdoff_s: float = 3.0) -> None:
        self.holdoff_s = holdoff_s
        self._seen: dict[str, float] = {}

    def accept(self, text: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        last = self._seen.get(text)
        self._seen[text] = now
        if len(self._seen) > 64:
            for old in [t for t, ts in self._seen.items() if now - ts > self.holdoff_s]:
                del self._seen[old]
        return last is None or now - last > self.holdoff_s


def to_qimage(frame: np.ndarray) -> QImage:
    import numpy as np

    frame = np.ascontiguousarray(frame)
    h, w = frame.shape[:2]
    if frame.ndim == 2:
        img = QImage(frame.data, w, h, w, QImage.Format.Format_Grayscale8)
    else:
        img = QImage(frame.data, w, h, 3 * w, QImage.Format.Format_BGR888)
    return img.copy()  # own the pixels: the numpy buffer may change or go away


class CameraWorker(QThread):
    code_seen = Signal(str)
    frame_ready = Signal(QImage)
    failed = Signal(str)  # reason code value (e.g. DECODER_UNAVAILABLE)

    def __init__(
        self,
        source: FrameSource,
        decoder_name: str | None = None,
        *,
        holdoff_s: float = 3.0,
        preview_every: int = 3,
    ) -> None:
        super().__init__()
        self.source = source
        self.decoder_name = decoder_name
        self.deduper = ScanDeduper(holdoff_s)
        self.preview_every = preview_every
        self._running = False
        self.frames = 0

    def run(self) -> None:
        from terminal_app.qr import DecoderUnavailable, get_decoder  # numpy + zxing: on this thread

        try:
            decoder = get_decoder(self.decoder_name)
        except DecoderUnavailable:
            self.failed.emit("DECODER_UNAVAILABLE")
            return
        self._running = True
        while self._running:
            frame = self.source.read()
            if frame is None:
                continue
            self.frames += 1
            if self.preview_every and self.frames % self.preview_every == 0:
                self.frame_ready.emit(to_qimage(frame))
            try:
                found = decoder.decode(frame)
            except Exception:  # a decoder hiccup on one frame is not fatal
                continue
            for code in found:
                if code.text and self.deduper.accept(code.text):
                    self.code_seen.emit(code.text)

    def stop(self) -> None:
        self._running = False
        self.wait(3000)
        self.source.close()
