"""Region blocks: checked by file and line, resolved for the deployment's region, proofed in the deck."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from infocards.config import load_settings
from infocards.content import Library, check_packs
from infocards.errors import ConfigError

TODAY = date(2026, 11, 27)
BODY = """Ring 112 ved livsfare.

::: region syddanmark
Ring [70 11 07 07](tel:70110707).
:::

::: region hovedstaden sjaelland
Ring [1813](tel:1813) eller 1818.
:::

::: region default
Se tabellen over alle fem regioner.
:::
"""
_EXE = [sys.executable, "-m", "infocards"]


def codes_at(problems, name):
    return [(p.line, p.code) for p in problems if p.path.endswith(name)]


def body_line(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


def test_well_formed_blocks_pass(content_pack, content_card):
    problems = check_packs([content_pack(cards={"a.md": content_card(body=BODY)})], today=TODAY)
    assert [code for _, code in codes_at(problems, "a.md") if code.startswith("region") or code == "bad-region"] == []


@pytest.mark.parametrize(
    ("body", "needle", "code"),
    [
        ("::: region fyn\nx\n:::\n::: region default\ny\n:::\n", "::: region fyn", "bad-region"),
        ("::: region syddanmark\nx\n", "::: region syddanmark", "region-unclosed"),
        ("::: region syddanmark\n::: region default\nx\n:::\n", "::: region default", "region-nested"),
        ("::: region syddanmark\nx\n:::\n", "::: region syddanmark", "region-no-default"),
        ("x\n:::\n", ":::", "region-stray-close"),
        ("::: region\nx\n:::\n", "::: region", "region-empty"),
    ],
)
def test_each_block_problem_at_its_line(content_pack, content_card, body, needle, code):
    text = content_card(body=body)
    problems = check_packs([content_pack(cards={"a.md": text})], today=TODAY)
    assert (body_line(text, needle), code) in codes_at(problems, "a.md")


def test_blocks_inside_a_fence_are_code_not_blocks(content_pack, content_card):
    text = content_card(body="~~~\n::: region fyn\n~~~\n")
    problems = check_packs([content_pack(cards={"a.md": text})], today=TODAY)
    assert [c for _, c in codes_at(problems, "a.md") if c.startswith("region") or c == "bad-region"] == []


def test_the_body_follows_the_region(content_pack, content_card):
    root = content_pack(cards={"a.md": content_card(body=BODY)})
    south = Library.load([root], region="syddanmark").get("test-card", "da").body
    capital = Library.load([root], region="hovedstaden").get("test-card", "da").body
    north = Library.load([root], region="nordjylland").get("test-card", "da").body
    none = Library.load([root], region=None).get("test-card", "da").body
    assert "70110707" in south and "1813" not in south and "tabellen" not in south
    assert "1813" in capital and "70110707" not in capital
    assert "tabellen" in north and "tabellen" in none and "1813" not in none
    assert all(":::" not in body and "Ring 112" in body for body in (south, capital, north, none))


def test_the_municipality_packs_region_is_the_default(content_pack, content_card, tmp_path, monkeypatch):
    national = content_pack("national", cards={"a.md": content_card(body=BODY)})
    municipality = content_pack("kommune", kind="municipality", region="Region Syddanmark",
                                cards={"b.md": content_card(id="local")})
    monkeypatch.setenv("INFOCARDS_CONFIG", str(tmp_path / "flet.toml"))
    (tmp_path / "flet.toml").write_text('[app]\nregion = ""\n', encoding="utf-8")
    assert "70110707" in Library.load([national, municipality]).get("test-card", "da").body
    (tmp_path / "flet.toml").write_text('[app]\nregion = "Nordjylland"\n', encoding="utf-8")
    assert "tabellen" in Library.load([national, municipality]).get("test-card", "da").body


def test_an_unknown_pack_region_is_an_error(content_pack, content_card):
    root = content_pack(cards={"a.md": content_card()}, region="Region Fyn")
    problems = check_packs([root], today=TODAY)
    assert (3, "pack-region") in codes_at(problems, "pack.yaml")


def test_flet_toml_region_is_normalised_or_refused(tmp_path):
    path = tmp_path / "flet.toml"
    path.write_text('[app]\nregion = "Region Sjælland"\n', encoding="utf-8")
    assert load_settings(path).region == "sjaelland"
    path.write_text('[app]\nregion = "Skåne"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert "Skåne" in caught.value.message("en") and str(path) in caught.value.message("en")


def _build(*args, cwd):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INFOCARDS_", "LC_", "LANG"))}
    env["INFOCARDS_LANG"] = "en"
    return subprocess.run([*_EXE, "content", "build", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_build_for_one_region_and_the_proofing_deck(content_pack, content_card, tmp_path):
    root = content_pack(cards={"a.md": content_card(body=BODY)})
    result = _build(root, "--out", tmp_path / "south", "--region", "Syddanmark", "--lang", "da", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "south" / "da" / "test-card.html").read_text(encoding="utf-8")
    assert 'href="tel:70110707"' in page and "1813" not in page and "tabellen" not in page
    result = _build(root, "--out", tmp_path / "all", "--lang", "da", cwd=tmp_path)
    page = (tmp_path / "all" / "da" / "test-card.html").read_text(encoding="utf-8")
    for heading in ("Region Syddanmark", "Region Hovedstaden, Region Sjælland", "Når ingen region er valgt"):
        assert heading in page
    assert "70110707" in page and "1813" in page and "tabellen" in page
    bad = _build(root, "--out", tmp_path / "x", "--region", "Fyn", cwd=tmp_path)
    assert bad.returncode == 2 and "Unknown region 'Fyn'" in bad.stderr and "Traceback" not in bad.stderr
