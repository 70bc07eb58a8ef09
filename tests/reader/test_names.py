"""Issue 17 item 2: a patient's name cannot paint lines, hide in invisible characters or pass for
another patient's. The name rule (docs/FORMAT.md §5.3) on both sides, and the key memory's
look-alike skeleton (UTS #39)."""

import json
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from infocards.codes.signing import SigningKey
from infocards.errors import InvalidRecord, ShareError
from infocards.reader.key_memory import KeyMemory
from infocards.reader.read import read_text
from infocards.records import validate_profile
from infocards.share.issue import issue_from_records

ATTACKS = {
    "line break": "Anna Jensen\nNøgle: AAAA-AAAA-AAAA-AAAA",
    "zero-width space": "Anna Jensen\u200b",
    "word joiner": "Anna\u2060Jensen",
    "soft hyphen": "An\u00adna Jensen",
    "bidi override": "Anna \u202enesneJ",
    "no-break space": "Anna\u00a0Jensen",
    "runs of spaces": "Anna" + " " * 60 + "Key: AAAA-AAAA-AAAA-AAAA",
    "leading space": " Anna Jensen",
    "too long": "A" * 101,
    "tab": "Anna\tJensen",
    "paragraph separator": "Anna\u2029Jensen",
}


def summary_with_name(name: str, seed: bytes, now: datetime, lifetime: int = 600) -> str:
    """A small summary (IC1) whose patient name is `name`, validly signed by the key of `seed`,
    made below the writer's own check (make_code refuses such a name)."""
    from dataclasses import replace

    from infocards.codes.binary import ByteWriter
    from infocards.codes.packing import compress
    from infocards.codes.summary_code import encode_body
    from infocards.share.summary import build_summary
    from tests.codes.vectors import _signed

    key = SigningKey(seed)
    summary = replace(build_summary({"name": "x"}, [], ("work",)), name=name)
    out = ByteWriter()
    out.raw(bytes([1]) + int(now.timestamp()).to_bytes(4, "big"))
    out.uint(lifetime)
    out.raw(key.public_bytes)
    out.raw(compress(encode_body(summary, now.astimezone(UTC).date().toordinal())))
    return _signed("IC1:", out.getvalue(), key)


@pytest.mark.parametrize("name", ATTACKS.values(), ids=ATTACKS.keys())
def test_a_summary_whose_name_breaks_the_rule_is_invalid(name):
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    result = read_text(summary_with_name(name, bytes(range(32)), now), now=now)
    assert result.status == "invalid" and result.error.params["reason"] == "patient name"
    assert result.summary is None


def test_the_rule_keeps_real_names():
    from infocards.names import is_good_name, is_good_signer_field

    for name in ("Anna Jensen", "Søren Ærø-Åberg", "Zoë O'Brien", "Μαρία Παπαδοπούλου", "李小龍", "", "A" * 100):
        assert is_good_name(name) and is_good_signer_field(name)
    assert not is_good_signer_field("Mette Hansen · listen") and is_good_name("Mette Hansen · listen")


def test_the_profile_collapses_whitespace_and_refuses_the_rest_in_words():
    assert validate_profile({"name": "  Anna \n Jensen\t"})["name"] == "Anna Jensen"
    for name in ("Anna\u200bJensen", "A" * 101, "Anna\u202eJensen"):
        with pytest.raises(InvalidRecord) as caught:
            validate_profile({"name": name})
        assert "one line" in caught.value.message("en") and "én linje" in caught.value.message("da")


def test_share_refuses_a_stored_name_a_reader_would_refuse_and_says_how_to_fix_it(share_course):
    profile = {**share_course["profile"], "name": "Anna Jensen\u200b"}  # a wallet from before the rule
    with pytest.raises(ShareError) as caught:
        issue_from_records(profile, share_course["records"], bytes(32))
    assert "My details" in caught.value.message("en") and "Mine oplysninger" in caught.value.message("da")


@pytest.mark.parametrize("look_alike", ["Аnna Jensen", "ＡＮＮＡ Jensen", "Anna Jеnsеn", "anna jensen"])
def test_a_look_alike_name_with_another_key_is_warned_about(tmp_path, look_alike):
    memory = KeyMemory(tmp_path / "keys.json")
    assert memory.seen("Anna Jensen", "1980-03-14", "AAAA-AAAA-AAAA-AAAA") == "first"
    expected = "new" if look_alike == "anna jensen" else "lookalike"  # case alone: the same name
    assert KeyMemory(tmp_path / "keys.json").seen(look_alike, "1980-03-14", "BBBB-BBBB-BBBB-BBBB") == expected
    from infocards.reader.key_memory import skeleton

    assert skeleton(look_alike) == skeleton("Anna Jensen")
    assert "Anna" not in (tmp_path / "keys.json").read_text(encoding="utf-8")


def test_the_same_key_under_a_look_alike_name_and_another_person_are_not_warned_about(tmp_path):
    memory = KeyMemory(tmp_path / "keys.json")
    memory.seen("Anna Jensen", "1980-03-14", "AAAA")
    assert memory.seen("Аnna Jensen", "1980-03-14", "AAAA") == "first"  # one device: no other key
    assert memory.seen("Anna Jensen", "1981-03-14", "CCCC") == "first"  # another birth date
    assert memory.seen("Søren Jensen", "1980-03-14", "DDDD") == "first"


def test_the_cli_names_the_key_before_the_name_and_warns_of_a_look_alike(wallet_cli, share_course, tmp_path):
    env = {**wallet_cli.env, "INFOCARDS_READER_KEYS": str(tmp_path / "seen.json"), "INFOCARDS_LANG": "en"}
    now = datetime.now(UTC) - timedelta(minutes=1)
    results = []
    for seed, name in ((bytes(32), "Anna Jensen"), (bytes(range(32)), "Аnna Jensen")):
        profile = {**share_course["profile"], "name": name}
        code = issue_from_records(profile, share_course["records"], seed, now=now).text
        run = subprocess.run([*wallet_cli.program, "read", code], env=env, capture_output=True, text=True, timeout=60)
        results.append(run.stdout.splitlines())
        data = subprocess.run([*wallet_cli.program, "read", code, "--json"], env=env, capture_output=True,
                              text=True, timeout=60)
        assert json.loads(data.stdout)["key_seen"] == "known"
    first, second = results
    key_line = next(i for i, line in enumerate(first) if line.startswith("Key: "))
    assert first[key_line + 1].startswith("Anna Jensen, born")
    assert not any("looks like a known name" in line for line in first)
    assert any("looks like a known name with another key" in line for line in second)
