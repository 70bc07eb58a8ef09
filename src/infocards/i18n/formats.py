"""Numbers, dates and waits as people read them, in Danish or English: the one place they are formatted.

Danish dates are written "1.8.2026" (the way a patient types one, too), long dates "1. august
2026", times "kl. 10.19"; English gets "1 Aug 2026", "1 August 2026", "at 10:19". Numbers group
thousands and drop the decimals of a whole number: "10.000,5" in Danish, "10,000.5" in English.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from infocards.i18n import t

__all__ = [
    "format_date",
    "format_datetime",
    "format_month",
    "format_number",
    "format_wait",
    "numeric_date",
    "short_date",
    "short_datetime",
]

_MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}
_EN_SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MAX_DECIMALS = 10  # more than any field holds; the float's noise beyond it is dropped


def numeric_date(day: date) -> str:
    """'1.8.2026': day.month.year without leading zeros, as the date fields expect one typed."""
    return f"{day.day}.{day.month}.{day.year}"


def short_date(value: date, lang: str = "da") -> str:
    """'1.8.2026' in Danish, '1 Aug 2026' in English."""
    if lang == "da":
        return numeric_date(value)
    return f"{value.day} {_EN_SHORT_MONTHS[value.month - 1]} {value.year}"


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


def _at_time(day_text: str, local: datetime, lang: str) -> str:
    return f"{day_text} kl. {local:%H.%M}" if lang == "da" else f"{day_text} at {local:%H:%M}"


def format_datetime(moment: datetime, lang: str = "da") -> str:
    """A moment in local time: '27. november 2026 kl. 23.50' / '27 November 2026 at 23:50'."""
    local = moment.astimezone()
    return _at_time(format_date(local.date(), lang), local, lang)


def short_datetime(moment: datetime, lang: str = "da") -> str:
    """A moment in local time: '1.12.2026 kl. 10.19' / '1 Dec 2026 at 10:19'."""
    local = moment.astimezone()
    return _at_time(short_date(local.date(), lang), local, lang)


def format_number(value: float | int, lang: str = "da") -> str:
    """18.5 -> '18,5' and 10000.5 -> '10.000,5' in Danish ('18.5', '10,000.5' in English); a
    whole number has no decimals ('37'), and no number is written with an exponent."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, int) or value.is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.{_MAX_DECIMALS}f}".rstrip("0").rstrip(".")
    if lang == "da":
        return text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def format_wait(seconds: float, lang: str = "da") -> str:
    """A wait as people say it: '1 sekund', '8 sekunder', '4 minutter' (rounded up)."""
    whole = max(1, math.ceil(seconds))
    if whole < 60:
        return t("wait.seconds.one" if whole == 1 else "wait.seconds.many", lang, n=whole)
    minutes = math.ceil(whole / 60)
    return t("wait.minutes.one" if minutes == 1 else "wait.minutes.many", lang, n=minutes)
