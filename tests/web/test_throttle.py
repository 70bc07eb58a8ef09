"""The wait after wrong passphrases: free at first, then doubling to a cap, shared, one try at a time."""

from __future__ import annotations

import threading

import pytest

from infocards.errors import CorruptWallet, UnlockThrottled, WrongPassphrase
from infocards.web.throttle import FREE_FAILURES, MAX_DELAY_SECONDS, UnlockThrottle, throttle_for


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def wrong() -> None:
    raise WrongPassphrase()


def test_the_first_failures_cost_nothing_then_the_wait_doubles_up_to_the_cap():
    clock = Clock()
    throttle = UnlockThrottle(clock=clock)
    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongPassphrase) as plain:
            throttle.attempt(wrong)
        assert not isinstance(plain.value, UnlockThrottled)
        assert throttle.seconds_to_wait() == 0
    waits = []
    for _ in range(12):
        with pytest.raises(UnlockThrottled) as throttled:
            throttle.attempt(wrong)
        assert isinstance(throttled.value.after, WrongPassphrase)  # it says the passphrase was wrong
        waits.append(throttled.value.seconds)
        clock.now += throttle.seconds_to_wait()
    assert waits[:5] == [2, 4, 8, 16, 32]
    assert waits == sorted(waits)
    assert waits[-1] == MAX_DELAY_SECONDS
    assert throttle.failures == FREE_FAILURES + 12


def test_a_try_during_the_wait_is_refused_without_trying_the_passphrase():
    clock = Clock()
    throttle = UnlockThrottle(clock=clock)
    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongPassphrase):
            throttle.attempt(wrong)
    with pytest.raises(UnlockThrottled):
        throttle.attempt(wrong)
    tried = []
    clock.now += 1.5
    with pytest.raises(UnlockThrottled) as refused:
        throttle.attempt(lambda: tried.append("right"))
    assert tried == [] and refused.value.after is None and refused.value.seconds == 1  # 0.5 s, rounded up
    clock.now += 0.5
    assert throttle.attempt(lambda: "opened") == "opened"


def test_a_right_passphrase_starts_the_count_again():
    clock = Clock()
    throttle = UnlockThrottle(clock=clock)
    for _ in range(FREE_FAILURES + 2):
        with pytest.raises((WrongPassphrase, UnlockThrottled)):
            throttle.attempt(wrong)
        clock.now += throttle.seconds_to_wait()
    throttle.attempt(lambda: None)
    assert throttle.failures == 0
    with pytest.raises(WrongPassphrase) as plain:
        throttle.attempt(wrong)
    assert not isinstance(plain.value, UnlockThrottled)


def test_a_damaged_file_is_not_counted_as_a_guess():
    throttle = UnlockThrottle(clock=Clock())

    def damaged() -> None:
        raise CorruptWallet()

    for _ in range(FREE_FAILURES + 3):
        with pytest.raises(CorruptWallet):
            throttle.attempt(damaged)
    assert throttle.failures == 0 and throttle.seconds_to_wait() == 0


def test_tries_from_several_tabs_run_one_at_a_time():
    throttle = UnlockThrottle(free_failures=100)
    inside, most_inside, lock = [0], [0], threading.Lock()
    gate = threading.Barrier(4)

    def slow_wrong() -> None:
        with lock:
            inside[0] += 1
            most_inside[0] = max(most_inside[0], inside[0])
        threading.Event().wait(0.05)  # a KDF takes time; another tab tries meanwhile
        with lock:
            inside[0] -= 1
        raise WrongPassphrase()

    def tab() -> None:
        gate.wait()
        for _ in range(3):
            with pytest.raises(WrongPassphrase):
                throttle.attempt(slow_wrong)

    tabs = [threading.Thread(target=tab) for _ in range(4)]
    for thread in tabs:
        thread.start()
    for thread in tabs:
        thread.join()
    assert most_inside[0] == 1
    assert throttle.failures == 12


def test_one_throttle_per_wallet_file(tmp_path):
    same = throttle_for(tmp_path / "a" / ".." / "wallet.icw")
    assert throttle_for(tmp_path / "wallet.icw") is same
    assert throttle_for(tmp_path / "other.icw") is not same


@pytest.mark.parametrize(("seconds", "danish", "english"), [
    (1, "1 sekund,", "1 second "),
    (8, "8 sekunder", "8 seconds"),
    (64, "2 minutter", "2 minutes"),
    (MAX_DELAY_SECONDS, "15 minutter", "15 minutes"),
])
def test_the_message_says_how_long_to_wait(seconds, danish, english):
    refused = UnlockThrottled(seconds)
    assert danish in refused.message("da") and "gendannelseskode" in refused.message("da")
    assert english in refused.message("en") and "recovery code" in refused.message("en")
    after_wrong = UnlockThrottled(seconds, after=WrongPassphrase())
    assert after_wrong.message("da").startswith("Forkert adgangskode.") and danish in after_wrong.message("da")
