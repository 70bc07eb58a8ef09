"""Issue 9, item 10: every unlock says when the wallet was saved, and an older copy is named as older."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta

from infocards.wallet import Wallet, savecount
from infocards.wallet.fileformat import parse_file
from tests.conftest import WALLET_PASSPHRASE

PASS = {"INFOCARDS_PASSPHRASE": WALLET_PASSPHRASE}


def _note(n: int) -> dict:
    return {"id": f"n{n}", "type": "note", "date": f"2026-11-{n:02d}", "text": f"note {n}"}


def test_an_older_copy_put_over_the_wallet_is_reported_and_left_alone(wallet_factory, tmp_path):
    wallet, _ = wallet_factory(records=[_note(1)])
    old = tmp_path / "old.icw"
    shutil.copyfile(wallet.path, old)
    wallet.add(_note(2))
    wallet.add(_note(3))
    saves_now = wallet.saves
    wallet.close()
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as current:
        assert current.older_than is None and current.last_saved is not None
    shutil.copyfile(old, wallet.path)
    before = wallet.path.read_bytes()
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as rolled_back:
        assert rolled_back.older_than is not None  # a warning ...
        assert abs(rolled_back.older_than - datetime.now(UTC)) < timedelta(minutes=5)
        assert rolled_back.saves < saves_now
        assert [r["id"] for r in rolled_back.records()] == ["n1"]  # ... not a refusal
    assert wallet.path.read_bytes() == before  # the data untouched by opening it


def test_saving_the_older_copy_on_purpose_ends_the_warning(wallet_factory, tmp_path):
    wallet, _ = wallet_factory(records=[_note(1)])
    old = tmp_path / "old.icw"
    shutil.copyfile(wallet.path, old)
    wallet.add(_note(2))
    wallet.close()
    shutil.copyfile(old, wallet.path)
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as restored:
        assert restored.older_than is not None
        restored.add(_note(5))  # the patient goes on with the restored copy
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as again:
        assert again.older_than is None


def test_the_counter_is_in_the_encrypted_body_not_the_header(wallet_factory):
    wallet, _ = wallet_factory(records=[_note(1), _note(2)])
    assert wallet.saves == 3  # created, then two records
    header = parse_file(wallet.path.read_bytes()).header.to_json()
    assert "saves" not in json.dumps(header)
    assert savecount.last_seen(wallet.path).saves == 3


def test_a_different_wallet_at_the_same_path_is_not_older(wallet_factory, tmp_path, wallet_cheap_kdf):
    wallet, _ = wallet_factory(records=[_note(1), _note(2), _note(3)])
    wallet.close()
    Wallet.wipe(wallet.path)
    fresh, _ = Wallet.create(wallet.path, WALLET_PASSPHRASE, kdf=wallet_cheap_kdf)
    fresh.close()
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as again:
        assert again.older_than is None


def test_an_unwritable_state_folder_never_stops_a_save(wallet_factory, wallet_state_folder):
    wallet_state_folder.parent.mkdir(parents=True, exist_ok=True)
    wallet_state_folder.write_text("a file where the folder should be")
    wallet, _ = wallet_factory(records=[_note(1)])
    wallet.add(_note(2))
    assert savecount.last_seen(wallet.path) is None
    assert len(wallet.records()) == 2


def test_a_damaged_state_file_is_ignored(wallet_factory):
    wallet, _ = wallet_factory(records=[_note(1)])
    entry = savecount._entry(wallet.path)
    entry.write_text("[" * 100_000)
    wallet.close()
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as again:
        assert again.older_than is None


def test_cli_says_when_it_was_saved_and_warns_of_an_older_copy(wallet_factory, wallet_cli, tmp_path):
    # The CLI keeps its own state under its HOME; the wallet is made and saved through it.
    wallet, _ = wallet_factory()
    wallet.close()
    records = tmp_path / "records.json"
    records.write_text(json.dumps({"format": "infocards-records", "version": 1, "records": [_note(1)]}))
    assert wallet_cli("wallet", "import", wallet.path, records, env=PASS).returncode == 0
    old = tmp_path / "old.icw"
    shutil.copyfile(wallet.path, old)
    records.write_text(json.dumps({"format": "infocards-records", "version": 1, "records": [_note(2)]}))
    assert wallet_cli("wallet", "import", wallet.path, records, env=PASS).returncode == 0
    listed = wallet_cli("wallet", "list", wallet.path, env=PASS)
    assert listed.returncode == 0 and "Last saved " in listed.stderr and "older" not in listed.stderr
    shutil.copyfile(old, wallet.path)
    before = wallet.path.read_bytes()
    listed = wallet_cli("wallet", "list", wallet.path, env={**PASS, "INFOCARDS_LANG": "da"})
    assert listed.returncode == 0
    assert "Sidst gemt " in listed.stderr and " kl. " in listed.stderr
    assert "ældre end den, der sidst blev gemt på denne enhed" in listed.stderr
    assert "n1" in listed.stdout and "n2" not in listed.stdout
    assert wallet.path.read_bytes() == before


def _flip_a_byte(path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_an_older_copy_put_in_as_the_backup_is_named_older_too(wallet_factory, tmp_path):
    # Issue 17, item 12: an older copy over WALLET.bak, the main file spoiled, `wallet list`.
    from infocards.wallet.storage import backup_path

    wallet, _ = wallet_factory(records=[_note(1)])
    old = tmp_path / "old.icw"
    shutil.copyfile(wallet.path, old)
    for n in (2, 3, 4):
        wallet.add(_note(n))
    wallet.close()
    shutil.copyfile(old, backup_path(wallet.path))
    _flip_a_byte(wallet.path)
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as opened:
        assert opened.used_backup is not None and opened.older_than is not None
        assert [r["id"] for r in opened.records()] == ["n1"]


def test_the_cli_names_a_swapped_backup_older_than_the_last_save(wallet_factory, wallet_cli, tmp_path):
    from infocards.wallet.storage import backup_path

    wallet, _ = wallet_factory()
    wallet.close()
    records = tmp_path / "records.json"
    old = tmp_path / "old.icw"
    for n in (1, 2, 3):
        if n == 2:
            shutil.copyfile(wallet.path, old)
        records.write_text(json.dumps({"format": "infocards-records", "version": 1, "records": [_note(n)]}))
        assert wallet_cli("wallet", "import", wallet.path, records, env=PASS).returncode == 0
    shutil.copyfile(old, backup_path(wallet.path))
    _flip_a_byte(wallet.path)
    listed = wallet_cli("wallet", "list", wallet.path, env={**PASS, "INFOCARDS_LANG": "da"})
    assert listed.returncode == 0 and "n1" in listed.stdout and "n3" not in listed.stdout
    assert "ældre end den, der sidst blev gemt på denne enhed" in listed.stderr
    listed = wallet_cli("wallet", "list", wallet.path, env={**PASS, "INFOCARDS_LANG": "en"})
    assert "older than the one last saved on this device" in listed.stderr


def test_the_ordinary_backup_one_save_behind_is_not_called_older(wallet_factory):
    wallet, _ = wallet_factory(records=[_note(1)])
    wallet.add(_note(2))
    wallet.close()
    _flip_a_byte(wallet.path)  # the damage the backup is for: it holds the save before the last
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as opened:
        assert opened.used_backup is not None and opened.older_than is None
        assert [r["id"] for r in opened.records()] == ["n1"]
