"""The cards that fit a patient's course, chosen from the wallet's records, each with the reason.

Flet-free (the wallet screen shows the result, tests run it on the reference course): the diagnosis
cards of the findings (named by `card`, or by a code that a diagnosis card carries), the role cards
of the professionals met and referred to, the legislation cards that fit a sick leave, and the
pathway card while a referral waits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from infocards.content.library import Library
from infocards.content.model import Card
from infocards.i18n import t
from infocards.i18n.formats import format_date

__all__ = ["SICK_LEAVE_CARDS", "SICK_STATUSES", "WAITING_CARD", "WAITING_STATUSES", "MyCard", "cards_for_course"]

SICK_STATUSES = ("sick_leave", "partial_sick_leave")
# Sick pay, the municipality's follow-up talks and the return-to-work plan come with a sick leave.
SICK_LEAVE_CARDS = ("sick-pay", "municipal-follow-up", "return-to-work-plan")
WAITING_STATUSES = ("planned", "sent", "waiting")
WAITING_CARD = "referred-on"  # the pathway card: what happens while a referral waits


@dataclass(frozen=True)
class MyCard:
    card: Card
    reason: str  # a key under mycards.why.
    params: Mapping[str, str] = field(default_factory=dict)  # role: a vocab role key; date: ISO

    def why(self, lang: str) -> str:
        """One line saying why the card is shown, in `lang`."""
        params = dict(self.params)
        if "date" in params:
            params["date"] = format_date(date.fromisoformat(params["date"]), lang)
        if "role" in params:
            params["role"] = _in_sentence(t(f"vocab.role.{params['role']}", lang), lang)
        return t(f"mycards.why.{self.reason}", lang, **params)


def _in_sentence(label: str, lang: str) -> str:
    """A role's label inside a Danish sentence starts in lower case ("praktiserende læge");
    English keeps its capitals (GP, Spine Centre)."""
    if lang != "da" or len(label) < 2 or label[1].isupper():
        return label
    return label[0].lower() + label[1:]


def _iso(value: object) -> str | None:
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        return None


def _dated(records: Iterable[Mapping]) -> list[Mapping]:
    """Records with a real date, newest first (a reason names the latest record behind it)."""
    kept = [r for r in records if isinstance(r, Mapping) and _iso(r.get("date"))]
    return sorted(kept, key=lambda r: (r["date"], str(r.get("id", ""))), reverse=True)


def _diagnoses(library: Library, records: list[Mapping], lang: str) -> list[MyCard]:
    found = []
    for record in records:
        if record.get("type") != "finding":
            continue
        cards, named = library.finding_cards(record, lang)  # the one "which card" rule
        if named:
            found += [MyCard(card, "finding_card", {"date": record["date"]}) for card in cards]
        else:
            code = str(record.get("code") or "").strip()
            found += [MyCard(card, "finding_code", {"date": record["date"], "code": code}) for card in cards]
    return found


def _roles(library: Library, records: list[Mapping], lang: str) -> list[MyCard]:
    found = []
    for record in records:
        kind = record.get("type")
        if kind in ("encounter", "treatment"):
            role, reason = record.get("role"), "met"
        elif kind == "referral":
            role, reason = record.get("to_role"), "referred"
        else:
            continue
        card = library.role_card(str(role), lang) if role else None
        if card is not None:
            found.append(MyCard(card, reason, {"role": str(role), "date": record["date"]}))
    return found


def _work(library: Library, records: list[Mapping], lang: str) -> list[MyCard]:
    work = [r for r in records if r.get("type") == "work"]
    if not work or work[0].get("status") not in SICK_STATUSES:
        return []
    status = work[0]["status"]
    since = work[0]["date"]
    for record in work[1:]:  # back to the start of this leave (older records, while still on leave)
        if record.get("status") not in SICK_STATUSES:
            break
        since = record["date"]
    cards = [library.get(card_id, lang) for card_id in SICK_LEAVE_CARDS]
    return [MyCard(card, status, {"date": since}) for card in cards if card is not None]


def _waiting(library: Library, records: list[Mapping], lang: str) -> list[MyCard]:
    card = library.get(WAITING_CARD, lang)
    if card is None:
        return []
    return [MyCard(card, "waiting", {"role": str(r.get("to_role") or "other"), "date": r["date"]})
            for r in records if r.get("type") == "referral" and r.get("status") in WAITING_STATUSES]


def cards_for_course(library: Library, records: Iterable[Mapping], lang: str) -> list[MyCard]:
    """Each fitting card once, with the reason of the newest record behind it: diagnoses first,
    then a waiting referral's pathway, the sick-leave rules, and the professionals."""
    dated = _dated(records)
    seen: set[str] = set()
    chosen = []
    for suggestion in (*_diagnoses(library, dated, lang), *_waiting(library, dated, lang),
                       *_work(library, dated, lang), *_roles(library, dated, lang)):
        if suggestion.card.id not in seen:
            seen.add(suggestion.card.id)
            chosen.append(suggestion)
    return chosen
