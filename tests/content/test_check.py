"""The checker: one fixture file per kind of problem, each reported with its exact file, line and severity."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from infocards.content import check_packs
from infocards.content.check import count_by_severity
from infocards.content.problems import SEVERITY, Problem
from infocards.i18n import CATALOG

# file in tests/fixtures/packs/broken/cards -> (line, severity, kind of problem)
BROKEN = {
    "no-front-matter.md": (1, "error", "no-front-matter"),
    "unclosed-front-matter.md": (1, "error", "unclosed-front-matter"),
    "yaml-syntax.md": (3, "error", "yaml-syntax"),
    "front-matter-not-mapping.md": (2, "error", "front-matter-not-mapping"),
    "unknown-field.md": (11, "error", "unknown-field"),
    "duplicate-field.md": (11, "error", "duplicate-field"),
    "missing-field.md": (1, "error", "missing-field"),
    "not-text.md": (3, "error", "not-text"),
    "bad-id.md": (2, "error", "bad-id"),
    "bad-category.md": (4, "error", "bad-category"),
    "bad-lang.md": (5, "error", "bad-lang"),
    "bad-date.md": (10, "error", "bad-date"),
    "summary-multiline.md": (6, "error", "summary-multiline"),
    "bad-sources.md": (7, "error", "bad-sources"),
    "bad-source.md": (10, "error", "bad-source"),
    "source-url.md": (8, "error", "source-url"),
    "bad-codes.md": (11, "error", "bad-codes"),
    "bad-code.md": (13, "error", "bad-code"),
    "bad-role.md": (11, "error", "bad-role"),
    "role-required.md": (1, "error", "role-required"),
    "applies-from-required.md": (1, "error", "applies-from-required"),
    "bad-related.md": (13, "error", "bad-related"),
    "related-missing.md": (13, "error", "related-missing"),
    "bad-overrides.md": (11, "error", "bad-overrides"),
    "duplicate-id.md": (2, "error", "duplicate-id"),
    "unsafe-html.md": (14, "error", "unsafe-html"),
    "unsafe-link.md": (14, "error", "unsafe-link"),
    "remote-image.md": (14, "error", "remote-image"),
    "bad-card-link.md": (12, "error", "bad-card-link"),
    "card-link-missing.md": (14, "error", "card-link-missing"),
    "not-utf8.md": (13, "error", "not-utf8"),
    "binary.md": (2, "error", "binary"),
    "missing-translation.md": (2, "warning", "missing-translation"),
    "review-overdue.md": (11, "warning", "review-overdue"),
    "reviewed-in-future.md": (10, "warning", "reviewed-in-future"),
    "raw-html.md": (14, "warning", "raw-html"),
    "blocked-link.md": (14, "warning", "blocked-link"),
    "image-missing.md": (14, "warning", "image-missing"),
    "role-on-other-card.md": (11, "warning", "role-on-other-card"),
    "override-unused.md": (11, "warning", "override-unused"),
}
# Files in the broken pack that must give no problem at all (the base cards, twins, a local image).
CLEAN_IN_BROKEN = ["base/base-da.md", "base/base-en.md", "cards/local-image.md", "cards/duplicate-id-first.md"]


@pytest.fixture(scope="module")
def broken_problems() -> list[Problem]:
    root = Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "broken"
    return check_packs([root], today=date(2026, 11, 27))


def _where(problems, path: Path) -> list[tuple[int, str, str]]:
    return [(p.line, p.severity, p.code) for p in problems if os.path.abspath(p.path) == str(path)]


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_kind_of_problem_is_reported_at_its_line(name, broken_problems, content_packs):
    path = content_packs / "broken" / "cards" / name
    assert _where(broken_problems, path) == [BROKEN[name]]


def test_every_file_of_the_broken_pack_is_accounted_for(broken_problems, content_packs):
    root = content_packs / "broken"
    reported = {os.path.relpath(os.path.abspath(p.path), root) for p in broken_problems}
    expected = {f"cards/{name}" for name in BROKEN}
    assert reported == expected
    for name in CLEAN_IN_BROKEN:
        assert (root / name).is_file()


def test_all_problems_are_reported_at_once(broken_problems):
    errors, warnings = count_by_severity(broken_problems)
    assert (errors, warnings) == (
        sum(1 for v in BROKEN.values() if v[1] == "error"),
        sum(1 for v in BROKEN.values() if v[1] == "warning"),
    )


def test_the_clean_pack_has_no_problems(content_packs, content_today):
    assert check_packs([content_packs / "clean"], today=content_today) == []


def test_hints_suggest_the_nearest_name(broken_problems):
    hints = {p.code: p.hint for p in broken_problems}
    assert hints["unknown-field"] == "did you mean 'review_by'?"
    assert hints["bad-category"] == "did you mean 'diagnosis'?"
    assert hints["bad-code"] == "did you mean 'ICD-10'?"


def test_format_is_path_line_severity_message_hint():
    problem = Problem("a/b.md", 7, "error", "unknown field 'x'", "did you mean 'id'?")
    assert problem.format() == "a/b.md:7: error: unknown field 'x' (did you mean 'id'?)"
    assert Problem("a.md", 1, "warning", "m").format() == "a.md:1: warning: m"


def test_paths_are_relative_to_the_current_folder(content_packs, monkeypatch):
    monkeypatch.chdir(content_packs / "broken")
    problems = check_packs([content_packs / "broken"], today=date(2026, 11, 27))
    assert "cards/bad-id.md" in {p.path for p in problems}
    monkeypatch.chdir(content_packs.parent.parent / "content")  # a folder that does not hold the pack
    problems = check_packs([content_packs / "broken"], today=date(2026, 11, 27))
    assert all(os.path.isabs(p.path) for p in problems)


def test_the_review_date_is_judged_against_today(content_packs):
    overdue = content_packs / "broken" / "cards" / "review-overdue.md"
    before = check_packs([content_packs / "broken"], today=date(2025, 12, 31))
    assert "review-overdue" not in {code for _, _, code in _where(before, overdue)}


def test_messages_and_hints_are_in_danish_when_asked(content_packs):
    problems = check_packs([content_packs / "broken"], today=date(2026, 11, 27), lang="da")
    by_code = {p.code: p for p in problems}
    assert by_code["unknown-field"].message == "ukendt felt 'review_bye'"
    assert by_code["unknown-field"].hint == "mente du 'review_by'?"
    assert by_code["missing-translation"].message == "kortet 'missing-translation' findes ikke på sproget 'en'"


def test_every_kind_of_problem_has_a_message_in_both_languages():
    for code in SEVERITY:
        texts = CATALOG[f"content.check.{code}"]
        assert texts["da"] and texts["en"] and texts["da"] != texts["en"], code
    assert set(SEVERITY.values()) == {"error", "warning"}


@pytest.mark.parametrize(
    ("pack", "line", "code"),
    [
        ("no-pack-yaml", 1, "pack-yaml-missing"),
        ("bad-pack-yaml", 3, "pack-yaml-bad"),
        ("bad-pack-field", 2, "pack-kind"),
    ],
)
def test_pack_yaml_problems(pack, line, code, content_packs, content_today):
    problems = check_packs([content_packs / pack], today=content_today)
    assert [(os.path.abspath(p.path), p.line, p.severity, p.code) for p in problems] == [
        (str(content_packs / pack / "pack.yaml"), line, "error", code)
    ]


def test_pack_yaml_needs_every_field_and_knows_no_others(content_pack, content_card, content_today):
    root = content_pack(cards={"a.md": content_card(), "b.md": content_card(lang="en")})
    (root / "pack.yaml").write_text("name: X\nkind: national\npublsher: typo\n", encoding="utf-8")
    problems = check_packs([root], today=content_today)
    found = [(p.line, p.code, p.hint) for p in problems]
    assert (3, "pack-field-unknown", "did you mean 'publisher'?") in found
    assert {p.message for p in problems if p.code == "pack-field"} == {
        "pack.yaml: the field 'region' is missing or not text",
        "pack.yaml: the field 'publisher' is missing or not text",
        "pack.yaml: the field 'contact' is missing or not text",
    }


def test_a_missing_pack_folder_is_reported_not_raised(tmp_path, content_today):
    problems = check_packs([tmp_path / "nowhere"], today=content_today)
    assert [(p.line, p.severity, p.code) for p in problems] == [(1, "error", "pack-not-found")]


def test_an_empty_pack_is_a_warning(content_pack, content_today):
    problems = check_packs([content_pack()], today=content_today)
    assert [(p.severity, p.code) for p in problems] == [("warning", "empty-pack")]


def test_a_file_over_256_kb_is_refused(content_pack, content_card, content_today):
    root = content_pack(cards={"big.md": content_card(body="Tekst. " * 40_000)})
    problems = check_packs([root], today=content_today)
    assert [(os.path.basename(p.path), p.line, p.severity, p.code) for p in problems] == [
        ("big.md", 1, "error", "too-large")
    ]


def test_symlink_loops_and_dangling_links_are_reported(content_pack, content_card, content_today):
    root = content_pack(cards={"a.md": content_card(), "b.md": content_card(lang="en")})
    os.symlink(root, root / "loop")  # a folder that contains itself: not followed
    os.symlink(root / "self.md", root / "self.md")  # a file link to itself
    os.symlink(root / "gone.md", root / "dangling.md")
    problems = check_packs([root], today=content_today)
    assert sorted((os.path.basename(p.path), p.code) for p in problems) == [
        ("dangling.md", "file-unreadable"),
        ("self.md", "file-unreadable"),
    ]


def test_a_list_as_front_matter_and_odd_values_never_raise(content_pack, content_card, content_today):
    cards = {
        "list.md": "---\n- 1\n- 2\n---\n",
        "scalar.md": "---\njust text\n---\n",
        "empty.md": "---\n---\n",
        "nested.md": "---\n" + "a: " + "[" * 5000 + "\n---\n",
        "bigint.md": content_card(id="x1", codes="[ICD-10:" + "9" * 5000 + "]"),
        "alias.md": "---\na: &a [1, 2]\nb: [*a, *a]\nid: *a\n---\n",
        "tag.md": "---\nid: !!python/object:os.system ls\n---\n",
        "timestamp.md": content_card(id="x2", reviewed="!!timestamp 2026-13-45"),
        "keys.md": "---\n? [a, b]\n: c\n1: 2\n---\n",
    }
    problems = check_packs([content_pack(cards=cards)], today=content_today)
    reported = {os.path.basename(p.path) for p in problems if p.severity == "error"}
    assert reported == set(cards)


def test_json_of_problems_is_plain_data(broken_problems):
    data = json.loads(json.dumps([p.to_dict() for p in broken_problems]))
    assert {"path", "line", "severity", "message", "hint", "code"} <= set(data[0])


def test_an_unknown_field_without_a_near_name_lists_the_known_fields(content_pack, content_card, content_today):
    root = content_pack(cards={"a.md": content_card(zzz="1")})
    (problem,) = check_packs([root], today=content_today)
    assert (problem.line, problem.code) == (11, "unknown-field")  # after the seven required fields
    assert problem.hint.startswith("known fields: id, title, category, lang, summary, sources, reviewed, review_by")
