"""The OpenCV QR decoder backend: everywhere zxing-cpp is not installed (phones have only OpenCV).

OpenCV's detectors read a clean code well but give up early on a blurred, dim or moire-striped
photo. The same picture usually reads after some preparation, so this backend tries a fixed
ladder of prepared copies, cheapest first, and stops at the first that reads: the picture as it
is, another scale, sharpened, binarised globally (Otsu), and for small pictures a doubled copy
sharpened and binarised locally (adaptive threshold). The ArUco-based detector finds tilted and
partly covered codes that the classic one misses; the classic one still reads a few of its
own. OpenCV checks the code's error correction, so a wrong text is not returned: bench/qr.py
counts misreads against the truth to hold it to that.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import cv2
import numpy as np
from PIL import Image

__all__ = ["NAME", "decode"]

NAME = "opencv"
_QUICK_TRIES = 2  # camera frames: a next frame comes soon, so only the cheapest tries

_Prepared = np.ndarray
# OpenCV's detectors keep state between calls and the ArUco one is costly to build, so each
# thread makes its own once (decode_image lets two decodes run at a time).
_per_thread = threading.local()


def _detector(kind: str):
    detectors = getattr(_per_thread, "detectors", None)
    if detectors is None:
        detectors = _per_thread.detectors = {}
    if kind not in detectors:
        detectors[kind] = cv2.QRCodeDetectorAruco() if kind == "aruco" else cv2.QRCodeDetector()
    return detectors[kind]


def _read(detector, pixels: np.ndarray) -> list[str]:
    try:
        ok, texts, _points, _straight = detector.detectAndDecodeMulti(pixels)
    except cv2.error:
        return []
    if not ok:
        return []
    return [text for text in texts if text]


def _scaled(pixels: np.ndarray, factor: float) -> np.ndarray:
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    return cv2.resize(pixels, None, fx=factor, fy=factor, interpolation=interpolation)


def _sharpened(pixels: np.ndarray, sigma: float = 2.0, amount: float = 1.5) -> np.ndarray:
    smooth = cv2.GaussianBlur(pixels, (0, 0), sigma)
    return cv2.addWeighted(pixels, 1 + amount, smooth, -amount, 0)


def _otsu(pixels: np.ndarray) -> np.ndarray:
    smooth = cv2.GaussianBlur(pixels, (3, 3), 0)
    return cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]


def _adaptive(block: int) -> Callable[[np.ndarray], np.ndarray]:
    def binarise(pixels: np.ndarray) -> np.ndarray:
        return cv2.adaptiveThreshold(pixels, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, block, 2)

    return binarise


_BOTH = ("aruco", "classic")
_ARUCO = ("aruco",)


def _ladder(pixels: np.ndarray, in_time: Callable[[], bool]) -> Iterator[tuple[_Prepared, tuple[str, ...]]]:
    """(prepared copy, detectors to try on it), cheapest and most often right first.

    The order and the detectors per step come from bench/qr.py's degraded set: the classic
    detector rescues a few pictures only as they are or rescaled, and costs as much again
    elsewhere, so later steps use the ArUco-based detector alone.
    """
    yield pixels, _BOTH
    if not in_time():  # preparing a copy costs time too
        return
    side = max(pixels.shape)
    # Small modules: more pixels per module; large photos: less noise and faster detection.
    yield (_scaled(pixels, 2.0) if side <= 1000 else _scaled(pixels, 0.5)), _BOTH
    yield _sharpened(pixels), _ARUCO
    yield _sharpened(pixels, amount=3.0), _ARUCO  # heavier blur over a photo's larger modules
    yield _otsu(pixels), _ARUCO
    if side <= 1400 and in_time():
        # Blur across small modules: sharpen a doubled copy, so the mask has pixels to work with,
        # and binarise it locally for uneven light.
        doubled = _scaled(pixels, 2.0)
        yield _sharpened(doubled, sigma=3.0), _ARUCO
        yield _adaptive(61)(doubled), _ARUCO


def decode(gray: Image.Image, thorough: bool = True, in_time: Callable[[], bool] = lambda: True) -> list[str]:
    """The texts of the QR codes OpenCV finds in a grayscale image (empty if none). `in_time` is
    asked before each try (and each prepared copy); the ladder stops once it says no."""
    pixels = np.asarray(gray, dtype=np.uint8)
    for number, (prepared, kinds) in enumerate(_ladder(pixels, in_time)):
        if not thorough and number >= _QUICK_TRIES:
            break
        for kind in kinds:
            if not in_time():
                return []
            texts = _read(_detector(kind), prepared)
            if texts:
                return texts
    return []
