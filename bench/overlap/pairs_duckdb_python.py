#!/usr/bin/env python3
"""All-pairs network overlap on `citygraph generate` data: DuckDB SQL self-join and a Python inverted index.

Both compute, for the memberships in force on AS_OF (integer years: in force on day D iff
joined <= year(D) and (left is empty or left > year(D)), i.e. the partial-date rule), every pair of
networks sharing at least one member city, with shared count, Jaccard and overlap coefficient, the
number of such pairs and the best TOP pairs by Jaccard (ties by ids): the same task as
`overlap_bench pairs` (citygraph_core::algo::overlap::top_overlapping_pairs).
Loading the CSV is not timed; each timed run starts from the raw membership rows.

Usage: pairs_duckdb_python.py DATA_DIR [--as-of YYYY-MM-DD] [--iters N] [--top K]
"""
import argparse
import csv
import heapq
import os
import statistics
import time
from collections import Counter, defaultdict
from itertools import combinations

import duckdb

SQL = """
WITH m AS (
    SELECT DISTINCT city, network FROM memberships
    WHERE joined <= $year AND (lft IS NULL OR lft > $year)
),
sizes AS (SELECT network, count(*) AS n FROM m GROUP BY network),
pairs AS (
    SELECT x.network AS a, y.network AS b, count(*) AS shared
    FROM m x JOIN m y ON x.city = y.city AND x.network < y.network
    GROUP BY 1, 2
)
SELECT p.a, p.b, p.shared,
       p.shared / (sa.n + sb.n - p.shared) AS jaccard,
       p.shared / least(sa.n, sb.n) AS overlap,
       count(*) OVER () AS pairs_matching
FROM pairs p JOIN sizes sa ON sa.network = p.a JOIN sizes sb ON sb.network = p.b
ORDER BY jaccard DESC, p.a, p.b
LIMIT $top
"""


def python_pairs(rows, year, top):
    nets_of = defaultdict(set)
    for city, net, joined, left in rows:
        if joined <= year and (left is None or left > year):
            nets_of[city].add(net)
    size = Counter()
    pair = Counter()
    for nets in nets_of.values():
        s = sorted(nets)
        size.update(s)
        pair.update(combinations(s, 2))
    scored = ((sh / (size[a] + size[b] - sh), a, b, sh) for (a, b), sh in pair.items())
    best = heapq.nsmallest(top, scored, key=lambda t: (-t[0], t[1], t[2]))
    return len(pair), best


def timed(fn, iters):
    """Median and min wall ms, and mean process CPU ms (all threads) per run."""
    times = []
    out = None
    c = time.process_time()
    for _ in range(iters):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1e3)
    cpu = (time.process_time() - c) * 1e3 / iters
    return statistics.median(times), min(times), cpu, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("--as-of", default="2024-01-01")
    ap.add_argument("--iters", type=int, default=20)
    ap.add_argument("--top", type=int, default=100)
    a = ap.parse_args()
    year = int(a.as_of[:4])
    path = os.path.join(a.data_dir, "memberships.csv")

    con = duckdb.connect()
    con.execute(
        "CREATE TABLE memberships AS SELECT city, network, joined, \"left\" AS lft "
        "FROM read_csv(?, header=true, columns={'city':'VARCHAR','network':'VARCHAR','joined':'INTEGER','left':'INTEGER'})",
        [path],
    )
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    med, mn, cpu, rows = timed(lambda: con.execute(SQL, {"year": year, "top": a.top}).fetchall(), a.iters)
    print(f"duckdb {duckdb.__version__} ({threads} threads) self-join: median {med:.2f} ms, min {mn:.2f} ms, "
          f"mean CPU {cpu:.2f} ms over {a.iters} runs; {rows[0][5] if rows else 0} overlapping pairs")
    for r in rows[:5]:
        print(f"  {r[0]} {r[1]} shared {r[2]} jaccard {r[3]:.6f}")

    with open(path, newline="") as f:
        mrows = [(r["city"], r["network"], int(r["joined"]), int(r["left"]) if r["left"] else None)
                 for r in csv.DictReader(f)]
    med, mn, cpu, (count, best) = timed(lambda: python_pairs(mrows, year, a.top), a.iters)
    print(f"python inverted index: median {med:.2f} ms, min {mn:.2f} ms, mean CPU {cpu:.2f} ms "
          f"over {a.iters} runs; {count} overlapping pairs")
    for j, x, y, sh in best[:5]:
        print(f"  {x} {y} shared {sh} jaccard {j:.6f}")


if __name__ == "__main__":
    main()
