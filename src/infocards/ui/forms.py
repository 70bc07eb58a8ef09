"""Which fields each record type's form shows (records v1, DESIGN.md); flet-free."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from infocards import vocab

__all__ = ["FORMS", "Field", "parse_user_date"]


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # date, text, long_text, role, choice, number, diagnosis
    required: bool = True
    choices: tuple[str, ...] = ()
    group: str = ""  # the vocab.<group> catalog prefix for choice labels
    blank: bool = False  # may be left empty, but the record still carries it (as "")


_DATE = Field("date", "date")
_ROLE = Field("role", "role", choices=vocab.ROLES, group="role")

FORMS: dict[str, tuple[Field, ...]] = {
    "encounter": (_DATE, _ROLE, Field("place", "text"), Field("professional", "text", required=False),
                  Field("summary", "long_text")),
    "finding": (_DATE, _ROLE, Field("kind", "choice", choices=vocab.FINDING_KINDS, group="kind"),
                Field("card", "diagnosis", required=False), Field("text", "long_text"),
                Field("code", "text", required=False)),
    "referral": (_DATE, Field("from_role", "role", choices=vocab.ROLES, group="role"),
                 Field("to_role", "role", choices=vocab.ROLES, group="role"), Field("reason", "long_text"),
                 Field("status", "choice", choices=vocab.REFERRAL_STATUSES, group="referral_status")),
    "treatment": (_DATE, _ROLE, Field("what", "text"), Field("end", "date", required=False),
                  Field("effect", "choice", choices=vocab.EFFECTS, group="effect")),
    "medication": (_DATE, Field("name", "text"), Field("dose", "text"), Field("end", "date", required=False),
                   Field("effect", "choice", choices=vocab.EFFECTS, group="effect")),
    "goal": (_DATE, Field("text", "long_text"),
             Field("status", "choice", choices=vocab.GOAL_STATUSES, group="goal_status")),
    "work": (_DATE, Field("status", "choice", choices=vocab.WORK_STATUSES, group="work_status"),
             Field("hours_per_week", "number", required=False), Field("note", "long_text", required=False, blank=True)),
    "note": (_DATE, Field("text", "long_text")),
}


_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")


def parse_user_date(text: str) -> str | None:
    """A date as people type it in Denmark (1.8.2026, 01-08-2026, 1/8/2026) or ISO (2026-08-01),
    as an ISO string; None when it is not a real date."""
    text = text.strip()
    found = _DAY_FIRST.match(text)
    try:
        if found:
            day, month, year = (int(part) for part in found.groups())
            return date(year, month, day).isoformat()
        return date.fromisoformat(text).isoformat() if len(text) == 10 else None
    except ValueError:
        return None
