"""Choosing what to share: sections, period, who is involved; private notes never leave."""

import pytest

from infocards.codes.sections import SECTION_KEYS, parse_sections
from infocards.errors import UsageError
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


# -- a period selects what was current in it ---------------------------------------------------


def _ids(summary, section):
    return {e.get("what") or e.get("name") or e.get("text") or e.get("reason") or e["status"]
            for e in summary.entries[section]}


def test_reference_course_from_october_keeps_what_was_still_running(share_course):
    records = share_course["records"]
    summary = build_summary(share_course["profile"], records, period=("2026-10-01", None))
    by_id = {r["id"]: r for r in records}
    # Joint mobilisation began 20 September and ended 4 October, inside the period: it was current.
    assert _ids(summary, "treatments") == {by_id["r10"]["what"]}
    # Supervised exercise ended 15 September and ibuprofen 30 August, both before the period.
    assert summary.entries["medication"] == ()
    # Sick leave since 5 August was still the work status on 1 October.
    assert [e["status"] for e in summary.entries["work"]] == ["sick_leave"]
    # Both goals are active; visits and findings count only when they happened in the period.
    assert {e["text"] for e in summary.entries["plan_goals"] if "status" in e} == {
        by_id["r16"]["text"], by_id["r17"]["text"]}
    assert [e["date"] for e in summary.entries["red_flags"]] == []  # a screening is of its day
    assert {e["date"] for e in summary.entries["imaging"]} == {"2026-10-10"}
    # The sciatica diagnosed in August (a coded finding) is still the diagnosis in October.
    assert [e["code"] for e in summary.entries["findings"]] == [by_id["r03"]["code"]]
    # The referrals were seen (closed) before the period.
    assert summary.entries["referrals"] == ()


def _med(rid, day, end=None, name=None):
    record = {"id": rid, "type": "medication", "date": day, "source": "patient", "name": name or rid,
              "dose": "", "effect": "unknown"}
    if end is not None:
        record["end"] = end
    return record


def _treatment(rid, day, end=None):
    record = {"id": rid, "type": "treatment", "date": day, "source": "patient", "role": "physiotherapist",
              "what": rid, "effect": "some"}
    if end is not None:
        record["end"] = end
    return record


@pytest.mark.parametrize(("make", "section"), [(_med, "medication"), (_treatment, "treatments")])
def test_a_course_of_treatment_is_current_when_it_overlaps_the_period(make, section):
    records = [
        make("no-end", "2026-01-10"),  # began before, still going
        make("ended-before", "2026-01-10", "2026-02-28"),
        make("ended-on-start", "2026-01-10", "2026-03-01"),  # bounds are inclusive
        make("ended-inside", "2026-01-10", "2026-03-20"),
        make("spans-period", "2026-01-10", "2026-06-30"),
        make("inside", "2026-03-05", "2026-03-06"),
        make("began-on-end", "2026-04-30"),
        make("began-after", "2026-05-01"),
        make("empty-end", "2026-01-10", ""),  # an empty end is no end
    ]
    summary = build_summary(PROFILE, records, [section], period=("2026-03-01", "2026-04-30"))
    assert _ids(summary, section) == {"no-end", "ended-on-start", "ended-inside", "spans-period", "inside",
                                      "began-on-end", "empty-end"}
    # Without an end to the period, whatever began later is current too.
    open_ended = build_summary(PROFILE, records, [section], period=("2026-03-01", None))
    assert _ids(open_ended, section) == _ids(summary, section) | {"began-after"}
    # Only an end: everything that began by then.
    until = build_summary(PROFILE, records, [section], period=(None, "2026-02-01"))
    assert _ids(until, section) == {"no-end", "ended-before", "ended-on-start", "ended-inside", "spans-period",
                                    "empty-end"}


def test_the_work_status_in_force_when_the_period_began_is_kept():
    def work(rid, day, status):
        return {"id": rid, "type": "work", "date": day, "source": "patient", "status": status, "note": ""}

    records = [work("w1", "2026-01-05", "working"), work("w2", "2026-02-01", "sick_leave"),
               work("w3", "2026-03-15", "partial_sick_leave"), work("w4", "2026-06-01", "working")]
    summary = build_summary(PROFILE, records, ["work"], period=("2026-03-01", "2026-04-30"))
    assert [e["status"] for e in summary.entries["work"]] == ["partial_sick_leave", "sick_leave"]
    # A status set on the first day of the period is in force then: no older one is needed.
    on_start = build_summary(PROFILE, records, ["work"], period=("2026-03-15", None))
    assert [e["status"] for e in on_start.entries["work"]] == ["working", "partial_sick_leave"]


def test_open_referrals_and_active_goals_from_before_stay_closed_ones_go():
    def referral(rid, status):
        return {"id": rid, "type": "referral", "date": "2026-01-10", "source": "patient", "from_role": "gp",
                "to_role": "spine_centre", "reason": rid, "status": status}

    def goal(rid, status):
        return {"id": rid, "type": "goal", "date": "2026-01-10", "source": "patient", "text": rid, "status": status}

    records = [referral("waiting", "waiting"), referral("seen", "seen"), referral("sent", "sent"),
               goal("active", "active"), goal("reached", "reached"), goal("dropped", "dropped"),
               _enc("visit", "2026-01-10", "gp", "L")]
    summary = build_summary(PROFILE, records, ["referrals", "plan_goals", "involved"], period=("2026-03-01", None))
    assert _ids(summary, "referrals") == {"waiting", "sent"}
    assert _ids(summary, "plan_goals") == {"active"}  # an old visit's plan is not current
    assert [e["role"] for e in summary.entries["involved"]] == ["gp"]  # the profile's GP, undated
    assert summary.entries["involved"][0]["date"] is None


def test_a_diagnosis_from_before_stays_an_examination_does_not():
    def finding(rid, kind, code=None):
        record = {"id": rid, "type": "finding", "date": "2026-01-10", "source": "patient", "role": "gp",
                  "kind": kind, "text": rid}
        if code:
            record["code"] = code
        return record

    records = [finding("diagnosis", "diagnosis"), finding("coded-exam", "examination", "ICPC-2:L86"),
               finding("exam", "examination"), finding("screening", "red_flag_screening"),
               finding("coded-mri", "imaging", "ICD-10:M51.1"), finding("mri", "imaging")]
    summary = build_summary(PROFILE, records, ["red_flags", "findings", "imaging"], period=("2026-03-01", None))
    assert _ids(summary, "findings") == {"diagnosis", "coded-exam"}
    assert _ids(summary, "imaging") == {"coded-mri"}
    assert summary.entries["red_flags"] == ()
