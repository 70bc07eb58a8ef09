"""SIGKILL a real `infocards wallet import` at random moments: no unreadable wallet, no lost record.

The wallet is made in-process with cheap KDF costs (read back from the file by the subprocess), so
a hundred runs fit in about a minute without weakening what the product creates.

Every kill lands in the middle of the import by construction, not by timing: the import prints
each record's id once the record is saved, into a pipe of one page that holds only a few dozen of
the long ids; the test reads a random number of ids and kills at once. The program cannot have
got further than the ids the pipe still holds, so it is still saving records when it dies, at a
moment within the save that the scheduler decides.
"""

from __future__ import annotations

import fcntl
import json
import os
import random
import signal
import subprocess
import time

import pytest

from infocards.wallet import Wallet
from infocards.wallet.fileformat import parse_file
from tests.conftest import WALLET_PASSPHRASE

KILLS = 100
RECORDS = 300
ID_LENGTH = 64  # the longest id a record may have: 65 bytes a line with its newline
PIPE_BYTES = 4096  # one page, the smallest pipe Linux makes: 63 printed ids
AHEAD = PIPE_BYTES // (ID_LENGTH + 1) + 1  # how far the import can get past the ids read


def _records_file(path, round_no: int) -> list[dict]:
    """The same ids every round, different text, so every round really writes."""
    records = [
        {"id": f"c{i:04d}".ljust(ID_LENGTH, "x"), "type": "note", "date": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
         "source": "patient", "text": f"round {round_no}, note {i}: " + "x" * (i % 200)}
        for i in range(RECORDS)
    ]
    path.write_text(json.dumps({"format": "infocards-records", "version": 1, "records": records}),
                    encoding="utf-8")
    return records


@pytest.mark.slow
def test_sigkill_during_import_never_loses_a_printed_record(wallet_factory, wallet_cli, tmp_path):
    wallet, _ = wallet_factory()
    wallet.close()
    path = wallet.path
    rng = random.Random(1127)
    env = {**wallet_cli.env, "INFOCARDS_PASSPHRASE": WALLET_PASSPHRASE}
    unreadable = lost = killed_mid_import = printed_total = 0
    started = time.monotonic()
    for round_no in range(KILLS):
        source = tmp_path / "import.json"
        by_id = {r["id"]: r for r in _records_file(source, round_no)}
        read_end, write_end = os.pipe()
        fcntl.fcntl(read_end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        process = subprocess.Popen([*wallet_cli.program, "wallet", "import", str(path), str(source)],
                                   stdout=write_end, stderr=subprocess.DEVNULL, env=env)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as output:
            wanted = rng.randint(1, min(60, RECORDS - AHEAD - 1))
            lines = [output.readline() for _ in range(wanted)]
            assert all(line.endswith(b"\n") for line in lines), "the import ended before the kill"
            still_running = process.poll() is None
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            lines.append(output.read())
        printed = b"".join(lines).decode().split()
        printed_total += len(printed)
        killed_mid_import += still_running and wanted <= len(printed) < RECORDS
        try:
            with Wallet.open(path, WALLET_PASSPHRASE) as reopened:
                assert reopened.used_backup is None  # the main file itself is always whole
                stored = {r["id"]: r for r in reopened.records()}
            backup = path.with_name(path.name + ".bak")
            # A new wallet has one save and no backup yet: a kill before the very first record
            # is saved (the program starting under load) leaves none. Once anything was saved
            # (printed), the backup must be there and whole.
            if backup.exists() or printed_total:
                parse_file(backup.read_bytes())
        except Exception:  # noqa: BLE001 - counted: any failure to read is what we measure
            unreadable += 1
            continue
        lost += sum(1 for rid in printed if stored.get(rid) != by_id[rid])
    elapsed = time.monotonic() - started
    print(f"{KILLS} SIGKILLs in {elapsed:.0f} s: {unreadable} unreadable wallets, {lost} lost records "
          f"of {printed_total} printed; {killed_mid_import} kills in the middle of an import")
    assert unreadable == 0
    assert lost == 0
    assert killed_mid_import == KILLS  # every kill landed while records were being saved
