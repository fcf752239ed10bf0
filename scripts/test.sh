#!/usr/bin/env bash
# Installs what the tests need (Python references and validators from PyPI) and runs every test:
# the Rust workspace (unit, property, store, reference and end-to-end tests) and the API contract
# test with schemathesis against a running server.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -r tests/python/requirements.txt

# The dashboard's browser test (tests/tests/dashboard.rs): Debian's chromium and playwright-core.
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
(cd tests/browser && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)

cargo build --workspace --locked
cargo test --workspace --locked
scripts/schemathesis.sh
