"""One way to write a file that holds health data: private (0600), atomic, durable, never via a link.

Every writer of the patient's data (wallet saves and their backup, exports, the encrypted copy,
QR pictures, the app's save dialog) goes through `write_private`. The temporary file is made by
`tempfile.mkstemp` in the target's folder: an unpredictable name opened with O_CREAT|O_EXCL (and
O_NOFOLLOW where the OS has it) at mode 0600, so a file or symlink planted beside the target is
never opened, truncated or followed. `os.replace` then renames over the final name; when that name
is a symlink, the link itself is replaced and whatever it pointed at stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["PRIVATE_FILE", "PRIVATE_FOLDER", "fsync_folder", "make_private_folder", "temp_name_glob", "write_private"]

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_TEMP_SUFFIX = ".tmp"


def temp_name_glob(path: Path) -> str:
    """The glob of `write_private`'s temporary files for `path` (to clean up after a crash)."""
    return f".{Path(path).name}.*{_TEMP_SUFFIX}"


def fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder; NTFS journals the rename itself
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_folder(folder: Path) -> Path:
    """Create `folder` (and parents) for health data; a folder made here is 0700.

    An existing folder keeps its mode: it may be the patient's own Documents folder.
    """
    folder = Path(folder)
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        # mkdir's mode is filtered by the umask; say it outright.
        with contextlib.suppress(OSError):
            os.chmod(folder, PRIVATE_FOLDER)
    return folder


def write_private(path: Path, data: bytes, *, before_replace=None, durable: bool = True) -> None:
    """Replace `path` by `data`: temp file (0600, O_EXCL), fsync, `os.replace`, fsync the folder.

    `before_replace()`, if given, runs after the new bytes are durable and before the rename
    (the wallet moves its previous file to the backup there). On any error the temporary file is
    removed, so no stray copy of the data is left beside the target. `durable=False` skips both
    fsyncs (still atomic for a crash of the program, not for a power cut): for small bookkeeping
    that may lag one save behind, never for the patient's data.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_TEMP_SUFFIX, dir=folder)
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, PRIVATE_FILE)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if before_replace is not None:
            before_replace()
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if durable:
        fsync_folder(folder)
