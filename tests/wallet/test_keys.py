"""Issue 9, item 5: a new data key on every change of a secret; the recovery code works once."""

from __future__ import annotations

import shutil

import pytest

from infocards import sealed
from infocards.errors import WrongPassphrase
from infocards.sealed import SecretText
from infocards.wallet import Wallet, vault
from infocards.wallet.fileformat import parse_file
from infocards.wallet.recovery import RecoveryCode
from tests.conftest import WALLET_PASSPHRASE

NEW = "a brand new passphrase"
NOTE = {"type": "note", "date": "2026-11-01", "text": "Ondt i lænden efter flytning"}


def _old_data_key(copy, passphrase=WALLET_PASSPHRASE):
    """What an attacker gets from an old copy of the file and the passphrase it had then."""
    return vault.unlock_with_passphrase(parse_file(copy.read_bytes()), SecretText(passphrase)).data_key


def _body_opens_with(path, data_key) -> bool:
    file = parse_file(path.read_bytes())
    return sealed.open_body(data_key, file.header.body_nonce, file.body, file.associated_data) is not None


def _files(wallet):
    return (wallet.path, wallet.path.with_name(wallet.path.name + ".bak"))


def test_passwd_makes_a_new_data_key(wallet_factory, tmp_path):
    wallet, code = wallet_factory(records=[NOTE])
    old_copy = tmp_path / "old-copy.icw"
    shutil.copyfile(wallet.path, old_copy)
    assert wallet.change_passphrase(NEW) is None  # a v2 wallet keeps its recovery code
    wallet.add({"type": "note", "date": "2026-11-02", "text": "saved after the change"})
    wallet.close()
    old_key = _old_data_key(old_copy)
    assert _body_opens_with(old_copy, old_key)  # the control: the old key is the real old key
    for path in _files(wallet):
        assert not _body_opens_with(path, old_key)  # the old copy's key decrypts no new save
        with pytest.raises(WrongPassphrase):
            Wallet.open(path, WALLET_PASSPHRASE)
    with Wallet.open(wallet.path, NEW) as again:
        assert len(again.records()) == 2
    # The recovery code survives a passphrase change (its slot was rewrapped without the code).
    Wallet.recover(wallet.path, code, "recovered passphrase")


def test_recover_uses_the_code_up_and_prints_a_new_one(wallet_factory, tmp_path):
    wallet, code = wallet_factory(records=[NOTE])
    wallet.close()
    old_copy = tmp_path / "old-copy.icw"
    shutil.copyfile(wallet.path, old_copy)
    new_code = Wallet.recover(wallet.path, code, NEW)
    assert RecoveryCode.looks_valid(new_code) and new_code != code
    old_key = _old_data_key(old_copy)
    for path in _files(wallet):
        assert not _body_opens_with(path, old_key)
        with pytest.raises(WrongPassphrase):  # single use: the old code opens nothing now
            Wallet.recover(path, code, "yet another passphrase")
        with pytest.raises(WrongPassphrase):
            Wallet.open(path, WALLET_PASSPHRASE)
    assert Wallet.recover(wallet.path, new_code, "the third passphrase") != new_code
    with Wallet.open(wallet.path, "the third passphrase") as again:
        assert again.records()[0]["text"] == NOTE["text"]


def test_a_new_recovery_code_on_demand(wallet_factory, tmp_path):
    wallet, code = wallet_factory(records=[NOTE])
    old_copy = tmp_path / "old-copy.icw"
    shutil.copyfile(wallet.path, old_copy)
    new_code = wallet.new_recovery_code()
    wallet.close()
    assert new_code != code
    assert not _body_opens_with(wallet.path, _old_data_key(old_copy))
    for path in _files(wallet):
        with pytest.raises(WrongPassphrase):
            Wallet.recover(path, code, "yet another passphrase")
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as again:  # the passphrase is unchanged
        assert len(again.records()) == 1
    Wallet.recover(wallet.path, new_code, "recovered passphrase")


def test_changing_the_passphrase_can_require_the_current_one(wallet_factory):
    wallet, _ = wallet_factory(records=[NOTE])
    before = wallet.path.read_bytes()
    with pytest.raises(WrongPassphrase) as err:
        wallet.change_passphrase(NEW, current="not the passphrase")
    assert "current passphrase" in err.value.message("en")
    assert wallet.path.read_bytes() == before
    assert wallet.verify_passphrase(WALLET_PASSPHRASE) and not wallet.verify_passphrase(NEW)
    wallet.change_passphrase(NEW, current=WALLET_PASSPHRASE)
    assert wallet.verify_passphrase(NEW)


def test_content_derived_ids_survive_a_new_data_key(wallet_factory, wallet_reference_course):
    """Importing the same file after a passphrase change replaces its records, never copies them."""
    without_ids = [{k: v for k, v in r.items() if k != "id"} for r in wallet_reference_course["records"]]
    wallet, _ = wallet_factory()
    first = [rid for rid, _ in wallet.put_many(without_ids)]
    wallet.change_passphrase(NEW)
    wallet.new_recovery_code()
    assert [rid for rid, _ in wallet.put_many(without_ids)] == first
    wallet.close()
    with Wallet.open(wallet.path, NEW) as again:
        assert [rid for rid, _ in again.put_many(without_ids)] == first
        assert len(again.records()) == len(without_ids)


def test_cli_recover_prints_a_new_code_and_the_old_one_stops_working(wallet_factory, wallet_cli):
    wallet, code = wallet_factory(records=[NOTE])
    wallet.close()
    env = {"INFOCARDS_RECOVERY_CODE": code, "INFOCARDS_NEW_PASSPHRASE": NEW}
    result = wallet_cli("wallet", "recover", wallet.path, env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Recovery code: ")
    new_code = lines[0].removeprefix("Recovery code: ")
    assert RecoveryCode.looks_valid(new_code) and new_code != code
    assert "no longer works" in result.stderr
    again = wallet_cli("wallet", "recover", wallet.path, env=env)
    assert again.returncode == 1 and "does not open" in again.stderr and "Traceback" not in again.stderr
    env = {"INFOCARDS_RECOVERY_CODE": new_code, "INFOCARDS_NEW_PASSPHRASE": "third passphrase"}
    assert wallet_cli("wallet", "recover", wallet.path, env=env).returncode == 0


def test_cli_recovery_code_makes_a_new_code(wallet_factory, wallet_cli):
    wallet, code = wallet_factory(records=[NOTE])
    wallet.close()
    result = wallet_cli("wallet", "recovery-code", wallet.path, env={"INFOCARDS_PASSPHRASE": WALLET_PASSPHRASE})
    assert result.returncode == 0, result.stderr
    new_code = result.stdout.strip().removeprefix("Recovery code: ")
    assert RecoveryCode.looks_valid(new_code) and new_code != code
    with pytest.raises(WrongPassphrase):
        Wallet.recover(wallet.path, code, NEW)
    Wallet.recover(wallet.path, new_code, NEW)


def test_cli_passwd_of_a_v1_wallet_prints_the_replaced_code(tmp_path, wallet_cli):
    from tests.conftest import WALLET_FIXTURES

    path = tmp_path / "old.icw"
    shutil.copyfile(WALLET_FIXTURES / "v1.icw", path)
    env = {"INFOCARDS_PASSPHRASE": "fixture passphrase v1", "INFOCARDS_NEW_PASSPHRASE": NEW}
    result = wallet_cli("wallet", "passwd", path, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Recovery code: ") and "older version" in result.stderr


def test_the_apps_current_passphrase_check_is_throttled_like_an_unlock(wallet_cheap_kdf, tmp_path):
    """An unlocked app left on a table is no oracle for guessing the passphrase itself."""
    from infocards.errors import UnlockThrottled
    from infocards.ui.session import WalletSession
    from infocards.web.throttle import FREE_FAILURES

    path = tmp_path / "app.icw"
    Wallet.create(path, WALLET_PASSPHRASE, kdf=wallet_cheap_kdf)[0].close()
    session = WalletSession(path=path, auto_lock_seconds=300)
    session.unlock(WALLET_PASSPHRASE)
    before = path.read_bytes()
    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongPassphrase):
            session.change_passphrase("a wrong guess here", NEW, NEW)
    with pytest.raises(UnlockThrottled):
        session.change_passphrase("another wrong guess", NEW, NEW)
    with pytest.raises(UnlockThrottled):  # even the right one waits its turn
        session.change_passphrase(WALLET_PASSPHRASE, NEW, NEW)
    assert path.read_bytes() == before
    session.lock()


def test_no_auto_lock_while_a_new_code_from_settings_is_shown(wallet_cheap_kdf, tmp_path):
    import time

    from infocards.ui.session import WalletSession

    path = tmp_path / "app.icw"
    Wallet.create(path, WALLET_PASSPHRASE, kdf=wallet_cheap_kdf)[0].close()
    session = WalletSession(path=path, auto_lock_seconds=60)
    session.unlock(WALLET_PASSPHRASE)
    code = session.new_recovery_code()
    assert session.recovery_code == code and session.recovery_code_reason == "replaced"
    assert not session.idle_too_long(time.monotonic() + 3600)  # copying 25 characters takes time
    session.confirm_recovery_code_written()
    assert session.idle_too_long(time.monotonic() + 3600)
    session.lock()
    Wallet.recover(path, code, NEW)
