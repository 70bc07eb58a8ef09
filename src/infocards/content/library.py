"""The cards the app shows: packs loaded in order, looked up by id, category, role and words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from infocards.content.dated_blocks import resolve_dates
from infocards.content.loader import load_packs
from infocards.content.model import Card, Pack
from infocards.content.region_blocks import resolve_body
from infocards.content.search import SearchIndex
from infocards.errors import ContentError
from infocards.folding import fold_code

__all__ = ["USE_DEPLOYMENT", "Library", "deployment_region", "order_sort_key", "title_sort_key"]

USE_DEPLOYMENT = "deployment"  # Library.load's default: the region flet.toml or the packs name

# Danish alphabet order puts æ, ø, å after z; plain code points would put å before æ.
_DANISH_ORDER = str.maketrans({"æ": "\U0010fff1", "ø": "\U0010fff2", "å": "\U0010fff3"})


def title_sort_key(card: Card) -> tuple[str, str]:
    return card.title.casefold().translate(_DANISH_ORDER), card.id


def order_sort_key(card: Card) -> tuple[int, str, str]:
    """`order` first (cards without one after those with one), then the title, Danish alphabet."""
    return (card.order if card.order is not None else 1000, *title_sort_key(card))


def deployment_region(packs: Sequence[Pack], configured: str | None = None) -> str | None:
    """The region whose blocks the app shows: flet.toml's `[app] region`, else the last pack's that
    names one (a municipality's), else None (the `default` blocks)."""
    if configured:
        return configured
    for pack in reversed(packs):
        if pack.region:
            return pack.region
    return None


def _configured_region() -> str | None:
    from infocards.config import load_settings  # the deployment's settings; no flet involved
    from infocards.errors import ConfigError

    try:
        return load_settings().region or None
    except ConfigError:
        return None  # the app reports a broken flet.toml itself


def _as_shown(card: Card, region: str | None, day: date) -> Card:
    """The card as it reads on `day` in `region`: dated blocks first, then region blocks."""
    if ":::" not in card.body:
        return card
    return replace(card, body=resolve_body(resolve_dates(card.body, day), region, card.lang))


def _other(lang: str) -> str:
    return "en" if lang == "da" else "da"


class Library:
    """A lenient, read-only view of the loaded cards.

    A card with an error of its own (front matter, unsafe HTML or links) is left out; a card whose only
    problem points elsewhere (a link to a missing card, a missing translation) is kept, so one bad link
    does not hide a card. An override without `overrides: true` is not applied. The checker reports all.
    """

    def __init__(
        self,
        packs: Sequence[Pack],
        cards: dict[tuple[str, str], Card],
        region: str | None = None,
        as_of: date | None = None,
    ) -> None:
        self.packs: tuple[Pack, ...] = tuple(packs)
        self.region = region
        self.as_of = as_of or date.today()  # the day whose dated blocks are shown
        self._cards = {key: _as_shown(card, region, self.as_of) for key, card in cards.items()}
        self._by_lang: dict[str, list[Card]] = {}
        for card in sorted(self._cards.values(), key=order_sort_key):
            self._by_lang.setdefault(card.lang, []).append(card)
        self._indexes: dict[str, SearchIndex] = {}

    @classmethod
    def load(
        cls, pack_paths: Sequence[Path], region: str | None = USE_DEPLOYMENT, as_of: date | None = None
    ) -> Library:
        """Load packs in order; only a missing pack folder is an error (the checker reports the rest).

        Each card's body is resolved for `region` (a region id; ALL_REGIONS for proofing; None for
        the default blocks); by default the deployment's: flet.toml's region, else the packs'. Dated
        blocks are shown as they read on `as_of` (default: today)."""
        for path in pack_paths:
            if not Path(path).is_dir():
                raise ContentError(key="error.content.pack_not_found", pack=str(path))
        loaded = load_packs(pack_paths, today=as_of)
        if region == USE_DEPLOYMENT:
            region = deployment_region(loaded.packs, _configured_region())
        return cls(loaded.packs, loaded.cards, region, as_of)

    def cards(self, lang: str, category: str | None = None) -> list[Card]:
        """The cards in one language, by `order` then title; only one category if given."""
        cards = self._by_lang.get(lang, [])
        if category is None:
            return list(cards)
        return [card for card in cards if card.category == category]

    def get(self, card_id: str, lang: str) -> Card | None:
        """The card in `lang`, else its translation, else None."""
        return self._cards.get((card_id, lang)) or self._cards.get((card_id, _other(lang)))

    def search(self, query: str, lang: str, limit: int = 50) -> list[Card]:
        """Cards in `lang` matching every word of the query (as a word prefix), best first."""
        index = self._indexes.get(lang)
        if index is None:
            index = self._indexes[lang] = SearchIndex(self._by_lang.get(lang, []))
        return index.search(query, limit)

    def role_card(self, role: str, lang: str) -> Card | None:
        """The role card for a role key of vocab.ROLES, in `lang` or else its translation."""
        for wanted in (lang, _other(lang)):
            for card in self._by_lang.get(wanted, []):
                if card.category == "role" and card.role == role:
                    return card
        return None

    def finding_cards(self, record: Mapping, lang: str) -> tuple[list[Card], bool]:
        """The diagnosis cards a finding points to, and whether the finding named the card: the
        diagnosis card its `card` names, else every diagnosis card carrying its code
        (folding.fold_code). The one "which card" rule for the wallet list and Kort til dit forløb."""
        named = self.get(str(record.get("card") or ""), lang) if record.get("card") else None
        if named is not None and named.category == "diagnosis":
            return [named], True
        code = fold_code(record.get("code"))
        if not code:
            return [], False
        return [card for card in self.cards(lang, "diagnosis") if code in {fold_code(c) for c in card.codes}], False

    def ids(self) -> set[str]:
        return {card_id for card_id, _ in self._cards}

    def languages_of(self, card_id: str) -> set[str]:
        return {card_lang for known_id, card_lang in self._cards if known_id == card_id}

    def __len__(self) -> int:
        return len(self._cards)
