#!/usr/bin/env bash
# Builds the libFuzzer targets with clang + ASan + UBSan and runs each for a bounded time
# (httpparser, verifier, decoder, import: session files as JSON, NDJSON and HAR).
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s, every target)
# Seeds come from ../shared/vectors plus tests/data/fuzz/<target>/ (past crashes). A crash
# leaves its input in build/fuzz/crashes/<target>/; copy it into tests/data/fuzz/<target>/ so it
# replays in every test run from then on. Exits non-zero if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(httpparser verifier decoder import)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
bin=build/fuzz/bin
vectors=${PNM_SHARED_DIR:-$(pwd)/../shared}/vectors/plugnmeet-webhooks.json
"$bin/pnm_fuzz_seeds" "$vectors" build/fuzz/seeds

status=0
for target in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$target
  crashes=build/fuzz/crashes/$target
  mkdir -p "$corpus" "$crashes"
  echo "fuzz: $target for ${seconds}s"
  dict=()
  [ ! -f "fuzz/$target.dict" ] || dict=(-dict="fuzz/$target.dict")
  if ! ASAN_OPTIONS=detect_leaks=1 "$bin/fuzz_$target" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
       -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" \
       "$corpus" build/fuzz/seeds/"$target" tests/data/fuzz/"$target" 2>build/fuzz/$target.log; then
    echo "fuzz: $target FAILED; input in $crashes, log in build/fuzz/$target.log" >&2
    tail -40 build/fuzz/$target.log >&2
    status=1
  else
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' build/fuzz/$target.log | sed "s/^/fuzz: $target /"
  fi
done
exit $status
