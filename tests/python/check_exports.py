#!/usr/bin/env python3
"""Reads citygraph exports with the tools people use and checks them against expectations.

Usage: check_exports.py EXPORT_DIR EXPECTED_JSON

EXPECTED_JSON (written by crates/citygraph-interchange/tests/python_roundtrip.rs):
  {
    "label": "fixture, twinning",          # shown in messages
    "projection": "twinning" | "bipartite",
    "files": {"geojson": ..., "graphml": ..., "gexf": ..., "nodes_csv": ..., "edges_csv": ...,
              "zip": ..., "ndjson": ...},   # paths relative to EXPORT_DIR; any may be left out
    "nodes": N, "edges": E,                 # counts every graph/table export must have
    "ndjson": {"nodes": N, "edges": E},     # cities+networks, memberships+partnerships
    "node_samples": {node_id: {"name": ..., "lat": ..., "population": null, ...}},
    "edge_samples": {edge_id: {"source": node_id, "target": node_id, "kind": ..., "status": ...,
                               "established": ..., "ended": ..., "spells": [[start, end], ...]}},
    "multilinestrings": [edge_id, ...]      # links the GeoJSON must split at the antimeridian
  }
A sample value of null means the attribute must be absent (GraphML, GEXF), null (GeoJSON) or an
empty field (CSV).

Checks:
  GraphML  networkx.read_graphml: node and edge counts, sample attribute values and types;
  GEXF     networkx.read_gexf: the same, the label as the name, and each sample edge's time spells;
  GeoJSON  the `geojson` package: `is_valid` with no `errors()`, feature counts, no LineString or
           MultiLineString part spanning more than 180 degrees of longitude, sample properties and
           coordinates, the expected antimeridian splits;
  CSV      the csv module (RFC 4180): row counts, sample fields; the zip holds the same two files;
  NDJSON   one JSON object per line, counts by type.

Exit status 0 when every check passes, 1 with one line per failure otherwise, 2 when a needed
package is missing (`pip install networkx geojson numpy`).
"""
import csv
import io
import json
import math
import os
import sys
import zipfile

try:
    import geojson
    import networkx as nx
    import numpy  # noqa: F401  (networkx's readers convert numeric types with it when present)
except ImportError as exc:  # pragma: no cover - the message is the point
    sys.stderr.write(
        f"check_exports.py: missing Python package ({exc}); install with: pip install networkx geojson numpy\n"
    )
    sys.exit(2)

SPECIAL_NODE_KEYS = {"name"}


class Checker:
    def __init__(self, expected, export_dir):
        self.exp = expected
        self.dir = export_dir
        self.label = expected.get("label", "export")
        self.failures = []
        self.checked = []

    def fail(self, fmt, msg):
        self.failures.append(f"[{self.label}] {fmt}: {msg}")

    def path(self, key):
        name = self.exp.get("files", {}).get(key)
        return None if name is None else os.path.join(self.dir, name)

    # -- helpers ---------------------------------------------------------------------------------

    def same(self, fmt, what, got, want):
        if isinstance(want, float) or isinstance(got, float):
            ok = got is not None and want is not None and math.isclose(float(got), float(want), rel_tol=0, abs_tol=1e-12)
        else:
            ok = got == want
        if not ok:
            self.fail(fmt, f"{what}: got {got!r}, expected {want!r}")

    def counts(self, fmt, nodes, edges):
        if nodes != self.exp["nodes"]:
            self.fail(fmt, f"{nodes} nodes, expected {self.exp['nodes']}")
        if edges != self.exp["edges"]:
            self.fail(fmt, f"{edges} edges, expected {self.exp['edges']}")

    def check_attrs(self, fmt, what, data, sample, skip=()):
        for key, want in sample.items():
            if key in skip:
                continue
            if want is None:
                if key in data and data[key] not in (None, ""):
                    self.fail(fmt, f"{what}: attribute {key} should be absent, got {data[key]!r}")
                continue
            if key not in data:
                self.fail(fmt, f"{what}: attribute {key} missing (expected {want!r})")
                continue
            got = data[key]
            if isinstance(want, bool) or not isinstance(want, (int, float)):
                self.same(fmt, f"{what}.{key}", got, want)
            else:
                if isinstance(got, str) or type(got) is not type(want) and not (isinstance(want, float) and isinstance(got, float)):
                    self.fail(fmt, f"{what}.{key}: type {type(got).__name__}, expected {type(want).__name__}")
                self.same(fmt, f"{what}.{key}", got, want)

    @staticmethod
    def edge_index(G):
        """edge id -> (u, v, data) for Graph and MultiGraph alike."""
        index = {}
        if G.is_multigraph():
            for u, v, key, data in G.edges(keys=True, data=True):
                index[str(data.get("id", key))] = (u, v, data)
        else:
            for u, v, data in G.edges(data=True):
                index[str(data.get("id"))] = (u, v, data)
        return index

    def check_edge_ends(self, fmt, eid, u, v, sample):
        want = {sample["source"], sample["target"]}
        if {u, v} != want:
            self.fail(fmt, f"edge {eid}: joins {sorted((u, v))}, expected {sorted(want)}")

    # -- formats ---------------------------------------------------------------------------------

    def graphml(self):
        path = self.path("graphml")
        if path is None:
            return
        G = nx.read_graphml(path)
        if G.is_directed():
            self.fail("graphml", "graph read as directed")
        self.counts("graphml", G.number_of_nodes(), G.number_of_edges())
        if G.graph.get("projection") != self.exp["projection"]:
            self.fail("graphml", f"graph projection {G.graph.get('projection')!r}")
        for nid, sample in self.exp["node_samples"].items():
            if nid not in G:
                self.fail("graphml", f"node {nid} missing")
                continue
            self.check_attrs("graphml", f"node {nid}", G.nodes[nid], sample)
        edges = self.edge_index(G)
        for eid, sample in self.exp["edge_samples"].items():
            if eid not in edges:
                self.fail("graphml", f"edge {eid} missing")
                continue
            u, v, data = edges[eid]
            self.check_edge_ends("graphml", eid, u, v, sample)
            self.check_attrs("graphml", f"edge {eid}", data, sample, skip={"source", "target", "spells"})
        self.checked.append("graphml")

    def gexf(self):
        path = self.path("gexf")
        if path is None:
            return
        G = nx.read_gexf(path, version="1.3")
        if G.is_directed():
            self.fail("gexf", "graph read as directed")
        if G.graph.get("mode") != "dynamic":
            self.fail("gexf", f"mode {G.graph.get('mode')!r}, expected dynamic")
        self.counts("gexf", G.number_of_nodes(), G.number_of_edges())
        for nid, sample in self.exp["node_samples"].items():
            if nid not in G:
                self.fail("gexf", f"node {nid} missing")
                continue
            data = G.nodes[nid]
            self.same("gexf", f"node {nid} label", data.get("label"), sample.get("name"))
            self.check_attrs("gexf", f"node {nid}", data, sample, skip=SPECIAL_NODE_KEYS)
        edges = self.edge_index(G)
        for eid, sample in self.exp["edge_samples"].items():
            if eid not in edges:
                self.fail("gexf", f"edge {eid} missing")
                continue
            u, v, data = edges[eid]
            self.check_edge_ends("gexf", eid, u, v, sample)
            self.check_attrs("gexf", f"edge {eid}", data, sample, skip={"source", "target", "spells"})
            if "spells" in sample:
                # networkx reads a missing bound as the string "None".
                got = [[None if x in (None, "None") else x for x in s] for s in data.get("spells", [])]
                self.same("gexf", f"edge {eid} spells", got, sample["spells"])
        self.checked.append("gexf")

    def geojson(self):
        path = self.path("geojson")
        if path is None:
            return
        with open(path, encoding="utf-8") as f:
            text = f.read()
        obj = geojson.loads(text)
        if obj.get("type") != "FeatureCollection":
            self.fail("geojson", f"top-level type {obj.get('type')!r}")
            return
        if not obj.is_valid:
            self.fail("geojson", f"invalid: {obj.errors()}")
        features = obj["features"]
        node_entities = {"city", "network"}
        nodes = [f for f in features if f["properties"].get("entity") in node_entities]
        edges = [f for f in features if f["properties"].get("entity") in {"partnership", "membership"}]
        if len(nodes) + len(edges) != len(features):
            self.fail("geojson", "features with an unknown entity")
        self.counts("geojson", len(nodes), len(edges))
        by_id = {}
        for f in features:
            by_id[f.get("id")] = f
            g = f.get("geometry")
            if g is None:
                continue
            if g["type"] == "LineString":
                parts = [g["coordinates"]]
            elif g["type"] == "MultiLineString":
                parts = g["coordinates"]
            elif g["type"] == "Point":
                lon, lat = g["coordinates"][:2]
                if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    self.fail("geojson", f"{f.get('id')}: point {g['coordinates']} out of range (longitude first?)")
                continue
            else:
                self.fail("geojson", f"{f.get('id')}: unexpected geometry {g['type']}")
                continue
            for part in parts:
                lons = [p[0] for p in part]
                if max(lons) - min(lons) > 180:
                    self.fail("geojson", f"{f.get('id')}: a part spans {max(lons) - min(lons):.3f} degrees of longitude")
        bipartite = self.exp["projection"] == "bipartite"

        def raw(node_id):
            return node_id.split(":", 1)[1] if bipartite else node_id

        for nid, sample in self.exp["node_samples"].items():
            f = by_id.get(nid)
            if f is None:
                self.fail("geojson", f"feature {nid} missing")
                continue
            props = f["properties"]
            self.same("geojson", f"{nid} id property", props.get("id"), raw(nid))
            for key, want in sample.items():
                if key in ("lat", "lon", "type"):
                    continue
                if key in props or want is not None:
                    self.same("geojson", f"{nid}.{key}", props.get(key), want)
            if "lat" in sample and sample["lat"] is not None:
                g = f.get("geometry") or {}
                self.same("geojson", f"{nid} coordinates", g.get("coordinates"), [sample["lon"], sample["lat"]])
        for eid, sample in self.exp["edge_samples"].items():
            f = by_id.get(eid)
            if f is None:
                self.fail("geojson", f"feature {eid} missing")
                continue
            props = f["properties"]
            for key in ("kind", "status", "established", "ended"):
                if key in sample:
                    self.same("geojson", f"{eid}.{key}", props.get(key), sample[key])
            self.same("geojson", f"{eid} ends", {props.get("source"), props.get("target")},
                      {raw(sample["source"]), raw(sample["target"])})
        for eid in self.exp.get("multilinestrings", []):
            f = by_id.get(eid)
            gtype = None if f is None or f.get("geometry") is None else f["geometry"]["type"]
            if gtype != "MultiLineString":
                self.fail("geojson", f"{eid}: geometry {gtype}, expected a MultiLineString split at the antimeridian")
        self.checked.append("geojson")

    def read_csv(self, fmt, data):
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
        return rows

    def csv_rows(self, fmt, rows, kind):
        samples = self.exp["node_samples"] if kind == "nodes" else self.exp["edge_samples"]
        by_id = {r["id"]: r for r in rows}
        if len(by_id) != len(rows):
            self.fail(fmt, f"duplicate ids in {kind}")
        for sid, sample in samples.items():
            row = by_id.get(sid)
            if row is None:
                self.fail(fmt, f"{kind} row {sid} missing")
                continue
            for key, want in sample.items():
                if key == "spells":
                    continue
                if key not in row:
                    self.fail(fmt, f"{kind} column {key} missing")
                    continue
                got = row[key]
                if want is None:
                    self.same(fmt, f"{sid}.{key}", got, "")
                elif isinstance(want, float):
                    self.same(fmt, f"{sid}.{key}", float(got), want)
                elif isinstance(want, int):
                    self.same(fmt, f"{sid}.{key}", int(got), want)
                else:
                    self.same(fmt, f"{sid}.{key}", got, want)

    def csv(self):
        nodes_path, edges_path = self.path("nodes_csv"), self.path("edges_csv")
        if nodes_path is not None and edges_path is not None:
            with open(nodes_path, "rb") as f:
                nodes_bytes = f.read()
            with open(edges_path, "rb") as f:
                edges_bytes = f.read()
            nodes = self.read_csv("csv", nodes_bytes)
            edges = self.read_csv("csv", edges_bytes)
            self.counts("csv", len(nodes), len(edges))
            self.csv_rows("nodes.csv", nodes, "nodes")
            self.csv_rows("edges.csv", edges, "edges")
            node_ids = {r["id"] for r in nodes}
            dangling = [r["id"] for r in edges if r["source"] not in node_ids or r["target"] not in node_ids]
            if dangling:
                self.fail("edges.csv", f"{len(dangling)} edges point outside nodes.csv, e.g. {dangling[:3]}")
            self.checked.append("csv")
            zpath = self.path("zip")
            if zpath is not None:
                with zipfile.ZipFile(zpath) as z:
                    if z.testzip() is not None:
                        self.fail("zip", "corrupt entry")
                    names = z.namelist()
                    if names != ["nodes.csv", "edges.csv"]:
                        self.fail("zip", f"entries {names}")
                    else:
                        if z.read("nodes.csv") != nodes_bytes:
                            self.fail("zip", "nodes.csv differs from the standalone export")
                        if z.read("edges.csv") != edges_bytes:
                            self.fail("zip", "edges.csv differs from the standalone export")
                self.checked.append("zip")

    def ndjson(self):
        path = self.path("ndjson")
        want = self.exp.get("ndjson")
        if path is None or want is None:
            return
        counts = {}
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    self.fail("ndjson", f"line {n}: {exc}")
                    continue
                counts[rec.get("type")] = counts.get(rec.get("type"), 0) + 1
        nodes = counts.get("city", 0) + counts.get("network", 0)
        edges = counts.get("membership", 0) + counts.get("partnership", 0)
        if (nodes, edges) != (want["nodes"], want["edges"]):
            self.fail("ndjson", f"{nodes} nodes and {edges} edges, expected {want['nodes']} and {want['edges']}")
        self.checked.append("ndjson")

    def run(self):
        for step in (self.graphml, self.gexf, self.geojson, self.csv, self.ndjson):
            try:
                step()
            except Exception as exc:  # a reader that raises is a failed check, with its message
                self.fail(step.__name__, f"{type(exc).__name__}: {exc}")
        return self.failures


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    export_dir, expected_path = argv[1], argv[2]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    checker = Checker(expected, export_dir)
    failures = checker.run()
    for line in failures:
        print(line)
    if not checker.checked:
        print(f"[{checker.label}] no export was checked")
        return 1
    status = "FAILED" if failures else "ok"
    print(
        f"[{checker.label}] {status}: checked {', '.join(checker.checked)} "
        f"({expected['nodes']} nodes, {expected['edges']} edges, "
        f"{len(expected['node_samples'])} node and {len(expected['edge_samples'])} edge samples)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
