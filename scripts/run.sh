#!/usr/bin/env bash
# Installs what Spanscope needs, builds it, and runs the main job on the demo data: imports a
# NAT eval folder into a demo workspace and prints its summary.
#   scripts/run.sh [PATH...]   (default: ../shared/samples/nat/aiq-v1-c8)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/install-deps.sh
scripts/build.sh release
cli=build/release/app/cli/spanscope-cli
workspace=build/release/demo.spanscope

paths=("$@")
if [ ${#paths[@]} -eq 0 ]; then
  demo=../shared/samples/nat/aiq-v1-c8
  if [ ! -d "$demo" ]; then
    echo "run.sh: no demo data: $demo is absent; pass a NAT folder: scripts/run.sh PATH" >&2
    exit 1
  fi
  paths=("$demo")
fi
"$cli" import "${paths[@]}" --workspace "$workspace"
"$cli" runs --workspace "$workspace"
# The summary of the newest run.
last=$("$cli" runs --workspace "$workspace" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["id"])')
"$cli" summary "$last" --workspace "$workspace"
