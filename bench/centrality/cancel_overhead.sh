#!/usr/bin/env bash
# What the cancellation checks cost exact betweenness, side by side with the build before them.
#
#   bench/centrality/cancel_overhead.sh BASE_BENCH [GRAPH]
#
# BASE_BENCH: centrality_bench built from the commit before the checks (0616048), for example
#   git archive 0616048 | tar -x -C /tmp/base
#   (cd /tmp/base && cargo build --release -p citygraph-core --example centrality_bench)
#   then /tmp/base/target/release/examples/centrality_bench.
# GRAPH: an edge list; by default the seed twinning projection (every city of seed-data/, the
#   links active on AS_OF), made here with this tree's citygraph binary in $WORK.
# Runs the base and this tree's centrality_bench alternately, PAIRS times; each run reports the best
# of REPEAT computations (file reading excluded); this tree's runs go through compute_cancellable
# with a live handle, as the service runs them. Prints each pair and the median ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE=${1:?usage: cancel_overhead.sh BASE_BENCH [GRAPH]}
WORK=${WORK:-/tmp/cg-cancel-overhead}
AS_OF=${AS_OF:-2025-06-01}
PAIRS=${PAIRS:-10}
REPEAT=${REPEAT:-3}
THREADS=${THREADS:-1}
TARGET=${CARGO_TARGET_DIR:-target}
NEW=$TARGET/release/examples/centrality_bench
[ -x "$NEW" ] || cargo build --release -p citygraph-core --example centrality_bench
GRAPH=${2:-$WORK/seed-twinning.txt}
if [ ! -f "$GRAPH" ]; then
  BIN=$TARGET/release/citygraph
  [ -x "$BIN" ] || cargo build --release -p citygraph-server
  rm -rf "$WORK/data" && mkdir -p "$WORK"
  "$BIN" --data-dir "$WORK/data" import seed-data/*.ndjson > /dev/null
  for f in nodes.csv edges.csv; do
    "$BIN" --data-dir "$WORK/data" export --format "$f" --status active --as-of "$AS_OF" --out "$WORK/$f"
  done
  python3 - "$WORK" "$GRAPH" <<'PY'
import csv, sys
work, out = sys.argv[1], sys.argv[2]
with open(out, "w") as f:
    for r in csv.DictReader(open(f"{work}/nodes.csv")):
        f.write(r["id"] + "\n")
    for r in csv.DictReader(open(f"{work}/edges.csv")):
        f.write(r["source"] + " " + r["target"] + "\n")
PY
fi
# Best wall and CPU seconds of a run, from centrality_bench's JSON.
times() { python3 -c 'import json,sys; b=json.load(sys.stdin)["results"]["betweenness"]; print(b["seconds"], b["cpu_seconds"])'; }
for i in $(seq "$PAIRS"); do
  b=$("$BASE" "$GRAPH" --metrics betweenness --repeat "$REPEAT" --threads "$THREADS" 2>/dev/null | times)
  n=$("$NEW" "$GRAPH" --metrics betweenness --repeat "$REPEAT" --threads "$THREADS" --cancel-deadline 3600 2>/dev/null | times)
  echo "$i $b $n"
done | python3 -c '
import statistics, sys
rows = [[float(x) for x in l.split()] for l in sys.stdin]
print("pair  base_wall_s  checked_wall_s  ratio  base_cpu_s  checked_cpu_s  ratio")
for i, bw, bc, nw, nc in rows:
    print(f"{int(i):>4}  {bw:11.4f}  {nw:14.4f}  {nw / bw:.4f}  {bc:10.2f}  {nc:13.2f}  {nc / bc:.4f}")
med = statistics.median
wall = [r[3] / r[1] for r in rows]
cpu = [r[4] / r[2] for r in rows]
print(f"median wall: base {med(r[1] for r in rows):.4f} s, checked {med(r[3] for r in rows):.4f} s, ratio {med(wall):.4f} (min {min(wall):.4f}, max {max(wall):.4f})")
print(f"median cpu:  base {med(r[2] for r in rows):.2f} s, checked {med(r[4] for r in rows):.2f} s, ratio {med(cpu):.4f} (min {min(cpu):.4f}, max {max(cpu):.4f})")
'
