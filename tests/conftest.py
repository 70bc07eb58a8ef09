"""Shared pytest fixtures; each area appends its own section."""

# -- wallet ------------------------------------------------------------------------------------
import json
import os
import sys
from pathlib import Path

import pytest

WALLET_FIXTURES = Path(__file__).parent / "fixtures" / "wallets"
WALLET_PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def wallet_cheap_kdf():
    """Argon2's minimum costs: fast tests. Product paths always use DEFAULT_KDF."""
    from infocards.wallet.crypto import KdfParams

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
