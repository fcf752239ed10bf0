#!/usr/bin/env bash
# Reproduces the figures of bench/fragments/centrality.md. Data and results go to $DATA
# (default /tmp/cg-centrality), never into the repository.
# Needs python3 with: pip install numpy networkx scipy rustworkx igraph
# LARGE=1 also generates the large scale (170 MB of CSV) and times sampled betweenness on it.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-/tmp/cg-centrality}
AS_OF=${AS_OF:-2024-12-31}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
mkdir -p "$DATA"

cargo build --release -p citygraph-server -p citygraph-core --example centrality_bench
BIN="$CARGO_TARGET_DIR/release/examples/centrality_bench"

for scale in small medium ${LARGE:+large}; do
  if [ ! -f "$DATA/$scale/cities.csv" ]; then
    "$CARGO_TARGET_DIR/release/citygraph" generate --scale "$scale" --out "$DATA/$scale" > /dev/null
  fi
  python3 bench/centrality/export_edgelist.py "$DATA/$scale" "$DATA/$scale.txt" --as-of "$AS_OF"
done

# Sampled betweenness on small: error of the 20-seed mean over the top 20 at K = n / 10, on the
# default graph and five other generator seeds.
BIN="$BIN" DATA="$DATA" bash bench/centrality/sampled_small.sh > "$DATA/sampled-small.txt"

# Sampled betweenness on medium: top-100 Spearman correlation against exact and error of the mean,
# 5 seeds per K (K = n / 20 and n / 10).
"$BIN" "$DATA/medium.txt" --metrics betweenness --sample "${MEDIUM_K:-2500,5000}" --seeds 5 \
  --spearman-top 100 --mean-top 100 > "$DATA/sampled-medium.json"

# Exact metrics side by side: small (best of 3, NetworkX in full), medium (one run, NetworkX
# estimated from 200 sources).
python3 bench/centrality/run_bench.py --bin "$BIN" --graph small="$DATA/small.txt" --repeat 3 \
  --out "$DATA/exact-small.json" --markdown "$DATA/exact-small.md"
python3 bench/centrality/run_bench.py --bin "$BIN" --graph medium="$DATA/medium.txt" \
  --out "$DATA/exact-medium.json" --markdown "$DATA/exact-medium.md"

# Sampled betweenness on large.
if [ -n "${LARGE:-}" ]; then
  "$BIN" "$DATA/large.txt" --metrics pagerank --sample "${LARGE_K:-300,500}" --seeds 1 \
    > "$DATA/sampled-large.json"
fi
