"""Issue 17 items 1, 3, 9, 11 and issue 19 bug 8 on the command line, run as real subprocesses:
a note is bound to its patient unless the professional says otherwise, every reader says when
it is not, a signer's fields cannot paint a list's words, and bad input is refused in words."""

import json

from tests.notes.test_note_cli import _no_traceback
from tests.share.notes import NOTE_RECORDS


def _signed(data: dict) -> list[dict]:
    return [e for entries in data["sections"].values() for e in entries if e.get("signer")]


def test_a_note_without_a_patient_is_refused_unless_asked_for_by_name(cli, clinic, note_file, tmp_path):
    key, _ = clinic
    out = tmp_path / "n.png"
    for lang, word in (("en", "--unbound"), ("da", "--unbound")):
        refused = cli("note", key, note_file, "--out", out, env={"INFOCARDS_LANG": lang})
        assert refused.returncode == 2 and word in refused.stderr and "--for" in refused.stderr
        _no_traceback(refused)
    assert not out.exists()
    assert cli("note", key, note_file, "--out", out, "--unbound").returncode == 0
    data = json.loads(cli("read", out, "--json").stdout)
    assert data["written_for"] is None and data["signer"]["bound"] is False
    text = cli("read", out, env={"INFOCARDS_LANG": "en"}).stdout
    assert "Not written for a particular patient" in text


def test_an_unbound_note_carried_by_any_patient_is_marked_apart_from_a_bound_one(
        cli, clinic, note_file, summary_png, share_wallet, tmp_path):
    """The review's reproduction (1): an unbound note received by another wallet, shared, read."""
    key, _ = clinic
    wallet, summary = summary_png
    other = share_wallet(name="other.icw")
    anyone, bound = tmp_path / "anyone.png", tmp_path / "bound.png"
    assert cli("note", key, note_file, "--out", anyone, "--unbound").returncode == 0
    assert cli("note", key, note_file, "--out", bound, "--for", summary).returncode == 0
    received = cli("wallet", "receive", other, anyone)
    assert received.returncode == 0 and "not written for a particular patient" in received.stderr
    assert cli("wallet", "receive", wallet, bound).returncode == 0
    for path, expected in ((other, False), (wallet, True)):
        shared = tmp_path / f"{path.name}.png"
        assert cli("share", path, "--out", shared).returncode == 0
        data = json.loads(cli("read", shared, "--json").stdout)
        signed = _signed(data)
        assert signed and all(e["signer"]["bound"] is expected and e["signer"]["verified"] for e in signed)
        text = cli("read", shared, env={"INFOCARDS_LANG": "en"}).stdout
        assert ("Not written for a particular patient" in text) is not expected


def test_withheld_entries_are_counted_under_the_signer_line(cli, clinic, note_file, summary_png, tmp_path):
    key, _ = clinic
    wallet, summary = summary_png
    bound = tmp_path / "bound.png"
    assert cli("note", key, note_file, "--out", bound, "--for", summary).returncode == 0
    assert cli("wallet", "receive", wallet, bound).returncode == 0
    shared = tmp_path / "findings.png"
    assert cli("share", wallet, "--out", shared, "--sections", "findings").returncode == 0
    data = json.loads(cli("read", shared, "--json").stdout)
    signed = _signed(data)
    withheld = len(NOTE_RECORDS) - len(signed)
    assert withheld > 0 and all(e["signer"]["withheld"] == withheld for e in signed)
    lines = cli("read", shared, env={"INFOCARDS_LANG": "en"}).stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "signature checked" in line)
    assert lines[at + 1].strip() == f"{withheld} more entries of this note were not shared"


def test_clinic_init_refuses_signer_fields_a_screen_could_misread(cli, tmp_path):
    bad = {
        "--name": ["Mette Hansen · nøglen står på listen fra Nationale kort", "Mette\u200bHansen",
                   "M" * 101],
        "--place": ["Fysio \u2022 Nationale kort", "Fysio\u202e"],
    }
    for option, values in bad.items():
        for value in values:
            fields = {"--name": "Mette Hansen", "--place": "Fysio", option: value}
            path = tmp_path / "k.key"
            result = cli("clinic", "init", path, "--role", "physiotherapist", *(x for kv in fields.items() for x in kv))
            assert result.returncode == 1 and "·" in result.stderr, (option, value)
            assert not path.exists()
            _no_traceback(result)
    # Whitespace is collapsed, line breaks too, before the rule: what is signed is one line.
    spaced = cli("clinic", "init", tmp_path / "ok.key", "--name", "  Mette \n  Hansen ", "--role", "gp")
    assert spaced.returncode == 0
    assert "Name: Mette Hansen" in cli("clinic", "show", tmp_path / "ok.key").stdout


def test_a_note_whose_signer_claims_a_list_is_invalid(cli, tmp_path):
    from datetime import UTC, datetime

    from infocards.codes.note_code import NoteCore, Signer, make_note, note_code_text
    from infocards.codes.signing import SigningKey
    from tests.share.notes import records

    key = SigningKey(bytes(range(32)))
    good = make_note(key, ("Mette Hansen", "physiotherapist", "Fysio"), records(), datetime.now(UTC))
    claim = "Mette Hansen · nøglen står på listen fra Nationale kort"
    core = NoteCore(Signer(claim, "physiotherapist", "Fysio", key.public_bytes), good.core.issued,
                    good.core.lifetime, None, good.core.digests)
    note = type(good)(core, key.sign(core.signed_bytes()), good.records, good.salts)
    result = cli("read", note_code_text(note, key), "--json")
    data = json.loads(result.stdout)
    assert result.returncode == 4 and data["reason"] == "signer name" and "signer" not in data
    text = cli("read", note_code_text(note, key), env={"INFOCARDS_LANG": "en"})
    assert "Nationale kort" not in text.stdout + text.stderr


def test_control_characters_and_early_dates_are_refused_in_words(cli, clinic, tmp_path):
    key, _ = clinic
    cases = {
        "nul.json": ({**NOTE_RECORDS[0], "text": "Straight leg raise\x00 negative"}, "control character"),
        "old.json": ({**NOTE_RECORDS[0], "date": "1899-12-31"}, "1900-01-01"),
    }
    for name, (record, words) in cases.items():
        path = tmp_path / name
        path.write_text(json.dumps({"records": [record]}), encoding="utf-8")
        result = cli("note", key, path, "--out", tmp_path / "n.png", "--unbound", env={"INFOCARDS_LANG": "en"})
        assert result.returncode != 0 and words in result.stderr, result.stderr
        _no_traceback(result)
        assert not (tmp_path / "n.png").exists()


def test_a_referral_names_its_recipient_as_its_goal_not_its_author(cli, share_wallet, tmp_path):
    referral = {"type": "referral", "date": "2026-11-01", "from_role": "gp", "to_role": "physiotherapist",
                "reason": "Lændesmerter", "status": "sent"}
    wallet = share_wallet(records=[referral])
    png = tmp_path / "s.png"
    assert cli("share", wallet, "--out", png, "--sections", "referrals").returncode == 0
    text = cli("read", png, env={"INFOCARDS_LANG": "da"}).stdout
    assert "(Henvisning til fysioterapeut · oplyst af patienten)" in text
    assert "(Fysioterapeut · oplyst af patienten)" not in text
