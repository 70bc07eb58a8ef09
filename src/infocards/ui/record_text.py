"""How a record reads in a list: a title and a line of detail, in the user's language; flet-free."""

from __future__ import annotations

from infocards.i18n import label_for, t
from infocards.i18n.formats import format_number

__all__ = ["record_detail", "record_title", "signer_words"]


def record_title(record: dict, lang: str) -> str:
    kind = record.get("type", "")
    title = label_for("vocab.type", kind, lang)
    if kind == "finding":
        title = label_for("vocab.kind", record.get("kind"), lang) or title
    role = record.get("role")
    if kind == "referral":
        role = record.get("to_role")
    if role:
        title += " · " + label_for("vocab.role", role, lang)
    return title


def record_detail(record: dict, lang: str, card_title: str | None = None) -> str:
    """The record's line of detail; a finding reads with its diagnosis card's name, not its code
    ("Iskias (lumbal radikulopati) · Straight leg raise ..."): the code is in the entry itself."""
    kind = record.get("type")
    if kind == "encounter":
        parts = [record.get("place", ""), record.get("summary", "")]
    elif kind == "finding":
        parts = [card_title or "", record.get("text", "")]
    elif kind == "referral":
        parts = [record.get("reason", ""), label_for("vocab.referral_status", record.get("status"), lang)]
    elif kind == "treatment":
        parts = [record.get("what", ""), label_for("vocab.effect", record.get("effect"), lang)]
    elif kind == "medication":
        parts = [f"{record.get('name', '')} {record.get('dose', '')}".strip(),
                 label_for("vocab.effect", record.get("effect"), lang)]
    elif kind == "goal":
        parts = [record.get("text", ""), label_for("vocab.goal_status", record.get("status"), lang)]
    elif kind == "work":
        hours = record.get("hours_per_week")
        shown_hours = ""
        if isinstance(hours, int | float) and not isinstance(hours, bool):
            shown_hours = t("record.hours", lang, hours=format_number(hours, lang))
        parts = [label_for("vocab.work_status", record.get("status"), lang), shown_hours, record.get("note", "")]
    else:
        parts = [record.get("text", "")]
    return " · ".join(p for p in parts if p)


def signer_words(signer, lang: str) -> str:
    """Name, role and place of a note's signer, each from the signed core's own field."""
    return ", ".join(p for p in (signer.name, t(f"vocab.role.{signer.role}", lang), signer.place) if p)
