#!/usr/bin/env bash
# The app on the phone's package set: a separate venv (.venv-mobile) with exactly the binary
# versions on Flet's Android/iOS index (the README's "Build for phones" lists them), our
# pure-Python dependencies, and neither zxing-cpp nor nh3 (no phone wheels). Runs the core tests
# that apply there, a CLI round trip read back with the OpenCV decoder (a summary, then a
# professional's note received into the wallet), wallets crossing between
# this set and the desktop set (.venv, made by scripts/test.sh), and one browser smoke test.
# .ci/run calls it after the main suite. One line per step.
set -euo pipefail
cd "$(dirname "$0")/.."

MOBILE=.venv-mobile
DESKTOP=.venv
PINS=(cryptography==43.0.1 pillow==10.4.0 PyYAML==6.0.2 argon2-cffi-bindings==21.2.0
      opencv-python-headless==4.10.0.84 "numpy==2.1.*")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
step() { printf 'mobile set: %s\n' "$*"; }
fail() { printf 'mobile set: FAILED: %s\n' "$*" >&2; exit 1; }
# Runs pytest quietly; prints its closing line, or all of it when it fails.
quiet_pytest() {
  "$MOBILE/bin/python" -m pytest -q -p no:cacheprovider "$@" > "$WORK/pytest.log" 2>&1 \
    || { cat "$WORK/pytest.log"; fail "pytest $*"; }
  tail -n 1 "$WORK/pytest.log"
}

[[ -x $DESKTOP/bin/infocards ]] || fail "the desktop set ($DESKTOP) is missing: run ./scripts/test.sh first"

step "venv $MOBILE with ${PINS[*]}"
python3 -m venv "$MOBILE"
printf '%s\n' "${PINS[@]}" > "$WORK/pins.txt"
"$MOBILE/bin/python" -m pip install -q --upgrade pip > "$WORK/pip.log" 2>&1 || { cat "$WORK/pip.log"; fail "pip"; }
# Our package without extras (so no nh3, no zxing-cpp), held to the pins, plus the test tools.
"$MOBILE/bin/python" -m pip install -q -c "$WORK/pins.txt" "${PINS[@]}" -e . \
  "pytest>=8.0" "hypothesis>=6.100" "playwright>=1.45" > "$WORK/pip.log" 2>&1 || { cat "$WORK/pip.log"; fail "pip"; }
"$MOBILE/bin/python" - <<'PY' || fail "the venv does not hold the phone's versions"
from importlib import metadata
import importlib.util
want = {"cryptography": "43.0.1", "pillow": "10.4.0", "PyYAML": "6.0.2", "argon2-cffi-bindings": "21.2.0",
        "opencv-python-headless": "4.10.0.84"}
for name, version in want.items():
    assert metadata.version(name) == version, (name, metadata.version(name))
assert metadata.version("numpy").startswith("2.1."), metadata.version("numpy")
for absent in ("zxingcpp", "nh3"):
    assert importlib.util.find_spec(absent) is None, absent
PY
step "versions checked: $("$MOBILE/bin/python" -c 'from importlib.metadata import version as v; print(", ".join(f"{n} {v(n)}" for n in ("cryptography","pillow","PyYAML","argon2-cffi-bindings","opencv-python-headless","numpy")))'); no zxing-cpp, no nh3"

# Core tests. Left out: what needs the desktop extras by design (the deck's HTML needs nh3: its
# module and every test that runs `content build`, which says how to add the deck before it
# reads anything else; share/test_cli.py checks our PNGs with zxing-cpp itself, and one backend
# test compares OpenCV with zxing-cpp), and the browser tests, of which one runs below. The
# refusal without nh3 is itself tested in both sets (test_editor_setup.py).
step "core tests"
quiet_pytest -m "not e2e and not slow" \
  --ignore=tests/e2e --ignore=tests/content/test_deck.py --ignore=tests/share/test_cli.py \
  --deselect tests/content/test_cli.py::test_build_writes_the_deck_and_reports_pages \
  --deselect tests/content/test_cli.py::test_build_of_one_language \
  --deselect tests/content/test_region_blocks.py::test_build_for_one_region_and_the_proofing_deck \
  --deselect tests/content/test_dated_blocks.py::test_build_as_of_a_day \
  --deselect tests/content/test_dated_blocks.py::test_build_refuses_a_day_that_is_not_a_date \
  --deselect tests/content/test_cli.py::test_build_of_a_missing_pack_exits_1_with_a_message \
  --deselect tests/content/test_cli.py::test_build_into_a_file_exits_1_with_a_message \
  --deselect tests/content/test_broken_links.py::test_the_app_and_the_deck_show_the_words_not_the_markdown \
  --deselect tests/content/test_editor_setup.py::test_the_readme_commands_run_as_written \
  --deselect tests/content/test_editor_setup.py::test_check_and_build_speak_danish_on_a_danish_system_without_infocards_lang \
  --deselect tests/content/test_round_checks.py::test_build_says_a_broken_override_was_left_out_and_exits_1 \
  --deselect tests/codes/test_qr_backends.py::test_opencv_reads_most_of_what_zxing_reads

export INFOCARDS_LANG=en HOME="$WORK/home" INFOCARDS_PASSPHRASE="mobile set passphrase" INFOCARDS_QR_DECODER=opencv
COURSE=tests/fixtures/wallets/reference-course.json

step "CLI round trip: wallet init, import the reference course, share to PNG, read it with OpenCV"
"$MOBILE/bin/infocards" wallet init "$WORK/m.icw" >/dev/null 2>&1 || fail "wallet init"
"$MOBILE/bin/infocards" wallet import "$WORK/m.icw" "$COURSE" >/dev/null 2>&1 || fail "wallet import"
"$MOBILE/bin/infocards" share "$WORK/m.icw" --out "$WORK/code.png" 2>/dev/null || fail "share"
"$MOBILE/bin/infocards" read "$WORK/code.png" --json > "$WORK/read.json" || fail "read exited $?"
"$MOBILE/bin/python" -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["status"]=="valid", r["status"]' \
  "$WORK/read.json" || fail "the PNG did not read as valid"

step "hand-back: clinic key, a note for that summary, received into the wallet from its PNG with OpenCV"
cat > "$WORK/note.json" <<'JSON'
{"records": [{"type": "finding", "date": "2026-11-30", "role": "physiotherapist", "kind": "examination",
              "text": "Normal kraft og reflekser i begge ben"},
             {"type": "goal", "date": "2026-11-30", "text": "Gå 30 minutter hver dag", "status": "active"}]}
JSON
"$MOBILE/bin/infocards" clinic init "$WORK/clinic.key" --name "Mette Hansen" --role physiotherapist \
  > "$WORK/clinic.out" 2>/dev/null || fail "clinic init"
grep -q "^Fingerprint: " "$WORK/clinic.out" || fail "clinic init printed no fingerprint"
"$MOBILE/bin/infocards" note "$WORK/clinic.key" "$WORK/note.json" --out "$WORK/note.png" --for "$WORK/code.png" \
  2>/dev/null || fail "note"
"$MOBILE/bin/infocards" wallet receive "$WORK/m.icw" "$WORK/note.png" --json > "$WORK/receive.json" 2>/dev/null \
  || fail "wallet receive exited $?"
"$MOBILE/bin/python" - "$WORK/receive.json" <<'PY' || fail "the note was not saved as signed"
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
assert r["status"] == "saved" and len(r["new"]) == 2 and r["signer"]["verified"] is True, r
PY
cp "$WORK/m.icw" "$WORK/before.icw"
"$MOBILE/bin/infocards" wallet receive "$WORK/m.icw" "$WORK/note.png" >/dev/null 2>&1 || fail "receiving twice"
cmp -s "$WORK/m.icw" "$WORK/before.icw" || fail "receiving the same note twice changed the wallet"

step "the printable deck says how to install its extra"
if "$MOBILE/bin/infocards" content build content/national --out "$WORK/deck" 2> "$WORK/deck.err"; then
  fail "content build ran without nh3"
fi
grep -qF 'pip install ".[deck]"' "$WORK/deck.err" || fail "no install hint: $(cat "$WORK/deck.err")"
! grep -q Traceback "$WORK/deck.err" || fail "a traceback from content build"

step "wallets cross over: desktop -> mobile and mobile -> desktop, same records"
cross() {  # $1 makes the wallet, $2 opens it
  local file="$WORK/cross-$(basename "$(dirname "$(dirname "$1")")").icw"
  "$1" wallet init "$file" >/dev/null 2>&1 || fail "init with $1"
  "$1" wallet import "$file" "$COURSE" >/dev/null 2>&1 || fail "import with $1"
  "$1" wallet list "$file" --json > "$WORK/made.json" 2>/dev/null || fail "list with $1"
  "$2" wallet list "$file" --json > "$WORK/opened.json" 2>/dev/null || fail "$2 could not open a wallet made by $1"
  cmp -s "$WORK/made.json" "$WORK/opened.json" || fail "records differ between $1 and $2"
  "$2" share "$file" --out "$WORK/cross.png" 2>/dev/null || fail "share with $2"
}
cross "$DESKTOP/bin/infocards" "$MOBILE/bin/infocards"
cross "$MOBILE/bin/infocards" "$DESKTOP/bin/infocards"
"$MOBILE/bin/python" - "$WORK/opened.json" "$COURSE" <<'PY' || fail "the crossed wallet does not hold the whole course"
import json, sys
opened, course = (json.load(open(name, encoding="utf-8")) for name in sys.argv[1:])
assert sorted(r["id"] for r in opened["records"]) == sorted(r["id"] for r in course["records"])
PY

step "browser smoke test of the web app served from this set"
unset INFOCARDS_QR_DECODER INFOCARDS_PASSPHRASE
quiet_pytest "tests/e2e/test_cards.py::test_home_shows_danish_categories_and_card_titles"

step "passed"
