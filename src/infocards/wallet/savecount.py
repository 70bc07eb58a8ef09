"""The save counter this device last wrote for a wallet, kept outside the wallet file.

The wallet's own counter lives in its encrypted body (it cannot be edited in the file); this
module keeps the highest counter saved on this device, per wallet path, in the app's state folder.
An older copy of the wallet put over the current one then opens with a counter below it, and the
app and the CLI say so (a warning: the patient may have restored the copy on purpose).

The state folder: INFOCARDS_STATE_DIR if set, else a `state` folder in Flet's app storage on a
phone (beside the wallet file, never inside it), else the platform's user state folder.
Nothing here is secret or health data: a hash of the path, the wallet's random id, a number
and a time. A state file that cannot be read or written is treated
as absent: the warning is a help, never a reason to refuse the patient's own wallet.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from infocards.atomicfile import make_private_folder, write_private

__all__ = ["SeenSave", "last_seen", "record_save", "state_folder"]

_MAX_STATE_BYTES = 4096


@dataclass(frozen=True)
class SeenSave:
    wallet_id: str
    saves: int
    saved: str  # ISO time of that save (UTC)


def state_folder() -> Path:
    chosen = os.environ.get("INFOCARDS_STATE_DIR", "").strip()
    if chosen:
        return Path(chosen)
    flet_storage = os.environ.get("FLET_APP_STORAGE_DATA", "").strip()
    if flet_storage:
        return Path(flet_storage) / "state"
    return Path(platformdirs.user_state_dir("infocards", appauthor=False))


def _entry(wallet_path: Path) -> Path:
    key = hashlib.sha256(str(Path(wallet_path).resolve()).encode("utf-8")).hexdigest()[:32]
    return state_folder() / "wallets" / f"{key}.json"


def last_seen(wallet_path: Path) -> SeenSave | None:
    """What this device last saved at `wallet_path`, or None (never, or the state is unreadable)."""
    try:
        with open(_entry(wallet_path), "rb") as handle:
            raw = handle.read(_MAX_STATE_BYTES + 1)
        data = json.loads(raw) if len(raw) <= _MAX_STATE_BYTES else None
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    wallet_id, saves, saved = data.get("wallet"), data.get("saves"), data.get("saved")
    if not isinstance(wallet_id, str) or type(saves) is not int or saves < 0 or not isinstance(saved, str):
        return None
    return SeenSave(wallet_id=wallet_id, saves=saves, saved=saved)


def record_save(wallet_path: Path, seen: SeenSave) -> None:
    """Remember a save (atomically, 0600); a folder that cannot be written is skipped.

    Not fsynced: an fsync here doubled the time of every save (bench/wallet.py), and after a
    power cut the counter lags at most the last save, so only a copy from that moment goes unnoticed.
    """
    entry = _entry(wallet_path)
    data = {"wallet": seen.wallet_id, "saves": seen.saves, "saved": seen.saved}
    with contextlib.suppress(OSError):
        make_private_folder(entry.parent)
        write_private(entry, json.dumps(data).encode("utf-8"), durable=False)
