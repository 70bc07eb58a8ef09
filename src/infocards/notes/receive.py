"""The patient receives a professional's note: check it, check it is theirs, save its entries.

Used by `infocards wallet receive` and the wallet's "scan a note" screen, through the wallet's
public API only (profile, signing_seed, records, put_many). Nothing is written unless every
check passes; the entries' ids come from the note's signature, so receiving a note twice adds
nothing the second time (and never undoes the patient's own later edit of an entry).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from infocards.codes.note_code import Binding, Note, Signer
from infocards.codes.signing import SigningKey
from infocards.errors import CodeExpired, InvalidCode, NoteForAnotherPatient, NotInfocardsCode
from infocards.reader.read import ReadResult
from infocards.share.carry import record_standing, standing_and_edits, stored_records

if TYPE_CHECKING:
    from infocards.wallet import Wallet

__all__ = [
    "ReceivedNote",
    "checked_note",
    "entry_ids",
    "is_for_patient",
    "receive_note",
    "received_standing",
    "wallet_standing",
]


@dataclass(frozen=True)
class ReceivedNote:
    """What receiving saved: every entry's id, and which of them were new."""

    note: Note
    ids: tuple[str, ...]
    new_ids: tuple[str, ...]

    @property
    def already_saved(self) -> bool:
        """The note was received before: nothing in it was new."""
        return not self.new_ids

    @property
    def message_key(self) -> str:
        """The catalog key of what receiving did ("receive.done" or "receive.already"); the
        CLI and the app say it alike, with `new` and `count`."""
        return "receive.already" if self.already_saved else "receive.done"


def entry_ids(note: Note) -> list[str]:
    """Stable ids of a note's entries: from the clinic key's signature and the entry's place."""
    return [
        "p" + hashlib.sha256(note.signature + index.to_bytes(2, "big")).hexdigest()[:12]
        for index in range(len(note.records))
    ]


def checked_note(result: ReadResult) -> Note:
    """The note of a read result that may be received, else the error saying why (exit 3, 4, 5)."""
    if result.status == "not_infocards":
        raise result.error or NotInfocardsCode("error.note.not_a_note")
    if result.note is None:
        if result.status == "invalid":
            raise result.error or InvalidCode()
        raise NotInfocardsCode("error.note.is_summary")  # a patient's summary is not a note
    if result.status == "invalid":
        raise result.error or InvalidCode()
    if result.status == "expired":
        raise CodeExpired("error.note.expired")
    return result.note


def is_for_patient(note: Note, profile: dict, patient_key: bytes) -> bool:
    """Whether a bound note was written for this wallet's patient (an unbound note is for anyone)."""
    binding = note.core.binding
    if binding is None:
        return True
    return binding == Binding.of(str(profile.get("name") or ""), profile.get("birth_date") or None, patient_key)


def receive_note(wallet: Wallet, note: Note) -> ReceivedNote:
    """Save a checked note's entries (NoteForAnotherPatient, and nothing saved, if not this patient's)."""
    patient_key = SigningKey(wallet.signing_seed()).public_bytes
    if not is_for_patient(note, wallet.profile, patient_key):
        raise NoteForAnotherPatient()
    ids = entry_ids(note)
    held = {record["id"] for record in wallet.records()}
    records = stored_records(note, lambda index: ids[index])
    new = [record for record in records if record["id"] not in held]
    if new:
        wallet.put_many(new)  # validated all at once, then saved: all of them or none
    return ReceivedNote(note, tuple(ids), tuple(record["id"] for record in new))


def received_standing(wallet: Wallet) -> dict[str, Signer | None]:
    """The wallet's received entries by id: the signer from the signed note while the signature
    holds the entry, None once the patient has edited it (see carry.record_standing)."""
    public_key = SigningKey(wallet.signing_seed()).public_bytes
    return record_standing(wallet.records(), wallet.profile, public_key)


def wallet_standing(wallet: Wallet) -> tuple[dict[str, Signer | None], dict[str, Signer | None]]:
    """(received_standing, and the entries the patient has changed with who wrote them before)
    from one check of the signatures: see carry.standing_and_edits."""
    public_key = SigningKey(wallet.signing_seed()).public_bytes
    return standing_and_edits(wallet.records(), wallet.profile, public_key)
