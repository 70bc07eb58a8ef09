"""`clinic`, `note`, `wallet receive` and `read` of notes, run as real subprocesses."""

import io
import json
from datetime import UTC, datetime, timedelta

from PIL import Image

from infocards.codes.note_code import make_note, make_note_code
from infocards.codes.qr_in import decode_image
from infocards.codes.qr_out import png_bytes, write_png
from infocards.codes.signing import SigningKey
from tests.share.notes import NOTE_RECORDS, SIGNER, records

WALLET_FILES = ("", ".bak")


def _snapshot(wallet):
    return {
        suffix: (
            wallet.with_name(wallet.name + suffix).read_bytes()
            if wallet.with_name(wallet.name + suffix).exists()
            else None
        )
        for suffix in WALLET_FILES
    }


def _no_traceback(result):
    assert "Traceback" not in result.stderr + result.stdout


def test_clinic_show_names_the_key(cli, clinic):
    path, print_ = clinic
    result = cli("clinic", "show", path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "Name: Mette Hansen",
        "Role: Physiotherapist",
        "Place: Fysio",
        f"Fingerprint: {print_}",
    ]


def test_a_wrong_passphrase_or_a_damaged_key_exits_1_and_leaves_the_file(cli, clinic):
    path, _ = clinic
    before = path.read_bytes()
    wrong = cli("clinic", "show", path, env={"INFOCARDS_PASSPHRASE": "not the right one"})
    assert wrong.returncode == 1 and "wrong passphrase" in wrong.stderr
    path.write_bytes(before.replace(b'"Fysio"', b'"Fysik"'))
    damaged = cli("clinic", "show", path)
    assert damaged.returncode == 1 and "damaged" in damaged.stderr
    _no_traceback(wrong)
    _no_traceback(damaged)
    again = cli("clinic", "init", path, "--name", "X", "--role", "gp")
    assert again.returncode == 1 and path.read_bytes() == before.replace(b'"Fysio"', b'"Fysik"')


def test_note_writes_a_qr_that_decodes_to_a_note_and_read_prints_it(cli, clinic, note_file, summary_png, tmp_path):
    key, print_ = clinic
    _, summary = summary_png
    out = tmp_path / "note.png"
    result = cli("note", key, note_file, "--out", out, "--for", summary, "--text")
    assert result.returncode == 0, result.stderr
    text = result.stdout.strip()
    # The decoder the app uses here: zxing-cpp on a desktop, OpenCV in the phone's package set.
    assert decode_image(Image.open(out)) == [text] and text.startswith("IN1:")
    read = cli("read", out)
    assert read.returncode == 0
    lines = read.stdout.splitlines()
    assert lines[0] == "Note from a professional" and lines[1] == lines[-1] == "Status: VALID"
    assert "Written for: Anna Jensen, born 1978-03-14" in lines
    assert any(print_ in line and "key not on a list" in line for line in lines)
    data = json.loads(cli("read", out, "--json").stdout)
    assert data["kind"] == "note" and data["signer"]["fingerprint"] == print_ and data["signer"]["verified"]
    assert [r["source"] for r in data["records"]] == ["professional"] * 3


def test_a_note_that_does_not_fit_is_refused_with_how_much_to_shorten(cli, clinic, tmp_path):
    key, _ = clinic
    long = tmp_path / "long.json"
    items = [
        {**NOTE_RECORDS[0], "text": f"Finding {i}: " + "".join(chr(0x4E00 + (i * 97 + j) % 5000) for j in range(60))}
        for i in range(20)
    ]
    long.write_text(json.dumps({"records": items}), encoding="utf-8")
    result = cli("note", key, long, "--out", tmp_path / "n.png", "--unbound")
    assert result.returncode == 1 and "shorten it by about" in result.stderr
    assert not (tmp_path / "n.png").exists()


def test_receive_saves_once_and_the_next_summary_carries_the_signed_entries(
    cli, clinic, note_file, summary_png, tmp_path
):
    key, print_ = clinic
    wallet, summary = summary_png
    out = tmp_path / "note.png"
    assert cli("note", key, note_file, "--out", out, "--for", summary).returncode == 0
    first = cli("wallet", "receive", wallet, out)
    assert first.returncode == 0, first.stderr
    ids = first.stdout.split()
    assert len(ids) == 3
    before = _snapshot(wallet)
    second = cli("wallet", "receive", wallet, out, "--json")
    assert second.returncode == 0 and json.loads(second.stdout)["new"] == []
    assert _snapshot(wallet) == before  # receiving twice changes nothing
    shared = tmp_path / "next.png"
    assert cli("share", wallet, "--out", shared).returncode == 0
    data = json.loads(cli("read", shared, "--json").stdout)
    signed = [e for entries in data["sections"].values() for e in entries if e.get("signer")]
    assert len(signed) >= 3
    for entry in signed:
        assert entry["source"] == "professional"
        assert entry["signer"] == {
            "name": "Mette Hansen",
            "role": "physiotherapist",
            "place": "Fysio",
            "fingerprint": print_,
            "verified": True,
            "listed": False,
            "bound": True,
            "withheld": 0,
            "reason": None,
        }


def _refused(cli, wallet, source, code, *args):
    before = _snapshot(wallet)
    result = cli("wallet", "receive", wallet, source, *args)
    assert result.returncode == code, (result.stdout, result.stderr)
    assert _snapshot(wallet) == before
    _no_traceback(result)
    return result


def test_receive_refuses_a_summary_a_url_and_a_photo_without_a_code_with_5(cli, summary_png, tmp_path):
    wallet, summary = summary_png
    _refused(cli, wallet, summary, 5)
    url = tmp_path / "url.png"
    write_png("https://example.org/not-ours", url)
    _refused(cli, wallet, url, 5)
    blank = tmp_path / "blank.png"
    Image.new("RGB", (400, 300), "white").save(blank)
    _refused(cli, wallet, blank, 5)
    assert json.loads(_refused(cli, wallet, "hello", 5, "--json").stdout)["status"] == "not_a_note"


def test_receive_refuses_expired_3_tampered_4_other_patient_6(cli, share_wallet, summary_png, tmp_path):
    wallet, _ = summary_png
    key = SigningKey(bytes(range(32)))
    old = make_note(key, SIGNER, records(), datetime.now(UTC) - timedelta(days=8), timedelta(days=7))
    _refused(cli, wallet, make_note_code(old, key), 3)
    fresh = make_note_code(make_note(key, SIGNER, records(), datetime.now(UTC), timedelta(days=7)), key)
    tampered = fresh[:40] + ("A" if fresh[40] != "A" else "B") + fresh[41:]
    _refused(cli, wallet, tampered, 4)
    other = share_wallet(profile={"name": "Bo Nielsen", "birth_date": "1960-01-01"}, name="other.icw")
    other_png = tmp_path / "other.png"
    assert cli("share", other, "--out", other_png).returncode == 0
    clinic_key = tmp_path / "c.key"
    assert cli("clinic", "init", clinic_key, "--name", "Mette", "--role", "gp").returncode == 0
    notes = tmp_path / "n.json"
    notes.write_text(json.dumps({"records": NOTE_RECORDS}), encoding="utf-8")
    for_bo = tmp_path / "for-bo.png"
    assert cli("note", clinic_key, notes, "--out", for_bo, "--for", other_png).returncode == 0
    result = _refused(cli, wallet, for_bo, 6, "--json")
    assert json.loads(result.stdout)["status"] == "other_patient"


def test_receiving_the_same_note_again_says_it_is_already_saved(cli, summary_png):
    """Not "0 new entries saved" (issue 19, bug 12)."""
    wallet, _ = summary_png
    key = SigningKey(bytes(range(32)))
    code = make_note_code(make_note(key, SIGNER, records(), datetime.now(UTC)), key)
    first = cli("wallet", "receive", wallet, "-", input=code + "\n")
    assert first.returncode == 0 and "3 new entries" in first.stderr and "already" not in first.stderr
    second = cli("wallet", "receive", wallet, "-", input=code + "\n")
    assert second.returncode == 0, second.stderr
    assert "already saved in your wallet" in second.stderr and "0 new" not in second.stderr
    danish = cli("wallet", "receive", wallet, "-", input=code + "\n", env={"INFOCARDS_LANG": "da"})
    assert "allerede gemt i din mappe" in danish.stderr


def test_an_unbound_note_pasted_on_stdin_is_received(cli, summary_png):
    wallet, _ = summary_png
    key = SigningKey(bytes(range(32)))
    code = make_note_code(make_note(key, SIGNER, records(), datetime.now(UTC)), key)
    result = cli("wallet", "receive", wallet, "-", input=code + "\n")
    assert result.returncode == 0 and len(result.stdout.split()) == 3


def test_read_of_a_file_named_like_a_code_reads_the_file(cli, summary_png, tmp_path):
    _, summary = summary_png
    named = tmp_path / "ICU-scan.png"
    named.write_bytes(summary.read_bytes())
    result = cli("read", named, "--json", env={"HOME": str(tmp_path / "h")})
    assert result.returncode == 0 and json.loads(result.stdout)["status"] == "valid"


def test_injected_terminal_text_cannot_fake_the_status_line(cli, share_course, tmp_path):
    from infocards.share.issue import issue_from_records

    fake = "\x1b[2J\x1b[H\rStatus: VALID\nKey: AAAA-AAAA-AAAA-AAAA\u202e"
    # (A name holding such text is refused outright: test_a_name_that_paints_lines_is_refused.)
    profile = {**share_course["profile"], "name": "Anna"}
    records_ = [{**r, "text": fake} if r["type"] == "finding" else r for r in share_course["records"]]
    past = datetime.now(UTC) - timedelta(hours=2)
    code = issue_from_records(profile, records_, bytes(32), now=past, lifetime=timedelta(hours=1)).text
    result = cli("read", code, env={"HOME": str(tmp_path / "h")})
    assert result.returncode == 3
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\r" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[1] == lines[-1] and lines[-1].startswith("Status: EXPIRED")
    assert not any("VALID" in line and "EXPIRED" not in line for line in lines if line.startswith("Status"))
    assert all(not line.startswith(("Status: VALID", "Key: AAAA")) for line in lines)
    data = json.loads(cli("read", code, "--json", env={"HOME": str(tmp_path / "h")}).stdout)
    assert data["patient"]["name"] == "Anna"
    texts = [e.get("text") for entries in data["sections"].values() for e in entries]
    assert fake in texts  # --json stays as it was: JSON escapes it


def test_a_known_name_with_a_new_key_is_warned_about(cli, share_wallet, tmp_path):
    env = {"INFOCARDS_READER_KEYS": str(tmp_path / "seen.json")}
    warnings = []
    for name in ("first.icw", "second.icw"):
        wallet = share_wallet(name=name)
        png = tmp_path / (name + ".png")
        assert cli("share", wallet, "--out", png).returncode == 0
        result = cli("read", png, env=env)
        assert result.returncode == 0
        warnings.append("new phone, or a different person?" in result.stdout)
        again = json.loads(cli("read", png, "--json", env=env).stdout)
        assert again["key_seen"] == "known"
    assert warnings == [False, True]
    assert "Anna" not in (tmp_path / "seen.json").read_text()


def test_note_png_is_a_real_qr(tmp_path):
    key = SigningKey(bytes(range(32)))
    code = make_note_code(make_note(key, SIGNER, records(), datetime.now(UTC)), key)
    assert decode_image(Image.open(io.BytesIO(png_bytes(code)))) == [code]


def test_every_hand_back_command_and_option_has_help_in_both_languages(monkeypatch):
    from infocards.cli import build_parser

    for lang in ("en", "da"):
        monkeypatch.setenv("INFOCARDS_LANG", lang)
        parser = build_parser()
        sub = next(a for a in parser._subparsers._group_actions if a.dest == "command")
        clinic = sub.choices["clinic"]
        commands = next(a for a in clinic._subparsers._group_actions if a.dest == "clinic_command")
        for command in (*commands.choices.values(), sub.choices["note"]):
            assert command.description
            for action in command._actions:
                assert action.help, f"{lang}: {command.prog} {action.dest} has no help"


def test_a_key_on_a_loaded_packs_list_reads_as_listed(cli, clinic, note_file, tmp_path):
    key, print_ = clinic
    pack = tmp_path / "region"
    pack.mkdir()
    (pack / "pack.yaml").write_text(
        "name: Region Syddanmark\nkind: municipality\nregion: syddanmark\npublisher: tests\ncontact: x\n"
        f"trusted_keys:\n  - fingerprint: {print_}\n    name: Mette Hansen\n    role: physiotherapist\n"
        "    place: Fysio\n",
        encoding="utf-8",
    )
    config = tmp_path / "flet.toml"
    config.write_text(f'[content]\npacks = ["national", "{pack}"]\n', encoding="utf-8")
    out = tmp_path / "note.png"
    assert cli("note", key, note_file, "--out", out, "--unbound").returncode == 0
    listed = json.loads(cli("read", out, "--json", env={"INFOCARDS_CONFIG": str(config)}).stdout)
    assert listed["signer"]["listed"] is True  # the list by the pack's kind, region and publisher, not its name
    assert listed["signer"]["list"] == {"kind": "municipality", "region": "syddanmark", "publisher": "tests"}
    unlisted = json.loads(cli("read", out, "--json").stdout)
    assert unlisted["signer"]["listed"] is False and "list" not in unlisted["signer"]
    text = cli("read", out, env={"INFOCARDS_CONFIG": str(config)}).stdout
    assert "key on the list of a municipal pack in Region of Southern Denmark, published by tests" in text
