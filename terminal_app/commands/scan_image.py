"""`pos-terminal scan-image FILE...`: decode the QR codes in image files and verify each offline.

One JSON line per code found ({"file", "text", "decoder", verdict fields...}); a file with no
code gives {"file", "codes": 0, ...}, an unreadable one {"file", "error", ...}. Exit 0 when every
code found verified, 1 otherwise (including files without codes).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import cv2

from alliance_protocol.reasons import Reason, message
from alliance_protocol.verifier import Verdict
from terminal_app.qr import BACKENDS, DecoderUnavailable, QrDecoder, get_decoder

from .common import open_verifier, print_json



def _refusal(reason: Reason, **fields: Any) -> dict[str, Any]:
    msg = message(reason)
    return {**fields, "ok": False, "reason": reason.value, "message_zh": msg.zh, "message_en": msg.en}


def scan_files(paths: Iterable[str | Path], decoder: QrDecoder,
               verify: Callable[[str], Verdict]) -> Iterator[dict[str, Any]]:
    for path in paths:
        name = str(path)
        frame = cv2.imread(name, cv2.IMREAD_GRAYSCALE) if Path(name).is_file() else None
        if frame is None:
            yield _refusal(Reason.IMAGE_UNREADABLE, file=name, codes=0)
            continue
        found = decoder.decode(frame)
        if not found:
            yield _refusal(Reason.NO_CODE_IN_IMAGE, file=name, codes=0, decoder=decoder.name)
            continue
        for code in found:
            yield {"file": name, "text": code.text, "decoder": decoder.name, **verify(code.text).to_json()}


def cmd_scan_image(args: argparse.Namespace) -> int:
    try:
        decoder = get_decoder(args.decoder)
    except DecoderUnavailable as exc:
        print_json(_refusal(Reason.DECODER_UNAVAILABLE, decoder=args.decoder, detail=str(exc)))
        return 2
    verifier = open_verifier(args)
    all_ok = True
    for line in scan_files(args.files, decoder, lambda text: verifier.verify(text, consume=not args.dry_run)):
        all_ok &= bool(line.get("ok"))
        print_json(line)
    return 0 if all_ok else 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scan-image", help="decode QR codes in image files and verify each")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--decoder", choices=BACKENDS, default=None, help="default: zxing")
    p.add_argument("--dry-run", action="store_true", help="do not remember the codes as used")
    p.set_defaults(func=cmd_scan_image)
