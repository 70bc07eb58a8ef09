"""Write the public test vectors of the code formats (docs/format/vectors/*.json) from the code.

Run from the repository root: .venv/bin/python scripts/make-vectors.py
The output is deterministic (fixed keys, salts and clock): running it twice changes nothing,
and tests/codes/test_vectors.py fails when the code's output drifts from the files.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.codes.vector_cases holds the cases

from tests.codes.vector_cases import write_all  # noqa: E402 - after the path is set


def main() -> int:
    folder = ROOT / "docs" / "format" / "vectors"
    stale = {path.name for path in folder.glob("*.json")}
    written = write_all(folder)
    for path in sorted(stale - {path.name for path in written}):
        (folder / path).unlink()  # a case that no longer exists
    sys.stdout.write(f"{len(written)} vectors in {folder.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
