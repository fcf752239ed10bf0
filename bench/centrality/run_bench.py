#!/usr/bin/env python3
"""Side-by-side timing of exact betweenness, closeness, harmonic centrality and PageRank:
citygraph (the centrality_bench example, release build) vs rustworkx, python-igraph and NetworkX.

Usage:
  run_bench.py --bin target/release/examples/centrality_bench \
      --graph small=/tmp/cg/small.txt --graph medium=/tmp/cg/medium.txt \
      [--libs citygraph,rustworkx,igraph,networkx] [--metrics betweenness,closeness,harmonic,pagerank] \
      [--citygraph-threads 1,2] [--nx-full-max-nodes 5000] [--nx-sample 200] [--repeat 1] \
      [--out results.json] [--markdown table.md]

Graphs are edge lists ("id" declares a node, "id id" an undirected edge, "#" a comment), e.g. from
export_edgelist.py. Loading a graph is not timed; each metric is timed alone (best of --repeat).

NetworkX on graphs above --nx-full-max-nodes nodes is *estimated*: betweenness from k = --nx-sample
sampled sources (time x n / k), closeness and harmonic from the same number of single-node runs
(time x n / k); PageRank runs in full. Estimated cells are marked "est.".

Threads: citygraph runs with each count of --citygraph-threads; rustworkx uses its own thread pool
(all cores for betweenness and closeness); igraph and NetworkX use one thread.

Sanity: the betweenness and closeness of rustworkx, and the betweenness of igraph (rescaled to the
same normalisation), are compared with citygraph's values; the largest difference is reported.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

METRICS = ["betweenness", "closeness", "harmonic", "pagerank"]


def read_edge_list(path):
    names, pairs = [], []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            if len(parts) == 1:
                names.append(parts[0])
            else:
                pairs.append((parts[0], parts[1]))
    allnames = sorted(set(names) | {a for a, _ in pairs} | {b for _, b in pairs})
    index = {n: i for i, n in enumerate(allnames)}
    edges = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in pairs if a != b})
    return allnames, edges


def timed(fn):
    """(wall seconds, CPU seconds of this process over all its threads, result)."""
    c = time.process_time()
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, time.process_time() - c, out


def best_of(repeat, fn):
    """The run with the smallest wall time: {"seconds", "cpu_seconds"}, and the last result."""
    best, out = None, None
    for _ in range(repeat):
        t, c, out = timed(fn)
        if best is None or t < best["seconds"]:
            best = {"seconds": t, "cpu_seconds": c}
    return best, out


def run_citygraph(binary, path, metrics, threads, repeat, values_path):
    cmd = [binary, path, "--metrics", ",".join(metrics), "--threads", str(threads), "--repeat", str(repeat)]
    if values_path:
        cmd += ["--values", values_path]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    res = json.loads(out.stdout)
    return {
        m: {"seconds": res["results"][m]["seconds"], "cpu_seconds": res["results"][m].get("cpu_seconds")}
        for m in metrics
    }


def run_rustworkx(n, edges, metrics, repeat):
    import rustworkx as rx

    g = rx.PyGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from_no_data(edges)
    d = rx.PyDiGraph()
    d.add_nodes_from(range(n))
    d.add_edges_from_no_data(edges + [(b, a) for a, b in edges])
    out, values = {}, {}
    for m in metrics:
        if m == "betweenness":
            t, v = best_of(repeat, lambda: rx.betweenness_centrality(g, normalized=True))
        elif m == "closeness":
            t, v = best_of(repeat, lambda: rx.closeness_centrality(g, wf_improved=True))
        elif m == "pagerank":
            t, v = best_of(repeat, lambda: rx.pagerank(d, alpha=0.85))
        else:
            out[m] = {"note": "not available"}
            continue
        out[m] = t
        values[m] = [v[i] for i in range(n)]
    return out, values


def run_igraph(n, edges, metrics, repeat):
    import igraph as ig

    g = ig.Graph(n=n, edges=edges, directed=False)
    out, values = {}, {}
    for m in metrics:
        if m == "betweenness":
            t, v = best_of(repeat, lambda: g.betweenness(directed=False))
            scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
            values[m] = [x * scale for x in v]
        elif m == "closeness":
            t, v = best_of(repeat, lambda: g.closeness())
        elif m == "harmonic":
            t, v = best_of(repeat, lambda: g.harmonic_centrality(normalized=False))
        elif m == "pagerank":
            t, v = best_of(repeat, lambda: g.pagerank(damping=0.85))
        out[m] = t
    return out, values


def run_networkx(n, edges, metrics, repeat, full_max, sample):
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    full = n <= full_max
    rng = random.Random(1)
    some = rng.sample(range(n), min(sample, n))
    out = {}
    for m in metrics:
        if m == "pagerank":
            t, _ = best_of(repeat, lambda: nx.pagerank(g, alpha=0.85))
            out[m] = t
        elif full:
            fn = {
                "betweenness": lambda: nx.betweenness_centrality(g),
                "closeness": lambda: nx.closeness_centrality(g),
                "harmonic": lambda: nx.harmonic_centrality(g),
            }[m]
            t, _ = best_of(repeat, fn)
            out[m] = t
        else:
            if m == "betweenness":
                t, c, _ = timed(lambda: nx.betweenness_centrality(g, k=len(some), seed=1))
            elif m == "closeness":
                t, c, _ = timed(lambda: [nx.closeness_centrality(g, u=v) for v in some])
            else:
                t, c, _ = timed(lambda: nx.harmonic_centrality(g, sources=some))
            scale = n / len(some)
            out[m] = {"seconds": t * scale, "cpu_seconds": c * scale, "estimated_from": len(some)}
    return out


def max_diff(a, b):
    return max((abs(x - y) for x, y in zip(a, b)), default=0.0)


def secs(s):
    return f"{s:.3f}" if s < 10 else f"{s:.1f}" if s < 1000 else f"{s:,.0f}"


def fmt(cell):
    """"wall / cpu" seconds."""
    if cell is None or "seconds" not in cell:
        return "n/a"
    txt = secs(cell["seconds"])
    if cell.get("cpu_seconds") is not None:
        txt += " / " + secs(cell["cpu_seconds"])
    return txt + (" (est.)" if "estimated_from" in cell else "")


def markdown(results, cg_threads):
    lines = []
    for gname, g in results["graphs"].items():
        lines.append(f"**{gname}**: {g['nodes']:,} nodes, {g['edges']:,} edges")
        lines.append("")
        cols = [f"citygraph ({t} thr)" for t in cg_threads] + ["rustworkx", "igraph", "NetworkX"]
        lines.append(
            "| metric (wall / CPU s) | " + " | ".join(cols) + " | igraph / citygraph 1 thr (CPU) | NetworkX / citygraph 1 thr (CPU) |"
        )
        lines.append("|---" * (len(cols) + 3) + "|")
        for m in results["metrics"]:
            ours = [g["citygraph"].get(str(t), {}).get(m) for t in cg_threads]
            row = [fmt(c) for c in ours]
            row += [fmt(g.get(lib, {}).get(m)) for lib in ("rustworkx", "igraph", "networkx")]
            # Ratios of CPU time, single-threaded citygraph against single-threaded igraph and NetworkX
            # (CPU time is what a loaded machine measures fairly); wall-time ratios are in the JSON.
            one = g["citygraph"].get("1", {}).get(m)
            ratios = []
            for lib in ("igraph", "networkx"):
                c = g.get(lib, {}).get(m)
                if one and c and one.get("cpu_seconds") and c.get("cpu_seconds"):
                    ratios.append(f"{c['cpu_seconds'] / one['cpu_seconds']:.1f}x")
                else:
                    ratios.append("n/a")
            lines.append(f"| {m} | " + " | ".join(row) + " | " + " | ".join(ratios) + " |")
        if g.get("sanity"):
            lines.append("")
            lines.append(
                "Largest difference from citygraph's values: "
                + ", ".join(f"{k} {v:.1e}" for k, v in sorted(g["sanity"].items()))
            )
        lines.append("")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--graph", action="append", required=True, help="NAME=EDGELIST")
    ap.add_argument("--libs", default="citygraph,rustworkx,igraph,networkx")
    ap.add_argument("--metrics", default=",".join(METRICS))
    ap.add_argument("--citygraph-threads", default="1,2")
    ap.add_argument("--nx-full-max-nodes", type=int, default=5000)
    ap.add_argument("--nx-sample", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--out")
    ap.add_argument("--markdown")
    a = ap.parse_args()
    libs = a.libs.split(",")
    metrics = [m for m in a.metrics.split(",") if m]
    cg_threads = [int(t) for t in a.citygraph_threads.split(",")]
    results = {"metrics": metrics, "graphs": {}, "cpus": os.cpu_count()}
    for spec in a.graph:
        gname, path = spec.split("=", 1)
        names, edges = read_edge_list(path)
        n = len(names)
        g = {"nodes": n, "edges": len(edges), "citygraph": {}}
        print(f"{gname}: {n} nodes, {len(edges)} edges", file=sys.stderr)
        ours_values = None
        if "citygraph" in libs:
            with tempfile.TemporaryDirectory() as tmp:
                vp = os.path.join(tmp, "values.json")
                for t in cg_threads:
                    g["citygraph"][str(t)] = run_citygraph(a.bin, path, metrics, t, a.repeat, vp)
                    print(f"  citygraph {t} thr: {g['citygraph'][str(t)]}", file=sys.stderr)
                with open(vp) as f:
                    ours_values = json.load(f)
        sanity = {}
        if "rustworkx" in libs:
            g["rustworkx"], vals = run_rustworkx(n, edges, metrics, a.repeat)
            print(f"  rustworkx: {g['rustworkx']}", file=sys.stderr)
            if ours_values:
                for m, v in vals.items():
                    if m in ("betweenness", "closeness"):
                        sanity[f"rustworkx {m}"] = max_diff(ours_values["values"][m], v)
        if "igraph" in libs:
            g["igraph"], vals = run_igraph(n, edges, metrics, a.repeat)
            print(f"  igraph: {g['igraph']}", file=sys.stderr)
            if ours_values and "betweenness" in vals:
                sanity["igraph betweenness"] = max_diff(ours_values["values"]["betweenness"], vals["betweenness"])
        if "networkx" in libs:
            g["networkx"] = run_networkx(n, edges, metrics, a.repeat, a.nx_full_max_nodes, a.nx_sample)
            print(f"  networkx: {g['networkx']}", file=sys.stderr)
        g["sanity"] = sanity
        results["graphs"][gname] = g
    if a.out:
        with open(a.out, "w") as f:
            json.dump(results, f, indent=1)
    md = markdown(results, cg_threads)
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(md)
    print(md)


if __name__ == "__main__":
    main()
