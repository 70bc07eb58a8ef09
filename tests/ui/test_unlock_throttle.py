"""The app's unlock waits after wrong passphrases, across sessions (tabs) of one process; the
recovery code is never made to wait."""

from __future__ import annotations

import pytest

from infocards.errors import UnlockThrottled, WrongPassphrase
from infocards.ui.session import WalletSession
from infocards.web.throttle import FREE_FAILURES

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def wallet_file(wallet_factory, tmp_path):
    wallet, code = wallet_factory(records=[{"type": "note", "date": "2026-11-01", "text": "Bedre i dag"}])
    wallet.close()
    return tmp_path / "wallet.icw", code


def test_a_new_tab_does_not_reset_the_wait(wallet_file):
    path, _code = wallet_file
    first_tab, second_tab = (WalletSession(path, auto_lock_seconds=60) for _ in range(2))
    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongPassphrase):
            first_tab.unlock("not the passphrase")
    with pytest.raises(UnlockThrottled) as throttled:
        second_tab.unlock("still not the passphrase")  # a reconnect, a new tab: same count
    assert "Forkert adgangskode" in throttled.value.message("da") and "2 sekunder" in throttled.value.message("da")
    with pytest.raises(UnlockThrottled):
        first_tab.unlock(PASSPHRASE)  # refused before the passphrase is even tried
    assert not first_tab.unlocked and not second_tab.unlocked


def test_the_recovery_code_opens_at_once_and_ends_the_wait(wallet_file):
    path, code = wallet_file
    session = WalletSession(path, auto_lock_seconds=60)
    for _ in range(FREE_FAILURES + 1):
        with pytest.raises((WrongPassphrase, UnlockThrottled)):
            session.unlock("not the passphrase")
    session.recover(code, "a new long passphrase", "a new long passphrase")
    assert [record["text"] for record in session.require().records()] == ["Bedre i dag"]
    session.lock()
    with pytest.raises(WrongPassphrase) as plain:
        session.unlock("wrong again")  # the count started again: no wait for this one
    assert not isinstance(plain.value, UnlockThrottled)
    session.unlock("a new long passphrase")
    assert session.unlocked
    session.lock()


def test_the_clinic_key_waits_too_across_visitors_of_a_reader(tmp_path):
    # A reader server may face a network: its visitors must not guess the clinic key's
    # passphrase at the speed of the KDF.
    from infocards.errors import WrongClinicPassphrase
    from infocards.ui.clinic_session import ClinicSession

    path = tmp_path / "clinic.key"
    ClinicSession(path=path).create("klinikkens lange kodeord", "klinikkens lange kodeord", "Mette Hansen",
                                    "physiotherapist", "")
    first, second = ClinicSession(path=path), ClinicSession(path=path)
    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongClinicPassphrase):
            first.unlock("a guess")
    with pytest.raises(UnlockThrottled):
        second.unlock("another guess")  # another visitor, the same count
    with pytest.raises(UnlockThrottled):
        second.unlock("klinikkens lange kodeord")  # refused before it is even tried
    assert first.key is None and second.key is None
