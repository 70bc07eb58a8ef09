#!/usr/bin/env bash
# Sets up and runs every test: a venv with the test extra, Debian's chromium for the browser
# tests (Playwright drives it; never `playwright install`), then pytest. README.md gives this
# command and .ci/run calls it, so the two stay the same.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Debian's chromium: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
.venv/bin/ruff check src tests bench
exec .venv/bin/python -m pytest "$@"
