"""A growing wait between wrong passphrases, shared by every session of one process; flet-free."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from infocards.errors import UnlockThrottled, WrongClinicPassphrase, WrongPassphrase

__all__ = ["FREE_FAILURES", "MAX_DELAY_SECONDS", "UnlockThrottle", "throttle_for"]

T = TypeVar("T")

FREE_FAILURES = 3  # a patient who mistypes a few times waits for nothing
FIRST_DELAY_SECONDS = 2.0
MAX_DELAY_SECONDS = 15 * 60.0  # about 100 guesses a day at most; the recovery code is never throttled


class UnlockThrottle:
    """Counts wrong passphrases and makes the next try wait: nothing for the first few, then
    2 s, 4 s, 8 s ... up to a cap. Tries run one at a time, so tabs opened side by side
    guess no faster than one tab; a right passphrase starts the count again."""

    def __init__(self, free_failures: int = FREE_FAILURES, first_delay: float = FIRST_DELAY_SECONDS,
                 max_delay: float = MAX_DELAY_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.free_failures = free_failures
        self.first_delay = first_delay
        self.max_delay = max_delay
        self._clock = clock
        self._serial = threading.Lock()  # held for the whole try, KDF included
        self._state = threading.Lock()  # guards the two fields below
        self._failures = 0
        self._not_before = 0.0

    @property
    def failures(self) -> int:
        with self._state:
            return self._failures

    def delay_after(self, failures: int) -> float:
        """The wait that follows the given number of wrong passphrases in a row."""
        if failures <= self.free_failures:
            return 0.0
        return min(self.max_delay, self.first_delay * 2 ** (failures - self.free_failures - 1))

    def seconds_to_wait(self) -> float:
        with self._state:
            return max(0.0, self._not_before - self._clock())

    def reset(self) -> None:
        with self._state:
            self._failures, self._not_before = 0, 0.0

    def attempt(self, try_passphrase: Callable[[], T]) -> T:
        """Run one unlock try unless a wait is due (UnlockThrottled, saying how long). A wrong
        passphrase that starts a wait is reported as wrong and with the wait."""
        with self._serial:
            wait = self.seconds_to_wait()
            if wait > 0:
                raise UnlockThrottled(wait)
            try:
                result = try_passphrase()
            except (WrongPassphrase, WrongClinicPassphrase) as wrong:
                with self._state:
                    self._failures += 1
                    delay = self.delay_after(self._failures)
                    self._not_before = self._clock() + delay
                if delay > 0:
                    raise UnlockThrottled(delay, after=wrong) from None
                raise
            self.reset()
            return result


_THROTTLES: dict[str, UnlockThrottle] = {}
_THROTTLES_LOCK = threading.Lock()


def throttle_for(wallet_path: Path) -> UnlockThrottle:
    """The throttle of one wallet file in this process: every browser session and tab uses the
    same one, so reconnecting does not reset the wait."""
    key = str(Path(wallet_path).expanduser().resolve())
    with _THROTTLES_LOCK:
        return _THROTTLES.setdefault(key, UnlockThrottle())
