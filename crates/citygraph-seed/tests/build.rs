//! Builds the seed from the raw sources once and checks it against the committed `seed-data/`.
//!
//! The raw sources are found at `$CITYGRAPH_RAW_DIR`, or at `shared/data/raw` next to the
//! repository. `CITYGRAPH_UPDATE_SEED=1` copies the fresh build over `seed-data/` before comparing.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use citygraph_seed::{build, Report, OUTPUT_FILES};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn raw_dir() -> PathBuf {
    match std::env::var_os("CITYGRAPH_RAW_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => manifest_dir().join("../../../shared/data/raw"),
    }
}

fn seed_dir() -> PathBuf {
    manifest_dir().join("../../seed-data")
}

struct Built {
    _dir: tempfile::TempDir,
    out: PathBuf,
    report: Report,
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let raw = raw_dir();
        assert!(
            raw.join("wikipedia-twincities-hekman").is_dir(),
            "raw sources not found at {}: set CITYGRAPH_RAW_DIR to the shared data/raw directory",
            raw.display()
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("seed-data");
        let report = build(&raw, &out).unwrap_or_else(|e| panic!("seed build failed: {e}"));
        if std::env::var_os("CITYGRAPH_UPDATE_SEED").is_some_and(|v| v == "1") {
            std::fs::create_dir_all(seed_dir()).expect("create seed-data");
            for f in OUTPUT_FILES {
                std::fs::copy(out.join(f), seed_dir().join(f)).expect("update seed-data");
            }
        }
        Built {
            _dir: dir,
            out,
            report,
        }
    })
}

/// The first difference between two files, as a message naming the file and line.
fn first_difference(name: &str, fresh: &Path, committed: &Path) -> Option<String> {
    let a = match std::fs::read(fresh) {
        Ok(a) => a,
        Err(e) => return Some(format!("{name}: the build did not write it ({e})")),
    };
    let b = match std::fs::read(committed) {
        Ok(b) => b,
        Err(e) => {
            return Some(format!(
                "{name}: not in seed-data ({e}); rebuild with CITYGRAPH_UPDATE_SEED=1 cargo test -p citygraph-seed --test build"
            ))
        }
    };
    if a == b {
        return None;
    }
    let (ta, tb) = (String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
    let (mut la, mut lb) = (ta.lines(), tb.lines());
    let mut n = 0;
    loop {
        n += 1;
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (x, y) => {
                let show = |l: Option<&str>| {
                    l.map_or("<end of file>".to_owned(), |l| {
                        l.chars().take(300).collect()
                    })
                };
                return Some(format!(
                    "{name} differs at line {n}:\n  rebuilt:   {}\n  committed: {}",
                    show(x),
                    show(y)
                ));
            }
        }
    }
}

#[test]
fn rebuild_reproduces_seed_data_byte_for_byte() {
    let b = built();
    let diffs: Vec<String> = OUTPUT_FILES
        .iter()
        .filter_map(|f| first_difference(f, &b.out.join(f), &seed_dir().join(f)))
        .collect();
    assert!(
        diffs.is_empty(),
        "seed-data is not what the raw sources build:\n{}",
        diffs.join("\n")
    );
}

#[test]
fn at_least_95_percent_of_wikipedia_pairs_resolve_to_two_cities() {
    let r = &built().report;
    let w = &r.wikipedia;
    assert!(w.rows_read > 26_000, "read {} rows", w.rows_read);
    assert!(
        w.distinct_pairs > 25_000,
        "{} distinct pairs",
        w.distinct_pairs
    );
    assert_eq!(w.pairs_resolved + w.pairs_unresolved, w.distinct_pairs);
    assert!(
        r.wikipedia_resolved_share() >= 0.95,
        "only {:.2}% of the distinct pairs resolved ({} of {})",
        100.0 * r.wikipedia_resolved_share(),
        w.pairs_resolved,
        w.distinct_pairs
    );
    assert_eq!(
        w.labels,
        w.labels_gazetteer + w.labels_geocoded + w.labels_unresolved
    );
}

#[test]
fn report_accounts_for_every_curated_row() {
    let c = &built().report.curated;
    assert_eq!(
        c.twinning_rows,
        c.events_applied + c.events_merged + c.not_applied.len()
    );
    assert_eq!(
        c.membership_rows,
        c.memberships_applied + c.memberships_not_applied.len()
    );
    // Prague's and Beijing's terminations of 2019 are one event.
    assert!(c.events_merged >= 1);
    // Resuming a link that was never suspended is refused, with the reason.
    assert!(
        c.not_applied
            .iter()
            .any(|n| n.what.starts_with("Kannus") && n.reason.contains("suspended")),
        "{:?}",
        c.not_applied
    );
}

#[test]
fn report_figures_match_the_written_files() {
    let b = built();
    let lines = |f: &str| {
        std::fs::read_to_string(b.out.join(f))
            .expect("read output")
            .lines()
            .count()
    };
    let o = &b.report.output;
    assert_eq!(lines("cities.ndjson"), o.cities);
    assert_eq!(lines("networks.ndjson"), o.networks);
    assert_eq!(lines("partnerships.ndjson"), o.partnerships);
    assert_eq!(lines("memberships.ndjson"), o.memberships);
    assert_eq!(
        lines("memberships-climactor.ndjson"),
        o.memberships_climactor
    );
    assert_eq!(lines("unresolved.csv"), o.unresolved_rows + 1);
    assert_eq!(
        o.cities,
        o.cities_gazetteer + o.cities_geocoded + o.cities_climactor
    );
    let sources = std::fs::read_to_string(b.out.join("SOURCES.md")).expect("read SOURCES.md");
    assert!(
        sources.contains(&b.report.to_string()),
        "SOURCES.md carries the build figures"
    );
    assert!(
        sources.contains("Sci Data 7, 374 (2020)"),
        "SOURCES.md cites ClimActor"
    );
}
