"""Helpers for the hand-back tests: a clinic key, a professional's records, a signed note."""

import os
from datetime import UTC, datetime, timedelta

from infocards.codes.note_code import Binding, make_note, make_note_code
from infocards.codes.record_codec import normalise_note_record
from infocards.codes.signing import SigningKey

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
SIGNER = ("Mette Hansen", "physiotherapist", "Middelfart Fysioterapi")

NOTE_RECORDS = [
    {
        "type": "finding",
        "date": "2026-11-20",
        "role": "physiotherapist",
        "kind": "examination",
        "text": "SLR negative both sides, strength normal, directional preference extension",
    },
    {
        "type": "treatment",
        "date": "2026-11-20",
        "role": "physiotherapist",
        "what": "Supervised exercise twice a week, 6 weeks",
        "effect": "unknown",
    },
    {
        "type": "encounter",
        "date": "2026-11-20",
        "role": "physiotherapist",
        "place": "Middelfart Fysioterapi",
        "summary": "Plan: continue exercise, follow-up in 4 weeks",
    },
]


def clinic_key() -> SigningKey:
    return SigningKey(os.urandom(32))


def records(items=NOTE_RECORDS) -> list[dict]:
    return [normalise_note_record(r, i) for i, r in enumerate(items, start=1)]


def note_for(profile, patient_seed, key=None, items=NOTE_RECORDS, now=NOW, lifetime=timedelta(days=7), bound=True):
    """(note, code text): a note by `key` for the patient of `profile` and the device `patient_seed`."""
    key = key or clinic_key()
    binding = None
    if bound:
        binding = Binding.of(profile["name"], profile.get("birth_date"), SigningKey(patient_seed).public_bytes)
    note = make_note(key, SIGNER, records(items), now, lifetime, binding)
    return note, make_note_code(note, key)
