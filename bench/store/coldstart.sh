#!/usr/bin/env bash
# Cold start of the real binary: process start to the first 200 from /readyz, and the resident
# memory then. Usage: bench/store/coldstart.sh DATA_DIR [RUNS]   (release binary in target/release)
set -euo pipefail
DATA=$1
RUNS=${2:-3}
BIN=${BIN:-target/release/citygraph}
PORT=${PORT:-18931}
for _ in $(seq "$RUNS"); do
  start=$(date +%s.%N)
  CITYGRAPH_LOG=warn "$BIN" --data-dir "$DATA" serve --no-seed --bind 127.0.0.1:$PORT >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz"; do sleep 0.01; done
  end=$(date +%s.%N)
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "{\"bench\":\"coldstart\",\"seconds\":$(echo "$end - $start" | bc),\"rss_mib\":$((rss / 1024)),\"peak_mib\":$((hwm / 1024))}"
done
