"""The Danish regions a card or a deployment can name, and each region's out-of-hours number.

One table for the checker (which refuses an unknown region), the card renderer (which picks a
card's region block) and the home screen (which shows the number to call). The numbers are facts
from the regions' own pages (see the red-flags card's sources); 112 is the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from infocards.folding import fold_text

__all__ = [
    "CHANGES",
    "EMERGENCY_NUMBER",
    "REGIONS",
    "Change",
    "Region",
    "changes_for",
    "normalize_region",
]

EMERGENCY_NUMBER = "112"


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    name_da: str
    name_en: str
    # The region's number outside the own GP's opening hours (None: not yet known).
    out_of_hours: str | None
    # The region asks patients to call before coming to an emergency department.
    call_first: bool
    valid_from: date | None = None
    valid_until: date | None = None

    def name(self, lang: str) -> str:
        return self.name_da if lang == "da" else self.name_en

    def tel(self) -> str | None:
        """The number as a `tel:` target (digits only), or None."""
        return None if self.out_of_hours is None else "".join(c for c in self.out_of_hours if c.isdigit())

    def exists_on(self, day: date) -> bool:
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_until is None or day < self.valid_until
        )


_MERGER = date(2027, 1, 1)  # Hovedstaden and Sjælland become Region Østdanmark

REGIONS: dict[str, Region] = {
    region.id: region
    for region in (
        Region("hovedstaden", "Region Hovedstaden", "Capital Region of Denmark", "1813", True, None, _MERGER),
        Region("sjaelland", "Region Sjælland", "Region Zealand", "1818", False, None, _MERGER),
        Region("syddanmark", "Region Syddanmark", "Region of Southern Denmark", "70 11 07 07", False),
        Region("midtjylland", "Region Midtjylland", "Central Denmark Region", "70 11 31 31", True),
        Region("nordjylland", "Region Nordjylland", "North Denmark Region", "70 15 03 00", False),
        Region("oestdanmark", "Region Østdanmark", "Region East Denmark", None, False, _MERGER, None),
    )
}


@dataclass(frozen=True, slots=True)
class Change:
    """A known date on which rules or regions change: cards on rules in these regions must be
    reviewed before it (the checker warns about a later review_by)."""

    day: date
    regions: tuple[str, ...]
    what: str  # an i18n key describing the change


# The known change dates, in one place (the checker reads them; add new ones here).
CHANGES: tuple[Change, ...] = (Change(_MERGER, ("hovedstaden", "sjaelland"), "content.change.oestdanmark"),)


def changes_for(regions: set[str]) -> list[Change]:
    """The known changes that touch any of `regions`, earliest first."""
    return sorted((c for c in CHANGES if regions & set(c.regions)), key=lambda c: c.day)


def _fold(text: str) -> str:
    """A region's name as it is compared (folding.fold_text), without 'Region' and spaces."""
    text = fold_text(text.strip())
    for prefix in ("region ", "region-"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.replace(" ", "")


_ALIASES = {_fold(r.id): r.id for r in REGIONS.values()} | {
    _fold(r.name_da): r.id for r in REGIONS.values()
} | {_fold(r.name_en): r.id for r in REGIONS.values()} | {"sjalland": "sjaelland", "ostdanmark": "oestdanmark"}


def normalize_region(value: str | None) -> str | None:
    """The region id for `value` ('Syddanmark', 'Region Sjælland', 'sjaelland'), '' -> None.

    Raises ValueError for a name that is no Danish region (the caller names the file and line).
    """
    if value is None or not str(value).strip():
        return None
    folded = _fold(str(value))
    if folded in _ALIASES:
        return _ALIASES[folded]
    raise ValueError(f"unknown region: {value!r}")
