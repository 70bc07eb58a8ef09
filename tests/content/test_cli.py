"""`infocards content check|build` as a user runs it: the real command in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_EXE = Path(sys.executable).with_name("infocards")
_PROGRAM = [str(_EXE)] if _EXE.exists() else ["infocards"]


def run(*args, cwd: Path, lang: str = "en", env: dict | None = None) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("INFOCARDS_", "LC_", "LANG"))}
    clean_env.update({"INFOCARDS_LANG": lang, **(env or {})})
    return subprocess.run(
        [*_PROGRAM, "content", *map(str, args)],
        cwd=cwd,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def packs_cwd(content_packs) -> Path:
    return content_packs


def test_a_clean_pack_exits_0(packs_cwd):
    result = run("check", "clean", cwd=packs_cwd)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "No problems in 8 card(s).\n"


def test_errors_exit_1_and_every_problem_is_printed_with_a_count(packs_cwd):
    # The broken pack: 40 problem files, one problem each; 25 cards load (base cards, twins, warnings).
    result = run("check", "broken", cwd=packs_cwd)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = "broken/cards/bad-id.md:2: error: id 'Bad_Id' is not valid"
    assert f"{expected} (use lower-case letters a-z, digits and hyphens, e.g. 'disc-herniation')" in lines
    assert lines[-1] == "32 error(s), 8 warning(s) in 25 card(s)."
    assert len(lines) == 41
    assert "Traceback" not in result.stderr


def test_warnings_alone_exit_0_and_1_with_strict(content_pack, content_card, tmp_path):
    content_pack(cards={"a.md": content_card()})  # no English translation: one warning
    relaxed = run("check", "pack", cwd=tmp_path)
    strict = run("check", "pack", "--strict", cwd=tmp_path)
    assert relaxed.returncode == 0
    assert strict.returncode == 1
    assert relaxed.stdout.startswith("pack/a.md:2: warning: the card 'test-card' has no 'en' translation")
    assert strict.stdout == relaxed.stdout


def test_json_output_for_tools(packs_cwd):
    result = run("check", "broken", "--json", cwd=packs_cwd)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["errors"] == 32 and report["warnings"] == 8 and report["cards"] == 25
    first = report["problems"][0]
    assert set(first) == {"path", "line", "severity", "message", "hint", "code"}
    assert {"path": "broken/cards/bad-id.md", "line": 2, "severity": "error"}.items() <= next(
        p for p in report["problems"] if p["code"] == "bad-id"
    ).items()
    assert run("check", "clean", "--json", cwd=packs_cwd).returncode == 0


def test_without_packs_it_checks_the_packs_in_flet_toml(content_packs, tmp_path):
    config = tmp_path / "flet.toml"
    config.write_text(f'[content]\npacks = ["{(content_packs / "clean").as_posix()}"]\n', encoding="utf-8")
    result = run("check", cwd=tmp_path, env={"INFOCARDS_CONFIG": str(config)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "8 card(s)" in result.stdout


def test_messages_in_danish(packs_cwd):
    result = run("check", "broken", cwd=packs_cwd, lang="da")
    assert "broken/cards/unknown-field.md:11: fejl: ukendt felt 'review_bye' (mente du 'review_by'?)" in result.stdout
    assert result.stdout.splitlines()[-1] == "32 fejl, 8 advarsler i 25 kort."


def test_a_missing_pack_is_an_error_not_a_traceback(tmp_path):
    result = run("check", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("nowhere:1: error: the card pack does not exist")
    assert "Traceback" not in result.stderr


def test_build_writes_the_deck_and_reports_pages(content_packs, tmp_path):
    result = run("build", content_packs / "clean", "--out", tmp_path / "deck", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "deck" / "da" / "gp.html").is_file()
    assert (tmp_path / "deck" / "en" / "gp.html").is_file()
    assert result.stderr.strip() == f"13 page(s) written to {tmp_path / 'deck'}."


def test_build_of_one_language(content_packs, tmp_path):
    result = run("build", content_packs / "clean", "--out", tmp_path / "deck", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "deck" / "en" / "index.html").is_file()
    assert not (tmp_path / "deck" / "da").exists()


def test_build_of_a_missing_pack_exits_1_with_a_message(tmp_path):
    result = run("build", tmp_path / "nowhere", "--out", tmp_path / "deck", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("The card pack does not exist:")


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["build", "--help"]])
def test_every_command_has_help(args, tmp_path):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 0
    assert "usage: infocards content" in result.stdout
    assert len(result.stdout.splitlines()) > 3


def test_odd_file_names_and_a_latin1_terminal_never_give_a_traceback(content_pack, content_card, tmp_path):
    root = content_pack(cards={"a.md": content_card(category="ryg✓")})
    with open(os.fsencode(root) + b"/\xff\xfe.md", "wb") as handle:
        handle.write(b"---\nid: x\ntitle: a: b\n---\n")
    result = run("check", "pack", cwd=tmp_path, env={"PYTHONIOENCODING": "latin-1"})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "pack/\\ufffd\\ufffd.md:3: error: the front matter is not valid YAML" in result.stdout
    assert "pack/a.md:4: error: unknown category 'ryg\\u2713'" in result.stdout


def test_build_into_a_file_exits_1_with_a_message(content_packs, tmp_path):
    (tmp_path / "deck").write_text("not a folder", encoding="utf-8")
    result = run("build", content_packs / "clean", "--out", tmp_path / "deck", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"The deck cannot be written to {tmp_path / 'deck'}:")
    assert "Traceback" not in result.stderr
