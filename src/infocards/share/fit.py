"""Fitting a summary into one QR code: leave out the least relevant details until the code fits.

When the signed code is longer than QR version 22 (error correction M) holds, entries are left
out one at a time in this documented order, and the code counts per section what was left out
(both the share screen and the reader say so):

 0. superseded: plan entries other than the newest, work entries other than the newest;
 1. closed: referrals already seen, treatments and medication that have ended, goals reached
    or dropped;
 2. the newest plan entry, open referrals, who is involved;
 3. current treatments, medication and active goals, the current work situation;
 4. findings and imaging;
 4½. a professional's signed note, as one unit (all its shared entries or none), oldest note
    first: every patient-reported entry of steps 0-4 goes before it;
 5. red-flag screening, last of all.

Within a step the oldest entry goes first (undated before dated). A code is never split: if
even the name alone does not fit, ShareError says so.

What is left out is always the first k entries of that order for the smallest k that fits; k is
found by a binary search (a code never grows when more is left out), so a large course takes
about log2(entries) codes to fit, not one per entry.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from infocards.codes.link import code_to_link
from infocards.codes.payload import Summary, entry_kind
from infocards.codes.qr_out import MAX_VERSION, qr_version
from infocards.codes.qr_out import fits as fits_qr
from infocards.codes.sections import SECTION_KEYS
from infocards.codes.signing import SigningKey
from infocards.codes.summary_code import make_code
from infocards.errors import ShareError

__all__ = ["FittedCode", "drop_order", "fit_code"]


@dataclass(frozen=True)
class FittedCode:
    text: str
    version: int
    summary: Summary  # what the code carries; summary.omitted counts what was left out
    attempts: int = 1  # how many codes were made to find this one


def _step(section: str, entry: dict, newest: dict[str, dict]) -> int:
    kind = entry_kind(section, entry)
    if kind in ("plan", "work") and entry is not newest.get(kind):
        return 0
    if (
        (kind == "referrals" and entry["status"] == "seen")
        or (kind in ("treatments", "medication") and entry.get("end"))
        or (kind == "goal" and entry["status"] != "active")
    ):
        return 1
    if kind in ("plan", "referrals", "involved"):
        return 2
    if kind in ("treatments", "medication", "goal", "work"):
        return 3
    if kind in ("findings", "imaging"):
        return 4
    return 5


_NOTE_STEP = 4.5
NOTES = "notes"  # the section-like key of a note in the drop order and in Summary.omitted


def drop_order(summary: Summary) -> list[tuple[str, object]]:
    """Every entry of the summary as (section, entry), the first to be left out first.

    A carried note is one item ("notes", the note): its entries go or stay together.
    """
    newest: dict[str, dict] = {}
    for section, entries in summary.entries.items():
        for entry in entries:
            kind = entry_kind(section, entry)
            if kind in ("plan", "work") and (
                kind not in newest or (entry["date"] or "") > (newest[kind]["date"] or "")
            ):
                newest[kind] = entry
    ranked = [
        ((_step(s, e, newest), e.get("date") or "", -SECTION_KEYS.index(s)), s, e)
        for s, entries in summary.entries.items()
        for e in entries
    ]
    ranked += [((_NOTE_STEP, str(note.core.issued), 0), NOTES, note) for note in summary.notes]
    ranked.sort(key=lambda item: item[0])
    return [(section, entry) for _, section, entry in ranked]


def _without(summary: Summary, dropped: list[tuple[str, dict]]) -> Summary:
    """`summary` with the given entries left out and counted, in one pass (Summary.without, many times)."""
    if not dropped:
        return summary
    gone = {id(entry) for _, entry in dropped}
    omitted = dict(summary.omitted)
    for section, _ in dropped:
        omitted[section] = omitted.get(section, 0) + 1
    entries = {section: tuple(e for e in items if id(e) not in gone) for section, items in summary.entries.items()}
    notes = tuple(note for note in summary.notes if id(note) not in gone)
    return replace(summary, entries=entries, omitted=omitted, notes=notes)


def fit_code(
    summary: Summary,
    key: SigningKey,
    issued_at: datetime,
    expires_at: datetime,
    max_version: int = MAX_VERSION,
    reader_url: str = "",
) -> FittedCode:
    """The signed code of as much of `summary` as fits in one QR code of at most `max_version`.

    With a `reader_url` the code is its link (FORMAT.md §7), and the link is what must fit."""
    queue = drop_order(summary)
    made: dict[int, tuple[Summary, str]] = {}

    def fits(k: int) -> bool:
        """Whether the code leaving out the first k entries of the order fits (each k made once)."""
        if k not in made:
            kept = _without(summary, queue[:k])
            text = make_code(kept, key, issued_at, expires_at)
            made[k] = (kept, code_to_link(text, reader_url) if reader_url else text)
        return fits_qr(made[k][1], max_version)

    if fits(0):
        k = 0
    elif not fits(len(queue)):
        raise ShareError("error.share.too_large", version=max_version)
    else:
        low, high = 0, len(queue)  # fits(low) is false, fits(high) is true
        while high - low > 1:
            middle = (low + high) // 2
            if fits(middle):
                high = middle
            else:
                low = middle
        k = high
        # In case compression ever makes the length not quite monotone: leave out no more than needed.
        while k > 0 and fits(k - 1):
            k -= 1
    kept, text = made[k]
    return FittedCode(text, qr_version(text), kept, attempts=len(made))
