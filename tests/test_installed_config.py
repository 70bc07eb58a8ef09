"""A municipality's pack in flet.toml reaches a non-editable install through INFOCARDS_CONFIG.

`pip install .` copies flet.toml and content/ into the package (pyproject's force-include), so an
installed app reads its own copy, not the checkout's flet.toml. This test lays out the package the
way that table says (a real `pip install .` into a fresh venv takes minutes) and runs the config
lookup and the card library in a fresh interpreter that imports that copy.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUNICIPALITY = ROOT / "tests" / "fixtures" / "packs" / "municipality"

PROBE = """
import json, infocards
from infocards.config import config_path, load_settings
from infocards.content.library import Library
settings = load_settings()
library = Library.load(settings.packs)
print(json.dumps({"package": infocards.__file__, "config": str(config_path()),
                  "packs": [str(p) for p in settings.packs], "ids": sorted(library.ids())}))
"""


def _installed_copy(site: Path) -> Path:
    """The package as the wheel holds it: src/infocards plus pyproject's force-included folders."""
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package = site / "infocards"
    shutil.copytree(ROOT / "src" / "infocards", package, ignore=shutil.ignore_patterns("__pycache__"))
    for source, target in build["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"].items():
        destination = site / target
        if (ROOT / source).is_dir():
            shutil.copytree(ROOT / source, destination)
        else:
            shutil.copy2(ROOT / source, destination)
    return package


def _probe(site: Path, cwd: Path, config: Path | None) -> dict:
    env = {"PYTHONPATH": str(site), "HOME": str(cwd), "PATH": "/usr/bin:/bin"}
    if config is not None:
        env["INFOCARDS_CONFIG"] = str(config)
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout)


def test_infocards_config_brings_a_municipal_pack_to_an_installed_app(tmp_path):
    site = tmp_path / "site-packages"
    package = _installed_copy(site)
    # The deployment: a copy of the repository's flet.toml, the municipality's pack added after the
    # national one as a path relative to that flet.toml (as the README says).
    deployment = tmp_path / "deployment"
    shutil.copytree(MUNICIPALITY, deployment / "content" / "municipalities" / "yourtown")
    settings = (ROOT / "flet.toml").read_text(encoding="utf-8")
    assert 'packs = ["national"]' in settings
    (deployment / "flet.toml").write_text(
        settings.replace('packs = ["national"]', 'packs = ["national", "content/municipalities/yourtown"]'),
        encoding="utf-8")

    plain = _probe(site, tmp_path, config=None)
    assert plain["package"] == str(package / "__init__.py")  # the copy, not the checkout
    assert plain["config"] == str(package / "_flet.toml")  # its own copy: the checkout's is not read
    assert "local-rehab" not in plain["ids"]

    configured = _probe(site, tmp_path, config=deployment / "flet.toml")
    assert configured["config"] == str(deployment / "flet.toml")
    assert configured["packs"] == [str(package / "_content" / "national"),
                                   str(deployment / "content" / "municipalities" / "yourtown")]
    assert "local-rehab" in configured["ids"]  # the municipality's own card
