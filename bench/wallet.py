"""Wallet benchmarks: unlock time against the bare KDF, the cost of adding one record as a wallet
grows, what the device's save counter adds to a save, and what a key change costs.

Run: python bench/wallet.py  (about a minute). Prints figures; nothing is asserted. The save
counters go to a temporary state folder, never the user's.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from infocards.sealed import SecretText, derive_passphrase_key, new_salt
from infocards.wallet import DEFAULT_KDF, KdfParams, Wallet, savecount
from infocards.wallet.storage import atomic_write

PASSPHRASE = "benchmark passphrase"  # noqa: S105 - a throwaway wallet in a temp folder
CHEAP = KdfParams(memory_kib=64, iterations=1, lanes=1)  # the KDF is measured on its own below
COURSE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "wallets" / "reference-course.json"


def median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def course_records(count: int) -> list[dict]:
    base = json.loads(COURSE.read_text(encoding="utf-8"))["records"]
    return [dict(base[i % len(base)], id=f"b{i:05d}") for i in range(count)]


def bench_unlock(folder: Path, repeat: int = 9) -> None:
    path = folder / "unlock.icw"
    wallet, _ = Wallet.create(path, PASSPHRASE)
    wallet.put_many(course_records(100))
    wallet.close()
    secret = SecretText(PASSPHRASE)
    kdf_times, unlock_times = [], []
    for _ in range(repeat):  # interleaved, so that load from other processes hits both alike
        kdf_times.append(median_ms(lambda: derive_passphrase_key(secret, new_salt(), DEFAULT_KDF), 1))
        unlock_times.append(median_ms(lambda: Wallet.open(path, PASSPHRASE).close(), 1))
    kdf_ms, unlock_ms = statistics.median(kdf_times), statistics.median(unlock_times)
    kdf = DEFAULT_KDF
    print(f"KDF: Argon2id {kdf.memory_kib // 1024} MiB, t={kdf.iterations}, p={kdf.lanes} (median of {repeat})")
    print(f"  KDF alone (baseline)          {kdf_ms:8.1f} ms")
    print(f"  unlock, 100 records           {unlock_ms:8.1f} ms   ratio to KDF {unlock_ms / kdf_ms:.2f}")


def bench_add(folder: Path) -> None:
    print()
    print("Adding one record (cheap KDF; KDF excluded). Baseline: a bare durable write of the same size.")
    header = f"{'records':>8} {'add ms':>8} {'write ms':>9} {'add/write':>10} {'file KiB':>9} {'B/record':>9}"
    print(header)
    print("-" * len(header))
    for size in (100, 1_000, 10_000):
        path = folder / f"add-{size}.icw"
        wallet, _ = Wallet.create(path, PASSPHRASE, kdf=CHEAP)
        wallet.put_many(course_records(size))
        extra = iter(course_records(size + 50)[size:])
        add_ms = median_ms(lambda w=wallet, e=extra: w.add(next(e)), 25)
        wallet.close()
        data = path.read_bytes()
        probe = folder / "probe.bin"
        write_ms = median_ms(lambda d=data, p=probe: atomic_write(p, d, rotate_backup=False), 25)
        records = size + 25
        print(f"{size:>8} {add_ms:>8.2f} {write_ms:>9.2f} {add_ms / write_ms:>10.2f} "
              f"{len(data) / 1024:>9.1f} {len(data) / records:>9.0f}")


def bench_save_counter(folder: Path, repeat: int = 41) -> None:
    """One record added with the device's counter written beside the wallet, and without it."""
    print()
    print("The device's save counter (1,000 records, cheap KDF). Baseline: the same add with the counter off.")
    path = folder / "counter.icw"
    wallet, _ = Wallet.create(path, PASSPHRASE, kdf=CHEAP)
    wallet.put_many(course_records(1_000))
    extra = iter(course_records(1_000 + 2 * repeat)[1_000:])
    record_save = savecount.record_save
    on_times, off_times = [], []
    for _ in range(repeat):  # interleaved, so that load from other processes hits both alike
        on_times.append(median_ms(lambda: wallet.add(next(extra)), 1))
        savecount.record_save = lambda *_args: None
        try:
            off_times.append(median_ms(lambda: wallet.add(next(extra)), 1))
        finally:
            savecount.record_save = record_save
    wallet.close()
    on_ms, off_ms = statistics.median(on_times), statistics.median(off_times)
    print(f"  add, counter off (baseline)   {off_ms:8.2f} ms")
    print(f"  add, counter on               {on_ms:8.2f} ms   ratio {on_ms / off_ms:.2f}")


def bench_key_change(folder: Path, repeat: int = 5) -> None:
    """A new passphrase (Argon2id, a new data key, two saves) and a new recovery code (no KDF)."""
    print()
    print(f"Key changes, 100 records, real KDF (median of {repeat}). Baseline: the KDF alone.")
    path = folder / "keys.icw"
    wallet, _ = Wallet.create(path, PASSPHRASE)
    wallet.put_many(course_records(100))
    secret = SecretText(PASSPHRASE)
    kdf_ms = median_ms(lambda: derive_passphrase_key(secret, new_salt(), DEFAULT_KDF), repeat)
    passwd_ms = median_ms(lambda: wallet.change_passphrase(PASSPHRASE), repeat)
    code_ms = median_ms(wallet.new_recovery_code, repeat)
    wallet.close()
    print(f"  KDF alone (baseline)          {kdf_ms:8.1f} ms")
    print(f"  new passphrase + data key     {passwd_ms:8.1f} ms   ratio to KDF {passwd_ms / kdf_ms:.2f}")
    print(f"  new recovery code + data key  {code_ms:8.1f} ms   ratio to KDF {code_ms / kdf_ms:.2f}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["INFOCARDS_STATE_DIR"] = str(folder / "state")
        bench_unlock(folder)
        bench_add(folder)
        bench_save_counter(folder)
        bench_key_change(folder)


if __name__ == "__main__":
    main()
