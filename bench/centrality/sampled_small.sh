#!/usr/bin/env bash
# Error of the 20-seed mean of sampled betweenness (K = n / 10) over the top 20 nodes of the
# generated small scale (`citygraph generate`), for the generator's default seed and seeds 1-5, five blocks of 20 sampling seeds each
# (0-19, 20-39, ..., 80-99). Prints one line per graph and block, then the worst node error seen.
# BIN: the centrality_bench binary and CITYGRAPH the citygraph binary (both built by run_all.sh);
# data in $DATA (default /tmp/cg-centrality).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-/tmp/cg-centrality}
AS_OF=${AS_OF:-2024-12-31}
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release/examples/centrality_bench}
CITYGRAPH=${CITYGRAPH:-${CARGO_TARGET_DIR:-target}/release/citygraph}
K=${K:-300}
mkdir -p "$DATA"
worst=0
for gs in default 1 2 3 4 5; do
  dir="$DATA/small-gen-$gs"
  if [ ! -f "$dir/cities.csv" ]; then
    if [ "$gs" = default ]; then
      "$CITYGRAPH" generate --scale small --out "$dir" > /dev/null
    else
      "$CITYGRAPH" generate --scale small --out "$dir" --seed "$gs" > /dev/null
    fi
  fi
  [ -f "$dir.txt" ] || python3 bench/centrality/export_edgelist.py "$dir" "$dir.txt" --as-of "$AS_OF" > /dev/null
  for from in 0 20 40 60 80; do
    line=$("$BIN" "$dir.txt" --metrics betweenness --sample "$K" --seeds 20 --seed-from "$from" \
      --mean-top 20 2>&1 >/dev/null | grep 'error of the')
    echo "generator seed $gs, sampling seeds $from-$((from + 19)):$line"
    w=$(sed -E 's/.*worst ([0-9.]+)%.*/\1/' <<< "$line")
    worst=$(python3 -c "print(max($worst, $w))")
  done
done
echo "worst top-20 error of a 20-seed mean: $worst%"
