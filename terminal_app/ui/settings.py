"""Counter-app settings: a small JSON file in the terminal home (counter_app.json).

The manager PIN is stored as a salted SHA-256 (demo PIN 1234 until a manager changes it).
Offline limits are NOT settings here: they come signed in the trust bundle (read-only in the app).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path

DEMO_PIN = "1234"
FILE_NAME = "counter_app.json"


def _hash_pin(pin: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{pin}".encode()).hexdigest()


@dataclass
class UiSettings:
    language: str = "zh_CN"
    camera: str = "virtual"  # "virtual", "none", or an OpenCV device index / path
    decoder: str = "zxing"
    sounds: bool = True
    kiosk: bool = False
    verdict_seconds: int = 4
    pin_salt: str = field(default_factory=lambda: secrets.token_hex(8))
    pin_hash: str = ""
    path: Path | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.pin_hash:
            self.pin_hash = _hash_pin(DEMO_PIN, self.pin_salt)

    def check_pin(self, pin: str) -> bool:
        return secrets.compare_digest(_hash_pin(pin, self.pin_salt), self.pin_hash)

    def set_pin(self, pin: str) -> None:
        self.pin_salt = secrets.token_hex(8)
        self.pin_hash = _hash_pin(pin, self.pin_salt)

    @classmethod
    def load(cls, home: Path) -> "UiSettings":
        path = Path(home) / FILE_NAME
        data: dict = {}
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            pass
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__ and k != "path"}
        settings = cls(**known)
        settings.path = path
        return settings

    def save(self) -> None:
        if self.path is None:
            return
        data = {k: v for k, v in asdict(self).items() if k != "path"}
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1), "utf-8")
        os.replace(tmp, self.path)
