"""Every case of docs/format/vectors/: names, what each shows, and how a reader must take it.

`build_all()` returns {file name: vector}; `write_all()` writes them (scripts/make-vectors.py).
Positive cases come from the sharing side's own functions (issue_from_records, make_note);
negative ones change one thing of a good code, stage by stage, and say where a reader must stop.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from infocards.codes.base45 import ALPHABET, b45decode
from infocards.codes.binary import ByteReader, ByteWriter
from infocards.codes.packing import compress
from infocards.codes.sections import SECTION_KEYS
from infocards.codes.signing import SigningKey
from infocards.codes.summary_code import encode_body, make_code
from infocards.errors import InvalidCode
from infocards.share.summary import build_summary
from tests.codes.vector_links import link_cases
from tests.codes.vector_names import name_cases
from tests.codes.vector_stages import _split
from tests.codes.vectors import (
    _GP,
    _GP_RECORDS,
    _PHYSIO,
    _PHYSIO_RECORDS,
    ISSUED,
    LIFETIME,
    NOTE_ISSUED,
    READ_AT,
    VECTOR_DIR,
    _assemble,
    _bad_carried_signature,
    _carried,
    _changed_entry,
    _course,
    _flip,
    _key,
    _note_case,
    _signed,
    _spoil_core,
    _summary,
    _vector,
    seed_of,
)

__all__ = ["build_all", "dumps", "write_all"]

_SMALL_SECTIONS = ("red_flags", "work")


def _small_given(name: str, lifetime: timedelta = LIFETIME) -> dict:
    course = _course()
    return {
        "profile": course["profile"],
        "records": course["records"],
        "sections": list(_SMALL_SECTIONS),
        "to_role": None,
        "period": [None, None],
        "issued_at": ISSUED.isoformat(),
        "lifetime_seconds": int(lifetime.total_seconds()),
    }


def _small_summary():
    course = _course()
    return build_summary(course["profile"], course["records"], _SMALL_SECTIONS)


def _small_code(name: str, lifetime: timedelta = LIFETIME) -> str:
    return make_code(_small_summary(), SigningKey(seed_of(name)), ISSUED, ISSUED + lifetime)


def _small(name: str, description: str, read_at: datetime = READ_AT, lifetime: timedelta = LIFETIME, **expect):
    _k, info = _key(name)
    return _vector(name, description, _small_code(name, lifetime), read_at, keys={"patient": info},
                   given=_small_given(name, lifetime), **expect)


def _tampered(name: str, description: str, change, stage: str, fails_at: str, reason: str | None, resign=False):
    """A small summary's code with one thing changed by `change(parts) -> (signed, note)`."""
    key, info = _key(name)
    original = _small_code(name)
    parts: dict = {}
    _split(original, parts, check=False)
    signed, what = change(parts)
    signature = key.sign(b"IC1:" + signed) if resign else parts["signature"]
    code = _assemble("IC1:", signed, signature)
    tampering = {"stage": stage, "change": what, "resigned": resign, "original_code": original}
    return _vector(name, description, code, READ_AT, keys={"patient": info}, given=_small_given(name),
                   fails_at=fails_at, reason=reason, tampering=tampering)


def _body_letter(parts):
    body = parts["body"]
    offset = body.index(b"Anna")
    changed = body[:offset] + b"B" + body[offset + 1 :]
    return parts["header"] + compress(changed), f"body byte {offset} 'A' -> 'B' (the name), then deflated again"


def _unknown_section(parts):
    body = parts["body"]
    length = ByteReader(body).uint()
    start = _varint_size(length)
    numbers = body[start : start + length]
    mask = ByteReader(numbers).uint()
    writer = ByteWriter()
    writer.uint(mask | 1 << 9)
    rest = numbers[_varint_size(mask) :]
    new_numbers = writer.getvalue() + rest
    head = ByteWriter()
    head.uint(len(new_numbers))
    changed = head.getvalue() + new_numbers + body[start + length :]
    return parts["header"] + compress(changed), "section mask: bit 9 set (no tenth section exists), deflated again"


def _varint_size(value: int) -> int:
    writer = ByteWriter()
    writer.uint(value)
    return len(writer.getvalue())


def _deflated_byte(parts):
    offset = len(parts["deflated"]) // 2
    changed = _flip(parts["deflated"], offset)
    return parts["header"] + changed, f"deflated byte {offset} xor 0x01"


def _deflated_trailing(parts):
    return parts["header"] + parts["deflated"] + b"\x00", "one byte 0x00 after the end of the DEFLATE stream"


def _header_byte(parts):
    return _flip(parts["signed"], 4), "signed byte 4 (lowest byte of the issue time) xor 0x01"


def _signature_case(name: str) -> dict:
    _key_pair, info = _key(name)
    original = _small_code(name)
    parts: dict = {}
    _split(original, parts, check=False)
    code = _assemble("IC1:", parts["signed"], _flip(parts["signature"], 0))
    tampering = {"stage": "signature", "change": "signature byte 0 xor 0x01", "resigned": False,
                 "original_code": original}
    return _vector(name, "A signature byte changed.", code, READ_AT, keys={"patient": info},
                   given=_small_given(name), fails_at="signature", reason="signature", tampering=tampering)


def _text_case(name: str, foreign: bool) -> dict:
    """One character of the base45 text changed: to another base45 character, or to 'a'."""
    _key_pair, info = _key(name)
    original = _small_code(name)
    position = 4 + (len(original) - 4) // 2
    if foreign:
        char = "a"
    else:
        char = next(c for c in ALPHABET if c != original[position] and _decodes(original[:position] + c
                                                                                  + original[position + 1 :]))
    code = original[:position] + char + original[position + 1 :]
    what = f"character {position} of the code text {original[position]!r} -> {char!r}"
    tampering = {"stage": "base45", "change": what, "resigned": False, "original_code": original}
    fails = ("base45", "character outside base45") if foreign else ("signature", "signature")
    description = "A character outside base45 in the text." if foreign else "One base45 character changed."
    return _vector(name, description, code, READ_AT, keys={"patient": info}, given=_small_given(name),
                   fails_at=fails[0], reason=fails[1], tampering=tampering)


def _decodes(text: str) -> bool:
    try:
        b45decode(text[4:])
    except InvalidCode:
        return False
    return True


def _prefix_case(name: str, description: str, prefix: str, fails_at: str, reason: str | None, base=None) -> dict:
    _key_pair, info = _key(name)
    original = base or _small_code(name)
    code = prefix + original[4:]
    tampering = {"stage": "prefix", "change": f"prefix {original[:4]!r} -> {prefix!r}", "resigned": False,
                 "original_code": original}
    return _vector(name, description, code, READ_AT, keys={"patient": info}, given=_small_given(name),
                   fails_at=fails_at, reason=reason, tampering=tampering)


def _cut_case(name: str, description: str, keep, fails_at: str, reason: str) -> dict:
    _key_pair, info = _key(name)
    original = _small_code(name)
    code = keep(original)
    tampering = {"stage": "base45", "change": f"cut to {len(code)} of {len(original)} characters",
                 "resigned": False, "original_code": original}
    return _vector(name, description, code, READ_AT, keys={"patient": info}, given=_small_given(name),
                   fails_at=fails_at, reason=reason, tampering=tampering)


def _cut_whole(code: str) -> str:
    """At least 3 characters fewer, still whole base45 groups: readable base45, a shorter signature."""
    return code[: 4 + (len(code) - 4 - 3) // 3 * 3]


def _cut_odd(code: str) -> str:
    """A length of 3k + 1 characters after the prefix: no base45 text has it."""
    return code[: 4 + (len(code) - 4 - 3) // 3 * 3 + 1]


def _ic2_of_ic1(name: str) -> dict:
    """The small summary written as format 2 (no notes): what a writer of IC2 always may do."""
    key, info = _key(name)
    issued = int(ISSUED.timestamp())
    out = ByteWriter()
    out.raw(bytes([2]) + issued.to_bytes(4, "big"))
    out.uint(int(LIFETIME.total_seconds()))
    out.raw(key.public_bytes)
    raw = ByteWriter()
    body = encode_body(_small_summary(), ISSUED.date().toordinal(), raw)
    out.uint(len(raw.getvalue()))
    out.raw(raw.getvalue())
    out.raw(compress(body))
    code = _signed("IC2:", out.getvalue(), key)
    return _vector(name, "The summary of format-ic1 written as IC2 (no carried notes): the same read result.",
                   code, READ_AT, keys={"patient": info}, given=_small_given(name))


def _note_body_letter(parts: dict) -> tuple[bytes, str, str, bool]:
    """One letter of the note's body (the signer's name) changed and deflated again; both signatures kept."""
    body = parts["body"]
    offset = body.index(b"Mette")
    changed = body[:offset] + b"N" + body[offset + 1 :]
    before = parts["signed"][: len(parts["signed"]) - len(parts["core_signature"]) - len(parts["deflated"])]
    signed = before + compress(changed) + parts["core_signature"]
    return signed, f"body byte {offset} 'M' -> 'N' (the signer's name), then deflated again", "body", False


def _note_deflated_byte(parts: dict) -> tuple[bytes, str, str, bool]:
    """One byte of the note's deflated body changed; both signatures kept."""
    start = len(parts["signed"]) - len(parts["core_signature"]) - len(parts["deflated"])
    offset = len(parts["deflated"]) // 2
    return _flip(parts["signed"], start + offset), f"deflated byte {offset} xor 0x01", "deflated", False


def _raw_signed(name: str) -> dict:
    """A carried note's salt changed in the raw part and the whole code signed again by the patient's key:
    the summary is valid (its signature holds), the carried note no longer verifies."""
    key, _info = _key(name)
    base = _carried(name, "", [(_PHYSIO, _PHYSIO_RECORDS, NOTE_ISSUED)],
                    sections=("findings", "treatments", "plan_goals"), records=[])
    original = base["stages"]["code"]
    parts: dict = {}
    _split(original, parts, check=False)
    raw_start = len(parts["signed"]) - len(parts["deflated"]) - len(parts["raw"])
    salt = 32 + 64  # raw of one carried note: clinic key (32) | its signature (64) | the shown entries' salts
    signed = _flip(parts["signed"], raw_start + salt)
    code = _assemble("IC2:", signed, key.sign(b"IC2:" + signed))
    tampering = {"stage": "raw", "change": f"raw byte {salt} (first byte of the carried note's first salt) xor 0x01",
                 "resigned": True, "original_code": original}
    return _vector(name, "A carried note's salt changed in the raw part, the summary signed again: the summary "
                   "reads as valid, the carried note as not verified.", code, READ_AT, keys=base["keys"],
                   given=base["input"], tampering=tampering)


def _lifetime_too_long(name: str) -> dict:
    lifetime = timedelta(days=30, seconds=1)
    return _small(name, "Signed, but valid for 30 days and a second: no infocards code lives that long.",
                  lifetime=lifetime, fails_at="lifetime", reason="lifetime over 30 days")


def _reference(name: str, description: str, **options) -> dict:
    course = _course()
    return _summary(name, description, course["profile"], course["records"], **options)


def _cases() -> dict:
    second_note = datetime(2026, 11, 25, 11, 0, tzinfo=ISSUED.tzinfo)
    cases = {
        "reference-course": lambda n: _reference(
            n, "The reference course, every section, shown to a physiotherapist.", to_role="physiotherapist"),
        "period": lambda n: _reference(
            n, "The reference course, only what was current from 2026-10-01 to 2026-10-31.",
            period=("2026-10-01", "2026-10-31")),
        "period-open-end": lambda n: _reference(n, "What was current from 2026-10-15 on.",
                                                period=("2026-10-15", None)),
    }
    for section in SECTION_KEYS:
        cases[f"section-{section.replace('_', '-')}"] = (
            lambda n, s=section: _reference(n, f"The reference course, the section {s} alone.", sections=(s,)))
    cases.update({
        "carried-one-note": lambda n: _carried(
            n, "One physiotherapist's note carried; its work entry is withheld (work not shared).",
            [(_PHYSIO, _PHYSIO_RECORDS, NOTE_ISSUED)],
            sections=tuple(k for k in SECTION_KEYS if k != "work")),
        "carried-two-notes": lambda n: _carried(
            n, "Two notes carried, a small course; goal, work and medication entries withheld.",
            [(_PHYSIO, _PHYSIO_RECORDS, NOTE_ISSUED), (_GP, _GP_RECORDS, second_note)],
            sections=("red_flags", "findings", "treatments", "referrals"), records=_course()["records"][:3]),
        "carried-bad-signature": _bad_carried_signature,
        "changed-by-patient": _changed_entry,
        "format-ic1": lambda n: _small(n, "A small summary (red flags, work) in format IC1."),
        "format-ic2-without-notes": _ic2_of_ic1,
        "note-bound": lambda n: _note_case(n, "A note (IN1) bound to one patient.", bound=True),
        "note-unbound": lambda n: _note_case(n, "A note (IN1) for anyone.", bound=False),
        "note-expired": lambda n: _note_case(n, "A note read 8 days after it was issued (7-day lifetime).",
                                             bound=False, read_at=NOTE_ISSUED + timedelta(days=8),
                                             fails_at="expiry"),
        "note-lifetime-too-long": lambda n: _note_case(n, "A note signed for 31 days.", bound=False,
                                                       lifetime=timedelta(days=31), fails_at="lifetime",
                                                       reason="lifetime over 30 days"),
        "note-tampered-core-signature": lambda n: _note_case(
            n, "A note whose clinic signature over the core is changed, the code signed again.", bound=False,
            tamper=_spoil_core, fails_at="core_signature", reason="signature"),
        "note-tampered-body": lambda n: _note_case(
            n, "A note's body byte changed (deflated again), both old signatures kept.", bound=False,
            tamper=_note_body_letter, fails_at="signature", reason="signature"),
        "note-tampered-deflated": lambda n: _note_case(
            n, "A byte of a note's deflated body changed, both old signatures kept.", bound=False,
            tamper=_note_deflated_byte, fails_at="signature", reason="signature"),
        "expired": lambda n: _small(n, "Read two hours after issue (30-minute lifetime).",
                                    read_at=ISSUED + timedelta(hours=2), fails_at="expiry"),
        "expired-at-the-second": lambda n: _small(n, "Read at exactly its expiry time: expired.",
                                                  read_at=ISSUED + LIFETIME, fails_at="expiry"),
        "valid-last-second": lambda n: _small(n, "Read one second before expiry: valid.",
                                              read_at=ISSUED + LIFETIME - timedelta(seconds=1)),
        "issued-in-the-future": lambda n: _small(n, "Read 10 minutes before its issue time.",
                                                 read_at=ISSUED - timedelta(minutes=10), fails_at="clock",
                                                 reason="issued in the future"),
        "issued-within-clock-allowance": lambda n: _small(n, "Read 5 minutes before its issue time: valid.",
                                                          read_at=ISSUED - timedelta(minutes=5)),
        "lifetime-30-days": lambda n: _small(n, "Valid for exactly 30 days: the longest allowed.",
                                             lifetime=timedelta(days=30)),
        "lifetime-too-long": _lifetime_too_long,
        "tampered-body": lambda n: _tampered(n, "A body byte changed (deflated again), the old signature kept.",
                                             _body_letter, "body", "signature", "signature"),
        "tampered-body-signed": lambda n: _tampered(
            n, "A body with an unknown section bit, validly signed: refused when the body is read.",
            _unknown_section, "body", "body", "unknown section", resign=True),
        "tampered-deflated": lambda n: _tampered(n, "A deflated byte changed, the old signature kept.",
                                                 _deflated_byte, "deflated", "signature", "signature"),
        "tampered-deflated-signed": lambda n: _tampered(
            n, "A byte after the end of the DEFLATE stream, validly signed: refused when inflating.",
            _deflated_trailing, "deflated", "decompress", "compressed body", resign=True),
        "tampered-signed-part": lambda n: _tampered(n, "A header byte (the issue time) changed.",
                                                    _header_byte, "signed", "signature", "signature"),
        "tampered-raw-signed": _raw_signed,
        "tampered-signature": _signature_case,
        "tampered-text": lambda n: _text_case(n, foreign=False),
        "text-foreign-character": lambda n: _text_case(n, foreign=True),
        "prefix-unknown-version": lambda n: _prefix_case(n, "IC9: a format this reader does not know.", "IC9:",
                                                         "prefix", None),
        "prefix-foreign": lambda n: _prefix_case(n, "HC1: not an infocards code at all.", "HC1:", "prefix", None),
        "prefix-leading-zero": lambda n: _prefix_case(n, "IC01: a look-alike prefix.", "IC01:", "prefix", "prefix"),
        "prefix-ic2-as-ic1": lambda n: _prefix_case(
            n, "An IC2 code given the prefix IC1: its version byte says 2.", "IC1:", "header", "too short",
            base=_ic2_of_ic1(n)["stages"]["code"]),
        "cut-short": lambda n: _cut_case(n, "Cut short, after a whole group of three characters.", _cut_whole,
                                         "signature", "signature"),
        "cut-short-odd": lambda n: _cut_case(n, "Cut short to a base45 length no text has.",
                                             _cut_odd, "base45", "base45 length"),
        "cut-to-header": lambda n: _cut_case(n, "Cut to 57 characters of base45 (38 bytes): shorter than any code.",
                                             lambda c: c[: 4 + 57], "header", "too short"),
    })
    cases.update(link_cases())  # the same codes spelled as links (FORMAT.md §7)
    cases.update(name_cases())
    return cases


def build_all() -> dict[str, dict]:
    return {f"{name}.json": build(name) for name, build in _cases().items()}


def dumps(vector: dict) -> str:
    return json.dumps(vector, ensure_ascii=False, indent=1) + "\n"


def write_all(folder: Path = VECTOR_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, vector in build_all().items():
        path = folder / name
        path.write_text(dumps(vector), encoding="utf-8")
        written.append(path)
    return written
