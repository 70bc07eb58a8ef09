"""Which fields each record type's form shows (records v1, DESIGN.md); flet-free."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from infocards import vocab
from infocards.i18n import t
from infocards.i18n.formats import format_number, numeric_date
from infocards.records import MAX_SHORT, MAX_TEXT

__all__ = [
    "FORMS",
    "Field",
    "check_form",
    "field_label",
    "input_date",
    "input_value",
    "parse_number",
    "parse_user_date",
]


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
    "treatment": (_DATE, _ROLE, Field("what", "long_text"), Field("end", "date", required=False),
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


def input_date(iso: str | None) -> str:
    """An ISO date as the patient types it: '2026-08-01' -> '1.8.2026' (anything else unchanged)."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    return numeric_date(day)


def parse_number(text: str) -> float | int | None:
    """'18,5', '18.5' or '20' as a number; None when it is not one."""
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return int(number) if number.is_integer() else number


def input_value(spec: Field, value: object, lang: str) -> str | None:
    """What a form field shows for a stored value: dates and numbers the way the patient writes them."""
    if value is None:
        return None
    if spec.kind == "date":
        return input_date(str(value))
    if spec.kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value, lang)
    return str(value)


def field_label(spec: Field, specs: tuple[Field, ...], lang: str) -> str:
    """A field's label in its form, the one rule for the form and its problems: beside an end
    date the date is the start date ("Startdato")."""
    if spec.name == "date" and any(f.name == "end" for f in specs):
        return t("form.start_date", lang)
    return t(f"wallet.field.{spec.name}", lang)


def _check_field(spec: Field, specs: tuple[Field, ...], raw: object, lang: str) -> tuple[object, str | None]:
    raw = raw.strip() if isinstance(raw, str) else raw
    if raw in (None, ""):
        if spec.blank:
            return "", None
        if spec.required:
            return None, t("wallet.ui.fill_in", lang, field=field_label(spec, specs, lang))
        return None, None
    if spec.kind == "date":
        parsed = parse_user_date(str(raw))
        if parsed is None:
            return None, t("wallet.ui.bad_date_field", lang, field=field_label(spec, specs, lang))
        return parsed, None
    if spec.kind == "number":
        number = parse_number(str(raw))
        if number is None:
            return None, t("wallet.ui.not_a_number", lang, field=field_label(spec, specs, lang))
        if number < 0:
            return None, t("form.negative_hours", lang, field=field_label(spec, specs, lang))
        if number > 168:
            return None, t("form.too_many_hours", lang, field=field_label(spec, specs, lang))
        return number, None
    if spec.kind in ("text", "long_text"):
        limit = MAX_SHORT if spec.kind == "text" and spec.name in ("professional", "code") else MAX_TEXT
        if len(raw) > limit:
            label = field_label(spec, specs, lang)
            return None, t("form.too_long", lang, field=label, limit=format_number(limit, lang))
    return raw, None


def check_form(specs: tuple[Field, ...], raw: dict, lang: str) -> tuple[dict, dict[str, str]]:
    """The record a form describes and, per field name, what is wrong with it (in the patient's words).

    Checked per field (filled in, a real date, a number in range, not too long) and across fields
    (an end date before the start date)."""
    record: dict = {}
    problems: dict[str, str] = {}
    for spec in specs:
        value, problem = _check_field(spec, specs, raw.get(spec.name), lang)
        if problem:
            problems[spec.name] = problem
        elif value is not None:
            record[spec.name] = value
    if "end" in record and "date" in record and record["end"] < record["date"]:
        problems["end"] = t("form.end_before_start", lang)
    return record, problems
