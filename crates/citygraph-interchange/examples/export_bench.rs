//! Export benchmark: loads a `gen_graph.py` CSV folder, then writes each export format to a file
//! and prints the time and size of each.
//!
//! ```text
//! cargo run --release -p citygraph-interchange --example export_bench -- DATA_DIR OUT_DIR \
//!     [--format F|all|none] [--as-of DATE] [--projection twinning|bipartite] [--status S]
//! ```
//!
//! Memory: before each export the process's peak resident size is reset (`5` written to
//! `/proc/self/clear_refs`, Linux), so the `peak RSS growth` column is the peak resident memory
//! during the export minus the resident memory before it: what the export itself costs on top of
//! the loaded graph. `--sink memory` writes into a `Vec<u8>` instead of a file, as a control: there
//! the whole document is held in memory and the growth is about the export's size.
//! `--format none` only loads the data (for `/usr/bin/time -v` runs: whole-process peak).

use std::fs::File;
use std::path::PathBuf;
use std::time::Instant;

use citygraph_core::algo::filter::Filter;
use citygraph_core::PartialDate;
use citygraph_interchange::export::{
    export, write_ndjson_all, ExportFormat, ExportOptions, Projection, StatusFilter,
};
use citygraph_interchange::read::{read_gen_graph_dir, snapshot_from_records};

/// A field of `/proc/self/status` in kB (`VmRSS`, `VmHWM`), where available.
fn status_kb(field: &str) -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = text.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak resident size (`VmHWM`) to the current one; false where unsupported.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn usage() -> ! {
    eprintln!(
        "usage: export_bench DATA_DIR OUT_DIR [--format F|all|none|ndjson-all] [--as-of DATE] \
         [--projection twinning|bipartite] [--status in_force|active|suspended|ended|all] \
         [--sink file|memory]"
    );
    std::process::exit(2)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(data), Some(out)) = (args.next(), args.next()) else {
        usage()
    };
    let (data, out) = (PathBuf::from(data), PathBuf::from(out));
    let mut formats: Vec<Option<ExportFormat>> = ExportFormat::ALL.into_iter().map(Some).collect();
    let mut load_only = false;
    let mut as_of: PartialDate = "2024-06-30".parse().expect("a valid date");
    let mut projection = Projection::Twinning;
    let mut status = StatusFilter::InForce;
    let mut in_memory = false;
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_else(|| usage());
        match flag.as_str() {
            "--format" => match value.as_str() {
                "all" => {}
                "none" => load_only = true,
                "ndjson-all" => formats = vec![None],
                f => formats = vec![Some(f.parse().unwrap_or_else(|e| panic!("{e}")))],
            },
            "--as-of" => as_of = value.parse().unwrap_or_else(|e| panic!("--as-of: {e}")),
            "--projection" => projection = value.parse().unwrap_or_else(|e| panic!("{e}")),
            "--status" => status = value.parse().unwrap_or_else(|e| panic!("{e}")),
            "--sink" => in_memory = value == "memory",
            _ => usage(),
        }
    }

    let t = Instant::now();
    let records = read_gen_graph_dir(&data).unwrap_or_else(|e| panic!("{e}"));
    let snap = snapshot_from_records(records).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "loaded {} cities, {} partnerships, {} networks, {} memberships in {:.2} s",
        snap.cities.len(),
        snap.partnerships.len(),
        snap.networks.len(),
        snap.memberships.len(),
        t.elapsed().as_secs_f64()
    );
    if load_only {
        return;
    }
    std::fs::create_dir_all(&out).expect("create the output folder");
    let opts = ExportOptions::new(Filter::on(as_of.first_day()))
        .with_projection(projection)
        .with_status(status);
    let sink = if in_memory { "memory" } else { "file" };
    println!("| format | sink | nodes | edges | time (s) | size (MB) | peak RSS growth (MB) |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    for format in formats {
        let name = format.map_or("citygraph-all.ndjson", |f| f.file_name());
        let path = out.join(name);
        let mut memory: Vec<u8> = Vec::new();
        let mut file = (!in_memory).then(|| File::create(&path).expect("create the output file"));
        let peak_reset = reset_peak();
        let rss_before = status_kb("VmRSS:");
        let t = Instant::now();
        let result = match (&mut file, format) {
            (Some(f), Some(format)) => export(&snap, &opts, format, f),
            (Some(f), None) => write_ndjson_all(&snap, f),
            (None, Some(format)) => export(&snap, &opts, format, &mut memory),
            (None, None) => write_ndjson_all(&snap, &mut memory),
        };
        let summary = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Some(f) = &file {
            f.sync_all().expect("sync");
        }
        let secs = t.elapsed().as_secs_f64();
        let peak = status_kb("VmHWM:");
        let growth = match (peak_reset, rss_before, peak) {
            (true, Some(before), Some(peak)) => {
                format!("{:.1}", peak.saturating_sub(before) as f64 / 1024.0)
            }
            _ => "n/a".to_owned(),
        };
        let size = match &file {
            Some(_) => std::fs::metadata(&path).expect("written").len(),
            None => memory.len() as u64,
        } as f64
            / 1e6;
        println!(
            "| {} | {sink} | {} | {} | {secs:.2} | {size:.1} | {growth} |",
            format.map_or("ndjson (everything)", |f| f.as_str()),
            summary.nodes,
            summary.edges
        );
        drop(memory);
    }
}
