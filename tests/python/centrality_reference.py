#!/usr/bin/env python3
"""NetworkX reference values for citygraph's centrality suite (tests/tests/reference_centrality.rs).

Two ways to give the graphs:

  centrality_reference.py --graphs GRAPHS.json --out OUT.json
      GRAPHS.json = {"graphs": [{"name": "...", "nodes": ["id", ...],
                                 "edges": [["a", "b"], ["a", "c", 2.0], ...],
                                 "metrics": [{"name": "...", "metric": "pagerank",
                                              "args": {"tol": 1e-13}}, ...]}]}
      Nodes are added in the order given, then edges (a third element is the edge's "weight").
      "metrics" is optional; without it every metric of DEFAULT_METRICS is computed.

  centrality_reference.py --csv-dir DIR --as-of YYYY-MM-DD [--export-graph G.json] --out OUT.json
      Builds the twinning graph from the CSV files of `citygraph generate`: every city is a node; a
      partnership with established year E and lapsed year L (optional) is an edge iff it is active on
      the day D, i.e. E-01-01 <= D and not L-01-01 <= D (a year stands for its first day).
      --export-graph writes that graph in the GRAPHS.json format (so it can be fed back).

Metrics ("metric" -> NetworkX function; "args" are passed through as keyword arguments):
  degree -> degree_centrality            betweenness -> betweenness_centrality
  closeness -> closeness_centrality      harmonic -> harmonic_centrality
  eigenvector -> eigenvector_centrality  pagerank -> pagerank
  katz -> katz_centrality                core -> core_number
  clustering -> clustering

OUT.json = {"networkx": version, "graphs": {name: {"nodes": n, "edges": m,
            "metrics": {metric_name: {"values": {id: value}, "seconds": s}
                                     | {"error": "not_converged", "message": ..., "seconds": s}}}}}
A NetworkX PowerIterationFailedConvergence is reported as the error "not_converged".
"""
import argparse
import csv
import json
import os
import sys
import time

try:
    import networkx as nx
except ImportError:  # pragma: no cover - reported to the caller
    sys.stderr.write("centrality_reference.py needs networkx: pip install networkx numpy scipy\n")
    sys.exit(3)

FUNCTIONS = {
    "degree": nx.degree_centrality,
    "betweenness": nx.betweenness_centrality,
    "closeness": nx.closeness_centrality,
    "harmonic": nx.harmonic_centrality,
    "eigenvector": nx.eigenvector_centrality,
    "pagerank": nx.pagerank,
    "katz": nx.katz_centrality,
    "core": nx.core_number,
    "clustering": nx.clustering,
}

DEFAULT_METRICS = [{"name": m, "metric": m, "args": {}} for m in FUNCTIONS]


def build_graph(spec):
    g = nx.Graph()
    g.add_nodes_from(spec["nodes"])
    for e in spec["edges"]:
        if len(e) > 2:
            g.add_edge(e[0], e[1], weight=float(e[2]))
        else:
            g.add_edge(e[0], e[1])
    return g


def compute(g, metrics):
    out = {}
    for m in metrics:
        fn = FUNCTIONS[m["metric"]]
        args = dict(m.get("args", {}))
        t0 = time.perf_counter()
        try:
            values = fn(g, **args)
            out[m["name"]] = {
                "values": {str(k): float(v) for k, v in values.items()},
                "seconds": time.perf_counter() - t0,
            }
        except nx.PowerIterationFailedConvergence as e:
            out[m["name"]] = {"error": "not_converged", "message": str(e), "seconds": time.perf_counter() - t0}
    return out


def parse_day(s):
    y, m, d = (int(x) for x in s.split("-"))
    return (y, m, d)


def twinning_from_csv(data_dir, as_of):
    day = parse_day(as_of)
    with open(os.path.join(data_dir, "cities.csv"), newline="") as f:
        nodes = sorted(r["id"] for r in csv.DictReader(f))
    edges = set()
    with open(os.path.join(data_dir, "partnerships.csv"), newline="") as f:
        for r in csv.DictReader(f):
            est = int(r["established"]) if r["established"] else None
            lap = int(r["lapsed"]) if r["lapsed"] else None
            if est is not None and (est, 1, 1) > day:
                continue
            if lap is not None and (lap, 1, 1) <= day:
                continue
            a, b = r["a"], r["b"]
            if a != b:
                edges.add((min(a, b), max(a, b)))
    return {"name": "twinning", "nodes": nodes, "edges": [list(e) for e in sorted(edges)]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graphs")
    ap.add_argument("--csv-dir")
    ap.add_argument("--as-of")
    ap.add_argument("--export-graph")
    ap.add_argument("--out", required=True)
    ap.add_argument("--metrics", help="comma-separated metric names for --csv-dir (default: all)")
    a = ap.parse_args()

    if a.graphs:
        with open(a.graphs) as f:
            specs = json.load(f)["graphs"]
    elif a.csv_dir and a.as_of:
        spec = twinning_from_csv(a.csv_dir, a.as_of)
        if a.metrics is not None:
            names = [m for m in a.metrics.split(",") if m]
            spec["metrics"] = [{"name": m, "metric": m, "args": {}} for m in names]
        if a.export_graph:
            with open(a.export_graph, "w") as f:
                json.dump({"graphs": [spec]}, f)
        specs = [spec]
    else:
        ap.error("give --graphs, or --csv-dir with --as-of")

    result = {"networkx": nx.__version__, "graphs": {}}
    for spec in specs:
        g = build_graph(spec)
        result["graphs"][spec["name"]] = {
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "metrics": compute(g, spec.get("metrics", DEFAULT_METRICS)),
        }
    with open(a.out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
