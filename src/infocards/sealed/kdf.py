"""Argon2id cost parameters as a sealed file stores them, range-checked before any derivation.

Default: 64 MiB, 3 passes, 4 lanes (the same as Bitwarden's default and above OWASP's floor of
19 MiB with 2 passes). Measured on the development machine (2 cores, Python 3.11): 0.12-0.15 s
per derivation (bench/wallet.py: KDF alone 122 ms, unlock of a 100-record wallet 117 ms, medians
of 9 under load). Memory-hard hashing on a mid-range phone is roughly three to four times slower
(an estimate; no phone was available to measure), which gives the intended unlock time of about
half a second. bench/wallet.py prints the figures for the machine it runs on.

Parameters read from a file are range-checked before any derivation (KDF_LIMITS): at most
256 MiB of memory, 8 passes and 8 lanes. The ceiling is four times the default's memory and
under three times its passes, room for a file tuned up on a fast device, while a header that
asks for more (1 GiB takes many seconds on a desktop and gets the app killed for memory on a
phone) is refused at once as damage.
"""

from __future__ import annotations

from dataclasses import dataclass

from infocards.errors import KdfParamsRejected

__all__ = ["DEFAULT_KDF", "KDF_LIMITS", "OWASP_FLOOR", "KdfParams", "check_kdf_params"]


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters as stored in a sealed file's header (memory in KiB)."""

    memory_kib: int
    iterations: int
    lanes: int

    def to_json(self) -> dict:
        return {
            "name": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: object) -> KdfParams:
        """Read and range-check parameters from a file header (KdfParamsRejected if absurd)."""
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise KdfParamsRejected()
        values = [data.get(name) for name in ("memory_kib", "iterations", "lanes")]
        if not all(type(v) is int for v in values):
            raise KdfParamsRejected()
        return check_kdf_params(cls(*values))


OWASP_FLOOR = KdfParams(memory_kib=19 * 1024, iterations=2, lanes=1)
DEFAULT_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)

# What a file may ask for. The ceiling refuses a header that would make unlocking take minutes
# or exhaust a phone's memory. The floor is Argon2's own minimum, not OWASP's: every product
# path creates files with DEFAULT_KDF, and only tests pass cheaper parameters. A header with
# lowered costs cannot open the real passphrase lock, so it cannot be used to weaken a file.
KDF_LIMITS = {
    "memory_kib": (8, 256 * 1024),
    "iterations": (1, 8),
    "lanes": (1, 8),
}


def check_kdf_params(params: KdfParams) -> KdfParams:
    """`params` if every cost is within KDF_LIMITS, else KdfParamsRejected naming the field."""
    for name, (low, high) in KDF_LIMITS.items():
        value = getattr(params, name)
        if type(value) is not int or not low <= value <= high:
            raise KdfParamsRejected(field=name)
    if params.memory_kib < 8 * params.lanes:
        raise KdfParamsRejected(field="memory_kib")
    return params
