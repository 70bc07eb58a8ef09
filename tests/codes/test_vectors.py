"""The public test vectors (docs/format/vectors/): the code still makes them, byte for byte, and
the real `infocards read --json` reads each as the vector says, failing where it says."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from infocards.commands.share import READ_CLOCK_ENV
from tests.codes.vector_cases import build_all, dumps
from tests.codes.vector_stages import STAGES, failing_stage
from tests.codes.vectors import VECTOR_DIR

BUILT = build_all()
FILES = sorted(path.name for path in VECTOR_DIR.glob("*.json"))
REQUIRED = (
    "reference-course.json", "period.json", "carried-one-note.json", "carried-two-notes.json", "note-bound.json",
    "note-unbound.json", "expired.json", "issued-in-the-future.json", "lifetime-too-long.json",
    "tampered-body.json", "tampered-deflated.json", "tampered-signed-part.json", "tampered-signature.json",
    "tampered-text.json", "prefix-foreign.json", "cut-short.json", "format-ic1.json",
    "format-ic2-without-notes.json",
)


def _load(name: str) -> dict:
    return json.loads((VECTOR_DIR / name).read_text(encoding="utf-8"))


def test_the_folder_holds_exactly_the_cases_and_every_required_one():
    assert FILES == sorted(BUILT)
    assert set(REQUIRED) <= set(FILES)
    assert {f"section-{key}.json" for key in ("red-flags", "findings", "imaging", "treatments", "medication",
                                              "referrals", "plan-goals", "work", "involved")} <= set(FILES)
    assert sum((VECTOR_DIR / name).stat().st_size for name in FILES) < 1_000_000


@pytest.mark.parametrize("name", sorted(BUILT))
def test_the_code_still_makes_the_vector_byte_for_byte(name):
    on_disk = (VECTOR_DIR / name).read_text(encoding="utf-8")
    assert on_disk == dumps(BUILT[name]), f"{name} drifted: run scripts/make-vectors.py and review the diff"


@pytest.fixture(scope="module")
def read_env(tmp_path_factory):
    """English, no content pack (card titles and trust lists are not the format), fresh key memory."""
    folder = tmp_path_factory.mktemp("vectors")
    config = folder / "flet.toml"
    config.write_text("[content]\npacks = []\n", encoding="utf-8")
    return {"INFOCARDS_CONFIG": str(config), "INFOCARDS_LANG": "en"}


@pytest.mark.parametrize("name", FILES)
def test_infocards_read_json_gives_the_expected_result(name, wallet_cli, read_env, tmp_path):
    vector = _load(name)
    env = {**read_env, READ_CLOCK_ENV: vector["clock"], "INFOCARDS_READER_KEYS": str(tmp_path / "keys.json")}
    result = wallet_cli("read", vector["stages"]["code"], "--json", env=env)
    expected = vector["expected"]
    assert result.returncode == expected["exit_code"], result.stderr
    assert json.loads(result.stdout) == expected["read"]
    assert json.loads(result.stdout)["status"] == expected["status"]
    assert READ_CLOCK_ENV in result.stderr  # the test clock is never silent


@pytest.mark.parametrize("name", FILES)
def test_each_case_fails_at_the_stage_it_names(name):
    vector = _load(name)
    expected = vector["expected"]
    stage, reason = failing_stage(vector["stages"]["code"], datetime.fromisoformat(vector["clock"]))
    assert (stage, reason) == (expected["fails_at"], expected["reason"])
    assert expected["fails_at"] is None or expected["fails_at"] in STAGES
    if expected["fails_at"] not in (None, "expiry"):
        assert expected["status"] in ("invalid", "not_infocards") and "sections" not in expected["read"]
        assert expected["read"].get("reason") == expected["reason"]
    original = vector.get("tampering", {}).get("original_code")
    if original:  # the change, not the code it was made from, is what a reader refuses
        assert failing_stage(original, datetime.fromisoformat(vector["clock"])) == (None, None)


def test_the_read_clock_must_name_a_time_zone(wallet_cli, read_env):
    code = _load("format-ic1.json")["stages"]["code"]
    result = wallet_cli("read", code, "--json", env={**read_env, READ_CLOCK_ENV: "2026-12-01T09:10:00"})
    assert result.returncode == 2 and READ_CLOCK_ENV in result.stderr
    later = wallet_cli("read", code, "--json", env={**read_env, READ_CLOCK_ENV: "2030-01-01T00:00:00+00:00"})
    assert later.returncode == 3 and json.loads(later.stdout)["status"] == "expired"


def test_the_published_preset_dictionary_is_the_one_the_code_uses():
    from infocards.codes.dictionary import PRESET_DICTIONARY

    published = (VECTOR_DIR.parent / "preset-dictionary.txt").read_bytes()
    assert published == PRESET_DICTIONARY
    assert "3615 bytes" in (VECTOR_DIR.parents[1] / "FORMAT.md").read_text(encoding="utf-8")
    assert len(PRESET_DICTIONARY) == 3615
