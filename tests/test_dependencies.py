"""What `flet build apk|ipa` would install is buildable: every package in the phone closure is pure
Python or on Flet's mobile index at a version our ranges allow.

How a Flet build resolves (read in flet-cli 1.0.5's build_base.py and serious_python's
package_command.dart and sitecustomize.dart): it takes [project].dependencies (never the extras)
plus [tool.flet.<android|ios>].dependencies, and runs pip on the build machine with
`--only-binary :all:`, PyPI plus Flet's mobile index, and a sitecustomize that makes
platform.system() answer "Android" or "iOS" and fakes the wheel tag. sys.platform and
platform.machine() are left as the build machine's. That pip runs under a CPython of the version
the app bundles (serious_python 4.5's package_command.dart downloads it as build_python_<version>),
so python_version is the phone's. Markers are evaluated here with platform_system and the Python
version set to the phone build's and everything else as this machine reports it.

Which Python the build bundles is flet-cli's choice, replicated in build_python() below, and a
binary wheel on the mobile index fits one Python only (see MOBILE_WHEEL_PYTHONS), so the closure
picks, for each binary package, the highest version our ranges allow that has a wheel for it.

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

import platform
import tomllib
from collections import defaultdict
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
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
# Which Python each mobile wheel we reach was built for, copied on 2026-12-07 from the build
# metadata of github.com/flet-dev/mobile-forge, the project that builds every wheel on Flet's index
# (the index itself, pypi.flet.dev, was not reachable from where this was written):
# - every version below was built, and published, only while its CI built on Python 3.12: the
#   2024 .appveyor.yml (PYTHON_VERSION 3.12.4, e.g. opencv-python 4.10.0.84 with numpy 2.0.0), then
#   .github/workflows/build-wheels.yml on the python3.12 branch (UV_PYTHON "3.12.12", published on
#   a push to refs/heads/python3.12), as the recipes stood at commit ec8d184 (2026-06-03);
# - commit e4e0d28 (2026-06-08) moved the recipes to new versions (numpy 2.4.6, pillow 12.2.0,
#   PyYAML 6.0.3, argon2-cffi-bindings 25.1.0, cffi 2.0.0, msgpack 1.1.2, opencv-python 4.12, now
#   5.0.0.93) before commit 518c0ad (2026-06-11) first built for 3.13 and 3.14, so none of the
#   versions below was built for those;
# - recipes/cryptography/meta.yaml keeps 43.0.1 below 3.14 only ("pins pyo3 0.22.2 which
#   hard-stops at Python 3.13") and builds 48.0.0 for 3.14. A 43.0.1 wheel for 3.13 may exist
#   (built after 518c0ad); that is not confirmed, so it is not listed;
# - an abi3 tag does not help: mobile-forge's .claude/skills/local-recipe-testing/SKILL.md says
#   the Android .so links libpythonX.Y.so, so a wheel only loads on the Python it was built on.
MOBILE_WHEELS_COPIED = "2026-12-07"
MOBILE_WHEEL_PYTHONS = {
    ("cryptography", "43.0.1"): {"3.12"},
    ("argon2-cffi-bindings", "21.2.0"): {"3.12"},
    ("cffi", "1.17.1"): {"3.12"},
    ("opencv-python", "4.10.0.84"): {"3.12"},
    ("numpy", "2.1.1"): {"3.12"},
    ("numpy", "1.26.4"): {"3.12"},
    ("pillow", "10.4.0"): {"3.12"},
    ("pyyaml", "6.0.2"): {"3.12"},
    ("msgpack", "1.1.0"): {"3.12"},
}

# The Pythons flet-cli 1.0.5 can bundle: short version -> CPython release, from the manifest.json of
# github.com/flet-dev/python-build (the same three rows, none a pre-release, default 3.14, in
# every release tag from 20260614 to 20260730, the newest that could be read; flet-cli 1.0.5 pins
# release 20260921, whose manifest could not be fetched from here). Copied on 2026-12-07.
BUNDLED_PYTHONS = {"3.12": "3.12.13", "3.13": "3.13.14", "3.14": "3.14.6"}
BUNDLED_DEFAULT = "3.14"


def build_python(requires_python: str | None, cli_arg: str | None = None) -> str:
    """The Python `flet build` bundles, as flet-cli 1.0.5 decides it.

    Replicates flet_cli/utils/python_versions.py, resolve_python_version(), which build_base.py calls
    with `--python-version` and pyproject.toml: the flag wins; else [project].requires-python, read as
    a PEP 440 specifier, gives the highest release whose full version it contains (an unparsable one
    is ignored; one that matches nothing stops the build); else the manifest's default. Flet's
    documentation ("Choosing a Python version") describes the same order. There is no [tool.flet] key
    for it, and flet-cli sets SERIOUS_PYTHON_VERSION itself from this answer.
    """
    if cli_arg:
        if cli_arg not in BUNDLED_PYTHONS:
            raise ValueError(f"flet build stops: unsupported Python version {cli_arg!r}")
        return cli_arg
    if requires_python and requires_python.strip():
        try:
            spec = SpecifierSet(requires_python)
        except InvalidSpecifier:
            return BUNDLED_DEFAULT
        matching = [short for short, full in BUNDLED_PYTHONS.items() if Version(full) in spec]
        if not matching:
            raise ValueError(f"flet build stops: requires-python {requires_python!r} matches none of "
                             f"{', '.join(BUNDLED_PYTHONS)}")
        return max(matching, key=lambda short: Version(BUNDLED_PYTHONS[short]))
    return BUNDLED_DEFAULT


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


def _mobile_version(name: str, specifier: SpecifierSet, python: str) -> str | None:
    """The version pip takes from the mobile index: the highest allowed one with a wheel for `python`."""
    allowed = [v for v in MOBILE_INDEX[name]
               if Version(v) in specifier and python in MOBILE_WHEEL_PYTHONS.get((name, v), ())]
    return max(allowed, key=Version) if allowed else None


def _pinned_python() -> str:
    return build_python(_project()["project"].get("requires-python"))


def closure(system: str, requirements: list[Requirement] | None = None,
            python: str | None = None) -> tuple[dict[str, SpecifierSet], list[str]]:
    """(name -> every specifier met on the way, problems) for a build whose platform.system() is `system`.

    requirements: what the build hands pip; by default what pyproject.toml gives flet build.
    python: the bundled Python ("3.12"); by default what flet build takes from pyproject.toml.
    """
    if requirements is None:
        requirements = _build_requirements(system)
    if python is None:
        python = _pinned_python()
    env = dict(default_environment())
    env["platform_system"] = system  # what serious_python's sitecustomize changes
    if system in PHONES:  # pip runs under the bundled Python; a computer's install runs under this one
        env["python_version"] = python
        env["python_full_version"] = BUNDLED_PYTHONS[python]
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
            version = _mobile_version(name, specifiers[name], python)
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
        if name not in MOBILE_INDEX or _mobile_version(name, specifier, python) is not None:
            continue
        allowed = [v for v in MOBILE_INDEX[name] if Version(v) in specifier]
        if allowed:
            problems.append(f"{name}{specifier}: no wheel for Python {python} among the allowed {allowed}")
        else:
            problems.append(f"{name}{specifier} allows none of the mobile index's versions {MOBILE_INDEX[name]}")
    return dict(specifiers), problems


@pytest.mark.parametrize("system", PHONES)
def test_the_phone_closure_is_buildable(system):
    names, problems = closure(system)
    assert problems == []
    # What the app needs is there, resolved the way the phone gets it.
    for needed in ("flet", "flet-camera", "cryptography", "argon2-cffi-bindings", "opencv-python", "numpy", "pillow"):
        assert needed in names
    assert _mobile_version("cryptography", names["cryptography"], "3.12") == "43.0.1"


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
    assert MOBILE_WHEELS_COPIED == "2026-12-07"
    assert all(canonicalize_name(name) == name for name in MOBILE_INDEX)
    for (name, version), _ in MOBILE_REQUIRES.items():
        assert version in MOBILE_INDEX[name]
    for (name, version), pythons in MOBILE_WHEEL_PYTHONS.items():
        assert version in MOBILE_INDEX[name]
        assert pythons and pythons <= set(BUNDLED_PYTHONS)
    assert BUNDLED_DEFAULT in BUNDLED_PYTHONS


def test_the_phone_build_bundles_python_3_12_and_a_computer_keeps_3_11():
    requires = _project()["project"]["requires-python"]
    assert build_python(requires) == "3.12"
    # pip on a computer reads the same range: this machine's Python and 3.11 must stay installable.
    assert Version(platform.python_version()) in SpecifierSet(requires)
    assert Version("3.11.0") in SpecifierSet(requires)


@pytest.mark.parametrize("system", PHONES)
def test_the_bundled_python_has_a_wheel_for_every_binary_package_of_the_phone(system):
    python = _pinned_python()
    names, problems = closure(system)
    assert problems == []
    binary = {name: _mobile_version(name, specifier, python) for name, specifier in names.items()
              if name in MOBILE_INDEX}
    assert binary == {"cryptography": "43.0.1", "argon2-cffi-bindings": "21.2.0", "cffi": "1.17.1",
                      "opencv-python": "4.10.0.84", "numpy": "2.1.1", "pillow": "10.4.0", "pyyaml": "6.0.2",
                      "msgpack": "1.1.0"}
    for name, version in binary.items():
        assert python in MOBILE_WHEEL_PYTHONS[(name, version)]


@pytest.mark.parametrize(("requires", "cli_arg", "bundled"), [
    # The examples in Flet's documentation, "Choosing a Python version" and the 0.86 guide
    # "Default bundled Python version is now 3.14".
    (">=3.13,<3.14", None, "3.13"),
    (">=3.13", None, "3.14"),
    (">=3.12,<3.13", None, "3.12"),
    (">=3.14", None, "3.14"),
    (None, None, "3.14"),          # neither: the manifest's default
    (">=3.11", "3.13", "3.13"),    # --python-version wins over pyproject.toml
    ("not a specifier", None, "3.14"),
])
def test_the_build_python_rule_follows_flet_cli(requires, cli_arg, bundled):
    assert build_python(requires, cli_arg) == bundled


@pytest.mark.parametrize(("requires", "cli_arg"), [(">=3.20", None), (">=3.11", "3.11")])
def test_a_python_flet_cannot_bundle_stops_the_build(requires, cli_arg):
    with pytest.raises(ValueError, match="flet build stops"):
        build_python(requires, cli_arg)


def test_without_the_upper_bound_the_build_takes_3_14_and_misses_our_wheels():
    # requires-python was ">=3.11" before the pin: flet build took 3.14, for which none of the
    # tested wheels exists (and cryptography 43.0.1 cannot be built).
    python = build_python(">=3.11")
    assert python == "3.14"
    _, problems = closure("Android", python=python)
    for name in ("cryptography", "argon2-cffi-bindings", "opencv-python", "numpy", "pillow", "pyyaml", "msgpack"):
        assert any(line.startswith(name) and "no wheel for Python 3.14" in line for line in problems), name
