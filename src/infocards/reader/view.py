"""The clinician view model (no Flet): ordered sections of dated entries, for the CLI and the UI.

The UI renders a ClinicianView as it is; the CLI prints render_text(view) or view.to_json().
Each entry says who reported it (always the patient: the code's signature vouches for no more);
diagnoses carry their card id and roles their role card id, so the UI can link to the cards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from infocards.codes.payload import Summary
from infocards.codes.sections import SECTION_KEYS, SHARED_SECTION_OF, VIEW_SECTION_KEYS
from infocards.errors import InvalidCode
from infocards.i18n import label_for, t
from infocards.reader.entries import CardTitles, ViewEntry, role_card, view_entries
from infocards.reader.read import ReadResult
from infocards.reader.readable import readable_date, readable_error, readable_moment
from infocards.reader.signed_view import signed_entries, signer_notes

if TYPE_CHECKING:
    from infocards.content.trust import TrustList

__all__ = ["CardTitles", "ClinicianView", "ViewEntry", "ViewSection", "build_view", "omitted_note", "render_text",
           "role_card"]

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
    reason: str | None = None  # why a code is invalid, in the format's words (errors.Reason), for --json
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
        origin = SHARED_SECTION_OF[key]
        if origin not in summary.sections and not (key == "diagnoses" and "imaging" in summary.sections):
            continue
        # A shared section's omitted count shows once: on findings (not diagnoses), on the visits.
        omitted = summary.omitted.get(origin, 0) if key in (origin, "visits") else 0
        # A professional's signed entries first, visibly apart from what the patient reports.
        # What happened at a visit (the patient's encounters) never reads as the plan: the plan
        # is what a professional's signed note says, the visits what the patient's records say.
        signed = signed_entries(key, summary, lang, trust) if key != "visits" else []
        own = view_entries(key, summary, lang, card_titles) if key != "plan" else []
        entries = (*signed, *own)
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
        shown_to_label=label_for("vocab.role", summary.to_role, lang) if summary.to_role else None,
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
    # The key first, in a place of its own: nothing in the name can move it or paint another.
    lines.append(t("share.reader.fingerprint", lang, fingerprint=view.fingerprint))
    lines.append(t("share.reader.patient", lang, name=view.name, birth_date=birth))
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
            if entry.signer is not None:  # a note for anyone, entries withheld: under the signer line
                lines += [f"  {'':<10}    {line}" for line in signer_notes(entry.signer, lang)]
    return "\n".join(lines) + "\n"
