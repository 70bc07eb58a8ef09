"""A deterministic set of realistic degradations of our version-20 code, for the decoder tests and bench/qr.py.

Each picture is a camera-like frame (1280x720 or 640x480) holding the reference course's code,
tilted in perspective, then spoiled in one way at a given strength: gaussian or motion blur, a
screen's moire, sensor noise, a dim screen, glare, JPEG compression, paper texture with creases,
or a thumb over an edge. Same arguments, same pixels: every random choice comes from a seeded
generator, so a decoder's score on the set can be compared run to run.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from infocards.codes.qr_out import png_bytes
from infocards.share.issue import issue_from_records

__all__ = ["KINDS", "Sample", "bench_set", "code_text", "small_set"]

COURSE = Path(__file__).resolve().parent.parent / "fixtures" / "wallets" / "reference-course.json"
FRAMES = ((1280, 720), (640, 480))
_NOW = datetime(2026, 8, 1, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Sample:
    name: str
    image: Image.Image
    truth: str


def code_text() -> str:
    """The reference course, all sections, signed with a fixed key at a fixed time (version 20)."""
    course = json.loads(COURSE.read_text(encoding="utf-8"))
    share = issue_from_records(
        course["profile"], course["records"], bytes(range(32)), now=_NOW, lifetime=timedelta(days=30)
    )
    return share.text


def _code_pixels(text: str) -> np.ndarray:
    png = png_bytes(text, box_size=4)
    return np.asarray(Image.open(io.BytesIO(png)).convert("L"), dtype=np.float32)


def _background(rng: np.random.Generator, size: tuple[int, int]) -> np.ndarray:
    width, height = size
    ramp = np.linspace(70, 150, width, dtype=np.float32)[None, :].repeat(height, axis=0)
    clutter = cv2.GaussianBlur(rng.normal(0, 40, (height // 8, width // 8)).astype(np.float32), (0, 0), 1.5)
    return np.clip(ramp + cv2.resize(clutter, (width, height)), 0, 255)


def _place(code: np.ndarray, rng: np.random.Generator, size: tuple[int, int], tilt_deg: float) -> np.ndarray:
    """The code in a frame, turned `tilt_deg` about a vertical axis and a little about the view axis."""
    width, height = size
    side = min(width, height) * rng.uniform(0.78, 0.9)
    cx, cy = width / 2 + rng.uniform(-0.04, 0.04) * width, height / 2 + rng.uniform(-0.03, 0.03) * height
    theta, roll = np.radians(tilt_deg) * rng.choice([-1, 1]), np.radians(rng.uniform(-8, 8))
    focal = 1.6 * width
    corners = []
    for x, y in ((-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)):
        x, y = x * side, y * side
        x, y = x * np.cos(roll) - y * np.sin(roll), x * np.sin(roll) + y * np.cos(roll)
        depth = focal + x * np.sin(theta)
        corners.append((cx + focal * x * np.cos(theta) / depth, cy + focal * y / depth))
    h, w = code.shape
    matrix = cv2.getPerspectiveTransform(np.float32([(0, 0), (w, 0), (w, h), (0, h)]), np.float32(corners))
    frame = _background(rng, size)
    warped = cv2.warpPerspective(code, matrix, size, flags=cv2.INTER_LINEAR, borderValue=0)
    mask = cv2.warpPerspective(np.ones_like(code), matrix, size, flags=cv2.INTER_LINEAR, borderValue=0)
    xs, ys = zip(*corners, strict=True)
    return frame * (1 - mask) + warped * mask, (min(xs), min(ys), max(xs), max(ys))


def _blur(img, rng, level, box):
    return cv2.GaussianBlur(img, (0, 0), 0.6 + 2.2 * level)


def _motion(img, rng, level, box):
    length = 3 + round(11 * level)
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0
    turn = cv2.getRotationMatrix2D(((length - 1) / 2, (length - 1) / 2), rng.uniform(0, 180), 1.0)
    kernel = cv2.warpAffine(kernel, turn, (length, length))
    return cv2.filter2D(img, -1, kernel / kernel.sum())


def _moire(img, rng, level, box):
    height, width = img.shape
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    period, angle = rng.uniform(2.6, 3.6), rng.uniform(0, np.pi)
    wave = np.sin(2 * np.pi * (xx * np.cos(angle) + yy * np.sin(angle)) / period)
    grid = (np.sin(np.pi * xx / 1.5) ** 2) * (np.sin(np.pi * yy / 1.5) ** 2)
    shade = 1 - (0.15 + 0.35 * level) * (0.5 + 0.5 * wave) - 0.2 * level * grid
    return cv2.GaussianBlur(img * shade, (0, 0), 0.7)


def _noise(img, rng, level, box):
    return img + rng.normal(0, 10 + 45 * level, img.shape).astype(np.float32)


def _dim(img, rng, level, box):
    contrast = 0.5 - 0.38 * level
    return cv2.GaussianBlur(30 + img * contrast, (0, 0), 0.5) + rng.normal(0, 2 + 4 * level, img.shape)


def _glare(img, rng, level, box):
    height, width = img.shape
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    gx, gy = width * rng.uniform(0.35, 0.65), height * rng.uniform(0.3, 0.7)
    radius = min(width, height) * rng.uniform(0.12, 0.25)
    blob = np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * radius**2))
    return img + (120 + 200 * level) * blob


def _jpeg(img, rng, level, box):
    quality = round(80 - 50 * level)
    _ok, data = cv2.imencode(".jpg", np.clip(img, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(data, cv2.IMREAD_GRAYSCALE).astype(np.float32)


def _paper(img, rng, level, box):
    height, width = img.shape
    fibres = cv2.GaussianBlur(rng.normal(0, 1, (height, width)).astype(np.float32), (0, 0), 2.0)
    out = img * (0.92 + 0.05 * fibres) + 12 * fibres
    for _ in range(1 + round(3 * level)):
        x0, x1 = rng.uniform(0, width, 2)
        shade = rng.choice([-1, 1]) * (25 + 50 * level)
        line = np.zeros_like(img)
        cv2.line(line, (int(x0), 0), (int(x1), height), 1.0, thickness=2 + round(3 * level))
        out += shade * cv2.GaussianBlur(line, (0, 0), 1.5)
    return out


def _thumb(img, rng, level, box):
    """A thumb from one side, over the quiet zone and a band of modules along that edge."""
    left, top, right, bottom = box
    side = int(rng.integers(0, 4))
    reach = (0.06 + 0.08 * level) * (right - left)  # how far it reaches into the code
    along = rng.uniform(0.35, 0.65)
    centre = {
        0: (left + along * (right - left), bottom + reach),
        1: (right + reach, top + along * (bottom - top)),
        2: (left + along * (right - left), top - reach),
        3: (left - reach, top + along * (bottom - top)),
    }[side]
    mask = np.zeros_like(img)
    long_axis, short_axis = int(0.12 * (right - left)), int(2 * reach)
    axes = (short_axis, long_axis) if side % 2 else (long_axis, short_axis)
    cv2.ellipse(mask, (int(centre[0]), int(centre[1])), axes, 0, 0, 360, 1.0, -1)
    mask = cv2.GaussianBlur(mask, (0, 0), 4)
    return img * (1 - mask) + (140 + 40 * mask) * mask


KINDS = {
    "gaussian-blur": _blur,
    "motion-blur": _motion,
    "moire": _moire,
    "noise": _noise,
    "dim-screen": _dim,
    "glare": _glare,
    "jpeg": _jpeg,
    "paper-creases": _paper,
    "thumb": _thumb,
}


def _sample(code: np.ndarray, text: str, kind: str, level: float, frame: tuple[int, int], seed: int) -> Sample:
    rng = np.random.default_rng(seed)
    tilt = 5 + 25 * rng.uniform(0, 1)  # 5-30 degrees of perspective
    img, box = _place(code, rng, frame, tilt)
    if kind != "clean":
        img = KINDS[kind](img, rng, level, box)
    pixels = np.clip(img, 0, 255).astype(np.uint8)
    name = f"{kind}-{level:.2f}-{frame[0]}x{frame[1]}-tilt{tilt:.0f}"
    return Sample(name, Image.fromarray(pixels, "L").convert("RGB"), text)


def bench_set() -> list[Sample]:
    """174 pictures: 9 kinds x 8 strengths x 2 frames, and 30 clean (tilted only) frames."""
    text = code_text()
    code = _code_pixels(text)
    samples, seed = [], 1000
    for frame in FRAMES:
        for kind in KINDS:
            for step in range(8):
                seed += 1
                samples.append(_sample(code, text, kind, step / 7, frame, seed))
        for _ in range(15):
            seed += 1
            samples.append(_sample(code, text, "clean", 0.0, frame, seed))
    return samples


def small_set() -> list[Sample]:
    """A dozen pictures for the tests: each kind at a middle strength, in both frame sizes."""
    text = code_text()
    code = _code_pixels(text)
    picks = ("gaussian-blur", "motion-blur", "moire", "noise", "jpeg", "paper-creases")
    return [
        _sample(code, text, kind, 0.43, frame, seed=7 + number)
        for number, (kind, frame) in enumerate((k, f) for f in FRAMES for k in picks)
    ]
