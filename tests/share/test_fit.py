"""Fitting into one QR code: what is left out, in which order, and that it is said."""

import hashlib
import math
from datetime import UTC, datetime, timedelta

import pytest

from infocards.codes.qr_out import MAX_VERSION, max_code_length
from infocards.codes.signing import SigningKey
from infocards.codes.summary_code import make_code, open_code
from infocards.errors import ShareError
from infocards.reader.view import omitted_note
from infocards.share.fit import drop_order, fit_code
from infocards.share.issue import issue_from_records
from infocards.share.summary import build_summary
from tests.qr_symbol import symbol_of

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
# Text that does not compress: hex of a hash chain, so size is not hidden by DEFLATE.
NOISE = "".join(hashlib.sha256(str(n).encode()).hexdigest() for n in range(100))
KEY = SigningKey(bytes(range(1, 33)))


def _long_course(share_course, copies=12):
    """The reference course, its records repeated with new ids and earlier dates: far too much."""
    records = []
    for n in range(copies):
        for record in share_course["records"]:
            day = datetime.fromisoformat(record["date"]) - timedelta(days=40 * n)
            records.append({**record, "id": f"{record['id']}-{n}", "date": day.date().isoformat()})
    return records


def _fit(summary, max_version=MAX_VERSION):
    return fit_code(summary, KEY, NOW, NOW + timedelta(hours=1), max_version)


def test_reference_course_fits_whole(share_course):
    summary = build_summary(share_course["profile"], share_course["records"])
    fitted = _fit(summary)
    assert fitted.summary.omitted == {}
    assert fitted.summary == summary
    symbol = symbol_of(fitted.text)  # as a scanner reads it from the PNG
    assert fitted.version == symbol.version <= 20 and symbol.ec_level == "M"


def test_too_much_is_cut_to_one_code_and_the_code_says_what(share_course):
    summary = build_summary(share_course["profile"], _long_course(share_course))
    fitted = _fit(summary)
    symbol = symbol_of(fitted.text)
    assert fitted.version == symbol.version <= MAX_VERSION and symbol.ec_level == "M"
    assert len(fitted.text) <= max_code_length(MAX_VERSION)
    carried = open_code(fitted.text).summary
    assert carried.omitted == fitted.summary.omitted
    left_out = sum(carried.omitted.values())
    assert left_out > 0
    assert carried.count() + left_out == summary.count()
    # nothing shown is lost silently: every section still counts everything it had
    for key in summary.sections:
        assert len(carried.entries[key]) + carried.omitted.get(key, 0) == len(summary.entries[key])


def test_red_flags_and_findings_stay_while_older_details_go(share_course):
    summary = build_summary(share_course["profile"], _long_course(share_course))
    carried = _fit(summary).summary
    assert carried.entries["red_flags"] == summary.entries["red_flags"][: len(carried.entries["red_flags"])]
    assert carried.omitted.get("red_flags", 0) == 0
    assert carried.omitted.get("plan_goals", 0) > 0
    kept_plan = [e for e in carried.entries["plan_goals"] if "role" in e]
    all_plan = [e for e in summary.entries["plan_goals"] if "role" in e]
    assert kept_plan and kept_plan[0] == all_plan[0]  # the newest plan stays


def test_drop_order_goes_oldest_first_within_a_step(share_course):
    summary = build_summary(share_course["profile"], _long_course(share_course, copies=3), ["plan_goals"])
    order = drop_order(summary)
    plans = [e["date"] for section, e in order if "role" in e]
    assert plans[:-1] == sorted(plans[:-1])  # superseded plans, oldest first
    assert plans[-1] == max(plans)  # the newest plan goes last of them


def test_a_smaller_limit_leaves_out_more(share_course):
    summary = build_summary(share_course["profile"], share_course["records"])
    small = _fit(summary, max_version=10)
    symbol = symbol_of(small.text)
    assert small.version == symbol.version <= 10 and symbol.ec_level == "M"
    assert sum(small.summary.omitted.values()) > 0
    note = omitted_note(small.summary.omitted, "en")
    assert note and note.startswith("Left out")
    assert omitted_note(small.summary.omitted, "da").startswith("Udeladt")


def test_a_single_huge_entry_is_left_out_not_split(share_course):
    records = [
        *share_course["records"],
        {"id": "big", "type": "goal", "date": "2026-11-20", "source": "patient", "text": NOISE, "status": "dropped"},
    ]
    share = issue_from_records(share_course["profile"], records, bytes(32), now=NOW, lifetime=timedelta(hours=1))
    symbol = symbol_of(share.text)
    assert share.version == symbol.version <= MAX_VERSION and symbol.ec_level == "M"
    assert share.omitted["plan_goals"] >= 1
    assert all(e["text"] != NOISE for e in share.summary.entries["plan_goals"])


def test_when_not_even_the_name_fits_it_says_so(share_course):
    # A name holds at most 100 characters (docs/FORMAT.md §5.3), which fit any code of version 10;
    # a smaller cap is what leaves no room for it.
    profile = {**share_course["profile"], "name": NOISE[:100]}
    summary = build_summary(profile, share_course["records"])
    with pytest.raises(ShareError) as caught:
        _fit(summary, max_version=3)
    assert "does not fit" in caught.value.message("en")


def _one_at_a_time(summary, max_version=MAX_VERSION):
    """The documented rule, spelled out slowly: leave out the next entry of drop_order until it fits."""
    limit = max_code_length(max_version)
    queue = drop_order(summary)
    while len(make_code(summary, KEY, NOW, NOW + timedelta(hours=1))) > limit:
        section, entry = queue.pop(0)
        summary = summary.without(section, entry)
    return summary


@pytest.mark.parametrize(("copies", "max_version"), [(1, 8), (1, 10), (1, 12), (3, 14), (4, 22), (5, 18)])
def test_the_fast_fit_leaves_out_exactly_what_one_at_a_time_would(share_course, copies, max_version):
    summary = build_summary(share_course["profile"], _long_course(share_course, copies=copies))
    fitted = _fit(summary, max_version=max_version)
    assert fitted.summary.omitted  # each case has something to leave out
    assert fitted.summary == _one_at_a_time(summary, max_version)
    assert len(fitted.text) <= max_code_length(max_version)


def _findings(count):
    start = datetime(2020, 1, 1)
    return [
        {
            "id": f"f{n}",
            "type": "finding",
            "date": (start + timedelta(days=n)).date().isoformat(),
            "source": "patient",
            "role": "physiotherapist",
            "kind": "examination",
            "text": f"Finding {n}: {NOISE[n % 3000 : n % 3000 + 40]}",
        }
        for n in range(count)
    ]


def test_a_thousand_findings_fit_quickly_with_few_codes_made(share_course, monkeypatch):
    # "Quickly" counted in codes made (each is a DEFLATE and a signature), not timed: bench/qr.py
    # has the figure.
    from infocards.share import fit

    made = []
    real_make_code = fit.make_code
    monkeypatch.setattr(fit, "make_code", lambda *a, **k: made.append(1) or real_make_code(*a, **k))
    summary = build_summary(share_course["profile"], _findings(1000))
    fitted = _fit(summary)
    assert fitted.summary.omitted["findings"] > 900
    assert len(fitted.text) <= max_code_length(MAX_VERSION)
    # a binary search over how many to leave out: about log2(1000) = 10 codes, not one per entry
    assert len(made) == fitted.attempts <= 2 * math.ceil(math.log2(1000)) + 3
    kept = fitted.summary.entries["findings"]
    newest = sorted(summary.entries["findings"], key=lambda e: e["date"])[-len(kept) :]
    assert sorted(e["date"] for e in kept) == [e["date"] for e in newest]  # the oldest went first
