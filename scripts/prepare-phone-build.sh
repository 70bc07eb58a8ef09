#!/usr/bin/env bash
# Before `flet build apk|ipa`: Flet packages only [tool.flet.app] path (src/), so the card packs,
# flet.toml and the assets are copied beside the package, in the layout a wheel has
# (infocards/_content, _flet.toml, _assets; see [tool.hatch...force-include] in pyproject.toml),
# where infocards.config finds them. `--clean` removes the copies again: while they exist, a
# checkout reads the copy, not content/. The copies are git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=src/infocards
rm -rf "$pkg/_content" "$pkg/_assets" "$pkg/_flet.toml"
if [[ ${1:-} == "--clean" ]]; then
  echo "prepare-phone-build: removed the copies from $pkg"
  exit 0
fi
cp -R content "$pkg/_content"
cp -R assets "$pkg/_assets"
cp flet.toml "$pkg/_flet.toml"
echo "prepare-phone-build: copied content/, assets/ and flet.toml into $pkg; now run flet build apk (or ipa),"
echo "prepare-phone-build: then $0 --clean"
