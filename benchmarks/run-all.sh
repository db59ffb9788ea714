#!/usr/bin/env bash
# The whole benchmark suite in one command (issue 6): builds what it needs with the release
# preset, then runs
#   ingest  - wrk against the headless monitor (durable session and --no-session), the LiveKit
#             Node SDK reference receiver and nginx answering a static 200 (benchmarks/ingest)
#   window  - bench_liverate: 1,000 events/s into the window (event-loop p99, events lost), and
#             bench_millionrows: filter/sort latency and bytes per row (benchmarks/gui)
#   store   - a 1,000,000-request session: open and JSON export, seconds and peak memory, next to
#             sqlite3 doing the same reads (benchmarks/store)
# and prints each figure next to its reference with the ratio, then a markdown summary with the
# machine it ran on.
#
# Usage: benchmarks/run-all.sh [SUMMARY_FILE]        (summary to stdout when no file is named)
#   QUICK=1          100,000 events instead of 1,000,000, 5 s loads in one round (not three),
#                    10 s of live rate: a check that everything runs (a few minutes), not
#                    figures to publish
#   ONLY="ingest window store"   run only some parts
#   BUILD_DIR=dir    the release build to use (default build/release, configured if absent)
#   WINDOW_PLATFORM=xvfb|offscreen   how the window runs (default: xvfb when xvfb-run exists)
#   DURATION, CONNECTIONS (a list: "16 64"), ROUNDS, EVENTS, LIVE_SECONDS override the sizes below
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
summary_file="${1:-}"
only="${ONLY:-ingest window store}"
build="$(realpath -m "${BUILD_DIR:-$root/build/release}")"
if [ "${QUICK:-0}" = 1 ]; then
  events="${EVENTS:-100000}" duration="${DURATION:-5s}" live_seconds="${LIVE_SECONDS:-10}"
  rounds="${ROUNDS:-1}"
else
  events="${EVENTS:-1000000}" duration="${DURATION:-10s}" live_seconds="${LIVE_SECONDS:-60}"
  rounds="${ROUNDS:-3}"
fi
# Plug-N-Meet sends one request at a time per room (protocol.md 7): connections = busy rooms.
connections="${CONNECTIONS:-16 64}"
live_rate=1000
platform="${WINDOW_PLATFORM:-$(command -v xvfb-run >/dev/null && echo xvfb || echo offscreen)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rows="$work/rows.md" # the summary table's rows, appended as figures arrive
: >"$rows"

part() { [[ " $only " == *" $1 "* ]]; }
say() { printf '%s\n' "$*" >&2; }
# row BENCHMARK MEASURE US REFERENCE RATIO NOTE
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@" >>"$rows"; }
# ratio A B -> A / B with two decimals, "-" when either is missing or B is 0
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
# first number after a pattern in a file: num FILE REGEX
num() { perl -ne 'if (/'"$2"'\D*?(-?[0-9][0-9.]*)/) { print $1; exit }' "$1"; }

say "== build (release preset: $build)"
targets=(pnm-webhook-monitor pnm_core pnm_llhttp)
part ingest && targets+=(bench_ingeststages)
part window && targets+=(bench_liverate bench_millionrows)
part store && targets+=(bench_sessionscale)
[ -f "$build/CMakeCache.txt" ] || (cd "$root" && cmake --preset release -B "$build" >/dev/null)
cmake --build "$build" --target "${targets[@]}" >&2
monitor="$build/bin/pnm-webhook-monitor"

if part ingest; then
  for c in $connections; do
    say "== ingest: wrk -c$c -d$duration, $rounds rounds (durable monitor, --no-session, LiveKit Node reference, nginx)"
    OUT="$work/ingest-c$c" DURATION="$duration" CONNECTIONS="$c" ROUNDS="$rounds" \
      "$here/ingest/run.sh" "$monitor" | tee "$work/ingest-c$c.log" >&2 || say "ingest run failed"
    rps() { awk '/^Requests\/sec:/ {print $2}' "$work/ingest-c$c/$1.txt" 2>/dev/null; }
    p99() { awk '$1 == "99%" {print $2}' "$work/ingest-c$c/$1.txt" 2>/dev/null; }
    ref=$(rps reference) nginx=$(rps nginx_static_200)
    for receiver in monitor_durable monitor_no_session; do
      us=$(rps "$receiver")
      row ingest "req/s, $receiver, $c connections" "$us" "$ref (LiveKit Node SDK)" \
        "$(ratio "$us" "$ref")" "target >= 2 for durable; p99 latency $(p99 "$receiver") vs $(p99 reference)"
      [ -z "$nginx" ] || row ingest "req/s, $receiver, $c connections" "$us" "$nginx (nginx static 200)" \
        "$(ratio "$us" "$nginx")" "nginx = loopback ceiling; its p99 $(p99 nginx_static_200)"
    done
  done
fi

if part window; then
  run_window() {
    if [ "$platform" = xvfb ]; then
      QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
    else
      QT_QPA_PLATFORM=offscreen "$@"
    fi
  }
  say "== window: $live_rate events/s for $live_seconds s ($platform)"
  run_window "$build/bin/bench_liverate" "$live_seconds" "$live_rate" | tee "$work/live.log" >&2 ||
    say "bench_liverate failed (events lost?)"
  p99=$(num "$work/live.log" '99th percentile')
  worst=$(num "$work/live.log" 'worst stall')
  lost=$(num "$work/live.log" 'lost:')
  sent=$(num "$work/live.log" '^sent')
  row window "event-loop p99 at $live_rate/s (ms)" "$p99" "50 (target)" "$(ratio "$p99" 50)" \
    "worst stall $worst ms, $platform"
  row window "events lost of $sent" "$lost" "0 (target)" "-" ""
  say "== window: table of $events rows"
  "$build/bin/bench_millionrows" "$events" | tee "$work/rows.log" >&2 || say "bench_millionrows failed"
  row window "table model, bytes per row" "$(num "$work/rows.log" 'table model:')" "-" "-" \
    "RSS growth $(num "$work/rows.log" 'RSS growth') bytes/row"
  # The case table: a 40-column name, then rows shown, median ms, max ms [, proxy-only median ms].
  awk 'started && length($0) > 41 {
         name = substr($0, 1, 40); sub(/ +$/, "", name); gsub(/\|/, "\\|", name)
         n = split(substr($0, 41), f, " ")
         if (n >= 3 && f[2] ~ /^[0-9.]+$/) print name "\t" f[1] "\t" f[2] "\t" f[3] "\t" (n >= 4 ? f[4] : "")
       }
       /^case \(each from the same start\)/ { getline; started = 1 }' "$work/rows.log" |
    while IFS=$'\t' read -r what shown median max alone; do
      row window "$what (median ms)" "$median" "300 (target)" "$(ratio "$median" 300)" \
        "max $max ms$([ -z "$alone" ] || echo ", proxy alone $alone ms"); $shown of $events rows shown"
    done
fi

if part store; then
  say "== store: session of $events requests"
  "$here/store/run.sh" "$events" "$build" | tee "$work/store.log" >&2 || say "store run failed"
  # timed lines: "LABEL: S s, peak RSS K KB"
  seconds() { grep -F "$1:" "$work/store.log" | head -1 | sed -E 's/.*: ([0-9.]+) s,.*/\1/'; }
  peak_mb() { grep -F "$1:" "$work/store.log" | head -1 | sed -E 's/.*peak RSS ([0-9]+) KB.*/\1/' |
    awk '{printf "%.0f", $1 / 1024}'; }
  open_line=$(grep '^opened' "$work/store.log" | head -1)
  open_s=$(sed -E 's/.*all after ([0-9.]+) s.*/\1/' <<<"$open_line")
  open_mb=$(sed -E 's/.*peak RSS ([0-9]+) MB.*/\1/' <<<"$open_line")
  first_ms=$(sed -E 's/.*first batch after ([0-9]+) ms.*/\1/' <<<"$open_line")
  ref_open="open (reference: sqlite3 scan of the table's columns)"
  ref_export="export to JSON (reference: sqlite3 -json of the same rows)"
  row store "write $events requests (s)" "$(num "$work/store.log" 'requests in')" "-" "-" \
    "$(grep '^session file' "$work/store.log")"
  row store "open, all rows (s)" "$open_s" "$(seconds "$ref_open") (sqlite3 scan)" \
    "$(ratio "$open_s" "$(seconds "$ref_open")")" "first rows after $first_ms ms"
  row store "open, peak memory (MB)" "$open_mb" "$(peak_mb "$ref_open") (sqlite3 scan)" \
    "$(ratio "$open_mb" "$(peak_mb "$ref_open")")" ""
  row store "export to JSON (s)" "$(seconds "export to JSON")" \
    "$(seconds "$ref_export") (sqlite3 -json)" \
    "$(ratio "$(seconds "export to JSON")" "$(seconds "$ref_export")")" \
    "$(grep '^JSON file' "$work/store.log")"
  row store "export, peak memory (MB)" "$(peak_mb "export to JSON")" \
    "$(peak_mb "$ref_export") (sqlite3 -json)" \
    "$(ratio "$(peak_mb "export to JSON")" "$(peak_mb "$ref_export")")" ""
fi

disk_dir="$(dirname "$work")"
disk="$(findmnt -no SOURCE,FSTYPE -T "$disk_dir" | tr -s ' ')"
rota="$(lsblk -dno ROTA "$(findmnt -no SOURCE -T "$disk_dir")" 2>/dev/null | tr -d ' ' || true)"
{
  echo "# Benchmark summary ($(date -u +%Y-%m-%dT%H:%MZ)$([ "${QUICK:-0}" = 1 ] && echo ', QUICK'))"
  echo
  echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GB RAM,"
  echo "Linux $(uname -r), disk $disk$([ "$rota" = 0 ] && echo ' (SSD)')$([ "$rota" = 1 ] && echo ' (rotational or virtual)'),"
  echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg). Release build, commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')."
  echo "Sizes: $events events, ingest wrk -t1 -c${connections// /,} -d$duration ($rounds rounds), live rate $live_rate/s for $live_seconds s."
  echo "Ratio = us / reference (for req/s higher is better; for times and memory lower is better)."
  echo
  echo "| benchmark | measure | us | reference | ratio | note |"
  echo "|---|---|---|---|---|---|"
  cat "$rows"
} >"$work/summary.md"
if [ -n "$summary_file" ]; then
  cp "$work/summary.md" "$summary_file"
  say "== summary written to $summary_file"
fi
cat "$work/summary.md"
