"""An OS-level lock on PATH.lock, so only one process opens a wallet at a time.

The OS releases it when the process dies (flock on POSIX, msvcrt.locking on Windows), so a
crash never locks the patient out. The lock file itself is left in place: removing it would let
two processes lock two different files of the same name.
"""

from __future__ import annotations

import os
from pathlib import Path

from infocards.errors import AlreadyOpen

__all__ = ["WalletLock", "lock_path"]

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class WalletLock:
    """Held from acquire() to release(); AlreadyOpen if another holder has it."""

    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self._fd: int | None = None

    def acquire(self) -> WalletLock:
        # O_NOFOLLOW: a link planted at PATH.lock must not make us create or lock another file.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise AlreadyOpen()
        self._fd = fd
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None
