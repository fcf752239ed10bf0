#!/bin/sh
# Ten GET requests with a 60 kB path on a `{id}` route, then one /healthz, against the server at $1
# (see BENCHMARKS.md, "Hostile paths").
P=$(head -c 60000 /dev/zero | tr '\0' a)
for i in 1 2 3 4 5 6 7 8 9 10; do curl -s -o /dev/null "$1/v1/cities/$P$i"; done
curl -s -o /dev/null "$1/healthz"
