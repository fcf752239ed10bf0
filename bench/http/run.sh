#!/usr/bin/env bash
# HTTP benchmark: GET /v1/cities/{id}/partners on the seeded service against a bare actix-web
# handler returning a constant, side by side in one run, with wrk at 64 connections.
# Usage: bench/http/run.sh [CITY_ID] [DURATION]   (needs: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
CITY=${1:-us-chicago}
DUR=${2:-15s}
cargo build --release --locked -p citygraph-server >/dev/null
cargo build --release --locked -p citygraph-api --example bare >/dev/null
work=$(mktemp -d)
trap 'kill $cg $bare 2>/dev/null || true; rm -rf "$work"' EXIT
CITYGRAPH_LOG=${CITYGRAPH_LOG:-info} "${CARGO_TARGET_DIR:-target}/release/citygraph" --data-dir "$work/data" serve --bind 127.0.0.1:18080 2> "$work/cg.log" &
cg=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:18080/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
# The bare handler answers with the very bytes of citygraph's answer, so both move the same data.
curl -fs "http://127.0.0.1:18080/v1/cities/$CITY/partners" > "$work/body.json"
echo "answer: $(wc -c < "$work/body.json") bytes"
"${CARGO_TARGET_DIR:-target}/release/examples/bare" 127.0.0.1:18081 "$work/body.json" &
bare=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:18081/v1/cities/$CITY/partners" >/dev/null 2>&1 && break; sleep 0.1; done
run() { wrk -t2 -c64 -d"$DUR" --latency "$1" | tee "$work/$2.txt"; }
run "http://127.0.0.1:18081/v1/cities/$CITY/partners" bare
run "http://127.0.0.1:18080/v1/cities/$CITY/partners" citygraph
python3 - "$work" <<'PY'
import re, sys
def parse(p):
    t = open(p).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)", t)
    p99 = float(m.group(1)) * {"us": 1e-3, "ms": 1, "s": 1e3}[m.group(2)]
    return rps, p99
b = parse(sys.argv[1] + "/bare.txt"); c = parse(sys.argv[1] + "/citygraph.txt")
print(f"| server | requests/s | p99 ms |\n|---|---|---|\n| bare actix handler | {b[0]:.0f} | {b[1]:.2f} |\n| citygraph partners | {c[0]:.0f} | {c[1]:.2f} |")
print(f"ratio citygraph/bare: {c[0]/b[0]:.2f}")
PY
