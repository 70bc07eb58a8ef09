"""Search over cards: accent- and case-insensitive prefix and compound-part matching, title above
summary above body; light Danish/English stemming and one-letter typos over titles, summaries and
keywords ("fysioterapi" finds "Fysioterapeuten", "prolab" finds "prolaps")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from infocards.content.model import Card
from infocards.folding import fold_text

__all__ = ["SearchIndex", "stem", "words"]

# Danish letters are spelled out the way Danes type them without a Danish keyboard (ae, oe, aa),
# so "laenderyg" finds "lænderyg"; other accents are dropped ("é" is "e").
_WORD = re.compile(r"\w+")
TITLE, SUMMARY, BODY = 3, 2, 1  # a word's weight by where it occurs
MIN_INFIX = 4  # shorter terms inside words match too much ("ryg" is in "bryg")
MIN_PART = 3  # the shortest first part of a compound word
MIN_STEM = 4  # a stem shorter than this matches too much
MIN_TYPO = 5  # terms of this length or more may hold one wrong, missing or extra letter
# Endings stripped from a search term (longest first), so that another form of the word matches.
_ENDINGS = tuple(
    sorted(
        "ernes erne ende ene ere ers ingen inger ing heden hed ies ed es er en et e s t y i".split(),
        key=len,
        reverse=True,
    )
)


def stem(term: str) -> str:
    """The term without one common Danish or English ending, if at least MIN_STEM letters remain."""
    for ending in _ENDINGS:
        if term.endswith(ending) and len(term) - len(ending) >= MIN_STEM:
            return term[: -len(ending)]
    return term


def _within_one(a: str, b: str) -> bool:
    """Whether a and b differ by at most one substituted, inserted or deleted letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    index = 0
    while index < len(a) and a[index] == b[index]:
        index += 1
    if len(a) == len(b):
        return a[index + 1 :] == b[index + 1 :]
    return a[index:] == b[index + 1 :]


def _typo_of(term: str, word: str) -> bool:
    """Whether the term is one letter off the start of the word or of a compound part of it (the
    first letter must be right: "iskus" is a part of "diskus", not a typo of it)."""
    size = len(term)
    for start in (0, *range(MIN_PART, len(word) - size + 2)):
        part = word[start:]
        if part[:1] != term[:1]:
            continue
        if any(_within_one(term, part[:length]) for length in (size - 1, size, size + 1) if length <= len(part)):
            return True
    return False


def words(text: str) -> list[str]:
    return _WORD.findall(fold_text(text))


class SearchIndex:
    """Word -> {card position: best weight}, with a sorted vocabulary for prefix lookups."""

    def __init__(self, cards: Sequence[Card]) -> None:
        self.cards = list(cards)
        postings: dict[str, dict[int, int]] = {}
        near: dict[str, dict[int, int]] = {}  # title, summary and keyword words: stems and typos
        for position, card in enumerate(self.cards):
            fields = (
                (TITLE, card.title + " " + " ".join(card.keywords)),
                (SUMMARY, card.summary + " " + " ".join(card.codes)),
                (BODY, card.body),
            )
            for weight, text in fields:
                for word in set(words(text)):
                    for index in (postings, near) if weight > BODY else (postings,):
                        slot = index.setdefault(word, {})
                        if slot.get(position, 0) < weight:
                            slot[position] = weight
        self._postings = postings
        self._vocabulary = sorted(postings)
        self._near = near
        self._near_vocabulary = sorted(near)

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
        self._near_matches(term, found)
        return found

    def _near_matches(self, term: str, found: dict[int, int]) -> None:
        """Another form of the word (its stem as a prefix) and, when nothing else matched, one typo;
        both over titles, summaries and keywords, and below every exact match."""

        def add(word: str) -> None:
            for position, weight in self._near[word].items():
                score = weight * 2 - 2
                if found.get(position, -99) < score:
                    found[position] = score

        stemmed = stem(term)
        if stemmed != term:
            start = bisect.bisect_left(self._near_vocabulary, stemmed)
            for index in range(start, len(self._near_vocabulary)):
                word = self._near_vocabulary[index]
                if not word.startswith(stemmed):
                    break
                add(word)
        if not found and len(term) >= MIN_TYPO:
            for word in self._near_vocabulary:
                if len(word) >= len(term) - 1 and _typo_of(term, word):
                    add(word)

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
