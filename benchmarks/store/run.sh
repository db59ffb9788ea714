#!/usr/bin/env bash
# Session scale check: write N requests (default 1,000,000), open them as the window would,
# export them to JSON with the real executable; prints seconds and peak memory.
# Usage: benchmarks/store/run.sh [N] [BUILD_DIR]   (BUILD_DIR: a configured build, default build/release)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
count="${1:-1000000}"
build="${2:-$root/build/release}"
[ -x "$build/bin/pnm-webhook-monitor" ] || cmake --build "$build" --target pnm-webhook-monitor
work="$(mktemp -d)"
qt_flags="$(pkg-config --cflags --libs Qt6Core Qt6Network Qt6Sql)"
# shellcheck disable=SC2086
g++ -O2 -std=c++20 -fPIC -I "$root/src/core" "$here/sessionscale.cpp" \
  "$build/src/core/libpnm_core.a" "$build/libpnm_llhttp.a" $qt_flags -lcrypto -o "$work/sessionscale"
"$work/sessionscale" write "$work/scale.pnmsession" "$count" "$root/benchmarks/ingest/body.json"
ls -l "$work/scale.pnmsession" | awk '{printf "session file: %.0f MB\n", $5 / 1048576}'
"$work/sessionscale" open "$work/scale.pnmsession" x
/usr/bin/time -f "export to JSON: %e s, peak RSS %M KB" \
  "$build/bin/pnm-webhook-monitor" --open "$work/scale.pnmsession" --export "$work/scale.json" 2>&1 | tail -1
ls -l "$work/scale.json" | awk '{printf "JSON file: %.0f MB\n", $5 / 1048576}'
rm -rf "$work"
