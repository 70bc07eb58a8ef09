"""The clinic key's unlock throttle on a reader server: per client first, with a much higher
global ceiling; strangers' wrong guesses never hold back the clinician's right passphrase; the
messages offer no recovery code (clinic keys have none) and never name the server's files."""

from __future__ import annotations

import pytest

from infocards.errors import ClinicUnlockThrottled, UnlockThrottled, WrongClinicPassphrase
from infocards.ui.clinic_session import ClinicSession
from infocards.web.throttle import FREE_FAILURES, ClientThrottle

RIGHT = "klinikkens lange kodeord"


class Clock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def wrong() -> None:
    raise WrongClinicPassphrase("error.clinic.wrong_passphrase_here")


@pytest.fixture
def key_path(tmp_path):
    path = tmp_path / "keys" / "clinic.key"
    path.parent.mkdir()
    ClinicSession(path=path).create(RIGHT, RIGHT, "Mette Hansen", "physiotherapist", "")
    return path


def test_a_strangers_failures_do_not_hold_back_the_clinicians_right_passphrase(key_path):
    stranger = ClinicSession(path=key_path, client="203.0.113.5")
    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongClinicPassphrase):
            stranger.unlock("a guess")
    with pytest.raises(UnlockThrottled):
        stranger.unlock("another guess")
    with pytest.raises(UnlockThrottled):
        stranger.unlock(RIGHT)  # the stranger's own wait holds even the right passphrase
    clinician = ClinicSession(path=key_path, client="198.51.100.7")
    assert clinician.unlock(RIGHT).name == "Mette Hansen"  # at once: no failure of their own
    assert stranger.key is None


def test_the_clinic_wait_offers_no_recovery_code_and_no_path(key_path):
    session = ClinicSession(path=key_path, client="203.0.113.9")
    messages = []
    for _ in range(FREE_FAILURES + 1):
        with pytest.raises((WrongClinicPassphrase, UnlockThrottled)) as failed:
            session.unlock("a guess")
        messages += [failed.value.message("da"), failed.value.message("en")]
    assert isinstance(failed.value, ClinicUnlockThrottled)
    for text in messages:
        assert "gendannelseskode" not in text.lower() and "recovery code" not in text.lower(), text
        assert str(key_path) not in text and str(key_path.parent) not in text and "clinic.key" not in text, text
    assert "Forkert adgangskode til klinikkens nøgle" in messages[0]
    assert "spørg den, der har lavet klinikkens nøgle" in messages[-2]


def test_a_damaged_key_file_is_reported_without_its_path(key_path):
    key_path.write_text("{not json", encoding="utf-8")
    with pytest.raises(Exception) as failed:
        ClinicSession(path=key_path, client="198.51.100.7").unlock(RIGHT)
    for lang in ("da", "en"):
        assert str(key_path) not in failed.value.message(lang) and "clinic.key" not in failed.value.message(lang)


def test_past_the_global_ceiling_only_clients_with_failures_of_their_own_wait():
    clock = Clock()
    throttle = ClientThrottle(global_free=5, clock=clock)
    for number in range(5):  # five addresses, one wrong guess each: within the ceiling
        with pytest.raises(WrongClinicPassphrase) as plain:
            throttle.attempt(f"203.0.113.{number}", wrong)
        assert not isinstance(plain.value, UnlockThrottled)
    with pytest.raises(ClinicUnlockThrottled) as over:
        throttle.attempt("203.0.113.50", wrong)  # the sixth in the day starts the global pace
    assert over.value.after is not None and over.value.seconds == 2
    tried = []
    with pytest.raises(ClinicUnlockThrottled):
        throttle.attempt("203.0.113.1", lambda: tried.append("held"))  # has a failure: held
    assert tried == []
    assert throttle.attempt("198.51.100.7", lambda: "opened") == "opened"  # none of its own: not held
    clock.now += 2
    assert throttle.attempt("203.0.113.1", lambda: "opened") == "opened"  # after the global wait
    assert throttle.global_failures() == 6
    clock.now += 24 * 3600
    assert throttle.global_failures() == 0  # a day later the ceiling counts afresh


def test_one_clients_count_is_its_own_and_the_memory_of_clients_is_bounded():
    clock = Clock()
    throttle = ClientThrottle(clock=clock, max_clients=3)
    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongClinicPassphrase):
            throttle.attempt("a", wrong)
    assert throttle.client("a").failures == FREE_FAILURES and throttle.client("b").failures == 0
    for name in ("c", "d", "e"):
        throttle.client(name)
    assert throttle.client("a").failures == 0  # the least recently seen was forgotten
