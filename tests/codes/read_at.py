"""Test only: the real `infocards` command, with `read` checking expiry at a fixed moment.

    python -m tests.codes.read_at 2026-12-01T09:10:00+00:00 read CODE --json

The public vectors (docs/format/vectors/) each carry the clock they are read at. The product
has no way to move its clock (an expired code must never read as valid because of a setting),
so this entry point, which lives in the tests and is never installed, hands the moment to
`read_source` and then runs the command's own `main`.
"""

from __future__ import annotations

import sys
from datetime import datetime


def main(argv: list[str]) -> int:
    moment = datetime.fromisoformat(argv[0])
    if moment.tzinfo is None:
        raise SystemExit("read_at: the clock needs a time zone, e.g. +00:00")
    from infocards import cli
    from infocards.commands import share

    real = share.read_source
    share.read_source = lambda source, now=None: real(source, moment)
    return cli.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
