"""`pos-terminal scan-image FILE...`: decode the QR codes in image files and verify each offline.

One JSON line per code found ({"file", "text", "decoder", plus Verdict.to_dict(): ok, reason,
message_zh, message_en, member fields}); a file with no code gives {"file", "codes": 0, "ok": false,
"reason": "NO_CODE_IN_IMAGE", ...}; a missing, empty or non-image file {"file", "codes": 0, "ok":
false, "reason": "IMAGE_UNREADABLE", "detail", ...}. Exit 0 when every code found verified, 1
otherwise (including files without codes), 2 when the chosen decoder cannot run here.

`scan_files` is the pure part (any decoder, any verify function); the command adds the terminal's
own verifier (its trust bundle, clock and persisted replay guard) from the store under --home.
Like `pos-terminal verify`, it checks without using the codes up and journals nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from alliance_protocol.reasons import Reason, message
from alliance_protocol.verifier import Verdict
from terminal_app.qr import BACKENDS, DecoderUnavailable, QrDecoder, get_decoder

from .common import open_verifier, print_json


def _refusal(reason: Reason, **fields: Any) -> dict[str, Any]:
    msg = message(reason)
    return {**fields, "ok": False, "reason": reason.value, "message_zh": msg.zh, "message_en": msg.en}


def read_gray(path: str) -> tuple[np.ndarray | None, str]:
    """The file as a grayscale image, or (None, why not). Grayscale first: the decoders work on it.

    Read as bytes then decoded (not cv2.imread), so non-ASCII file names work on every platform."""
    try:
        if not Path(path).is_file():
            return None, "no such file"
        frame = cv2.imdecode(np.fromfile(path, dtype=np.uint8), cv2.IMREAD_GRAYSCALE)
    except (OSError, ValueError, cv2.error) as exc:
        return None, f"{type(exc).__name__}: {exc}"
    if frame is None:
        return None, "not an image format OpenCV can read"
    return frame, ""


def scan_files(paths: Iterable[str | Path], decoder: QrDecoder,
               verify: Callable[[str], Verdict]) -> Iterator[dict[str, Any]]:
    for path in paths:
        name = str(path)
        frame, problem = read_gray(name)
        if frame is None:
            yield _refusal(Reason.IMAGE_UNREADABLE, file=name, codes=0, detail=problem)
            continue
        found = decoder.decode(frame)
        if not found:
            yield _refusal(Reason.NO_CODE_IN_IMAGE, file=name, codes=0, decoder=decoder.name)
            continue
        for code in found:
            yield {"file": name, "text": code.text, "decoder": decoder.name, **verify(code.text).to_dict()}


def cmd_scan_image(args: argparse.Namespace) -> int:
    try:
        decoder = get_decoder(args.decoder)
    except DecoderUnavailable as exc:
        print_json(_refusal(Reason.DECODER_UNAVAILABLE, decoder=args.decoder, detail=str(exc)))
        return 2
    verifier = open_verifier(args)
    all_ok = True
    for line in scan_files(args.files, decoder, lambda text: verifier.verify(text, consume=False)):
        all_ok &= bool(line.get("ok"))
        print_json(line)
    return 0 if all_ok else 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scan-image", help="decode QR codes in image files and verify each")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--decoder", choices=BACKENDS, default=None, help="default: zxing")
    # accepted for older scripts: scan-image never uses a code up anyway
    p.add_argument("--dry-run", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_scan_image)
