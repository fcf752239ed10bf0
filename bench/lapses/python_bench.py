#!/usr/bin/env python3
"""Times the pandas + lifelines side of the lapse/survival benchmark on a `citygraph generate` directory.

Usage: python_bench.py DIR [--repeat N] [--json OUT]

Runs the functions of tests/python/survival_reference.py (the reference the Rust results are
checked against: lapse counts with numpy/pandas, Kaplan-Meier with lifelines' KaplanMeierFitter) on
the same data and operations as tests/examples/lapse_bench.rs, and reports the fastest and median
wall time and the peak memory each computation adds (VmHWM reset through /proc/self/clear_refs).
"""
import argparse
import datetime as dt
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "python"))
import survival_reference as ref  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402


def status_kib(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json")
    a = ap.parse_args()

    t = time.perf_counter()
    links = ref.load_links(a.dir)
    load_s = time.perf_counter() - t
    print(f"loaded {len(links)} links with pandas in {load_s:.2f} s, RSS {status_kib('VmRSS') / 1024:.0f} MiB")
    est = links["established"].to_numpy(dtype=np.int64)
    lap = links["lapsed"].fillna(ref.NEVER).to_numpy(dtype=np.int64)
    everyone = np.zeros(len(links), dtype=np.int64)
    as_of = dt.date(2025, 1, 1)

    def by_year():
        rows = ref.lapses_per_year(est, lap, everyone, 1, 1950, 2024)[0]
        return f"{len(rows)} rows, {sum(r['lapsed'] for r in rows)} lapsed"

    def country_pair():
        codes, names = pd.factorize(links["country_pair"], sort=True)
        rows = ref.lapses_window(est, lap, codes, len(names), 1950, 2024)
        return f"{sum(1 for r in rows if r['established'] + r['lapsed'] + r['active_at_start'] > 0)} groups"

    def region_pair_yearly():
        codes, names = pd.factorize(links["region_pair"], sort=True)
        window = ref.lapses_window(est, lap, codes, len(names), 1950, 2024)
        yearly = ref.lapses_per_year(est, lap, codes, len(names), 1950, 2024)
        return f"{len(window) + sum(len(y) for y in yearly)} rows"

    def surv(group_by):
        def run():
            r = ref.survival_from_links(links, as_of, group_by)
            if group_by == "none":
                g = r["groups"]["all"]
                return f"{r['counts']['links']} links, {len(g['timeline'])} times, median {g['median']}"
            return f"{len(r['groups'])} groups"
        return run

    ops = [
        ("lapses by=year 1950..2024", by_year),
        ("lapses by=country-pair 1950..2024", country_pair),
        ("lapses by=region-pair yearly 1950..2024", region_pair_yearly),
        ("survival group_by=none", surv("none")),
        ("survival group_by=region-pair", surv("region-pair")),
        ("survival group_by=decade", surv("decade")),
    ]
    results = []
    for name, fn in ops:
        times, peak = [], 0
        summary = ""
        for _ in range(max(1, a.repeat)):
            measured = reset_peak()
            before = status_kib("VmRSS")
            t = time.perf_counter()
            summary = fn()
            times.append(time.perf_counter() - t)
            if measured:
                peak = max(peak, status_kib("VmHWM") - before)
        times.sort()
        mn, med = times[0], times[len(times) // 2]
        print(f"{name:<42} min {mn:8.3f} s  median {med:8.3f} s  peak +{peak / 1024:7.1f} MiB  ({summary})")
        results.append({"name": name, "min_s": mn, "median_s": med, "peak_extra_mib": peak / 1024, "summary": summary})
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"dir": a.dir, "links": len(links), "load_s": load_s,
                       "rss_mib": status_kib("VmRSS") / 1024, "ops": results}, f, indent=1)


if __name__ == "__main__":
    main()
