"""What `flet build apk|ipa` would install is buildable: every package in the phone closure is pure
Python or on Flet's mobile index at a version our ranges allow.

How a Flet build resolves (read in flet-cli 1.0.5's build_base.py and serious_python's
package_command.dart and sitecustomize.dart): it takes [project].dependencies (never the extras)
plus [tool.flet.<android|ios>].dependencies, and runs pip on the build machine with
`--only-binary :all:`, PyPI plus Flet's mobile index, and a sitecustomize that makes
platform.system() answer "Android" or "iOS" and fakes the wheel tag. sys.platform and
platform.machine() are left as the build machine's. So markers are evaluated here with
platform_system set to the phone's and everything else as this machine reports it.

Why a walk over importlib.metadata and not `pip install --dry-run --report`: pip cannot be told
that platform.system() is "Android" without running it under such a sitecustomize, and it would
then need the network (the mobile index, PyPI) to resolve; this test must run offline, the same
every time. The walk reads the requirements of the packages installed here for the pure-Python
ones. A binary package is a different matter: the phone gets the version on the mobile index,
whose requirements can differ from the desktop version installed here (cryptography 50 wants
cffi>=2, the phone's 43.0.1 wants cffi>=1.12), so those come from MOBILE_REQUIRES below, copied
from the metadata of the same versions' wheels on PyPI.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"

# Flet's documentation page "Built-in binary Python packages for Android and iOS"
# (docs.flet.dev/contributing/binary-packages-android-ios and its successor under /reference/),
# copied on 2026-12-01: package -> the versions built for Android and iOS.
MOBILE_INDEX_COPIED = "2026-12-01"
MOBILE_INDEX = {
    "aiohttp": ["3.9.5"],
    "argon2-cffi-bindings": ["21.2.0"],
    "bcrypt": ["4.2.0"],
    "bitarray": ["2.9.2", "3.6.1"],
    "blis": ["1.0.0"],
    "brotli": ["1.1.0"],
    "cffi": ["1.17.1"],
    "contourpy": ["1.3.0", "1.3.1"],
    "cryptography": ["43.0.1"],
    "fiona": ["1.10.1"],
    "gdal": ["3.10.0"],
    "google-crc32c": ["1.6.0"],
    "grpcio": ["1.67.1"],
    "jq": ["1.8.0"],
    "kiwisolver": ["1.4.7"],
    "lru-dict": ["1.3.0"],
    "lxml": ["5.3.0"],
    "markupsafe": ["2.1.5"],
    "matplotlib": ["3.9.2"],
    "msgpack": ["1.1.0"],
    "msgspec": ["0.18.6"],
    "numpy": ["1.26.4", "2.1.1"],
    "opaque": ["0.2.0"],
    "opencv-python": ["4.10.0.84"],
    "pandas": ["2.2.2"],
    "pendulum": ["3.0.0"],
    "pillow": ["10.4.0"],
    "protobuf": ["5.28.3"],
    "pycryptodome": ["3.21.0"],
    "pycryptodomex": ["3.21.0"],
    "pydantic-core": ["2.23.3"],
    "pynacl": ["1.5.0"],
    "pyogrio": ["0.10.0"],
    "pyproj": ["3.7.0"],
    "pysodium": ["0.7.18"],
    "pyyaml": ["6.0.2"],
    "regex": ["2024.11.6"],
    "ruamel-yaml-clib": ["0.2.12"],
    "shapely": ["2.0.6"],
    "sqlalchemy": ["2.0.36"],
    "time-machine": ["2.16.0"],
    "websockets": ["13.0.1"],
    "yarl": ["1.11.1"],
    "zstandard": ["0.23.0"],
}
# The requirements of the mobile versions we reach, from those versions' own metadata.
MOBILE_REQUIRES = {
    ("cryptography", "43.0.1"): ["cffi>=1.12; platform_python_implementation != 'PyPy'"],
    ("argon2-cffi-bindings", "21.2.0"): ["cffi>=1.0.1"],
    ("cffi", "1.17.1"): ["pycparser"],
    ("opencv-python", "4.10.0.84"): [
        "numpy>=1.21.2; python_version >= '3.10'",
        "numpy>=1.23.5; python_version >= '3.11'",
        "numpy>=1.26.0; python_version >= '3.12'",
    ],
    ("numpy", "2.1.1"): [],
    ("numpy", "1.26.4"): [],
    ("pillow", "10.4.0"): [],
    ("pyyaml", "6.0.2"): [],
    ("msgpack", "1.1.0"): [],
}
PHONES = ("Android", "iOS")
NATIVE_SUFFIXES = (".so", ".pyd", ".dylib", ".dll")


def _project() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))


def _build_requirements(system: str) -> list[Requirement]:
    """What flet build hands pip: [project].dependencies plus [tool.flet.<platform>].dependencies."""
    data = _project()
    names = list(data["project"]["dependencies"])
    config = {"Android": "android", "iOS": "ios"}.get(system)
    if config:
        names += data.get("tool", {}).get("flet", {}).get(config, {}).get("dependencies", [])
    return [Requirement(name) for name in names]


def _applies(requirement: Requirement, env: dict, extras: frozenset[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({**env, "extra": extra}) for extra in extras | {""})


def _is_pure(dist: metadata.Distribution) -> bool:
    return not any(str(path).endswith(NATIVE_SUFFIXES) for path in dist.files or ())


def _mobile_version(name: str, specifier: SpecifierSet) -> str | None:
    allowed = [v for v in MOBILE_INDEX[name] if Version(v) in specifier]
    return max(allowed, key=Version) if allowed else None


def closure(system: str, requirements: list[Requirement] | None = None) -> tuple[dict[str, SpecifierSet], list[str]]:
    """(name -> every specifier met on the way, problems) for a build whose platform.system() is `system`.

    requirements: what the build hands pip; by default what pyproject.toml gives flet build.
    """
    if requirements is None:
        requirements = _build_requirements(system)
    env = dict(default_environment())
    env["platform_system"] = system  # what serious_python's sitecustomize changes; nothing else
    specifiers: dict[str, SpecifierSet] = defaultdict(SpecifierSet)
    problems: list[str] = []
    pending = [(req, "pyproject.toml") for req in requirements if _applies(req, env, frozenset())]
    walked: set[tuple[str, frozenset[str]]] = set()
    while pending:
        requirement, wanted_by = pending.pop()
        name = canonicalize_name(requirement.name)
        specifiers[name] &= requirement.specifier
        extras = frozenset(requirement.extras)
        if (name, extras) in walked:
            continue
        walked.add((name, extras))
        if name in MOBILE_INDEX:
            version = _mobile_version(name, specifiers[name])
            if version is None:
                continue  # reported below, once every range for it is known
            children = MOBILE_REQUIRES.get((name, version))
            if children is None:
                problems.append(f"{name} {version}: its requirements are not in MOBILE_REQUIRES; copy them")
                continue
            requires = [Requirement(text) for text in children]
        else:
            try:
                dist = metadata.distribution(name)
            except metadata.PackageNotFoundError:
                problems.append(f"{name} (wanted by {wanted_by}) is not installed here: cannot tell if it is pure")
                continue
            if not _is_pure(dist):
                problems.append(f"{name} (wanted by {wanted_by}) has native code and no wheel on Flet's mobile index")
                continue
            requires = [Requirement(text) for text in dist.requires or ()]
        pending += [(child, name) for child in requires if _applies(child, env, extras)]
    for name, specifier in specifiers.items():
        if name in MOBILE_INDEX and _mobile_version(name, specifier) is None:
            problems.append(f"{name}{specifier} allows none of the mobile index's versions {MOBILE_INDEX[name]}")
    return dict(specifiers), problems


@pytest.mark.parametrize("system", PHONES)
def test_the_phone_closure_is_buildable(system):
    names, problems = closure(system)
    assert problems == []
    # What the app needs is there, resolved the way the phone gets it.
    for needed in ("flet", "flet-camera", "cryptography", "argon2-cffi-bindings", "opencv-python", "numpy", "pillow"):
        assert needed in names
    assert _mobile_version("cryptography", names["cryptography"]) == "43.0.1"


@pytest.mark.parametrize("system", PHONES)
def test_desktop_only_pieces_stay_out_of_a_phone_build(system):
    names, _ = closure(system)
    for desktop_only in ("flet-web", "uvicorn", "uvloop", "httptools", "watchfiles", "zxing-cpp", "nh3"):
        assert desktop_only not in names
    assert "opencv-python-headless" not in names  # not on the mobile index; the phone gets opencv-python


def test_a_computer_keeps_the_web_server_and_headless_opencv():
    # The README's `pip install .` then `infocards web` needs flet-web on a computer.
    names, _ = closure("Linux")
    assert {"flet-web", "uvicorn", "opencv-python-headless"} <= set(names)
    assert "opencv-python" not in names


def test_the_check_catches_what_phones_cannot_install():
    # The runtime dependencies before this change, and a marker that looks right but is not.
    before = [
        "flet==1.0.5",
        "flet-web==1.0.5",
        "cryptography>=44",
        "nh3>=0.2.17",
        "zxing-cpp>=2.2",
        "pillow>=10.0",
        "uvloop; sys_platform != 'android'",  # sys_platform stays the build machine's
    ]
    _, problems = closure("Android", [Requirement(text) for text in before])
    said = "\n".join(problems)
    for name in ("cryptography>=44", "nh3", "zxing-cpp", "uvloop", "httptools", "watchfiles"):
        assert name in said


def test_the_mobile_list_is_dated_data():
    assert MOBILE_INDEX_COPIED == "2026-12-01"
    assert all(canonicalize_name(name) == name for name in MOBILE_INDEX)
    for (name, version), _ in MOBILE_REQUIRES.items():
        assert version in MOBILE_INDEX[name]
