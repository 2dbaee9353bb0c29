"""Camera-like images of real member codes: a phone screen held up to the counter camera.

Deterministic for a given seed. Each image: a real 304-character member code (QR version 10-M)
on a phone screen with the screen's low contrast (grey "black", dimmed "white"), a bezel, a
cluttered background, perspective tilt, in-plane rotation, glare, blur (focus or motion), sensor
noise and JPEG compression. Used by bench/bench_decode.py and, with a small count, by the tests.

    .venv/bin/python -m bench.qr_corpus --out /tmp/corpus --count 20    # write PNGs to look at
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from alliance_protocol.testkit import T0, TestAlliance
from member_wallet.qr_render import qr_matrix

RESOLUTIONS = {"640x480": (640, 480), "1280x720": (1280, 720)}


@dataclass(frozen=True)
class Sample:
    text: str
    image: np.ndarray  # uint8 BGR
    params: dict


def member_codes(n: int, seed: int = 1) -> list[str]:
    alliance = TestAlliance(seed=f"corpus-{seed}")
    members = [alliance.member(40_000 + i) for i in range(max(1, n // 10))]
    return [members[i % len(members)].code(T0 + i) for i in range(n)]


def _background(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    """A counter scene: a lighting gradient plus blurred clutter."""
    base = rng.uniform(60, 170)
    gx = np.linspace(-1, 1, w)[None, :] * rng.uniform(-40, 40)
    gy = np.linspace(-1, 1, h)[:, None] * rng.uniform(-40, 40)
    img = np.clip(base + gx + gy, 0, 255).astype(np.uint8)
    img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    for _ in range(int(rng.integers(3, 9))):
        colour = tuple(int(c) for c in rng.integers(20, 235, 3))
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.rectangle(img, (x, y), (x + int(rng.integers(20, w // 3)), y + int(rng.integers(20, h // 3))),
                      colour, -1)
    return cv2.GaussianBlur(img, (0, 0), 6)


def _phone_screen(text: str, rng: np.random.Generator, module_px: int) -> tuple[np.ndarray, dict]:
    """The wallet screen: the code on a dimmed white, with the phone's dark bezel around it."""
    matrix = qr_matrix(text)
    dark = int(rng.integers(25, 75))  # LCD "black" is grey, more so at an angle
    light = int(rng.integers(165, 235))  # screen brightness
    qr = np.where(matrix, dark, light).astype(np.uint8)
    qr = np.kron(qr, np.ones((module_px, module_px), np.uint8))
    side = qr.shape[0]
    pad = side // 6
    screen = np.full((side + 4 * pad, side + 2 * pad), light, np.uint8)  # app chrome above and below
    screen[2 * pad: 2 * pad + side, pad: pad + side] = qr
    bezel = module_px * 3
    phone = np.full((screen.shape[0] + 2 * bezel, screen.shape[1] + 2 * bezel), int(rng.integers(10, 40)),
                    np.uint8)
    phone[bezel:-bezel, bezel:-bezel] = screen
    return cv2.cvtColor(phone, cv2.COLOR_GRAY2BGR), {"contrast": light - dark}


def render(text: str, resolution: str, rng: np.random.Generator, harsh: bool = False) -> Sample:
    """One image. Blur is sized relative to the code's modules (Gaussian sigma 0.1-0.4 module,
    hand motion 0.5-1.0 module), which is what decides readability; `harsh` instead uses the
    same blur in absolute pixels at any size (sigma 0.4-1.1 px per 640 px of width, motion 3-5 px),
    up to 1.7 modules of smear on the smallest codes."""
    w, h = RESOLUTIONS[resolution]
    src_module_px = 8
    phone, params = _phone_screen(text, rng, src_module_px)
    ph, pw = phone.shape[:2]
    modules = qr_matrix(text).shape[0]
    # Size on the sensor: the code spans 38-62% of the frame height.
    code_px = h * rng.uniform(0.38, 0.62)
    scale = code_px / (modules * src_module_px)
    angle = rng.uniform(-40, 40)
    tilt = rng.uniform(0.0, 0.14)  # perspective: how much nearer one edge is than the other
    corners = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    centred = (corners - [pw / 2, ph / 2]) * scale
    # Perspective: shrink one side (random direction) toward the centre line.
    direction = rng.integers(0, 4)
    shrink = np.ones(4)
    shrink[[direction, (direction + 1) % 4]] = 1 - tilt
    centred = centred * shrink[:, None]
    theta = np.deg2rad(angle)
    rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    placed = centred @ rot.T + [w / 2 + rng.uniform(-0.12, 0.12) * w, h / 2 + rng.uniform(-0.08, 0.08) * h]
    homography = cv2.getPerspectiveTransform(corners, placed.astype(np.float32))
    # Anti-alias the downscale before warping (a lens does the same).
    source = cv2.GaussianBlur(phone, (0, 0), max(0.5, 0.5 / scale))
    frame = _background(rng, w, h)
    frame = cv2.warpPerspective(source, homography, (w, h), dst=frame, flags=cv2.INTER_LINEAR,
                                borderMode=cv2.BORDER_TRANSPARENT)
    # Glare: a soft bright blob over part of the screen.
    if rng.random() < 0.5:
        gx, gy = placed[int(rng.integers(0, 4))]
        yy, xx = np.mgrid[0:h, 0:w]
        radius = code_px * rng.uniform(0.2, 0.45)
        glare = np.exp(-(((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * radius ** 2))) * rng.uniform(20, 60)
        frame = np.clip(frame + glare[..., None], 0, 255).astype(np.uint8)
    # Blur: focus or a little hand motion.
    module_px = code_px / modules
    if rng.random() < 0.3:
        k = int(rng.integers(3, 6)) if harsh else max(2, int(round(module_px * rng.uniform(0.5, 1.0))))
        kernel = np.zeros((k, k), np.float32)
        kernel[k // 2, :] = 1.0 / k
        m = cv2.getRotationMatrix2D((k / 2 - 0.5, k / 2 - 0.5), rng.uniform(0, 180), 1.0)
        frame = cv2.filter2D(frame, -1, cv2.warpAffine(kernel, m, (k, k)))
        params["blur"] = f"motion {k}px"
    else:
        sigma = rng.uniform(0.4, 1.1) * (w / 640) if harsh else module_px * rng.uniform(0.1, 0.4)
        frame = cv2.GaussianBlur(frame, (0, 0), sigma)
        params["blur"] = f"gauss {sigma:.2f}"
    noise = rng.normal(0, rng.uniform(3, 9), frame.shape)
    frame = np.clip(frame.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    quality = int(rng.integers(60, 92))
    ok, jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    frame = cv2.imdecode(jpeg, cv2.IMREAD_COLOR)
    params.update(angle=round(angle, 1), tilt=round(tilt, 3), module_px=round(module_px, 2),
                  jpeg=quality)
    return Sample(text, frame, params)


def corpus(resolution: str, count: int, seed: int = 1, harsh: bool = False) -> list[Sample]:
    rng = np.random.default_rng(seed * 1000 + (0 if resolution == "640x480" else 1))
    return [render(text, resolution, rng, harsh) for text in member_codes(count, seed)]


def main() -> None:
    parser = argparse.ArgumentParser(description="write a corpus of camera-like member-code images")
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for res in RESOLUTIONS:
        for i, s in enumerate(corpus(res, args.count, args.seed)):
            cv2.imwrite(str(out / f"{res}-{i:04d}.png"), s.image)
    print(f"wrote {2 * args.count} images to {out}")


if __name__ == "__main__":
    main()
