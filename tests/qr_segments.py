"""The segments of a QR code, read from the pixels of its PNG (ISO/IEC 18004): which mode each
part of the data is in, and what it holds.

A scanner returns only the text; whether a link's address really travels as a byte segment and
its digits as a numeric segment is in the symbol's bit stream. This reads that stream from the
picture: the module grid, the format information (level and mask), the codewords in the
standard's zigzag order around the function patterns, the data codewords of each block taken
out of their interleaving, then the mode indicators and character counts. The block table and
the alignment pattern centres are the standard's tables as the `qrcode` package lists them.
"""

from __future__ import annotations

import io

from PIL import Image
from qrcode.base import rs_blocks
from qrcode.util import pattern_position

from tests.qr_symbol import _format_bits

__all__ = ["read_segments"]

_LEVEL_BITS = {0b01: "L", 0b00: "M", 0b11: "Q", 0b10: "H"}
_QRCODE_LEVEL = {"L": 1, "M": 0, "Q": 3, "H": 2}  # the qrcode package's constants
_MASKS = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
)
_MODES = {0b0001: "numeric", 0b0010: "alphanumeric", 0b0100: "byte"}
_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def _grid(png: bytes) -> list[list[bool]]:
    gray = Image.open(io.BytesIO(png)).convert("L")
    width, height = gray.size
    pixels = gray.load()
    dark = [[pixels[x, y] < 128 for x in range(width)] for y in range(height)]
    top = next(y for y in range(height) if any(dark[y]))
    left = next(x for x in range(width) if dark[top][x])
    box = (next(x for x in range(left, width) if not dark[top][x]) - left) // 7
    modules = (max(x for x in range(width) if dark[top][x]) - left + 1) // box
    assert (modules - 17) % 4 == 0, modules
    return [[dark[top + y * box + box // 2][left + x * box + box // 2] for x in range(modules)] for y in range(modules)]


def _function_modules(size: int, version: int) -> set[tuple[int, int]]:
    """(row, column) of every module that is not data: finders with separators and format
    information, timing, alignment patterns, version information, the dark module."""
    taken = set()
    for row in range(9):
        for col in range(9):
            taken.add((row, col))
    for row in range(9):
        for col in range(size - 8, size):
            taken.add((row, col))
    for row in range(size - 8, size):
        for col in range(9):
            taken.add((row, col))
    for index in range(size):
        taken.add((6, index))
        taken.add((index, 6))
    centres = pattern_position(version)
    corners = {(centres[0], centres[0]), (centres[0], centres[-1]), (centres[-1], centres[0])} if centres else set()
    for row in centres:
        for col in centres:
            if (row, col) in corners:  # where a finder is
                continue
            taken.update((row + dy, col + dx) for dy in range(-2, 3) for dx in range(-2, 3))
    if version >= 7:
        for a in range(6):
            for b in range(size - 11, size - 8):
                taken.add((a, b))
                taken.add((b, a))
    return taken


def _data_bits(grid: list[list[bool]]) -> tuple[list[int], int, str]:
    size = len(grid)
    version = (size - 17) // 4
    spots = [(8, x) for x in range(6)] + [(8, 7), (8, 8), (7, 8)] + [(y, 8) for y in range(5, -1, -1)]
    read = 0
    for row, col in spots:
        read = read << 1 | grid[row][col]
    (data,) = [d for d in range(32) if _format_bits(d) == read]
    level, mask = _LEVEL_BITS[data >> 3], _MASKS[data & 7]
    taken = _function_modules(size, version)
    bits, upward, col = [], True, size - 1
    while col > 0:
        if col == 6:
            col -= 1
        rows = range(size - 1, -1, -1) if upward else range(size)
        for row in rows:
            for x in (col, col - 1):
                if (row, x) not in taken:
                    bits.append(int(grid[row][x]) ^ int(mask(row, x)))
        upward = not upward
        col -= 2
    return bits, version, level


def _data_codewords(bits: list[int], version: int, level: str) -> bytes:
    words = [int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, len(bits) - 7, 8)]
    blocks = rs_blocks(version, _QRCODE_LEVEL[level])
    data: list[list[int]] = [[] for _ in blocks]
    position = 0
    for index in range(max(block.data_count for block in blocks)):
        for number, block in enumerate(blocks):
            if index < block.data_count:
                data[number].append(words[position])
                position += 1
    return bytes(word for block in data for word in block)


def _count_bits(mode: str, version: int) -> int:
    group = 0 if version <= 9 else 1 if version <= 26 else 2
    return {"numeric": (10, 12, 14), "alphanumeric": (9, 11, 13), "byte": (8, 16, 16)}[mode][group]


def read_segments(png: bytes) -> list[tuple[str, str]]:
    """The segments of the one QR code in `png`, in order: (mode, text), mode being "numeric",
    "alphanumeric" or "byte" (bytes decoded as UTF-8). Any other mode fails the assertion."""
    bits, version, level = _data_bits(_grid(png))
    stream = "".join(f"{byte:08b}" for byte in _data_codewords(bits, version, level))
    cursor, out = 0, []

    def take(count: int) -> int:
        nonlocal cursor
        value = int(stream[cursor : cursor + count], 2)
        cursor += count
        return value

    while len(stream) - cursor >= 4:
        indicator = take(4)
        if indicator == 0:
            break
        assert indicator in _MODES, f"mode indicator {indicator:04b}"
        mode = _MODES[indicator]
        count = take(_count_bits(mode, version))
        if mode == "numeric":
            digits = []
            for start in range(0, count, 3):
                width = min(3, count - start)
                digits.append(str(take({3: 10, 2: 7, 1: 4}[width])).zfill(width))
            out.append((mode, "".join(digits)))
        elif mode == "alphanumeric":
            chars = []
            for _ in range(count // 2):
                value = take(11)
                chars += [_ALPHANUMERIC[value // 45], _ALPHANUMERIC[value % 45]]
            if count % 2:
                chars.append(_ALPHANUMERIC[take(6)])
            out.append((mode, "".join(chars)))
        else:
            out.append((mode, bytes(take(8) for _ in range(count)).decode("utf-8")))
    return out
