"""The one passphrase rule (commands/passphrase.py), and every command that asks follows it."""

import io
import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from infocards.commands import passphrase
from infocards.commands.passphrase import ask_secret
from infocards.errors import NoPassphrase, PassphraseMismatch

SRC = Path(__file__).resolve().parents[2] / "src" / "infocards"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def answers(monkeypatch):
    """answers(*typed, terminal=True): getpass returns `typed` in turn; the prompts it was given."""
    prompts = []

    def setup(*typed, terminal=True):
        given = list(typed)

        def fake_getpass(prompt):
            prompts.append(prompt)
            if not given:
                raise EOFError
            return given.pop(0)

        monkeypatch.setattr(passphrase.getpass, "getpass", fake_getpass)
        monkeypatch.setattr(passphrase.sys, "stdin", _Terminal() if terminal else io.StringIO("piped secret\n"))
        return prompts

    monkeypatch.delenv("INFOCARDS_PASSPHRASE", raising=False)
    monkeypatch.delenv("INFOCARDS_NEW_PASSPHRASE", raising=False)
    return setup


def test_the_variable_is_used_without_asking(answers, monkeypatch):
    prompts = answers(terminal=False)
    monkeypatch.setenv("INFOCARDS_NEW_PASSPHRASE", "from the variable")
    asked = ask_secret("en", "wallet.prompt.new_passphrase", env="INFOCARDS_NEW_PASSPHRASE", new=True)
    assert asked == "from the variable"
    assert prompts == []


def test_an_empty_variable_counts_as_unset(answers, monkeypatch):
    prompts = answers("typed")
    monkeypatch.setenv("INFOCARDS_PASSPHRASE", "")
    assert ask_secret("en", "wallet.prompt.passphrase") == "typed" and prompts == ["Passphrase: "]


def test_on_a_terminal_it_is_asked_once_and_a_new_one_twice(answers):
    prompts = answers("old one", "new one", "new one")
    assert ask_secret("da", "wallet.prompt.passphrase") == "old one"
    assert ask_secret("en", "wallet.prompt.new_passphrase", new=True) == "new one"
    assert prompts == ["Adgangskode: ", "New passphrase: ", "Repeat the passphrase: "]


def test_two_different_answers_are_refused(answers):
    answers("first passphrase", "second passphrase")
    with pytest.raises(PassphraseMismatch) as caught:
        ask_secret("en", "clinic.prompt.new", new=True)
    assert "do not match" in caught.value.message("en") and "ikke ens" in caught.value.message("da")


def test_a_pipe_is_never_read(answers):
    prompts = answers("would be echoed", terminal=False)
    with pytest.raises(NoPassphrase) as caught:
        ask_secret("en", "wallet.prompt.passphrase")
    assert prompts == [] and "INFOCARDS_PASSPHRASE" in caught.value.message("en")
    assert passphrase.sys.stdin.read() == "piped secret\n"  # nothing was taken from it


def test_input_that_ends_is_no_passphrase_and_names_the_variable(answers):
    answers()
    with pytest.raises(NoPassphrase) as caught:
        ask_secret("da", "wallet.prompt.recovery_code", env="INFOCARDS_RECOVERY_CODE")
    assert "INFOCARDS_RECOVERY_CODE" in caught.value.message("da")
    assert caught.value.message("en").startswith("No recovery code")


def test_only_the_rule_asks():
    askers = sorted(p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py") if "getpass" in p.read_text("utf-8"))
    assert askers == ["commands/passphrase.py"]


def _commands(tmp_path, wallet, key, note_file, code_file):
    out = tmp_path / "out.png"
    return {
        "wallet list": (["wallet", "list", wallet], "INFOCARDS_PASSPHRASE"),
        "wallet export": (["wallet", "export", wallet], "INFOCARDS_PASSPHRASE"),
        "wallet init": (["wallet", "init", tmp_path / "new.icw"], "INFOCARDS_PASSPHRASE"),
        "wallet recover": (["wallet", "recover", wallet], "INFOCARDS_RECOVERY_CODE"),
        "wallet receive": (["wallet", "receive", wallet, code_file], "INFOCARDS_PASSPHRASE"),
        "share": (["share", wallet, "--out", out], "INFOCARDS_PASSPHRASE"),
        "clinic init": (["clinic", "init", tmp_path / "new.key", "--name", "A", "--role", "gp"],
                        "INFOCARDS_PASSPHRASE"),
        "clinic show": (["clinic", "show", key], "INFOCARDS_PASSPHRASE"),
        "note": (["note", key, note_file, "--unbound", "--out", out], "INFOCARDS_PASSPHRASE"),
    }


def test_every_command_refuses_a_passphrase_from_a_pipe(tmp_path, wallet_cli, share_wallet, share_course,
                                                        share_seed, wallet_cheap_kdf):
    from infocards.notes.clinic_key import create_clinic_key
    from tests.share.notes import NOTE_RECORDS, note_for

    wallet = share_wallet()
    key = tmp_path / "clinic.key"
    create_clinic_key(key, "clinic passphrase", "Mette Hansen", "physiotherapist", "Klinik", kdf=wallet_cheap_kdf)
    note_file = tmp_path / "note.json"
    note_file.write_text(json.dumps({"records": NOTE_RECORDS[:1]}), encoding="utf-8")
    code_file = tmp_path / "note.txt"
    _, note_code = note_for(share_course["profile"], share_seed, now=datetime.now(UTC), bound=False)
    code_file.write_text(note_code, encoding="utf-8")
    before = wallet.read_bytes()
    for name, (args, variable) in _commands(tmp_path, wallet, key, note_file, code_file).items():
        result = subprocess.run([*wallet_cli.program, *map(str, args)], env=wallet_cli.env,
                                input="a piped secret\n" * 3, capture_output=True, text=True, timeout=60)
        assert result.returncode == 1, (name, result.stderr)
        assert variable in result.stderr and "never read from a pipe" in result.stderr, (name, result.stderr)
        assert "Traceback" not in result.stderr and "echo" not in result.stderr.lower(), name
    assert wallet.read_bytes() == before
    assert not (tmp_path / "new.icw").exists() and not (tmp_path / "new.key").exists()
    assert not (tmp_path / "out.png").exists()
