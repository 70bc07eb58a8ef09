"""A professional's note: records signed by a clinic key, as a code of its own (prefix IN1:).

The clinic key signs the note's core: who signed (name, role, place, public key), when, for
how long, for which patient (name, birth date, the patient key's fingerprint; or nobody), and
one salted digest per entry (record_codec.entry_digest). The same signature travels on inside
the patient's summaries, which can then carry any subset of the entries (with their salts) and
only the digests of the rest: the next reader recomputes every digest and checks the one
signature (the idea of IETF SD-JWT).

The note code is

    "IN1:" + base45( version (1) | issued (uint32) | lifetime (varint) | public key (32)
                     | varint(len(raw)) | raw | body (raw DEFLATE, preset dictionary)
                     | core signature (64) | code signature (64) )

raw holds the binding's key fingerprint (10 bytes, bound notes only) and one salt per entry;
the body the signer's name, role and place, the binding and the records. The code signature, by
the same key, covers "IN1:" and every byte before it, so no character of a note can change
unnoticed (DEFLATE ignores the last bits of its last byte, so the core signature alone would
not catch every change). A note is never read as a summary: "IC" codes and "IN" codes have
their own prefixes and readers.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from infocards import vocab
from infocards.codes.base45 import b45decode, b45encode
from infocards.codes.binary import BodyReader, BodyWriter, ByteReader, ByteWriter
from infocards.codes.packing import clean_text, compress, decompress
from infocards.codes.record_codec import DIGEST_BYTES, SALT_BYTES, entry_digest, new_salt, read_record, write_record
from infocards.codes.signing import (
    FINGERPRINT_BYTES,
    PUBLIC_KEY_SIZE,
    SIGNATURE_SIZE,
    SigningKey,
    fingerprint,
    fingerprint_bytes,
    verify,
)
from infocards.errors import InvalidCode, NotInfocardsCode, Reason
from infocards.names import is_good_name, is_good_signer_field

__all__ = [
    "DEFAULT_NOTE_LIFETIME",
    "MAX_NOTE_LIFETIME",
    "NOTE_PREFIX",
    "Binding",
    "Note",
    "NoteCore",
    "Signer",
    "is_note_text",
    "make_note",
    "make_note_code",
    "note_code_text",
    "open_note_code",
    "parse_core",
]

NOTE_VERSION = 1
NOTE_PREFIX = f"IN{NOTE_VERSION}:"
_NOTE_PATTERN = re.compile(r"IN(\d{1,3}):")
DEFAULT_NOTE_LIFETIME = timedelta(days=7)
MAX_NOTE_LIFETIME = timedelta(days=30)
MAX_ENTRIES = 64
_CORE_DOMAIN = b"infocards note core v1\0"
_BIRTH_EPOCH = date(1900, 1, 1).toordinal()


@dataclass(frozen=True)
class Signer:
    """Who signed a note, as the key file says (a proven identity only where a pack lists the key)."""

    name: str
    role: str
    place: str
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def to_json(self) -> dict:
        return {"name": self.name, "role": self.role, "place": self.place, "fingerprint": self.fingerprint}


@dataclass(frozen=True)
class Binding:
    """The patient a note was written for: as the summary it answers named them."""

    name: str
    birth_date: str | None
    key_fingerprint: bytes  # fingerprint_bytes of the patient's device key

    @classmethod
    def of(cls, name: str, birth_date: str | None, public_key: bytes) -> Binding:
        return cls(name, birth_date or None, fingerprint_bytes(public_key))

    def to_json(self) -> dict:
        text = base64.b32encode(self.key_fingerprint).decode("ascii")
        return {
            "name": self.name,
            "birth_date": self.birth_date,
            "fingerprint": "-".join(text[i : i + 4] for i in range(0, 16, 4)),
        }


@dataclass(frozen=True)
class NoteCore:
    """What the clinic key signs."""

    signer: Signer
    issued: int  # Unix seconds
    lifetime: int  # seconds
    binding: Binding | None
    digests: tuple[bytes, ...]

    @property
    def issued_at(self) -> datetime:
        return datetime.fromtimestamp(self.issued, UTC)

    @property
    def expires_at(self) -> datetime:
        return self.issued_at + timedelta(seconds=self.lifetime)

    def signed_bytes(self) -> bytes:
        out = ByteWriter()
        out.raw(_CORE_DOMAIN)
        out.uint(self.issued)
        out.uint(self.lifetime)
        out.raw(self.signer.public_key)
        _len_text(out, self.signer.name)
        out.uint(vocab.ROLES.index(self.signer.role))
        _len_text(out, self.signer.place)
        if self.binding is None:
            out.uint(0)
        else:
            out.uint(1)
            _len_text(out, self.binding.name)
            out.uint(_birth(self.binding.birth_date))
            out.raw(self.binding.key_fingerprint)
        out.uint(len(self.digests))
        for digest in self.digests:
            out.raw(digest)
        return out.getvalue()

    def verifies(self, signature: bytes) -> bool:
        return verify(self.signer.public_key, self.signed_bytes(), signature)


@dataclass(frozen=True)
class Note:
    """A whole note: its core, the core's signature, and every entry with its salt."""

    core: NoteCore
    signature: bytes
    records: tuple[dict, ...]
    salts: tuple[bytes, ...]

    @property
    def signer(self) -> Signer:
        return self.core.signer


def _len_text(out: ByteWriter, value: str) -> None:
    data = value.encode("utf-8")
    out.uint(len(data))
    out.raw(data)


def _birth(value: str | None) -> int:
    return 0 if not value else 1 + date.fromisoformat(value).toordinal() - _BIRTH_EPOCH


def _unbirth(value: int) -> str | None:
    if value == 0:
        return None
    try:
        return date.fromordinal(_BIRTH_EPOCH + value - 1).isoformat()
    except (ValueError, OverflowError):
        raise InvalidCode(reason=Reason.DATE_OUT_OF_RANGE) from None


def make_note(
    key: SigningKey,
    signer: tuple[str, str, str],
    records: Sequence[Mapping],
    issued_at: datetime,
    lifetime: timedelta = DEFAULT_NOTE_LIFETIME,
    binding: Binding | None = None,
    salts: Sequence[bytes] | None = None,
) -> Note:
    """Sign `records` (already normalised: record_codec.normalise_note_record) as a note.

    `salts`, one of SALT_BYTES per record, is for reproducible test vectors only; by default
    every entry gets a fresh random salt, which is what keeps a withheld entry unguessable.
    """
    if not 0 < len(records) <= MAX_ENTRIES:
        raise ValueError("a note holds 1 to 64 entries")
    if lifetime > MAX_NOTE_LIFETIME or lifetime.total_seconds() < 1:
        raise ValueError("a note lives from a second to 30 days")
    name, role, place = signer
    if not (is_good_signer_field(name) and is_good_signer_field(place)):
        raise ValueError("the signer's name or place breaks the name rule")  # clinic_key refuses it first
    if binding is not None and not is_good_name(binding.name):
        raise ValueError("the patient's name breaks the name rule")  # a summary that breaks it is invalid
    if salts is None:
        salts = tuple(new_salt() for _ in records)
    elif len(salts) != len(records) or any(len(salt) != SALT_BYTES for salt in salts):
        raise ValueError("one salt of 16 bytes per record")
    salts = tuple(bytes(salt) for salt in salts)
    core = NoteCore(
        Signer(name, role, place, key.public_bytes),
        int(issued_at.timestamp()),
        int(lifetime.total_seconds()),
        binding,
        tuple(entry_digest(salt, record) for salt, record in zip(salts, records, strict=True)),
    )
    return Note(core, key.sign(core.signed_bytes()), tuple(dict(r) for r in records), salts)


def make_note_code(note: Note, key: SigningKey) -> str:
    """The note's code text (QR alphanumeric characters only), signed again as a whole, and read
    back before anyone is shown it: what a reader will verify is what was meant (ValueError if not)."""
    text = note_code_text(note, key)
    try:
        again = open_note_code(text)
    except InvalidCode:
        raise ValueError("the note does not read back as written") from None
    if again.core != note.core or again.records != note.records:
        raise ValueError("the note does not read back as written")
    return text


def note_code_text(note: Note, key: SigningKey) -> str:
    """The code text of a note, unchecked (make_note_code checks it; test vectors need bad notes too)."""
    core = note.core
    out = ByteWriter()
    out.raw(bytes([NOTE_VERSION]) + core.issued.to_bytes(4, "big"))
    out.uint(core.lifetime)
    out.raw(core.signer.public_key)
    raw = (core.binding.key_fingerprint if core.binding else b"") + b"".join(note.salts)
    out.uint(len(raw))
    out.raw(raw)
    body = BodyWriter()
    body.text(core.signer.name)
    body.uint(vocab.ROLES.index(core.signer.role))
    body.text(core.signer.place)
    if core.binding is None:
        body.uint(0)
    else:
        body.uint(1 + _birth(core.binding.birth_date))
        body.text(core.binding.name)
    body.uint(len(note.records))
    for record in note.records:
        write_record(body, record)
    out.raw(compress(body.getvalue()))
    out.raw(note.signature)
    signed = out.getvalue()
    return NOTE_PREFIX + b45encode(signed + key.sign(NOTE_PREFIX.encode("ascii") + signed))


def is_note_text(text: str) -> bool:
    """Whether `text` looks like a note code (its prefix), before any check."""
    return _NOTE_PATTERN.match(clean_text(text)) is not None


def open_note_code(text: str) -> Note:
    """Check and decode a note: NotInfocardsCode for anything else, InvalidCode if altered."""
    text = clean_text(text)
    match = _NOTE_PATTERN.match(text)
    if match is None:
        raise NotInfocardsCode("error.note.not_a_note")
    if match.group(1) != str(NOTE_VERSION):
        raise InvalidCode("error.share.unknown_version", version=match.group(1))
    data = b45decode(text[match.end() :])
    if len(data) < 5 + 1 + PUBLIC_KEY_SIZE + 1 + 2 * SIGNATURE_SIZE or data[0] != NOTE_VERSION:
        raise InvalidCode(reason=Reason.TOO_SHORT)
    signed, code_signature = data[:-SIGNATURE_SIZE], data[-SIGNATURE_SIZE:]
    src = ByteReader(signed[: -SIGNATURE_SIZE])
    src.raw(1)
    issued = int.from_bytes(src.raw(4), "big")
    lifetime = src.uint()
    public_key = src.raw(PUBLIC_KEY_SIZE)
    if not verify(public_key, NOTE_PREFIX.encode("ascii") + signed, code_signature):
        raise InvalidCode(reason=Reason.SIGNATURE)
    raw = ByteReader(src.raw(src.uint()))
    body = BodyReader(decompress(src.rest()))
    name = body.text()
    role = body.uint()
    if role >= len(vocab.ROLES):
        raise InvalidCode(reason=Reason.VOCABULARY_INDEX)
    place = body.text()
    bound = body.uint()
    binding = None
    if bound:
        binding = Binding(body.text(), _unbirth(bound - 1), raw.raw(FINGERPRINT_BYTES))
    count = body.uint()
    if not 0 < count <= MAX_ENTRIES:
        raise InvalidCode(reason=Reason.ENTRY_COUNT)
    records = tuple(read_record(body) for _ in range(count))
    salts = tuple(raw.raw(SALT_BYTES) for _ in range(count))
    if not body.at_end() or not raw.at_end():
        raise InvalidCode(reason=Reason.TRAILING_BYTES)
    signer = Signer(name, vocab.ROLES[role], place, public_key)
    digests = tuple(entry_digest(salt, record) for salt, record in zip(salts, records, strict=True))
    core = NoteCore(signer, issued, lifetime, binding, digests)
    signature = signed[-SIGNATURE_SIZE:]
    if not core.verifies(signature):
        raise InvalidCode(reason=Reason.SIGNATURE)
    # docs/FORMAT.md §5.3: the names are checked once the note verifies.
    if not (is_good_signer_field(name) and is_good_signer_field(place)):
        raise InvalidCode(reason=Reason.SIGNER_NAME)
    if binding is not None and not is_good_name(binding.name):
        raise InvalidCode(reason=Reason.PATIENT_NAME)
    return Note(core, signature, records, salts)


def parse_core(data: bytes) -> NoteCore:
    """NoteCore.signed_bytes() read back (a wallet keeps it to carry a note on); InvalidCode if malformed."""
    if not data.startswith(_CORE_DOMAIN):
        raise InvalidCode(reason=Reason.NOTE_CORE)
    src = ByteReader(data[len(_CORE_DOMAIN) :])
    issued, lifetime = src.uint(), src.uint()
    public_key = src.raw(PUBLIC_KEY_SIZE)
    name = _read_len_text(src)
    role = src.uint()
    if role >= len(vocab.ROLES):
        raise InvalidCode(reason=Reason.VOCABULARY_INDEX)
    place = _read_len_text(src)
    binding = None
    if src.uint():
        binding_name = _read_len_text(src)
        binding = Binding(binding_name, _unbirth(src.uint()), src.raw(FINGERPRINT_BYTES))
    count = src.uint()
    if count > MAX_ENTRIES:
        raise InvalidCode(reason=Reason.ENTRY_COUNT)
    digests = tuple(src.raw(DIGEST_BYTES) for _ in range(count))
    if not src.at_end():
        raise InvalidCode(reason=Reason.TRAILING_BYTES)
    return NoteCore(Signer(name, vocab.ROLES[role], place, public_key), issued, lifetime, binding, digests)


def _read_len_text(src: ByteReader) -> str:
    try:
        return src.raw(src.uint()).decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidCode(reason=Reason.NOT_UTF8) from None
