"""The zxing-cpp QR decoder backend (desktop and the reader server: the `desktop` extra)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import zxingcpp
from PIL import Image, ImageFilter

__all__ = ["NAME", "decode"]

NAME = "zxing-cpp"
# zxing finds a QR code in a copy of this size much faster than in a full phone photo.
_WORK_SIDE = 1920
_QUICK_TRIES = 2


def _attempts(gray: Image.Image) -> Iterator[tuple[Image.Image, object]]:
    """The image as zxing should try it, cheapest first; later tries only run if earlier ones fail."""
    if max(gray.size) > _WORK_SIDE:
        scaled = gray.copy()
        scaled.thumbnail((_WORK_SIDE, _WORK_SIDE), Image.Resampling.BILINEAR)
        yield scaled, zxingcpp.Binarizer.LocalAverage
    yield gray, zxingcpp.Binarizer.LocalAverage
    yield gray, zxingcpp.Binarizer.GlobalHistogram
    # A blurred photo smears neighbouring modules together; an unsharp mask pulls them apart.
    yield gray.filter(ImageFilter.UnsharpMask(radius=3, percent=300, threshold=0)), zxingcpp.Binarizer.LocalAverage
    if max(gray.size) <= _WORK_SIDE:
        # Small modules and blur: sharpen a doubled copy, so the mask has pixels to work with.
        doubled = gray.resize((gray.width * 2, gray.height * 2), Image.Resampling.BICUBIC)
        yield (
            doubled.filter(ImageFilter.UnsharpMask(radius=4, percent=300, threshold=0)),
            zxingcpp.Binarizer.LocalAverage,
        )


def decode(gray: Image.Image, thorough: bool = True, in_time: Callable[[], bool] = lambda: True) -> list[str]:
    """The texts of the QR codes zxing-cpp finds in a grayscale image (empty if none); `in_time`
    is asked before each try, and the tries stop once it says no."""
    for number, (candidate, binarizer) in enumerate(_attempts(gray)):
        if (not thorough and number >= _QUICK_TRIES) or not in_time():
            break
        found = zxingcpp.read_barcodes(candidate, formats=zxingcpp.BarcodeFormat.QRCode, binarizer=binarizer)
        texts = [barcode.text for barcode in found if barcode.valid]
        if texts:
            return texts
    return []
