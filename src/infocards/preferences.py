"""The patient's own choices on this device: where they live (region and municipality) and how
soon the wallet locks itself.

flet.toml's `[app] region` and `municipality` are the deployment's defaults; on a phone the
patient cannot edit that file, so the app asks once ("Hvor bor du?") and keeps the answer here,
beside the wallet, in a small JSON file written privately and atomically. It holds no health
data, but where a person lives is still theirs: the file is 0600 like the wallet.

A missing, unreadable or malformed file reads as "not asked yet" and is never overwritten
until the patient answers again; nothing is lost that was worth keeping.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from infocards.atomicfile import make_private_folder, write_private
from infocards.regions import REGIONS

__all__ = [
    "MAX_AUTO_LOCK_MINUTES",
    "MAX_MUNICIPALITY",
    "PREFERENCES_FILENAME",
    "Preferences",
    "load_preferences",
    "save_preferences",
]

PREFERENCES_FILENAME = "preferences.json"
MAX_MUNICIPALITY = 60  # the longest Danish municipality name is far shorter
MAX_AUTO_LOCK_MINUTES = 24 * 60
_MAX_FILE = 4096


@dataclass(frozen=True)
class Preferences:
    region: str = ""  # a regions.REGIONS id, or "" (not given)
    municipality: str = ""
    asked: bool = False  # answered or skipped: the question is not asked again
    auto_lock_minutes: float | None = None  # the patient's choice in Settings; None: flet.toml's

    def __post_init__(self) -> None:
        minutes = self.auto_lock_minutes
        number = isinstance(minutes, int | float) and not isinstance(minutes, bool)
        if minutes is not None and not (number and 0.1 <= minutes <= MAX_AUTO_LOCK_MINUTES):
            raise ValueError("auto-lock minutes out of range")
        if self.region and self.region not in REGIONS:
            raise ValueError("unknown region")
        if clean_municipality(self.municipality) != self.municipality:
            raise ValueError("municipality is not one clean line")


def clean_municipality(text: str) -> str:
    """One line of at most MAX_MUNICIPALITY characters, spaces collapsed, no control or format
    characters; raises ValueError for what cannot be cleaned (too long)."""
    kept = "".join(" " if c.isspace() else c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))
    kept = " ".join(kept.split())
    if len(kept) > MAX_MUNICIPALITY:
        raise ValueError("municipality too long")
    return kept


def load_preferences(path: Path) -> Preferences:
    """The saved choices, or the defaults (not asked yet) when there are none that can be read."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(_MAX_FILE + 1)
        if len(raw) > _MAX_FILE:
            return Preferences()
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            return Preferences()
        region, municipality, asked = data.get("region", ""), data.get("municipality", ""), data.get("asked")
        if not isinstance(region, str) or not isinstance(municipality, str) or not isinstance(asked, bool):
            return Preferences()
        return Preferences(region, municipality, asked, data.get("auto_lock_minutes"))
    except (OSError, ValueError):  # missing, unreadable, not JSON, not UTF-8, a value out of range
        return Preferences()


def save_preferences(path: Path, preferences: Preferences) -> None:
    """Write the choices (0600, atomic, without following a link planted at `path`)."""
    make_private_folder(Path(path).parent)
    data = {"region": preferences.region, "municipality": preferences.municipality, "asked": preferences.asked}
    if preferences.auto_lock_minutes is not None:
        data["auto_lock_minutes"] = preferences.auto_lock_minutes
    write_private(Path(path), json.dumps(data, ensure_ascii=False).encode("utf-8"))
