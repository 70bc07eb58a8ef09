"""Choosing what to share: sections, period, who is involved; private notes never leave."""

import pytest

from infocards.errors import UsageError
from infocards.share.sections import SECTION_KEYS, parse_sections
from infocards.share.summary import build_summary

PROFILE = {"name": "Test Person", "birth_date": "1980-01-02", "gp": "Lægehuset Test"}


def _enc(rid, day, role, place, professional=None):
    record = {
        "id": rid,
        "type": "encounter",
        "date": day,
        "source": "patient",
        "role": role,
        "place": place,
        "summary": f"Visit {rid}",
    }
    if professional:
        record["professional"] = professional
    return record


def test_default_is_all_sections_and_the_selection_keeps_its_order():
    assert parse_sections(None) == SECTION_KEYS
    assert parse_sections("all") == SECTION_KEYS
    assert parse_sections("work,red_flags, work") == ("red_flags", "work")
    with pytest.raises(UsageError) as caught:
        parse_sections("red_flags,gossip")
    assert caught.value.exit_code == 2 and "gossip" in caught.value.message("en")


def test_private_notes_are_never_shared(share_course):
    secret = "my private diary entry"
    records = [
        *share_course["records"],
        {"id": "n1", "type": "note", "date": "2026-11-01", "source": "patient", "text": secret},
    ]
    summary = build_summary(share_course["profile"], records)
    assert secret not in repr(summary.entries)


def test_every_record_lands_in_its_section(share_course):
    summary = build_summary(share_course["profile"], share_course["records"])
    by_type = {}
    for record in share_course["records"]:
        by_type[record["type"]] = by_type.get(record["type"], 0) + 1
    assert len(summary.entries["treatments"]) == by_type["treatment"]
    assert len(summary.entries["medication"]) == by_type["medication"]
    assert len(summary.entries["referrals"]) == by_type["referral"]
    assert len(summary.entries["work"]) == by_type["work"]
    plan_goals = summary.entries["plan_goals"]
    assert len(plan_goals) == by_type["encounter"] + by_type["goal"]
    findings = sum(len(summary.entries[k]) for k in ("red_flags", "findings", "imaging"))
    assert findings == by_type["finding"]
    dates = [e["date"] for e in plan_goals]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_involved_is_one_entry_per_role_and_place_last_seen():
    records = [
        _enc("a", "2026-01-10", "physiotherapist", "Fysio Nord", "Ole"),
        _enc("b", "2026-03-10", "physiotherapist", "Fysio Nord", "Mette"),
        _enc("c", "2026-02-10", "physiotherapist", "Fysio Syd"),
        _enc("d", "2026-02-11", "chiropractor", "Kiro"),
    ]
    involved = build_summary(PROFILE, records, ["involved"]).entries["involved"]
    assert [(e["role"], e["place"], e["professional"], e["date"]) for e in involved[:3]] == [
        ("physiotherapist", "Fysio Nord", "Mette", "2026-03-10"),
        ("chiropractor", "Kiro", None, "2026-02-11"),
        ("physiotherapist", "Fysio Syd", None, "2026-02-10"),
    ]
    # no GP visit recorded yet: the profile's GP is named, undated
    assert involved[3] == {
        "date": None,
        "source": "patient",
        "role": "gp",
        "place": "Lægehuset Test",
        "professional": None,
    }
    with_gp = build_summary(PROFILE, [*records, _enc("e", "2026-01-01", "gp", "Lægehuset Test")], ["involved"])
    assert all(e["date"] for e in with_gp.entries["involved"])


def test_period_bounds_are_inclusive():
    records = [_enc(str(n), f"2026-0{n}-15", "gp", "L") for n in range(1, 6)]
    summary = build_summary(PROFILE, records, ["plan_goals"], period=("2026-02-15", "2026-04-15"))
    assert [e["date"] for e in summary.entries["plan_goals"]] == ["2026-04-15", "2026-03-15", "2026-02-15"]


def test_name_and_birth_date_are_carried():
    summary = build_summary(PROFILE, [], ["work"])
    assert (summary.name, summary.birth_date) == ("Test Person", "1980-01-02")
    assert build_summary({}, [], ["work"]).birth_date is None
