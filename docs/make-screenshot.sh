#!/usr/bin/env bash
# Regenerates docs/window.png: the window with a simulated meeting, under Xvfb (a real X server,
# so the widget style and fonts are the desktop's), or the offscreen platform if Xvfb is missing.
# Usage: docs/make-screenshot.sh [BUILD_DIR]   (default build/default; it must be configured)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build/default}"
cmake --build "$build" --target shoot_window
out="$root/docs/window.png"
if command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1600x900x24" "$build/bin/shoot_window" "$out"
else
  QT_QPA_PLATFORM=offscreen "$build/bin/shoot_window" "$out"
fi
