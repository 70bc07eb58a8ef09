#!/usr/bin/env bash
# Sets up and runs every test: a venv with the test extra, Debian's chromium for the browser
# tests (Playwright drives it; never `playwright install`), Debian's nodejs for the JavaScript
# reader's tests (pytest runs `node --test tests/js/`), then pytest. README.md gives this
# command and .ci/run calls it, so the two stay the same. Each step says what it does first,
# so a newcomer knows the quiet minutes of an install are not a hang.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { echo "==> $*"; }

# apt_install PACKAGE WHAT HINT: Debian's PACKAGE with apt-get (as root), else stop with HINT.
apt_install() {
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    step "    installing $1 with apt-get ($2)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "$3" >&2
    exit 1
  fi
}

step "1/7 Checking for Debian's chromium (the browser tests drive it)"
if [[ ! -x /usr/bin/chromium ]]; then
  apt_install chromium "a few minutes" "The browser tests need Debian's chromium: sudo apt-get install chromium"
fi

step "2/7 Checking for node and npm (the JavaScript reader's tests; npm fetches axe-core for the static reader's)"
if ! command -v node >/dev/null; then
  apt_install nodejs "a minute or two" "The JavaScript reader's tests need Node.js 20 or later: sudo apt-get install nodejs"
fi
if ! command -v npm >/dev/null; then
  apt_install npm "a minute or two" "The static reader's accessibility test gets axe-core with npm: sudo apt-get install npm"
fi
if ! node -e 'new DecompressionStream("deflate-raw"); globalThis.crypto.subtle.digest' 2>/dev/null; then
  # Node 18 (Debian 12's) has no DecompressionStream("deflate-raw"); Node 21.2 brought it, and it is in 20.x now.
  echo "The JavaScript reader's tests need a Node.js 20 or later with DecompressionStream(\"deflate-raw\"); this node is $(node --version)." >&2
  echo "Debian 13 has it (apt-get install nodejs); Debian 12 ships Node 18: install Node.js 20 from NodeSource." >&2
  exit 1
fi

step "3/7 Creating the virtual environment in .venv"
python3 -m venv .venv
step "4/7 Updating pip"
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
step "5/7 Installing infocards and its test tools (the first time takes a few minutes)"
.venv/bin/python -m pip install -q -e ".[test]"
step "6/7 Checking the code style (ruff)"
.venv/bin/ruff check src tests bench
step "7/7 Running the tests (pytest; the browser tests take most of the time)"
exec .venv/bin/python -m pytest "$@"
