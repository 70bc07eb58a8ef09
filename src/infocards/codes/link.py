"""A code as a link: READER_URL + "#" + DIGITS, another spelling of the text form (FORMAT.md §7).

DIGITS = kind (1 = IC summary, 2 = IN note) + the format version as two digits + the bytes the
text form's base45 carries, written as decimal: each whole chunk of 7 bytes (a big-endian
number) as exactly 17 digits, a last chunk of k = 1..6 bytes as exactly LAST_CHUNK_DIGITS[k].
Nothing that is signed changes: a reader turns the link back into the text form and reads that.
QR numeric mode spends 10 bits on 3 digits, so 17 digits for 7 bytes cost about 8.1 bits a byte,
as dense as base45 in alphanumeric mode (8.25).
"""

from __future__ import annotations

import re

from infocards.codes.base45 import b45decode, b45encode
from infocards.codes.packing import clean_text
from infocards.errors import InvalidCode, NotInfocardsCode, Reason

__all__ = [
    "CHUNK_BYTES",
    "CHUNK_DIGITS",
    "LAST_CHUNK_DIGITS",
    "bytes_to_digits",
    "code_to_digits",
    "code_to_link",
    "digits_to_bytes",
    "digits_to_code",
    "is_link",
    "link_address",
    "link_to_code",
    "looks_like_code_link",
]

CHUNK_BYTES = 7
CHUNK_DIGITS = 17
# D(k) = ceil(8k * log10(2)): the fewest digits that hold every number of k bytes.
LAST_CHUNK_DIGITS = {1: 3, 2: 5, 3: 8, 4: 10, 5: 13, 6: 15}
_BYTES_OF_LAST = {digits: count for count, digits in LAST_CHUNK_DIGITS.items()}
_KINDS = {"IC": "1", "IN": "2"}
_PREFIXES = {digit: kind for kind, digit in _KINDS.items()}
# The text forms a writer spells as a link: a known kind, a version of 1 to 99, then base45.
_TEXT_PREFIX = re.compile(r"(IC|IN)([1-9][0-9]?):")
_FRAGMENT = re.compile(r"[12][0-9]{2}[0-9]*")  # ASCII digits only ([0-9], never \d)
_SCHEME = re.compile(r"https?://", re.IGNORECASE)
_ADDRESS = re.compile(r"(https?://)([^/?#]*)(.*)", re.IGNORECASE | re.DOTALL)


def bytes_to_digits(data: bytes) -> str:
    """Bytes as decimal digits: 17 digits per 7 bytes, the last chunk of k bytes as D(k) digits."""
    out = []
    for start in range(0, len(data), CHUNK_BYTES):
        chunk = data[start : start + CHUNK_BYTES]
        width = CHUNK_DIGITS if len(chunk) == CHUNK_BYTES else LAST_CHUNK_DIGITS[len(chunk)]
        out.append(str(int.from_bytes(chunk, "big")).zfill(width))
    return "".join(out)


def digits_to_bytes(digits: str) -> bytes:
    """Inverse of bytes_to_digits. InvalidCode `digits length` for a length no byte string has,
    `digits overflow` for a chunk too large for its bytes. `digits` must be ASCII digits."""
    whole, rest = divmod(len(digits), CHUNK_DIGITS)
    if rest and rest not in _BYTES_OF_LAST:
        raise InvalidCode(reason=Reason.DIGITS_LENGTH)
    out = bytearray()
    for index in range(whole + bool(rest)):
        chunk = digits[index * CHUNK_DIGITS : (index + 1) * CHUNK_DIGITS]
        size = CHUNK_BYTES if len(chunk) == CHUNK_DIGITS else _BYTES_OF_LAST[len(chunk)]
        value = int(chunk)
        if value >= 256**size:
            raise InvalidCode(reason=Reason.DIGITS_OVERFLOW)
        out += value.to_bytes(size, "big")
    return bytes(out)


def code_to_digits(code_text: str) -> str:
    """The DIGITS of a code's text form ("IC1:..." -> "101..."). ValueError for a text that is
    not a code a writer makes (the writer's own text: nothing a user typed reaches this)."""
    text = clean_text(code_text)
    match = _TEXT_PREFIX.match(text)
    if match is None:
        raise ValueError("not the text form of an infocards code")
    kind, version = match.groups()
    try:
        data = b45decode(text[match.end() :])
    except InvalidCode:
        raise ValueError("not the text form of an infocards code") from None
    return _KINDS[kind] + f"{int(version):02d}" + bytes_to_digits(data)


def digits_to_code(digits: str) -> str:
    """The text form spelled by DIGITS (a fragment already checked to be [12][0-9]{2}[0-9]*).
    "100..." gives "IC0:...", which the text rules refuse; digits refusals raise InvalidCode."""
    data = digits_to_bytes(digits[3:])
    return f"{_PREFIXES[digits[0]]}{int(digits[1:3])}:" + b45encode(data)


def link_address(reader_url: str) -> str:
    """The reader's address as a link writes it: scheme and host in lowercase, the path as written.

    Camera apps take `HTTPS://` in capitals for text (or search the web for it)."""
    match = _ADDRESS.fullmatch(reader_url)
    if match is None:
        raise ValueError("a reader address starts with https:// or http://")
    scheme, host, path = match.groups()
    return scheme.lower() + host.lower() + path


def code_to_link(code_text: str, reader_url: str) -> str:
    """READER_URL + "#" + DIGITS for a code's text form (scheme and host in lowercase)."""
    return link_address(reader_url) + "#" + code_to_digits(code_text)


def is_link(text: str) -> bool:
    """Whether `text` (cleaned as a code is) is a link as FORMAT.md §7 reads them: http:// or
    https:// (any case) and a `#` somewhere after."""
    cleaned = clean_text(text)
    return _SCHEME.match(cleaned) is not None and "#" in cleaned


def looks_like_code_link(text: str) -> bool:
    """A link whose fragment has the shape of DIGITS: what a picture's other QR codes are not."""
    return is_link(text) and _FRAGMENT.fullmatch(clean_text(text).partition("#")[2]) is not None


def link_to_code(text: str) -> str | None:
    """The text form a link spells; None when `text` is no link (read it as a text form).

    A link whose fragment (after the first `#`) is not [12][0-9]{2}[0-9]* is not an infocards
    code (NotInfocardsCode); digits of a bad length or a chunk too large are InvalidCode with the
    reason `digits length` / `digits overflow`. The address before `#` is not checked: any
    reader reads any infocards link."""
    if not is_link(text):
        return None
    fragment = clean_text(text).partition("#")[2]
    if _FRAGMENT.fullmatch(fragment) is None:
        raise NotInfocardsCode("error.share.foreign_link")
    return digits_to_code(fragment)
