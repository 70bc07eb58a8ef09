"""Numbers, dates and waits as people read them, in Danish or English: the one place they are formatted."""

from __future__ import annotations

import math

from infocards.i18n import t

__all__ = ["format_wait"]


def format_wait(seconds: float, lang: str = "da") -> str:
    """A wait as people say it: '1 sekund', '8 sekunder', '4 minutter' (rounded up)."""
    whole = max(1, math.ceil(seconds))
    if whole < 60:
        return t("wait.seconds.one" if whole == 1 else "wait.seconds.many", lang, n=whole)
    minutes = math.ceil(whole / 60)
    return t("wait.minutes.one" if minutes == 1 else "wait.minutes.many", lang, n=minutes)
