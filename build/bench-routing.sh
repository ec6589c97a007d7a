#!/usr/bin/env bash
# Compares `policydesk eval-routing --train --test` with a jieba + TF-IDF + LinearSVC
# scikit-learn baseline on the same deterministic split, end to end (start to exit).
# Prints both macro-F1 figures, both wall and CPU times and their ratios; RUNS=n repeats the pair
# back to back (useful on a loaded machine: report the range).
#
#   build/bench-routing.sh [policydesk binary]
#   POLICYDESK_CORPUS=/path/to/corpus RUNS=3 build/bench-routing.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# POLICYDESK_CORPUS is the corpus folder, as for the Go tests (mailbox/train.csv inside it).
corpus="${POLICYDESK_CORPUS:-../shared/corpus}/mailbox/train.csv"
[ -f "$corpus" ] || { echo "找不到语料 $corpus（把 POLICYDESK_CORPUS 设为语料目录）" >&2; exit 2; }
runs="${RUNS:-1}"
# Debian's python3-jieba and python3-sklearn belong to the system interpreter.
py="${PYTHON:-/usr/bin/python3}"

if ! "$py" -c 'import jieba, sklearn' 2>/dev/null; then
	apt_get=(apt-get)
	[ "$(id -u)" = 0 ] || apt_get=(sudo apt-get)
	DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -q python3-jieba python3-sklearn >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bin="${1:-}"
if [ -z "$bin" ]; then
	bin="$work/policydesk"
	go build -o "$bin" .
fi

# Deterministic split: every fifth message (by row order) is held out.
"$py" - "$corpus" "$work" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
head, rows = rows[0], rows[1:]
for name, keep in (("train", lambda i: i % 5 != 0), ("test", lambda i: i % 5 == 0)):
    with open(f"{sys.argv[2]}/{name}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(head)
        w.writerows(r for i, r in enumerate(rows) if keep(i))
print(f"split: {sum(i % 5 != 0 for i in range(len(rows)))} train / {sum(i % 5 == 0 for i in range(len(rows)))} test messages from {sys.argv[1]}")
PY

# Warm both sides (Python jieba builds its dictionary cache once; our binary and the files come into the page
# cache) so neither pays a one-off cost in the timed runs.
"$py" -c 'import jieba; jieba.initialize()' 2>/dev/null
"$bin" eval-routing --train "$work/test.csv" --test "$work/test.csv" >/dev/null

# Each side is timed by bash (wall, user and system seconds). The ratio is of wall times; the CPU seconds show
# how much work each side did, which a loaded machine disturbs less.
TIMEFORMAT='%R %U %S'
for i in $(seq "$runs"); do
	{ time py_out=$("$py" build/bench_routing_baseline.py "$work/train.csv" "$work/test.csv" 2>/dev/null); } 2>"$work/py.time"
	{ time go_out=$("$bin" eval-routing --train "$work/train.csv" --test "$work/test.csv"); } 2>"$work/go.time"
	py_f1=$(sed -n 's/^macro_f1=//p' <<<"$py_out")
	go_f1=$(grep -o '宏平均F1[^0-9]*[0-9.]*' <<<"$go_out" | grep -o '[0-9.]*$' | head -1)
	go_rate=$(grep -o '匹配速度 [0-9]*' <<<"$go_out" | grep -o '[0-9]*$')
	"$py" - "$work/py.time" "$work/go.time" "$py_f1" "$go_f1" "$i" "$go_rate" <<'PY'
import sys
py = [float(v) for v in open(sys.argv[1]).read().split()[-3:]]
go = [float(v) for v in open(sys.argv[2]).read().split()[-3:]]
print(f"run {sys.argv[5]}: scikit-learn macro-F1 {sys.argv[3]} in {py[0]:.2f}s (CPU {py[1] + py[2]:.2f}s) | "
      f"policydesk macro-F1 {sys.argv[4]} in {go[0]:.2f}s (CPU {go[1] + go[2]:.2f}s, matching {sys.argv[6]} msg/s) | "
      f"ratio {py[0] / go[0]:.1f}x (CPU {(py[1] + py[2]) / (go[1] + go[2]):.1f}x)")
PY
	{ tail -n1 "$work/py.time"; tail -n1 "$work/go.time"; } >>"$work/all.time"
done
# With several runs, the ratio of the median wall times: one run's ratio moves with whatever else the machine does.
if [ "$runs" -gt 1 ]; then
	"$py" - "$work/all.time" "$runs" <<'PY'
import statistics, sys
rows = [[float(v) for v in line.split()] for line in open(sys.argv[1]) if line.strip()]
py, go = [r[0] for r in rows[0::2]], [r[0] for r in rows[1::2]]
print(f"median of {sys.argv[2]} runs: scikit-learn {statistics.median(py):.2f}s, policydesk {statistics.median(go):.2f}s, "
      f"ratio {statistics.median(py) / statistics.median(go):.1f}x")
PY
fi
