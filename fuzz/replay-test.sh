#!/usr/bin/env bash
# ctest helper: writes the seed corpus from the vectors, then replays it and the saved crashes.
# usage: replay-test.sh SEEDS_TOOL REPLAY_BINARY VECTORS_JSON SEED_DIR REGRESSION_DIR
set -euo pipefail
seeds_tool=$1 replay=$2 vectors=$3 seed_dir=$4 regressions=$5
"$seeds_tool" "$vectors" "$(dirname "$seed_dir")" >/dev/null
exec "$replay" "$seed_dir" "$regressions"
