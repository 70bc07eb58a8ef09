"""What a phone build runs and packages: the entry module starts the app, and the copies that
scripts/prepare-phone-build.sh makes are where the app looks for its cards and settings.

`flet build` itself downloads the Flutter SDK and cannot run here (README, "Build for phones")."""

from __future__ import annotations

import json
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import flet as ft

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
