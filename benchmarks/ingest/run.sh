#!/usr/bin/env bash
# Ingest benchmark (issue 4): requests per second of pnm-webhook-monitor storing every request
# durably (SQLite, answer after commit), against a reference receiver on LiveKit's Node SDK
# (TokenVerifier + SHA-256 + JSON.parse, no storage), in the same run with the same load (wrk).
#
# Usage: benchmarks/ingest/run.sh [MONITOR_BINARY]
#   DURATION=10s CONNECTIONS=16 THREADS=1 to change the load; ROUNDS=3 rounds of all receivers
#   (the median round is reported); OUT=dir to keep the files; MONITOR_ARGS="--retain-count 20000"
#   to give the durable monitor more options (retention, for one).
# Needs: wrk (Debian package), node + npm. Prints figures and ratios; exits 1 on a failed run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
monitor="${1:-$root/build/release/bin/pnm-webhook-monitor}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-1}"
rounds="${ROUNDS:-3}"
key=bench-key
secret=bench-secret-0123456789abcdef

command -v wrk >/dev/null || { echo "run.sh: wrk is missing: apt-get install wrk" >&2; exit 1; }
if [ ! -x "$monitor" ]; then
  echo "run.sh: building $monitor (release preset)" >&2
  (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release --target pnm-webhook-monitor bench_ingeststages)
fi
[ -d "$here/reference/node_modules" ] || (cd "$here/reference" && npm ci --no-audit --no-fund >/dev/null)

read -r -a monitor_args <<< "${MONITOR_ARGS:-}"
work="${OUT:-$(mktemp -d)}"
mkdir -p "$work"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

node "$here/reference/mint.mjs" "$key" "$secret" "$here/body.json" > "$work/token"
export PNM_BENCH_TOKEN="$work/token" PNM_BENCH_BODY="$here/body.json"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# run_wrk NAME PORT ROUND -> prints "NAME rps latency", leaves wrk's output in $work/NAME.rROUND.txt
# and the figure in rps_NAME_ROUND
run_wrk() {
  local out="$work/$1.r$3.txt"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/post.lua" \
    "http://127.0.0.1:$2/" > "$out"
  local rps latency
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  latency=$(awk '/^    Latency/ {print $2; exit}' "$out")
  if grep -q "Non-2xx" "$out"; then
    echo "run.sh: $1 answered something other than 2xx:" >&2; cat "$out" >&2
    exit 1
  fi
  printf '  %-28s %10s req/s   avg latency %s\n' "$1" "$rps" "$latency"
  eval "rps_$1_$3=$rps"
}

nginx_bin="$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)"
if [ -n "$nginx_bin" ]; then
  mkdir -p "$work/nginx"
  # The ceiling of loopback HTTP on this machine (issue 6): nginx answering a static 200 to the
  # same POSTs under the same load. Skipped when nginx is not installed (apt-get install nginx).
  nginx_conf() {
    cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx;
  server {
    listen 127.0.0.1:$1;
    location / { return 200 "{}\\n"; }
  }
}
CONF
  }
fi

# Every round runs each receiver once, one after another, so a machine that speeds up or slows
# down during the run weighs on all of them alike; the ratios of the median round are reported.
for round in $(seq "$rounds"); do
  echo "round $round of $rounds:"
  port=$(free_port)
  node "$here/reference/server.mjs" "$port" "$key" "$secret" 2>/dev/null & pids+=($!)
  wait_port "$port"
  run_wrk reference "$port" "$round"
  kill "${pids[-1]}"

  port=$(free_port)
  rm -f "$work/bench.pnmsession"*
  XDG_DATA_HOME="$work" "$monitor" --headless --listen "127.0.0.1:$port" --key "$key:$secret" \
    --session "$work/bench.pnmsession" "${monitor_args[@]}" > /dev/null 2>> "$work/monitor.err" &
  pids+=($!)
  wait_port "$port"
  run_wrk monitor_durable "$port" "$round"
  kill -TERM "${pids[-1]}"; wait "${pids[-1]}" || true
  if command -v sqlite3 >/dev/null; then
    echo "  stored in the session file: $(sqlite3 "$work/bench.pnmsession" 'select count(*) from requests') requests"
  fi

  port=$(free_port)
  XDG_DATA_HOME="$work" "$monitor" --headless --listen "127.0.0.1:$port" --key "$key:$secret" \
    --no-session > /dev/null 2>> "$work/monitor.err" & pids+=($!)
  wait_port "$port"
  run_wrk monitor_no_session "$port" "$round"
  kill -TERM "${pids[-1]}"; wait "${pids[-1]}" || true

  if [ -n "$nginx_bin" ]; then
    port=$(free_port)
    nginx_conf "$port"
    "$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>/dev/null & pids+=($!)
    wait_port "$port"
    run_wrk nginx_static_200 "$port" "$round"
    kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
  fi
done

# The median round by the durable ratio; its wrk outputs become NAME.txt (benchmarks/run-all.sh).
median=$(for round in $(seq "$rounds"); do
  eval "d=\$rps_monitor_durable_$round r=\$rps_reference_$round"
  awk -v d="$d" -v r="$r" -v n="$round" 'BEGIN { printf "%.4f %d\n", d / r, n }'
done | sort -n | awk -v m=$(((rounds + 1) / 2)) 'NR == m {print $2}')
for name in reference monitor_durable monitor_no_session nginx_static_200; do
  [ -f "$work/$name.r$median.txt" ] && cp "$work/$name.r$median.txt" "$work/$name.txt"
  eval "rps_$name=\${rps_${name}_$median:-}"
done

ratios() { # NAME REFERENCE -> "min-max" of the per-round ratios
  for round in $(seq "$rounds"); do
    eval "echo \$rps_$1_$round \$rps_$2_$round"
  done | awk '{r = $1 / $2; if (NR == 1 || r < lo) lo = r; if (NR == 1 || r > hi) hi = r}
              END {printf "%.2f-%.2f", lo, hi}'
}
echo "median round: $median (by the durable ratio); ratios of that round, range over all rounds:"
awk -v d="$rps_monitor_durable" -v n="$rps_monitor_no_session" -v r="$rps_reference" \
  -v dr="$(ratios monitor_durable reference)" -v nr="$(ratios monitor_no_session reference)" 'BEGIN {
  printf "ratio durable monitor / reference:    %.2f (rounds %s; target >= 2)\n", d / r, dr
  printf "ratio no-session monitor / reference: %.2f (rounds %s)\n", n / r, nr }'
if [ -n "${rps_nginx_static_200:-}" ]; then
  awk -v d="$rps_monitor_durable" -v n="$rps_monitor_no_session" -v x="$rps_nginx_static_200" \
    -v dr="$(ratios monitor_durable nginx_static_200)" -v nr="$(ratios monitor_no_session nginx_static_200)" 'BEGIN {
    printf "ratio durable monitor / nginx:        %.2f (rounds %s; nginx = loopback ceiling)\n", d / x, dr
    printf "ratio no-session monitor / nginx:     %.2f (rounds %s)\n", n / x, nr }'
fi
percentiles() { awk '$1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2} END {print p50 "/" p99}' "$work/$1.txt"; }
echo "latency p50/p99 of the median round: reference $(percentiles reference)," \
  "durable $(percentiles monitor_durable), no-session $(percentiles monitor_no_session)"
echo "load: wrk -t$threads -c$connections -d$duration, $rounds rounds, $(nproc) cores; files in $work"
# Where a request's CPU goes, stage by stage (same request, same token).
stages="$(dirname "$monitor")/bench_ingeststages"
if [ -x "$stages" ]; then
  echo "CPU per request by stage (bench_ingeststages):"
  "$stages" "$work/token" "$here/body.json" 50000 | sed 's/^/  /'
fi
