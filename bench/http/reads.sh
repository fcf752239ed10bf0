#!/usr/bin/env bash
# HTTP benchmark of uncached and cached reads (issue 15): GET /v1/cities/{id}/partners over many
# distinct (city, as_of) pairs of the seed, and one URL repeated, each against a bare actix-web
# handler that answers every URL with the very bytes citygraph answered it with, side by side in
# one run; wrk, 2 threads, 64 connections, a Lua script cycling through the URLs.
#
# Usage: bench/http/reads.sh [DURATION] [PAIRS] [ROUNDS]        (needs: apt-get install wrk)
#   each round runs every server once per case, in turn; the table gives the median of the rounds
#   (the ratio is that of the medians) and every round's requests/s
#   CITYGRAPH_BINS="before=/tmp/citygraph-before after=target/release/citygraph"  several
#     citygraph binaries in the same run (default: citygraph=target/release/citygraph); each gets
#     its own data folder seeded from seed-data/, and each must answer every URL with the same bytes
#   CACHED_URL  the URL of the cached case (default: us-chicago as of 2024-06-01)
#   NO_BUILD=1  skip the release build
set -euo pipefail
cd "$(dirname "$0")/../.."
DUR=${1:-10s}
PAIRS=${2:-20000}
ROUNDS=${3:-1}
TARGET=${CARGO_TARGET_DIR:-target}
BINS=${CITYGRAPH_BINS:-citygraph=$TARGET/release/citygraph}
CACHED_URL=${CACHED_URL:-/v1/cities/us-chicago/partners?as_of=2024-06-01}
if [ -z "${NO_BUILD:-}" ]; then
    cargo build --release --locked -p citygraph-server >/dev/null
    cargo build --release --locked -p citygraph-api --example bare >/dev/null
fi
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
echo "load before: $(uptime)"

labels=()
ports=()
port=18090
for spec in $BINS; do
    label=${spec%%=*}
    bin=${spec#*=}
    CITYGRAPH_LOG=${CITYGRAPH_LOG:-info} "$bin" --data-dir "$work/data-$label" serve \
        --bind "127.0.0.1:$port" 2> "$work/$label.log" &
    pids+=($!)
    labels+=("$label")
    ports+=("$port")
    port=$((port + 1))
done
for p in "${ports[@]}"; do
    for _ in $(seq 1 900); do curl -fs "http://127.0.0.1:$p/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
    curl -fs "http://127.0.0.1:$p/readyz" >/dev/null || { echo "server on :$p is not ready"; exit 1; }
done

# Draw the pairs (fixed seed), fetch every answer once from the first server, check that every
# other server answers with the same bytes, and write url<TAB>body lines for the bare handler.
python3 - "$work" "$PAIRS" "$CACHED_URL" "${ports[@]}" <<'PY'
import datetime, glob, http.client, json, random, re, sys
work, pairs, cached, ports = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
cities = set()
for path in glob.glob("seed-data/partnerships*.ndjson"):
    for line in open(path):
        cities.update(json.loads(line)["cities"])
cities = sorted(c for c in cities if re.fullmatch(r"[a-z0-9-]+", c))
first, last = datetime.date(1950, 1, 1).toordinal(), datetime.date(2025, 12, 31).toordinal()
rng = random.Random(15)
conns = [http.client.HTTPConnection("127.0.0.1", int(p)) for p in ports]
def get(conn, url):
    conn.request("GET", url)
    r = conn.getresponse()
    return r.status, r.read()
urls, seen, table, differ = [], set(), {}, 0
def fetch(url):
    global differ
    status, body = get(conns[0], url)
    if status != 200:
        return False
    for c in conns[1:]:
        if get(c, url) != (200, body):
            differ += 1
    table[url] = body
    return True
if not fetch(cached):
    sys.exit(f"the cached URL {cached} is not answered with 200")
while len(urls) < pairs:
    city = rng.choice(cities)
    day = datetime.date.fromordinal(rng.randint(first, last))
    url = f"/v1/cities/{city}/partners?as_of={day}"
    if url in seen:
        continue
    seen.add(url)
    if fetch(url):
        urls.append(url)
with open(f"{work}/table.tsv", "wb") as t:
    for url, body in table.items():
        assert b"\t" not in body and b"\n" not in body
        t.write(url.encode() + b"\t" + body + b"\n")
open(f"{work}/distinct.txt", "w").write("\n".join(urls) + "\n")
open(f"{work}/cached.txt", "w").write(cached + "\n")
sizes = [len(table[u]) for u in urls]
print(f"distinct: {len(urls)} URLs, {len(set(u.split('?')[0] for u in urls))} cities, "
      f"answers {min(sizes)}-{max(sizes)} bytes (mean {sum(sizes) / len(sizes):.0f}); "
      f"cached: {cached}, {len(table[cached])} bytes")
if len(conns) > 1:
    print(f"answers that differ between the servers: {differ}")
    if differ:
        sys.exit(1)
PY

"$TARGET/release/examples/bare" 127.0.0.1:18081 --table "$work/table.tsv" &
pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:18081$CACHED_URL" >/dev/null 2>&1 && break; sleep 0.1; done

cat > "$work/cycle.lua" <<'LUA'
-- Cycles through the URLs of the file in $URLS, each thread from its own starting point.
-- The requests are formatted in init, once wrk has set the Host header.
local paths = {}
for line in io.lines(os.getenv("URLS")) do
    if line ~= "" then paths[#paths + 1] = line end
end
local reqs = {}
local threads = 0
function setup(thread)
    thread:set("offset", threads)
    threads = threads + 1
end
local n = 0
function init(args)
    for i, p in ipairs(paths) do reqs[i] = wrk.format("GET", p) end
    n = (tonumber(offset) or 0) * math.floor(#reqs / 2)
end
function request()
    n = n % #reqs + 1
    return reqs[n]
end
LUA

run() { # case port name round
    URLS="$work/$1.txt" wrk -t2 -c64 -d"$DUR" --latency -s "$work/cycle.lua" "http://127.0.0.1:$2" > "$work/$1-$3-$4.txt"
}
# The read cache's counters after each case show how many answers it served (none in the
# distinct case means every request was written from the snapshot).
reads() { curl -fs "http://127.0.0.1:$1/metrics" | awk '/^citygraph_read_cache_(hits|misses)/ {printf " %s=%s", $1, $2}'; }
for round in $(seq 1 "$ROUNDS"); do
    for case in distinct cached; do
        run "$case" 18081 bare "$round"
        for i in "${!labels[@]}"; do
            before=$(reads "${ports[$i]}")
            run "$case" "${ports[$i]}" "${labels[$i]}" "$round"
            echo "round $round, $case, ${labels[$i]}: read cache before${before:- (none)}; after$(reads "${ports[$i]}")"
        done
    done
done
echo "load after: $(uptime)"

python3 - "$work" "$ROUNDS" "${labels[@]}" <<'PY'
import re, statistics, sys
work, rounds, labels = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def parse(p):
    t = open(p).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)", t)
    p99 = float(m.group(1)) * {"us": 1e-3, "ms": 1, "s": 1e3}[m.group(2)]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", t)
    errs = re.search(r"Socket errors:.*", t)
    return rps, p99, int(bad.group(1)) if bad else 0, errs.group(0) if errs else ""
print("| case | server | requests/s (median) | each round | p99 ms (median) | ratio to bare |")
print("|---|---|---|---|---|---|")
for case in ("distinct", "cached"):
    rows = {n: [parse(f"{work}/{case}-{n}-{r}.txt") for r in range(1, rounds + 1)]
            for n in ["bare"] + labels}
    base = statistics.median(r[0] for r in rows["bare"])
    for n, rs in rows.items():
        rps = statistics.median(r[0] for r in rs)
        p99 = statistics.median(r[1] for r in rs)
        bad = sum(r[2] for r in rs)
        note = f" ({bad} non-2xx)" if bad else ""
        note += "".join(f" ({r[3]})" for r in rs if r[3])
        name = "bare actix handler" if n == "bare" else n
        each = ", ".join(f"{r[0]:.0f}" for r in rs)
        print(f"| {case} | {name} | {rps:.0f}{note} | {each} | {p99:.2f} | {rps / base:.2f} |")
PY
