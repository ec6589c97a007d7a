#!/usr/bin/env bash
# Runs every Go fuzz target (func FuzzXxx in a _test.go file) for a number of executions each and fails when a
# target executes fewer than a floor of inputs (a target that only "runs" for its time but barely executes tests
# nothing). A crasher is written by Go under the package's testdata/fuzz/ and then replays in every plain
# `go test` run as a regression.
#   FUZZTIME        executions (e.g. 20000x) or time (e.g. 15s) per target; default 20000x
#   FUZZ_MIN_EXECS  the floor of executions per target; default 10000
#   FUZZ_TIMEOUT    the wall-clock cap per target, after which it is stopped and judged by its count; default 90s
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-20000x}
floor=${FUZZ_MIN_EXECS:-10000}
cap=${FUZZ_TIMEOUT:-90s}
status=0
count=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
while IFS= read -r file; do
  dir=$(dirname "$file")
  for target in $(grep -oE '^func (Fuzz[A-Za-z0-9_]+)' "$file" | awk '{print $2}'); do
    count=$((count + 1))
    printf -- '--- %s %s (%s, cap %s)\n' "./$dir" "$target" "$fuzztime" "$cap"
    rc=0
    timeout --signal=INT --kill-after=20s "$cap" \
      go test "./$dir" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -parallel 2 >"$log" 2>&1 || rc=$?
    tail -n 3 "$log"
    # The last progress line reports the executions so far: "fuzz: elapsed: 9s, execs: 20000 (2213/sec), …".
    execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -n 1 | awk '{print $2}')
    execs=${execs:-0}
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && [ "$rc" -ne 130 ]; then
      echo "FAIL: $target (go test exited $rc)"
      status=1
    elif grep -q -- '--- FAIL' "$log"; then
      echo "FAIL: $target found a failing input"
      status=1
    elif [ "$execs" -lt "$floor" ]; then
      echo "FAIL: $target executed only $execs inputs (floor $floor): trim its seed corpus or fix its slow path"
      status=1
    else
      echo "ok: $target executed $execs inputs"
    fi
  done
done < <(grep -rlE '^func Fuzz' --include='*_test.go' internal app 2>/dev/null | sort)
echo "$count fuzz targets run, ${fuzztime} each, floor ${floor} executions"
exit $status
