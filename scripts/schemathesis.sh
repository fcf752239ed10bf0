#!/usr/bin/env bash
# The API contract test: schemathesis generates requests from the served OpenAPI document (writes
# included, with a token) against a server seeded from the project's own seed-data/, in every
# phase: the documented examples, coverage, fuzzing, and the stateful phase, which follows the
# document's links from each create operation to the reads, updates and deletes of what it
# created. Four checks: no server error, documented status codes, documented content types,
# responses that match their schemas. Fails on any failure, on a server panic, and when fewer
# than MIN_CASES cases ran.
#
#   MIN_CASES      at least this many generated cases (default 5000)
#   MAX_EXAMPLES   examples per operation and phase (default 100)
#   ST_WORKERS     concurrent schemathesis workers (default 2)
#   CITYGRAPH_BIN  the server binary (default target/debug/citygraph)
set -euo pipefail
cd "$(dirname "$0")/.."
MIN_CASES=${MIN_CASES:-5000}
MAX_EXAMPLES=${MAX_EXAMPLES:-100}
ST_WORKERS=${ST_WORKERS:-2}
BIN=${CITYGRAPH_BIN:-${CARGO_TARGET_DIR:-target}/debug/citygraph}
[ -x "$BIN" ] || cargo build -p citygraph-server --locked
ST=$(command -v schemathesis || true)
if [ -z "$ST" ]; then
  ST="$(python3 -c 'import sys, os; print(os.path.join(os.path.dirname(sys.executable), "schemathesis"))')"
fi
[ -x "$ST" ] || { echo "schemathesis is not installed (pip install -r tests/python/requirements.txt)"; exit 1; }
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/seed"
cp seed-data/*.ndjson "$work/seed/"
# Analytics past a small cost budget are refused up front (422 query_too_expensive), so that a
# debug build answers every generated query well within the run's time.
CITYGRAPH_API_TOKENS=contract-token CITYGRAPH_ANALYTICS_BUDGET=${CITYGRAPH_ANALYTICS_BUDGET:-20000000} \
  "$BIN" --data-dir "$work/data" serve --bind 127.0.0.1:0 \
  --seed-dir "$work/seed" 2> "$work/server.log" &
pid=$!
addr=
for _ in $(seq 1 1800); do
  addr=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.log" | head -1 || true)
  [ -n "$addr" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$addr" ] || { cat "$work/server.log"; echo "server did not start"; exit 1; }
echo "schemathesis: server at $addr seeded from seed-data/ ($(cat seed-data/*.ndjson | wc -l) records)"
set +e
SCHEMATHESIS_HOOKS=schemathesis_hooks PYTHONPATH=tests/python${PYTHONPATH:+:$PYTHONPATH} "$ST" run "$addr/openapi.json" \
  --header "Authorization: Bearer contract-token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "$MAX_EXAMPLES" --workers "$ST_WORKERS" --seed 1 \
  --suppress-health-check too_slow,filter_too_much \
  --report junit,ndjson --report-dir "$work/report" 2>&1 | tee "$work/st.log"
rc=${PIPESTATUS[0]}
set -e
summary=0
python3 tests/python/schemathesis_summary.py "$work/report" --min-cases "$MIN_CASES" || summary=$?
if grep -q "panicked" "$work/server.log"; then echo "the server panicked"; grep -m5 panicked "$work/server.log"; exit 1; fi
echo "schemathesis: exit $rc"
[ "$rc" -eq 0 ] || { echo "schemathesis found failures"; exit 1; }
exit "$summary"
