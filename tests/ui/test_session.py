"""The app's wallet session: create, the one-time recovery code, lock, unlock, auto-lock timing."""

from __future__ import annotations

import pytest

from infocards.errors import UsageError, WrongPassphrase
from infocards.ui.session import WalletSession

PASSPHRASE = "lang og rolig gåtur"


@pytest.fixture
def session(tmp_path):
    made = WalletSession(tmp_path / "w" / "wallet.icw", auto_lock_seconds=60)
    yield made
    made.lock()


def test_create_shows_the_recovery_code_once_and_unlocks(session):
    assert not session.exists()
    code = session.create(PASSPHRASE, PASSPHRASE)
    assert session.exists() and session.unlocked
    assert session.recovery_code == code
    session.confirm_recovery_code_written()
    assert session.recovery_code is None
    assert code not in repr(session)


def test_a_lock_before_the_code_is_confirmed_keeps_it_until_confirmed(session):
    """A reload locks the wallet; the unconfirmed code must come back, not vanish (issue 19, bug 4)."""
    code = session.create(PASSPHRASE, PASSPHRASE)
    session.lock()
    assert not session.unlocked
    assert session.recovery_code == code and session.recovery_code_kept
    session.confirm_recovery_code_written()
    assert session.recovery_code is None and not session.recovery_code_kept
    session.unlock(PASSPHRASE)
    session.lock()
    assert session.recovery_code is None and not session.recovery_code_kept


def test_a_closed_session_or_a_wipe_forgets_the_code(session):
    session.create(PASSPHRASE, PASSPHRASE)
    session.lock(forget_code=True)
    assert session.recovery_code is None and not session.recovery_code_kept
    session.unlock(PASSPHRASE)
    session.new_recovery_code()
    session.wipe()
    assert session.recovery_code is None and not session.recovery_code_kept


def test_mismatched_passphrases_create_nothing(session):
    with pytest.raises(UsageError):
        session.create(PASSPHRASE, PASSPHRASE + "x")
    assert not session.exists()


def test_lock_and_unlock(session):
    session.create(PASSPHRASE, PASSPHRASE)
    session.require().add({"type": "note", "date": "2026-11-01", "text": "Bedre i dag"})
    session.lock()
    assert not session.unlocked
    with pytest.raises(UsageError):
        session.require()
    with pytest.raises(WrongPassphrase):
        session.unlock("forkert adgangskode")
    session.unlock(PASSPHRASE)
    assert [r["text"] for r in session.require().records()] == ["Bedre i dag"]


def test_idle_too_long_only_when_unlocked_and_past_the_limit(session):
    assert not session.idle_too_long(now=10**9)  # locked: nothing to lock
    session.create(PASSPHRASE, PASSPHRASE)
    session.confirm_recovery_code_written()
    session.touch()
    start = session.last_activity
    assert not session.idle_too_long(now=start + 59)
    assert session.idle_too_long(now=start + 61)


def test_recover_sets_a_new_passphrase(session):
    code = session.create(PASSPHRASE, PASSPHRASE)
    session.lock()
    session.recover(code.lower().replace("-", " "), "en helt ny kode", "en helt ny kode")
    assert session.unlocked
    session.lock()
    session.unlock("en helt ny kode")


def test_auto_lock_waits_while_the_recovery_code_is_shown(session):
    session.create(PASSPHRASE, PASSPHRASE)
    start = session.last_activity
    assert not session.idle_too_long(now=start + 3600)  # still on the "write it down" screen
    session.confirm_recovery_code_written()
    assert session.idle_too_long(now=start + 3600)


def test_the_encrypted_copy_is_a_good_file_even_after_opening_from_the_backup(session):
    from infocards.wallet import Wallet

    session.create(PASSPHRASE, PASSPHRASE)
    session.confirm_recovery_code_written()
    session.require().add({"type": "note", "date": "2026-11-01", "text": "første"})
    session.require().add({"type": "note", "date": "2026-11-02", "text": "anden"})
    session.lock()
    damaged = bytearray(session.path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    session.path.write_bytes(bytes(damaged))
    session.unlock(PASSPHRASE)
    assert session.require().used_backup is not None
    copy = session.path.with_name("copy.icw")
    copy.write_bytes(session.backup_bytes())
    with Wallet.open(copy, PASSPHRASE) as opened:
        assert opened.used_backup is None
        assert [r["text"] for r in opened.records()] == ["første"]  # the backup predates the last save


def test_a_wallet_whose_main_file_is_gone_opens_from_its_backup(session):
    session.create(PASSPHRASE, PASSPHRASE)
    session.confirm_recovery_code_written()
    session.require().add({"type": "note", "date": "2026-11-01", "text": "første"})
    session.require().add({"type": "note", "date": "2026-11-02", "text": "anden"})
    session.lock()
    session.path.unlink()
    assert session.exists()  # the unlock screen, not the create screen that would replace it
    session.unlock(PASSPHRASE)
    assert session.require().main_missing
    assert [r["text"] for r in session.require().records()] == ["første"]


# A new phone: an encrypted copy becomes this device's wallet (issue 19, friction).
OLD_PASSPHRASE = "gammel telefon gammel kode"


def _copy(tmp_path, wallet_cheap_kdf, passphrase=OLD_PASSPHRASE):
    from infocards.wallet import Wallet

    wallet, code = Wallet.create(tmp_path / "old" / "wallet.icw", passphrase, profile={"name": "Anna Jensen"},
                                 kdf=wallet_cheap_kdf)
    wallet.add({"type": "goal", "date": "2026-11-01", "text": "Gå en tur hver dag", "status": "active"})
    wallet.close()
    return (tmp_path / "old" / "wallet.icw").read_bytes(), code


def test_a_copy_opens_with_its_passphrase_and_becomes_this_devices_wallet(tmp_path, wallet_cheap_kdf):
    data, _code = _copy(tmp_path, wallet_cheap_kdf)
    new_phone = WalletSession(tmp_path / "new" / "wallet.icw", 300)
    new_phone.restore_copy(data, passphrase="gammel telefon gammel kode")
    assert new_phone.unlocked and new_phone.require().profile["name"] == "Anna Jensen"
    assert [r["text"] for r in new_phone.require().records()] == ["Gå en tur hver dag"]
    assert (tmp_path / "new" / "wallet.icw").stat().st_mode & 0o777 == 0o600
    new_phone.lock()
    new_phone.unlock("gammel telefon gammel kode")  # it stays: a later unlock opens it
    assert new_phone.unlocked


def test_a_copy_opens_with_its_recovery_code_and_a_new_passphrase(tmp_path, wallet_cheap_kdf):
    data, code = _copy(tmp_path, wallet_cheap_kdf)
    new_phone = WalletSession(tmp_path / "new" / "wallet.icw", 300)
    new_phone.restore_copy(data, code=code, new="ny telefon ny lang kode", repeated="ny telefon ny lang kode")
    assert new_phone.unlocked and new_phone.recovery_code and new_phone.recovery_code != code
    new_phone.lock()
    new_phone.unlock("ny telefon ny lang kode")


@pytest.mark.parametrize("what", ["wrong passphrase", "not a wallet", "empty", "huge"])
def test_a_copy_that_does_not_open_leaves_nothing_behind(tmp_path, wallet_cheap_kdf, what):

    data, _code = _copy(tmp_path, wallet_cheap_kdf)
    given = {"wrong passphrase": data, "not a wallet": b"\x89PNG\r\n" + bytes(500), "empty": b"",
             "huge": bytes(33 * 1024 * 1024)}[what]
    new_phone = WalletSession(tmp_path / "new" / "wallet.icw", 300)
    with pytest.raises(WrongPassphrase if what == "wrong passphrase" else UsageError):
        new_phone.restore_copy(given, passphrase="not the passphrase at all")
    assert not new_phone.exists() and not new_phone.unlocked
    left = [p.name for p in (tmp_path / "new").glob("*")] if (tmp_path / "new").exists() else []
    assert not [name for name in left if name.startswith("wallet.icw")]


def test_a_copy_never_replaces_a_wallet_already_on_the_device(tmp_path, wallet_cheap_kdf):
    from infocards.errors import WalletExists

    data, _code = _copy(tmp_path, wallet_cheap_kdf)
    here = WalletSession(tmp_path / "new" / "wallet.icw", 300)
    here.create("denne enheds egen kode", "denne enheds egen kode")
    before = (tmp_path / "new" / "wallet.icw").read_bytes()
    here.lock()
    with pytest.raises(WalletExists):
        here.restore_copy(data, passphrase="gammel telefon gammel kode")
    assert (tmp_path / "new" / "wallet.icw").read_bytes() == before
