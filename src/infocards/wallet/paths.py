"""Where the wallet file lives on each platform."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from infocards.atomicfile import make_private_folder

__all__ = ["WALLET_FILENAME", "default_wallet_path", "make_wallet_folder"]

WALLET_FILENAME = "wallet.icw"


def default_wallet_path() -> Path:
    """Flet's app storage folder when Flet sets one (phones, packaged apps), else the user data dir."""
    flet_storage = os.environ.get("FLET_APP_STORAGE_DATA", "").strip()
    if flet_storage:
        return Path(flet_storage) / WALLET_FILENAME
    return Path(platformdirs.user_data_dir("infocards", appauthor=False)) / WALLET_FILENAME


def make_wallet_folder(wallet_path: Path) -> Path:
    """The wallet's folder, made 0700 if it is new (the CLI and the app's first run alike)."""
    return make_private_folder(Path(wallet_path).parent)
