"""The content checker for municipal editors: every problem in a set of packs, by file and line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from infocards.content.loader import load_packs
from infocards.content.problems import Problem

__all__ = ["Problem", "check_and_count", "check_packs", "count_by_severity"]


def check_and_count(
    pack_paths: Sequence[Path], today: date | None = None, lang: str = "en"
) -> tuple[list[Problem], int]:
    """The problems, sorted by file and line, and the number of cards the app would show."""
    loaded = load_packs(pack_paths, today=today, lang=lang)
    return sorted(loaded.problems.problems, key=lambda p: (p.path, p.line)), len(loaded.cards)


def check_packs(pack_paths: Sequence[Path], today: date | None = None, lang: str = "en") -> list[Problem]:
    """Every problem in the packs (loaded in order, as the app would), sorted by file and line."""
    return check_and_count(pack_paths, today, lang)[0]


def count_by_severity(problems: Sequence[Problem]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for p in problems if p.severity == "error")
    return errors, len(problems) - errors
