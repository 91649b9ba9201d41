#!/usr/bin/env bash
# Installs what Spanscope needs, builds it, and runs the main job on the demo data: generates a
# NAT eval run and an OTLP dump of a synthetic agent, imports them into a demo workspace, prints
# each run's summary and opens the desktop app on the workspace.
#   scripts/run.sh [PATH...]   (PATHs: NAT folders or trace dumps to import instead)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/install-deps.sh
scripts/build.sh release
cli=build/release/app/cli/spanscope-cli
workspace=build/release/demo.spanscope

paths=("$@")
if [ ${#paths[@]} -eq 0 ]; then
  # The demo data: a NAT eval run and an OTLP dump of the same kind of agent, generated.
  # The app's first start writes the same (synth::writeDemo).
  written="$("$cli" generate --demo build/release/demo-data)" # fails the script if it fails
  mapfile -t paths <<< "$written"
fi
"$cli" import "${paths[@]}" --workspace "$workspace"
"$cli" runs --workspace "$workspace"
for id in $("$cli" runs --workspace "$workspace" --format json | python3 -c 'import json,sys; print(" ".join(str(r["id"]) for r in json.load(sys.stdin)))'); do
  echo
  "$cli" summary "$id" --workspace "$workspace"
done

app=build/release/app/gui/spanscope
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo
  echo "opening $app on $workspace"
  exec "$app" --workspace "$workspace"
else
  echo
  echo "No display here, so the window was not opened. With one, or under Xvfb:"
  echo "  xvfb-run -s '-screen 0 1920x1080x24' $app --workspace $workspace"
fi
