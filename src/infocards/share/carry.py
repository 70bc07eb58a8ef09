"""Professionals' notes inside the patient's summary: which entries travel, and how they are written.

A received entry keeps in the wallet what is needed to carry it on (records.py: `signer` and
`proof`: the note's signed core, the clinic key's signature, the entry's index and salt). When
the patient shares, each note whose entries fall in the shared sections and period travels as
one unit: its signer, times, the clinic key's signature, the shared entries with their salts,
and only the 16-byte digests of the entries withheld. The reader recomputes every digest and
checks the one signature, without having to trust the patient.

An entry that no longer matches its digest (the patient edited it) is the patient's from then
on: it travels as a patient entry marked "changed by the patient", never as signed.

In the summary (format 2) a carried note is, in the body (compressed):

    issued | lifetime | signer name | signer role | signer place | bound (0/1)
    | entries (n) | shared (d) | d x (index, record)

and in the raw part (uncompressed): public key (32) | signature (64) | d salts | (n - d) digests.
A bound note's patient is not repeated: the reader takes the summary's own name, birth date and
key, so a note moved into another patient's summary no longer verifies.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from infocards import vocab
from infocards.errors import InvalidCode
from infocards.share.binary import BodyReader, BodyWriter, ByteReader, ByteWriter
from infocards.share.note import Binding, Note, NoteCore, Signer, parse_core
from infocards.share.record_codec import (
    DIGEST_BYTES,
    SALT_BYTES,
    entry_digest,
    read_record,
    signed_content,
    write_record,
)
from infocards.share.signing import PUBLIC_KEY_SIZE, SIGNATURE_SIZE

__all__ = [
    "CarriedNote",
    "WalletNote",
    "read_notes",
    "record_section",
    "record_standing",
    "select_notes",
    "split_records",
    "stored_records",
    "write_notes",
]


@dataclass(frozen=True)
class CarriedNote:
    """A note as a summary carries it: a subset of its entries, and whether its signature checks."""

    core: NoteCore
    signature: bytes
    shared: tuple[tuple[int, bytes, dict], ...]  # (index in the note, salt, record)
    verified: bool = True

    @property
    def signer(self) -> Signer:
        return self.core.signer

    @property
    def withheld(self) -> int:
        return len(self.core.digests) - len(self.shared)

    def records(self) -> list[dict]:
        return [record for _, _, record in self.shared]


@dataclass(frozen=True)
class WalletNote:
    """A note as the wallet holds it: every entry still kept and unchanged, by index."""

    core: NoteCore
    signature: bytes
    entries: dict[int, tuple[bytes, dict]]  # index -> (salt, record content)


def record_section(record: Mapping) -> str:
    """The shared section a note's record belongs to (the patient shares it with that section)."""
    rtype = record["type"]
    if rtype == "finding":
        return {"red_flag_screening": "red_flags", "imaging": "imaging"}.get(record["kind"], "findings")
    return {
        "encounter": "plan_goals",
        "goal": "plan_goals",
        "treatment": "treatments",
        "medication": "medication",
        "referral": "referrals",
        "work": "work",
    }[rtype]


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


def record_standing(records: Iterable[Mapping], profile: Mapping, patient_key: bytes) -> dict[str, Signer | None]:
    """For each received entry's id: the Signer of the note, taken from the signed core, while
    the professional's signature still holds the entry; None once the patient has edited it (it
    is then the patient's, as split_records says). The record's own `signer` field is not signed
    and is never what is shown."""
    records = list(records)
    own, _notes = split_records(records, profile, patient_key)
    changed = {record.get("id") for record in own if record.get("changed")}
    standing: dict[str, Signer | None] = {}
    for record in records:
        if not isinstance(record.get("proof"), Mapping) or "id" not in record:
            continue
        signer = None
        if record["id"] not in changed:
            signer = parse_core(_unb64(record["proof"].get("core"))).signer  # checked by split_records
        standing[str(record["id"])] = signer
    return standing


def _in_period(record: Mapping, period: tuple[str | None, str | None]) -> bool:
    start, end = period
    return (start is None or record["date"] >= start) and (end is None or record["date"] <= end)


def select_notes(
    notes: Iterable[WalletNote], sections: Iterable[str], period: tuple[str | None, str | None]
) -> tuple[CarriedNote, ...]:
    """Each note with the entries the patient shares (none shared: the note stays home), oldest first."""
    chosen = set(sections)
    carried = []
    for note in notes:
        shared = tuple(
            (index, salt, record)
            for index, (salt, record) in sorted(note.entries.items())
            if record_section(record) in chosen and _in_period(record, period)
        )
        if shared:
            carried.append(CarriedNote(note.core, note.signature, shared))
    carried.sort(key=lambda n: (n.core.issued, n.signature))
    return tuple(carried)


def write_notes(body: BodyWriter, raw: ByteWriter, notes: Iterable[CarriedNote]) -> None:
    notes = tuple(notes)
    body.uint(len(notes))
    for note in notes:
        core = note.core
        body.uint(core.issued)
        body.uint(core.lifetime)
        body.text(core.signer.name)
        body.uint(vocab.ROLES.index(core.signer.role))
        body.text(core.signer.place)
        body.uint(0 if core.binding is None else 1)
        body.uint(len(core.digests))
        body.uint(len(note.shared))
        raw.raw(core.signer.public_key + note.signature)
        shown = set()
        for index, salt, record in note.shared:
            body.uint(index)
            write_record(body, record)
            raw.raw(salt)
            shown.add(index)
        for index, digest in enumerate(core.digests):
            if index not in shown:
                raw.raw(digest)


def read_notes(body: BodyReader, raw: ByteReader, binding: Binding, limit: int) -> tuple[CarriedNote, ...]:
    """What write_notes wrote; each note's signature checked (`verified`), never trusted."""
    notes = []
    count = body.uint()
    if count > limit:
        raise InvalidCode(reason="note count")
    for _ in range(count):
        issued, lifetime = body.uint(), body.uint()
        name = body.text()
        role = body.uint()
        if role >= len(vocab.ROLES):
            raise InvalidCode(reason="vocabulary index")
        place = body.text()
        bound = body.uint()
        total, shown = body.uint(), body.uint()
        if not 0 < shown <= total <= limit or bound > 1:
            raise InvalidCode(reason="entry count")
        public_key, signature = raw.raw(PUBLIC_KEY_SIZE), raw.raw(SIGNATURE_SIZE)
        shared = []
        for _ in range(shown):
            index = body.uint()
            if index >= total or (shared and index <= shared[-1][0]):
                raise InvalidCode(reason="entry index")
            shared.append((index, raw.raw(SALT_BYTES), read_record(body)))
        digests: list[bytes] = []
        by_index = {index: (salt, record) for index, salt, record in shared}
        for index in range(total):
            if index in by_index:
                digests.append(entry_digest(*by_index[index]))
            else:
                digests.append(raw.raw(DIGEST_BYTES))
        signer = Signer(name, vocab.ROLES[role], place, public_key)
        core = NoteCore(signer, issued, lifetime, binding if bound else None, tuple(digests))
        notes.append(CarriedNote(core, signature, tuple(shared), verified=core.verifies(signature)))
    return tuple(notes)
