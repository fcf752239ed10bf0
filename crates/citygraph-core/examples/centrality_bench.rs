//! Times the centrality suite on a graph read from an edge list, and prints JSON.
//!
//! ```text
//! cargo run --release -p citygraph-core --example centrality_bench -- EDGELIST
//!     [--metrics betweenness,closeness,harmonic,pagerank] [--threads T] [--repeat R]
//!     [--sample K[,K...]] [--seeds S] [--seed-from B] [--spearman-top N] [--mean-top N]
//!     [--values OUT.json] [--cancel-deadline SECONDS]
//! ```
//!
//! EDGELIST: one node or edge per line, ids separated by white space (`a` declares a node, `a b`
//! an undirected edge; lines starting with `#` are comments). Nodes are numbered in id order.
//!
//! `--sample K` also times sampled betweenness with `K` sources (each `K` of a comma-separated list)
//! for seeds `B..B+S` (default `0..1`); with
//! `--spearman-top N` it compares, over the `N` nodes of highest exact betweenness, the ranks of the
//! sampled values against the exact ones (Spearman correlation, mean and minimum over the seeds);
//! with `--mean-top N` it averages the estimates over the seeds and gives, over the `N` nodes of
//! highest exact betweenness, the relative error of that mean (worst and average over the nodes,
//! and the worst node). Either makes the exact betweenness computed even if not listed in
//! `--metrics`.
//!
//! `--cancel-deadline S` runs the metrics through `compute_cancellable` with a live cancellation
//! handle whose deadline is `S` seconds after each run starts (as the service runs them), to
//! measure what the checks cost; without it they run with no handle.

use std::collections::HashMap;
use std::time::Instant;

use citygraph_core::algo::cancel::Cancel;
use citygraph_core::algo::centrality::{self, CentralityParams, Metric};
use citygraph_core::algo::projection::Csr;

fn usage() -> ! {
    eprintln!("usage: centrality_bench EDGELIST [--metrics m1,m2] [--threads T] [--repeat R] [--sample K[,K...]] [--seeds S] [--seed-from B] [--spearman-top N] [--mean-top N] [--values OUT.json] [--cancel-deadline S]");
    std::process::exit(2)
}

fn read_edge_list(path: &str) -> (Vec<String>, Csr) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(1)
    });
    let mut names: Vec<&str> = Vec::new();
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut it = line.split_whitespace();
        let a = it.next().expect("non-empty line");
        match it.next() {
            Some(b) => pairs.push((a, b)),
            None => names.push(a),
        }
    }
    for &(a, b) in &pairs {
        names.push(a);
        names.push(b);
    }
    names.sort_unstable();
    names.dedup();
    let index: HashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i as u32))
        .collect();
    let edges: Vec<(u32, u32)> = pairs.iter().map(|(a, b)| (index[a], index[b])).collect();
    let g = Csr::from_edges(names.len(), edges);
    (names.into_iter().map(str::to_owned).collect(), g)
}

/// CPU time (user + system, all threads) of this process so far, from `/proc/self/stat` (Linux;
/// `None` elsewhere). Clock ticks are taken as 100 per second, the Linux default.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Ranks (average ranks for ties) of `xs`, 1-based.
fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..xs.len()).collect();
    idx.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut r = vec![0.0; xs.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && xs[idx[j + 1]] == xs[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            r[k] = avg;
        }
        i = j + 1;
    }
    r
}

/// Spearman rank correlation of two samples (Pearson correlation of their ranks).
fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let (ra, rb) = (ranks(a), ranks(b));
    let n = ra.len() as f64;
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let cov: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = ra.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = rb.iter().map(|y| (y - mb).powi(2)).sum();
    cov / (va * vb).sqrt()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        usage();
    }
    let path = &args[0];
    let mut metrics = vec![
        Metric::Betweenness,
        Metric::Closeness,
        Metric::Harmonic,
        Metric::Pagerank,
    ];
    let (mut threads, mut repeat, mut sample, mut seeds, mut top) =
        (None, 1usize, None, 1u64, None);
    let (mut seed_from, mut mean_top) = (0u64, None);
    let mut values_out: Option<String> = None;
    let mut cancel_deadline: Option<f64> = None;
    let mut i = 1;
    while i < args.len() {
        let val = args.get(i + 1).cloned().unwrap_or_else(|| usage());
        match args[i].as_str() {
            "--metrics" => {
                metrics = val
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| s.parse().unwrap_or_else(|e| panic!("{e}")))
                    .collect()
            }
            "--threads" => threads = Some(val.parse().expect("--threads N")),
            "--repeat" => repeat = val.parse().expect("--repeat N"),
            "--sample" => {
                sample = Some(
                    val.split(',')
                        .map(|k| k.parse::<usize>().expect("--sample K[,K...]"))
                        .collect::<Vec<_>>(),
                )
            }
            "--seeds" => seeds = val.parse().expect("--seeds N"),
            "--seed-from" => seed_from = val.parse().expect("--seed-from B"),
            "--spearman-top" => top = Some(val.parse::<usize>().expect("--spearman-top N")),
            "--mean-top" => mean_top = Some(val.parse::<usize>().expect("--mean-top N")),
            "--values" => values_out = Some(val),
            "--cancel-deadline" => {
                cancel_deadline = Some(val.parse().expect("--cancel-deadline SECONDS"))
            }
            _ => usage(),
        }
        i += 2;
    }
    let t0 = Instant::now();
    let (ids, g) = read_edge_list(path);
    let load = t0.elapsed().as_secs_f64();
    let threads_used =
        threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let params = CentralityParams {
        threads,
        ..CentralityParams::default()
    };
    let mut results = serde_json::Map::new();
    let mut values = serde_json::Map::new();
    let mut exact_bc: Option<Vec<f64>> = None;
    if (top.is_some() || mean_top.is_some()) && !metrics.contains(&Metric::Betweenness) {
        metrics.push(Metric::Betweenness);
    }
    for m in &metrics {
        let mut times = Vec::new();
        let mut cpu = Vec::new();
        let mut last = Vec::new();
        for _ in 0..repeat {
            let c = cpu_seconds();
            let t = Instant::now();
            last = match cancel_deadline {
                None => centrality::compute(&g, *m, &params),
                Some(s) => {
                    let cancel = Cancel::new(Some(t + std::time::Duration::from_secs_f64(s)));
                    centrality::compute_cancellable(&g, *m, &params, &cancel).map(|v| v.values)
                }
            }
            .unwrap_or_else(|e| panic!("{m}: {e}"));
            times.push(t.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (c, cpu_seconds()) {
                cpu.push(b - a);
            }
        }
        let best = times.iter().copied().fold(f64::INFINITY, f64::min);
        let best_cpu = cpu.iter().copied().reduce(f64::min);
        eprintln!("{m}: {best:.3} s wall, {best_cpu:?} s cpu (best of {repeat})");
        results.insert(
            m.as_str().into(),
            serde_json::json!({"seconds": best, "cpu_seconds": best_cpu, "runs": times}),
        );
        if *m == Metric::Betweenness {
            exact_bc = Some(last.clone());
        }
        values.insert(m.as_str().into(), serde_json::json!(last));
    }
    let mut sampled = Vec::new();
    for k in sample.unwrap_or_default() {
        let mut times = Vec::new();
        let mut cpu = Vec::new();
        let mut corr = Vec::new();
        let mut sum = vec![0.0f64; g.node_count()];
        for seed in seed_from..seed_from + seeds {
            let c = cpu_seconds();
            let t = Instant::now();
            let est = centrality::betweenness_sampled(&g, k, seed, true, threads);
            times.push(t.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (c, cpu_seconds()) {
                cpu.push(b - a);
            }
            for (t, x) in sum.iter_mut().zip(&est) {
                *t += x;
            }
            if let (Some(n), Some(exact)) = (top, &exact_bc) {
                let best: Vec<usize> = centrality::rank(&ids, exact, Some(n))
                    .into_iter()
                    .map(|(_, i)| i)
                    .collect();
                let a: Vec<f64> = best.iter().map(|&i| exact[i]).collect();
                let b: Vec<f64> = best.iter().map(|&i| est[i]).collect();
                corr.push(spearman(&a, &b));
            }
        }
        let mean_t = times.iter().sum::<f64>() / times.len() as f64;
        let mean_cpu = cpu.iter().sum::<f64>() / cpu.len().max(1) as f64;
        eprintln!("betweenness sampled k={k}: {mean_t:.3} s wall, {mean_cpu:.2} s cpu, mean over {seeds} seeds");
        let mut entry =
            serde_json::json!({"k": k, "seconds": mean_t, "cpu_seconds": mean_cpu, "runs": times});
        if !corr.is_empty() {
            let mean = corr.iter().sum::<f64>() / corr.len() as f64;
            let min = corr.iter().copied().fold(f64::INFINITY, f64::min);
            eprintln!(
                "  top-{} Spearman vs exact: mean {mean:.4}, min {min:.4}",
                top.unwrap_or(0)
            );
            entry["spearman_top"] = serde_json::json!(top);
            entry["spearman_mean"] = serde_json::json!(mean);
            entry["spearman_min"] = serde_json::json!(min);
        }
        if let (Some(n), Some(exact)) = (mean_top, &exact_bc) {
            let errs: Vec<(f64, usize)> = centrality::rank(&ids, exact, Some(n))
                .into_iter()
                .map(|(_, i)| ((sum[i] / seeds as f64 - exact[i]).abs() / exact[i], i))
                .collect();
            let (worst, at) = errs
                .iter()
                .copied()
                .fold((0.0, 0), |a, b| if b.0 > a.0 { b } else { a });
            let avg = errs.iter().map(|e| e.0).sum::<f64>() / errs.len().max(1) as f64;
            eprintln!(
                "  top-{n} error of the {seeds}-seed mean: worst {:.2}% ({}), average {:.2}%",
                worst * 100.0,
                ids[at],
                avg * 100.0
            );
            entry["mean_top"] = serde_json::json!(n);
            entry["mean_error_worst"] = serde_json::json!(worst);
            entry["mean_error_worst_node"] = serde_json::json!(ids[at]);
            entry["mean_error_average"] = serde_json::json!(avg);
        }
        sampled.push(entry);
    }
    if !sampled.is_empty() {
        results.insert("betweenness_sampled".into(), serde_json::json!(sampled));
    }
    let out = serde_json::json!({
        "graph": path,
        "nodes": g.node_count(),
        "edges": g.edge_count(),
        "threads": threads_used,
        "load_seconds": load,
        "results": results,
    });
    if let Some(p) = values_out {
        let v = serde_json::json!({"ids": ids, "values": values});
        std::fs::write(&p, serde_json::to_vec(&v).expect("json")).expect("write values");
    }
    println!("{}", serde_json::to_string_pretty(&out).expect("json"));
}
