"""Hypothesis strategies for valid records (DESIGN.md records v1) and profiles."""

from datetime import date

from hypothesis import strategies as st

from infocards import vocab
from infocards.names import is_good_name, normalise_name

# Any Unicode a patient could type; control characters never belong in a record (records.py
# refuses them: a NUL would be signed and then lost), line breaks and tabs do.
_typed = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t")
text = st.text(_typed, max_size=30)
short = st.text(_typed, min_size=1, max_size=12)
# A name as a code may carry it (docs/FORMAT.md §5.3): whitespace collapsed, nothing invisible.
names = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), max_size=30).map(
    normalise_name).filter(is_good_name)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)
sources = st.sampled_from(vocab.SOURCES)
roles = st.sampled_from(vocab.ROLES)
effects = st.sampled_from(vocab.EFFECTS)
optional = st.none() | short
hours = st.none() | st.integers(0, 80) | st.integers(0, 160).map(lambda n: n / 2)


def _record(record_type, **fields):
    return st.fixed_dictionaries({"type": st.just(record_type), "date": days, "source": sources, **fields})


records = st.one_of(
    _record("encounter", role=roles, place=text, professional=optional, summary=text),
    _record("finding", role=roles, kind=st.sampled_from(vocab.FINDING_KINDS), text=text, code=optional, card=optional),
    _record(
        "referral",
        from_role=roles,
        to_role=roles,
        reason=text,
        status=st.sampled_from(vocab.REFERRAL_STATUSES),
    ),
    _record("treatment", role=roles, what=text, end=st.none() | days, effect=effects),
    _record("medication", name=short, dose=text, end=st.none() | days, effect=effects),
    _record("goal", text=text, status=st.sampled_from(vocab.GOAL_STATUSES)),
    _record("work", status=st.sampled_from(vocab.WORK_STATUSES), hours_per_week=hours, note=text),
    _record("note", text=text),
)
profiles = st.fixed_dictionaries(
    {"name": names, "birth_date": st.none() | days, "gp": st.none() | text, "municipality": text}
)
