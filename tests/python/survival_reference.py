#!/usr/bin/env python3
"""Reference computations for citygraph's lapse and survival analytics.

Kaplan-Meier estimates come from lifelines' KaplanMeierFitter (survival function, exponential
Greenwood confidence interval, median); lapse counts and rates come from plain pandas over the
CSV of `citygraph generate`. citygraph's integration test (tests/tests/reference_survival.rs) compares its own
results with what this script writes.

Usage:
  survival_reference.py km INPUT.json OUTPUT.json
      INPUT: {"samples": {"NAME": {"durations": [..], "observed": [0|1, ..]}, ..}}
      OUTPUT: {"NAME": KM, ..}
  survival_reference.py csv DIR OUTPUT.json --from Y --to Y --as-of YYYY-MM-DD [--as-of ..]
                            [--group-by none|kind|region-pair|decade ..]
      DIR holds the cities.csv and partnerships.csv of `citygraph generate`.
      OUTPUT: {"survival": {AS_OF: {GROUP_BY: {"counts": {..}, "groups": {GROUP: KM}}}},
               "lapses": {"year": [ROW per year], "country-pair": {GROUP: ROW}, "region-pair": {GROUP: ROW},
                          "region-pair-yearly": {GROUP: [ROW per year]}, "total": ROW}}

KM = {"timeline", "at_risk", "observed", "censored", "survival", "ci_lower", "ci_upper": lists,
      "median": float or null (lifelines' inf: not reached)}

Definitions (the same as citygraph's, see crates/citygraph-core/src/algo/{lapses,survival}.rs):
  * Generated links are histories [established E] or [established E, lapsed L] with year dates; a
    year stands for its first day (E-01-01).
  * Survival: ending = lapsed (generated links are never terminated or suspended). A link established after
    as_of is left out. It ends at L when L-01-01 <= as_of, else it is censored on as_of. Durations
    are calendar years: whole anniversaries plus the elapsed share (in days) of the next year.
  * Lapses, period Y = [Y-01-01, (Y+1)-01-01): events dated Y belong to it; active at its start =
    active after every event dated before Y (E < Y and not (L < Y ... i.e. L missing or L >= Y));
    stopped = active at the start and not active after the events of Y (L == Y); ended = stopped
    (a lapse ends a link); lapse_rate = stopped / active_at_start (null when 0). The window from..to
    is one period [from-01-01, (to+1)-01-01): stopped = active at its start and L <= to.
"""
import argparse
import datetime as dt
import json
import math
import sys

import numpy as np
import pandas as pd
from lifelines import KaplanMeierFitter

EVENT_TYPES = ["established", "suspended", "resumed", "renewed", "lapsed", "terminated"]


# ------------------------------------------------------------------------------------------ durations

def _is_leap(y):
    return (y % 4 == 0 and y % 100 != 0) or y % 400 == 0


def _anniversary(a, k):
    y = a.year + k
    d = 28 if (a.month == 2 and a.day == 29 and not _is_leap(y)) else a.day
    return dt.date(y, a.month, d).toordinal()


def duration_years(a, b):
    """Years from date a to date b: whole anniversaries plus the elapsed share of the next year."""
    e = b.toordinal()
    k = b.year - a.year
    if _anniversary(a, k) > e:
        k -= 1
    lo, hi = _anniversary(a, k), _anniversary(a, k + 1)
    return k + (e - lo) / (hi - lo)


def durations_from_year_starts(est, as_of):
    """Vectorised duration_years(date(E, 1, 1), as_of) for integer years E (all Jan 1 starts)."""
    jan1 = dt.date(as_of.year, 1, 1).toordinal()
    year_len = dt.date(as_of.year + 1, 1, 1).toordinal() - jan1
    frac = (as_of.toordinal() - jan1) / year_len
    return (as_of.year - est).astype(np.float64) + frac


# ------------------------------------------------------------------------------------------------ KM

def km(durations, observed):
    kmf = KaplanMeierFitter().fit(np.asarray(durations, dtype=float), event_observed=np.asarray(observed, dtype=int))
    table = kmf.event_table
    ci = kmf.confidence_interval_
    median = float(kmf.median_survival_time_)
    return {
        "timeline": [float(t) for t in table.index],
        "at_risk": [int(x) for x in table["at_risk"]],
        "observed": [int(x) for x in table["observed"]],
        "censored": [int(x) for x in table["censored"]],
        "survival": [float(x) for x in kmf.survival_function_.iloc[:, 0]],
        "ci_lower": [float(x) for x in ci.iloc[:, 0]],
        "ci_upper": [float(x) for x in ci.iloc[:, 1]],
        "median": None if math.isinf(median) else median,
    }


# --------------------------------------------------------------------------------------------- input

def load_links(directory):
    """partnerships.csv joined with the country and region of both cities."""
    cities = pd.read_csv(f"{directory}/cities.csv", usecols=["id", "country", "region"], dtype=str,
                         keep_default_na=False)
    links = pd.read_csv(f"{directory}/partnerships.csv", dtype={"a": str, "b": str})
    links["lapsed"] = links["lapsed"].astype("Int64")
    c = cities.set_index("id")
    for side in ("a", "b"):
        links[f"country_{side}"] = c["country"].reindex(links[side]).to_numpy()
        links[f"region_{side}"] = c["region"].reindex(links[side]).to_numpy()
    lo = np.minimum(links["country_a"].to_numpy(), links["country_b"].to_numpy())
    hi = np.maximum(links["country_a"].to_numpy(), links["country_b"].to_numpy())
    links["country_pair"] = pd.Series(lo, dtype=object) + "-" + pd.Series(hi, dtype=object)
    lo = np.minimum(links["region_a"].to_numpy(), links["region_b"].to_numpy())
    hi = np.maximum(links["region_a"].to_numpy(), links["region_b"].to_numpy())
    links["region_pair"] = pd.Series(lo, dtype=object) + "--" + pd.Series(hi, dtype=object)
    return links


# ---------------------------------------------------------------------------------------- survival

def survival_from_links(links, as_of, group_by):
    est = links["established"].to_numpy(dtype=np.int64)
    lap = links["lapsed"].to_numpy(dtype=np.float64, na_value=np.nan)
    # A year-precision date Y is in force on as_of when Y-01-01 <= as_of, i.e. Y <= as_of.year.
    sample = est <= as_of.year
    ended = ~np.isnan(lap) & (lap <= as_of.year)
    durations = np.where(ended, np.nan_to_num(lap) - est, durations_from_year_starts(est, as_of))
    if group_by == "none":
        groups = np.full(len(links), "all", dtype=object)
    elif group_by == "kind":
        groups = np.full(len(links), "sister_city", dtype=object)
    elif group_by == "region-pair":
        groups = links["region_pair"].to_numpy(dtype=object)
    elif group_by == "decade":
        groups = np.array([f"{d}s" for d in (est // 10) * 10], dtype=object)
    else:
        raise SystemExit(f"unknown group_by {group_by}")
    frame = pd.DataFrame({"group": groups[sample], "duration": durations[sample], "observed": ended[sample]})
    out = {}
    for name, g in frame.groupby("group", sort=True):
        out[name] = km(g["duration"].to_numpy(), g["observed"].to_numpy().astype(int))
    counts = {
        "links": int(sample.sum()),
        "events": int(ended[sample].sum()),
        "not_yet_established": int((~sample).sum()),
        "undated_links": 0,
    }
    return {"counts": counts, "groups": out}


# ------------------------------------------------------------------------------------------- lapses
# est: establishment years; lap: lapse years, or NEVER for links that never lapse; codes: group index
# of each link (0..ngroups). Every function loops over years at most and is vectorised over links.

NEVER = np.iinfo(np.int64).max


def _row(established, lapsed, active, stopped):
    established, lapsed, active, stopped = int(established), int(lapsed), int(active), int(stopped)
    return {
        "established": established, "suspended": 0, "resumed": 0, "renewed": 0,
        "lapsed": lapsed, "terminated": 0,
        "active_at_start": active, "stopped": stopped, "ended": stopped,
        "lapse_rate": (stopped / active) if active > 0 else None,
    }


def lapses_per_year(est, lap, codes, ngroups, year_from, year_to):
    """rows[g] = one row per year for group g."""
    rows = [[] for _ in range(ngroups)]
    for y in range(year_from, year_to + 1):
        active = (est < y) & (lap >= y)  # active when year y opens
        cols = [np.bincount(codes[m], minlength=ngroups)
                for m in (est == y, lap == y, active, active & (lap == y))]
        for g in range(ngroups):
            rows[g].append(dict(year=y, **_row(*(c[g] for c in cols))))
    return rows


def lapses_window(est, lap, codes, ngroups, year_from, year_to):
    """One row per group for the window year_from..year_to taken as one period."""
    active = (est < year_from) & (lap >= year_from)
    masks = ((est >= year_from) & (est <= year_to), (lap >= year_from) & (lap <= year_to),
             active, active & (lap <= year_to))
    cols = [np.bincount(codes[m], minlength=ngroups) for m in masks]
    return [_row(*(c[g] for c in cols)) for g in range(ngroups)]


def lapses_from_links(links, year_from, year_to):
    est = links["established"].to_numpy(dtype=np.int64)
    lap = links["lapsed"].fillna(NEVER).to_numpy(dtype=np.int64)
    everyone = np.zeros(len(links), dtype=np.int64)
    out = {
        "year": lapses_per_year(est, lap, everyone, 1, year_from, year_to)[0],
        "total": lapses_window(est, lap, everyone, 1, year_from, year_to)[0],
    }
    for by, column in (("country-pair", "country_pair"), ("region-pair", "region_pair")):
        codes, names = pd.factorize(links[column], sort=True)
        rows = lapses_window(est, lap, codes, len(names), year_from, year_to)
        # Groups with nothing in the window (no event, no link active at its start) are left out.
        out[by] = {name: r for name, r in zip(names, rows)
                   if r["established"] + r["lapsed"] + r["active_at_start"] > 0}
    codes, names = pd.factorize(links["region_pair"], sort=True)
    yearly = lapses_per_year(est, lap, codes, len(names), year_from, year_to)
    out["region-pair-yearly"] = dict(zip(names, yearly))
    return out


# --------------------------------------------------------------------------------------------- main

def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    k = sub.add_parser("km")
    k.add_argument("input")
    k.add_argument("output")
    c = sub.add_parser("csv")
    c.add_argument("dir")
    c.add_argument("output")
    c.add_argument("--from", dest="year_from", type=int, required=True)
    c.add_argument("--to", dest="year_to", type=int, required=True)
    c.add_argument("--as-of", dest="as_of", action="append", required=True)
    c.add_argument("--group-by", dest="group_by", action="append", default=None)
    a = ap.parse_args(argv)

    if a.mode == "km":
        with open(a.input) as f:
            samples = json.load(f)["samples"]
        result = {name: km(s["durations"], s["observed"]) for name, s in samples.items()}
    else:
        links = load_links(a.dir)
        result = {"survival": {}, "lapses": lapses_from_links(links, a.year_from, a.year_to)}
        for as_of in a.as_of:
            day = dt.date.fromisoformat(as_of)
            result["survival"][as_of] = {g: survival_from_links(links, day, g) for g in (a.group_by or ["none"])}
    with open(a.output, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main(sys.argv[1:])
