"""A QR code as a scanner reads it from the real PNG: its text, version and error-correction level.

Tests that claim a version read it back here with zxing-cpp instead of asking the project's own
`qr_version`, and check the level the README promises (M) on the way.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image

from infocards.codes.qr_out import png_bytes

__all__ = ["QrSymbol", "read_symbol", "symbol_of"]


@dataclass(frozen=True)
class QrSymbol:
    text: str
    version: int
    ec_level: str


def read_symbol(png: bytes | Path) -> QrSymbol:
    """The one QR code in a PNG (bytes or a file), as zxing-cpp decodes it."""
    data = png.read_bytes() if isinstance(png, Path) else png
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(data)).convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1, f"zxing-cpp found {len(found)} QR codes"
    (barcode,) = found
    assert barcode.valid
    # zxing-cpp 2.x and 3.x give the version and level in `extra` (3.x also has `ec_level`).
    version = int(barcode.extra["Version"])
    level = barcode.extra.get("ECLevel") or barcode.ec_level
    return QrSymbol(barcode.text, version, level)


def symbol_of(text: str) -> QrSymbol:
    """The QR code the app draws for `text` (infocards.codes.qr_out.png_bytes), read back."""
    symbol = read_symbol(png_bytes(text))
    assert symbol.text == text
    return symbol
