"""A growing wait between wrong passphrases, shared by every session of one process; flet-free.

A wallet has one person at one computer: one count for its file (UnlockThrottle). The clinic
key of a reader on a network has visitors: a count per client first, with a much higher global
ceiling, so that strangers' wrong guesses never lock the clinician out (ClientThrottle).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from infocards.errors import ClinicUnlockThrottled, UnlockThrottled, WrongClinicPassphrase, WrongPassphrase

__all__ = ["FREE_FAILURES", "GLOBAL_FREE_FAILURES", "MAX_DELAY_SECONDS", "ClientThrottle", "UnlockThrottle",
           "clinic_throttle_for", "throttle_for"]

T = TypeVar("T")

FREE_FAILURES = 3  # a patient who mistypes a few times waits for nothing
FIRST_DELAY_SECONDS = 2.0
MAX_DELAY_SECONDS = 15 * 60.0  # about 100 guesses a day at most; the recovery code is never throttled
# The clinic key's global ceiling: wrong passphrases from all clients within a day before clients
# that have failed themselves wait too. Far above what one clinic mistypes in a day.
GLOBAL_FREE_FAILURES = 100
GLOBAL_WINDOW_SECONDS = 24 * 3600.0
MAX_CLIENTS = 10_000  # clients remembered per key; the least recently seen is forgotten first


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


class ClientThrottle:
    """The clinic key's throttle: each client (the visitor's address) has its own UnlockThrottle,
    and tries from one client run one at a time. Past GLOBAL_FREE_FAILURES wrong passphrases
    from everyone in a day, a client with a failure of its own also waits a global delay
    (growing as UnlockThrottle's, one such try at a time). A client with no failure of its own
    is never held back by others': its right passphrase opens the key at once. So many
    addresses buy an attacker one try each, then the global pace."""

    def __init__(self, free_failures: int = FREE_FAILURES, global_free: int = GLOBAL_FREE_FAILURES,
                 clock: Callable[[], float] = time.monotonic, max_clients: int = MAX_CLIENTS) -> None:
        self._make = lambda: UnlockThrottle(free_failures=free_failures, clock=clock)
        self._pace = UnlockThrottle(free_failures=global_free, clock=clock)  # delay_after for the ceiling
        self._clock = clock
        self._max_clients = max_clients
        self._clients: OrderedDict[str, UnlockThrottle] = OrderedDict()
        self._failures: deque[float] = deque(maxlen=max_clients * 4)
        self._global_not_before = 0.0
        self._lock = threading.Lock()  # guards the fields above
        self._held = threading.Lock()  # one try at a time for clients held by the ceiling

    def client(self, name: str) -> UnlockThrottle:
        with self._lock:
            throttle = self._clients.pop(name, None) or self._make()
            self._clients[name] = throttle  # most recently seen last
            while len(self._clients) > self._max_clients:
                self._clients.popitem(last=False)
            return throttle

    def global_failures(self) -> int:
        with self._lock:
            now = self._clock()
            while self._failures and self._failures[0] <= now - GLOBAL_WINDOW_SECONDS:
                self._failures.popleft()
            return len(self._failures)

    def _global_wait(self) -> float:
        with self._lock:
            return max(0.0, self._global_not_before - self._clock())

    def attempt(self, client: str, try_passphrase: Callable[[], T]) -> T:
        """Run one unlock try of `client`: ClinicUnlockThrottled if a wait is due for it."""
        own = self.client(client)
        with own._serial:
            held = own.failures > 0
            wait = max(own.seconds_to_wait(), self._global_wait() if held else 0.0)
            if wait > 0:
                raise ClinicUnlockThrottled(wait)
            with self._held if held else _NO_LOCK:
                try:
                    result = try_passphrase()
                except WrongClinicPassphrase as wrong:
                    delay = self._failed(own)
                    if delay > 0:
                        raise ClinicUnlockThrottled(delay, after=wrong) from None
                    raise
            own.reset()
            return result

    def _failed(self, own: UnlockThrottle) -> float:
        with own._state:
            own._failures += 1
            delay = own.delay_after(own._failures)
            own._not_before = own._clock() + delay
        count = self.global_failures() + 1
        with self._lock:
            now = self._clock()
            self._failures.append(now)
            ceiling = self._pace.delay_after(count)
            self._global_not_before = max(self._global_not_before, now + ceiling)
        return max(delay, ceiling)


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_exc) -> None:
        return None


_NO_LOCK = _NoLock()
_THROTTLES: dict[str, UnlockThrottle] = {}
_THROTTLES_LOCK = threading.Lock()


def throttle_for(wallet_path: Path) -> UnlockThrottle:
    """The throttle of one wallet file in this process: every browser session and tab uses the
    same one, so reconnecting does not reset the wait."""
    key = str(Path(wallet_path).expanduser().resolve())
    with _THROTTLES_LOCK:
        return _THROTTLES.setdefault(key, UnlockThrottle())


_CLINIC_THROTTLES: dict[str, ClientThrottle] = {}


def clinic_throttle_for(key_path: Path) -> ClientThrottle:
    """The throttle of one clinic key file in this process, shared by every visitor's session."""
    key = str(Path(key_path).expanduser().resolve())
    with _THROTTLES_LOCK:
        return _CLINIC_THROTTLES.setdefault(key, ClientThrottle())
