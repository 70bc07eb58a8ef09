"""Where the wallet lives: Flet's app storage when set, else the user data folder."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from infocards.wallet import default_wallet_path


def test_flet_app_storage_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("FLET_APP_STORAGE_DATA", str(tmp_path))
    assert default_wallet_path() == tmp_path / "wallet.icw"


def test_user_data_dir_otherwise(monkeypatch):
    monkeypatch.delenv("FLET_APP_STORAGE_DATA", raising=False)
    expected = Path(platformdirs.user_data_dir("infocards", appauthor=False)) / "wallet.icw"
    assert default_wallet_path() == expected
    assert default_wallet_path().suffix == ".icw"
