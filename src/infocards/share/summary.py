"""Chooses what goes into a shared summary: the patient's sections and period, from the records.

A Summary is the flat, codec-ready shape: per section a tuple of entries (plain dicts with the
fields of ENTRY_FIELDS), newest first. Notes (`note` records) are private and never shared.

A period selects what was current in it, not only what started in it: a treatment or medicine
that began before the period and was still running in it (no end, or an end inside or after the
period), a diagnosis (a coded finding, or one of kind diagnosis), a goal still active and a
referral still open, and the work status in force when the period began. Visits, examinations,
red-flag screenings and other events count when they happened in the period.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from infocards.share.sections import SECTION_KEYS

__all__ = ["ENTRY_FIELDS", "Summary", "build_summary", "entry_kind"]

# The fields of an entry, per entry kind; the codec writes them in this order.
ENTRY_FIELDS: dict[str, tuple[str, ...]] = {
    "red_flags": ("date", "source", "role", "text"),
    "findings": ("date", "source", "role", "kind", "text", "code", "card"),
    "imaging": ("date", "source", "role", "text", "code", "card"),
    "treatments": ("date", "source", "role", "what", "end", "effect"),
    "medication": ("date", "source", "name", "dose", "end", "effect"),
    "referrals": ("date", "source", "from_role", "to_role", "reason", "status"),
    "plan": ("date", "source", "role", "text"),
    "goal": ("date", "source", "text", "status"),
    "work": ("date", "source", "status", "hours_per_week", "note"),
    "involved": ("date", "source", "role", "place", "professional"),
}


@dataclass(frozen=True)
class Summary:
    """What one code carries. Dates are ISO strings; absent optional fields are None."""

    name: str
    birth_date: str | None
    sections: tuple[str, ...]
    entries: Mapping[str, tuple[dict, ...]]
    to_role: str | None = None
    period: tuple[str | None, str | None] = (None, None)
    omitted: Mapping[str, int] = field(default_factory=dict)  # "notes": professionals' notes left out
    notes: tuple = ()  # carry.CarriedNote: professionals' signed entries, apart from the patient's

    def count(self) -> int:
        return sum(len(items) for items in self.entries.values())

    def without(self, section: str, entry: dict) -> Summary:
        """A copy with one entry left out and counted as omitted."""
        items = tuple(e for e in self.entries[section] if e is not entry)
        omitted = dict(self.omitted)
        omitted[section] = omitted.get(section, 0) + 1
        return replace(self, entries={**self.entries, section: items}, omitted=omitted)


def entry_kind(section: str, entry: Mapping) -> str:
    """The ENTRY_FIELDS key of an entry: sections hold one kind, except plan_goals (two)."""
    if section == "plan_goals":
        return "goal" if "status" in entry else "plan"
    return section


def _optional(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


_OPEN_REFERRALS = frozenset({"planned", "sent", "waiting"})


def _still_current(record: Mapping, start: str) -> bool:
    """Whether a record dated before the period's start is still current at that start."""
    kind = record["type"]
    if kind in ("treatment", "medication"):
        stopped = _optional(record.get("end"))
        return stopped is None or stopped >= start
    if kind == "finding":
        return record.get("kind") == "diagnosis" or _optional(record.get("code")) is not None
    if kind == "goal":
        return record.get("status") == "active"
    if kind == "referral":
        return record.get("status") in _OPEN_REFERRALS
    return False


def _current_in_period(records: Iterable[Mapping], start: str | None, end: str | None) -> list[Mapping]:
    """The records that were current in the period [start, end] (both inclusive, either open)."""
    chosen: list[Mapping] = []
    work_at_start: Mapping | None = None  # the work status in force when the period began
    for record in records:
        day = str(record.get("date", ""))
        if end is not None and day > end:
            continue  # it began after the period
        if start is None or day >= start or _still_current(record, start):
            chosen.append(record)
        elif record["type"] == "work" and (
            work_at_start is None or (day, record.get("id", "")) > (work_at_start["date"], work_at_start.get("id", ""))
        ):
            work_at_start = record
    set_on_start = any(r["type"] == "work" and r.get("date") == start for r in chosen)
    if work_at_start is not None and not set_on_start:
        chosen.append(work_at_start)
    return chosen


def _newest_first(entries: Iterable[dict]) -> tuple[dict, ...]:
    return tuple(sorted(entries, key=lambda e: e.get("date") or "", reverse=True))


def _involved(encounters: list[Mapping], profile: Mapping) -> list[dict]:
    """One entry per role and place: when, and by whom, the patient was last seen there."""
    latest: dict[tuple[str, str], Mapping] = {}
    for record in sorted(encounters, key=lambda r: (r["date"], r.get("id", ""))):
        latest[(record["role"], record.get("place") or "")] = record
    entries = [
        {
            "date": r["date"],
            "source": r["source"],
            "role": role,
            "place": place,
            "professional": _optional(r.get("professional")),
        }
        for (role, place), r in latest.items()
    ]
    gp = _optional(profile.get("gp"))
    if gp and not any(role == "gp" for role, _ in latest):
        # The profile names the GP even before a first visit is recorded: undated, from the patient.
        entries.append({"date": None, "source": "patient", "role": "gp", "place": gp, "professional": None})
    return entries


def _base(record: Mapping) -> dict:
    base = {"date": record["date"], "source": record["source"]}
    if record.get("changed"):  # a professional's entry the patient edited (share.carry)
        base["changed"] = True
    return base


def _section_entries(section: str, by_type: Mapping[str, list[Mapping]], profile: Mapping) -> list[dict]:
    findings = by_type.get("finding", [])
    if section == "red_flags":
        return [
            {**_base(r), "role": r["role"], "text": r["text"]} for r in findings if r["kind"] == "red_flag_screening"
        ]
    if section == "findings":
        return [
            {
                **_base(r),
                "role": r["role"],
                "kind": r["kind"],
                "text": r["text"],
                "code": _optional(r.get("code")),
                "card": _optional(r.get("card")),
            }
            for r in findings
            if r["kind"] in ("examination", "diagnosis", "test")
        ]
    if section == "imaging":
        return [
            {
                **_base(r),
                "role": r["role"],
                "text": r["text"],
                "code": _optional(r.get("code")),
                "card": _optional(r.get("card")),
            }
            for r in findings
            if r["kind"] == "imaging"
        ]
    if section == "treatments":
        return [
            {**_base(r), "role": r["role"], "what": r["what"], "end": _optional(r.get("end")), "effect": r["effect"]}
            for r in by_type.get("treatment", [])
        ]
    if section == "medication":
        return [
            {
                **_base(r),
                "name": r["name"],
                "dose": r.get("dose") or "",
                "end": _optional(r.get("end")),
                "effect": r["effect"],
            }
            for r in by_type.get("medication", [])
        ]
    if section == "referrals":
        return [
            {
                **_base(r),
                "from_role": r["from_role"],
                "to_role": r["to_role"],
                "reason": r["reason"],
                "status": r["status"],
            }
            for r in by_type.get("referral", [])
        ]
    if section == "plan_goals":
        plans = [
            {**_base(r), "role": r["role"], "text": r.get("summary") or ""}
            for r in by_type.get("encounter", [])
            if r.get("summary")
        ]
        goals = [{**_base(r), "text": r["text"], "status": r["status"]} for r in by_type.get("goal", [])]
        return plans + goals
    if section == "work":
        return [
            {**_base(r), "status": r["status"], "hours_per_week": r.get("hours_per_week"), "note": r.get("note") or ""}
            for r in by_type.get("work", [])
        ]
    if section == "involved":
        return _involved(by_type.get("encounter", []), profile)
    raise ValueError(f"unknown section {section}")


def build_summary(
    profile: Mapping,
    records: Iterable[Mapping],
    sections: Iterable[str] = SECTION_KEYS,
    *,
    period: tuple[date | str | None, date | str | None] = (None, None),
    to_role: str | None = None,
) -> Summary:
    """The summary of `records` (validated records v1) for the chosen sections and period."""
    chosen = tuple(key for key in SECTION_KEYS if key in set(sections))
    start, end = (p.isoformat() if isinstance(p, date) else p for p in period)
    by_type: dict[str, list[Mapping]] = {}
    for record in _current_in_period(records, start, end):
        by_type.setdefault(record["type"], []).append(record)
    entries = {key: _newest_first(_section_entries(key, by_type, profile)) for key in chosen}
    birth = _optional(profile.get("birth_date"))
    return Summary(
        name=str(profile.get("name") or ""),
        birth_date=birth,
        sections=chosen,
        entries=entries,
        to_role=to_role,
        period=(start, end),
    )
