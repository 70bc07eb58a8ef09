"""A QR code as a scanner reads it from the real PNG: its text, version and error-correction level.

Tests that claim a version read it back here with zxing-cpp instead of asking the project's own
`qr_version`, and check the level the README promises (M) on the way. The phone's package set
has no zxing-cpp: there the text comes from the app's OpenCV decoder, and the version and level
from the symbol itself (its size in modules, and its format information, ISO/IEC 18004 7.9),
read from the pixels here, still without asking the code that drew it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

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
    try:
        import zxingcpp
    except ModuleNotFoundError:  # the phone's package set
        return _read_without_zxing(Image.open(io.BytesIO(data)).convert("L"))
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(data)).convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1, f"zxing-cpp found {len(found)} QR codes"
    (barcode,) = found
    assert barcode.valid
    # zxing-cpp 2.x and 3.x give the version and level in `extra` (3.x also has `ec_level`).
    version = int(barcode.extra["Version"])
    level = barcode.extra.get("ECLevel") or barcode.ec_level
    return QrSymbol(barcode.text, version, level)


_LEVELS = {0b01: "L", 0b00: "M", 0b11: "Q", 0b10: "H"}  # the two level bits of the format information


def _format_bits(data: int) -> int:
    """The 15 masked format bits for 5 data bits (level, mask): BCH(15,5), then XOR 0x5412."""
    remainder = data << 10
    for bit in range(14, 9, -1):
        if remainder >> bit & 1:
            remainder ^= 0b10100110111 << (bit - 10)
    return (data << 10 | remainder) ^ 0x5412


def _read_without_zxing(gray: Image.Image) -> QrSymbol:
    from infocards.codes.qr_in import decode_image

    texts = decode_image(gray, backend="opencv")
    assert len(texts) == 1, f"OpenCV found {len(texts)} QR codes"
    width, height = gray.size
    pixels = gray.load()
    dark = [[pixels[x, y] < 128 for x in range(width)] for y in range(height)]
    top = next(y for y in range(height) if any(dark[y]))
    left = next(x for x in range(width) if dark[top][x])
    box = next(x for x in range(left, width) if not dark[top][x]) - left
    assert box % 7 == 0, "the finder pattern is 7 modules wide"
    box //= 7
    right = max(x for x in range(width) if dark[top][x])
    modules = (right - left + 1) // box
    assert (modules - 17) % 4 == 0, modules

    def module(x: int, y: int) -> int:
        return int(dark[top + y * box + box // 2][left + x * box + box // 2])

    # The copy of the format information beside the top-left finder, in the order ISO/IEC 18004 reads it.
    spots = [(x, 8) for x in range(6)] + [(7, 8), (8, 8), (8, 7)] + [(8, y) for y in range(5, -1, -1)]
    read = 0
    for x, y in spots:
        read = read << 1 | module(x, y)
    (data,) = [d for d in range(32) if _format_bits(d) == read]
    return QrSymbol(texts[0], (modules - 17) // 4, _LEVELS[data >> 3])


def symbol_of(text: str) -> QrSymbol:
    """The QR code the app draws for `text` (infocards.codes.qr_out.png_bytes), read back."""
    symbol = read_symbol(png_bytes(text))
    assert symbol.text == text
    return symbol
