#!/usr/bin/env bash
# Session scale check: write N requests (default 1,000,000), open them as the window would,
# export them to JSON with the real executable; prints seconds and peak memory, each next to a
# reference that does the same work with SQLite's own command-line shell (sqlite3): a scan of the
# columns the table shows for "open", `sqlite3 -json` of the same rows for "export".
# Usage: benchmarks/store/run.sh [N] [BUILD_DIR]   (BUILD_DIR: a configured build, default build/release)
#   OUT=dir keeps the session and the exports there (default: a temporary folder, removed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
count="${1:-1000000}"
build="${2:-$root/build/release}"
cmake --build "$build" --target pnm-webhook-monitor bench_sessionscale >&2
command -v sqlite3 >/dev/null || { echo "run.sh: sqlite3 is missing: apt-get install sqlite3" >&2; exit 1; }
if [ -n "${OUT:-}" ]; then
  work="$OUT"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
session="$work/scale.pnmsession"
rm -f "$session" "$session"-wal "$session"-shm
"$build/bin/bench_sessionscale" write "$session" "$count" "$root/benchmarks/ingest/body.json"
ls -l "$session" | awk '{printf "session file: %.0f MB\n", $5 / 1048576}'

# timed LABEL COMMAND... -> "LABEL: S s, peak RSS K KB" (stdout of the command discarded)
timed() {
  local label=$1
  shift
  /usr/bin/time -f "$label: %e s, peak RSS %M KB" "$@" 2>&1 >/dev/null | tail -1
}

"$build/bin/bench_sessionscale" open "$session" x
timed "open (reference: sqlite3 scan of the table's columns)" \
  sqlite3 "$session" "select seq, received_at_ms, status, verdict, event_name, event_id from requests"
timed "export to JSON" \
  "$build/bin/pnm-webhook-monitor" --open "$session" --export "$work/scale.json"
ls -l "$work/scale.json" | awk '{printf "JSON file: %.0f MB\n", $5 / 1048576}'
timed "export to JSON (reference: sqlite3 -json of the same rows)" \
  sqlite3 -json "$session" "select seq, received_at_ms, remote_address, remote_port,
    cast(method as text) method, cast(target as text) target, cast(headers as text) headers,
    cast(body as text) body, status, protocol_error, verification, event_name, event_id
    from requests order by seq"
