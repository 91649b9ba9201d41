#!/usr/bin/env bash
# Packs the build in BUILD_DIR with CPack, extracts the .deb and checks it as apt would install
# it: binaries that start (the CLI's export helper among them), a desktop entry whose Exec and
# Icon resolve, icons in the hicolor theme, a MIME type that claims *.spanscope, man pages, and
# dependencies found by shlibdeps.
#   package_test.sh BUILD_DIR APP_ID
set -euo pipefail
build=$1 id=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "package_test: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
debs=("$work"/out/spanscope_*_amd64.deb)
[ -f "${debs[0]}" ] || fail "no spanscope_<version>_amd64.deb in $(ls "$work/out")"
deb=${debs[0]}
echo "package: $(basename "$deb")"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6core6 libqt6widgets6 libsqlite3-0 libzstd1 libxxhash0 libmimalloc2.0 libyaml-0-2 libc6; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib (dpkg-shlibdeps should find it)"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/spanscope usr/bin/spanscope-cli \
         "usr/share/applications/$id.desktop" "usr/share/metainfo/$id.metainfo.xml" \
         "usr/share/mime/packages/$id.xml" "usr/share/icons/hicolor/scalable/apps/$id.svg" \
         usr/share/man/man1/spanscope.1.gz usr/share/man/man1/spanscope-cli.1.gz; do
  [ -s "$root/$f" ] || fail "the package lacks /$f"
done
for size in 16 22 24 32 48 64 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
  [ -s "$png" ] || fail "the package lacks the ${size}px icon"
  file "$png" 2>/dev/null | grep -q "$size x $size" || [ ! -x /usr/bin/file ] ||
    fail "$png is not ${size}x${size}"
done

desktop="$root/usr/share/applications/$id.desktop"
exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$root/usr/bin/$exec_bin" ] || fail "Exec=$exec_bin is not in /usr/bin"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ "$icon" = "$id" ] || fail "Icon=$icon is not the installed icon $id"
grep -q '^MimeType=application/x-spanscope-workspace;' "$desktop" || fail "no MimeType"

# The MIME database built from the package alone maps *.spanscope to the workspace type.
mkdir -p "$work/mime/packages"
cp "$root/usr/share/mime/packages/$id.xml" "$work/mime/packages/"
cp /usr/share/mime/packages/freedesktop.org.xml "$work/mime/packages/" 2>/dev/null || true
update-mime-database "$work/mime" >/dev/null
grep -q 'application/x-spanscope-workspace:\*\.spanscope' "$work/mime/globs2" ||
  fail "the MIME database does not map *.spanscope"

version=$(dpkg-deb -f "$deb" Version)
cli=$("$root/usr/bin/spanscope-cli" --version)
[ "$cli" = "spanscope-cli $version" ] || fail "spanscope-cli --version says '$cli', package $version"
gui=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/spanscope" --version 2>/dev/null)
[ "$gui" = "Spanscope $version" ] || fail "spanscope --version says '$gui', package $version"
# `export` runs the renderer installed beside the CLI: asked without a run, it answers with its
# own complaint, not the CLI's "needs spanscope-export".
[ -x "$root/usr/libexec/spanscope/spanscope-export" ] ||
  fail "the package lacks /usr/libexec/spanscope/spanscope-export"
said=$("$root/usr/bin/spanscope-cli" export 2>&1 || true)
grep -q "give one RUN" <<<"$said" || fail "spanscope-cli export did not run spanscope-export: $said"
man -l "$root/usr/share/man/man1/spanscope-cli.1.gz" 2>/dev/null | grep -q "spanscope-cli compare" ||
  fail "the spanscope-cli man page lacks the compare command"
echo "package_test: ok"
