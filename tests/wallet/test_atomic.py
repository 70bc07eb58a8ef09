"""Issue 9, item 4: no writer of health data can be steered by a file or link planted beside it."""

from __future__ import annotations

import json
import os
import stat

import pytest

from infocards.atomicfile import write_private
from infocards.codes.qr_out import write_png
from infocards.errors import WalletError
from infocards.wallet import Wallet
from infocards.wallet.storage import atomic_write
from tests.conftest import WALLET_PASSPHRASE

NOTE = {"id": "n1", "type": "note", "date": "2026-11-02", "text": "Gik en tur uden smerter"}


def _mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def victim(tmp_path):
    """Another file of the patient's, which a planted link points at."""
    other = tmp_path / "elsewhere" / "thesis.txt"
    other.parent.mkdir()
    other.write_bytes(b"years of work")
    return other


@pytest.fixture
def loose_umask():
    """umask 0, as a careless environment may have it: modes must come from the code itself."""
    old = os.umask(0)
    yield
    os.umask(old)


def _writers(tmp_path, wallet_factory, wallet_cli):
    """Each writer of health data, as (name of the file it writes, a function that writes it)."""

    def export(target):
        closed = tmp_path / "closed.icw"
        if not closed.exists():
            wallet, _ = wallet_factory(name="closed.icw", records=[NOTE])
            wallet.close()
        env = {"INFOCARDS_PASSPHRASE": WALLET_PASSPHRASE}
        result = wallet_cli("wallet", "export", closed, "--out", target, env=env)
        assert result.returncode == 0, result.stderr

    return {
        "export.json": export,
        "code.png": lambda target: write_png("HC1:ABC", target),
        "copy.icw": lambda target: atomic_write(target, b"encrypted copy", rotate_backup=False),
    }


@pytest.mark.parametrize("name", ["export.json", "code.png", "copy.icw"])
def test_a_planted_tmp_symlink_is_not_followed(tmp_path, victim, wallet_factory, wallet_cli, name):
    target = tmp_path / name
    planted = tmp_path / f"{name}.tmp"
    planted.symlink_to(victim)
    _writers(tmp_path, wallet_factory, wallet_cli)[name](target)
    assert victim.read_bytes() == b"years of work"
    assert planted.is_symlink() and target.is_file() and not target.is_symlink()
    assert target.stat().st_size > 0


@pytest.mark.parametrize("name", ["export.json", "code.png", "copy.icw"])
def test_a_planted_tmp_file_is_neither_truncated_nor_filled(tmp_path, wallet_factory, wallet_cli, name):
    planted = tmp_path / f"{name}.tmp"
    planted.write_bytes(b"")
    os.chmod(planted, 0o666)  # noqa: S103 - another user's trap, readable by them
    _writers(tmp_path, wallet_factory, wallet_cli)[name](tmp_path / name)
    assert planted.read_bytes() == b""  # nothing of the patient's leaked into it


@pytest.mark.parametrize("name", ["export.json", "code.png", "copy.icw"])
def test_a_symlink_at_the_final_name_is_replaced_not_followed(tmp_path, victim, wallet_factory, wallet_cli, name):
    target = tmp_path / name
    target.symlink_to(victim)
    _writers(tmp_path, wallet_factory, wallet_cli)[name](target)
    assert victim.read_bytes() == b"years of work"
    assert not target.is_symlink() and _mode(target) == 0o600


@pytest.mark.parametrize("name", ["export.json", "code.png", "copy.icw"])
def test_every_writer_makes_its_file_private(tmp_path, wallet_factory, wallet_cli, loose_umask, name):
    target = tmp_path / name
    _writers(tmp_path, wallet_factory, wallet_cli)[name](target)
    assert _mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_wallet_saves_never_follow_planted_names(wallet_factory, victim, loose_umask):
    wallet, _ = wallet_factory(records=[NOTE])
    folder = wallet.path.parent
    for name in ("wallet.icw.tmp", "wallet.icw.bak.tmp"):  # the names older versions wrote
        (folder / name).symlink_to(victim)
    wallet.add({"id": "n2", "type": "note", "date": "2026-11-03", "text": "second"})
    wallet.add({"id": "n3", "type": "note", "date": "2026-11-04", "text": "third"})
    assert victim.read_bytes() == b"years of work"
    assert _mode(wallet.path) == 0o600 and _mode(folder / "wallet.icw.bak") == 0o600
    wallet.close()
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as again:
        assert [r["id"] for r in again.records()] == ["n1", "n2", "n3"]


def test_a_new_wallet_folder_is_private_from_the_cli_and_the_app(tmp_path, wallet_cli, loose_umask):
    from infocards.ui.session import WalletSession

    cli_path = tmp_path / "cli" / "deeper" / "wallet.icw"
    result = wallet_cli("wallet", "init", cli_path, env={"INFOCARDS_PASSPHRASE": WALLET_PASSPHRASE})
    assert result.returncode == 0, result.stderr
    app_path = tmp_path / "app" / "data" / "wallet.icw"
    session = WalletSession(path=app_path, auto_lock_seconds=300)
    session.create(WALLET_PASSPHRASE, WALLET_PASSPHRASE)
    session.lock()
    for path in (cli_path, app_path):
        assert _mode(path.parent) == 0o700
        assert _mode(path) == 0o600


def test_an_existing_folder_keeps_its_mode(tmp_path):
    folder = tmp_path / "Documents"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # noqa: S103 - a shared Documents folder, as the patient has it
    write_private(folder / "export.json", json.dumps({"records": []}).encode())
    assert _mode(folder) == 0o755 and _mode(folder / "export.json") == 0o600


def test_a_failed_write_leaves_no_temporary_copy(tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(OSError):
        write_private(folder, b"plain records")  # a folder cannot be replaced by a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder"]


def test_a_planted_lock_link_is_refused_not_followed(tmp_path, wallet_cheap_kdf):
    elsewhere = tmp_path / "elsewhere-lock"
    (tmp_path / "wallet.icw.lock").symlink_to(elsewhere)
    with pytest.raises(WalletError):
        Wallet.create(tmp_path / "wallet.icw", WALLET_PASSPHRASE, kdf=wallet_cheap_kdf)
    assert not elsewhere.exists() and not (tmp_path / "wallet.icw").exists()
