"""The OS lock: a second real process gets "wallet already open"; a killed holder frees it."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import pytest

from infocards.errors import AlreadyOpen
from infocards.wallet import Wallet
from tests.conftest import WALLET_PASSPHRASE

HOLDER = textwrap.dedent(
    """
    import sys, time
    from infocards.wallet import Wallet
    wallet = Wallet.open(sys.argv[1], sys.argv[2])
    print("ready", flush=True)
    time.sleep(120)
    """
)


def _start_holder(path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), WALLET_PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "ready"
    return holder


def test_second_process_gets_already_open(wallet_factory, wallet_cli):
    wallet, _ = wallet_factory()
    before = wallet.path.read_bytes()
    result = wallet_cli("wallet", "list", wallet.path, env={"INFOCARDS_PASSPHRASE": WALLET_PASSPHRASE})
    assert result.returncode == 1
    assert "wallet already open" in result.stderr
    assert "Traceback" not in result.stderr
    assert wallet.path.read_bytes() == before


def test_a_killed_holder_frees_the_lock(wallet_factory):
    wallet, _ = wallet_factory(records=[{"type": "note", "date": "2026-11-01", "text": "x"}])
    wallet.close()
    holder = _start_holder(wallet.path)
    try:
        with pytest.raises(AlreadyOpen):
            Wallet.open(wallet.path, WALLET_PASSPHRASE)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as again:
        assert len(again.records()) == 1


def test_lock_is_free_after_close_in_another_process(wallet_factory, wallet_cli):
    wallet, _ = wallet_factory()
    wallet.close()
    env = {"INFOCARDS_PASSPHRASE": WALLET_PASSPHRASE}
    assert wallet_cli("wallet", "list", wallet.path, "--json", env=env).returncode == 0
    assert wallet_cli("wallet", "list", wallet.path, "--json", env=env).returncode == 0
