"""Reads the deployment settings in flet.toml (packs, language, municipality, lock and share times)."""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from infocards.errors import ConfigError, ReaderUrlError

__all__ = [
    "READER_URL_ENV",
    "Settings",
    "assets_root",
    "check_reader_url",
    "config_path",
    "content_root",
    "load_settings",
    "resolve_pack",
]

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_ROOT = _PACKAGE_DIR.parent.parent  # src/infocards -> the repository, in a checkout
# share.issue.MAX_LIFETIME (30 days) in minutes; config cannot import share, which imports config.
# tests/reader/test_expiry.py checks the two agree.
_SHARE_EXPIRY_MAX_MINUTES = 30 * 24 * 60
READER_URL_ENV = "INFOCARDS_READER_URL"
_READER_URL_MAX = 100
# https://HOST[:PORT]/PATH; http only to this machine, for testing. No user-info (an `@` before
# the path is no host), no query, no fragment: the fragment is the code's.
_READER_URL = re.compile(
    r"(?P<scheme>https?)://(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(?P<port>[0-9]{1,5}))?(?P<path>/[!-~]*)",
    re.IGNORECASE | re.ASCII,
)
_TEST_HOSTS = ("localhost", "127.0.0.1")


@dataclass(frozen=True)
class Settings:
    packs: tuple[Path, ...]
    default_language: str = "da"
    municipality: str = ""
    region: str = ""
    auto_lock_minutes: float = 5.0
    share_expiry_minutes: float = 30.0
    share_display_seconds: float = 120.0
    reader_url: str = ""  # where codes link to ([share] reader_url, INFOCARDS_READER_URL); "" = no links
    source: Path | None = field(default=None, compare=False)


def content_root() -> Path:
    """The folder holding the national pack: the packaged copy, else the checkout's content/."""
    packaged = _PACKAGE_DIR / "_content"
    if packaged.is_dir():
        return packaged
    return _CHECKOUT_ROOT / "content"


def assets_root() -> Path:
    """The app's assets (icon, images): the packaged copy, else the checkout's assets/."""
    packaged = _PACKAGE_DIR / "_assets"
    if packaged.is_dir():
        return packaged
    return _CHECKOUT_ROOT / "assets"


def config_path() -> Path:
    """INFOCARDS_CONFIG if set, else the checkout's flet.toml, else the copy inside the package."""
    chosen = os.environ.get("INFOCARDS_CONFIG")
    if chosen:
        return Path(chosen)
    checkout = _CHECKOUT_ROOT / "flet.toml"
    if checkout.is_file() and (_CHECKOUT_ROOT / "pyproject.toml").is_file():
        return checkout
    return _PACKAGE_DIR / "_flet.toml"


def resolve_pack(name: str, base: Path | None = None) -> Path:
    """A pack name found in the content root wins; anything else is a path (relative to base)."""
    candidate = content_root() / name
    if candidate.is_dir():
        return candidate
    path = Path(name).expanduser()
    if not path.is_absolute() and base is not None:
        path = base / path
    return path


def _number(section: dict, key: str, default: float, path: Path, minimum: float, maximum: float = math.inf) -> float:
    value = section.get(key, default)
    # `not minimum <= value <= maximum` also refuses nan; TOML's inf is refused even without a maximum
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not minimum <= value <= maximum
    ):
        within = f"at least {minimum:g}" if maximum == math.inf else f"from {minimum:g} to {maximum:g}"
        raise ConfigError(path=str(path), detail=f"{key} must be a finite number {within}")
    return float(value)


def _region(value: object, path: Path) -> str:
    """`[app] region` as a region id ("Region Syddanmark" -> "syddanmark"); "" when not set."""
    from infocards.regions import REGIONS, normalize_region  # a table; imports nothing back

    if not isinstance(value, str):
        raise ConfigError(path=str(path), detail="[app] region must be text, e.g. \"Syddanmark\"")
    try:
        return normalize_region(value) or ""
    except ValueError:
        shown = value if len(value) <= 40 else value[:39] + "\u2026"
        known = ", ".join(REGIONS)
        raise ConfigError(path=str(path), detail=f"[app] region {shown!r} is not a Danish region ({known})") from None


def check_reader_url(value: object) -> bool:
    """Whether `value` is a reader address codes may link to: `https://HOST[:PORT]/PATH`, or
    `http://localhost[:PORT]/...` / `http://127.0.0.1[:PORT]/...` for testing; printable ASCII, no
    space, user-info, query or `#`, at most 100 characters."""
    if not isinstance(value, str) or len(value) > _READER_URL_MAX:
        return False
    match = _READER_URL.fullmatch(value)
    if match is None or "?" in match["path"] or "#" in match["path"]:
        return False
    if match["port"] is not None and not 1 <= int(match["port"]) <= 65535:
        return False
    if any(not label.strip("-") or label != label.strip("-") for label in match["host"].split(".")):
        return False
    return match["scheme"].lower() == "https" or match["host"].lower() in _TEST_HOSTS


def _reader_url(share: dict, path: Path) -> str:
    """The reader's address: INFOCARDS_READER_URL when set (even empty), else [share] reader_url."""
    if READER_URL_ENV in os.environ:
        value, where = os.environ[READER_URL_ENV], READER_URL_ENV
    else:
        value, where = share.get("reader_url", ""), f"[share] reader_url ({path})"
    if value == "":
        return ""
    if not check_reader_url(value):
        raise ReaderUrlError(where=where)
    return value


def load_settings(path: Path | None = None) -> Settings:
    """Read and check flet.toml; raise ConfigError with the file and the problem."""
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(path=str(path), detail="file not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(path=str(path), detail=str(exc)) from None
    content = data.get("content", {})
    app = data.get("app", {})
    wallet = data.get("wallet", {})
    share = data.get("share", {})
    packs = content.get("packs", ["national"])
    if not isinstance(packs, list) or not all(isinstance(p, str) and p for p in packs):
        raise ConfigError(path=str(path), detail="[content] packs must be a list of names or paths")
    language = app.get("default_language", "da")
    if language not in ("da", "en"):
        raise ConfigError(path=str(path), detail='default_language must be "da" or "en"')
    base = path.parent
    return Settings(
        packs=tuple(resolve_pack(p, base) for p in packs),
        default_language=language,
        municipality=str(app.get("municipality", "")),
        region=_region(app.get("region", ""), path),
        auto_lock_minutes=_number(wallet, "auto_lock_minutes", 5, path, 0.1),
        share_expiry_minutes=_number(share, "expiry_minutes", 30, path, 0.01, _SHARE_EXPIRY_MAX_MINUTES),
        share_display_seconds=_number(share, "display_seconds", 120, path, 1),
        reader_url=_reader_url(share, path),
        source=path,
    )
