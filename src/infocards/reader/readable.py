"""Dates, times, numbers and reasons as the clinician reads them: Danish on a Danish screen.

A code carries ISO dates and English reasons for a rejected code; nothing of that reaches a
screen or a terminal as it is. Danish dates are written "1.8.2026", times "kl. 10.19", decimals
with a comma ("18,5"); English gets "1 Aug 2026", "at 10:19", "18.5".
"""

from __future__ import annotations

from datetime import date, datetime

from infocards.errors import InfocardsError, InvalidCode, Reason
from infocards.i18n import t
from infocards.i18n.formats import format_number, short_date, short_datetime

__all__ = ["REASONS", "readable_date", "readable_error", "readable_moment", "readable_number", "short_date"]

# Why a code was refused (the codec's `reason`, in English, for logs and tests): each has words
# a clinician understands, in i18n/share.py as share.reason.<key>.
REASONS = {
    Reason.SIGNATURE: "signature",
    Reason.PREFIX: "prefix",
    Reason.TOO_SHORT: "too_short",
    Reason.TRUNCATED: "truncated",
    Reason.UNTERMINATED_TEXT: "truncated",
    Reason.BASE45_LENGTH: "damaged_text",
    Reason.BASE45_OVERFLOW: "damaged_text",
    Reason.BASE45_CHARACTER: "damaged_text",
    Reason.NOT_UTF8: "damaged_content",
    Reason.COMPRESSED_BODY: "damaged_content",
    Reason.TRAILING_BYTES: "damaged_content",
    Reason.NUMBER_TOO_LONG: "damaged_content",
    Reason.ENTRY_COUNT: "damaged_content",
    Reason.ENTRY_KIND: "damaged_content",
    Reason.UNKNOWN_SECTION: "damaged_content",
    Reason.VOCABULARY_INDEX: "damaged_content",
    Reason.DATE_OUT_OF_RANGE: "damaged_content",
    Reason.ENTRY_INDEX: "damaged_content",
    Reason.NOTE_COUNT: "damaged_content",
    Reason.NOTE_CORE: "damaged_content",
    Reason.RECORD_TYPE: "damaged_content",
    Reason.LIFETIME: "lifetime",
    Reason.FUTURE: "future",
    Reason.DIGITS_LENGTH: "damaged_link",
    Reason.DIGITS_OVERFLOW: "damaged_link",
    Reason.PATIENT_NAME: "patient_name",
    Reason.SIGNER_NAME: "signer_name",
}


def readable_date(iso: str | None, lang: str = "da") -> str:
    """An ISO date from a code as a short date; '' for none. A code's dates are always ISO (the
    codec writes them from day numbers), so the fallback only guards against a future field."""
    if not iso:
        return ""
    try:
        return short_date(date.fromisoformat(iso), lang)
    except ValueError:
        return iso


def readable_moment(moment: datetime | None, lang: str = "da") -> str:
    """A moment in local time: '1.12.2026 kl. 10.19' / '1 Dec 2026 at 10:19'; '' for none."""
    return "" if moment is None else short_datetime(moment, lang)


def readable_number(value: float, lang: str = "da") -> str:
    """A number from a code (i18n/formats.py's one rule): '18,5', '10.000,5', '37' in Danish."""
    return format_number(value, lang)


def readable_error(error: InfocardsError | None, lang: str = "da") -> str | None:
    """The message of a refused code in words: an InvalidCode's technical reason is translated."""
    if error is None:
        return None
    reason = error.params.get("reason") if isinstance(error, InvalidCode) else None
    if reason is None:
        return error.message(lang)
    words = t(f"share.reason.{REASONS.get(reason, 'damaged_content')}", lang)
    return t("share.reader.invalid_because", lang, reason=words)
