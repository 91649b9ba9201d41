#!/usr/bin/env bash
# Builds the Debian package from the optimised release build:
#   scripts/package.sh            writes build/release/spanscope_<version>_amd64.deb
# Install it with: sudo apt install ./build/release/spanscope_<version>_amd64.deb
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/install-deps.sh
# Only what the package holds: the programs, their icons and man pages (not the tests).
cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)" --target spanscope spanscope-cli spanscope_desktop_files
(cd build/release && cpack -G DEB >/dev/null)
ls "$root"/build/release/spanscope_*_amd64.deb
