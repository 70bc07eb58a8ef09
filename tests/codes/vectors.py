"""The public test vectors of docs/format/vectors/: every case built deterministically, in memory.

Keys, salts and clocks are fixed: an Ed25519 seed is SHA-256("infocards test vector " + name),
a salt the first 16 bytes of SHA-256("infocards test vector salt " + name), where `name` is the
case's name (plus "/clinic-1", "/note-1/entry-0" and so on). This module holds the builders;
tests/codes/vector_cases.py the cases, scripts/make-vectors.py writes them, and
tests/codes/test_vectors.py checks that the files still equal what the code makes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from infocards.codes.base45 import b45encode
from infocards.codes.note_code import Binding, Note, make_note, make_note_code
from infocards.codes.record_codec import canonical_bytes, entry_digest, normalise_note_record
from infocards.codes.signing import SigningKey, fingerprint
from infocards.codes.summary_code import make_code
from infocards.share.carry import WalletNote, select_notes, stored_records
from infocards.share.issue import issue_from_records
from infocards.share.summary import build_summary
from tests.codes.vector_stages import _split, expected_read, failing_stage, stages

__all__ = ["ISSUED", "LIFETIME", "READ_AT", "ROOT", "VECTOR_DIR", "salt_of", "seed_of"]

ROOT = Path(__file__).resolve().parents[2]
VECTOR_DIR = ROOT / "docs" / "format" / "vectors"
COURSE = ROOT / "tests" / "fixtures" / "wallets" / "reference-course.json"
ISSUED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
READ_AT = ISSUED + timedelta(minutes=10)
LIFETIME = timedelta(minutes=30)
NOTE_ISSUED = datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
_EXIT = {"valid": 0, "expired": 3, "invalid": 4, "not_infocards": 5}


def seed_of(name: str) -> bytes:
    return hashlib.sha256(("infocards test vector " + name).encode("utf-8")).digest()


def salt_of(name: str) -> bytes:
    return hashlib.sha256(("infocards test vector salt " + name).encode("utf-8")).digest()[:16]


def _key(name: str) -> tuple[SigningKey, dict]:
    key = SigningKey(seed_of(name))
    return key, {
        "seed_text": "infocards test vector " + name,
        "seed_hex": seed_of(name).hex(),
        "public_key_hex": key.public_bytes.hex(),
        "fingerprint": fingerprint(key.public_bytes),
    }


def _course() -> dict:
    return json.loads(COURSE.read_text(encoding="utf-8"))


def _vector(name: str, description: str, code: str, read_at: datetime, *, keys: dict, given: dict,
            fails_at: str | None = None, reason: str | None = None, tampering: dict | None = None) -> dict:
    """One vector: what went in, every stage of the code, and what a reader must make of it."""
    stage, found_reason = failing_stage(code, read_at)
    if (stage, found_reason) != (fails_at, reason):
        raise AssertionError(f"{name}: fails at {stage} ({found_reason}), not {fails_at} ({reason})")
    read = expected_read(code, read_at)
    vector = {
        "name": name,
        "description": description,
        "clock": read_at.isoformat(),
        "keys": keys,
        "input": given,
        "stages": stages(code),
        "expected": {
            "status": read["status"],
            "exit_code": _EXIT[read["status"]],
            "fails_at": fails_at,
            "reason": reason,
            "read": read,
        },
    }
    if tampering is not None:
        vector["tampering"] = tampering
    return vector


def _summary(name: str, description: str, profile: dict, records: list, *, sections=None, to_role=None,
             period=(None, None), lifetime=LIFETIME, read_at=READ_AT, keys=None, notes=(), **expect) -> dict:
    from infocards.codes.sections import SECTION_KEYS

    _key_pair, info = _key(name)
    sections = tuple(sections or SECTION_KEYS)
    share = issue_from_records(profile, records, seed_of(name), sections, to_role=to_role, lifetime=lifetime,
                               period=period, now=ISSUED)
    given = {
        "profile": profile,
        "records": records,
        "sections": list(sections),
        "to_role": to_role,
        "period": list(period),
        "issued_at": ISSUED.isoformat(),
        "lifetime_seconds": int(lifetime.total_seconds()),
    }
    if notes:
        given["notes"] = list(notes)
    return _vector(name, description, share.text, read_at, keys={"patient": info, **(keys or {})}, given=given,
                   **expect)


# -- professionals' notes ------------------------------------------------------------------------

_PHYSIO = ("Mette Hansen", "physiotherapist", "FysioMidt")
_GP = ("Dr. Hansen", "gp", "Lægehuset Algade")
_PHYSIO_RECORDS = [
    {"type": "finding", "date": "2026-11-20", "role": "physiotherapist", "kind": "examination",
     "text": "Straight leg raise negative on both sides. Reflexes normal."},
    {"type": "treatment", "date": "2026-11-20", "role": "physiotherapist", "what": "Graded activity, twice a week",
     "effect": "some"},
    {"type": "goal", "date": "2026-11-20", "text": "Cycle 20 minutes to work.", "status": "active"},
    {"type": "work", "date": "2026-11-20", "status": "partial_sick_leave", "hours_per_week": 10, "note": ""},
]
_GP_RECORDS = [
    {"type": "referral", "date": "2026-11-25", "from_role": "gp", "to_role": "municipal_physiotherapist",
     "reason": "Continue rehabilitation", "status": "sent"},
    {"type": "medication", "date": "2026-11-25", "name": "Paracetamol", "dose": "1 g up to 3 times a day",
     "effect": "some"},
]


def _note(case: str, number: int, signer, records, issued: datetime, binding: Binding | None,
          lifetime: timedelta = timedelta(days=7)):
    """A professional's note with fixed key and salts, and its description for the vector."""
    clinic = f"{case}/clinic-{number}"
    key, info = _key(clinic)
    clean = [normalise_note_record(record, position) for position, record in enumerate(records, start=1)]
    salts = [salt_of(f"{case}/note-{number}/entry-{index}") for index in range(len(clean))]
    note = make_note(key, signer, clean, issued, lifetime, binding, salts=salts)
    described = {
        "clinic_key": f"clinic-{number}",
        "signer": {"name": signer[0], "role": signer[1], "place": signer[2]},
        "issued_at": issued.isoformat(),
        "lifetime_seconds": int(lifetime.total_seconds()),
        "bound": binding is not None,
        "records": clean,
        "salts_hex": [salt.hex() for salt in salts],
        "canonical_hex": [canonical_bytes(record).hex() for record in clean],
        "digests_hex": [entry_digest(salt, record).hex() for salt, record in zip(salts, clean, strict=True)],
        "core_hex": note.core.signed_bytes().hex(),
        "core_signature_hex": note.signature.hex(),
    }
    return key, info, note, described


def _received(note, number: int) -> list[dict]:
    return stored_records(note, lambda index: f"p{number}-{index}")


def _binding_for(case: str, profile: dict) -> Binding:
    return Binding.of(profile["name"], profile["birth_date"], SigningKey(seed_of(case)).public_bytes)


def _carried(name: str, description: str, notes: list[tuple], sections, records=None) -> dict:
    course = _course()
    profile = course["profile"]
    keys, described, received = {}, [], []
    for number, (signer, note_records, issued) in enumerate(notes, start=1):
        _clinic_key, info, note, about = _note(name, number, signer, note_records, issued, _binding_for(name, profile))
        keys[f"clinic-{number}"] = info
        described.append(about)
        received += _received(note, number)
    own = course["records"] if records is None else records
    return _summary(name, description, profile, own + received, sections=sections, keys=keys, notes=described)


def _flip(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1 :]


def _assemble(prefix: str, signed: bytes, signature: bytes) -> str:
    return prefix + b45encode(signed + signature)


def _signed(prefix: str, signed: bytes, key: SigningKey) -> str:
    return _assemble(prefix, signed, key.sign(prefix.encode("ascii") + signed))


def _note_case(name: str, description: str, bound: bool, read_at=None, lifetime=timedelta(days=7),
               fails_at=None, reason=None, tamper=None) -> dict:
    """An IN1 note; `tamper(parts) -> (signed, change, stage, resign)` changes one thing of its code."""
    course = _course()
    binding = _binding_for(name + "/patient", course["profile"]) if bound else None
    key, info, note, about = _note(name, 1, _PHYSIO, _PHYSIO_RECORDS, NOTE_ISSUED, binding,
                                   lifetime=min(lifetime, timedelta(days=30)))
    if lifetime > timedelta(days=30):  # make_note refuses this; a made-up note signs it anyway
        core = replace(note.core, lifetime=int(lifetime.total_seconds()))
        note = Note(core, key.sign(core.signed_bytes()), note.records, note.salts)
        about.update(lifetime_seconds=core.lifetime, core_hex=core.signed_bytes().hex(),
                     core_signature_hex=note.signature.hex())
    code = make_note_code(note, key)
    keys = {"clinic-1": info}
    if bound:
        keys["patient"] = _key(name + "/patient")[1]
    tampering = None
    if tamper is not None:
        parts: dict = {}
        _split(code, parts, check=False)
        signed, change, stage, resign = tamper(parts)
        signature = key.sign(b"IN1:" + signed) if resign else parts["signature"]
        original, code = code, _assemble("IN1:", signed, signature)
        tampering = {"stage": stage, "change": change, "resigned": resign, "original_code": original}
    given = {"note": about, "binding": None if binding is None else {
        "name": binding.name, "birth_date": binding.birth_date, "patient_key": "patient",
        "key_fingerprint_hex": binding.key_fingerprint.hex()}}
    read_at = read_at or NOTE_ISSUED + timedelta(minutes=10)
    return _vector(name, description, code, read_at, keys=keys, given=given, fails_at=fails_at, reason=reason,
                   tampering=tampering)


def _spoil_core(parts: dict) -> tuple[bytes, str, str, bool]:
    """The clinic's signature over the core changed; the code signed again (so only the core check fails)."""
    offset = len(parts["signed"]) - 64
    return _flip(parts["signed"], offset), "core signature byte 0 xor 0x01", "core_signature", True


def _bad_carried_signature(name: str) -> dict:
    """A carried note whose clinic signature does not check: the summary is valid, the note is not."""
    course = _course()
    profile = course["profile"]
    patient, info = _key(name)
    _k, clinic, note, about = _note(name, 1, _PHYSIO, _PHYSIO_RECORDS, NOTE_ISSUED, _binding_for(name, profile))
    spoiled = bytes([note.signature[0] ^ 1]) + note.signature[1:]
    pairs = zip(note.salts, note.records, strict=True)
    held = WalletNote(note.core, spoiled, dict(enumerate(pairs)))
    sections = ("findings", "treatments")
    summary = build_summary(profile, [], sections)
    summary = replace(summary, notes=select_notes([held], sections, (None, None)))
    code = make_code(summary, patient, ISSUED, ISSUED + LIFETIME)
    about["core_signature_hex"] = spoiled.hex()
    given = {"profile": profile, "records": [], "sections": list(sections), "to_role": None, "period": [None, None],
             "issued_at": ISSUED.isoformat(), "lifetime_seconds": int(LIFETIME.total_seconds()), "notes": [about]}
    tampering = {"stage": "carried note", "change": "the clinic's signature byte 0 xor 0x01 before carrying",
                 "resigned": True, "original_code": None}
    return _vector(name, "A carried note whose clinic signature fails: the summary reads, the note is marked.",
                   code, READ_AT, keys={"patient": info, "clinic-1": clinic}, given=given, tampering=tampering)


def _changed_entry(name: str) -> dict:
    """A professional's entry the patient edited travels as the patient's, marked changed (IC2)."""
    course = _course()
    profile = course["profile"]
    _k, clinic, note, about = _note(name, 1, _PHYSIO, _PHYSIO_RECORDS[1:2], NOTE_ISSUED,
                                    _binding_for(name, profile))
    edited = [dict(record, what="Graded activity, once a week") for record in _received(note, 1)]
    return _summary(name, "A signed treatment the patient edited: shared as the patient's, marked changed.",
                    profile, edited, sections=("treatments",), keys={"clinic-1": clinic}, notes=[about])
