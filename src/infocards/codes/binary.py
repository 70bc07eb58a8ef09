"""Byte writers and readers for share codes: varints for the header, two streams for the body."""

from __future__ import annotations

from infocards.errors import InvalidCode, Reason

__all__ = ["BodyReader", "BodyWriter", "ByteReader", "ByteWriter"]

_MAX_VARINT_BYTES = 5  # 35 bits: far above any count, day number or length in a summary


class ByteWriter:
    """Appends unsigned varints (7 bits a byte, low first) and raw bytes."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def uint(self, value: int) -> None:
        if value < 0:
            raise ValueError("uint must not be negative")
        while True:
            low = value & 0x7F
            value >>= 7
            if value:
                self._buffer.append(low | 0x80)
            else:
                self._buffer.append(low)
                return

    def raw(self, data: bytes) -> None:
        self._buffer += data

    def getvalue(self) -> bytes:
        return bytes(self._buffer)


class ByteReader:
    """Reads what ByteWriter wrote; any malformed input raises InvalidCode."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def uint(self) -> int:
        value = 0
        for shift in range(0, 7 * _MAX_VARINT_BYTES, 7):
            if self._pos >= len(self._data):
                raise InvalidCode(reason=Reason.TRUNCATED)
            byte = self._data[self._pos]
            self._pos += 1
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
        raise InvalidCode(reason=Reason.NUMBER_TOO_LONG)

    def raw(self, length: int) -> bytes:
        if self._pos + length > len(self._data):
            raise InvalidCode(reason=Reason.TRUNCATED)
        data = self._data[self._pos : self._pos + length]
        self._pos += length
        return data

    def rest(self) -> bytes:
        return self.raw(len(self._data) - self._pos)

    def at_end(self) -> bool:
        return self._pos == len(self._data)


class BodyWriter:
    """Numbers and texts in two streams: varint(len(numbers)) | numbers | texts, each ending in NUL.

    Keeping the texts together lets DEFLATE match them against each other and the preset
    dictionary without numbers in between (about 6% smaller on the reference course).
    """

    def __init__(self) -> None:
        self._numbers = ByteWriter()
        self._texts = bytearray()

    def uint(self, value: int) -> None:
        self._numbers.uint(value)

    def text(self, value: str | None) -> None:
        # NUL ends a text; it never belongs in a record, so it is dropped rather than escaped
        self._texts += (value or "").replace("\0", "").encode("utf-8") + b"\0"

    def getvalue(self) -> bytes:
        numbers = self._numbers.getvalue()
        head = ByteWriter()
        head.uint(len(numbers))
        return head.getvalue() + numbers + bytes(self._texts)


class BodyReader:
    """Reads what BodyWriter wrote; malformed input raises InvalidCode."""

    def __init__(self, data: bytes) -> None:
        head = ByteReader(data)
        self._numbers = ByteReader(head.raw(head.uint()))
        self._texts = head.rest().split(b"\0")
        if self._texts[-1] != b"":
            raise InvalidCode(reason=Reason.UNTERMINATED_TEXT)
        self._texts.pop()
        self._next_text = 0

    def uint(self) -> int:
        return self._numbers.uint()

    def text(self) -> str:
        if self._next_text >= len(self._texts):
            raise InvalidCode(reason=Reason.TRUNCATED)
        data = self._texts[self._next_text]
        self._next_text += 1
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidCode(reason=Reason.NOT_UTF8) from None

    def at_end(self) -> bool:
        return self._numbers.at_end() and self._next_text == len(self._texts)
