#!/usr/bin/env bash
# Installs the Debian 12 packages Spanscope needs to build, test and run. Idempotent: packages
# already present are not fetched again, and apt-get update runs only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build lld pkg-config git python3
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6opengl6-dev libgl-dev
  libqcustomplot-dev qt6-svg-dev
  nlohmann-json3-dev libsimdjson-dev libzstd-dev zstd libxxhash-dev libmimalloc-dev libsqlite3-dev sqlite3 libyaml-dev
  libprotobuf-dev protobuf-compiler libcpp-httplib-dev
  xvfb xauth desktop-file-utils appstream dpkg-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo=sudo
fi
echo "install-deps: installing ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
