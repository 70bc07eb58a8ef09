"""Allow `python -m infocards`."""

from infocards.cli import main

raise SystemExit(main())
