"""The da/en catalog: every user-facing string goes through `t`.

Each area keeps its strings in its own module (`STRINGS = {key: {"da": ..., "en": ...}}`) so that
work on one area does not touch another's; this module merges them and refuses duplicates.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime

from infocards.i18n import (
    common,
    content,
    content_checks,
    extras,
    note,
    patient,
    share,
    ui,
    vocab,
    wallet,
    wallet_ui,
    websec,
)

__all__ = ["CATALOG", "LANGS", "cli_language", "format_date", "format_datetime", "format_month", "t"]

LANGS = ("da", "en")


def _merge(*modules) -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for module in modules:
        for key, texts in module.STRINGS.items():
            if key in merged:
                raise RuntimeError(f"i18n key defined twice: {key}")
            merged[key] = texts
    return merged


CATALOG = _merge(common, content, content_checks, wallet, share, ui, vocab, wallet_ui, websec, extras, note, patient)


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


_MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}


def format_date(value: date, lang: str = "da") -> str:
    """A date as people write it: '27. november 2026' or '27 November 2026'."""
    month = _MONTHS.get(lang, _MONTHS["da"])[value.month - 1]
    return f"{value.day}. {month} {value.year}" if lang == "da" else f"{value.day} {month} {value.year}"


def format_month(year_month: str, lang: str = "da") -> str:
    """'2026-11' as 'november 2026' / 'November 2026' (unchanged if it is not such a month)."""
    try:
        year, month = (int(part) for part in year_month.split("-"))
        name = _MONTHS.get(lang, _MONTHS["da"])[month - 1]
    except (ValueError, IndexError):
        return year_month
    return f"{name} {year}"


def format_datetime(moment: datetime, lang: str = "da") -> str:
    """A moment in local time: '27. november 2026 kl. 23.50' / '27 November 2026 at 23:50'."""
    local = moment.astimezone()
    if lang == "da":
        return f"{format_date(local.date(), lang)} kl. {local:%H.%M}"
    return f"{format_date(local.date(), lang)} at {local:%H:%M}"
