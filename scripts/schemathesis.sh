#!/usr/bin/env bash
# The API contract test: schemathesis generates requests from the served OpenAPI document (writes
# included, with a token) and checks every response against it. Fails on any server error or any
# response that breaks the schema, and when fewer than MIN_CASES cases ran.
set -euo pipefail
cd "$(dirname "$0")/.."
MIN_CASES=${MIN_CASES:-1000}
BIN=${CITYGRAPH_BIN:-${CARGO_TARGET_DIR:-target}/debug/citygraph}
[ -x "$BIN" ] || cargo build -p citygraph-server --locked
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir "$work/seed"
cp tests/fixtures/small.ndjson "$work/seed/"
CITYGRAPH_API_TOKENS=contract-token "$BIN" --data-dir "$work/data" serve --bind 127.0.0.1:0 \
  --seed-dir "$work/seed" 2> "$work/server.log" &
pid=$!
for _ in $(seq 1 100); do
  addr=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.log" | head -1 || true)
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "$addr" ] || { cat "$work/server.log"; echo "server did not start"; exit 1; }
set +e
SCHEMATHESIS_HOOKS=schemathesis_hooks PYTHONPATH=tests/python${PYTHONPATH:+:$PYTHONPATH} schemathesis run "$addr/openapi.json" \
  --header "Authorization: Bearer contract-token" \
  --checks not_a_server_error,response_schema_conformance,content_type_conformance \
  --max-examples 40 --generation-deterministic --seed 1 \
  --report junit --report-dir "$work/report" 2>&1 | tee "$work/st.log"
rc=${PIPESTATUS[0]}
set -e
cases=$(python3 - "$work/report" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
n = 0
for f in glob.glob(sys.argv[1] + "/*.xml"):
    root = ET.parse(f).getroot()
    for suite in root.iter("testsuite"):
        n += int(suite.get("tests", 0))
print(n)
PY
)
echo "schemathesis: exit $rc"
if [ "$rc" -ne 0 ]; then echo "schemathesis found failures"; exit 1; fi
if ! grep -q "Test cases:" "$work/st.log"; then echo "could not read the number of cases"; fi
total=$(grep -oE '[0-9]+ generated' "$work/st.log" | head -1 | grep -oE '[0-9]+' || echo 0)
echo "schemathesis: $total generated cases ($cases operations in the report)"
if [ "${total:-0}" -lt "$MIN_CASES" ]; then echo "fewer than $MIN_CASES cases"; exit 1; fi
if grep -q "panicked" "$work/server.log"; then echo "the server panicked"; exit 1; fi
