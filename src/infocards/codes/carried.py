"""Professionals' signed notes carried inside a summary (format 2): their types and their bytes.

In the summary (format 2) a carried note is, in the body (compressed):

    issued | lifetime | signer name | signer role | signer place | bound (0/1)
    | entries (n) | shared (d) | d x (index, record)

and in the raw part (uncompressed): public key (32) | signature (64) | d salts | (n - d) digests.
A bound note's patient is not repeated: the reader takes the summary's own name, birth date and
key, so a note moved into another patient's summary no longer verifies. The reader recomputes
every digest from the shared entries and their salts and checks the one signature, without
having to trust the patient (docs/FORMAT.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from infocards import vocab
from infocards.codes.binary import BodyReader, BodyWriter, ByteReader, ByteWriter
from infocards.codes.note_code import Binding, NoteCore, Signer
from infocards.codes.record_codec import DIGEST_BYTES, SALT_BYTES, entry_digest, read_record, write_record
from infocards.codes.signing import PUBLIC_KEY_SIZE, SIGNATURE_SIZE
from infocards.errors import InvalidCode, Reason
from infocards.names import is_good_signer_field

__all__ = ["CarriedNote", "read_notes", "write_notes"]


@dataclass(frozen=True)
class CarriedNote:
    """A note as a summary carries it: a subset of its entries, and whether its signature checks."""

    core: NoteCore
    signature: bytes
    shared: tuple[tuple[int, bytes, dict], ...]  # (index in the note, salt, record)
    verified: bool = True
    reason: str | None = None  # why not verified: Reason.SIGNATURE or Reason.SIGNER_NAME

    @property
    def signer(self) -> Signer:
        return self.core.signer

    @property
    def withheld(self) -> int:
        return len(self.core.digests) - len(self.shared)

    def records(self) -> list[dict]:
        return [record for _, _, record in self.shared]


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
        raise InvalidCode(reason=Reason.NOTE_COUNT)
    for _ in range(count):
        issued, lifetime = body.uint(), body.uint()
        name = body.text()
        role = body.uint()
        if role >= len(vocab.ROLES):
            raise InvalidCode(reason=Reason.VOCABULARY_INDEX)
        place = body.text()
        bound = body.uint()
        total, shown = body.uint(), body.uint()
        if not 0 < shown <= total <= limit or bound > 1:
            raise InvalidCode(reason=Reason.ENTRY_COUNT)
        public_key, signature = raw.raw(PUBLIC_KEY_SIZE), raw.raw(SIGNATURE_SIZE)
        shared = []
        for _ in range(shown):
            index = body.uint()
            if index >= total or (shared and index <= shared[-1][0]):
                raise InvalidCode(reason=Reason.ENTRY_INDEX)
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
        # A signer's name or place that breaks the name rule (docs/FORMAT.md §5.3) is not shown
        # as signed even when the signature holds: the summary stays readable, the note does not.
        reason = None
        if not (is_good_signer_field(name) and is_good_signer_field(place)):
            reason = Reason.SIGNER_NAME
        elif not core.verifies(signature):
            reason = Reason.SIGNATURE
        notes.append(CarriedNote(core, signature, tuple(shared), verified=reason is None,
                                 reason=None if reason is None else str(reason)))
    return tuple(notes)
