#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build, run and test pnm-webhook-monitor, and only
# those that are missing. Run as root (or with sudo available). Safe to run again.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config          # build tools
  qt6-base-dev qt6-base-dev-tools libgl-dev # Qt 6 Core/Network/Widgets/Sql/Test, moc, uic
  qt6-qpa-plugins                           # the offscreen platform the tests run under
  libqt6svg6                                # the SVG icon engine (event family and verdict icons)
  xvfb xauth                                # docs/make-screenshot.sh draws the window under Xvfb
  libqt6sql6-sqlite                         # the session store's SQLite driver
  libsqlite3-dev                            # the same SQLite's C API, for the store's hot path
  libssl-dev                                # OpenSSL 3: HMAC-SHA256 and SHA-256
  libmimalloc-dev                           # the monitor's allocator (cross-thread frees)
  node-llhttp                               # llhttp's C sources, compiled into the build
  wrk                                       # load generator for benchmarks/ingest
  dpkg-dev                                  # dpkg-shlibdeps: the .deb's computed dependencies
  desktop-file-utils appstream              # validators for the desktop entry and metainfo
  man-db                                    # the package test renders the man pages
  clang libclang-rt-14-dev                  # libFuzzer + sanitizers for fuzz/run.sh
  clang-tidy                                # .ci/clang-tidy.sh (CI's static analysis step)
  nginx-light sqlite3                       # references in benchmarks/run-all.sh
)
# The interop tests run LiveKit's Node SDK. Any Node.js with npm will do (some machines carry
# NodeSource's build, which bundles npm and conflicts with Debian's npm package).
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
