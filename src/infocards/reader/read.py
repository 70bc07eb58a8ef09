"""Reading a share code: from text or an image to a status (valid, expired, invalid, not_infocards)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PIL import Image

from infocards.codes.link import link_to_code, looks_like_code_link
from infocards.codes.note_code import Note, is_note_text, open_note_code
from infocards.codes.payload import Summary
from infocards.codes.qr_in import decode_image
from infocards.codes.signing import fingerprint
from infocards.codes.summary_code import clean_text, open_code
from infocards.errors import InfocardsError, InvalidCode, NoQrFound, NotInfocardsCode, Reason

__all__ = ["STATUSES", "STATUS_EXIT_CODES", "ReadResult", "read_image", "read_text"]

STATUSES = ("valid", "expired", "invalid", "not_infocards")
STATUS_EXIT_CODES = {"valid": 0, "expired": 3, "invalid": 4, "not_infocards": 5}
# No code of ours lives longer than 30 days (share.issue.MAX_LIFETIME, codes.note_code.MAX_NOTE_LIFETIME),
# and none is issued in the future: a longer lifetime or a later issue time is a made-up code,
# not a clock slightly off. Phones' clocks drift by seconds to minutes, hence the allowance.
MAX_READ_LIFETIME = timedelta(days=30)
CLOCK_ALLOWANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class ReadResult:
    """What a reader learned. `summary` is None unless the status is valid or expired."""

    status: str
    summary: Summary | None = None
    issued_at: datetime | None = None
    expires_at: datetime | None = None
    fingerprint: str | None = None
    error: InfocardsError | None = None  # why a code is invalid or not an infocards code
    public_key: bytes | None = None  # the patient's device key (a summary) or the clinic key (a note)
    note: Note | None = None  # set when the code is a professional's note, not a summary

    @property
    def exit_code(self) -> int:
        return STATUS_EXIT_CODES[self.status]

    @property
    def shows_data(self) -> bool:
        return self.summary is not None or self.note is not None

    @property
    def is_note(self) -> bool:
        return self.note is not None


def _lifetime_problem(issued_at: datetime, expires_at: datetime, now: datetime) -> InvalidCode | None:
    if expires_at - issued_at > MAX_READ_LIFETIME:
        return InvalidCode("error.share.lifetime", reason=Reason.LIFETIME, days=MAX_READ_LIFETIME.days)
    if issued_at > now + CLOCK_ALLOWANCE:
        return InvalidCode("error.share.future", reason=Reason.FUTURE)
    return None


def _read_note(text: str, now: datetime) -> ReadResult:
    try:
        note = open_note_code(text)
    except InvalidCode as exc:
        return ReadResult("invalid", error=exc)
    core = note.core
    problem = _lifetime_problem(core.issued_at, core.expires_at, now)
    if problem is not None:
        return ReadResult("invalid", error=problem)
    return ReadResult(
        "valid" if now < core.expires_at else "expired",
        issued_at=core.issued_at,
        expires_at=core.expires_at,
        fingerprint=core.signer.fingerprint,
        public_key=core.signer.public_key,
        note=note,
    )


def read_text(text: str, now: datetime | None = None) -> ReadResult:
    """Check a code's text form or link. Expired codes keep their data (marked), invalid ones never do."""
    now = now or datetime.now(UTC)
    if not clean_text(text):
        return ReadResult("not_infocards", error=NotInfocardsCode("error.share.empty_input"))
    try:
        linked = link_to_code(text)  # a link is another spelling of the text form (FORMAT.md §7)
    except InvalidCode as exc:
        return ReadResult("invalid", error=exc)
    except NotInfocardsCode as exc:
        return ReadResult("not_infocards", error=exc)
    if linked is not None:
        text = linked
    if is_note_text(text):
        return _read_note(text, now)
    try:
        opened = open_code(text)
    except InvalidCode as exc:
        return ReadResult("invalid", error=exc)
    except NotInfocardsCode as exc:
        return ReadResult("not_infocards", error=exc)
    problem = _lifetime_problem(opened.issued_at, opened.expires_at, now)
    if problem is not None:
        return ReadResult("invalid", error=problem)
    status = "valid" if now < opened.expires_at else "expired"
    return ReadResult(
        status,
        summary=opened.summary,
        issued_at=opened.issued_at,
        expires_at=opened.expires_at,
        fingerprint=fingerprint(opened.public_key),
        public_key=opened.public_key,
    )


def read_image(image: Image.Image, now: datetime | None = None, thorough: bool = True) -> ReadResult:
    """Find the QR codes in an image and read the infocards one (a foreign QR: not_infocards).

    thorough=False tries only the quick ways (camera frames); see qr_in.decode_image.
    """
    try:
        texts = decode_image(image, thorough)
    except NotInfocardsCode as exc:  # too large, or broken: not a picture we can read
        return ReadResult("not_infocards", error=exc)
    if not texts:
        return ReadResult("not_infocards", error=NoQrFound())
    # Several codes in one picture: ours (a text form or a code's link) wins over a poster's URL beside it.
    ours = [text for text in texts if clean_text(text).startswith(("IC", "IN")) or looks_like_code_link(text)]
    if not ours:
        return ReadResult("not_infocards", error=NotInfocardsCode("error.share.foreign_qr"))
    results = [read_text(text, now) for text in ours]
    return min(results, key=lambda result: STATUSES.index(result.status))
