"""The compression and text clean-up shared by summary codes and note codes."""

from __future__ import annotations

import zlib

from infocards.codes.dictionary import PRESET_DICTIONARY
from infocards.errors import InvalidCode, Reason

__all__ = ["clean_text", "compress", "decompress"]

_MAX_BODY = 64 * 1024  # a decompressed summary is a few KiB; refuse zip bombs


def compress(data: bytes) -> bytes:
    # Raw DEFLATE (negative wbits): no zlib header or checksum, the signature protects the bytes.
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, PRESET_DICTIONARY)
    return packer.compress(data) + packer.flush()


def decompress(data: bytes) -> bytes:
    unpacker = zlib.decompressobj(-15, zdict=PRESET_DICTIONARY)
    try:
        out = unpacker.decompress(data, _MAX_BODY)
    except zlib.error:
        raise InvalidCode(reason=Reason.COMPRESSED_BODY) from None
    if not unpacker.eof or unpacker.unconsumed_tail or unpacker.unused_data:
        raise InvalidCode(reason=Reason.COMPRESSED_BODY)
    return out


def clean_text(text: str) -> str:
    """Leading whitespace and trailing line ends go; a space is a base45 character, so it stays."""
    return text.lstrip().rstrip("\r\n\t\0")
