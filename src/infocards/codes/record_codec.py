"""A professional's record in positional form, and the salted digest a clinic key signs.

A note's entries are whole records (records v1, DESIGN.md), not summary entries: the record is
what the professional wrote and signed, and the next reader recomputes its digest from what the
patient's summary carries. Fields are written in the order of records.TYPE_FIELDS, vocabulary
words as their index in infocards.vocab, dates as day numbers, so the same record always gives
the same bytes (`canonical_bytes`), and the digest is

    SHA-256("infocards entry" NUL | salt (16 random bytes) | canonical bytes), first 16 bytes.

A fresh salt per entry (as in IETF SD-JWT) means a withheld entry cannot be found by hashing
guesses of its content; 128 bits of digest are beyond any second-preimage search.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from datetime import date

from infocards.codes.binary import ByteReader, ByteWriter
from infocards.errors import InvalidCode, InvalidRecord, Reason
from infocards.records import TYPE_FIELDS, validate_record

__all__ = [
    "DIGEST_BYTES",
    "NOTE_TYPES",
    "SALT_BYTES",
    "canonical_bytes",
    "entry_digest",
    "new_salt",
    "normalise_note_record",
    "read_record",
    "signed_content",
    "write_record",
]

NOTE_TYPES = ("encounter", "finding", "referral", "treatment", "medication", "goal", "work")
SALT_BYTES = 16
DIGEST_BYTES = 16
_DOMAIN = b"infocards entry\0"
_EPOCH = date(1900, 1, 1).toordinal()
_NOT_SIGNED = frozenset({"id", "source", "signer", "proof"})


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def _zigzag(value: int) -> int:
    return value * 2 if value >= 0 else -value * 2 - 1


def _unzigzag(value: int) -> int:
    return value // 2 if value % 2 == 0 else -(value + 1) // 2


def _iso(ordinal: int) -> str:
    try:
        return date.fromordinal(ordinal).isoformat()
    except (ValueError, OverflowError):
        raise InvalidCode(reason=Reason.DATE_OUT_OF_RANGE) from None


def write_record(out, record: Mapping) -> None:
    """Write a validated record of a NOTE_TYPES type to `out` (anything with uint() and text())."""
    rtype = record["type"]
    start = date.fromisoformat(record["date"]).toordinal()
    out.uint(NOTE_TYPES.index(rtype))
    out.uint(start - _EPOCH)
    for name, (kind, _required) in TYPE_FIELDS[rtype].items():
        value = record.get(name)
        if isinstance(kind, tuple):
            out.uint(kind.index(value))
        elif kind == "date":
            out.uint(0 if not value else 1 + _zigzag(date.fromisoformat(value).toordinal() - start))
        elif kind == "hours":
            out.uint(0 if value is None else 1 + round(float(value) * 10))
        else:
            out.text(value or "")


def read_record(src) -> dict:
    """What write_record wrote, as a record dict without id or source (InvalidCode if malformed)."""
    type_index = src.uint()
    if type_index >= len(NOTE_TYPES):
        raise InvalidCode(reason=Reason.RECORD_TYPE)
    rtype = NOTE_TYPES[type_index]
    start = _EPOCH + src.uint()
    record: dict = {"type": rtype, "date": _iso(start)}
    for name, (kind, _required) in TYPE_FIELDS[rtype].items():
        if isinstance(kind, tuple):
            index = src.uint()
            if index >= len(kind):
                raise InvalidCode(reason=Reason.VOCABULARY_INDEX)
            record[name] = kind[index]
        elif kind == "date":
            value = src.uint()
            if value:
                record[name] = _iso(start + _unzigzag(value - 1))
        elif kind == "hours":
            value = src.uint()
            if value:
                tenths = value - 1
                record[name] = tenths // 10 if tenths % 10 == 0 else tenths / 10
        else:
            text = src.text()
            if text or kind == "blank":
                record[name] = text
    return record


class _CanonicalWriter(ByteWriter):
    """Varints and length-prefixed UTF-8 texts in one stream: unambiguous bytes for hashing."""

    def text(self, value: str | None) -> None:
        data = (value or "").encode("utf-8")
        self.uint(len(data))
        self.raw(data)


def canonical_bytes(record: Mapping) -> bytes:
    out = _CanonicalWriter()
    write_record(out, record)
    return out.getvalue()


def entry_digest(salt: bytes, record: Mapping) -> bytes:
    """The salted digest of a record, as signed in a note (16 bytes)."""
    return hashlib.sha256(_DOMAIN + salt + canonical_bytes(record)).digest()[:DIGEST_BYTES]


def normalise_note_record(record: object, position: int) -> dict:
    """A record for a note: validated as records v1, its `source` and `id` ignored, no extra fields.

    InvalidRecord names the record by its position ("#2") when it has no id of its own.
    """
    if not isinstance(record, Mapping):
        raise InvalidRecord("error.wallet.invalid_record.not_object", record=f"#{position}", field="-")
    data = {k: v for k, v in record.items() if k not in ("id", "source")}
    rid = record.get("id") if isinstance(record.get("id"), str) else f"n{position}"
    if data.get("type") not in NOTE_TYPES:
        raise InvalidRecord(
            "error.wallet.invalid_record.choice", record=rid[:40], field="type", expected=", ".join(NOTE_TYPES)
        )
    try:
        clean = validate_record({**data, "id": f"n{position}", "source": "professional"})
    except InvalidRecord as exc:
        exc.params["record"] = rid[:40] if record.get("id") else f"#{position}"
        raise
    # What a code carries, exactly: hours to the tenth, so the digest is of what the reader sees.
    return read_record(_CanonicalReader(canonical_bytes(clean)))


def signed_content(record: Mapping) -> dict:
    """The part of a stored record that its digest covers (no id, source, signer or proof)."""
    return {k: v for k, v in record.items() if k not in _NOT_SIGNED}


class _CanonicalReader:
    def __init__(self, data: bytes) -> None:
        self._src = ByteReader(data)

    def uint(self) -> int:
        return self._src.uint()

    def text(self) -> str:
        data = self._src.raw(self._src.uint())
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidCode(reason=Reason.NOT_UTF8) from None

