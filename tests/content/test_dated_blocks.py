"""Dated blocks (`::: from <date>`, `::: until <date>`): checked by file and line, resolved for a day,
combined with region blocks, and built into the deck as of a day (`content build --as-of`)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from infocards.content import Library, check_packs
from infocards.content.dated_blocks import resolve_dates

TODAY = date(2026, 12, 7)
BODY = """Altid med.

::: until 2026-12-31
Region Hovedstaden og Region Sjælland findes stadig.
:::

::: from 2027-01-01
Nu hedder det Region Østdanmark.
:::
"""
# Region blocks inside a dated block, and a dated block inside a region block.
COMBINED = """Start.

::: region syddanmark
Syd altid.
::: from 2027-01-01
Syd fra nytår.
:::
:::

::: from 2027-01-01
::: region oestdanmark
Øst fra nytår.
:::
::: region default
Standard fra nytår.
:::
:::

::: until 2026-12-31
::: region default
Standard før nytår.
:::
:::
"""
_EXE = [sys.executable, "-m", "infocards"]


def codes_at(problems, name):
    # Test packs hold one language only; the missing translation is not what these tests are about.
    return [(p.line, p.code) for p in problems if p.path.endswith(name) and p.code != "missing-translation"]


def body_line(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


def test_well_formed_dated_blocks_pass(content_pack, content_card):
    text = content_card(body=BODY, review_by="2027-03-01")
    problems = check_packs([content_pack(cards={"a.md": text})], today=TODAY)
    assert codes_at(problems, "a.md") == []


def test_combined_with_region_blocks_pass(content_pack, content_card):
    text = content_card(body=COMBINED, review_by="2027-03-01")
    problems = check_packs([content_pack(cards={"a.md": text})], today=TODAY)
    assert codes_at(problems, "a.md") == []


@pytest.mark.parametrize(
    ("body", "needle", "code"),
    [
        ("::: from 2027-13-01\nx\n:::\n", "::: from 2027-13-01", "dated-bad-date"),
        ("::: from 2027-1-1\nx\n:::\n", "::: from 2027-1-1", "dated-bad-date"),
        ("::: until\nx\n:::\n", "::: until", "dated-bad-date"),
        ("::: from 2027-01-01 2027-02-01\nx\n:::\n", "::: from 2027-01-01 2027-02-01", "dated-bad-date"),
        ("::: from 2027-01-01\nx\n", "::: from 2027-01-01", "dated-unclosed"),
        ("::: from 2027-01-01\n::: until 2027-06-01\nx\n:::\n", "::: until 2027-06-01", "dated-nested"),
        ("::: from 2027-04-01\nx\n:::\n", "::: from 2027-04-01", "dated-after-review"),
        ("::: until 2027-03-01\nx\n:::\n", "::: until 2027-03-01", "dated-after-review"),
    ],
)
def test_each_dated_block_problem_at_its_line(content_pack, content_card, body, needle, code):
    text = content_card(body=body, review_by="2027-03-01")
    problems = check_packs([content_pack(cards={"a.md": text})], today=TODAY)
    assert (body_line(text, needle), code) in codes_at(problems, "a.md")


def test_an_unclosed_region_block_inside_a_dated_block_is_named(content_pack, content_card):
    text = content_card(body="::: from 2027-01-01\n::: region default\nx\n:::\n")
    problems = check_packs([content_pack(cards={"a.md": text})], today=TODAY)
    assert (body_line(text, "::: from 2027-01-01"), "dated-unclosed") in codes_at(problems, "a.md")


def test_a_bad_date_or_an_unclosed_block_keeps_the_card_out(content_pack, content_card):
    root = content_pack(cards={"a.md": content_card(body="::: from 2027-02-30\nx\n:::\n")})
    assert Library.load([root], region=None, as_of=TODAY).get("test-card", "da") is None


def test_the_body_follows_the_day():
    before = resolve_dates(BODY, date(2026, 12, 31))
    after = resolve_dates(BODY, date(2027, 1, 1))
    assert "findes stadig" in before and "Østdanmark" not in before
    assert "Østdanmark" in after and "findes stadig" not in after
    assert all(":::" not in body and "Altid med." in body for body in (before, after))


def test_dates_and_regions_combine(content_pack, content_card):
    root = content_pack(cards={"a.md": content_card(body=COMBINED, review_by="2027-03-01")})

    def body(region, day):
        return Library.load([root], region=region, as_of=day).get("test-card", "da").body

    old, new = date(2026, 12, 7), date(2027, 1, 2)
    assert "Syd altid." in body("syddanmark", old) and "Syd fra nytår." not in body("syddanmark", old)
    assert "Syd fra nytår." in body("syddanmark", new)
    assert "Standard før nytår." in body(None, old) and "Standard fra nytår." not in body(None, old)
    assert "Standard fra nytår." in body(None, new) and "Standard før nytår." not in body(None, new)
    assert "Øst fra nytår." in body("oestdanmark", new) and "Standard" not in body("oestdanmark", new)
    assert all(":::" not in body(r, d) for r in (None, "syddanmark", "oestdanmark") for d in (old, new))


def test_the_library_uses_today_by_default(content_pack, content_card):
    root = content_pack(cards={"a.md": content_card(body=BODY, review_by="2027-03-01")})
    library = Library.load([root], region=None)
    assert library.as_of == date.today()
    expected = resolve_dates(BODY, date.today()).strip()
    assert library.get("test-card", "da").body.strip() == expected


def test_a_dated_block_on_the_merger_day_handles_the_merger(content_pack, content_card):
    # A rules card naming Region Hovedstaden must be reviewed before 1 January 2027 (the merger),
    # unless it says in dated blocks what changes on that day.
    rules = {"category": "legislation", "applies_from": "2026-02-01", "review_by": "2027-03-01"}
    plain = content_card(body="Region Hovedstaden har nummeret 1813.\n", **rules)
    dated = content_card(body=BODY, **rules)
    problems = check_packs([content_pack(cards={"a.md": plain, "b.md": dated.replace("test-card", "b")})],
                           today=TODAY)
    assert [code for _, code in codes_at(problems, "a.md")] == ["review-by-after-change"]
    assert codes_at(problems, "b.md") == []


def _content(*args, cwd):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INFOCARDS_", "LC_", "LANG"))}
    env["INFOCARDS_LANG"] = "en"
    return subprocess.run([*_EXE, "content", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_build_as_of_a_day(content_pack, content_card, tmp_path):
    root = content_pack(cards={"a.md": content_card(body=BODY, review_by="2027-03-01")})
    old = _content("build", root, "--out", tmp_path / "old", "--lang", "da", "--as-of", "2026-12-31", cwd=tmp_path)
    new = _content("build", root, "--out", tmp_path / "new", "--lang", "da", "--as-of", "2027-01-01", cwd=tmp_path)
    assert old.returncode == 0 and new.returncode == 0, old.stderr + new.stderr
    old_page = (tmp_path / "old" / "da" / "test-card.html").read_text(encoding="utf-8")
    new_page = (tmp_path / "new" / "da" / "test-card.html").read_text(encoding="utf-8")
    assert "findes stadig" in old_page and "Østdanmark" not in old_page
    assert "Østdanmark" in new_page and "findes stadig" not in new_page


def test_build_refuses_a_day_that_is_not_a_date(content_pack, content_card, tmp_path):
    # Refused before the deck is made, so this holds on the phone's package set too (no deck extra).
    root = content_pack(cards={"a.md": content_card(body=BODY, review_by="2027-03-01")})
    bad = _content("build", root, "--out", tmp_path / "x", "--as-of", "1.1.2027", cwd=tmp_path)
    assert bad.returncode == 2 and "'1.1.2027'" in bad.stderr and "Traceback" not in bad.stderr
    assert not (tmp_path / "x").exists()


def test_check_as_of_a_day_reports_a_review_date_that_has_passed(content_pack, content_card, tmp_path):
    cards = {f"{lang}.md": content_card(review_by="2027-03-01", lang=lang) for lang in ("da", "en")}
    root = content_pack(cards=cards)
    before = _content("check", root, "--strict", "--as-of", "2027-03-01", cwd=tmp_path)
    after = _content("check", root, "--strict", "--as-of", "2027-03-02", cwd=tmp_path)
    assert before.returncode == 0, before.stdout
    assert after.returncode == 1 and "2027-03-01" in after.stdout
    bad = _content("check", root, "--as-of", "2027-02-30", cwd=tmp_path)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
