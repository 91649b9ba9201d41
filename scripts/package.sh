#!/usr/bin/env bash
# Builds the Debian package from the optimised release build:
#   scripts/package.sh            writes build/release/spanscope_<version>_amd64.deb
# Install it with: sudo apt install ./build/release/spanscope_<version>_amd64.deb
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/install-deps.sh
scripts/build.sh release
(cd build/release && cpack -G DEB >/dev/null)
ls "$root"/build/release/spanscope_*_amd64.deb
