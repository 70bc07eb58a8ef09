"""The one period rule: the patient's own records and a professional's signed entries are chosen alike."""

from datetime import timedelta

from infocards.notes.receive import entry_ids
from infocards.reader.read import read_text
from infocards.share.carry import stored_records
from infocards.share.issue import issue_from_records
from infocards.share.summary import current_in_period
from tests.share.notes import NOTE_RECORDS, NOW, note_for

RUNNING = {  # began before the period, no end: still running when the period starts
    "type": "treatment",
    "date": "2026-11-20",
    "role": "physiotherapist",
    "what": "Supervised exercise twice a week, 6 weeks",
    "effect": "unknown",
}
PERIOD = ("2026-11-25", None)


def _share(course, seed, notes, period):
    received = []
    for note in notes:
        ids = entry_ids(note)
        received += stored_records(note, lambda index, ids=ids: ids[index])
    return issue_from_records(course["profile"], [*course["records"], *received], seed,
                              lifetime=timedelta(minutes=30), now=NOW, period=period)


def test_a_running_treatment_is_shared_whether_the_patient_typed_it_or_a_professional_signed_it(
    share_course, share_seed
):
    typed = {**RUNNING, "id": "typed", "source": "patient"}
    course = {**share_course, "records": [*share_course["records"], typed]}
    note, _ = note_for(share_course["profile"], share_seed, items=[RUNNING])
    summary = read_text(_share(course, share_seed, [note], PERIOD).text, now=NOW).summary
    own = [e for e in summary.entries["treatments"] if e["what"] == RUNNING["what"]]
    assert len(own) == 1 and own[0]["date"] == "2026-11-20"
    (carried,) = summary.notes
    assert carried.verified and carried.withheld == 0
    assert [r["what"] for r in carried.records()] == [RUNNING["what"]]


def test_a_treatment_that_ended_before_the_period_stays_home_from_both(share_course, share_seed):
    ended = {**RUNNING, "end": "2026-11-24"}
    course = {**share_course, "records": [*share_course["records"], {**ended, "id": "typed", "source": "patient"}]}
    note, _ = note_for(share_course["profile"], share_seed, items=[ended, NOTE_RECORDS[0]])
    summary = read_text(_share(course, share_seed, [note], PERIOD).text, now=NOW).summary
    assert all(e["what"] != RUNNING["what"] for e in summary.entries.get("treatments", ()))
    assert summary.notes == ()  # the examination of 20 November is before the period too


def test_the_rule_itself_on_records_of_each_kind():
    start = "2026-11-25"
    before, inside, after = "2026-11-01", "2026-11-26", "2026-12-10"
    cases = [  # (record, shared in [start, 2026-12-01])
        ({"type": "treatment", "date": before}, True),  # still running
        ({"type": "treatment", "date": before, "end": "2026-11-24"}, False),
        ({"type": "treatment", "date": before, "end": start}, True),  # ends on the first day
        ({"type": "medication", "date": before, "end": ""}, True),  # a blank end is no end
        ({"type": "treatment", "date": after}, False),  # began after the period
        ({"type": "encounter", "date": before}, False),  # a visit counts on its day only
        ({"type": "encounter", "date": inside}, True),
        ({"type": "finding", "kind": "examination", "date": before}, False),
        ({"type": "finding", "kind": "examination", "date": before, "code": "ICPC-2:L86"}, True),
        ({"type": "finding", "kind": "diagnosis", "date": before}, True),
        ({"type": "goal", "date": before, "status": "active"}, True),
        ({"type": "goal", "date": before, "status": "reached"}, False),
        ({"type": "referral", "date": before, "status": "waiting"}, True),
        ({"type": "referral", "date": before, "status": "seen"}, False),
    ]
    records = [dict(record, id=f"x{i}") for i, (record, _) in enumerate(cases)]
    chosen = {r["id"] for r in current_in_period(records, (start, "2026-12-01"))}
    assert chosen == {r["id"] for r, (_, shared) in zip(records, cases, strict=True) if shared}


def test_the_work_status_in_force_when_the_period_began_is_kept():
    records = [
        {"id": "w1", "type": "work", "date": "2026-08-05", "status": "sick_leave"},
        {"id": "w2", "type": "work", "date": "2026-10-01", "status": "partial_sick_leave"},
        {"id": "w3", "type": "work", "date": "2026-11-30", "status": "working"},
    ]
    assert [r["id"] for r in current_in_period(records, ("2026-11-25", None))] == ["w3", "w2"]
    on_start = [*records, {"id": "w4", "type": "work", "date": "2026-11-25", "status": "working"}]
    assert sorted(r["id"] for r in current_in_period(on_start, ("2026-11-25", None))) == ["w3", "w4"]


def test_one_work_status_is_in_force_when_the_period_begins_whoever_recorded_it(share_course, share_seed):
    # The patient's own "working" of 10 November is newer than a professional's signed "sick leave"
    # of 1 October: only the newer one is the status in force on 25 November, on either side.
    own_work = {"id": "w-own", "type": "work", "date": "2026-11-10", "source": "patient", "status": "working",
                "hours_per_week": 37, "note": ""}
    signed_work = {"type": "work", "date": "2026-10-01", "status": "sick_leave", "hours_per_week": None, "note": ""}
    records = [r for r in share_course["records"] if r["type"] != "work"]
    course = {**share_course, "records": [*records, own_work]}
    note, _ = note_for(share_course["profile"], share_seed, items=[signed_work])
    summary = read_text(_share(course, share_seed, [note], PERIOD).text, now=NOW).summary
    assert [e["status"] for e in summary.entries["work"]] == ["working"]
    assert summary.notes == ()

    # And the other way round: the signed status is the newer one, so the patient's stays home.
    newer_signed = {**signed_work, "date": "2026-11-15"}
    note, _ = note_for(share_course["profile"], share_seed, items=[newer_signed])
    summary = read_text(_share(course, share_seed, [note], PERIOD).text, now=NOW).summary
    assert summary.entries["work"] == ()
    (carried,) = summary.notes
    assert [r["status"] for r in carried.records()] == ["sick_leave"]
