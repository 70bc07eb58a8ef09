"""Professionals' signed entries for the clinician view, and a note read on its own.

The view shows a carried note's entries in the same sections as the patient's, labelled with
who signed them ("Mette Hansen, fysioterapeut, Middelfart Fysioterapi - underskrift
kontrolleret, nøgle XXXX-...") and whether a loaded pack lists the key. A signature is never
presented as a proven identity: only a listed key is named as on a list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from infocards.codes.payload import Summary, summary_entries
from infocards.codes.sections import SECTION_KEYS, VIEW_SECTION_KEYS
from infocards.content.trust import list_label
from infocards.i18n import t
from infocards.reader.entries import ViewEntry, view_entries

if TYPE_CHECKING:
    from infocards.codes.carried import CarriedNote
    from infocards.codes.note_code import Note, Signer
    from infocards.content.trust import TrustList
    from infocards.reader.read import ReadResult

__all__ = ["note_json", "render_note", "signed_entries", "signer_json", "signer_label", "signer_notes", "signer_trust",
           "signer_who"]

# A note read on its own shows its records in every section but "involved" (the visits a summary lists).
_NOTE_SECTIONS = tuple(key for key in SECTION_KEYS if key != "involved")
# Its view sections: never "visits", which are the patient's own (a note's encounter is its plan).
_NOTE_VIEW_SECTIONS = tuple(key for key in VIEW_SECTION_KEYS if key != "visits")


def signer_json(
    signer: Signer,
    verified: bool,
    trust: TrustList | None,
    *,
    bound: bool,
    withheld: int = 0,
    reason: str | None = None,
) -> dict:
    """`signer` of --json: as the key states it, whether the note names a patient (`bound`), how
    many of its entries the patient did not share (`withheld`), and why it is not verified
    (`reason`: "signature" or "signer name"; None when it is). `listed` only when the signature
    checks and a loaded pack lists the key."""
    listed = trust.lookup(signer.fingerprint) if trust is not None and verified else None
    data = {**signer.to_json(), "verified": verified, "listed": listed is not None, "bound": bound,
            "withheld": withheld, "reason": None if verified else (reason or "signature")}
    if listed is not None:
        # the list's own words for who holds the key; the list named by kind, region, publisher
        data.update(name=listed.name, role=listed.role, place=listed.place, list=listed.list_json())
    return data


def signer_who(signer: Mapping, lang: str) -> str:
    """ "Mette Hansen, fysioterapeut, Klinik": from the signer's fields; never a name that broke the rule."""
    if signer.get("reason") == "signer name":
        return t("signed.bad_name", lang)
    role = t(f"vocab.role.{signer['role']}", lang)
    return ", ".join(part for part in (signer["name"], role, signer["place"]) if part)


def signer_trust(signer: Mapping, lang: str) -> str:
    """What the signature and the lists say: checked and listed, checked and not listed, or not checked."""
    if not signer["verified"]:
        return t("signed.failed_name" if signer.get("reason") == "signer name" else "signed.failed", lang)
    listed = signer["listed"]
    trust = t("signed.listed", lang, pack=list_label(signer["list"], lang)) if listed else t("signed.not_listed", lang)
    return f"{t('signed.checked', lang, fingerprint=signer['fingerprint'])} · {trust}"


def signer_notes(signer: Mapping, lang: str) -> list[str]:
    """The lines under the signer line: a note not written for a particular patient, and the
    entries of the note the patient did not share."""
    lines = []
    if not signer.get("bound", True):
        lines.append(t("signed.unbound", lang))
    if signer.get("withheld"):
        lines.append(t("signed.withheld", lang, count=signer["withheld"]))
    return lines


def signer_label(signer: Mapping, lang: str) -> str:
    """ "Mette Hansen, fysioterapeut, Klinik · underskrift kontrolleret, nøgle ... · nøglen står ikke på en liste"."""
    return f"{signer_who(signer, lang)} · {signer_trust(signer, lang)}"


def _as_summary(records: list[dict], sections: tuple[str, ...]) -> Summary:
    entries = [{**record, "id": f"s{i}", "source": "professional"} for i, record in enumerate(records)]
    return Summary(name="", birth_date=None, sections=sections, entries=summary_entries(entries, sections))


def signed_entries(key: str, summary: Summary, lang: str, trust: TrustList | None = None) -> list[ViewEntry]:
    """The view entries of view section `key` that carried notes hold, newest note first."""
    out: list[ViewEntry] = []
    notes: tuple[CarriedNote, ...] = summary.notes
    for note in sorted(notes, key=lambda n: n.core.issued, reverse=True):
        signer = signer_json(note.signer, note.verified, trust, bound=note.core.binding is not None,
                             withheld=note.withheld, reason=note.reason)
        label = signer_label(signer, lang)
        mini = _as_summary(note.records(), summary.sections)
        for entry in view_entries(key, mini, lang):
            out.append(replace(entry, source="professional", source_label=label, signer=signer))
    return out


def _binding_json(note: Note) -> dict | None:
    return None if note.core.binding is None else note.core.binding.to_json()


def note_json(result: ReadResult, lang: str, trust: TrustList | None = None) -> dict:
    """`infocards read --json` of a note: status, who signed it, for whom, and its entries."""

    note = result.note
    data: dict = {"status": result.status, "status_label": t(f"share.status.{result.status}", lang), "kind": "note"}
    if note is None:
        return data
    signer = signer_json(note.signer, True, trust, bound=note.core.binding is not None)
    mini = _as_summary(list(note.records), _NOTE_SECTIONS)
    sections = {}
    for key in _NOTE_VIEW_SECTIONS:
        entries = [{**e.to_json(), "signer": signer} for e in view_entries(key, mini, lang)]
        if entries:
            sections[key] = entries
    data.update(
        signer=signer,
        signer_label=signer_label(signer, lang),
        issued_at=note.core.issued_at.isoformat(),
        expires_at=note.core.expires_at.isoformat(),
        expired=result.status == "expired",
        written_for=_binding_json(note),
        records=[dict(r, source="professional") for r in note.records],
        sections=sections,
    )
    return data


def render_note(data: Mapping, lang: str) -> list[str]:
    """The lines of a note for a terminal (from note_json; the caller cleans them)."""
    lines = [t("note.reader.title", lang)]
    if "signer" not in data:
        return lines
    lines.append(t("note.reader.signer", lang, signer=data["signer_label"]))
    bound = data["written_for"]
    if bound is None:
        lines.append(t("signed.unbound", lang))
    else:
        birth = bound["birth_date"] or t("share.reader.birth_unknown", lang)
        lines.append(t("note.reader.for", lang, name=bound["name"], birth_date=birth))
    times = (datetime.fromisoformat(data[k]).strftime("%Y-%m-%d %H:%M UTC") for k in ("issued_at", "expires_at"))
    lines.append(t("share.reader.times", lang, **dict(zip(("issued", "expires"), times, strict=True))))
    for key, entries in data["sections"].items():
        lines += ["", t(f"share.view.{key}", lang).upper()]
        for entry in entries:
            lines.append(f"  {entry.get('date') or '':<10}  {entry['title']}")
            lines += [f"  {'':<10}    {detail}" for detail in entry["details"]]
    return lines
