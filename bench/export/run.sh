#!/bin/sh
# Export benchmark on the generated medium scale: one process per format under /usr/bin/time -v.
# Usage: bench/export/run.sh [WORK_DIR]   (run from the repository root)
# Data and exports go to WORK_DIR (default /tmp/citygraph-export-bench), never into the repository.
set -eu
WORK=${1:-/tmp/citygraph-export-bench}
TARGET=${CARGO_TARGET_DIR:-target}
mkdir -p "$WORK"
cargo build --release -p citygraph-server -p citygraph-interchange --example export_bench
[ -f "$WORK/data/cities.csv" ] || "$TARGET/release/citygraph" generate --scale medium --out "$WORK/data" > /dev/null
BENCH="$TARGET/release/examples/export_bench"
run() {
  label=$1; shift
  /usr/bin/time -v "$BENCH" "$WORK/data" "$WORK/out" "$@" > "$WORK/$label.out" 2> "$WORK/$label.time"
  peak=$(grep 'Maximum resident' "$WORK/$label.time" | awk '{print $6}')
  wall=$(grep 'Elapsed (wall' "$WORK/$label.time" | awk '{print $8}')
  echo "== $label: process peak RSS ${peak} kB, wall $wall"
  grep -v '^| ---' "$WORK/$label.out"
}
run load-only --format none
for f in geojson graphml gexf csv nodes.csv edges.csv ndjson ndjson-all; do
  run "$f" --format "$f"
done
run bipartite-all --format all --projection bipartite --as-of 2010-01-01
run geojson-memory-sink --format geojson --sink memory
