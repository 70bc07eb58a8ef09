"""The municipal editor's first steps (issue 19, bug 6 and friction): content/README's commands run
as written, `content build` without the deck add-on says how to add it, and the commands speak
Danish on a Danish system."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "content" / "README.md"
AS_OF = "2026-12-07"
# The real command, in a Python where the deck's sanitiser (the `deck` extra) cannot be imported,
# as after the main README's plain `pip install .`.
WITHOUT_DECK = "import sys; sys.modules['nh3'] = None; from infocards.cli import main; sys.exit(main(sys.argv[1:]))"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INFOCARDS_", "LC_", "LANG"))}
    env.update(extra)
    return env


def _without_deck(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_DECK, "content", *args],
        cwd=cwd, env=_env(**env), capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )


def test_build_without_the_deck_add_on_says_how_to_add_it_before_writing_anything(tmp_path):
    national = str(ROOT / "content" / "national")
    english = _without_deck("build", national, "--out", "deck", cwd=tmp_path, INFOCARDS_LANG="en")
    assert english.returncode == 1
    assert "Traceback" not in english.stderr
    assert 'The preview needs the \'deck\' add-on, which is not installed. Install it from the infocards folder: ' in (
        english.stderr
    )
    assert re.search(r' install "\.\[deck\]" \(or \S+ install "infocards\[deck\]"\), then run the command again\.',
                     english.stderr)
    assert not (tmp_path / "deck").exists()  # nothing half-written
    danish = _without_deck("build", national, "--out", "deck", cwd=tmp_path, INFOCARDS_LANG="da")
    assert "Forhåndsvisningen kræver tilføjelsen 'deck', som ikke er installeret." in danish.stderr
    # The checker needs no add-on.
    assert _without_deck("check", national, cwd=tmp_path, INFOCARDS_LANG="en").returncode == 0


def _readme_commands() -> list[str]:
    blocks = re.findall(r"```\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return [line for block in blocks for line in block.splitlines() if "infocards content" in line]


def test_the_readme_says_to_install_the_deck_add_on_in_both_languages():
    text = README.read_text(encoding="utf-8")
    danish, english = text.split("## English", 1)
    for part in (danish, english):
        assert '.venv/bin/pip install ".[deck]"' in part
        assert ". .venv/bin/activate" in part


def test_the_readme_commands_run_as_written(tmp_path):
    # The README's folder as an editor has it: content/ and the venv side by side.
    (tmp_path / "content").symlink_to(ROOT / "content", target_is_directory=True)
    (tmp_path / ".venv").symlink_to(Path(sys.executable).parents[1], target_is_directory=True)
    commands = _readme_commands()
    assert len(commands) == 4  # check and build, in Danish and in English
    for command in commands:
        assert command.startswith(".venv/bin/infocards content "), command
        # As written, on a fixed day: a card's review date passing must not fail this test.
        result = subprocess.run(
            ["/bin/sh", "-c", f"{command} --as-of {AS_OF}"],
            cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=300,
        )
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    assert (tmp_path / "forhaandsvisning" / "index.html").is_file() and (tmp_path / "preview" / "index.html").is_file()


def test_check_and_build_speak_danish_on_a_danish_system_without_infocards_lang(tmp_path):
    exe = Path(sys.executable).with_name("infocards")
    pack = str(ROOT / "content" / "national")
    env = _env(LANG="da_DK.UTF-8")
    check = subprocess.run(
        [exe, "content", "check", pack, "--as-of", AS_OF], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert check.stdout.startswith("Ingen problemer i ") and check.stdout.endswith(" kort.\n")
    build = subprocess.run([exe, "content", "build", pack, "--out", "deck"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0 and " sider skrevet til deck" in build.stderr
    english = subprocess.run([exe, "content", "check", pack], cwd=tmp_path, env=_env(LANG="en_DK.UTF-8"),
                             capture_output=True, text=True)
    assert english.stdout.startswith("No problems in ")
