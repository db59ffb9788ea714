#!/usr/bin/env bash
# Builds the Debian package from a finished build tree and checks what a user would get.
# usage: check-package.sh BUILD_DIR SOURCE_DIR VERSION PROGRAM...
set -euo pipefail
build=$1 source=$2 version=$3
shift 3
programs=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack could not build the package"; }
deb=$(ls "$work"/out/*.deb)
[ "$(basename "$deb")" = "pnm-webhook-monitor_${version}_$(dpkg --print-architecture).deb" ] ||
  fail "unexpected package file name $(basename "$deb")"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = pnm-webhook-monitor ] || fail "Package field"
[ "$(field Version)" = "$version" ] || fail "Version field is $(field Version)"
depends=$(field Depends)
for needed in libc6 libqt6core6 libqt6network6 libqt6sql6 libqt6sql6-sqlite libqt6svg6 libssl3; do
  grep -Eq "(^|, )$needed( |,|$)" <<<"$depends" || fail "Depends lacks $needed: $depends"
done
if "$build/bin/pnm-webhook-monitor" --help | grep -q -- '--headless' && ldd "$build/bin/pnm-webhook-monitor" | grep -q libQt6Widgets; then
  grep -q libqt6widgets6 <<<"$depends" || fail "Depends lacks libqt6widgets6: $depends"
fi
# The allocator is linked except in sanitizer builds; where it is, the package must pull it in.
if ldd "$build/bin/pnm-webhook-monitor" | grep -q libmimalloc; then
  grep -q libmimalloc2 <<<"$depends" || fail "Depends lacks libmimalloc2.0: $depends"
fi

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
expect=(./usr/share/applications/pnm-webhook-monitor.desktop
        ./usr/share/metainfo/io.github.pnm_webhook_monitor.metainfo.xml
        ./usr/share/icons/hicolor/scalable/apps/pnm-webhook-monitor.svg
        ./usr/share/icons/hicolor/48x48/apps/pnm-webhook-monitor.png
        ./usr/share/icons/hicolor/256x256/apps/pnm-webhook-monitor.png
        ./usr/share/doc/pnm-webhook-monitor/copyright)
for program in "${programs[@]}"; do
  expect+=("./usr/bin/$program" "./usr/share/man/man1/$program.1")
done
for path in "${expect[@]}"; do
  grep -qx -- "$path" <<<"$contents" || fail "package lacks $path"
done

dpkg-deb -x "$deb" "$work/root"
for program in "${programs[@]}"; do
  "$work/root/usr/bin/$program" --version | grep -q "$version" || fail "$program --version"
  # Every option --help names is documented in the man page.
  for option in $("$work/root/usr/bin/$program" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    grep -qF -- "$(sed 's/-/\\-/g' <<<"$option")" "$work/root/usr/share/man/man1/$program.1" ||
      fail "$program.1 does not document $option"
  done
  man -l "$work/root/usr/share/man/man1/$program.1" >/dev/null 2>&1 || fail "$program.1 does not render"
done

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$work/root/usr/share/applications/pnm-webhook-monitor.desktop"
else
  echo "desktop-file-validate not installed: skipped"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$work/root/usr/share/metainfo/io.github.pnm_webhook_monitor.metainfo.xml" >/dev/null ||
    fail "appstreamcli validate"
else
  echo "appstreamcli not installed: skipped"
fi
echo "package ok: $(basename "$deb") ($(du -h "$deb" | cut -f1)); Depends: $depends"
