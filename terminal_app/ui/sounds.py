"""A distinct short sound per verdict: generated WAVs (numpy + wave) in
terminal_app/ui/resources/sounds/ (in git, shipped in the wheel).

Played through miniaudio (a small, well-kept wheel: PulseAudio or ALSA on Linux, WASAPI on
Windows, CoreAudio on macOS; PySide6-Essentials has no QtMultimedia). The output device is
opened once, off the UI thread, when the player starts; it then streams silence and mixes in a
verdict's sound when asked (a few milliseconds from `play` to the speaker, no device opening per
sound). Where no audio output exists (no sound server, no sound card, miniaudio's null backend)
`problem()` says so in words and the settings page shows it; `play` then falls back to
QApplication.beep(). `SoundPlayer(enabled=False)` never opens a device (tests that need no audio).

`output_device` names what is playing (e.g. "PulseAudio"), for the settings page and tests.
"""

from __future__ import annotations

import threading
import wave
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SOUND_DIR = (
    Path(__file__).resolve().parent / "resources" / "sounds"
)  # inside the package (wheel, PyInstaller)
RATE = 22_050
# (frequency Hz, duration ms) notes per verdict: rising = approved, two equal = attention, low = declined
TONES = {
    "approved": [(880, 90), (1320, 140)],
    "attention": [(660, 120), (0, 40), (660, 120)],
    "declined": [(220, 380)],
}


def synthesize(notes: list[tuple[int, int]]) -> np.ndarray:
    import numpy as np

    parts = []
    for freq, ms in notes:
        n = RATE * ms // 1000
        t = np.arange(n) / RATE
        tone = np.sin(2 * np.pi * freq * t) if freq else np.zeros(n)
        fade = np.minimum(1.0, np.minimum(np.arange(n), np.arange(n)[::-1]) / (RATE * 0.005))
        parts.append(tone * fade)
    return (np.concatenate(parts) * 0.6 * 32767).astype(np.int16)


def write_wavs(directory: Path = SOUND_DIR) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, notes in TONES.items():
        path = directory / f"{name}.wav"
        if not path.exists():
            with wave.open(str(path), "wb") as w:
                w.setnchannels(1)
                w.setsampwidth(2)
                w.setframerate(RATE)
                w.writeframes(synthesize(notes).tobytes())
        out[name] = path
    return out


def read_pcm(name: str, directory: Path = SOUND_DIR) -> bytes:
    """A verdict's sound as 16-bit mono PCM at RATE (the shipped WAV; synthesized if it is missing)."""
    try:
        with wave.open(str(directory / f"{name}.wav")) as w:
            if w.getsampwidth() == 2 and w.getnchannels() == 1 and w.getframerate() == RATE:
                return w.readframes(w.getnframes())
    except (OSError, EOFError, wave.Error):
        pass
    return synthesize(TONES[name]).tobytes()


class SoundPlayer:
    def __init__(self, enabled: bool = True, *, open_device: bool | None = None) -> None:
        self.enabled = enabled
        self.played: list[str] = []  # what was asked to play (diagnostics, tests)
        self.output_device = ""  # the audio backend in use once the device is open ("" before / without)
        self.error = ""  # why there is no audio output ("" when there is one, or while still opening)
        self.started = 0  # sounds actually sent to the output device
        self._pcm: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._current = b""
        self._pos = 0
        self._device = None
        self._ready = threading.Event()
        if open_device if open_device is not None else enabled:
            threading.Thread(target=self._open, name="audio-output", daemon=True).start()
        else:
            self._ready.set()

    def _open(self) -> None:
        try:
            import miniaudio

            self._pcm = {name: read_pcm(name) for name in TONES}
            device = miniaudio.PlaybackDevice(
                output_format=miniaudio.SampleFormat.SIGNED16,
                nchannels=1,
                sample_rate=RATE,
                buffersize_msec=40,
                app_name="Alliance counter",
            )
            if device.backend.lower() == "null":
                device.close()
                self.error = "no audio output device (only the null backend)"
                return
            stream = self._stream()
            next(stream)
            device.start(stream)
            self._device, self.output_device = device, device.backend
        except Exception as exc:  # no libpulse / libasound, no device, no miniaudio wheel for this machine
            self.error = f"{type(exc).__name__}: {exc}"[:200]
        finally:
            self._ready.set()

    def _stream(self):
        """miniaudio's callback generator: the current sound, then silence."""
        frames = yield b""
        while True:
            want = frames * 2
            with self._lock:
                chunk = self._current[self._pos : self._pos + want]
                self._pos += len(chunk)
            frames = yield chunk + bytes(want - len(chunk))

    def wait_ready(self, timeout: float = 5.0) -> bool:
        return self._ready.wait(timeout)

    def problem(self) -> str:
        """Words for the settings page when sounds cannot play ("" when they can, or are off)."""
        from PySide6.QtCore import QCoreApplication

        if not self._ready.is_set() or self._device is not None:
            return ""
        if not self.error:
            return ""
        text = QCoreApplication.translate(
            "SoundPlayer",
            "No audio output found: the verdict sounds cannot play (%1). Connect speakers or check the sound settings.",  # noqa: E501
        )
        return text.replace("%1", self.error)

    def set_enabled(self, enabled: bool) -> None:
        """Sounds on or off (settings); the device is opened the first time they are on."""
        self.enabled = enabled
        if enabled and self._device is None and self._ready.is_set() and not self.error:
            self._ready.clear()
            threading.Thread(target=self._open, name="audio-output", daemon=True).start()

    def play(self, severity: str) -> None:
        self.played.append(severity)
        if not self.enabled:
            return
        if self._device is not None and severity in self._pcm:
            with self._lock:
                self._current, self._pos = self._pcm[severity], 0
            self.started += 1
            return
        from PySide6.QtWidgets import QApplication

        QApplication.beep()

    def close(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            try:
                device.close()
            except Exception:
                pass


if __name__ == "__main__":
    for name, path in write_wavs().items():
        print(name, path)
