#!/usr/bin/env python3
"""Writes bench/fragments/lapses.md from the JSON that lapse_bench (Rust) and python_bench.py wrote.

Usage: report.py --out FILE DIR [DIR ...]   (each DIR holds rust-lapses.json and python-lapses.json)
"""
import argparse
import json
import os
import platform


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_total_gib():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return float("nan")


def fmt_s(x):
    return f"{x * 1000:.1f} ms" if x < 1 else f"{x:.2f} s"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    lines = [
        "# Lapse and survival analytics: benchmark",
        "",
        "citygraph-core's `algo::lapses`, `algo::survival` and `algo::timeline` against the pandas + lifelines",
        "reference of `tests/python/survival_reference.py` (the code the integration test",
        "`tests/tests/reference_survival.rs` checks the Rust results against: same counts, rates, survival",
        "curves, intervals and medians), on the same `citygraph generate` data and the same operations.",
        "",
        "- Times are wall-clock, fastest of the runs (median in brackets). Memory is the peak resident memory a",
        "  computation adds on top of what was already loaded (VmHWM reset through `/proc/self/clear_refs`",
        "  before each run).",
        "- Rust: the CSV is read with `citygraph_interchange::read` into a `Snapshot` (the service's in-memory",
        "  graph). The analytics read a `LinkTable`, a compact integer-indexed copy of the links (kind, both",
        "  cities' country and region, events in one array; memberships as year spans) built in one pass over",
        "  the snapshot and meant to be built once per graph version and shared by every analytics request.",
        "  \"Rust\" is the per-request cost with the table built; \"incl. table build\" adds the build, the cost",
        "  of the first request after a write. The baseline row is the floor of any pass over the snapshot",
        "  (visiting every link and its events once).",
        "- Python: pandas reads the CSV into frames (the load line), then the reference functions run on numpy",
        "  arrays (lapses) and lifelines' `KaplanMeierFitter` (survival; durations computed vectorised).",
        "- Snapshot loading is `citygraph_interchange::read::snapshot_from_records` (one `Snapshot::apply` per",
        "  record); it is reported for context and is not part of these analytics.",
        "",
        f"Machine: {os.cpu_count()} shared cores ({cpu_model()}), {mem_total_gib():.0f} GiB RAM, "
        f"{platform.system()} {platform.release()}. Both sides run single-threaded. Other jobs shared the two "
        "cores during the runs (load average up to 9 while the large snapshots loaded, under 2 while the",
        "computations were timed), so read ratios rather than absolute times.",
        "",
    ]
    for d in a.dirs:
        with open(os.path.join(d, "rust-lapses.json")) as f:
            rust = json.load(f)
        with open(os.path.join(d, "python-lapses.json")) as f:
            py = json.load(f)
        scale = os.path.basename(os.path.normpath(d))
        lines += [
            f"## {scale}: {rust['cities']:,} cities, {rust['links']:,} links, {rust['memberships']:,} memberships",
            "",
            f"Loading: Rust {fmt_s(rust['load']['read_s'])} to read the CSV + {fmt_s(rust['load']['snapshot_s'])} to build "
            f"the snapshot ({rust['load']['rss_mib']:.0f} MiB resident, peak {rust['load']['peak_mib']:.0f} MiB); "
            f"pandas {fmt_s(py['load_s'])} ({py['rss_mib']:.0f} MiB resident, with the libraries).",
            "",
            "| computation | Rust | Rust peak + | Rust incl. table build | pandas / lifelines | Python peak + | ratio | ratio incl. build |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        pyops = {o["name"]: o for o in py["ops"]}
        build = next((o for o in rust["ops"] if o["name"].startswith("build LinkTable")), None)
        for o in rust["ops"]:
            p = pyops.get(o["name"])
            rust_cell = f"{fmt_s(o['min_s'])} ({fmt_s(o['median_s'])})"
            if p and build:
                total = build["min_s"] + o["min_s"]
                ratio = p["min_s"] / o["min_s"] if o["min_s"] > 0 else float("inf")
                lines.append(f"| {o['name']} | {rust_cell} | {o['peak_extra_mib']:.1f} MiB | {fmt_s(total)} | "
                             f"{fmt_s(p['min_s'])} ({fmt_s(p['median_s'])}) | {p['peak_extra_mib']:.1f} MiB | "
                             f"{ratio:,.0f}x | {p['min_s'] / total:,.1f}x |")
            else:
                lines.append(f"| {o['name']} | {rust_cell} | {o['peak_extra_mib']:.1f} MiB | | n/a | n/a | | |")
        lines += ["", "Results: " + "; ".join(f"{o['name']}: {o['summary']}" for o in rust["ops"]) + ".", ""]
    lines += [
        "## How to reproduce",
        "",
        "```sh",
        "pip install numpy pandas lifelines",
        "bench/lapses/run.sh medium large      # generates into /tmp/citygraph-bench/SCALE if missing",
        "# or step by step:",
        "cargo build --release -p citygraph-server",
        "target/release/citygraph generate --scale medium --out /tmp/citygraph-bench/medium",
        "cargo run --release -p citygraph-tests --example lapse_bench -- /tmp/citygraph-bench/medium --json /tmp/citygraph-bench/medium/rust-lapses.json",
        "python3 bench/lapses/python_bench.py /tmp/citygraph-bench/medium --json /tmp/citygraph-bench/medium/python-lapses.json",
        "python3 bench/lapses/report.py --out bench/fragments/lapses.md /tmp/citygraph-bench/medium /tmp/citygraph-bench/large",
        "```",
        "",
    ]
    with open(a.out, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
