#!/usr/bin/env bash
# Compares `policydesk eval-routing --train --test` with a jieba + TF-IDF + LinearSVC
# scikit-learn baseline on the same deterministic split, end to end (start to exit).
# Prints both macro-F1 figures, both wall times and their ratio; RUNS=n repeats the pair
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

now() { date +%s.%N; }
for i in $(seq "$runs"); do
	t0=$(now)
	py_out=$("$py" build/bench_routing_baseline.py "$work/train.csv" "$work/test.csv" 2>/dev/null)
	t1=$(now)
	go_out=$("$bin" eval-routing --train "$work/train.csv" --test "$work/test.csv")
	t2=$(now)
	py_f1=$(sed -n 's/^macro_f1=//p' <<<"$py_out")
	go_f1=$(grep -o '宏平均F1[^0-9]*[0-9.]*' <<<"$go_out" | grep -o '[0-9.]*$' | head -1)
	"$py" - "$t0" "$t1" "$t2" "$py_f1" "$go_f1" "$i" <<'PY'
import sys
t0, t1, t2 = map(float, sys.argv[1:4])
py, go = t1 - t0, t2 - t1
print(f"run {sys.argv[6]}: scikit-learn macro-F1 {sys.argv[4]} in {py:.2f}s | policydesk macro-F1 {sys.argv[5]} in {go:.2f}s | ratio {py / go:.1f}x")
PY
done
