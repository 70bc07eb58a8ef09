"""The link cases of docs/format/vectors/ (FORMAT.md §7): good codes spelled as links, and links a
reader must refuse at the `link` stage (not an infocards code) or the `digits` stage.

Each link is made from a case of tests/codes/vectors.py by `code_to_link`, the writer's own
function; a refused link changes one thing of a good one and names what it changed.
"""

from __future__ import annotations

from datetime import datetime

from infocards.codes.link import CHUNK_DIGITS, code_to_link
from tests.codes.vectors import (
    _PHYSIO,
    _PHYSIO_RECORDS,
    NOTE_ISSUED,
    _carried,
    _course,
    _note_case,
    _summary,
    _vector,
)

__all__ = ["READER_URL", "link_cases"]

READER_URL = "https://laes.example.dk/rygkort/"
OTHER_SITE = "https://other-region.example.org/a/reader/"
FOREIGN = "https://www.example.org/lowback/page#section-2"


def _small(name: str) -> dict:
    course = _course()
    return _summary(name, "", course["profile"], course["records"], sections=("red_flags", "work"))


def _linked(name: str, description: str, base: dict, link: str, *, fails_at=None, reason=None,
            tampering=None, reader_url: str = READER_URL) -> dict:
    given = {"text_code": base["stages"]["code"], "reader_url": reader_url, "made_from": base["input"]}
    return _vector(name, description, link, datetime.fromisoformat(base["clock"]), keys=base["keys"], given=given,
                   fails_at=fails_at, reason=reason, tampering=tampering)


def _good(name: str, description: str, base: dict, reader_url: str = READER_URL) -> dict:
    return _linked(name, description, base, code_to_link(base["stages"]["code"], reader_url), reader_url=reader_url)


def _changed(name: str, description: str, change, fails_at: str, reason: str | None) -> dict:
    """The small summary's link with one thing changed by `change(link) -> (link, what)`."""
    base = _small(name)
    original = code_to_link(base["stages"]["code"], READER_URL)
    link, what = change(original)
    tampering = {"stage": fails_at, "change": what, "resigned": False, "original_code": original}
    return _linked(name, description, base, link, fails_at=fails_at, reason=reason, tampering=tampering)


def _drop_last_digit(link: str) -> tuple[str, str]:
    return link[:-1], "the last digit removed"


def _overflow(link: str) -> tuple[str, str]:
    start = link.index("#") + 4  # after "#" and the three digits of kind and version
    return (link[:start] + "9" * CHUNK_DIGITS + link[start + CHUNK_DIGITS :],
            "the first 17-digit chunk of the bytes set to 99999999999999999 (over 256^7 - 1)")


def _one_digit(link: str) -> tuple[str, str]:
    """A digit in the middle lowered by one (raised when it is 0): the bytes change, the signature fails."""
    position = len(link) - (len(link) - link.index("#")) // 2
    digit = int(link[position])
    new = digit - 1 if digit else 1
    return link[:position] + str(new) + link[position + 1 :], f"character {position} {digit} -> {new}"


def _kind_three(link: str) -> tuple[str, str]:
    start = link.index("#") + 1
    return link[:start] + "3" + link[start + 1 :], "the kind digit 1 -> 3 (no such kind)"


def _version_zero(link: str) -> tuple[str, str]:
    start = link.index("#") + 1
    return link[:start] + "100" + link[start + 3 :], "the version digits 01 -> 00 (spells IC0:)"


def _foreign(name: str) -> dict:
    base = _small(name)
    return _linked(name, "A web page's link with a fragment: not an infocards code.", base, FOREIGN, fails_at="link")


def _uppercase(name: str) -> dict:
    base = _small(name)
    link = code_to_link(base["stages"]["code"], READER_URL)
    shouted = link[: link.index("#")].upper() + link[link.index("#") :]
    return _linked(name, "The address in capitals (HTTPS://...): a reader takes any case; only the fragment counts.",
                   base, shouted)


def link_cases() -> dict:
    return {
        "link-ic1": lambda n: _good(n, "The small summary (format-ic1's sections) as a link.", _small(n)),
        "link-ic2": lambda n: _good(n, "A summary carrying one note (IC2) as a link.", _carried(
            n, "", [(_PHYSIO, _PHYSIO_RECORDS, NOTE_ISSUED)], sections=("findings", "treatments", "plan_goals"),
            records=[])),
        "link-in1": lambda n: _good(n, "A note (IN1) as a link.", _note_case(n, "", bound=False)),
        "link-another-reader": lambda n: _good(n, "A link to another deployment's reader: read all the same.",
                                               _small(n), OTHER_SITE),
        "link-address-in-capitals": _uppercase,
        "link-digits-length": lambda n: _changed(n, "A link one digit short: no byte string has that many digits.",
                                                 _drop_last_digit, "digits", "digits length"),
        "link-digits-overflow": lambda n: _changed(n, "A 17-digit chunk above 256^7 - 1.", _overflow, "digits",
                                                   "digits overflow"),
        "link-tampered-digit": lambda n: _changed(n, "One digit changed: other bytes, so the signature fails.",
                                                  _one_digit, "signature", "signature"),
        "link-not-infocards-fragment": lambda n: _changed(
            n, "The reader's address, but a fragment of kind 3: not an infocards code.", _kind_three, "link", None),
        "link-format-version-zero": lambda n: _changed(
            n, "Version digits 00: the link spells IC0:, which the text rules refuse.", _version_zero, "prefix", None),
        "link-other-site": _foreign,
    }
