//! Times the lapse, survival and timeline analytics on a `gen_graph.py` directory.
//!
//! ```text
//! cargo run --release -p citygraph-tests --example lapse_bench -- DIR [--repeat N] [--json OUT] [--only TEXT]
//! ```
//!
//! Loads the CSV with `citygraph_interchange::read` into a `Snapshot` (timed apart), builds the
//! `LinkTable` the analytics read (once per graph version in a service), then runs each computation
//! `N` times (default 3) and prints the fastest and the median wall time, and the peak memory the
//! computation added on top of what was loaded: the kernel's peak resident set size (VmHWM) is reset
//! through `/proc/self/clear_refs` before each run and read after it. With `--json` the figures are
//! also written as JSON for `bench/lapses/report.py`. `--only TEXT` runs only the computations whose
//! name contains TEXT (for profiling).

use std::path::PathBuf;
use std::time::Instant;

use citygraph_core::algo::lapses::{lapse_report, LapseBy, LapseQuery, LinkTable};
use citygraph_core::algo::survival::{survival, SurvivalGroupBy, SurvivalQuery};
use citygraph_core::algo::timeline::{timeline, TimelineBy, TimelineMetric, TimelineQuery};
use citygraph_core::{Day, Snapshot};
use citygraph_interchange::read::{read_gen_graph_dir, snapshot_from_records};
use serde_json::{json, Value};

/// A field of `/proc/self/status` in KiB (`VmRSS`, `VmHWM`).
fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Resets the peak RSS to the current RSS (Linux 4.0+); false when not possible.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// Runs `f` `repeat` times; prints and returns the figures and the last result.
fn measure<T>(
    name: &str,
    repeat: usize,
    mut f: impl FnMut() -> T,
    summary: impl Fn(&T) -> String,
) -> (Value, T) {
    let mut times = Vec::with_capacity(repeat);
    let mut peak_extra = 0u64;
    let mut last = None;
    for _ in 0..repeat {
        drop(last.take());
        let measured = reset_peak();
        let before = status_kib("VmRSS").unwrap_or(0);
        let t = Instant::now();
        let out = f();
        times.push(t.elapsed().as_secs_f64());
        if measured {
            peak_extra = peak_extra.max(status_kib("VmHWM").unwrap_or(0).saturating_sub(before));
        }
        last = Some(out);
    }
    let last = last.expect("repeat >= 1");
    times.sort_by(f64::total_cmp);
    let (min, median) = (times[0], times[times.len() / 2]);
    let summary = summary(&last);
    println!(
        "{name:<46} min {min:>8.3} s  median {median:>8.3} s  peak +{:>7.1} MiB  ({summary})",
        mib(peak_extra)
    );
    let figures = json!({
        "name": name, "min_s": min, "median_s": median,
        "peak_extra_mib": mib(peak_extra), "summary": summary,
    });
    (figures, last)
}

type Op = (&'static str, Box<dyn Fn(&LinkTable) -> String>);

fn ops(as_of: Day) -> Vec<Op> {
    vec![
        (
            "lapses by=year 1950..2024",
            Box::new(|t| {
                let r = lapse_report(t, &LapseQuery::new(LapseBy::Year, 1950, 2024)).unwrap();
                format!("{} rows, {} lapsed", r.rows.len(), r.total.lapsed)
            }),
        ),
        (
            "lapses by=country-pair 1950..2024",
            Box::new(|t| {
                let r =
                    lapse_report(t, &LapseQuery::new(LapseBy::CountryPair, 1950, 2024)).unwrap();
                format!("{} groups", r.rows.len())
            }),
        ),
        (
            "lapses by=region-pair yearly 1950..2024",
            Box::new(|t| {
                let mut q = LapseQuery::new(LapseBy::RegionPair, 1950, 2024);
                q.yearly = true;
                let r = lapse_report(t, &q).unwrap();
                format!("{} rows", r.rows.len())
            }),
        ),
        (
            "survival group_by=none",
            Box::new(move |t| {
                let r = survival(t, &SurvivalQuery::new(SurvivalGroupBy::None, as_of)).unwrap();
                let g = &r.groups[0];
                format!(
                    "{} links, {} times, median {:?}",
                    r.links,
                    g.table.len(),
                    g.median_years
                )
            }),
        ),
        (
            "survival group_by=region-pair",
            Box::new(move |t| {
                let q = SurvivalQuery::new(SurvivalGroupBy::RegionPair, as_of);
                format!("{} groups", survival(t, &q).unwrap().groups.len())
            }),
        ),
        (
            "survival group_by=decade",
            Box::new(move |t| {
                let q = SurvivalQuery::new(SurvivalGroupBy::Decade, as_of);
                format!("{} groups", survival(t, &q).unwrap().groups.len())
            }),
        ),
        (
            "timeline active_links by=region 1950..2024",
            Box::new(|t| {
                let q = TimelineQuery {
                    metric: TimelineMetric::ActiveLinks,
                    from: 1950,
                    to: 2024,
                    by: Some(TimelineBy::Region),
                };
                format!("{} series", timeline(t, &q).unwrap().series.len())
            }),
        ),
        (
            "timeline memberships 1990..2024",
            Box::new(|t| {
                let q = TimelineQuery {
                    metric: TimelineMetric::Memberships,
                    from: 1990,
                    to: 2024,
                    by: None,
                };
                let r = timeline(t, &q).unwrap();
                let last = r.series[0].points.last().map_or(0, |p| p.value);
                format!("{last} in force at the end of 2024")
            }),
        ),
    ]
}

/// Visits every link of the snapshot and its events once: the floor of any pass over the snapshot.
fn visit_snapshot(snap: &Snapshot) -> usize {
    snap.partnerships
        .values()
        .map(|p| {
            p.events
                .iter()
                .map(|e| e.date.year_part() as usize)
                .sum::<usize>()
        })
        .sum()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut dir, mut repeat, mut json_out, mut only) = (None, 3usize, None::<PathBuf>, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--repeat" => {
                repeat = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--repeat N")
            }
            "--json" => json_out = Some(args.next().expect("--json OUT").into()),
            "--only" => only = Some(args.next().expect("--only TEXT")),
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            other => panic!("unexpected argument {other:?}"),
        }
    }
    let dir: PathBuf = dir.expect("usage: lapse_bench DIR [--repeat N] [--json OUT] [--only TEXT]");
    let repeat = repeat.max(1);
    let wanted = |name: &str| only.as_ref().is_none_or(|o| name.contains(o.as_str()));

    let t = Instant::now();
    let records =
        read_gen_graph_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    let read_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let snap = snapshot_from_records(records).unwrap_or_else(|e| panic!("loading: {e}"));
    let snapshot_s = t.elapsed().as_secs_f64();
    let loaded_rss = status_kib("VmRSS").unwrap_or(0);
    let load_peak = status_kib("VmHWM").unwrap_or(0);
    println!(
        "loaded {} cities, {} links, {} memberships: read {read_s:.2} s, snapshot {snapshot_s:.2} s, \
         RSS {:.0} MiB (peak {:.0} MiB)",
        snap.cities.len(),
        snap.partnerships.len(),
        snap.memberships.len(),
        mib(loaded_rss),
        mib(load_peak)
    );

    let mut results = Vec::new();
    let (figures, table) = measure(
        "build LinkTable (once per graph version)",
        repeat,
        || LinkTable::new(&snap),
        |t| format!("{} links", t.len()),
    );
    results.push(figures);
    if wanted("baseline") {
        let (figures, _) = measure(
            "baseline: visit every snapshot link's events",
            repeat,
            || visit_snapshot(&snap),
            |n| format!("checksum {n}"),
        );
        results.push(figures);
    }
    for (name, run) in ops(Day::new(2025, 1, 1).expect("valid day")) {
        if wanted(name) {
            let (figures, _) = measure(name, repeat, || run(&table), String::clone);
            results.push(figures);
        }
    }

    if let Some(path) = json_out {
        let out: Value = json!({
            "dir": dir.display().to_string(),
            "cities": snap.cities.len(),
            "links": snap.partnerships.len(),
            "memberships": snap.memberships.len(),
            "repeat": repeat,
            "load": {
                "read_s": read_s, "snapshot_s": snapshot_s,
                "rss_mib": mib(loaded_rss), "peak_mib": mib(load_peak),
            },
            "ops": results,
        });
        std::fs::write(&path, serde_json::to_string_pretty(&out).expect("json"))
            .expect("writing --json");
    }
}
