"""The shareable sections of a summary: their keys (in one place), order and parsing."""

from __future__ import annotations

from collections.abc import Iterable

from infocards.errors import UsageError

__all__ = ["SECTION_KEYS", "SHARED_SECTION_OF", "VIEW_SECTION_KEYS", "VIEW_SPLITS", "parse_sections"]

# What the patient chooses from. The index of a key is its bit in a code: append only.
SECTION_KEYS = (
    "red_flags",
    "findings",
    "imaging",
    "treatments",
    "medication",
    "referrals",
    "plan_goals",
    "work",
    "involved",
)

# What the clinician view shows, in the order a clinician reads it: "findings" splits into
# diagnoses (coded) and other findings; "plan_goals" into the visits (what happened, as the
# patient's own encounters tell it), the plan (what a professional's signed note plans next)
# and the goals.
VIEW_SPLITS = {"findings": ("diagnoses", "findings"), "plan_goals": ("visits", "plan", "goals")}
VIEW_SECTION_KEYS = tuple(view for key in SECTION_KEYS for view in VIEW_SPLITS.get(key, (key,)))
# The shared section each view section comes from (what was left out is counted there).
SHARED_SECTION_OF = {view: key for key in SECTION_KEYS for view in VIEW_SPLITS.get(key, (key,))}


def parse_sections(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Section keys from "a,b,c" or an iterable; None or "all" means every section.

    Returns the keys in SECTION_KEYS order without duplicates; unknown keys raise UsageError.
    """
    if value is None:
        return SECTION_KEYS
    items = value.split(",") if isinstance(value, str) else list(value)
    chosen = {item.strip() for item in items if item.strip()}
    if not chosen or chosen == {"all"}:
        return SECTION_KEYS
    unknown = sorted(chosen - set(SECTION_KEYS))
    if unknown:
        raise UsageError("error.share.unknown_section", section=unknown[0], known=", ".join(SECTION_KEYS))
    return tuple(key for key in SECTION_KEYS if key in chosen)
