"""The copy for the journal: a read code as plain text a professional pastes into the record (EPJ).

One first line saying what it is, when it was read and with which key ("Patientens eget resumé
fra infocards, læst 7.12.2026 kl. 10.14: gyldigt, nøgle XXXX-..."), then each section as a
heading and short lines, every entry with its date and who it is from. Plain text only: no
markup, every line on one line and without control, format or bidi characters.

The text is made from the read result's JSON (what `infocards read --json` prints), so the
static reader's journal.mjs, which builds the same JSON in the browser, gives the same text;
tests/reader_site compares the two on every vector.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from infocards.i18n import t
from infocards.reader.read import ReadResult
from infocards.reader.readable import readable_date, readable_moment
from infocards.reader.signed_view import note_json, signer_who
from infocards.reader.view import build_view

if TYPE_CHECKING:
    from infocards.content.trust import TrustList
    from infocards.reader.entries import CardTitles

__all__ = ["journal_lines", "journal_text", "one_line"]

_LINE_BREAKS = re.compile("\r\n|[\r\n\t\u2028\u2029\u0085]")
_DROPPED = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


def one_line(text: object) -> str:
    """`text` on one line: line breaks and tabs become spaces; control, format (bidi marks,
    zero-width characters) and separator characters are dropped."""
    joined = _LINE_BREAKS.sub(" ", str(text))
    return "".join(ch for ch in joined if unicodedata.category(ch) not in _DROPPED)


def _signed_by(signer: Mapping, lang: str, key: str = "journal.signed") -> str:
    """ "skrevet og underskrevet af Mette Hansen, fysioterapeut, FysioMidt" (and the list, if any)."""
    if not signer.get("verified"):
        return t("journal.unverified", lang, who=signer_who(signer, lang))
    text = t(key, lang, who=signer_who(signer, lang))
    if signer.get("listed"):
        text += "; " + t("signed.listed", lang, pack=signer["list"])
    return text


def _entry_line(entry: Mapping, lang: str, section: str, with_source: bool = True) -> str:
    day = readable_date(entry.get("date"), lang) or t("share.reader.undated", lang)
    if entry.get("role_label") and section != "involved":  # in "involved" the role is the title
        day += f", {entry['role_label']}"
    text = "; ".join([entry["title"], *entry["details"]])
    if not with_source:
        return f"- {day}: {text}"
    source = _signed_by(entry["signer"], lang) if entry.get("signer") else entry["source_label"]
    return f"- {day}: {text} ({source})"


def _patient_line(patient: Mapping, lang: str) -> str:
    name = patient.get("name") or ""
    if not patient.get("birth_date"):
        return name or t("reader.ui.no_name", lang)
    born = t("share.reader.birth", lang, date=readable_date(patient["birth_date"], lang))
    return f"{name}, {born}" if name else born


def _summary_lines(data: Mapping, lang: str, moment: datetime) -> list[str]:
    lines = [t("journal.summary", lang, when=readable_moment(moment, lang), fingerprint=data["fingerprint"]),
             _patient_line(data["patient"], lang)]
    period = data["period"]
    if period["from"] or period["to"]:
        open_end = t("share.reader.open_end", lang)
        start, end = (readable_date(day, lang) or open_end for day in (period["from"], period["to"]))
        lines.append(t("share.reader.period", lang, start=start, end=end))
    if data["not_shared"]:
        names = ", ".join(t(f"share.section.{key}", lang) for key in data["not_shared"])
        lines.append(t("share.reader.not_shared", lang, sections=names))
    if data.get("omitted_note"):
        lines.append(data["omitted_note"])
    if "red_flags" in data["not_shared"]:
        lines.append(f"{t('share.view.red_flags', lang)}: {t('share.reader.red_flags_not_shared', lang)}")
    for key, entries in data["sections"].items():
        title = t(f"share.view.{key}", lang)
        if not entries:
            empty = t(f"share.empty.{key}", lang)
            if period["from"] or period["to"]:
                empty = t("share.reader.in_period", lang, text=empty)
            lines.append(f"{title}: {empty}")
            continue
        lines.append(f"{title}:")
        lines += [_entry_line(entry, lang, key) for entry in entries]
    return lines


def _note_lines(data: Mapping, lang: str, moment: datetime) -> list[str]:
    signer = data["signer"]
    lines = [t("journal.note", lang, when=readable_moment(moment, lang), fingerprint=signer["fingerprint"]),
             _signed_by(signer, lang, "journal.note_by")]
    bound = data["written_for"]
    if bound is None:
        lines.append(t("signed.unbound", lang))
    else:
        birth = readable_date(bound["birth_date"], lang) or t("share.reader.birth_unknown", lang)
        lines.append(t("note.reader.for", lang, name=bound["name"], birth_date=birth))
    for key, entries in data["sections"].items():
        lines.append(f"{t(f'share.view.{key}', lang)}:")
        lines += [_entry_line(entry, lang, key, with_source=False) for entry in entries]
    return lines


def journal_lines(data: Mapping, lang: str, moment: datetime) -> list[str] | None:
    """The journal's lines from a read result's JSON (`infocards read --json`), read at `moment`;
    None unless the code is valid (an expired or invalid code gives no text for the record)."""
    if data.get("status") != "valid":
        return None
    lines = _note_lines(data, lang, moment) if data.get("kind") == "note" else _summary_lines(data, lang, moment)
    return [one_line(line) for line in lines]


def journal_text(
    result: ReadResult,
    lang: str,
    moment: datetime,
    *,
    card_titles: CardTitles | None = None,
    trust: TrustList | None = None,
) -> str | None:
    """The text for the journal of a read code, or None when the code is not valid."""
    if result.status != "valid":
        return None
    data = note_json(result, lang, trust) if result.is_note else build_view(
        result, lang, card_titles, trust=trust).to_json()
    lines = journal_lines(data, lang, moment)
    return None if lines is None else "\n".join(lines)
