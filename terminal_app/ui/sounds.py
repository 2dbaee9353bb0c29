"""A distinct short sound per verdict: generated WAVs (numpy + wave) in
terminal_app/ui/resources/sounds/ (in git, shipped in the wheel).

Played with QtMultimedia's QSoundEffect when that module exists, else QApplication.beep().
`SoundPlayer(enabled=False)` is silent (tests never need audio).
"""

from __future__ import annotations

import wave
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SOUND_DIR = Path(__file__).resolve().parent / "resources" / "sounds"  # inside the package (wheel, PyInstaller)
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


class SoundPlayer:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.played: list[str] = []  # what was asked to play (diagnostics, tests)
        self._effects: dict[str, object] = {}
        self.backend = "beep"
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            return
        try:
            for name, path in write_wavs().items():
                effect = QSoundEffect()
                effect.setSource(QUrl.fromLocalFile(str(path)))
                self._effects[name] = effect
            self.backend = "qsoundeffect"
        except OSError:
            self._effects = {}

    def play(self, severity: str) -> None:
        self.played.append(severity)
        if not self.enabled:
            return
        effect = self._effects.get(severity)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]
            return
        from PySide6.QtWidgets import QApplication

        QApplication.beep()


if __name__ == "__main__":
    for name, path in write_wavs().items():
        print(name, path)
