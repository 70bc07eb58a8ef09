"""Professionals' notes inside the patient's summary: which entries travel, and how they are written.

A received entry keeps in the wallet what is needed to carry it on (records.py: `signer` and
`proof`: the note's signed core, the clinic key's signature, the entry's index and salt). When
the patient shares, each note whose entries fall in the shared sections and period travels as
one unit: its signer, times, the clinic key's signature, the shared entries with their salts,
and only the 16-byte digests of the entries withheld. The reader recomputes every digest and
checks the one signature, without having to trust the patient.

An entry that no longer matches its digest (the patient edited it) is the patient's from then
on: it travels as a patient entry marked "changed by the patient", never as signed.

The bytes of a carried note are infocards.codes.carried's (docs/FORMAT.md).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from infocards.codes.carried import CarriedNote
from infocards.codes.note_code import Binding, Note, NoteCore, Signer, parse_core
from infocards.codes.payload import record_section
from infocards.codes.record_codec import SALT_BYTES, entry_digest, signed_content
from infocards.errors import InvalidCode
from infocards.share.summary import current_in_period

__all__ = [
    "WalletNote",
    "edited_entries",
    "record_standing",
    "select_notes",
    "split_records",
    "standing_and_edits",
    "stored_records",
    "unbound_entries",
]


@dataclass(frozen=True)
class WalletNote:
    """A note as the wallet holds it: every entry still kept and unchanged, by index."""

    core: NoteCore
    signature: bytes
    entries: dict[int, tuple[bytes, dict]]  # index -> (salt, record content)


def stored_records(note: Note, id_of) -> list[dict]:
    """The wallet records for a received note: source professional, signer, proof; ids from id_of(index)."""
    signer = {**note.signer.to_json()}
    core = base64.b64encode(note.core.signed_bytes()).decode("ascii")
    signature = base64.b64encode(note.signature).decode("ascii")
    return [
        {
            **record,
            "id": id_of(index),
            "source": "professional",
            "signer": signer,
            "proof": {
                "core": core,
                "signature": signature,
                "index": index,
                "salt": base64.b64encode(salt).decode("ascii"),
            },
        }
        for index, (record, salt) in enumerate(zip(note.records, note.salts, strict=True))
    ]


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError("not base64 text") from None


def split_records(
    records: Iterable[Mapping], profile: Mapping, patient_key: bytes
) -> tuple[list[dict], list[WalletNote]]:
    """The records the patient reports, and the notes whose entries still verify.

    A received entry whose content, signature or patient no longer matches goes with the
    patient's records, as source "patient" and `changed` (shown "changed by the patient").
    """
    own: list[dict] = []
    notes: dict[bytes, WalletNote] = {}
    expected = Binding.of(str(profile.get("name") or ""), profile.get("birth_date") or None, patient_key)
    for record in records:
        proof = record.get("proof")
        if not isinstance(proof, Mapping):
            own.append(dict(record))
            continue
        content = signed_content(record)
        try:
            core_bytes = _unb64(proof.get("core"))
            core = parse_core(core_bytes)
            signature, salt, index = _unb64(proof.get("signature")), _unb64(proof.get("salt")), proof.get("index")
            good = (
                type(index) is int
                and 0 <= index < len(core.digests)
                and len(salt) == SALT_BYTES
                and (core.binding is None or core.binding == expected)
                and entry_digest(salt, content) == core.digests[index]
            )
        except (ValueError, InvalidCode, KeyError):
            good = False
        if good and core_bytes not in notes:
            good = core.verifies(signature)
            if good:
                notes[core_bytes] = WalletNote(core, signature, {})
        elif good:
            good = notes[core_bytes].signature == signature
        if good:
            notes[core_bytes].entries[index] = (salt, content)
        else:
            changed = {k: v for k, v in record.items() if k not in ("signer", "proof")}
            own.append({**changed, "source": "patient", "changed": True})
    return own, list(notes.values())


def standing_and_edits(
    records: Iterable[Mapping], profile: Mapping, patient_key: bytes
) -> tuple[dict[str, Signer | None], dict[str, Signer | None]]:
    """Both record_standing and edited_entries from one check of the signatures (the timeline
    needs both at every drawing)."""
    records = list(records)
    own, _notes = split_records(records, profile, patient_key)
    changed = {record.get("id") for record in own if record.get("changed")}
    standing: dict[str, Signer | None] = {}
    edited: dict[str, Signer | None] = {}
    for record in records:
        proof = record.get("proof")
        if not isinstance(proof, Mapping) or "id" not in record:
            continue
        key = str(record["id"])
        if record["id"] not in changed:
            standing[key] = parse_core(_unb64(proof.get("core"))).signer  # checked by split_records
            continue
        standing[key] = None
        try:
            core = parse_core(_unb64(proof.get("core")))
            edited[key] = core.signer if core.verifies(_unb64(proof.get("signature"))) else None
        except (ValueError, InvalidCode):
            edited[key] = None
    return standing, edited


def edited_entries(records: Iterable[Mapping], profile: Mapping, patient_key: bytes) -> dict[str, Signer | None]:
    """For each received entry the patient has changed, by id: who wrote it before the change,
    as the note's signed core says when that core's signature still holds (None if not). The
    entry itself now travels as the patient's, marked changed (split_records)."""
    return standing_and_edits(records, profile, patient_key)[1]


def record_standing(records: Iterable[Mapping], profile: Mapping, patient_key: bytes) -> dict[str, Signer | None]:
    """For each received entry's id: the Signer of the note, taken from the signed core, while
    the professional's signature still holds the entry; None once the patient has edited it (it
    is then the patient's, as split_records says). The record's own `signer` field is not signed
    and is never what is shown."""
    return standing_and_edits(records, profile, patient_key)[0]


def unbound_entries(records: Iterable[Mapping]) -> frozenset[str]:
    """The ids of received entries whose signed note names no patient (made with --unbound, or
    "note for anyone"): shown so wherever the wallet lists them."""
    out = set()
    for record in records:
        proof = record.get("proof")
        if isinstance(proof, Mapping) and "id" in record:
            try:
                if parse_core(_unb64(proof.get("core"))).binding is None:
                    out.add(str(record["id"]))
            except (ValueError, InvalidCode):
                continue  # not a note's entry any more: split_records makes it the patient's
    return frozenset(out)


def select_notes(
    notes: Iterable[WalletNote],
    sections: Iterable[str],
    period: tuple[str | None, str | None],
    alongside: Iterable[Mapping] = (),
) -> tuple[CarriedNote, ...]:
    """Each note with the entries the patient shares (none shared: the note stays home), oldest first.

    The period rule runs over the notes' entries and the patient's own records (`alongside`)
    together, so one work status, not one from each side, is the one in force when it began."""
    chosen = set(sections)
    notes = list(notes)
    entries = [record for note in notes for _, record in note.entries.values()]
    current = {id(r) for r in current_in_period([*alongside, *entries], period)}
    carried = []
    for note in notes:
        shared = tuple(
            (index, salt, record)
            for index, (salt, record) in sorted(note.entries.items())
            if record_section(record) in chosen and id(record) in current
        )
        if shared:
            carried.append(CarriedNote(note.core, note.signature, shared))
    carried.sort(key=lambda n: (n.core.issued, n.signature))
    return tuple(carried)


