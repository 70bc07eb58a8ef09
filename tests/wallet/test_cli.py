"""`infocards wallet ...` through a real subprocess, exactly as the contract is written."""

from __future__ import annotations

import json
import os

import pytest

from infocards.cli import build_parser
from infocards.wallet import Wallet
from infocards.wallet.fileformat import parse_file
from tests.conftest import WALLET_FIXTURES, WALLET_PASSPHRASE

PASS = {"INFOCARDS_PASSPHRASE": WALLET_PASSPHRASE}
COURSE = WALLET_FIXTURES / "reference-course.json"


@pytest.fixture
def closed_wallet(wallet_factory):
    """A wallet (cheap KDF) that a subprocess may open; the KDF is read from the file."""
    wallet, code = wallet_factory()
    wallet.close()
    return wallet.path, code


def _snapshot(path):
    return path.read_bytes(), os.stat(path).st_mtime_ns


def _clean(result):
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_init_prints_the_recovery_code_once_and_refuses_to_overwrite(tmp_path, wallet_cli):
    path = tmp_path / "new.icw"
    result = _clean(wallet_cli("wallet", "init", path, env=PASS))
    assert result.returncode == 0
    lines = [line for line in result.stdout.splitlines() if line.startswith("Recovery code: ")]
    assert len(lines) == 1 and result.stdout.count("Recovery code") == 1
    code = lines[0].removeprefix("Recovery code: ")
    header = parse_file(path.read_bytes()).header
    from infocards.wallet import DEFAULT_KDF

    assert header.slot("passphrase").kdf == DEFAULT_KDF  # the product path: real costs
    before = _snapshot(path)
    again = _clean(wallet_cli("wallet", "init", path, env=PASS))
    assert again.returncode == 1 and "Recovery code" not in again.stdout
    assert "already exists" in again.stderr
    assert _snapshot(path) == before
    recovered = wallet_cli("wallet", "recover", path, env={"INFOCARDS_RECOVERY_CODE": code.lower(),
                                                           "INFOCARDS_NEW_PASSPHRASE": "fresh passphrase"})
    assert _clean(recovered).returncode == 0


def test_init_refuses_a_pin(tmp_path, wallet_cli):
    result = _clean(wallet_cli("wallet", "init", tmp_path / "w.icw", env={"INFOCARDS_PASSPHRASE": "1234"}))
    assert result.returncode == 1 and "too short" in result.stderr
    assert not (tmp_path / "w.icw").exists()


def test_init_never_reads_a_passphrase_from_a_pipe(tmp_path, wallet_cli):
    # The one rule (commands/passphrase.py): no variable and no terminal is a clear error; the
    # two answers (asked for twice on a terminal, tests/commands/test_passphrase.py) are not read.
    import subprocess

    result = subprocess.run([*wallet_cli.program, "wallet", "init", str(tmp_path / "w.icw")],
                            input="first passphrase\nfirst passphrase\n", capture_output=True, text=True,
                            env=wallet_cli.env, timeout=60)
    assert result.returncode == 1 and "INFOCARDS_PASSPHRASE" in result.stderr and "pipe" in result.stderr
    assert not (tmp_path / "w.icw").exists()


def test_import_prints_each_id_and_is_idempotent(closed_wallet, wallet_cli, wallet_reference_course):
    path, _ = closed_wallet
    ids = [r["id"] for r in wallet_reference_course["records"]]
    first = _clean(wallet_cli("wallet", "import", path, COURSE, env=PASS))
    assert first.returncode == 0 and first.stdout.splitlines() == ids
    export_1 = _clean(wallet_cli("wallet", "export", path, env=PASS)).stdout
    second = _clean(wallet_cli("wallet", "import", path, COURSE, env=PASS))
    assert second.returncode == 0 and second.stdout.splitlines() == ids
    assert all(f"{rid}: replaced" in second.stderr for rid in ids)
    export_2 = _clean(wallet_cli("wallet", "export", path, env=PASS)).stdout
    assert export_1 == export_2
    data = json.loads(export_2)
    assert data["profile"] == wallet_reference_course["profile"]
    assert {r["id"]: r for r in data["records"]} == {r["id"]: r for r in wallet_reference_course["records"]}


def test_import_stops_at_an_invalid_record_keeping_the_ones_before(
    closed_wallet, wallet_cli, wallet_reference_course, tmp_path
):
    path, _ = closed_wallet
    course = wallet_reference_course
    course["records"][3] = dict(course["records"][3], status="on the beach")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(course), encoding="utf-8")
    result = _clean(wallet_cli("wallet", "import", path, bad, env=PASS))
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["r01", "r02", "r03"]
    assert "r04" in result.stderr and "status" in result.stderr and "beach" not in result.stderr
    with Wallet.open(path, WALLET_PASSPHRASE) as wallet:
        assert [r["id"] for r in wallet.records()] == ["r01", "r02", "r03"]


def test_import_of_something_else_is_a_clear_error(closed_wallet, wallet_cli, tmp_path):
    path, _ = closed_wallet
    for content in ("not json", json.dumps({"records": []}), json.dumps({"format": "infocards-records",
                                                                         "version": 9, "records": []})):
        bad = tmp_path / "bad.json"
        bad.write_text(content, encoding="utf-8")
        result = _clean(wallet_cli("wallet", "import", path, bad, env=PASS))
        assert result.returncode == 1 and result.stderr.strip()
    assert _clean(wallet_cli("wallet", "import", path, tmp_path / "none.json", env=PASS)).returncode == 1


def test_export_to_stdout_and_to_a_file(closed_wallet, wallet_cli, tmp_path):
    path, _ = closed_wallet
    wallet_cli("wallet", "import", path, COURSE, env=PASS)
    stdout = _clean(wallet_cli("wallet", "export", path, env=PASS))
    # Standard error says only when the wallet was saved (every unlock does, issue 9 item 10).
    assert stdout.returncode == 0 and stdout.stderr.startswith("Last saved ") and stdout.stderr.count("\n") == 1
    out = tmp_path / "out.json"
    to_file = _clean(wallet_cli("wallet", "export", path, "--out", out, env=PASS))
    assert to_file.returncode == 0 and to_file.stdout == "" and "17 records" in to_file.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(stdout.stdout)
    assert json.loads(stdout.stdout)["format"] == "infocards-records"


def test_list_readable_and_json(closed_wallet, wallet_cli, wallet_reference_course):
    path, _ = closed_wallet
    wallet_cli("wallet", "import", path, COURSE, env=PASS)
    readable = _clean(wallet_cli("wallet", "list", path, env=PASS))
    assert readable.returncode == 0
    months = [line for line in readable.stdout.splitlines() if not line.startswith(" ")]
    assert months == ["2026-11", "2026-10", "2026-09", "2026-08"]
    assert "MRI lumbar spine" in readable.stdout
    as_json = json.loads(_clean(wallet_cli("wallet", "list", path, "--json", env=PASS)).stdout)
    assert [r["id"] for r in as_json["records"]] == [
        r["id"] for r in sorted(wallet_reference_course["records"], key=lambda r: (r["date"], r["id"]))
    ]


def test_passwd_and_recover(closed_wallet, wallet_cli):
    path, code = closed_wallet
    new = {**PASS, "INFOCARDS_NEW_PASSPHRASE": "second passphrase"}
    changed = _clean(wallet_cli("wallet", "passwd", path, env=new))
    assert changed.returncode == 0
    assert wallet_cli("wallet", "list", path, env=PASS).returncode == 1
    second = {"INFOCARDS_PASSPHRASE": "second passphrase"}
    assert _clean(wallet_cli("wallet", "list", path, env=second)).returncode == 0
    before = _snapshot(path)
    wrong_code = _clean(wallet_cli("wallet", "recover", path, env={
        "INFOCARDS_RECOVERY_CODE": "00000-00000-00000-00000-00000",
        "INFOCARDS_NEW_PASSPHRASE": "third passphrase"}))
    assert wrong_code.returncode == 1 and "wrong passphrase" in wrong_code.stderr
    assert _snapshot(path) == before
    recovered = _clean(wallet_cli("wallet", "recover", path, env={
        "INFOCARDS_RECOVERY_CODE": code.replace("-", " "), "INFOCARDS_NEW_PASSPHRASE": "third passphrase"}))
    assert recovered.returncode == 0
    assert _clean(wallet_cli("wallet", "list", path, env={"INFOCARDS_PASSPHRASE": "third passphrase"})).returncode == 0


def test_log_json_lists_shares(wallet_factory, wallet_cli):
    from datetime import UTC, datetime

    wallet, _ = wallet_factory()
    wallet.log_share("chiropractor", ["findings", "treatments"], datetime(2026, 9, 20, 10, tzinfo=UTC),
                     datetime(2026, 9, 20, 10, 10, tzinfo=UTC))
    wallet.close()
    log = json.loads(_clean(wallet_cli("wallet", "log", wallet.path, "--json", env=PASS)).stdout)
    assert log == [{"date": "2026-09-20T10:00:00+00:00", "role": "chiropractor",
                    "sections": ["findings", "treatments"], "expires": "2026-09-20T10:10:00+00:00"}]
    readable = _clean(wallet_cli("wallet", "log", wallet.path, env=PASS))
    assert "Chiropractor" in readable.stdout and readable.returncode == 0


def test_wrong_passphrase_exit_1_file_byte_identical(closed_wallet, wallet_cli):
    path, _ = closed_wallet
    wallet_cli("wallet", "import", path, COURSE, env=PASS)
    before = _snapshot(path)
    for command in (["list"], ["export"], ["import", COURSE], ["passwd"], ["log"]):
        result = _clean(wallet_cli("wallet", command[0], path, *command[1:],
                                   env={"INFOCARDS_PASSPHRASE": "wrong passphrase!",
                                        "INFOCARDS_NEW_PASSPHRASE": "another one here"}))
        assert result.returncode == 1 and "wrong passphrase" in result.stderr
        assert result.stdout == ""
    assert _snapshot(path) == before


def test_damaged_file_without_backup(closed_wallet, wallet_cli):
    path, _ = closed_wallet
    path.write_bytes(path.read_bytes()[:-10])
    before = _snapshot(path)
    result = _clean(wallet_cli("wallet", "list", path, env=PASS))
    assert result.returncode == 1 and "the wallet file is damaged" in result.stderr
    assert "backup" in result.stderr
    assert _snapshot(path) == before


def test_damaged_file_goes_on_with_the_backup_and_warns(closed_wallet, wallet_cli):
    path, _ = closed_wallet
    wallet_cli("wallet", "import", path, COURSE, env=PASS)
    backup_saved = parse_file(path.with_name(path.name + ".bak").read_bytes()).header.saved
    path.write_bytes(path.read_bytes()[:200])
    result = _clean(wallet_cli("wallet", "list", path, "--json", env=PASS))
    assert result.returncode == 0
    assert "damaged" in result.stderr and "may be missing" in result.stderr
    assert backup_saved[:16].replace("T", " ") in result.stderr  # the time of the copy
    assert len(json.loads(result.stdout)["records"]) == 16  # the copy before the last save


def test_both_damaged_exit_1(closed_wallet, wallet_cli):
    path, _ = closed_wallet
    wallet_cli("wallet", "import", path, COURSE, env=PASS)
    path.write_bytes(b"garbage")
    backup = path.with_name(path.name + ".bak")
    backup.write_bytes(backup.read_bytes()[:-1])
    result = _clean(wallet_cli("wallet", "export", path, env=PASS))
    assert result.returncode == 1 and "the wallet file is damaged" in result.stderr
    assert result.stdout == ""


def test_newer_format(closed_wallet, wallet_cli):
    path, _ = closed_wallet
    data = bytearray(path.read_bytes())
    data[8:12] = bytes([0, 3, 0xFF, 0xFC])
    path.write_bytes(bytes(data))
    result = _clean(wallet_cli("wallet", "list", path, env=PASS))
    assert result.returncode == 1 and "written by a newer version of infocards" in result.stderr
    assert path.read_bytes() == bytes(data)


def test_missing_file(tmp_path, wallet_cli):
    for command in ("list", "export", "passwd", "recover", "log"):
        result = _clean(wallet_cli("wallet", command, tmp_path / "nothing.icw", env=PASS))
        assert result.returncode == 1 and "no wallet" in result.stderr.lower()
    assert not list(tmp_path.glob("nothing*"))


def test_danish_messages(closed_wallet, wallet_cli):
    path, _ = closed_wallet
    result = wallet_cli("wallet", "list", path, env={"INFOCARDS_PASSPHRASE": "wrong passphrase!",
                                                     "INFOCARDS_LANG": "da"})
    assert result.returncode == 1 and "Forkert adgangskode" in result.stderr


def _wallet_parsers():
    parser = build_parser()
    sub = next(a for a in parser._subparsers._group_actions if a.dest == "command")
    wallet = sub.choices["wallet"]
    commands = next(a for a in wallet._subparsers._group_actions if a.dest == "wallet_command")
    return wallet, commands


def test_every_command_and_option_has_help_in_both_languages(monkeypatch):
    for lang in ("en", "da"):
        monkeypatch.setenv("INFOCARDS_LANG", lang)
        wallet, commands = _wallet_parsers()
        assert wallet.description
        expected = {"init", "import", "export", "list", "passwd", "recover", "recovery-code", "log", "receive"}
        assert set(commands.choices) == expected
        helps = {choice.dest: choice.help for choice in commands._choices_actions}
        for name, parser in commands.choices.items():
            assert helps[name] and parser.description
            for action in parser._actions:
                assert action.help, f"{lang}: {name} {action.dest} has no help"


def test_help_runs_for_every_command(wallet_cli):
    _wallet, commands = _wallet_parsers()
    for name in commands.choices:
        result = _clean(wallet_cli("wallet", name, "--help"))
        assert result.returncode == 0 and "PATH" in result.stdout


def test_init_never_deletes_an_orphaned_backup_and_list_opens_it(closed_wallet, wallet_cli):
    path, _ = closed_wallet
    wallet_cli("wallet", "import", path, COURSE, env=PASS)
    backup = path.with_name(path.name + ".bak")
    path.unlink()
    before = _snapshot(backup)
    refused = _clean(wallet_cli("wallet", "init", path, env=PASS))
    assert refused.returncode == 1 and "Recovery code" not in refused.stdout
    assert "backup" in refused.stderr and str(backup) in refused.stderr
    assert _snapshot(backup) == before and not path.exists()
    listed = _clean(wallet_cli("wallet", "list", path, "--json", env=PASS))
    assert listed.returncode == 0 and len(json.loads(listed.stdout)["records"]) == 16
    assert "missing" in listed.stderr and "Warning" in listed.stderr
    assert _snapshot(backup) == before and not path.exists()  # reading repairs nothing by itself


def test_importing_a_file_without_ids_twice(closed_wallet, wallet_cli, wallet_reference_course, tmp_path):
    path, _ = closed_wallet
    course = wallet_reference_course
    for record in course["records"]:
        del record["id"]
    no_ids = tmp_path / "no-ids.json"
    no_ids.write_text(json.dumps(course), encoding="utf-8")
    first = _clean(wallet_cli("wallet", "import", path, no_ids, env=PASS))
    export_1 = _clean(wallet_cli("wallet", "export", path, env=PASS)).stdout
    second = _clean(wallet_cli("wallet", "import", path, no_ids, env=PASS))
    assert first.returncode == second.returncode == 0
    assert second.stdout == first.stdout and len(set(first.stdout.split())) == len(course["records"])
    assert _clean(wallet_cli("wallet", "export", path, env=PASS)).stdout == export_1
    assert len(json.loads(export_1)["records"]) == len(course["records"])


def test_a_deeply_nested_import_file_is_a_clear_error(closed_wallet, wallet_cli, tmp_path):
    path, _ = closed_wallet
    before = _snapshot(path)
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "infocards-records", "version": 1, "records": '
                    + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    result = _clean(wallet_cli("wallet", "import", path, deep, env=PASS))
    assert result.returncode == 1 and "not an infocards records file" in result.stderr
    assert _snapshot(path) == before


def test_export_to_a_folder_names_the_folder_not_the_wallet(closed_wallet, wallet_cli, tmp_path):
    path, _ = closed_wallet
    wallet_cli("wallet", "import", path, COURSE, env=PASS)
    folder = tmp_path / "exports"
    folder.mkdir()
    result = _clean(wallet_cli("wallet", "export", path, "--out", folder, env=PASS))
    assert result.returncode == 1 and str(folder) in result.stderr
    assert "wallet file" not in result.stderr and result.stdout == ""
    assert list(folder.iterdir()) == []
    nowhere = tmp_path / "no-such-folder" / "course.json"
    failed = _clean(wallet_cli("wallet", "export", path, "--out", nowhere, env=PASS))
    assert failed.returncode == 1 and str(nowhere) in failed.stderr and "wallet file" not in failed.stderr
    # No half-written plain-text copy of the records is left beside the folder either.
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("exports.")]


def test_list_and_log_show_labels_in_danish(wallet_factory, wallet_cli, wallet_reference_course):
    from datetime import UTC, datetime

    from infocards.i18n import t

    wallet, _ = wallet_factory(records=wallet_reference_course["records"])
    wallet.log_share("chiropractor", ["findings", "treatments"], datetime(2026, 9, 20, 10, tzinfo=UTC),
                     datetime(2026, 9, 20, 10, 10, tzinfo=UTC))
    wallet.close()
    danish = {**PASS, "INFOCARDS_LANG": "da"}
    listed = _clean(wallet_cli("wallet", "list", wallet.path, env=danish)).stdout
    used = {(group, r[field]) for r in wallet_reference_course["records"]
            for group, field in (("role", "role"), ("role", "to_role"), ("kind", "kind"), ("type", "type"))
            if field in r}
    assert {("role", "gp"), ("kind", "imaging"), ("type", "finding")} <= used
    for group, word in used:
        assert t(f"vocab.{group}.{word}", "da") in listed
        if group != "type":  # "work" is also a word of the patient's own text
            assert f" {word}," not in listed and f"({word})" not in listed and f" {word}:" not in listed
    logged = _clean(wallet_cli("wallet", "log", wallet.path, env=danish)).stdout
    assert "chiropractor" not in logged and t("vocab.role.chiropractor", "da") in logged
    assert t("share.section.findings", "da") in logged and "treatments" not in logged
    as_json = json.loads(_clean(wallet_cli("wallet", "list", wallet.path, "--json", env=danish)).stdout)
    assert as_json["records"] == sorted(wallet_reference_course["records"], key=lambda r: (r["date"], r["id"]))
    log = json.loads(_clean(wallet_cli("wallet", "log", wallet.path, "--json", env=danish)).stdout)
    assert log[0]["role"] == "chiropractor" and log[0]["sections"] == ["findings", "treatments"]


def test_list_log_and_json_never_hand_control_characters_to_the_terminal(wallet_factory, wallet_cli):
    """Issue 9, item 2: stored text cannot clear the screen, move the cursor or reorder a line."""
    from datetime import UTC, datetime, timedelta

    # Control characters (ESC, CSI, CR) never reach a record now (records.validate_record refuses
    # them); what a record may hold that a terminal would still act on: line and paragraph
    # separators, bidi overrides and isolates, a line break.
    hostile = "ok\u2028\u2029Status: Valid\u202egnp.exe\u2066\nsecond line"
    wallet, _ = wallet_factory(records=[
        {"id": "e1", "type": "encounter", "date": "2026-11-01", "role": "gp", "place": hostile, "summary": hostile},
        {"id": "m1", "type": "medication", "date": "2026-11-02", "name": hostile, "dose": "1", "effect": "some"},
    ])
    now = datetime(2026, 11, 3, tzinfo=UTC)
    wallet.log_share("gp", ["findings"], now, now + timedelta(minutes=10))
    wallet.close()
    unsafe = ["\u2028", "\u2029", "\u202e", "\u2066"]
    for command in ("list", "log"):
        result = _clean(wallet_cli("wallet", command, wallet.path, env=PASS))
        assert result.returncode == 0
        assert not any(ch in result.stdout + result.stderr for ch in unsafe), command
    listed = _clean(wallet_cli("wallet", "list", wallet.path, env=PASS)).stdout
    assert "Status: Valid" in listed and "second line" in listed  # the text is shown, made inert
    assert len([line for line in listed.splitlines() if "Status: Valid" in line]) == 2
    for args in (("list", "--json"), ("export",)):
        result = _clean(wallet_cli("wallet", *args, wallet.path, env=PASS))
        assert not any(ch in result.stdout for ch in unsafe)
        data = json.loads(result.stdout)
        records = data["records"]
        assert next(r for r in records if r["id"] == "e1")["place"] == hostile  # the same data, escaped
