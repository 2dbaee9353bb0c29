"""`make demo`: the member-code flow end to end on an embedded demo alliance.

HQ creates its keys and signs a trust bundle; members of every tier register simulated phones;
a terminal pins the root key and installs the bundle; each phone's rotating code is rendered as
a camera frame, decoded and verified offline, then the classic attacks are shown being refused.
With a display (or --gui) the member wallet window opens with its rotating code, and the
terminal verifies whatever the window shows, live.

Later steps of the product replace this with the counter app (see README).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

from alliance_protocol.member_code import Tier
from member_wallet.qr_render import render_gray
from member_wallet.wallet import Wallet, issue_from_local_issuer
from sync_server.hq_keys import KeyRing

GREEN, RED, RESET = "\033[32m", "\033[31m", "\033[0m"


def camera_frame(code: str, width: int = 640, height: int = 480) -> np.ndarray:
    """The code on a phone screen held at a slight angle under counter lighting."""
    qr = render_gray(code, module_px=4, dark=40, light=225)
    frame = np.full((height, width), 90, np.uint8)
    h, w = qr.shape
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    x0, y0 = (width - w) // 2, (height - h) // 2
    dst = np.float32([[x0 + 12, y0], [x0 + w - 6, y0 + 10], [x0 + w, y0 + h - 4], [x0, y0 + h]])
    warped = cv2.warpPerspective(qr, cv2.getPerspectiveTransform(src, dst), (width, height),
                                 dst=frame, borderMode=cv2.BORDER_TRANSPARENT)
    noisy = warped.astype(np.int16) + np.random.default_rng(7).normal(0, 6, warped.shape).astype(np.int16)
    return cv2.GaussianBlur(np.clip(noisy, 0, 255).astype(np.uint8), (3, 3), 0)


def show(label: str, verdict) -> None:
    colour = GREEN if verdict.ok else RED
    fields = f"member {verdict.member_id} tier {verdict.tier}" if verdict.member_id is not None else ""
    print(f"  {label:<44} {colour}{verdict.reason.value:<22}{RESET} {verdict.message_zh} / {verdict.message_en}  {fields}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", help="where to keep the demo's files (default: a new temp dir)")
    parser.add_argument("--gui", action="store_true", help="open the wallet window even without $DISPLAY")
    parser.add_argument("--no-gui", action="store_true", help="never open a window")
    args = parser.parse_args(argv)

    from terminal_app.qr import get_decoder
    from terminal_app.store import open_store

    base = Path(args.dir or tempfile.mkdtemp(prefix="alliance-demo-"))
    now = int(time.time())
    print(f"demo files: {base}")

    print("1. HQ creates the alliance root key and an issuer key, signs a trust bundle")
    ring = KeyRing.create(base / "hq" / "keys", now - 60)
    payload = {"alliance_id": "demo-alliance", "sequence": 1, "issued_at": now, "max_age_s": 7 * 86400,
               "deny": {"cert_serials": [], "member_ids": []}, "keys": []}

    print("2. members of every tier register their phones (device key + certificate)")
    wallets = {}
    for member_id, tier in ((10001, Tier.SILVER), (10002, Tier.GOLD), (10003, Tier.DIAMOND)):
        wallet = Wallet(base / "wallets" / str(member_id))
        cert = issue_from_local_issuer(wallet, ring.directory, member_id=member_id, tier=tier, allowance=20_000)
        wallets[member_id] = wallet
        print(f"   member {member_id}: {tier.name.lower():<8} certificate serial {cert.serial}")

    print("3. the terminal pins the root key, installs the bundle, confirms its clock")
    store = open_store(base / "terminal")
    store.set_root_keys([ring.root_public])
    store.install_bundle(ring.sign_bundle(payload))
    now_ms = int(time.time() * 1000)
    store.record_server_time(now_ms, now_ms, now_ms)
    verifier = store.verifier()
    decoder = get_decoder()

    print(f"4. each phone's code is photographed (640x480), decoded ({decoder.name}) and verified offline")
    codes = {}
    for member_id, wallet in wallets.items():
        code = wallet.next_code()
        codes[member_id] = code
        frame = camera_frame(code)
        t0 = time.perf_counter()
        found = decoder.decode(frame)
        t1 = time.perf_counter()
        verdict = verifier.verify(found[0].text if found else "")
        t2 = time.perf_counter()
        show(f"member {member_id} (decode {1000 * (t1 - t0):.1f} ms, verify {1000 * (t2 - t1):.2f} ms)", verdict)

    print("5. what a forger, a screenshot and a thief get")
    code = codes[10001]
    show("the same code again (screenshot replay)", verifier.verify(code))
    flipped = code[:200] + ("A" if code[200] != "A" else "B") + code[201:]
    show("one character changed", verifier.verify(flipped))
    show("a code from 2 minutes ago", verifier.verify(wallets[10002].next_code(at=int(time.time()) - 120)))
    stranger = Wallet(base / "wallets" / "stranger")
    other_ring = KeyRing.create(base / "elsewhere" / "keys", now - 60)
    issue_from_local_issuer(stranger, other_ring.directory, member_id=666, tier=Tier.DIAMOND, allowance=10**6)
    show("a code minted with another alliance's keys", verifier.verify(stranger.next_code()))
    show("a photo of a receipt barcode", verifier.verify("6901234567892"))
    payload2 = {**payload, "sequence": 2, "issued_at": int(time.time()),
                "deny": {"cert_serials": [], "member_ids": [10003]}}
    store.install_bundle(ring.sign_bundle(payload2))
    verifier = store.verifier()
    show("member 10003 after HQ blocked them", verifier.verify(wallets[10003].next_code()))

    want_gui = args.gui or (not args.no_gui and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")))
    if not want_gui:
        print("no display: skipping the wallet window (run `make demo` on a desktop, or pass --gui)")
        return 0
    print("6. the wallet window shows member 10002's rotating code; the terminal verifies each new one")
    from PySide6.QtWidgets import QApplication

    from member_wallet.window import WalletWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = WalletWindow(wallets[10002], refresh_s=5)
    window.code_changed.connect(lambda c: show("wallet window's new code", verifier.verify(decode_text(decoder, c))))
    window.show()
    show("wallet window's first code", verifier.verify(decode_text(decoder, window.current_code)))
    return app.exec()


def decode_text(decoder, code: str) -> str:
    found = decoder.decode(camera_frame(code))
    return found[0].text if found else ""


if __name__ == "__main__":
    sys.exit(main())
