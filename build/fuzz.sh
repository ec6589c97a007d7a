#!/usr/bin/env bash
# Runs every Go fuzz target (func FuzzXxx in a _test.go file) for a bounded time each. A crasher is written by
# Go under the package's testdata/fuzz/ and then replays in every plain `go test` run as a regression.
# FUZZTIME sets the time per target (default 15s).
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-15s}
status=0
count=0
while IFS= read -r file; do
  dir=$(dirname "$file")
  for target in $(grep -oE '^func (Fuzz[A-Za-z0-9_]+)' "$file" | awk '{print $2}'); do
    count=$((count + 1))
    printf -- '--- %s %s (%s)\n' "./$dir" "$target" "$fuzztime"
    if ! go test "./$dir" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -parallel 2 2>&1 | tail -n 3; then
      echo "FAIL: $target"
      status=1
    fi
  done
done < <(grep -rlE '^func Fuzz' --include='*_test.go' internal app 2>/dev/null | sort)
echo "$count fuzz targets run, ${fuzztime} each"
exit $status
