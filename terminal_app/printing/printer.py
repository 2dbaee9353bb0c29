"""Where a receipt's bytes go: ESC/POS printers through python-escpos, a file, or a dummy.

    cfg = PrinterConfig.parse("usb:0x0416:0x5011")        # USB vendor:product (needs libusb)
    cfg = PrinterConfig.parse("network:192.0.2.10:9100")  # a network printer (raw port 9100)
    cfg = PrinterConfig.parse("serial:/dev/ttyUSB0:9600")  # serial / RS-232
    cfg = PrinterConfig.parse("file:/path/receipts.bin")   # appended to a file (the demo)
    cfg = PrinterConfig.parse("dummy")                     # kept in memory (tests)
    data = print_document(cfg, lines)                      # the bytes sent; PrinterError(reason) if not

Chinese is sent in GB18030, set explicitly: the printer is put in its Chinese character mode
(FS &) and the text is encoded by us, never by python-escpos's code-page guess (which garbles
Chinese: python-escpos issues #190, #269, #281, #491). Before printing, a printer that can answer
(USB, serial, network) is asked for its paper sensor: an empty roll is PRINTER_NO_PAPER and
nothing is sent. A printer that cannot be opened is PRINTER_MISSING. Call from a worker thread:
opening a network printer may take up to `timeout_s`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from alliance_protocol.reasons import Reason

from .layout import Line

ENCODING = "gb18030"
ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"
INIT = ESC + b"@"
CHINESE_ON, CHINESE_OFF = FS + b"&", FS + b"."
STYLES = {
    "normal": ESC + b"a\x00" + ESC + b"!\x00" + FS + b"!\x00",
    "bold": ESC + b"a\x00" + ESC + b"!\x08" + FS + b"!\x08",
    "center": ESC + b"a\x01" + ESC + b"!\x00" + FS + b"!\x00",
    "rule": ESC + b"a\x00" + ESC + b"!\x00" + FS + b"!\x00",
    "title": ESC + b"a\x00" + ESC + b"!\x30" + FS + b"!\x0c",  # double width and height (ASCII and Han)
}
FEED_AND_CUT = ESC + b"d\x04" + GS + b"V\x42\x00"  # feed, then a partial cut where there is a cutter

DUMMY_OUTPUT: list[bytes] = []  # what "dummy" printers received (tests)
_dummy_lock = threading.Lock()


class PrinterError(Exception):
    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(detail or reason.value)
        self.reason = reason
        self.detail = detail[:200]


@dataclass(frozen=True)
class PrinterConfig:
    kind: str = "none"  # none, dummy, file, usb, network, serial
    target: str = ""  # file path, host, device
    port: int = 0  # network port, or serial baud rate
    vendor: int = 0
    product: int = 0
    width: int = 32  # characters per line: 32 on 58 mm paper, 48 on 80 mm
    timeout_s: float = 5.0

    @classmethod
    def parse(cls, text: str, width: int = 32) -> PrinterConfig:
        """ "none", "dummy", "file:PATH", "usb:VID:PID", "network:HOST[:PORT]", "serial:DEVICE[:BAUD]".
        Anything else is "none" (no printer), never an exception."""
        text = (text or "").strip()
        kind, _, rest = text.partition(":")
        kind = kind.lower()
        try:
            if kind == "dummy":
                return cls("dummy", width=width)
            if kind == "file" and rest:
                return cls("file", rest, width=width)
            if kind == "usb":
                vid, _, pid = rest.partition(":")
                return cls("usb", vendor=int(vid, 16), product=int(pid, 16), width=width)
            if kind == "network" and rest:
                host, _, port = rest.rpartition(":") if rest.count(":") == 1 else (rest, "", "9100")
                return cls("network", host or rest, int(port or 9100), width=width)
            if kind == "serial" and rest:
                dev, _, baud = rest.partition(":")
                return cls("serial", dev, int(baud or 9600), width=width)
        except ValueError:
            pass
        return cls("none", width=width)

    def describe(self) -> str:
        if self.kind == "usb":
            return f"usb:{self.vendor:04x}:{self.product:04x}"
        if self.kind in ("network", "serial"):
            return f"{self.kind}:{self.target}:{self.port}"
        if self.kind == "file":
            return f"file:{self.target}"
        return self.kind


def render(lines: list[Line]) -> bytes:
    """The ESC/POS bytes of a document: text in GB18030 inside the printer's Chinese mode."""
    out = bytearray(INIT + CHINESE_ON)
    for line in lines:
        out += STYLES.get(line.style, STYLES["normal"])
        out += line.text.encode(ENCODING, errors="replace") + b"\n"
    out += STYLES["normal"] + CHINESE_OFF + FEED_AND_CUT
    return bytes(out)


def _escpos(cfg: PrinterConfig):
    from escpos import printer as ep

    if cfg.kind == "usb":
        return ep.Usb(cfg.vendor, cfg.product, timeout=int(cfg.timeout_s * 1000))
    if cfg.kind == "network":
        return ep.Network(cfg.target, cfg.port, timeout=cfg.timeout_s)
    if cfg.kind == "serial":
        return ep.Serial(cfg.target, baudrate=cfg.port, timeout=cfg.timeout_s)
    raise PrinterError(Reason.PRINTER_NOT_SET)


def _paper_ok(device) -> bool:
    """Ask the paper sensor (DLE EOT 4). A printer that does not answer is assumed to have paper."""
    try:
        return device.paper_status() != 0
    except Exception:  # no answer (a printer without status replies, a timeout): go on
        return True


def print_document(cfg: PrinterConfig, lines: list[Line]) -> bytes:
    """Send `lines` to the printer `cfg`; returns the bytes sent. Raises PrinterError."""
    data = render(lines)
    if cfg.kind == "none":
        raise PrinterError(Reason.PRINTER_NOT_SET)
    if cfg.kind == "dummy":
        with _dummy_lock:
            DUMMY_OUTPUT.append(data)
        return data
    if cfg.kind == "file":
        try:
            path = Path(cfg.target)
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "ab") as f:
                f.write(data)
        except OSError as exc:
            raise PrinterError(Reason.PRINTER_MISSING, f"{type(exc).__name__}: {exc}") from None
        return data
    from escpos.exceptions import DeviceNotFoundError

    try:
        device = _escpos(cfg)
        device.open()
    except DeviceNotFoundError as exc:
        raise PrinterError(Reason.PRINTER_MISSING, str(exc).splitlines()[0]) from None
    except PrinterError:
        raise
    except Exception as exc:  # no libusb, no permission, a refused port
        raise PrinterError(Reason.PRINTER_MISSING, f"{type(exc).__name__}: {exc}") from None
    try:
        if not _paper_ok(device):
            raise PrinterError(Reason.PRINTER_NO_PAPER)
        device._raw(data)  # the bytes as we encoded them: no code-page guessing by the library
    except PrinterError:
        raise
    except Exception as exc:
        raise PrinterError(Reason.PRINTER_FAILED, f"{type(exc).__name__}: {exc}") from None
    finally:
        try:
            device.close()
        except Exception:
            pass
    return data
