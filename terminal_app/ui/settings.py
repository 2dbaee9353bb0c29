"""Counter-app settings: a small JSON file in the terminal home (counter_app.json).

Managers and their PINs are not settings: they live in the terminal store (terminal_app/core/managers.py).
Offline limits are NOT settings here: they come signed in the trust bundle (read-only in the app).
The printer is a terminal_app.printing.PrinterConfig text ("none", "file:PATH", "usb:VID:PID",
"network:HOST:PORT", "serial:DEVICE:BAUD", "dummy").
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

FILE_NAME = "counter_app.json"


@dataclass
class UiSettings:
    language: str = "zh_CN"
    camera: str = "virtual"  # "virtual", "none", or an OpenCV device index / path
    decoder: str = "zxing"
    sounds: bool = True
    kiosk: bool = False
    verdict_seconds: int = 4
    printer: str = "none"
    paper_width: int = 32  # characters per line: 32 (58 mm paper) or 48 (80 mm)
    auto_print: bool = False  # print the receipt after every approved transaction
    customer_display: str = "auto"  # "auto" (on a second screen when there is one), "window", "off"
    path: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, home: Path) -> UiSettings:
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
