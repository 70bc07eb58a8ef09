"""Reading a share code: from text or an image to a status (valid, expired, invalid, not_infocards)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PIL import Image

from infocards.errors import InfocardsError, InvalidCode, NoQrFound, NotInfocardsCode
from infocards.share.codec import PREFIX, clean_text, open_code
from infocards.share.qr_in import decode_image
from infocards.share.signing import fingerprint
from infocards.share.summary import Summary

__all__ = ["STATUSES", "STATUS_EXIT_CODES", "ReadResult", "read_image", "read_text"]

STATUSES = ("valid", "expired", "invalid", "not_infocards")
STATUS_EXIT_CODES = {"valid": 0, "expired": 3, "invalid": 4, "not_infocards": 5}


@dataclass(frozen=True)
class ReadResult:
    """What a reader learned. `summary` is None unless the status is valid or expired."""

    status: str
    summary: Summary | None = None
    issued_at: datetime | None = None
    expires_at: datetime | None = None
    fingerprint: str | None = None
    error: InfocardsError | None = None  # why a code is invalid or not an infocards code

    @property
    def exit_code(self) -> int:
        return STATUS_EXIT_CODES[self.status]

    @property
    def shows_data(self) -> bool:
        return self.summary is not None


def read_text(text: str, now: datetime | None = None) -> ReadResult:
    """Check a code's text. Expired codes keep their data (marked), invalid ones never do."""
    now = now or datetime.now(UTC)
    if not clean_text(text):
        return ReadResult("not_infocards", error=NotInfocardsCode("error.share.empty_input"))
    try:
        opened = open_code(text)
    except InvalidCode as exc:
        return ReadResult("invalid", error=exc)
    except NotInfocardsCode as exc:
        return ReadResult("not_infocards", error=exc)
    status = "valid" if now < opened.expires_at else "expired"
    return ReadResult(
        status,
        summary=opened.summary,
        issued_at=opened.issued_at,
        expires_at=opened.expires_at,
        fingerprint=fingerprint(opened.public_key),
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
    # Several codes in one picture: ours wins over a poster's URL beside it.
    ours = [text for text in texts if clean_text(text).startswith(PREFIX[:2])]
    if not ours:
        return ReadResult("not_infocards", error=NotInfocardsCode("error.share.foreign_qr"))
    results = [read_text(text, now) for text in ours]
    return min(results, key=lambda result: STATUSES.index(result.status))
