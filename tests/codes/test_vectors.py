"""The public test vectors (docs/format/vectors/): the code still makes them, byte for byte, and
the real `infocards read --json` reads each as the vector says, failing where it says."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from tests.codes.vector_cases import build_all, dumps
from tests.codes.vector_stages import STAGES, failing_stage
from tests.codes.vectors import VECTOR_DIR

ROOT = Path(__file__).resolve().parents[2]
BUILT = build_all()
FILES = sorted(path.name for path in VECTOR_DIR.glob("*.json"))
REQUIRED = (
    "reference-course.json", "period.json", "carried-one-note.json", "carried-two-notes.json", "note-bound.json",
    "note-unbound.json", "expired.json", "issued-in-the-future.json", "lifetime-too-long.json",
    "tampered-body.json", "tampered-deflated.json", "tampered-signed-part.json", "tampered-signature.json",
    "tampered-text.json", "prefix-foreign.json", "cut-short.json", "format-ic1.json",
    "format-ic2-without-notes.json", "note-tampered-body.json", "note-tampered-deflated.json",
    "tampered-raw-signed.json", "link-ic1.json", "link-ic2.json", "link-in1.json", "link-digits-length.json",
    "link-digits-overflow.json", "link-not-infocards-fragment.json", "link-other-site.json",
    "name-line-break.json", "name-zero-width.json", "name-too-long.json",
    "note-signer-name-separator.json", "carried-signer-name-separator.json", "carried-note-unbound.json",
    "carried-withheld.json",
)


def _load(name: str) -> dict:
    return json.loads((VECTOR_DIR / name).read_text(encoding="utf-8"))


def test_the_folder_holds_exactly_the_cases_and_every_required_one():
    assert FILES == sorted(BUILT)
    assert set(REQUIRED) <= set(FILES)
    assert {f"section-{key}.json" for key in ("red-flags", "findings", "imaging", "treatments", "medication",
                                              "referrals", "plan-goals", "work", "involved")} <= set(FILES)
    assert sum((VECTOR_DIR / name).stat().st_size for name in FILES) < 1_000_000


def test_every_link_vector_spells_a_text_vector_or_is_refused_before_the_text():
    links = [name for name in FILES if name.startswith("link-")]
    assert len(links) >= 10
    for name in links:
        vector = _load(name)
        stages, expected = vector["stages"], vector["expected"]
        assert stages["code"] == stages["link_address"] + stages["fragment"]
        if expected["fails_at"] in ("link", "digits"):
            assert "text" not in stages and "prefix" not in stages
        else:
            assert stages["prefix"] == stages["text"][: len(stages["prefix"])]
        if expected["status"] == "valid":
            assert stages["text"] == vector["input"]["text_code"]


# The zlib that wrote the vectors' compressed stages. Another DEFLATE (zlib-ng, say) writes other
# valid bytes for the same body; there only what does not depend on the compressor is compared.
VECTOR_ZLIB = "1.2.13"
_COMPRESSED = ("deflated_hex", "signed_hex", "signature_hex", "base45", "code")


@pytest.mark.parametrize("name", sorted(BUILT))
def test_the_code_still_makes_the_vector_byte_for_byte(name):
    on_disk = (VECTOR_DIR / name).read_text(encoding="utf-8")
    if zlib.ZLIB_RUNTIME_VERSION == VECTOR_ZLIB:
        assert on_disk == dumps(BUILT[name]), f"{name} drifted: run scripts/make-vectors.py and review the diff"
        return
    saved, built = json.loads(on_disk)["stages"], BUILT[name]["stages"]
    assert {k: v for k, v in saved.items() if k not in _COMPRESSED} == {
        k: v for k, v in built.items() if k not in _COMPRESSED
    }


def test_the_compressed_stage_inflates_to_the_body_with_any_zlib():
    from infocards.codes.packing import decompress

    checked = 0
    for name in FILES:
        stages = _load(name)["stages"]
        if stages.get("deflated_hex") and stages.get("body_hex") and "tampered-deflated" not in name:
            assert decompress(bytes.fromhex(stages["deflated_hex"])) == bytes.fromhex(stages["body_hex"]), name
            checked += 1
    assert checked >= 20


@pytest.fixture(scope="module")
def read_env(tmp_path_factory):
    """English, no content pack (card titles and trust lists are not the format), fresh key memory."""
    folder = tmp_path_factory.mktemp("vectors")
    config = folder / "flet.toml"
    config.write_text("[content]\npacks = []\n", encoding="utf-8")
    return {"INFOCARDS_CONFIG": str(config), "INFOCARDS_LANG": "en"}


def _read_at(clock: str, code: str, env: dict, wallet_cli) -> subprocess.CompletedProcess:
    """`infocards read CODE --json` at `clock`, through tests/codes/read_at.py (the product has no clock setting)."""
    return subprocess.run(
        [sys.executable, "-m", "tests.codes.read_at", clock, "read", code, "--json"],
        env={**wallet_cli.env, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("name", FILES)
def test_infocards_read_json_gives_the_expected_result(name, wallet_cli, read_env, tmp_path):
    vector = _load(name)
    env = {**read_env, "INFOCARDS_READER_KEYS": str(tmp_path / "keys.json")}
    result = _read_at(vector["clock"], vector["stages"]["code"], env, wallet_cli)
    expected = vector["expected"]
    assert result.returncode == expected["exit_code"], result.stderr
    assert json.loads(result.stdout) == expected["read"]
    assert json.loads(result.stdout)["status"] == expected["status"]


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


def test_a_resigned_raw_part_leaves_the_summary_valid_and_the_carried_note_unverified():
    from infocards.reader.read import read_text

    vector = _load("tampered-raw-signed.json")
    clock = datetime.fromisoformat(vector["clock"])

    def verified(code: str) -> set[bool]:
        result = read_text(code, clock)
        assert result.status == "valid"
        return {note.verified for note in result.summary.notes}

    assert verified(vector["tampering"]["original_code"]) == {True}
    assert verified(vector["stages"]["code"]) == {False}
    shown = [entry for entries in vector["expected"]["read"]["sections"].values() for entry in entries]
    assert shown and all(entry["signer"]["verified"] is False for entry in shown)


def test_the_installed_command_reads_at_the_real_clock(wallet_cli, read_env):
    # The vectors' clocks are only for the test entry point: the product itself finds a vector
    # made in 2026 expired today or later, whatever its environment says.
    code = _load("format-ic1.json")["stages"]["code"]
    env = {**read_env, "INFOCARDS_TEST_READ_CLOCK": "2026-12-01T09:10:00+00:00"}
    result = wallet_cli("read", code, "--json", env=env)
    assert result.returncode == 3 and json.loads(result.stdout)["status"] == "expired"
    at_its_clock = _read_at(_load("format-ic1.json")["clock"], code, read_env, wallet_cli)
    assert at_its_clock.returncode == 0 and json.loads(at_its_clock.stdout)["status"] == "valid"


def test_the_published_preset_dictionary_is_the_one_the_code_uses():
    from infocards.codes.dictionary import PRESET_DICTIONARY

    published = (VECTOR_DIR.parent / "preset-dictionary.txt").read_bytes()
    assert published == PRESET_DICTIONARY
    assert "3615 bytes" in (VECTOR_DIR.parents[1] / "FORMAT.md").read_text(encoding="utf-8")
    assert len(PRESET_DICTIONARY) == 3615
