#!/usr/bin/env bash
# Ingest benchmark (issue 4): requests per second of pnm-webhook-monitor storing every request
# durably (SQLite, answer after commit), against a reference receiver on LiveKit's Node SDK
# (TokenVerifier + SHA-256 + JSON.parse, no storage), in the same run with the same load (wrk).
#
# Usage: benchmarks/ingest/run.sh [MONITOR_BINARY]
#   DURATION=10s CONNECTIONS=16 THREADS=1 to change the load; OUT=dir to keep the files.
# Needs: wrk (Debian package), node + npm. Prints figures and ratios; exits 1 on a failed run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
monitor="${1:-$root/build/release/bin/pnm-webhook-monitor}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-1}"
key=bench-key
secret=bench-secret-0123456789abcdef

command -v wrk >/dev/null || { echo "run.sh: wrk is missing: apt-get install wrk" >&2; exit 1; }
if [ ! -x "$monitor" ]; then
  echo "run.sh: building $monitor (release preset)" >&2
  (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release --target pnm-webhook-monitor bench_ingeststages)
fi
[ -d "$here/reference/node_modules" ] || (cd "$here/reference" && npm ci --no-audit --no-fund >/dev/null)

work="${OUT:-$(mktemp -d)}"
mkdir -p "$work"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

node "$here/reference/mint.mjs" "$key" "$secret" "$here/body.json" > "$work/token"
export PNM_BENCH_TOKEN="$work/token" PNM_BENCH_BODY="$here/body.json"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# run_wrk NAME PORT -> prints "NAME rps latency" and leaves wrk's output in $work/NAME.txt
run_wrk() {
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/post.lua" \
    "http://127.0.0.1:$2/" > "$work/$1.txt"
  local rps latency
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/$1.txt")
  latency=$(awk '/^    Latency/ {print $2; exit}' "$work/$1.txt")
  if grep -q "Non-2xx" "$work/$1.txt"; then
    echo "run.sh: $1 answered something other than 2xx:" >&2; cat "$work/$1.txt" >&2
    exit 1
  fi
  printf '%-28s %10s req/s   avg latency %s\n' "$1" "$rps" "$latency"
  eval "rps_$1=$rps"
}

port=$(free_port)
node "$here/reference/server.mjs" "$port" "$key" "$secret" 2>/dev/null & pids+=($!)
wait_port "$port"
run_wrk reference "$port"
kill "${pids[-1]}"

port=$(free_port)
XDG_DATA_HOME="$work" "$monitor" --headless --listen "127.0.0.1:$port" --key "$key:$secret" \
  --session "$work/bench.pnmsession" > /dev/null 2> "$work/monitor.err" & pids+=($!)
wait_port "$port"
run_wrk monitor_durable "$port"
kill -TERM "${pids[-1]}"; wait "${pids[-1]}" || true

port=$(free_port)
XDG_DATA_HOME="$work" "$monitor" --headless --listen "127.0.0.1:$port" --key "$key:$secret" \
  --no-session > /dev/null 2>> "$work/monitor.err" & pids+=($!)
wait_port "$port"
run_wrk monitor_no_session "$port"
kill -TERM "${pids[-1]}"; wait "${pids[-1]}" || true

# The ceiling of loopback HTTP on this machine (issue 6): nginx answering a static 200 to the
# same POSTs under the same load. Skipped when nginx is not installed (apt-get install nginx).
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then
  port=$(free_port)
  mkdir -p "$work/nginx"
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
    listen 127.0.0.1:$port;
    location / { return 200 "{}\\n"; }
  }
}
CONF
  "$(command -v nginx || echo /usr/sbin/nginx)" -c "$work/nginx/nginx.conf" -p "$work/nginx" \
    2>/dev/null & pids+=($!)
  wait_port "$port"
  run_wrk nginx_static_200 "$port"
  kill "${pids[-1]}"
fi

if command -v sqlite3 >/dev/null; then
  echo "stored in the session file: $(sqlite3 "$work/bench.pnmsession" 'select count(*) from requests') requests"
fi
awk -v d="$rps_monitor_durable" -v n="$rps_monitor_no_session" -v r="$rps_reference" 'BEGIN {
  printf "ratio durable monitor / reference:    %.2f (target >= 2)\n", d / r
  printf "ratio no-session monitor / reference: %.2f\n", n / r }'
if [ -n "${rps_nginx_static_200:-}" ]; then
  awk -v d="$rps_monitor_durable" -v n="$rps_monitor_no_session" -v x="$rps_nginx_static_200" 'BEGIN {
    printf "ratio durable monitor / nginx:        %.2f (nginx = loopback ceiling)\n", d / x
    printf "ratio no-session monitor / nginx:     %.2f\n", n / x }'
fi
echo "load: wrk -t$threads -c$connections -d$duration, $(nproc) cores; files in $work"
# Where a request's CPU goes, stage by stage (same request, same token).
stages="$(dirname "$monitor")/bench_ingeststages"
if [ -x "$stages" ]; then
  echo "CPU per request by stage (bench_ingeststages):"
  "$stages" "$work/token" "$here/body.json" 50000 | sed 's/^/  /'
fi
