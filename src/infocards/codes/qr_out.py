"""QR images out: the version a code needs, and the PNG (error correction M, quiet zone 4).

A code's text form is one alphanumeric segment. A code's link (FORMAT.md §7) is two: the
address up to and with `#` in byte mode, then the digits in numeric mode.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import qrcode
from qrcode import util as qr_util
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import MODE_8BIT_BYTE, MODE_ALPHA_NUM, MODE_NUMBER, QRData

from infocards.atomicfile import write_private
from infocards.codes.base45 import ALPHABET
from infocards.codes.link import looks_like_code_link

__all__ = [
    "MAX_VERSION",
    "QUIET_ZONE",
    "excess_characters",
    "fits",
    "max_code_length",
    "png_bytes",
    "qr_modules",
    "qr_segments",
    "qr_version",
    "write_png",
]

# SMART Health Cards cap their QR codes at version 22 (error correction M) so that phones can
# scan them from a screen or paper; we keep the same cap.
MAX_VERSION = 22
QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 asks
_ALNUM = frozenset(ALPHABET)


def qr_segments(text: str) -> list[tuple[int, bytes]]:
    """The QR segments (mode, data) that carry `text`: a code's link as its address with `#` in
    byte mode and its digits in numeric mode, anything else as one segment (alphanumeric where
    every character allows it, else UTF-8 bytes)."""
    if looks_like_code_link(text):
        address, _, digits = text.partition("#")
        return [(MODE_8BIT_BYTE, (address + "#").encode("utf-8")), (MODE_NUMBER, digits.encode("ascii"))]
    if text and set(text) <= _ALNUM:
        return [(MODE_ALPHA_NUM, text.encode("ascii"))]
    return [(MODE_8BIT_BYTE, text.encode("utf-8"))]


def _qr(text: str, box_size: int = 1, make: bool = True) -> qrcode.QRCode:
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=QUIET_ZONE)
    # The segments chosen here: qrcode's own optimiser would split a code into other mixed segments.
    for mode, data in qr_segments(text):
        qr.add_data(QRData(data, mode=mode))
    if make:
        qr.make(fit=True)
    return qr


def _bits(text: str, version: int) -> int:
    """The data bits `text` needs in a QR code of `version` (mode indicators and counts included)."""
    sizes = qr_util.mode_sizes_for_version(version)
    buffer = qr_util.BitBuffer()
    for mode, data in qr_segments(text):
        segment = QRData(data, mode=mode)
        buffer.put(mode, 4)
        buffer.put(len(segment), sizes[mode])
        segment.write(buffer)
    return len(buffer)


def fits(text: str, version: int = MAX_VERSION) -> bool:
    """Whether `text` (a code's text form or link) fits a QR code of at most `version` at level M."""
    return _bits(text, version) <= qr_util.BIT_LIMIT_TABLE[ERROR_CORRECT_M][version]


def excess_characters(text: str, version: int = MAX_VERSION) -> int:
    """About how many characters of the text form too many `text` has for `version` (0 if it fits):
    the data bits over the limit at 5.5 bits a base45 character, rounded up."""
    over = _bits(text, version) - qr_util.BIT_LIMIT_TABLE[ERROR_CORRECT_M][version]
    return max(0, -(-over * 2 // 11))


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
