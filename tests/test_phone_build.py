"""What a phone build runs and packages: the entry module starts the app, and the copies that
scripts/prepare-phone-build.sh makes are where the app looks for its cards and settings; and what
the phone's own backup brings back (README, "Build for phones").

`flet build` itself downloads the Flutter SDK and cannot run here (README, "Build for phones")."""

from __future__ import annotations

import json
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import flet as ft

from infocards.wallet import Wallet, savecount
from infocards.wallet.paths import default_wallet_path
from tests.conftest import WALLET_PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]


def test_the_build_entry_module_starts_the_full_app(monkeypatch):
    started = []
    monkeypatch.setattr(ft, "run", lambda main, **kwargs: started.append((main, kwargs)))
    namespace = runpy.run_module("infocards.ui.entry", run_name="__main__")
    assert len(started) == 1
    main, kwargs = started[0]
    assert main is namespace["main"]  # the patient app, not the reader-only one
    assert Path(kwargs["assets_dir"]).is_dir()


def test_prepared_copies_are_what_an_app_packaged_from_src_finds(tmp_path):
    checkout = tmp_path / "checkout"
    for name in ("content", "assets", "scripts", "src"):
        shutil.copytree(ROOT / name, checkout / name, ignore=shutil.ignore_patterns("__pycache__", "_content",
                                                                                   "_assets"))
    shutil.copy(ROOT / "flet.toml", checkout / "flet.toml")
    out = subprocess.run([str(checkout / "scripts" / "prepare-phone-build.sh")], capture_output=True, text=True,
                         check=True)
    assert "copied" in out.stdout
    # What `flet build` packages: src/ alone, without the rest of the checkout.
    phone = tmp_path / "phone"
    shutil.copytree(checkout / "src", phone)
    probe = ("import infocards.config as c, json; s = c.load_settings();"
             "print(json.dumps([str(c.content_root()), str(c.config_path()), [str(p) for p in s.packs]]))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(phone), "HOME": str(tmp_path)})
    content_root, config_path, packs = json.loads(result.stdout)
    assert Path(content_root) == phone / "infocards" / "_content"
    assert Path(config_path) == phone / "infocards" / "_flet.toml"
    assert packs and all(Path(p).is_relative_to(phone) and (Path(p) / "da").is_dir() for p in packs)
    cleaned = subprocess.run([str(checkout / "scripts" / "prepare-phone-build.sh"), "--clean"],
                             capture_output=True, text=True, check=True)
    assert "removed" in cleaned.stdout
    assert not (checkout / "src" / "infocards" / "_content").exists()


def _ids(wallet: Wallet) -> list[str]:
    return [record["id"] for record in wallet.records()]


def test_the_phones_own_backup_brings_back_an_older_wallet_and_its_counter(tmp_path, monkeypatch, wallet_cheap_kdf):
    # On a phone the wallet and the save counter's state folder are both in Flet's app storage, so a
    # backup of the app's data (Android's automatic backup, an iPhone backup) holds them together.
    storage = tmp_path / "app-storage"
    monkeypatch.delenv("INFOCARDS_STATE_DIR")
    monkeypatch.setenv("FLET_APP_STORAGE_DATA", str(storage))
    path = default_wallet_path()
    assert path.parent == storage and savecount.state_folder().is_relative_to(storage)
    wallet, _ = Wallet.create(path, WALLET_PASSPHRASE, kdf=wallet_cheap_kdf)
    wallet.add({"id": "n1", "type": "note", "date": "2026-12-01", "text": "before the backup"})
    wallet.close()
    with Wallet.open(path, WALLET_PASSPHRASE) as opened:
        saved_at_backup = opened.last_saved
    backup = tmp_path / "phone-backup"
    shutil.copytree(storage, backup)
    with Wallet.open(path, WALLET_PASSPHRASE) as wallet:
        wallet.add({"id": "n2", "type": "note", "date": "2026-12-02", "text": "after the backup"})

    # The phone restored whole: the older wallet opens without the older-copy warning, because the
    # counter came back from the same backup; the unlock's "last saved" time is what shows it.
    shutil.rmtree(storage)
    shutil.copytree(backup, storage)
    with Wallet.open(path, WALLET_PASSPHRASE) as restored:
        assert _ids(restored) == ["n1"]
        assert restored.older_than is None
        assert restored.last_saved == saved_at_backup

        restored.add({"id": "n3", "type": "note", "date": "2026-12-03", "text": "on the restored phone"})
    # The backup's wallet file alone put over a wallet this phone saved later: the counter warns.
    shutil.copyfile(backup / path.name, path)
    with Wallet.open(path, WALLET_PASSPHRASE) as older:
        assert _ids(older) == ["n1"]
        assert older.older_than is not None
