"""How long one spoiled picture holds a decode slot, without and with the decode budget.

Run from a checkout: `python bench/decode_budget.py`. The picture is the review's (issue 17,
item 7): 49 copies of a small QR code with a black square over each one's data, 1000 x 1000
pixels, a 6 KB PNG. With OpenCV (what a plain `pip install .` decodes with) it runs the whole
preparation ladder and reads nothing. Prints the seconds per decode and the budget used.
"""

from __future__ import annotations

import math
import statistics
import sys
import time
from pathlib import Path

from infocards.codes.qr_in import DECODE_BUDGET_SECONDS, available_backends, decode_image
from infocards.errors import DecodeTimedOut

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the picture lives with the tests
from tests.codes.test_decode_budget import spoiled_picture

RUNS = 3


def _seconds(backend: str, budget: float) -> list[float]:
    times = []
    for _ in range(RUNS):
        picture = spoiled_picture()
        start = time.perf_counter()
        try:
            decode_image(picture, backend=backend, budget=budget)
        except DecodeTimedOut:
            pass
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    print(f"spoiled picture: 1000 x 1000, {RUNS} runs each; budget {DECODE_BUDGET_SECONDS:g} s")
    for backend in available_backends():
        for label, budget in (("no budget", math.inf), ("with budget", DECODE_BUDGET_SECONDS)):
            times = _seconds(backend, budget)
            print(f"{backend:10} {label:12} median {statistics.median(times):6.2f} s  max {max(times):6.2f} s")


if __name__ == "__main__":
    main()
