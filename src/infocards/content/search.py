"""Search over cards: accent- and case-insensitive prefix and compound-part matching, title above
summary above body."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence

from infocards.content.model import Card

__all__ = ["SearchIndex", "fold", "words"]

# Danish letters are spelled out the way Danes type them without a Danish keyboard (ae, oe, aa),
# so "laenderyg" finds "lænderyg"; other accents are dropped ("é" is "e").
_SPELLED_OUT = (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("ä", "ae"), ("ö", "oe"), ("ß", "ss"))
_WORD = re.compile(r"\w+")
TITLE, SUMMARY, BODY = 3, 2, 1  # a word's weight by where it occurs
MIN_INFIX = 4  # shorter terms inside words match too much ("ryg" is in "bryg")
MIN_PART = 3  # the shortest first part of a compound word


def fold(text: str) -> str:
    """Lower case, Danish letters spelled out, accents removed."""
    text = text.casefold()
    if text.isascii():
        return text
    for letter, spelled in _SPELLED_OUT:  # str.replace is many times faster than translate to pairs
        if letter in text:
            text = text.replace(letter, spelled)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


class SearchIndex:
    """Word -> {card position: best weight}, with a sorted vocabulary for prefix lookups."""

    def __init__(self, cards: Sequence[Card]) -> None:
        self.cards = list(cards)
        postings: dict[str, dict[int, int]] = {}
        for position, card in enumerate(self.cards):
            fields = (
                (TITLE, card.title),
                (SUMMARY, card.summary + " " + " ".join(card.codes)),
                (BODY, card.body),
            )
            for weight, text in fields:
                for word in set(words(text)):
                    slot = postings.setdefault(word, {})
                    if slot.get(position, 0) < weight:
                        slot[position] = weight
        self._postings = postings
        self._vocabulary = sorted(postings)

    def _matches(self, term: str) -> dict[int, int]:
        """Cards with a word starting with `term`, each with its best weight (exact words score more).

        Danish glues words together ("diskusprolaps", "sygedagpenge"), so a term of MIN_INFIX
        letters or more also finds a word it ends or continues after a first part of at least
        MIN_PART letters ("prolaps" finds "diskusprolaps"; "iskus" does not), just below a prefix."""
        found: dict[int, int] = {}

        def add(word: str, bonus: int) -> None:
            for position, weight in self._postings[word].items():
                score = weight * 2 + bonus
                if found.get(position, 0) < score:
                    found[position] = score

        start = bisect.bisect_left(self._vocabulary, term)
        for index in range(start, len(self._vocabulary)):
            word = self._vocabulary[index]
            if not word.startswith(term):
                break
            add(word, 1 if word == term else 0)
        if len(term) >= MIN_INFIX:
            for word in self._vocabulary:
                if word.find(term, MIN_PART) >= MIN_PART:
                    add(word, -1)
        return found

    def search(self, query: str, limit: int = 50) -> list[Card]:
        """Cards matching every word of the query, best first; an empty query finds nothing."""
        terms = list(dict.fromkeys(words(query)))
        if not terms or limit <= 0:
            return []
        scores: dict[int, int] | None = None
        for term in sorted(terms, key=len, reverse=True):  # longest first: the smallest set
            matches = self._matches(term)
            if scores is None:
                scores = matches
            else:
                scores = {p: s + matches[p] for p, s in scores.items() if p in matches}
            if not scores:
                return []
        ranked = sorted(scores.items(), key=lambda item: (-item[1], self.cards[item[0]].title.casefold()))
        return [self.cards[position] for position, _ in ranked[:limit]]
