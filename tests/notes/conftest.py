"""Fixtures of the hand-back command-line tests: the real CLI, a clinic key, a note file, a summary."""

import json

import pytest

from tests.share.notes import NOTE_RECORDS

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def clinic(cli, tmp_path):
    """A clinic key made with `clinic init`; returns (path, fingerprint)."""
    path = tmp_path / "clinic.key"
    result = cli("clinic", "init", path, "--name", "Mette Hansen", "--role", "physiotherapist", "--place", "Fysio")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert line.startswith("Fingerprint: ")
    return path, line.removeprefix("Fingerprint: ")


@pytest.fixture
def note_file(tmp_path):
    path = tmp_path / "note.json"
    path.write_text(json.dumps({"records": [{**r, "source": "patient"} for r in NOTE_RECORDS]}), encoding="utf-8")
    return path


@pytest.fixture
def summary_png(cli, share_wallet, tmp_path):
    """(wallet path, the wallet's summary PNG)."""
    wallet = share_wallet()
    png = tmp_path / "summary.png"
    assert cli("share", wallet, "--out", png).returncode == 0
    return wallet, png
