#!/usr/bin/env bash
# Installs what the tests need (Python references and validators from PyPI) and runs every test:
# the Rust workspace (unit, property, store, reference and end-to-end tests) and the API contract
# test with schemathesis against a running server.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -r tests/python/requirements.txt

cargo build --workspace --locked
cargo test --workspace --locked
scripts/schemathesis.sh
