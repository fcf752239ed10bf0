#!/usr/bin/env bash
# Rebuilds the dashboard bundle (crates/citygraph-dashboard/dist) from its sources in
# crates/citygraph-dashboard/web: npm ci (the pinned lockfile), tsc --noEmit, vite build, then the
# hash of the sources beside the bundle (the rule is SOURCE_HASH_RULE in the crate's lib.rs; the
# crate's `bundle` test recomputes it). Commit dist/ afterwards.
set -euo pipefail
cd "$(dirname "$0")/../crates/citygraph-dashboard/web"

npm ci --no-audit --no-fund --prefer-offline
npx tsc --noEmit
npx vite build

{
  printf '%s\n' index.html package.json package-lock.json tsconfig.json vite.config.ts
  find src public -type f
} | LC_ALL=C sort | while IFS= read -r f; do
  printf '%s\n%s\n' "$f" "$(sha256sum "$f" | cut -d' ' -f1)"
done | sha256sum | cut -d' ' -f1 > ../dist/source-hash.txt
echo "built crates/citygraph-dashboard/dist ($(cat ../dist/source-hash.txt))"
