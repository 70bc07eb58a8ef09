"""QR images out: the version a code needs, and the PNG (error correction M, quiet zone 4)."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import MODE_8BIT_BYTE, MODE_ALPHA_NUM, QRData

from infocards.atomicfile import write_private
from infocards.codes.base45 import ALPHABET

__all__ = ["MAX_VERSION", "QUIET_ZONE", "max_code_length", "png_bytes", "qr_modules", "qr_version", "write_png"]

# SMART Health Cards cap their QR codes at version 22 (error correction M) so that phones can
# scan them from a screen or paper; we keep the same cap.
MAX_VERSION = 22
QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 asks
_ALNUM = frozenset(ALPHABET)


def _qr(text: str, box_size: int = 1, make: bool = True) -> qrcode.QRCode:
    mode = MODE_ALPHA_NUM if text and set(text) <= _ALNUM else MODE_8BIT_BYTE
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=QUIET_ZONE)
    # One segment in one mode: qrcode's own optimiser would split codes into mixed segments.
    qr.add_data(QRData(text.encode("utf-8") if mode == MODE_8BIT_BYTE else text, mode=mode))
    if make:
        qr.make(fit=True)
    return qr


def qr_version(text: str) -> int:
    """The smallest QR version (1-40) holding `text` at error correction M."""
    # best_fit is the sizing step of make(); the matrix and its mask search are not needed here
    # and took half a second for a version 22 code.
    return _qr(text, make=False).best_fit()


def qr_modules(version: int) -> int:
    """Modules along one side of a QR code of this version (quiet zone not counted)."""
    return 17 + 4 * version


@lru_cache(maxsize=8)
def max_code_length(version: int = MAX_VERSION) -> int:
    """The longest alphanumeric text that fits in `version` at error correction M."""
    low, high = 1, 4296  # version 40-L holds 4,296 alphanumeric characters
    while low < high:
        middle = (low + high + 1) // 2
        if qr_version("A" * middle) <= version:
            low = middle
        else:
            high = middle - 1
    return low


def _image(text: str, box_size: int):
    if box_size < 4:
        raise ValueError("at least 4 pixels per module, or phone cameras miss modules")
    return _qr(text, box_size).make_image(fill_color="black", back_color="white")


def png_bytes(text: str, box_size: int = 8) -> bytes:
    """The QR code of `text` as PNG bytes (for the UI: base64 into an image control)."""
    buffer = io.BytesIO()
    _image(text, box_size).save(buffer, format="PNG")
    return buffer.getvalue()


def write_png(text: str, path: Path, box_size: int = 8) -> Path:
    """Write the QR code of `text` to `path` as a PNG, private to the owner (0600); returns the path.

    The picture is the patient's health summary: written atomically through a fresh temporary
    file, never through a file or link planted at a predictable name.
    """
    path = Path(path)
    write_private(path, png_bytes(text, box_size))
    return path
