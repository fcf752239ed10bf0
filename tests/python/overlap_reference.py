#!/usr/bin/env python3
"""Independent reference for network overlap, saturation, city similarity and recommendations.

Reads the CSV files that `citygraph generate` writes and computes, with plain Python sets and brute
force (no inverted index, no shared code with the Rust implementation), the figures that
citygraph-core's algo::overlap, algo::saturation and algo::similarity report, writing them as JSON
whose field names mirror the Rust result types (tests/tests/reference_overlap.rs compares the two).

Valid time (the CSV has integer years): a membership with joined year J and left year L (optional)
is in force on day D iff J-01-01 <= D and not (L-01-01 <= D); a partnership with established year E
and lapsed year L (optional) is active on D iff E-01-01 <= D and not (L-01-01 <= D).

Usage:
  overlap_reference.py DATA_DIR --as-of YYYY-MM-DD --networks n0,n1,... --cell n0,n1
      --cities c1,c2,... --min-shared 2 --top 40 --similar-top 15 --neighbours 25
      --from-year 1995 --to-year 2024 --out OUT.json
"""
import argparse
import csv
import json
import os
import statistics
from collections import defaultdict
from itertools import combinations


def parse_day(s):
    y, m, d = (int(x) for x in s.split("-"))
    return (y, m, d)


def in_force(start_year, end_year, day):
    if start_year is not None and (start_year, 1, 1) > day:
        return False
    if end_year is not None and (end_year, 1, 1) <= day:
        return False
    return True


def opt_int(s):
    return int(s) if s != "" else None


def load(data_dir):
    cities = {}
    with open(os.path.join(data_dir, "cities.csv"), newline="") as f:
        for row in csv.DictReader(f):
            cities[row["id"]] = {"country": row["country"], "region": row["region"], "name": row["name"]}
    networks = {}
    with open(os.path.join(data_dir, "networks.csv"), newline="") as f:
        for row in csv.DictReader(f):
            networks[row["id"]] = row["name"]
    memberships = []
    with open(os.path.join(data_dir, "memberships.csv"), newline="") as f:
        for row in csv.DictReader(f):
            memberships.append((row["city"], row["network"], opt_int(row["joined"]), opt_int(row["left"])))
    links = []
    with open(os.path.join(data_dir, "partnerships.csv"), newline="") as f:
        for row in csv.DictReader(f):
            links.append((row["a"], row["b"], opt_int(row["established"]), opt_int(row["lapsed"])))
    return cities, networks, memberships, links


def member_sets(networks, memberships, day):
    sets = {n: set() for n in networks}
    for city, net, joined, left in memberships:
        if in_force(joined, left, day):
            sets[net].add(city)
    return sets


def ratio(a, b):
    return a / b if b else 0.0


def pair(a, b, ma, mb):
    shared = len(ma & mb)
    union = len(ma | mb)
    return {"a": a, "b": b, "a_members": len(ma), "b_members": len(mb), "shared": shared, "union": union,
            "jaccard": ratio(shared, union), "overlap": ratio(shared, min(len(ma), len(mb)))}


def chosen_overlap(sets, chosen, cell, cities, day):
    out = {"as_of": "%04d-%02d-%02d" % day}
    out["networks"] = [{"network": n, "members": len(sets[n])} for n in chosen]
    union = set().union(*(sets[n] for n in chosen))
    out["union"] = len(union)
    out["pairs"] = [pair(a, b, sets[a], sets[b]) for a, b in combinations(chosen, 2)]
    inters = []
    for degree in range(1, len(chosen) + 1):
        for combo in combinations(chosen, degree):  # lexicographic in selection order
            inside = set.intersection(*(sets[n] for n in combo))
            others = set().union(*(sets[n] for n in chosen if n not in combo))
            inters.append({"networks": list(combo), "degree": degree,
                           "exclusive": len(inside - others), "inclusive": len(inside)})
    out["intersections"] = inters
    inside = set.intersection(*(sets[n] for n in cell))
    others = set().union(*(sets[n] for n in chosen if n not in cell))
    cell_cities = sorted(inside - others)
    out["cell"] = {"networks": [n for n in chosen if n in cell], "count": len(cell_cities),
                   "cities": [{"id": c, "name": cities[c]["name"]} for c in cell_cities]}
    return out


def top_pairs(sets, measure, min_shared, top):
    ids = sorted(sets)
    found = []
    for a, b in combinations(ids, 2):  # every pair, brute force
        p = pair(a, b, sets[a], sets[b])
        if p["shared"] >= max(min_shared, 1):
            found.append(p)
    key = {"jaccard": lambda p: p["jaccard"], "overlap": lambda p: p["overlap"], "shared": lambda p: p["shared"]}[measure]
    found.sort(key=lambda p: (-key(p), p["a"], p["b"]))
    return {"measure": measure, "min_shared": max(min_shared, 1), "networks": len(ids),
            "networks_with_members": sum(1 for n in ids if sets[n]),
            "pairs_matching": len(found), "pairs": found[:top]}


def gini_pairwise(values):
    """Sum over all ordered pairs |x_i - x_j| / (2 n^2 mean), via the histogram of values."""
    n = len(values)
    total = sum(values)
    if n == 0 or total == 0:
        return 0.0
    hist = defaultdict(int)
    for v in values:
        hist[v] += 1
    diff = 0
    for v, hv in hist.items():
        for w, hw in hist.items():
            diff += hv * hw * abs(v - w)
    return diff / (2 * n * total)


def group_figures(key, values):
    n = len(values)
    hist = [0] * (max(values) + 1) if values else []
    for v in values:
        hist[v] += 1
    return {
        "key": key,
        "cities": n,
        "memberships": sum(values),
        "mean": sum(values) / n if n else 0.0,
        "median": float(statistics.median(values)) if n else 0.0,
        "gini": gini_pairwise(values),
        "histogram": hist,
        "at_least": [{"k": k, "cities": sum(1 for v in values if v >= k),
                      "share": ratio(sum(1 for v in values if v >= k), n)} for k in range(1, 6)],
    }


def saturation(cities, sets, by):
    count = {c: 0 for c in cities}
    for members in sets.values():
        for c in members:
            count[c] += 1
    overall = group_figures("all", list(count.values()))
    groups = []
    if by in ("region", "country"):
        keyed = defaultdict(list)
        for c, k in count.items():
            keyed[cities[c][by]].append(k)
        groups = [group_figures(key, keyed[key]) for key in sorted(keyed)]
    elif by == "network":
        groups = [group_figures(n, [count[c] for c in sets[n]]) for n in sorted(sets) if sets[n]]
    nets = []
    for n in sorted(sets):
        others = [count[c] - 1 for c in sets[n]]
        m = len(others)
        one = sum(1 for o in others if o >= 1)
        three = sum(1 for o in others if o >= 3)
        nets.append({"network": n, "members": m, "in_other_1": one, "share_in_other_1": ratio(one, m),
                     "in_other_3": three, "share_in_other_3": ratio(three, m),
                     "mean_other": ratio(sum(others), m)})
    return {"by": by, "overall": overall, "groups": groups, "networks": nets}


def portfolios(cities, sets, links, day):
    nets = {c: set() for c in cities}
    for n, members in sets.items():
        for c in members:
            nets[c].add(n)
    partners = {c: set() for c in cities}
    for a, b, est, lapsed in links:
        if in_force(est, lapsed, day):
            partners[a].add(b)
            partners[b].add(a)
    return {"networks": nets, "partners": partners}


def score(measure, shared, a, b):
    if measure == "jaccard":
        return ratio(shared, a + b - shared)
    return ratio(shared, min(a, b))


def ranked_similar(items, city, measure):
    mine = items[city]
    out = []
    for x, theirs in items.items():  # brute force over every city
        if x == city:
            continue
        shared = mine & theirs
        if shared:
            out.append((score(measure, len(shared), len(mine), len(theirs)), len(shared), x, sorted(shared), len(theirs)))
    out.sort(key=lambda t: (-t[0], -t[1], t[2]))
    return out


def similar(items, city, by, measure, top):
    ranked = ranked_similar(items, city, measure)
    return {"by": by, "measure": measure, "items": len(items[city]), "candidates": len(ranked),
            "similar": [{"city": {"id": x}, "score": s, "shared": sh, "items": n, "shared_items": si}
                        for s, sh, x, si, n in ranked[:top]]}


def recommend(nets, city, neighbours, top):
    mine = nets[city]
    nb = ranked_similar(nets, city, "jaccard")[:neighbours]
    total = 0.0
    for s, _, _, _, _ in nb:
        total += s
    votes = {}
    for s, _, x, _, _ in nb:  # neighbour order, so sums are added in the same order
        for n in sorted(nets[x] - mine):
            v = votes.setdefault(n, [0.0, []])
            v[0] += s
            v[1].append((x, s))
    recs = [(v[0] / total, len(v[1]), n, v[1]) for n, v in votes.items()] if total > 0 else []
    recs.sort(key=lambda t: (-t[0], -t[1], t[2]))
    return {"member_of": sorted(mine),
            "neighbours": [{"city": {"id": x}, "score": s, "shared": sh, "items": n, "shared_items": si}
                           for s, sh, x, si, n in nb],
            "recommendations": [{"network": n, "score": sc, "support": sup,
                                 "explained_by": [{"city": {"id": x}, "similarity": s} for x, s in who]}
                                for sc, sup, n, who in recs[:top]]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--networks", required=True)
    ap.add_argument("--cell", required=True)
    ap.add_argument("--cities", required=True)
    ap.add_argument("--min-shared", type=int, default=1)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--similar-top", type=int, default=15)
    ap.add_argument("--neighbours", type=int, default=25)
    ap.add_argument("--from-year", type=int, required=True)
    ap.add_argument("--to-year", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    cities, networks, memberships, links = load(a.data_dir)
    day = parse_day(a.as_of)
    sets = member_sets(networks, memberships, day)
    chosen = a.networks.split(",")
    cell = a.cell.split(",")
    out = {"as_of": a.as_of}
    out["overlap"] = chosen_overlap(sets, chosen, cell, cities, day)
    out["top_pairs"] = {m: top_pairs(sets, m, a.min_shared, a.top) for m in ("jaccard", "overlap", "shared")}
    out["saturation"] = {by: saturation(cities, sets, by) for by in ("none", "region", "country", "network")}
    years = []
    for y in range(a.from_year, a.to_year + 1):
        s = saturation(cities, member_sets(networks, memberships, (y, 1, 1)), "region")
        years.append({"year": y, "as_of": "%04d-01-01" % y, "overall": s["overall"], "groups": s["groups"]})
    out["timeline"] = {"from": a.from_year, "to": a.to_year, "by": "region", "years": years}
    items = portfolios(cities, sets, links, day)
    out["similar"] = {}
    out["recommend"] = {}
    for c in a.cities.split(","):
        out["similar"][c] = {f"{by}/{m}": similar(items[by], c, by, m, a.similar_top)
                             for by in ("networks", "partners") for m in ("jaccard", "overlap")}
        out["recommend"][c] = recommend(items["networks"], c, a.neighbours, a.similar_top)
    with open(a.out, "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
