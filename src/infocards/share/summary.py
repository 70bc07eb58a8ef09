"""Chooses what goes into a shared summary: the patient's sections and period, from the records.

The result is a codes.payload.Summary. Notes (`note` records) are private and never shared.

A period selects what was current in it, not only what started in it: a treatment or medicine
that began before the period and was still running in it (no end, or an end inside or after the
period), a diagnosis (a coded finding, or one of kind diagnosis), a goal still active and a
referral still open, and the work status in force when the period began. Visits, examinations,
red-flag screenings and other events count when they happened in the period.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from infocards.codes.payload import Summary, optional_text, summary_entries
from infocards.codes.sections import SECTION_KEYS

__all__ = ["build_summary", "current_in_period"]


_OPEN_REFERRALS = frozenset({"planned", "sent", "waiting"})


def _still_current(record: Mapping, start: str) -> bool:
    """Whether a record dated before the period's start is still current at that start."""
    kind = record["type"]
    if kind in ("treatment", "medication"):
        stopped = optional_text(record.get("end"))
        return stopped is None or stopped >= start
    if kind == "finding":
        return record.get("kind") == "diagnosis" or optional_text(record.get("code")) is not None
    if kind == "goal":
        return record.get("status") == "active"
    if kind == "referral":
        return record.get("status") in _OPEN_REFERRALS
    return False


def current_in_period(records: Iterable[Mapping], period: tuple[str | None, str | None]) -> list[Mapping]:
    """The records that were current in the period [start, end] (both inclusive, either open).

    The one period rule, for the patient's own records and for professionals' signed entries alike.
    """
    start, end = period
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


def build_summary(
    profile: Mapping,
    records: Iterable[Mapping],
    sections: Iterable[str] = SECTION_KEYS,
    *,
    period: tuple[date | str | None, date | str | None] = (None, None),
    to_role: str | None = None,
    alongside: Iterable[Mapping] = (),
) -> Summary:
    """The summary of `records` (validated records v1) for the chosen sections and period.

    `alongside`: professionals' signed entries that travel apart (share.carry.select_notes); the
    period rule weighs them with the patient's records, so the two sides agree on what was current."""
    chosen = tuple(key for key in SECTION_KEYS if key in set(sections))
    start, end = (p.isoformat() if isinstance(p, date) else p for p in period)
    records = list(records)
    current = {id(r) for r in current_in_period([*records, *alongside], (start, end))}
    entries = summary_entries([r for r in records if id(r) in current], chosen)
    gp = optional_text(profile.get("gp"))
    if "involved" in entries and gp and not any(e["role"] == "gp" for e in entries["involved"]):
        # The profile names the GP even before a first visit is recorded: undated (so last), the patient's.
        gp_entry = {"date": None, "source": "patient", "role": "gp", "place": gp, "professional": None}
        entries["involved"] = (*entries["involved"], gp_entry)
    birth = optional_text(profile.get("birth_date"))
    return Summary(
        name=str(profile.get("name") or ""),
        birth_date=birth,
        sections=chosen,
        entries=entries,
        to_role=to_role,
        period=(start, end),
    )
