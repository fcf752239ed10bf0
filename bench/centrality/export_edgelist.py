#!/usr/bin/env python3
"""Writes the twinning graph of a `citygraph generate` dataset as an edge list for the centrality benchmark.

Usage: export_edgelist.py DATA_DIR --as-of YYYY-MM-DD OUT.txt

Every city is a node (one line with its id, so isolated cities count); a partnership with established
year E and lapsed year L (optional) is an edge ("a b") iff it is active on the day D: E-01-01 <= D and
not L-01-01 <= D (the partial-date rule: a year stands for its first day). This is the rule of
citygraph's twinning projection for that data. Any other graph can be benchmarked by writing the
same format: lines "id" (a node) and "id id" (an undirected edge); "#" starts a comment.
"""
import argparse
import csv
import os


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("out")
    ap.add_argument("--as-of", required=True)
    a = ap.parse_args()
    y, m, d = (int(x) for x in a.as_of.split("-"))
    day = (y, m, d)
    n_nodes = n_edges = 0
    with open(a.out, "w") as out:
        out.write(f"# twinning graph of {os.path.abspath(a.data_dir)} as of {a.as_of}\n")
        with open(os.path.join(a.data_dir, "cities.csv"), newline="") as f:
            for r in csv.DictReader(f):
                out.write(r["id"] + "\n")
                n_nodes += 1
        seen = set()
        with open(os.path.join(a.data_dir, "partnerships.csv"), newline="") as f:
            for r in csv.DictReader(f):
                est = int(r["established"]) if r["established"] else None
                lap = int(r["lapsed"]) if r["lapsed"] else None
                if est is not None and (est, 1, 1) > day:
                    continue
                if lap is not None and (lap, 1, 1) <= day:
                    continue
                x, z = sorted((r["a"], r["b"]))
                if x == z or (x, z) in seen:
                    continue
                seen.add((x, z))
                out.write(f"{x} {z}\n")
                n_edges += 1
    print(f"{a.out}: {n_nodes} nodes, {n_edges} edges")


if __name__ == "__main__":
    main()
