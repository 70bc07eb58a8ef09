"""The clinician view model (no Flet): ordered sections of dated entries, for the CLI and the UI.

The UI renders a ClinicianView as it is; the CLI prints render_text(view) or view.to_json().
Each entry says who reported it (always the patient: the code's signature vouches for no more);
diagnoses carry their card id and roles their role card id, so the UI can link to the cards.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from infocards.errors import InvalidCode
from infocards.i18n import t
from infocards.share.readable import readable_date, readable_error, readable_moment, readable_number
from infocards.share.reader import ReadResult
from infocards.share.sections import SECTION_KEYS, VIEW_SECTION_KEYS
from infocards.share.signed_view import signed_entries
from infocards.share.summary import Summary, entry_kind

if TYPE_CHECKING:
    from infocards.content.trust import TrustList

__all__ = ["CardTitles", "ClinicianView", "ViewEntry", "ViewSection", "build_view", "omitted_note", "render_text",
           "role_card"]

# Looks up a card's title by its id in the reader's language (None when the card is unknown).
CardTitles = Callable[[str], "str | None"]

# Which shared section each view section comes from (omitted counts are reported there).
_FROM_SECTION = {
    "red_flags": "red_flags",
    "diagnoses": "findings",
    "findings": "findings",
    "imaging": "imaging",
    "treatments": "treatments",
    "medication": "medication",
    "referrals": "referrals",
    "plan": "plan_goals",
    "goals": "plan_goals",
    "work": "work",
    "involved": "involved",
}


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


@dataclass(frozen=True)
class ViewSection:
    key: str  # one of VIEW_SECTION_KEYS
    title: str
    entries: tuple[ViewEntry, ...]
    omitted: int = 0  # entries of this section left out to fit one QR code
    empty_text: str = ""  # what to say when it was shared but holds nothing ("No medication recorded")


@dataclass(frozen=True)
class ClinicianView:
    status: str  # valid | expired | invalid | not_infocards
    status_label: str
    message: str | None  # why a code is invalid or not ours, in words
    lang: str
    reason: str | None = None  # the codec's own (English) reason for an invalid code, for --json
    name: str | None = None
    birth_date: str | None = None
    fingerprint: str | None = None
    issued_at: datetime | None = None
    expires_at: datetime | None = None
    shown_to: str | None = None
    shown_to_label: str | None = None
    period: tuple[str | None, str | None] = (None, None)
    sections: tuple[ViewSection, ...] = ()
    not_shared: tuple[str, ...] = ()  # shared-section keys the patient chose not to share
    omitted_note: str | None = None  # one sentence on what was left out, or None
    reason: str | None = None  # why a code is invalid, in the code's own words (for --json)

    @property
    def expired(self) -> bool:
        return self.status == "expired"

    def period_line(self) -> str | None:
        """'Periode: 1.8.2026 til …' when the patient shared only a period, else None."""
        if self.period == (None, None):
            return None
        open_end = t("share.reader.open_end", self.lang)
        start, end = (readable_date(day, self.lang) or open_end for day in self.period)
        return t("share.reader.period", self.lang, start=start, end=end)

    def patient_line(self) -> str:
        """'Anna Jensen, født 14.3.1978' (the name alone when no birth date was shared)."""
        name = self.name or ""
        if not self.birth_date:
            return name
        born = t("share.reader.birth", self.lang, date=readable_date(self.birth_date, self.lang))
        return f"{name}, {born}" if name else born

    def not_shared_line(self) -> str | None:
        """'Not shared: ...' naming the sections the patient left out, else None: a section missing
        from the code must never read as "nothing to report"."""
        if not self.not_shared:
            return None
        names = ", ".join(t(f"share.section.{key}", self.lang) for key in self.not_shared)
        return t("share.reader.not_shared", self.lang, sections=names)

    def to_json(self) -> dict:
        data: dict = {"status": self.status, "status_label": self.status_label}
        if self.message:
            data["message"] = self.message
        if self.reason:
            data["reason"] = self.reason
        if self.name is None:
            return data
        data.update(
            patient={"name": self.name, "birth_date": self.birth_date},
            fingerprint=self.fingerprint,
            issued_at=self.issued_at.isoformat() if self.issued_at else None,
            expires_at=self.expires_at.isoformat() if self.expires_at else None,
            expired=self.expired,
            shown_to=self.shown_to,
            period={"from": self.period[0], "to": self.period[1]},
            sections={s.key: [e.to_json() for e in s.entries] for s in self.sections},
            omitted={s.key: s.omitted for s in self.sections if s.omitted},
            omitted_note=self.omitted_note,
            not_shared=list(self.not_shared),
        )
        return data


def _label(group: str, value: str, lang: str) -> str:
    """A vocabulary label (i18n/vocab.py): the one place roles, kinds, effects and statuses are named."""
    return t(f"vocab.{group}.{value}", lang)


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
    return {"role": role, "role_label": _label("role", role, lang), "role_card": role_card(role)}


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
    kind = _label("kind", entry.get("kind", "imaging"), lang)
    headline = " · ".join(part for part in (card_title, code) if part)
    title, details = (headline, [entry["text"], kind]) if headline else (entry["text"], [kind])
    return _entry(entry, lang, title, details, card=card, card_title=card_title, code=code,
                  **_role(entry.get("role"), lang))


def _is_diagnosis(entry: Mapping) -> bool:
    """Coded findings and imaging, and findings of kind diagnosis, show under diagnoses (only)."""
    return bool(entry.get("code")) or entry.get("kind") == "diagnosis"


def _view_entries(key: str, summary: Summary, lang: str, card_titles: CardTitles | None = None) -> list[ViewEntry]:
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
            _entry(e, lang, e["what"], [_label("effect", e["effect"], lang), _ended(e, lang)], **_role(e["role"], lang))
            for e in entries.get("treatments", ())
        ]
    if key == "medication":
        return [
            _entry(
                e,
                lang,
                " ".join(p for p in (e["name"], e["dose"]) if p),
                [_label("effect", e["effect"], lang), _ended(e, lang)],
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
                        from_role=_label("role", e["from_role"], lang),
                        to_role=_label("role", e["to_role"], lang),
                    ),
                    _label("referral_status", e["status"], lang),
                ],
                **_role(e["to_role"], lang),
            )
            for e in entries.get("referrals", ())
        ]
    if key in ("plan", "goals"):
        kind = "plan" if key == "plan" else "goal"
        chosen = [e for e in entries.get("plan_goals", ()) if entry_kind("plan_goals", e) == kind]
        if kind == "plan":
            return [_entry(e, lang, e["text"], [], **_role(e["role"], lang)) for e in chosen]
        return [_entry(e, lang, e["text"], [_label("goal_status", e["status"], lang)]) for e in chosen]
    if key == "work":
        return [
            _entry(
                e,
                lang,
                _label("work_status", e["status"], lang),
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
                _label("role", e["role"], lang),
                [e.get("place"), e.get("professional")],
                **_role(e["role"], lang),
            )
            for e in entries.get("involved", ())
        ]
    raise ValueError(f"unknown view section {key}")


def omitted_note(omitted: Mapping[str, int], lang: str) -> str | None:
    """One sentence on what was left out to fit one QR code (per shared section), or None."""
    parts = [
        t("share.reader.omitted_part", lang, count=omitted[key], section=t(f"share.section.{key}", lang))
        for key in SECTION_KEYS
        if omitted.get(key)
    ]
    if omitted.get("notes"):
        parts.append(t("share.reader.omitted_notes", lang, count=omitted["notes"]))
    return t("share.reader.omitted", lang, parts=", ".join(parts)) if parts else None


def _empty_text(key: str, summary: Summary, lang: str) -> str:
    text = t(f"share.empty.{key}", lang)
    return t("share.reader.in_period", lang, text=text) if summary.period != (None, None) else text


def build_view(
    result: ReadResult, lang: str = "da", card_titles: CardTitles | None = None, *, trust: TrustList | None = None
) -> ClinicianView:
    """The clinician view of a read result; invalid and foreign codes get a status and nothing else.

    `card_titles` names the cards that diagnoses and findings link to, in `lang`, where the reader
    has the cards (the app; the command line when its packs load). `trust`: the loaded packs'
    trusted keys, to say whether a professional's key is listed."""
    status_label = t(f"share.status.{result.status}", lang)
    message = readable_error(result.error, lang)
    reason = result.error.params.get("reason") if isinstance(result.error, InvalidCode) else None
    summary = result.summary
    if summary is None:
        return ClinicianView(result.status, status_label, message, lang, reason=reason)
    sections = []
    for key in VIEW_SECTION_KEYS:
        origin = _FROM_SECTION[key]
        if origin not in summary.sections and not (key == "diagnoses" and "imaging" in summary.sections):
            continue
        # A shared section's omitted count shows once: on findings (not diagnoses), on the plan.
        omitted = summary.omitted.get(origin, 0) if key in (origin, "plan") else 0
        # A professional's signed entries first, visibly apart from what the patient reports.
        entries = (*signed_entries(key, summary, lang, trust), *_view_entries(key, summary, lang, card_titles))
        if not entries and not omitted and key in ("findings", "imaging") and summary.entries.get(key):
            continue  # all of them are coded and show under diagnoses
        sections.append(ViewSection(key, t(f"share.view.{key}", lang), entries, omitted,
                                    empty_text=_empty_text(key, summary, lang)))
    return ClinicianView(
        status=result.status,
        status_label=status_label,
        message=message,
        lang=lang,
        name=summary.name,
        birth_date=summary.birth_date,
        fingerprint=result.fingerprint,
        issued_at=result.issued_at,
        expires_at=result.expires_at,
        shown_to=summary.to_role,
        shown_to_label=_label("role", summary.to_role, lang) if summary.to_role else None,
        period=summary.period,
        sections=tuple(sections),
        not_shared=tuple(key for key in SECTION_KEYS if key not in summary.sections),
        omitted_note=omitted_note(summary.omitted, lang),
    )


def render_text(view: ClinicianView) -> str:
    """The view as plain text for a terminal: header, then each section's dated entries."""
    lang = view.lang
    lines = [t("share.reader.title", lang), t("share.reader.status", lang, status=view.status_label)]
    if view.message:
        lines.append(view.message)
    if view.name is None:
        return "\n".join(lines) + "\n"
    birth = readable_date(view.birth_date, lang) or t("share.reader.birth_unknown", lang)
    lines.append(t("share.reader.patient", lang, name=view.name, birth_date=birth))
    lines.append(t("share.reader.fingerprint", lang, fingerprint=view.fingerprint))
    lines.append(t("share.reader.times", lang, issued=readable_moment(view.issued_at, lang) or "?",
                   expires=readable_moment(view.expires_at, lang) or "?"))
    if view.shown_to_label:
        lines.append(t("share.reader.shared_with", lang, role=view.shown_to_label))
    if view.period_line():
        lines.append(view.period_line())
    if view.omitted_note:
        lines.append(view.omitted_note)
    if view.not_shared_line():
        lines.append(view.not_shared_line())
    undated = t("share.reader.undated", lang)
    for section in view.sections:
        lines += ["", section.title.upper()]
        if not section.entries:
            lines.append("  " + (section.empty_text or t("share.reader.nothing", lang)))
        for entry in section.entries:
            lines.append(f"  {readable_date(entry.date, lang) or undated:<10}  {entry.title}")
            for detail in entry.details:
                lines.append(f"  {'':<10}    {detail}")
            who = " · ".join(p for p in (entry.role_label, entry.source_label) if p)
            if entry.card and not entry.card_title:
                who += " · " + t("share.reader.card", lang, card=entry.card)
            lines.append(f"  {'':<10}    ({who})")
    return "\n".join(lines) + "\n"
