"""Which fields each record type's form shows (records v1, DESIGN.md); flet-free."""

from __future__ import annotations

from dataclasses import dataclass

from infocards import vocab

__all__ = ["FORMS", "Field"]


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
