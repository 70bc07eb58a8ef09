"""Cards: markdown with front matter in packs, overlay, checking, search and safe rendering (no flet)."""

from infocards.content.check import Problem, check_packs
from infocards.content.library import Library
from infocards.content.links import card_link_target, classify_link
from infocards.content.model import CATEGORIES, Card, Pack, Source
from infocards.content.safe_markdown import markdown_for_app

__all__ = [
    "CATEGORIES",
    "Card",
    "Library",
    "Pack",
    "Problem",
    "Source",
    "card_link_target",
    "check_packs",
    "classify_link",
    "markdown_for_app",
]
