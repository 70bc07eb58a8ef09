"""The vectors of the name rule (docs/FORMAT.md §5.3) and of what a reader says about a carried
note: bound or not, entries withheld (issue 17, items 1, 2, 3, 11).

A writer never makes a code that breaks the name rule, so these codes are signed here by hand
with the functions below the writer's checks (encode_body, note_code_text).
"""

from __future__ import annotations

from dataclasses import replace

from infocards.codes.binary import ByteWriter
from infocards.codes.note_code import Note, NoteCore, Signer, note_code_text
from infocards.codes.packing import compress
from infocards.codes.summary_code import encode_body, make_code
from infocards.share.carry import WalletNote, select_notes
from infocards.share.summary import build_summary
from tests.codes.vectors import (
    _PHYSIO,
    _PHYSIO_RECORDS,
    ISSUED,
    LIFETIME,
    NOTE_ISSUED,
    READ_AT,
    _binding_for,
    _course,
    _key,
    _note,
    _signed,
    _vector,
)

__all__ = ["name_cases"]

_SECTIONS = ("red_flags", "work")
# What a signer could write to claim a list's words on a screen that joins fields with " · ".
_CLAIM = "Mette Hansen · nøglen står på listen fra Nationale kort"


def _given(profile: dict, sections=_SECTIONS, notes=None) -> dict:
    given = {"profile": profile, "records": _course()["records"] if notes is None else [],
             "sections": list(sections), "to_role": None, "period": [None, None], "issued_at": ISSUED.isoformat(),
             "lifetime_seconds": int(LIFETIME.total_seconds())}
    if notes is not None:
        given["notes"] = notes
    return given


def _bad_name(case: str, description: str, patient_name: str) -> dict:
    """A summary (IC1) whose patient name breaks the rule, validly signed: refused once its body is read."""
    key, info = _key(case)
    course = _course()
    profile = {**course["profile"], "name": patient_name}
    summary = replace(build_summary(course["profile"], course["records"], _SECTIONS), name=patient_name)
    out = ByteWriter()
    out.raw(bytes([1]) + int(ISSUED.timestamp()).to_bytes(4, "big"))
    out.uint(int(LIFETIME.total_seconds()))
    out.raw(key.public_bytes)
    out.raw(compress(encode_body(summary, ISSUED.date().toordinal())))
    code = _signed("IC1:", out.getvalue(), key)
    return _vector(case, description, code, READ_AT, keys={"patient": info}, given=_given(profile),
                   fails_at="names", reason="patient name")


def _badly_signed(case: str, number: int, signer: tuple[str, str, str], binding) -> tuple:
    """A note signed by a clinic key for a signer's name or place that make_note refuses."""
    key, info, good, about = _note(case, number, _PHYSIO, _PHYSIO_RECORDS, NOTE_ISSUED, binding)
    core = NoteCore(Signer(*signer, key.public_bytes), good.core.issued, good.core.lifetime, binding,
                    good.core.digests)
    note = Note(core, key.sign(core.signed_bytes()), good.records, good.salts)
    about.update(signer=dict(zip(("name", "role", "place"), signer, strict=True)),
                 core_hex=core.signed_bytes().hex(), core_signature_hex=note.signature.hex())
    return key, info, note, about


def _note_signer(case: str) -> dict:
    """An IN1 note whose signer's name holds the screens' separator: invalid, `signer name`."""
    key, info, note, about = _badly_signed(case, 1, (_CLAIM, "physiotherapist", "FysioMidt"), None)
    code = note_code_text(note, key)
    return _vector(case, "A note (IN1) whose signer's name holds ' · ' and a list's words: refused.", code,
                   NOTE_ISSUED.replace(minute=40),
                   keys={"clinic-1": info}, given={"note": about, "binding": None}, fails_at="names",
                   reason="signer name")


def _note_patient(case: str) -> dict:
    """An IN1 note bound to a patient whose name holds a zero-width space: invalid, `patient name`."""
    course = _course()
    profile = {**course["profile"], "name": course["profile"]["name"] + "\u200b"}
    binding = _binding_for(case + "/patient", profile)
    key, info, good, about = _note(case, 1, _PHYSIO, _PHYSIO_RECORDS, NOTE_ISSUED, _binding_for(case + "/patient",
                                                                                              course["profile"]))
    core = replace(good.core, binding=binding)
    note = Note(core, key.sign(core.signed_bytes()), good.records, good.salts)
    about.update(core_hex=core.signed_bytes().hex(), core_signature_hex=note.signature.hex())
    given = {"note": about, "binding": {"name": binding.name, "birth_date": binding.birth_date,
                                        "patient_key": "patient", "key_fingerprint_hex": binding.key_fingerprint.hex()}}
    return _vector(case, "A note (IN1) bound to a name holding a zero-width space: refused.",
                   note_code_text(note, key), NOTE_ISSUED.replace(minute=40),
                   keys={"clinic-1": info, "patient": _key(case + "/patient")[1]}, given=given,
                   fails_at="names", reason="patient name")


def _carried(case: str, description: str, signer=_PHYSIO, bound: bool = True,
             sections=("findings", "treatments", "plan_goals")) -> dict:
    """A summary (IC2) carrying one note, as a wallet would carry it (possibly a note it should not hold)."""
    course = _course()
    profile = course["profile"]
    patient, info = _key(case)
    binding = _binding_for(case, profile) if bound else None
    if signer == _PHYSIO:
        _k, clinic, note, about = _note(case, 1, signer, _PHYSIO_RECORDS, NOTE_ISSUED, binding)
    else:
        _k, clinic, note, about = _badly_signed(case, 1, signer, binding)
    held = WalletNote(note.core, note.signature, dict(enumerate(zip(note.salts, note.records, strict=True))))
    summary = build_summary(profile, [], sections)
    summary = replace(summary, notes=select_notes([held], sections, (None, None)))
    code = make_code(summary, patient, ISSUED, ISSUED + LIFETIME)
    return _vector(case, description, code, READ_AT, keys={"patient": info, "clinic-1": clinic},
                   given=_given(profile, sections, notes=[about]))


def name_cases() -> dict:
    return {
        "name-line-break": lambda n: _bad_name(
            n, "A patient name holding a line break and a fake key line: refused.",
            "Anna Jensen\nNøgle: AAAA-AAAA-AAAA-AAAA"),
        "name-zero-width": lambda n: _bad_name(n, "A patient name ending in a zero-width space (U+200B): refused.",
                                               "Anna Jensen\u200b"),
        "name-bidi-override": lambda n: _bad_name(n, "A patient name holding a right-to-left override: refused.",
                                                  "Anna \u202enesneJ"),
        "name-two-spaces": lambda n: _bad_name(n, "A patient name with two spaces in a row: refused.",
                                               "Anna  Jensen"),
        "name-too-long": lambda n: _bad_name(n, "A patient name of 101 characters: refused.", "A" * 101),
        "note-signer-name-separator": _note_signer,
        "note-binding-name-zero-width": _note_patient,
        "carried-signer-name-separator": lambda n: _carried(
            n, "A carried note whose signer's name holds ' · ' and a list's words: the summary reads, the note "
            "is not verified (reason `signer name`).", signer=(_CLAIM, "physiotherapist", "FysioMidt")),
        "carried-note-unbound": lambda n: _carried(
            n, "A carried note written for anyone: verified, but `bound` false (not written for this patient).",
            bound=False),
        "carried-withheld": lambda n: _carried(
            n, "A carried note of four entries, one shared (findings): `withheld` 3.", sections=("findings",)),
    }
