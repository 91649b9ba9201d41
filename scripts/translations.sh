#!/usr/bin/env bash
# The app's translations (translations/*.ts) against its sources:
#   scripts/translations.sh update   adds new strings to the .ts files, drops gone ones
#   scripts/translations.sh check    fails when a string is untranslated or no longer used
# (CTest runs `check`, so a new string cannot ship untranslated). The CLI stays English.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mode=${1:-check}
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
sources=(widgets app/gui models/item)
run() { # TS_FILE [lupdate options]
  local ts=$1
  shift
  "$lupdate" -silent -locations none -recursive "${sources[@]}" "$@" -ts "$ts"
}
case $mode in
update)
  # Strings gone from the sources are dropped (git keeps their old translations).
  run translations/spanscope_tr.ts -no-obsolete -target-language tr_TR
  # English is the source language: only its plural forms need writing.
  run translations/spanscope_en.ts -no-obsolete -pluralonly -source-language en -target-language en
  ;;
check)
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cp translations/spanscope_tr.ts translations/spanscope_en.ts "$work/"
  run "$work/spanscope_tr.ts" -target-language tr_TR
  run "$work/spanscope_en.ts" -pluralonly -source-language en -target-language en
  status=0
  for ts in "$work"/*.ts; do
    name=translations/$(basename "$ts")
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    gone=$(grep -Ec 'type="(vanished|obsolete)"' "$ts" || true)
    if [ "$unfinished" -gt 0 ] || [ "$gone" -gt 0 ]; then
      echo "$name: $unfinished untranslated, $gone no longer in the sources" >&2
      grep -B3 -E 'type="(unfinished|vanished|obsolete)"' "$ts" | grep '<source>' | head -20 >&2
      status=1
    fi
  done
  [ $status -eq 0 ] && echo "translations: complete"
  exit $status
  ;;
*)
  echo "usage: scripts/translations.sh update|check" >&2
  exit 2
  ;;
esac
