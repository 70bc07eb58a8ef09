"""The da/en catalog: every user-facing string goes through `t`.

Each area keeps its strings in its own module (`STRINGS = {key: {"da": ..., "en": ...}}`) so that
work on one area does not touch another's; this module merges them and refuses duplicates.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from infocards.i18n import (
    common,
    content,
    content_checks,
    extras,
    names,
    note,
    patient,
    share,
    site,
    ui,
    vocab,
    wallet,
    wallet_ui,
    websec,
)

__all__ = ["CATALOG", "LANGS", "cli_language", "label_for", "t"]

LANGS = ("da", "en")


def _merge(*modules) -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for module in modules:
        for key, texts in module.STRINGS.items():
            if key in merged:
                raise RuntimeError(f"i18n key defined twice: {key}")
            merged[key] = texts
    return merged


CATALOG = _merge(common, content, content_checks, wallet, share, ui, vocab, wallet_ui, websec, extras, names, note,
                 patient, site)


def t(key: str, lang: str = "da", /, **params: object) -> str:
    """Translate `key` into `lang` (falling back to Danish, then to the key itself)."""
    texts = CATALOG.get(key)
    if texts is None:
        return key
    text = texts.get(lang) or texts.get("da") or key
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def label_for(prefix: str, value: object, lang: str = "da") -> str:
    """The catalog's label for a word: `label_for("vocab.role", "gp", "en")` is "GP". The one
    rule for every list, view and terminal: '' for no word, the word itself when the catalog has
    no label for it (a catalog key never reaches a screen)."""
    if value is None or value == "":
        return ""
    key = f"{prefix}.{value}"
    return t(key, lang) if key in CATALOG else str(value)


def cli_language(environ: Mapping[str, str] | None = None) -> str:
    """The language for command-line messages: INFOCARDS_LANG, else the locale, else English."""
    env = os.environ if environ is None else environ
    chosen = env.get("INFOCARDS_LANG", "").strip().lower()
    if chosen in LANGS:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "da" if value.lower().startswith("da") else "en"
    return "en"


