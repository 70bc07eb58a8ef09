"""The share code format: positional encoding, zlib with a preset dictionary, Ed25519, base45, prefix.

A code is PREFIX + base45(bytes), the bytes being

    version (1) | issued (uint32, Unix seconds) | lifetime (varint seconds) | public key (32)
    | body (raw DEFLATE of the positional encoding, preset dictionary) | signature (64)

and the body, before compression, binary.BodyWriter's numbers then NUL-ended texts.

The signature (Ed25519, by the key in the code) covers the prefix and every byte before it, so
any change to a code makes it invalid; the prefix must be exactly PREFIX (ASCII "IC1:"). The
body writes no field names: each section's entries carry their fields in the order of
summary.ENTRY_FIELDS, vocabulary words (roles, kinds, effects, statuses, sources) as their index
in infocards.vocab, and dates as day counts before the issue day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from infocards import vocab
from infocards.codes.base45 import b45decode, b45encode
from infocards.codes.binary import BodyReader, BodyWriter, ByteReader, ByteWriter
from infocards.codes.carried import read_notes, write_notes
from infocards.codes.note_code import Binding
from infocards.codes.packing import clean_text, compress, decompress
from infocards.codes.payload import ENTRY_FIELDS, Summary, entry_kind
from infocards.codes.sections import SECTION_KEYS
from infocards.codes.signing import PUBLIC_KEY_SIZE, SIGNATURE_SIZE, SigningKey, verify
from infocards.errors import InvalidCode, NotInfocardsCode, Reason
from infocards.names import is_good_name

__all__ = ["FORMAT_VERSION", "PREFIX", "OpenedCode", "make_code", "open_code"]

FORMAT_VERSION = 1
# Format 2 carries professionals' signed notes (codes.carried) and entries "changed by the
# patient"; a summary without either is still written as format 1, which every reader reads.
NOTES_VERSION = 2
VERSIONS = (FORMAT_VERSION, NOTES_VERSION)
PREFIX = f"IC{FORMAT_VERSION}:"
# What looks like an infocards prefix, digits of any script included, so that a look-alike
# ("IC01:", "IC١:") is reported as an altered code, not a foreign one. Only the exact text of
# the version named ("IC1:") reads: the signature covers PREFIX, not what stood in the code.
_PREFIX_PATTERN = re.compile(r"IC(\d{1,3}):")
_CANONICAL_VERSION = re.compile(r"[1-9][0-9]{0,2}|0", re.ASCII)
_HEADER = 1 + 4  # version, issued
_BIRTH_EPOCH = date(1900, 1, 1).toordinal()

# Vocabulary fields: the tuple whose index is written. "status" depends on the entry kind.
_ENUMS = {
    "role": vocab.ROLES,
    "from_role": vocab.ROLES,
    "to_role": vocab.ROLES,
    "kind": vocab.FINDING_KINDS,
    "effect": vocab.EFFECTS,
}
_STATUSES = {
    "referrals": vocab.REFERRAL_STATUSES,
    "goal": vocab.GOAL_STATUSES,
    "work": vocab.WORK_STATUSES,
}
_PLAN_GOAL_KINDS = ("plan", "goal")
_OPTIONAL_TEXT = frozenset({"code", "card", "professional"})  # "" in a code means absent (None)


@dataclass(frozen=True)
class OpenedCode:
    """A code whose signature checked out; expiry is the reader's business."""

    summary: Summary
    issued_at: datetime
    expires_at: datetime
    public_key: bytes


def _enum_for(kind: str, name: str) -> tuple[str, ...]:
    return _STATUSES[kind] if name == "status" else _ENUMS[name]


def _day(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def _iso(ordinal: int) -> str:
    try:
        return date.fromordinal(ordinal).isoformat()
    except (ValueError, OverflowError):
        raise InvalidCode(reason=Reason.DATE_OUT_OF_RANGE) from None


def _write_entry(out: BodyWriter, section: str, entry: dict, issue_day: int) -> None:
    kind = entry_kind(section, entry)
    kind_bit = _PLAN_GOAL_KINDS.index(kind) if section == "plan_goals" else 0
    changed_bit = 1 if entry.get("changed") else 0  # only format 2 writes it (see _needs_notes_format)
    out.uint(vocab.SOURCES.index(entry["source"]) | kind_bit << 1 | changed_bit << 2)
    start = _day(entry["date"]) if entry.get("date") else None
    out.uint(0 if start is None else 1 + _zigzag(issue_day - start))
    for name in ENTRY_FIELDS[kind][2:]:
        value = entry.get(name)
        if name == "end":
            out.uint(0 if not value else 1 + _zigzag(_day(value) - (start or issue_day)))
        elif name == "hours_per_week":
            # tenths of an hour: 37.5 h stays exact; finer fractions are rounded
            out.uint(0 if value is None else 1 + round(float(value) * 10))
        elif name in _ENUMS or name == "status":
            out.uint(_enum_for(kind, name).index(value))
        else:
            out.text(value)


def _read_entry(src: BodyReader, section: str, issue_day: int, version: int = FORMAT_VERSION) -> dict:
    head = src.uint()
    changed = False
    if version >= NOTES_VERSION:
        changed, head = bool(head >> 2 & 1), head & 3
    source, kind_bit = head & 1, head >> 1
    if section == "plan_goals":
        kind = _index(_PLAN_GOAL_KINDS, kind_bit)
    elif kind_bit:
        raise InvalidCode(reason=Reason.ENTRY_KIND)
    else:
        kind = section
    entry: dict = {"source": vocab.SOURCES[source]}
    days = src.uint()
    start = None if days == 0 else issue_day - _unzigzag(days - 1)
    entry["date"] = None if start is None else _iso(start)
    for name in ENTRY_FIELDS[kind][2:]:
        if name == "end":
            value = src.uint()
            entry[name] = None if value == 0 else _iso((start or issue_day) + _unzigzag(value - 1))
        elif name == "hours_per_week":
            value = src.uint()
            tenths = value - 1
            entry[name] = None if value == 0 else (tenths // 10 if tenths % 10 == 0 else tenths / 10)
        elif name in _ENUMS or name == "status":
            entry[name] = _index(_enum_for(kind, name), src.uint())
        else:
            text = src.text()
            entry[name] = text if text or name not in _OPTIONAL_TEXT else None
    out = {name: entry[name] for name in ENTRY_FIELDS[kind]}
    if changed:
        out["changed"] = True
    return out


def _zigzag(value: int) -> int:
    return value * 2 if value >= 0 else -value * 2 - 1


def _unzigzag(value: int) -> int:
    return value // 2 if value % 2 == 0 else -(value + 1) // 2


def _index(options: tuple[str, ...], value: int) -> str:
    if value >= len(options):
        raise InvalidCode(reason=Reason.VOCABULARY_INDEX)
    return options[value]


def encode_body(summary: Summary, issue_day: int, raw: ByteWriter | None = None) -> bytes:
    """The positional encoding of a summary (before compression); format 2 when `raw` is given.

    Format 2 appends the carried notes (their binary parts go to `raw`) and the count of notes
    left out to fit.
    """
    out = BodyWriter()
    out.uint(sum(1 << SECTION_KEYS.index(key) for key in summary.sections))
    out.text(summary.name)
    out.uint(0 if not summary.birth_date else 1 + _day(summary.birth_date) - _BIRTH_EPOCH)
    out.uint(0 if summary.to_role is None else 1 + vocab.ROLES.index(summary.to_role))
    for bound in summary.period:
        out.uint(0 if bound is None else 1 + _zigzag(issue_day - _day(bound)))
    for key in summary.sections:
        items = summary.entries.get(key, ())
        out.uint(len(items))
        for entry in items:
            _write_entry(out, key, entry, issue_day)
    omitted = [(SECTION_KEYS.index(k), n) for k, n in summary.omitted.items() if n and k in SECTION_KEYS]
    out.uint(len(omitted))
    for index, count in sorted(omitted):
        out.uint(index)
        out.uint(count)
    if raw is not None:
        write_notes(out, raw, summary.notes)
        out.uint(summary.omitted.get("notes", 0))
    return out.getvalue()


def decode_body(
    data: bytes, issue_day: int, raw: ByteReader | None = None, public_key: bytes = b""
) -> Summary:
    """Inverse of encode_body; format 2 when `raw` is given (the patient's key binds its notes)."""
    version = FORMAT_VERSION if raw is None else NOTES_VERSION
    src = BodyReader(data)
    mask = src.uint()
    if mask >> len(SECTION_KEYS):
        raise InvalidCode(reason=Reason.UNKNOWN_SECTION)
    sections = tuple(key for i, key in enumerate(SECTION_KEYS) if mask >> i & 1)
    name = src.text()
    birth = src.uint()
    role = src.uint()
    to_role = None if role == 0 else _index(vocab.ROLES, role - 1)
    period = tuple(None if v == 0 else _iso(issue_day - _unzigzag(v - 1)) for v in (src.uint(), src.uint()))
    entries = {}
    for key in sections:
        count = src.uint()
        if count > len(data):  # every entry takes at least a byte
            raise InvalidCode(reason=Reason.ENTRY_COUNT)
        entries[key] = tuple(_read_entry(src, key, issue_day, version) for _ in range(count))
    omitted = {}
    for _ in range(src.uint()):
        index, count = src.uint(), src.uint()
        omitted[_index(SECTION_KEYS, index)] = count
    birth_date = None if birth == 0 else _iso(_BIRTH_EPOCH + birth - 1)
    notes = ()
    if raw is not None:
        notes = read_notes(src, raw, Binding.of(name, birth_date, public_key), len(data))
        dropped = src.uint()
        if dropped:
            omitted["notes"] = dropped
        if not raw.at_end():
            raise InvalidCode(reason=Reason.TRAILING_BYTES)
    if not src.at_end():
        raise InvalidCode(reason=Reason.TRAILING_BYTES)
    if not is_good_name(name):  # docs/FORMAT.md §5.3: checked once the whole body has been read
        raise InvalidCode(reason=Reason.PATIENT_NAME)
    return Summary(
        name=name,
        notes=notes,
        birth_date=birth_date,
        sections=sections,
        entries=entries,
        to_role=to_role,
        period=period,  # type: ignore[arg-type]
        omitted=omitted,
    )


def _utc_seconds(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("times in a code must be timezone-aware")
    return int(moment.timestamp())


def _needs_notes_format(summary: Summary) -> bool:
    return bool(
        summary.notes
        or summary.omitted.get("notes")
        or any(entry.get("changed") for items in summary.entries.values() for entry in items)
    )


def make_code(summary: Summary, key: SigningKey, issued_at: datetime, expires_at: datetime) -> str:
    """The signed code text (QR alphanumeric characters only) for a summary."""
    issued = _utc_seconds(issued_at)
    lifetime = _utc_seconds(expires_at) - issued
    if lifetime <= 0:
        raise ValueError("a code must expire after it is issued")
    if not is_good_name(summary.name):  # the caller says why in words (share.summary.check_name)
        raise ValueError("the patient's name breaks the name rule")
    issue_day = datetime.fromtimestamp(issued, UTC).date().toordinal()
    version = NOTES_VERSION if _needs_notes_format(summary) else FORMAT_VERSION
    prefix = f"IC{version}:"
    out = ByteWriter()
    out.raw(bytes([version]) + issued.to_bytes(4, "big"))
    out.uint(lifetime)
    out.raw(key.public_bytes)
    if version == NOTES_VERSION:
        raw = ByteWriter()
        body = encode_body(summary, issue_day, raw)
        out.uint(len(raw.getvalue()))
        out.raw(raw.getvalue())
    else:
        body = encode_body(summary, issue_day)
    out.raw(compress(body))
    signed = out.getvalue()
    signature = key.sign(prefix.encode("ascii") + signed)
    return prefix + b45encode(signed + signature)


def open_code(text: str) -> OpenedCode:
    """Check and decode a code: NotInfocardsCode for foreign text, InvalidCode for anything wrong."""
    text = clean_text(text)
    match = _PREFIX_PATTERN.match(text)
    if match is None:
        raise NotInfocardsCode()
    number = match.group(1)
    if not _CANONICAL_VERSION.fullmatch(number):
        raise InvalidCode(reason=Reason.PREFIX)
    version = int(number)
    if version not in VERSIONS:
        raise InvalidCode("error.share.unknown_version", version=number)
    raw = b45decode(text[match.end() :])
    if len(raw) < _HEADER + 1 + PUBLIC_KEY_SIZE + SIGNATURE_SIZE or raw[0] != version:
        raise InvalidCode(reason=Reason.TOO_SHORT)
    signed, signature = raw[:-SIGNATURE_SIZE], raw[-SIGNATURE_SIZE:]
    src = ByteReader(signed)
    src.raw(1)
    issued = int.from_bytes(src.raw(4), "big")
    lifetime = src.uint()
    public_key = src.raw(PUBLIC_KEY_SIZE)
    if not verify(public_key, f"IC{version}:".encode("ascii") + signed, signature):
        raise InvalidCode(reason=Reason.SIGNATURE)
    notes_part = ByteReader(src.raw(src.uint())) if version == NOTES_VERSION else None
    body = src.rest()
    issued_at = datetime.fromtimestamp(issued, UTC)
    summary = decode_body(decompress(body), issued_at.date().toordinal(), notes_part, public_key)
    return OpenedCode(summary, issued_at, issued_at + timedelta(seconds=lifetime), public_key)
