"""This round's checks: every problem in one run, YAML anchors, order and keywords, tel: links,
review dates around known changes, and values echoed in messages kept short."""

from __future__ import annotations

from datetime import date

from infocards.content import Library, check_packs

TODAY = date(2026, 11, 27)


def codes_at(problems, name):
    return [(p.line, p.code) for p in problems if p.path.endswith(name)]


def test_a_missing_summary_a_bad_date_and_a_broken_related_link_in_one_run(content_pack, content_card):
    text = content_card(summary=None, reviewed="2026-13-45", related="[nowhere-card]")
    problems = check_packs([content_pack(cards={"a.md": text})], today=TODAY)
    found = {code for _, code in codes_at(problems, "a.md")}
    assert {"missing-field", "bad-date", "related-missing"} <= found


def test_a_link_to_a_card_with_errors_is_not_reported_twice(content_pack, content_card):
    broken = content_card(id="broken", summary=None)
    linking = content_card(id="linking", body="Se [kortet](card:broken).\n", related="[broken]")
    problems = check_packs([content_pack(cards={"a.md": broken, "b.md": linking})], today=TODAY)
    assert [code for _, code in codes_at(problems, "b.md") if code.endswith("missing")] == []
    assert ("missing-field" in {code for _, code in codes_at(problems, "a.md")})


def test_yaml_anchors_and_aliases_are_refused_at_their_line(content_pack, content_card, tmp_path):
    bomb = "[&a [x, x, x, x], &b [*a, *a, *a, *a], &c [*b, *b, *b, *b]]"
    text = content_card(codes=bomb)
    root = content_pack(cards={"a.md": text})
    problems = check_packs([root], today=TODAY)
    line = text.split("\n").index(f"codes: {bomb}") + 1
    assert (line, "yaml-anchor") in codes_at(problems, "a.md")


def test_an_alias_bomb_is_refused_fast_and_small(content_pack, content_card):
    # Nine levels of ten aliases each would be 10^9 values: refused before anything is built.
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    front = "\n".join(levels)
    text = content_card().replace("---\n", "---\n" + front + "\n", 1)
    problems = check_packs([content_pack(cards={"a.md": text})], today=TODAY)
    assert (2, "yaml-anchor") in codes_at(problems, "a.md")


def test_anchors_in_pack_yaml_are_refused(content_pack, content_card):
    root = content_pack(cards={"a.md": content_card()})
    (root / "pack.yaml").write_text(
        "name: &n Pakke\nkind: national\nregion: ''\npublisher: *n\ncontact: x\n", encoding="utf-8"
    )
    problems = check_packs([root], today=TODAY)
    assert (1, "yaml-anchor") in codes_at(problems, "pack.yaml")


def test_order_is_a_whole_number_from_1_to_999(content_pack, content_card):
    cards = {
        "a.md": content_card(id="a", order="0"),
        "b.md": content_card(id="b", order="1000"),
        "c.md": content_card(id="c", order="først"),
        "d.md": content_card(id="d", order="12"),
    }
    problems = check_packs([content_pack(cards=cards)], today=TODAY)
    order_line = content_card(order="1").split("\n").index("order: 1") + 1
    for name in ("a.md", "b.md", "c.md"):
        assert (order_line, "bad-order") in codes_at(problems, name)
    assert [code for _, code in codes_at(problems, "d.md") if code == "bad-order"] == []
    bad = next(p for p in problems if p.code == "bad-order")
    assert "order: 1" in bad.hint


def test_keywords_are_a_list_of_non_empty_words(content_pack, content_card):
    cards = {
        "a.md": content_card(id="a", keywords="sygemeldt"),
        "b.md": content_card(id="b", keywords='[sygemeldt, ""]'),
        "c.md": content_card(id="c", keywords="[sygemeldt, fysioterapi]"),
    }
    problems = check_packs([content_pack(cards=cards)], today=TODAY)
    assert "bad-keywords" in {code for _, code in codes_at(problems, "a.md")}
    assert "bad-keywords" in {code for _, code in codes_at(problems, "b.md")}
    assert "bad-keywords" not in {code for _, code in codes_at(problems, "c.md")}


def test_cards_sort_by_order_then_title_within_a_category(content_pack, content_card):
    cards = {
        "a.md": content_card(id="a", title="Alfa"),
        "b.md": content_card(id="b", title="Beta", order="2"),
        "c.md": content_card(id="c", title="Røde flag", order="1"),
        "d.md": content_card(id="d", title="Ærter"),
        "e.md": content_card(id="e", title="Zulu"),
    }
    library = Library.load([content_pack(cards=cards)], region=None)
    assert [c.id for c in library.cards("da", "diagnosis")] == ["c", "b", "a", "e", "d"]


def test_tel_links_hold_only_digits(content_pack, content_card):
    body = "[Ring 112](tel:112) [Ring](tel:+4570110707) [Ring](tel:70-11-07-07) [x](sms:112)\n"
    problems = check_packs([content_pack(cards={"a.md": content_card(body=body)})], today=TODAY)
    found = [code for _, code in codes_at(problems, "a.md") if code in ("bad-tel", "blocked-link")]
    assert found == ["bad-tel", "blocked-link"]


def test_a_rules_card_needs_review_by_before_a_known_change_in_its_region(content_pack, content_card):
    rules = {"category": "legislation", "applies_from": "2026-01-01"}
    cards = {
        "none.md": content_card(id="none", **rules),
        "late.md": content_card(id="late", region="Region Hovedstaden", review_by="2027-03-01", **rules),
        "ok.md": content_card(id="ok", region="hovedstaden", review_by="2026-12-15", **rules),
        "names.md": content_card(
            id="names", review_by="2027-03-01", body="I Region Sjælland ringer du 1818.\n", **rules
        ),
        "south.md": content_card(id="south", region="Syddanmark", review_by="2027-03-01", **rules),
    }
    problems = check_packs([content_pack(cards=cards)], today=TODAY)
    assert "review-by-missing" in {code for _, code in codes_at(problems, "none.md")}
    assert "review-by-after-change" in {code for _, code in codes_at(problems, "late.md")}
    assert "review-by-after-change" in {code for _, code in codes_at(problems, "names.md")}
    for name in ("ok.md", "south.md"):
        assert not {"review-by-missing", "review-by-after-change"} & {c for _, c in codes_at(problems, name)}
    late = next(p for p in problems if p.code == "review-by-after-change")
    assert "2027-01-01" in late.message and late.severity == "warning"


def test_an_unknown_card_region_is_refused_with_a_suggestion(content_pack, content_card):
    problems = check_packs([content_pack(cards={"a.md": content_card(region="syddanmak")})], today=TODAY)
    bad = next(p for p in problems if p.code == "bad-region")
    assert bad.severity == "error" and "syddanmark" in bad.hint


def test_an_echoed_value_is_cut_short(content_pack, content_card):
    problems = check_packs([content_pack(cards={"a.md": content_card(category="x" * 5000)})], today=TODAY)
    bad = next(p for p in problems if p.code == "bad-category")
    assert len(bad.message) < 200


def _content(*args, cwd, lang="en"):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("INFOCARDS_", "LC_", "LANG"))}
    env["INFOCARDS_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "infocards", "content", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_build_says_a_broken_override_was_left_out_and_exits_1(content_pack, content_card, tmp_path):
    national = content_pack("national", cards={"a.md": content_card(body="Nationalt.\n")})
    municipality = content_pack(
        "kommune",
        kind="municipality",
        cards={
            "a.md": content_card(overrides="true", summary=None, body="Lokalt.\n"),
            "b.md": content_card(id="local", body="Se [kort](card:nowhere).\n"),
        },
    )
    result = _content("build", national, municipality, "--out", tmp_path / "deck", cwd=tmp_path)
    assert result.returncode == 1
    assert "kommune/a.md: the card 'test-card' has errors, so the deck shows the card from national/a.md" in (
        result.stderr
    )
    assert "kommune/b.md:" in result.stderr and "nowhere" in result.stderr  # the link error is printed
    assert "Traceback" not in result.stderr


def test_check_prints_fejl_and_advarsel_in_danish_and_json_keeps_error(content_pack, content_card, tmp_path):
    import json

    content_pack(cards={"a.md": content_card(summary=None), "b.md": content_card(id="b")})
    danish = _content("check", "pack", cwd=tmp_path, lang="da")
    assert "pack/a.md:1: fejl: " in danish.stdout and "advarsel: " in danish.stdout
    assert ": error:" not in danish.stdout and ": warning:" not in danish.stdout
    english = _content("check", "pack", cwd=tmp_path)
    assert "pack/a.md:1: error: " in english.stdout
    as_json = json.loads(_content("check", "pack", "--json", cwd=tmp_path, lang="da").stdout)
    assert {p["severity"] for p in as_json["problems"]} == {"error", "warning"}


def test_check_output_holds_no_terminal_control_characters(content_pack, content_card, tmp_path):
    hostile = '"\\e[2J\\e[HStatus: Valid\\u202e"'  # YAML escapes: ESC and a bidi override
    content_pack(cards={"a.md": content_card(category=hostile)})
    result = _content("check", "pack", cwd=tmp_path)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "Status: Valid" in result.stdout  # shown, but harmless
    as_json = _content("check", "pack", "--json", cwd=tmp_path).stdout
    assert "\\u001b" in as_json  # JSON escapes it and stays as it was
