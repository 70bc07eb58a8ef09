"""Shared pytest fixtures; each area appends its own section."""

# -- wallet ------------------------------------------------------------------------------------
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

WALLET_FIXTURES = Path(__file__).parent / "fixtures" / "wallets"
WALLET_PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def wallet_state_folder(tmp_path, monkeypatch):
    """Each test's own folder for the device's save counters (never the real user state)."""
    folder = tmp_path / "device-state"
    monkeypatch.setenv("INFOCARDS_STATE_DIR", str(folder))
    # The app's own data folder (the wallet's default place, and the patient's preferences beside
    # it) is the test's too: a developer's real answers never change what a test sees.
    monkeypatch.setenv("FLET_APP_STORAGE_DATA", str(tmp_path / "device-data"))
    # A deployment's reader address in the developer's shell would turn every code made in the
    # tests into a link; the tests of links set it themselves.
    monkeypatch.delenv("INFOCARDS_READER_URL", raising=False)
    return folder


@pytest.fixture
def cli(wallet_cli):
    """cli(*args, input=None, env=None, passphrase=...) -> CompletedProcess of the real `infocards`;
    the passphrase comes from the environment (None: none given)."""

    def run(*args, input=None, env=None, passphrase=WALLET_PASSPHRASE):
        extra = {"INFOCARDS_PASSPHRASE": passphrase} if passphrase else {}
        return subprocess.run(
            [*wallet_cli.program, *map(str, args)],
            env={**wallet_cli.env, **extra, **(env or {})},
            capture_output=True,
            text=True,
            timeout=90,
            input=input if input is not None else "",
        )

    return run


@pytest.fixture
def wallet_cheap_kdf():
    """Argon2's minimum costs: fast tests. Product paths always use DEFAULT_KDF."""
    from infocards.sealed import KdfParams

    return KdfParams(memory_kib=64, iterations=1, lanes=1)


@pytest.fixture
def wallet_reference_course() -> dict:
    return json.loads((WALLET_FIXTURES / "reference-course.json").read_text(encoding="utf-8"))


@pytest.fixture
def wallet_factory(tmp_path, wallet_cheap_kdf):
    """make(name=..., records=..., profile=...) -> (open Wallet, recovery code); closed afterwards."""
    from infocards.wallet import Wallet

    opened = []

    def make(name="wallet.icw", passphrase=WALLET_PASSPHRASE, records=(), profile=None):
        wallet, code = Wallet.create(tmp_path / name, passphrase, profile=profile, kdf=wallet_cheap_kdf)
        for record in records:
            wallet.add(record)
        opened.append(wallet)
        return wallet, code

    yield make
    for wallet in opened:
        wallet.close()


@pytest.fixture
def wallet_cli(tmp_path):
    """Run the real `infocards` command: run(*args, env={...}) -> CompletedProcess (text)."""
    import subprocess

    exe = Path(sys.executable).with_name("infocards")
    program = [str(exe)] if exe.exists() else ["infocards"]
    base = {k: v for k, v in os.environ.items() if not k.startswith(("INFOCARDS_", "LC_", "LANG"))}
    base.update({"INFOCARDS_LANG": "en", "HOME": str(tmp_path / "home")})

    def run(*args, env=None, timeout=60):
        return subprocess.run(
            [*program, *map(str, args)],
            env={**base, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )

    run.program = program
    run.env = base
    return run


# -- content -----------------------------------------------------------------------------------
CONTENT_PACKS = Path(__file__).parent / "fixtures" / "packs"


@pytest.fixture
def content_packs() -> Path:
    """tests/fixtures/packs: clean, municipality, municipality-unflagged, broken, bad pack.yaml."""
    return CONTENT_PACKS


@pytest.fixture
def content_today():
    """A fixed 'today' for the checker, so review dates do not age the tests."""
    from datetime import date

    return date(2026, 11, 27)


def content_card_text(body: str = "Tekst.\n", **fields) -> str:
    """A card file: the given front-matter fields (YAML-formatted by the caller) over the body."""
    defaults = {
        "id": "test-card",
        "title": "Testkort",
        "category": "diagnosis",
        "lang": "da",
        "summary": "Et kort til test.",
        "sources": "\n  - title: Sundhedsstyrelsen\n    url: https://www.sst.dk/",
        "reviewed": "2026-06-01",
    }
    defaults.update(fields)
    lines = [f"{key}: {value}" for key, value in defaults.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


@pytest.fixture
def content_pack(tmp_path):
    """make(name, cards={filename: text}, kind=...) -> a pack folder under a fresh tmp_path."""

    def make(name="pack", cards=None, kind="national", region=""):
        root = tmp_path / name
        root.mkdir()
        (root / "pack.yaml").write_text(
            f'name: {name}\nkind: {kind}\nregion: "{region}"\npublisher: tests\ncontact: https://example.org\n',
            encoding="utf-8",
        )
        for filename, text in (cards or {}).items():
            path = root / filename
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


@pytest.fixture
def content_card():
    """content_card(body=..., **fields) -> the text of a card file (see content_card_text)."""
    return content_card_text


# -- share -------------------------------------------------------------------------------------


@pytest.fixture
def share_course(wallet_reference_course) -> dict:
    """The reference course (profile and records), as the codec tests use it."""
    return wallet_reference_course


@pytest.fixture
def share_seed() -> bytes:
    """A fresh Ed25519 seed, as the wallet would hold one."""
    return os.urandom(32)


@pytest.fixture
def share_wallet(tmp_path, wallet_cheap_kdf, wallet_reference_course):
    """make(records=..., profile=...) -> path of a closed wallet (cheap KDF) the CLI can open."""
    from infocards.wallet import Wallet

    def make(records=None, profile=None, name="share.icw"):
        course = wallet_reference_course
        path = tmp_path / name
        wallet, _ = Wallet.create(path, WALLET_PASSPHRASE, profile=profile or course["profile"], kdf=wallet_cheap_kdf)
        with wallet:
            for record in course["records"] if records is None else records:
                wallet.add(record)
        return path

    return make


def share_photo(png: bytes, angle: float = 17.0, blur: float = 1.2, size=(1920, 1080), scale: float = 1.3, seed=1):
    """A photo-like picture of a QR code: scaled, rotated, blurred, off-centre on a busy background."""
    import io
    import random

    from PIL import Image, ImageDraw, ImageFilter

    rnd = random.Random(seed)
    code = Image.open(io.BytesIO(png)).convert("L")
    code = code.resize((int(code.width * scale), int(code.height * scale)), Image.Resampling.BILINEAR)
    background = Image.new("L", size, 0)
    draw = ImageDraw.Draw(background)
    for y in range(size[1]):  # uneven light, darker at the top
        draw.line([(0, y), (size[0], y)], fill=90 + int(80 * y / size[1]))
    for _ in range(40):  # clutter: the desk, a cup, a hand
        x, y, r = rnd.randrange(size[0]), rnd.randrange(size[1]), rnd.randrange(10, 120)
        draw.ellipse([x, y, x + r, y + r], fill=rnd.randrange(40, 220))
    turned = code.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    mask = Image.new("L", code.size, 255).rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=0)
    where = ((size[0] - turned.width) // 2 + size[0] // 20, (size[1] - turned.height) // 2)
    background.paste(turned, where, mask)
    return background.filter(ImageFilter.GaussianBlur(blur)).convert("RGB")


@pytest.fixture
def share_photo_of():
    """share_photo_of(png_bytes, angle=..., blur=...) -> a PIL photo-like image of that QR code."""
    return share_photo


# -- hypothesis deadlines (deps) ---------------------------------------------------------------
# Hypothesis's per-example deadline (200 ms) is a timing assertion. The first example of a test
# can pay a one-off cost (cryptography 43, the phone set's, loads its bindings on first use:
# 391 ms once, then 0.4 ms), and on a shared 2-core machine any example can be slowed, so a
# correct test failed. Speed is measured in bench/, never in tests.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("infocards", deadline=None)
_hypothesis_settings.load_profile("infocards")
