//! Builds the seed from the raw sources once and checks it against the committed `seed-data/`.
//!
//! The raw sources are found by the workspace's one rule for them (`citygraph_tests::raw_data`:
//! `$CITYGRAPH_RAW_DIR`, else `../shared/data/raw` from the workspace root). Without them the tests
//! here skip after one line saying what is missing and where it comes from, except under `CI=true`,
//! where their absence fails. `CITYGRAPH_UPDATE_SEED=1` copies the fresh build over `seed-data/`
//! before comparing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use citygraph_seed::{
    build, build_with, BuildOptions, Report, Restricted, OUTPUT_FILES, RAW_SOURCES,
};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seed_dir() -> PathBuf {
    manifest_dir().join("../../seed-data")
}

struct Built {
    _dir: tempfile::TempDir,
    out: PathBuf,
    raw: PathBuf,
    report: Report,
}

/// The build from the raw sources, or `None` (with one line saying why) when they are absent.
fn built() -> Option<&'static Built> {
    static BUILT: OnceLock<Option<Built>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let raw = citygraph_tests::raw_data::raw_dir("citygraph-seed build", &RAW_SOURCES)?;
            let dir = tempfile::tempdir().expect("temp dir");
            let out = dir.path().join("seed-data");
            let report = build(&raw, &out).unwrap_or_else(|e| panic!("seed build failed: {e}"));
            if std::env::var_os("CITYGRAPH_UPDATE_SEED").is_some_and(|v| v == "1") {
                std::fs::create_dir_all(seed_dir()).expect("create seed-data");
                for f in OUTPUT_FILES {
                    std::fs::copy(out.join(f), seed_dir().join(f)).expect("update seed-data");
                }
            }
            Some(Built {
                _dir: dir,
                out,
                raw,
                report,
            })
        })
        .as_ref()
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
    let Some(b) = built() else { return };
    let diffs: Vec<String> = OUTPUT_FILES
        .iter()
        .filter_map(|f| first_difference(f, &b.out.join(f), &seed_dir().join(f)))
        .collect();
    assert!(
        diffs.is_empty(),
        "seed-data is not what the raw sources build:\n{}",
        diffs.join("\n")
    );
    // No stale file of an earlier layout is left beside the files the build writes.
    let committed: BTreeSet<String> = std::fs::read_dir(seed_dir())
        .expect("read seed-data")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let written: BTreeSet<String> = OUTPUT_FILES.iter().map(|f| (*f).to_owned()).collect();
    assert_eq!(
        committed, written,
        "seed-data holds exactly the files the build writes"
    );
}

#[test]
fn at_least_95_percent_of_wikipedia_pairs_resolve_to_two_cities() {
    let Some(b) = built() else { return };
    let r = &b.report;
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
    let Some(b) = built() else { return };
    let c = &b.report.curated;
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
    let Some(b) = built() else { return };
    let lines = |f: &str| {
        std::fs::read_to_string(b.out.join(f))
            .expect("read output")
            .lines()
            .count()
    };
    let o = &b.report.output;
    for (file, n) in &o.files {
        assert_eq!(lines(file), *n, "{file}");
    }
    let total = |kind: &str| -> usize {
        o.files
            .iter()
            .filter(|(f, _)| f.starts_with(kind))
            .map(|(_, n)| n)
            .sum()
    };
    assert_eq!(lines("cities.ndjson"), o.cities);
    assert_eq!(total("networks"), o.networks);
    assert_eq!(total("partnerships"), o.partnerships);
    assert_eq!(lines("memberships.ndjson"), o.memberships);
    assert_eq!(
        lines("memberships-climactor.ndjson"),
        o.memberships_climactor
    );
    assert_eq!(lines("unresolved.csv"), o.unresolved_rows + 1);
    assert_eq!(
        lines("duplicates.csv"),
        b.report.dedupe.merged + b.report.dedupe.kept_apart + 1
    );
    assert_eq!(
        o.cities,
        o.cities_gazetteer + o.cities_geocoded + o.cities_climactor + o.cities_membership_sources
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

/// Rows of `unresolved.csv` of one source.
fn unresolved_of(b: &Built, source: &str) -> Vec<csv::StringRecord> {
    let mut rdr = csv::Reader::from_path(b.out.join("unresolved.csv")).expect("unresolved.csv");
    rdr.records()
        .map(|r| r.expect("a row"))
        .filter(|r| &r[0] == source)
        .collect()
}

#[test]
fn at_least_90_percent_of_etmun_and_urbact_place_rows_resolve_and_the_rest_is_listed() {
    let Some(b) = built() else { return };
    let (e, u) = (&b.report.etmun, &b.report.urbact);
    assert_eq!(e.rows_read, 17_333, "ETMUN rows");
    assert_eq!(u.rows_read, 1_510, "URBACT rows");
    assert_eq!(e.place_rows, e.resolved_rows + e.unresolved_rows);
    assert_eq!(
        e.rows_read,
        e.place_rows + e.left_out.values().sum::<usize>(),
        "every ETMUN row is a place row or left out by kind"
    );
    assert!(e.resolved_share() >= 0.9, "ETMUN {:.3}", e.resolved_share());
    assert!(
        u.resolved_share() >= 0.9,
        "URBACT {:.3}",
        u.resolved_share()
    );
    // Every unresolved row is listed with a reason (rows of one name and country share a line).
    for (source, rows) in [("etmun", e.unresolved_rows), ("urbact", u.unresolved_rows)] {
        let listed = unresolved_of(b, source);
        assert!(
            !listed.is_empty() || rows == 0,
            "{source}: {rows} unresolved rows, none listed"
        );
        assert!(listed.len() <= rows);
        assert!(
            listed.iter().all(|r| !r[3].is_empty()),
            "{source}: a row without a reason"
        );
    }
    // Bodies that are not places never become members.
    assert!(e.left_out.values().sum::<usize>() > 500, "{:?}", e.left_out);
}

#[test]
fn the_baltic_years_date_at_least_800_links_and_conflicts_are_reported_not_applied() {
    let Some(b) = built() else { return };
    let x = &b.report.baltic;
    assert_eq!(x.rows_read, 1_759);
    assert_eq!(x.rows_with_year, 969);
    assert!(x.years_applied >= 800, "{} years applied", x.years_applied);
    assert!(
        b.report.output.partnerships_established >= 900,
        "{} links with a dated establishment",
        b.report.output.partnerships_established
    );
    let sources = std::fs::read_to_string(b.out.join("SOURCES.md")).expect("SOURCES.md");
    for c in &x.conflicts {
        assert!(
            sources.contains(c.as_str()),
            "conflict not in the report: {c}"
        );
    }
}

#[test]
fn unesco_names_with_several_places_stay_unresolved() {
    let Some(b) = built() else { return };
    let listed = unresolved_of(b, "unesco");
    for name in ["Perth", "Valencia", "London"] {
        let row = listed
            .iter()
            .find(|r| &r[1] == name)
            .unwrap_or_else(|| panic!("{name} is not listed as unresolved"));
        assert!(row[3].contains("ambiguous"), "{name}: {}", &row[3]);
    }
    assert!(b.report.unesco.resolved >= 250, "{:?}", b.report.unesco);
}

/// `(wikidata item, coordinates)` of the Eurocities members the raw list matched to Wikidata.
fn eurocities_items(raw: &Path) -> BTreeMap<String, (f64, f64)> {
    let path = raw.join("eurocities-members/members-wikidata-enriched.json");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read the Eurocities list"))
            .expect("JSON");
    v["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| {
            Some((
                m["wikidata_id"].as_str()?.to_owned(),
                (m["latitude"].as_f64()?, m["longitude"].as_f64()?),
            ))
        })
        .collect()
}

#[test]
fn no_city_carries_a_wikidata_item_more_than_50_km_from_the_items_coordinates() {
    let Some(b) = built() else { return };
    let items = eurocities_items(&b.raw);
    assert!(items.len() > 200);
    let text = std::fs::read_to_string(seed_dir().join("cities.ndjson")).expect("cities");
    let mut checked = 0;
    for line in text.lines() {
        let c: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let Some(q) = c["wikidata"].as_str() else {
            continue;
        };
        if let Some(&p) = items.get(q) {
            checked += 1;
            let at = (c["lat"].as_f64().unwrap(), c["lon"].as_f64().unwrap());
            let km = citygraph_seed::gazetteer::distance_km(p, at);
            assert!(km <= 50.0, "{} carries {q}, {km:.0} km from it", c["id"]);
        }
    }
    assert!(
        checked >= 150,
        "only {checked} cities carry a Eurocities item"
    );
}

#[test]
fn a_build_without_the_restricted_sources_keeps_every_open_record_whole() {
    let Some(b) = built() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let options = BuildOptions {
        without: [
            Restricted::ClimActor,
            Restricted::Etmun,
            Restricted::Urbact,
            Restricted::Baltic,
        ]
        .into_iter()
        .collect(),
    };
    let report = build_with(&b.raw, dir.path(), &options).expect("build");
    let o = &report.output;
    for (file, n) in &o.files {
        let tagged = file.trim_end_matches(".ndjson").contains('-');
        assert!(!tagged || *n == 0, "{file} holds {n} records");
    }
    // Every partnership but the Baltic file's own is there, and no record cites a left-out source.
    let full = &b.report.output;
    assert_eq!(
        o.partnerships,
        full.partnerships - full.partnerships_baltic_only
    );
    // Without the Baltic years, the dated histories are the curated ones.
    assert_eq!(
        o.partnerships_with_events,
        report.curated.partnerships_with_history
    );
    assert!(o.partnerships_established < full.partnerships_established);
    for file in [
        "memberships.ndjson",
        "partnerships.ndjson",
        "networks.ndjson",
    ] {
        let text = std::fs::read_to_string(dir.path().join(file)).expect("read");
        for citation in ["ClimActor", "ETMUN", "URBACT", "Bussmann & Nickel"] {
            assert!(!text.contains(citation), "{file} cites {citation}");
        }
    }
    assert!(report
        .to_string()
        .contains("left out of this build: climactor, etmun, urbact, baltic"));
}
