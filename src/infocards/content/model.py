"""The card and pack types: what a markdown card with front matter means once it is read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = [
    "CARD_FIELDS",
    "CATEGORIES",
    "CODE_SYSTEMS",
    "LANGS",
    "OPTIONAL_FIELDS",
    "PACK_FIELDS",
    "PACK_KINDS",
    "REQUIRED_FIELDS",
    "Card",
    "Pack",
    "Source",
]

CATEGORIES = ("diagnosis", "legislation", "role", "pathway")
LANGS = ("da", "en")
PACK_KINDS = ("national", "municipality")
CODE_SYSTEMS = ("ICPC-2", "ICD-10", "SNOMED")

REQUIRED_FIELDS = ("id", "title", "category", "lang", "summary", "sources", "reviewed")
OPTIONAL_FIELDS = (
    "review_by",
    "applies_from",
    "region",
    "codes",
    "role",
    "related",
    "overrides",
    "order",
    "keywords",
)
CARD_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
PACK_FIELDS = ("name", "kind", "region", "publisher", "contact")


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    category: str
    lang: str
    summary: str
    body: str  # the markdown after the front matter
    sources: tuple[Source, ...]
    reviewed: date
    review_by: date | None = None
    applies_from: date | None = None
    region: str | None = None
    codes: tuple[str, ...] = ()
    role: str | None = None
    related: tuple[str, ...] = ()
    overrides: bool = False
    order: int | None = None  # lower first within a category; cards without it come after
    keywords: tuple[str, ...] = ()  # search terms a patient might type
    path: Path | None = None
    pack: str = ""
    body_line: int = 1  # the file line the body starts on, so body problems name real lines


@dataclass(frozen=True)
class Pack:
    name: str
    kind: str
    region: str
    publisher: str
    contact: str
    path: Path
    trusted: tuple = field(default=(), compare=False)  # its valid trusted_keys (content.trust.TrustedKey)
    name_line: int = 1  # the line of `name` in pack.yaml, for the checker
