#!/usr/bin/env bash
# Network overlap and saturation benchmark (see bench/fragments/overlap.md for the results).
#
#   bash bench/overlap/run.sh [pairs|saturation|all]     (FULL=1 also loads the whole large graph)
#
# Needs python3 with duckdb (`pip install duckdb`) and /usr/bin/time; the data comes from
# `citygraph generate`.
# Generated data goes to $DATA_ROOT (default /tmp/citygraph-bench), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA_ROOT="${DATA_ROOT:-/tmp/citygraph-bench}"
AS_OF="${AS_OF:-2024-01-01}"
ITERS="${ITERS:-20}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
what="${1:-all}"

gen() { # scale
  if [ ! -f "$DATA_ROOT/$1/memberships.csv" ]; then
    mkdir -p "$DATA_ROOT"
    "$CARGO_TARGET_DIR/release/citygraph" generate --scale "$1" --out "$DATA_ROOT/$1" > "$DATA_ROOT/$1.summary.json"
  fi
}

cargo build --release -p citygraph-server -p citygraph-tests --example overlap_bench
BIN="$CARGO_TARGET_DIR/release/examples/overlap_bench"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

if [ "$what" = pairs ] || [ "$what" = all ]; then
  gen medium
  echo "== all-pairs overlap, generated medium, as of $AS_OF"
  "$BIN" pairs "$DATA_ROOT/medium" --as-of "$AS_OF" --iters "$ITERS"
  python3 bench/overlap/pairs_duckdb_python.py "$DATA_ROOT/medium" --as-of "$AS_OF" --iters "$ITERS"
fi

if [ "$what" = saturation ] || [ "$what" = all ]; then
  gen large
  echo "== saturation, generated large, as of $AS_OF (cities, networks and memberships)"
  /usr/bin/time -v "$BIN" saturation "$DATA_ROOT/large" --as-of "$AS_OF" --memberships-only 2> "$DATA_ROOT/time-mem.txt"
  grep -E "Elapsed|Maximum resident" "$DATA_ROOT/time-mem.txt"
  if [ "${FULL:-0}" = 1 ]; then
    # The whole graph, partnerships included: loading 5M partnerships takes far longer than the report.
    echo "== saturation, generated large, as of $AS_OF (whole graph loaded)"
    /usr/bin/time -v "$BIN" saturation "$DATA_ROOT/large" --as-of "$AS_OF" 2> "$DATA_ROOT/time-full.txt"
    grep -E "Elapsed|Maximum resident" "$DATA_ROOT/time-full.txt"
  fi
fi
