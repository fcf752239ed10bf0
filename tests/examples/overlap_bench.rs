//! Benchmark of the network overlap and saturation analytics on `gen_graph.py` data.
//!
//! ```text
//! cargo run --release -p citygraph-tests --example overlap_bench -- pairs DIR [--as-of YYYY-MM-DD] [--iters N] [--top K]
//! cargo run --release -p citygraph-tests --example overlap_bench -- saturation DIR [--as-of YYYY-MM-DD] [--memberships-only]
//! cargo run --release -p citygraph-tests --example overlap_bench -- similar DIR [--as-of YYYY-MM-DD] [--iters N]
//! ```
//!
//! `pairs`: loads the CSVs into a snapshot (timed apart), then runs the all-pairs overlap
//! (`top_overlapping_pairs`, min_shared 1, ranked by Jaccard, the best `--top`) `--iters` times and
//! prints the median and fastest run, the number of overlapping pairs and the best five pairs.
//! `similar`: loads the CSVs, then times city similarity (by networks and by partners) and network
//! recommendations for the city in most networks, a city in only the largest network, and the
//! most twinned city.
//! `saturation`: loads the CSVs (optionally only cities, networks and memberships), then times the
//! saturation report (by none, by region) and a 25-year timeline, printing the process's peak and
//! current resident memory after each phase (run it under `/usr/bin/time -v` for the whole-process
//! peak).

use std::path::{Path, PathBuf};
use std::time::Instant;

use citygraph_core::algo::filter::Filter;
use citygraph_core::algo::overlap::{
    top_overlapping_pairs, top_overlapping_pairs_in, MembershipIndex, OverlapMeasure, TopPairsQuery,
};
use citygraph_core::algo::saturation::{saturation_in, saturation_timeline_in, GroupBy};
use citygraph_core::algo::similarity::{
    recommend_networks, similar_cities, RecommendQuery, SetMeasure, SimilarQuery, SimilarityBasis,
};
use citygraph_core::{Day, PartialDate, Snapshot};
use citygraph_interchange::read::{read_gen_graph_dir, snapshot_from_records, Record};

fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_owned())
            .unwrap_or_else(|| "?".to_owned())
    };
    format!("peak RSS {}, RSS {}", field("VmHWM:"), field("VmRSS:"))
}

/// CPU time of this thread in ms (`/proc/thread-self/schedstat`), so that figures survive a busy
/// machine; NaN where unavailable.
fn cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|n| n.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |ns| ns / 1e6)
}

/// Runs `f` `iters` times; returns (median wall ms, min wall ms, mean CPU ms, last result). CPU
/// time is taken over all runs together: the kernel updates it at scheduler ticks.
fn timed<T>(iters: usize, mut f: impl FnMut() -> T) -> (f64, f64, f64, T) {
    let mut wall = Vec::new();
    let mut last = None;
    let c = cpu_ms();
    for _ in 0..iters.max(1) {
        let t = Instant::now();
        last = Some(f());
        wall.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let cpu = (cpu_ms() - c) / iters.max(1) as f64;
    let (wmed, wmin) = median_ms(wall);
    (wmed, wmin, cpu, last.expect("at least one run"))
}

fn load(dir: &Path, memberships_only: bool) -> Snapshot {
    let t = Instant::now();
    let mut records =
        read_gen_graph_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    if memberships_only {
        records.retain(|r| !matches!(r, Record::Partnership(_)));
    }
    let read = t.elapsed();
    let snap = snapshot_from_records(records).expect("gen_graph data is consistent");
    println!(
        "load: read {:.2} s, snapshot {:.2} s ({} cities, {} networks, {} memberships, {} partnerships); {}",
        read.as_secs_f64(),
        (t.elapsed() - read).as_secs_f64(),
        snap.cities.len(),
        snap.networks.len(),
        snap.memberships.len(),
        snap.partnerships.len(),
        memory()
    );
    snap
}

fn median_ms(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[0])
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: overlap_bench (pairs|saturation|similar) DIR [--as-of YYYY-MM-DD] [--iters N] [--top K] [--memberships-only]";
    let (Some(mode), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let as_of: Day = opt("--as-of")
        .unwrap_or_else(|| "2024-01-01".to_owned())
        .parse::<PartialDate>()
        .expect("--as-of is YYYY, YYYY-MM or YYYY-MM-DD")
        .first_day();
    let iters: usize = opt("--iters").map_or(20, |s| s.parse().expect("--iters is a number"));
    let top: usize = opt("--top").map_or(100, |s| s.parse().expect("--top is a number"));
    let filter = Filter::on(as_of);
    match mode.as_str() {
        "pairs" => {
            let snap = load(&dir, false);
            let query = TopPairsQuery {
                min_shared: 1,
                measure: OverlapMeasure::Jaccard,
                top,
            };
            let (wmed, wmin, cmed, index) = timed(iters, || MembershipIndex::new(&snap));
            println!(
                "rust index build: median {wmed:.2} ms, min {wmin:.2} ms, mean CPU {cmed:.2} ms"
            );
            let (wmed, wmin, cmed, r) =
                timed(iters, || top_overlapping_pairs_in(&index, &filter, &query));
            println!(
                "rust all-pairs overlap, prebuilt index: median {wmed:.2} ms, min {wmin:.2} ms, mean CPU {cmed:.2} ms"
            );
            let (wmed, wmin, cmed, full) =
                timed(iters, || top_overlapping_pairs(&snap, &filter, &query));
            println!(
                "rust all-pairs overlap from the snapshot (index + pairs): median {wmed:.2} ms, min {wmin:.2} ms, mean CPU {cmed:.2} ms"
            );
            assert_eq!(r, full);
            println!(
                "  as of {as_of}, {} runs each; {} networks, {} overlapping pairs",
                iters.max(1),
                r.networks,
                r.pairs_matching
            );
            for p in r.pairs.iter().take(5) {
                println!(
                    "  {} {} shared {} jaccard {:.6}",
                    p.a, p.b, p.shared, p.jaccard
                );
            }
        }
        "saturation" => {
            let snap = load(&dir, args.iter().any(|a| a == "--memberships-only"));
            let (wmed, _, cmed, index) = timed(1, || MembershipIndex::new(&snap));
            println!(
                "index build: {wmed:.1} ms (CPU {cmed:.1} ms), index {:.1} MB; {}",
                index.heap_bytes() as f64 / 1e6,
                memory()
            );
            for by in [GroupBy::None, GroupBy::Region] {
                let (wmed, _, cmed, r) = timed(1, || saturation_in(&index, &filter, by));
                println!(
                    "saturation by {} as of {as_of}: {wmed:.1} ms (CPU {cmed:.1} ms); {} cities, {} memberships, mean {:.4}, median {}, gini {:.4}, {} groups; {}",
                    by.as_str(),
                    r.overall.cities,
                    r.overall.memberships,
                    r.overall.mean,
                    r.overall.median,
                    r.overall.gini,
                    r.groups.len(),
                    memory()
                );
            }
            let (from, to) = (as_of.year() - 24, as_of.year());
            let (wmed, _, cmed, r) = timed(1, || {
                saturation_timeline_in(&index, &filter, GroupBy::Region, from, to)
                    .expect("valid range")
            });
            println!(
                "saturation timeline {from}..{to} by region: {wmed:.1} ms (CPU {cmed:.1} ms, {} years); {}",
                r.years.len(),
                memory()
            );
        }
        "similar" => {
            let snap = load(&dir, false);
            let index = MembershipIndex::new(&snap);
            let inc = saturation_in(&index, &filter, GroupBy::Network);
            // The city in most networks, and a member of the largest network with few others.
            let degree = |c: &str| {
                let mut n: Vec<&str> = snap
                    .memberships_of(c)
                    .filter(|m| m.in_force_on(as_of))
                    .map(|m| m.network.as_str())
                    .collect();
                n.sort_unstable();
                n.dedup();
                n.len()
            };
            let biggest = inc
                .groups
                .iter()
                .max_by_key(|g| g.cities)
                .expect("networks")
                .key
                .clone();
            let hub = snap
                .memberships
                .values()
                .filter(|m| m.network.as_str() == biggest && m.in_force_on(as_of))
                .map(|m| m.city.as_str())
                .max_by_key(|c| degree(c))
                .expect("members")
                .to_owned();
            let small = snap
                .memberships
                .values()
                .filter(|m| m.network.as_str() == biggest && m.in_force_on(as_of))
                .map(|m| m.city.as_str())
                .find(|c| degree(c) == 1)
                .expect("a member in one network")
                .to_owned();
            let twinned = snap
                .links_of
                .iter()
                .max_by_key(|(_, s)| s.len())
                .map(|(c, _)| c.to_string())
                .expect("links");
            for (label, city) in [
                ("most networked", &hub),
                ("one-network", &small),
                ("most twinned", &twinned),
            ] {
                for by in [SimilarityBasis::Networks, SimilarityBasis::Partners] {
                    let q = SimilarQuery {
                        by,
                        measure: SetMeasure::Jaccard,
                        top: 10,
                    };
                    let (wmed, _, cpu, r) = timed(iters, || {
                        similar_cities(&snap, &filter, city, &q).expect("city exists")
                    });
                    println!(
                        "similar cities by {} to {label} city {city} ({} items, {} candidates): median {wmed:.1} ms, mean CPU {cpu:.1} ms",
                        by.as_str(),
                        r.items,
                        r.candidates
                    );
                }
                let (wmed, _, cpu, r) = timed(iters, || {
                    recommend_networks(&snap, &filter, city, &RecommendQuery::default())
                        .expect("city exists")
                });
                println!(
                    "network recommendations for {city}: median {wmed:.1} ms, mean CPU {cpu:.1} ms ({} networks)",
                    r.recommendations.len()
                );
            }
        }
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}
