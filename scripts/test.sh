#!/usr/bin/env bash
# Installs what Spanscope needs, builds it, and runs every test through CTest: first the `dev`
# preset (debug, warnings as errors), then the `asan` preset (AddressSanitizer + UBSan, without
# the desktop app; `asan-gui` has it too).
#   scripts/test.sh          dev and asan
#   scripts/test.sh asan-gui one preset
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/install-deps.sh
# The OpenTelemetry JS SDK that tests/live sends with, at the versions of the committed lock file.
# Without node/npm (or the npm registry) that one test skips and says why.
if command -v npm >/dev/null; then
  npm ci --prefix tests/live/otlpjs --no-audit --no-fund --loglevel=error \
    || echo "test.sh: npm ci failed; the OpenTelemetry JS client test will skip" >&2
fi
presets=("$@")
[ ${#presets[@]} -eq 0 ] && presets=(dev asan)
for preset in "${presets[@]}"; do
  echo "== $preset: build"
  scripts/build.sh "$preset"
  echo "== $preset: test"
  ctest --preset "$preset" --parallel "$(nproc)"
done
