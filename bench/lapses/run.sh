#!/usr/bin/env bash
# Lapse and survival analytics: citygraph-core (Rust) against pandas + lifelines on the same
# data of `citygraph generate`. Usage: bench/lapses/run.sh [SCALE ...]   (default: medium large)
#
# Data goes to $BENCH_DATA_DIR (default /tmp/citygraph-bench/SCALE), never into the repository; the
# large scale is about 170 MB of CSV. Results: SCALE/rust-lapses.json and
# SCALE/python-lapses.json next to the data, and bench/fragments/lapses.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=${BENCH_DATA_DIR:-/tmp/citygraph-bench}
repeat=${BENCH_REPEAT:-3}
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(medium large)

cd "$repo"
cargo build --release -p citygraph-server -p citygraph-tests --example lapse_bench
for s in "${scales[@]}"; do
  if [ ! -f "$data/$s/partnerships.csv" ]; then
    echo "== generating $s into $data/$s"
    "${CARGO_TARGET_DIR:-target}/release/citygraph" generate --scale "$s" --out "$data/$s" > /dev/null
  fi
done
dirs=()
for s in "${scales[@]}"; do
  echo "== $s: Rust"
  cargo run --release -q -p citygraph-tests --example lapse_bench -- "$data/$s" --repeat "$repeat" --json "$data/$s/rust-lapses.json"
  echo "== $s: pandas + lifelines"
  python3 "$here/python_bench.py" "$data/$s" --repeat "$repeat" --json "$data/$s/python-lapses.json"
  dirs+=("$data/$s")
done
python3 "$here/report.py" --out "$repo/bench/fragments/lapses.md" "${dirs[@]}"
echo "== wrote bench/fragments/lapses.md"
