"""The clinician view's entries (no Flet): one summary entry to one line of the view, for every reader.

The patient's entries and a professional's signed entries (signed_view) are turned into view
entries here, one way for both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from infocards.codes.payload import Summary, entry_kind
from infocards.i18n import label_for, t
from infocards.reader.readable import readable_date, readable_number

__all__ = ["CardTitles", "ViewEntry", "role_card", "view_entries"]

# Looks up a card's title by its id in the reader's language (None when the card is unknown).
CardTitles = Callable[[str], "str | None"]


def role_card(role: str) -> str:
    """The id of a role's card: "spine_centre" -> "role-spine-centre"."""
    return "role-" + role.replace("_", "-")


@dataclass(frozen=True)
class ViewEntry:
    date: str | None  # ISO date; None only for the profile's GP in "involved"
    title: str
    details: tuple[str, ...]  # further lines, translated
    source: str  # "patient" or "professional", as the patient recorded it
    source_label: str  # "reported by the patient" (+ "from a professional, the patient says")
    role: str | None = None
    role_label: str | None = None
    role_card: str | None = None  # card id of the role, for a link
    card: str | None = None  # card id of a diagnosis, for a link
    card_title: str | None = None  # that card's title, where the reader knows the card
    code: str | None = None  # e.g. "ICD-10:M51.1"
    fields: Mapping = field(default_factory=dict)  # the entry as carried in the code
    signer: Mapping | None = None  # a professional's signed entry: signed_view.signer_json

    def to_json(self) -> dict:
        data = {
            **self.fields,
            "title": self.title,
            "details": list(self.details),
            "source_label": self.source_label,
            "role_label": self.role_label,
            "role_card": self.role_card,
            "card_title": self.card_title,
        }
        if self.signer is not None:
            data["signer"] = dict(self.signer)
        return data


# The code is signed by the patient's own key: that proves the patient made the code, not who
# wrote an entry. So an entry the patient marked as from a professional is still the patient's
# report, and says so. Lower-case: the label follows the role mid-line.
_SOURCE_LABELS = {
    "patient": "share.reader.source.patient",
    "professional": "share.reader.source.professional",
}


def _source_label(source: str, lang: str) -> str:
    """Who reported an entry as far as the code can show: always the patient ("oplyst af patienten")."""
    return t(_SOURCE_LABELS[source], lang)


def _role(role: str | None, lang: str) -> dict:
    if not role:
        return {}
    return {"role": role, "role_label": label_for("vocab.role", role, lang), "role_card": role_card(role)}


def _entry(entry: Mapping, lang: str, title: str, details: list[str | None], **extra) -> ViewEntry:
    source = entry["source"]
    changed = entry.get("changed")  # a professional's entry the patient edited: never shown as signed
    return ViewEntry(
        date=entry.get("date"),
        title=title,
        details=tuple(d for d in details if d),
        source=source,
        source_label=t("share.reader.source.changed", lang) if changed else _source_label(source, lang),
        fields=dict(entry),
        **extra,
    )


def _mid_sentence(role: str, lang: str) -> str:
    """A role's label inside a sentence: Danish writes it in lower case ("til fysioterapeut")."""
    label = label_for("vocab.role", role, lang)
    return label[:1].lower() + label[1:] if lang == "da" else label


def _ended(entry: Mapping, lang: str) -> str:
    if entry.get("end"):
        return t("share.reader.ended", lang, date=readable_date(entry["end"], lang))
    return t("share.reader.ongoing", lang)


def _finding(entry: Mapping, lang: str, card_titles: CardTitles | None) -> ViewEntry:
    """A finding or imaging entry. One with a card or a code is titled by them, "Iskias (lumbal
    radikulopati) · ICPC-2:L86", and its text follows; else its text is the title."""
    code = entry.get("code")
    card = entry.get("card")
    card_title = card_titles(card) if card and card_titles else None
    kind = label_for("vocab.kind", entry.get("kind", "imaging"), lang)
    headline = " · ".join(part for part in (card_title, code) if part)
    title, details = (headline, [entry["text"], kind]) if headline else (entry["text"], [kind])
    return _entry(entry, lang, title, details, card=card, card_title=card_title, code=code,
                  **_role(entry.get("role"), lang))


def _is_diagnosis(entry: Mapping) -> bool:
    """Coded findings and imaging, and findings of kind diagnosis, show under diagnoses (only)."""
    return bool(entry.get("code")) or entry.get("kind") == "diagnosis"


def view_entries(key: str, summary: Summary, lang: str, card_titles: CardTitles | None = None) -> list[ViewEntry]:
    entries = summary.entries
    if key == "red_flags":
        return [_entry(e, lang, e["text"], [], **_role(e["role"], lang)) for e in entries.get("red_flags", ())]
    if key == "diagnoses":
        coded = [e for e in (*entries.get("findings", ()), *entries.get("imaging", ())) if _is_diagnosis(e)]
        coded.sort(key=lambda e: e.get("date") or "", reverse=True)
        return [_finding(e, lang, card_titles) for e in coded]
    if key in ("findings", "imaging"):
        return [_finding(e, lang, card_titles) for e in entries.get(key, ()) if not _is_diagnosis(e)]
    if key == "treatments":
        return [
            _entry(e, lang, e["what"], [label_for("vocab.effect", e["effect"], lang), _ended(e, lang)],
                   **_role(e["role"], lang))
            for e in entries.get("treatments", ())
        ]
    if key == "medication":
        return [
            _entry(
                e,
                lang,
                " ".join(p for p in (e["name"], e["dose"]) if p),
                [label_for("vocab.effect", e["effect"], lang), _ended(e, lang)],
            )
            for e in entries.get("medication", ())
        ]
    if key == "referrals":
        return [
            _entry(
                e,
                lang,
                e["reason"],
                [
                    t(
                        "share.reader.referral",
                        lang,
                        from_role=label_for("vocab.role", e["from_role"], lang),
                        to_role=label_for("vocab.role", e["to_role"], lang),
                    ),
                    label_for("vocab.referral_status", e["status"], lang),
                ],
                # The line under it names the recipient as the referral's goal, never as who wrote it
                # ("Henvisning til fysioterapeut · oplyst af patienten").
                **{**_role(e["to_role"], lang),
                   "role_label": t("share.reader.referral_to", lang, to_role=_mid_sentence(e["to_role"], lang))},
            )
            for e in entries.get("referrals", ())
        ]
    if key in ("visits", "plan", "goals"):
        # The plan kind of entry is an encounter's text: the patient's own are visits, a signed
        # note's are its plan (reader.view and signed_view route them).
        kind = "goal" if key == "goals" else "plan"
        chosen = [e for e in entries.get("plan_goals", ()) if entry_kind("plan_goals", e) == kind]
        if kind == "plan":
            return [_entry(e, lang, e["text"], [], **_role(e["role"], lang)) for e in chosen]
        return [_entry(e, lang, e["text"], [label_for("vocab.goal_status", e["status"], lang)]) for e in chosen]
    if key == "work":
        return [
            _entry(
                e,
                lang,
                label_for("vocab.work_status", e["status"], lang),
                [
                    None
                    if e.get("hours_per_week") is None
                    else t("share.reader.hours", lang, hours=readable_number(e["hours_per_week"], lang)),
                    e.get("note"),
                ],
            )
            for e in entries.get("work", ())
        ]
    if key == "involved":
        return [
            _entry(
                e,
                lang,
                label_for("vocab.role", e["role"], lang),
                [e.get("place"), e.get("professional")],
                **_role(e["role"], lang),
            )
            for e in entries.get("involved", ())
        ]
    raise ValueError(f"unknown view section {key}")
