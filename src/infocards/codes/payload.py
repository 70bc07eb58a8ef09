"""The payloads the codes carry: the summary and its entries (ENTRY_FIELDS), as plain data.

A Summary is the flat, codec-ready shape: per section a tuple of entries (plain dicts with the
fields of ENTRY_FIELDS), newest first. The one fixed mapping from a record (records v1) to the
section and entry it becomes is here too (docs/FORMAT.md), because the patient's side writes it
and every reader of a professional's note needs it; which records are shared (sections, period,
the profile's GP) is the sharing side's business (infocards.share.summary).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

__all__ = [
    "ENTRY_FIELDS",
    "FINDING_SECTIONS",
    "RECORD_SECTIONS",
    "Summary",
    "entry_kind",
    "optional_text",
    "record_section",
    "summary_entries",
]

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
    notes: tuple = ()  # codes.carried.CarriedNote: professionals' signed entries, apart from the patient's

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


# The section each record goes to: one table, from the vocabulary (a finding by its kind).
# An encounter's summary is the plan; the encounter also names who is involved (its own section).
RECORD_SECTIONS = {
    "encounter": "plan_goals",
    "goal": "plan_goals",
    "treatment": "treatments",
    "medication": "medication",
    "referral": "referrals",
    "work": "work",
}
FINDING_SECTIONS = {
    "red_flag_screening": "red_flags",
    "imaging": "imaging",
    "examination": "findings",
    "diagnosis": "findings",
    "test": "findings",
}


def record_section(record: Mapping) -> str | None:
    """The shared section a record belongs to (None for the patient's private notes)."""
    if record["type"] == "finding":
        return FINDING_SECTIONS[record["kind"]]
    return RECORD_SECTIONS.get(record["type"])


def optional_text(value) -> str | None:
    """A text that is there, or None: blank or missing optional fields are absent in a code."""
    return value if isinstance(value, str) and value.strip() else None


def _newest_first(entries: Iterable[dict]) -> tuple[dict, ...]:
    return tuple(sorted(entries, key=lambda e: e.get("date") or "", reverse=True))


def _involved(encounters: list[Mapping]) -> list[dict]:
    """One entry per role and place: when, and by whom, the patient was last seen there."""
    latest: dict[tuple[str, str], Mapping] = {}
    for record in sorted(encounters, key=lambda r: (r["date"], r.get("id", ""))):
        latest[(record["role"], record.get("place") or "")] = record
    return [
        {
            "date": r["date"],
            "source": r["source"],
            "role": role,
            "place": place,
            "professional": optional_text(r.get("professional")),
        }
        for (role, place), r in latest.items()
    ]


def _base(record: Mapping) -> dict:
    base = {"date": record["date"], "source": record["source"]}
    if record.get("changed"):  # a professional's entry the patient edited (share.carry)
        base["changed"] = True
    return base


def _section_entries(section: str, by_type: Mapping[str, list[Mapping]]) -> list[dict]:
    findings = by_type.get("finding", [])
    if section == "red_flags":
        return [{**_base(r), "role": r["role"], "text": r["text"]} for r in findings if record_section(r) == section]
    if section == "findings":
        return [
            {
                **_base(r),
                "role": r["role"],
                "kind": r["kind"],
                "text": r["text"],
                "code": optional_text(r.get("code")),
                "card": optional_text(r.get("card")),
            }
            for r in findings
            if record_section(r) == section
        ]
    if section == "imaging":
        return [
            {
                **_base(r),
                "role": r["role"],
                "text": r["text"],
                "code": optional_text(r.get("code")),
                "card": optional_text(r.get("card")),
            }
            for r in findings
            if record_section(r) == section
        ]
    if section == "treatments":
        return [
            {
                **_base(r),
                "role": r["role"],
                "what": r["what"],
                "end": optional_text(r.get("end")),
                "effect": r["effect"],
            }
            for r in by_type.get("treatment", [])
        ]
    if section == "medication":
        return [
            {
                **_base(r),
                "name": r["name"],
                "dose": r.get("dose") or "",
                "end": optional_text(r.get("end")),
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
        return _involved(by_type.get("encounter", []))
    raise ValueError(f"unknown section {section}")


def summary_entries(records: Iterable[Mapping], sections: Iterable[str]) -> dict[str, tuple[dict, ...]]:
    """The entries of each section, newest first, that `records` (validated records v1) become."""
    by_type: dict[str, list[Mapping]] = {}
    for record in records:
        by_type.setdefault(record["type"], []).append(record)
    return {key: _newest_first(_section_entries(key, by_type)) for key in sections}
