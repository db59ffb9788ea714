#!/usr/bin/env bash
# Static analysis step (issue 6): clang-tidy with the checked-in .clang-tidy over every source
# file under src/, from the default build's compile_commands.json, in parallel. Any finding
# fails the step (.clang-tidy makes every warning an error). Generated moc/uic files live in the
# build tree and are not analysed; headers under src/ are, through the files that include them.
#   .ci/clang-tidy.sh [BUILD_DIR] [FILE_REGEX]   (default build/default, every file in src/)
#   JOBS=N to change the parallelism (default: nproc)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "$root" && realpath -m "${1:-build/default}")"
files="${2:-^$root/src/.*\.cpp$}"
jobs="${JOBS:-$(nproc)}"
tidy="$(command -v clang-tidy-14 || command -v clang-tidy)" ||
  { echo "clang-tidy.sh: clang-tidy is missing: apt-get install clang-tidy" >&2; exit 1; }

if [ ! -f "$build/compile_commands.json" ]; then
  (cd "$root" && cmake --preset default -B "$build" >/dev/null)
fi
# moc and uic output that src/ includes (ui_*.h, moc_*.cpp) must exist before it is parsed. In CI
# the build is complete already; elsewhere the autogen targets also build the libraries they
# depend on, so a build error there only warns and what was generated is analysed.
autogen=$(ninja -C "$build" -t targets all | sed -n 's#^\(src/[^:/]*/[^:/]*_autogen\): phony$#\1#p')
# shellcheck disable=SC2086
[ -z "$autogen" ] || cmake --build "$build" --target $autogen -- -k 0 >/dev/null 2>&1 ||
  echo "clang-tidy.sh: warning: $build does not build completely; generated files may be stale" >&2

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
start=$SECONDS
status=0
if command -v run-clang-tidy >/dev/null; then
  run-clang-tidy -clang-tidy-binary "$tidy" -p "$build" -j "$jobs" -quiet "$files" \
    >"$log" 2>&1 || status=$?
else
  python3 -c 'import json,re,sys
for e in json.load(open(sys.argv[1])):
    if re.search(sys.argv[2], e["file"]): print(e["file"])' "$build/compile_commands.json" "$files" |
    xargs -r -P "$jobs" -n 4 "$tidy" -p "$build" --quiet >"$log" 2>&1 || status=$?
fi
# Keep the findings, drop colour codes and the per-file chatter (the command run, "N warnings
# generated", "Suppressed ..."); then list each finding once (a header's shows once per file
# that includes it).
sed -i -E 's/\x1b\[[0-9;]*m//g' "$log"
grep -vE '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$|^Suppressed [0-9]+ warnings|^Use -header-filter|^Running clang-tidy|^[^ ]*clang-tidy(-[0-9]+)? ' \
  "$log" || true
findings=$(grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error): ' "$log" | sort -u || true)
count=$(python3 -c 'import json,re,sys
print(sum(1 for e in json.load(open(sys.argv[1])) if re.search(sys.argv[2], e["file"])))' \
  "$build/compile_commands.json" "$files")
if [ "$status" -ne 0 ] || [ -n "$findings" ]; then
  echo "clang-tidy.sh: $(grep -c . <<<"$findings") distinct findings in src/ ($count files, $((SECONDS - start)) s):" >&2
  echo "$findings" >&2
  exit 1
fi
echo "clang-tidy.sh: no findings in $count files under src/ ($((SECONDS - start)) s, $jobs jobs)"
