#!/usr/bin/env bash
# Installs what the tests need (Python references and validators from PyPI) and runs every test:
# the Rust workspace (unit, property, store, reference and end-to-end tests) and the API contract
# test with schemathesis against a running server.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -r tests/python/requirements.txt

# Tests that need the public raw sources (CITYGRAPH_RAW_DIR, else ../shared/data/raw) skip when they
# are absent, each with a line in this file (see tests/src/raw_data.rs); under CI=true absence fails.
skips=$(mktemp)
raw=${CITYGRAPH_RAW_DIR:-../shared/data/raw}
report_skips() {
  if [ -s "$skips" ]; then
    echo "== $(wc -l < "$skips") test(s) skipped for want of the raw public sources at $raw:"
    cat "$skips"
  elif [ -d "$raw" ]; then
    echo "== the raw public sources are at $raw: no test skipped for want of them"
  else
    echo "== the raw public sources are not at $raw, and no test reported a skip"
  fi
  rm -f "$skips"
}
trap report_skips EXIT
export CITYGRAPH_SKIP_LOG="$skips"
# The dashboard's browser test (tests/tests/dashboard.rs): Debian's chromium and playwright-core.
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
(cd tests/browser && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)
# PostgreSQL for the store suite and the two-server tests: a throwaway cluster on a loopback port
# (scripts/pg-cluster.sh installs Debian's postgresql when missing), stopped at the end, also on failure.
pg_dir=$(mktemp -d /tmp/citygraph-pg.XXXXXX)
trap 'scripts/pg-cluster.sh stop "$pg_dir" || true; report_skips' EXIT
CITYGRAPH_TEST_PG_URL=$(scripts/pg-cluster.sh start "$pg_dir")
export CITYGRAPH_TEST_PG_URL CITYGRAPH_TEST_PG_DIR="$pg_dir"

cargo build --workspace --locked
cargo test --workspace --locked
scripts/schemathesis.sh
