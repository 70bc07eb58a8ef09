"""The record vocabulary of DESIGN.md (records v1): roles, record types and their enumerations.

Shared by the wallet (validation), sharing (positional encoding: the index in each tuple is the
number written into a code, so these tuples are append-only) and the UI (pickers).
"""

from __future__ import annotations

__all__ = [
    "EFFECTS",
    "FINDING_KINDS",
    "GOAL_STATUSES",
    "RECORD_TYPES",
    "REFERRAL_STATUSES",
    "ROLES",
    "SOURCES",
    "WORK_STATUSES",
]

ROLES = (
    "gp",
    "physiotherapist",
    "chiropractor",
    "spine_centre",
    "municipal_physiotherapist",
    "social_worker",
    "rehabilitation_team",
    "hospital",
    "other",
)
RECORD_TYPES = (
    "encounter",
    "finding",
    "referral",
    "treatment",
    "medication",
    "goal",
    "work",
    "note",
)
FINDING_KINDS = ("examination", "diagnosis", "imaging", "red_flag_screening", "test")
REFERRAL_STATUSES = ("planned", "sent", "waiting", "seen")
EFFECTS = ("none", "little", "some", "good", "unknown")
GOAL_STATUSES = ("active", "reached", "dropped")
WORK_STATUSES = ("working", "partial_sick_leave", "sick_leave", "unemployed", "other")
SOURCES = ("patient", "professional")
