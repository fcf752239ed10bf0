//! Reference checks of the lapse and survival analytics of `citygraph_core::algo::{lapses, survival}`.
//!
//! `tests/python/survival_reference.py` computes, with lifelines' `KaplanMeierFitter`, the survival
//! function, its confidence interval and median, and with pandas the lapse counts and rates per
//! year, straight from the CSV that `citygraph generate` writes at the small scale (its own reading of the dates
//! and its own durations). Here the same data goes through `citygraph_interchange::read` into a
//! snapshot and through the Rust functions, and the two must agree: counts exactly, probabilities
//! and times to 1e-9. Hand-made fixtures (ties, censoring at the last time, a group with a single
//! link, undated links, partial dates) check the duration rule against hand-computed values and the
//! estimator against lifelines.
//!
//! Needs `python3` with `numpy`, `pandas` and `lifelines` (`pip install numpy pandas lifelines`).
//! Without them the tests fail and say so: they never pass silently.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use citygraph_core::algo::lapses::{lapse_report, LapseBy, LapseQuery, LapseRow, LinkTable};
use citygraph_core::algo::survival::{
    kaplan_meier, link_outcome, survival, LinkOutcome, SurvivalGroup, SurvivalGroupBy,
    SurvivalQuery, SurvivalRow, DEFAULT_ENDING,
};
use citygraph_core::model::EventType;
use citygraph_core::{Change, City, Day, PartialDate, Partnership, Snapshot};
use citygraph_interchange::read::{read_gen_graph_dir, snapshot_from_records};
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

const TOL: f64 = 1e-9;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Fails with a clear message unless python3 can import numpy, pandas and lifelines.
fn require_python() {
    let probe = Command::new("python3")
        .args(["-c", "import numpy, pandas, lifelines"])
        .output();
    match probe {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!(
            "the survival reference check needs python3 with numpy, pandas and lifelines \
             (pip install numpy pandas lifelines); importing them failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => panic!(
            "the survival reference check needs python3 with numpy, pandas and lifelines; \
             python3 could not be started: {e}"
        ),
    }
}

fn run_python(args: &[&OsStr]) {
    let out = Command::new("python3")
        .args(args)
        .output()
        .expect("python3 starts");
    assert!(
        out.status.success(),
        "python3 {:?} failed:\n{}\n{}",
        args,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn reference_script() -> PathBuf {
    manifest_dir().join("python/survival_reference.py")
}

/// lifelines' Kaplan–Meier of each named sample `(durations, observed)`.
fn lifelines_km(samples: &BTreeMap<String, (Vec<f64>, Vec<bool>)>) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("km-in.json");
    let output = dir.path().join("km-out.json");
    let body: serde_json::Map<String, Value> = samples
        .iter()
        .map(|(name, (d, o))| {
            let o: Vec<u8> = o.iter().map(|&x| u8::from(x)).collect();
            (name.clone(), json!({ "durations": d, "observed": o }))
        })
        .collect();
    std::fs::write(&input, json!({ "samples": body }).to_string()).unwrap();
    run_python(&[
        reference_script().as_os_str(),
        OsStr::new("km"),
        input.as_os_str(),
        output.as_os_str(),
    ]);
    serde_json::from_slice(&std::fs::read(&output).unwrap()).unwrap()
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn ints(v: &Value) -> Vec<u64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect()
}

fn assert_close(label: &str, ours: f64, theirs: f64) {
    assert!(
        (ours - theirs).abs() <= TOL,
        "{label}: ours {ours} vs lifelines {theirs}"
    );
}

/// Our Kaplan–Meier table and median equal lifelines' to 1e-9 (counts exactly).
fn assert_km_matches(label: &str, rows: &[SurvivalRow], median: Option<f64>, reference: &Value) {
    let times = floats(&reference["timeline"]);
    assert_eq!(rows.len(), times.len(), "{label}: number of rows");
    let at_risk = ints(&reference["at_risk"]);
    let observed = ints(&reference["observed"]);
    let censored = ints(&reference["censored"]);
    let surv = floats(&reference["survival"]);
    let lower = floats(&reference["ci_lower"]);
    let upper = floats(&reference["ci_upper"]);
    for (i, r) in rows.iter().enumerate() {
        let l = format!("{label} row {i} (t={})", r.time_years);
        assert_close(&format!("{l} time"), r.time_years, times[i]);
        assert_eq!(
            (r.at_risk, r.events, r.censored),
            (at_risk[i], observed[i], censored[i]),
            "{l}: at risk, events, censored"
        );
        assert_close(&format!("{l} survival"), r.survival, surv[i]);
        assert_close(&format!("{l} ci_lower"), r.ci_lower, lower[i]);
        assert_close(&format!("{l} ci_upper"), r.ci_upper, upper[i]);
    }
    match (median, reference["median"].as_f64()) {
        (None, None) => {}
        (Some(a), Some(b)) => assert_close(&format!("{label} median"), a, b),
        (a, b) => panic!("{label}: median ours {a:?} vs lifelines {b:?}"),
    }
}

fn day(s: &str) -> Day {
    s.parse::<PartialDate>().unwrap().first_day()
}

// ------------------------------------------------------------------------- generated small scale

fn lapse_row_json(r: &LapseRow) -> Value {
    json!({
        "established": r.established, "suspended": r.suspended, "resumed": r.resumed,
        "renewed": r.renewed, "lapsed": r.lapsed, "terminated": r.terminated,
        "active_at_start": r.active_at_start, "stopped": r.stopped, "ended": r.ended,
    })
}

fn assert_lapse_row(label: &str, ours: &LapseRow, theirs: &Value) {
    let mut expect = theirs.clone();
    let obj = expect.as_object_mut().unwrap();
    let rate = obj.remove("lapse_rate").unwrap();
    obj.remove("year");
    assert_eq!(lapse_row_json(ours), expect, "{label}: counts");
    match (ours.lapse_rate, rate.as_f64()) {
        (None, None) => {}
        (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-12, "{label}: rate {a} vs {b}"),
        (a, b) => panic!("{label}: lapse rate ours {a:?} vs pandas {b:?}"),
    }
}

#[test]
fn generated_small_scale_matches_lifelines_and_pandas() {
    require_python();
    let dir = tempfile::tempdir().unwrap();
    citygraph_tests::generate_small(dir.path());
    let snap = snapshot_from_records(read_gen_graph_dir(dir.path()).unwrap()).unwrap();
    let table = LinkTable::new(&snap);
    assert_eq!(table.len(), 8000);

    let (from, to) = (1950, 2024);
    let as_ofs = ["2025-01-01", "2010-07-01", "1987-03-15"];
    let group_bys = [
        SurvivalGroupBy::None,
        SurvivalGroupBy::Kind,
        SurvivalGroupBy::RegionPair,
        SurvivalGroupBy::Decade,
    ];
    let out = dir.path().join("reference.json");
    let mut args: Vec<String> = vec![
        reference_script().display().to_string(),
        "csv".into(),
        dir.path().display().to_string(),
        out.display().to_string(),
        "--from".into(),
        from.to_string(),
        "--to".into(),
        to.to_string(),
    ];
    for a in as_ofs {
        args.extend(["--as-of".into(), a.to_string()]);
    }
    for g in group_bys {
        args.extend(["--group-by".into(), g.as_str().to_string()]);
    }
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    run_python(&args);
    let reference: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();

    // Survival: every as_of and grouping.
    let mut compared_rows = 0;
    for as_of in as_ofs {
        for g in group_bys {
            let label = format!("as_of={as_of} group_by={g}");
            let ours = survival(&table, &SurvivalQuery::new(g, day(as_of))).unwrap();
            let theirs = &reference["survival"][as_of][g.as_str()];
            let counts = &theirs["counts"];
            let events: u64 = ours.groups.iter().map(|x| x.events).sum();
            assert_eq!(
                (
                    ours.links,
                    events,
                    ours.not_yet_established,
                    ours.undated_links
                ),
                (
                    counts["links"].as_u64().unwrap(),
                    counts["events"].as_u64().unwrap(),
                    counts["not_yet_established"].as_u64().unwrap(),
                    counts["undated_links"].as_u64().unwrap()
                ),
                "{label}: sample counts"
            );
            let names: Vec<&str> = ours.groups.iter().map(|x| x.group.as_str()).collect();
            let mut sorted = names.clone();
            sorted.sort();
            assert_eq!(names, sorted, "{label}: groups in order");
            let theirs_groups = theirs["groups"].as_object().unwrap();
            assert_eq!(
                names,
                theirs_groups.keys().map(String::as_str).collect::<Vec<_>>(),
                "{label}: groups"
            );
            for grp in &ours.groups {
                assert_km_matches(
                    &format!("{label} group {}", grp.group),
                    &grp.table,
                    grp.median_years,
                    &theirs_groups[&grp.group],
                );
                compared_rows += grp.table.len();
            }
        }
    }
    assert!(compared_rows > 500, "only {compared_rows} rows compared");
    // About a quarter of the generated links lapse: the curves fall but no median is reached (the hand
    // fixtures below cover reached medians).
    let decades = survival(
        &table,
        &SurvivalQuery::new(SurvivalGroupBy::Decade, day("2025-01-01")),
    )
    .unwrap();
    assert!(decades.groups.iter().all(|g| !g.median_reached));
    assert!(decades
        .groups
        .iter()
        .any(|g| g.table.last().unwrap().survival < 0.8));

    // Lapses per year.
    let lapses = &reference["lapses"];
    let by_year = lapse_report(&table, &LapseQuery::new(LapseBy::Year, from, to)).unwrap();
    let years = lapses["year"].as_array().unwrap();
    assert_eq!(by_year.rows.len(), years.len());
    for (ours, theirs) in by_year.rows.iter().zip(years) {
        assert_eq!(
            ours.year,
            Some(theirs["year"].as_i64().unwrap() as i32),
            "year order"
        );
        assert_lapse_row(&format!("year {:?}", ours.year), ours, theirs);
    }
    assert!(by_year.rows.iter().map(|r| r.stopped).sum::<u64>() > 1000);
    assert_lapse_row("total", &by_year.total, &lapses["total"]);

    // Window rows by country pair and region pair, and region pairs per year.
    let cp = lapse_report(&table, &LapseQuery::new(LapseBy::CountryPair, from, to)).unwrap();
    let theirs = lapses["country-pair"].as_object().unwrap();
    assert_eq!(cp.rows.len(), theirs.len(), "country pairs");
    for r in &cp.rows {
        assert_lapse_row(&format!("country pair {}", r.group), r, &theirs[&r.group]);
    }
    let mut q = LapseQuery::new(LapseBy::RegionPair, from, to);
    q.yearly = true;
    let rp = lapse_report(&table, &q).unwrap();
    let theirs = lapses["region-pair"].as_object().unwrap();
    let theirs_yearly = lapses["region-pair-yearly"].as_object().unwrap();
    let windows: Vec<&LapseRow> = rp.rows.iter().filter(|r| r.year.is_none()).collect();
    assert_eq!(windows.len(), theirs.len(), "region pairs");
    for r in &rp.rows {
        match r.year {
            None => assert_lapse_row(&format!("region pair {}", r.group), r, &theirs[&r.group]),
            Some(y) => assert_lapse_row(
                &format!("region pair {} year {y}", r.group),
                r,
                &theirs_yearly[&r.group][(y - from) as usize],
            ),
        }
    }
}

// ---------------------------------------------------------------------------- hand-made fixtures

fn hand_fixture() -> Snapshot {
    let cities = [
        ("a", "FR", "europe"),
        ("b", "CZ", "europe"),
        ("c", "CN", "asia-pacific"),
        ("d", "TW", "asia-pacific"),
        ("e", "US", "north-america"),
        ("f", "ZA", "africa-middle-east"),
    ];
    let mut changes: Vec<Change> = cities
        .iter()
        .map(|(id, cc, region)| {
            let c: City = serde_json::from_value(json!({
                "id": id, "name": id.to_uppercase(), "country": cc, "region": region, "lat": 0.0, "lon": 0.0
            }))
            .unwrap();
            Change::PutCity(Arc::new(c))
        })
        .collect();
    let links = [
        (
            "l01",
            "a",
            "b",
            r#"[["established","1957"],["lapsed","2019-10"]]"#,
        ),
        (
            "l02",
            "a",
            "c",
            r#"[["established","1957-06"],["terminated","1967-06"]]"#,
        ),
        (
            "l03",
            "b",
            "c",
            r#"[["established","1957-06-14"],["lapsed","1967-06-14"]]"#,
        ),
        (
            "l04",
            "a",
            "d",
            r#"[["established","1960"],["lapsed","1970"]]"#,
        ),
        (
            "l05",
            "b",
            "d",
            r#"[["established","1961"],["suspended","1965"],["terminated","1971"]]"#,
        ),
        ("l06", "c", "d", r#"[["established","1964-07-01"]]"#),
        (
            "l07",
            "a",
            "e",
            r#"[["established","1964-07-01"],["lapsed","2024-07-01"]]"#,
        ),
        (
            "l08",
            "b",
            "e",
            r#"[["established","1992-02-29"],["lapsed","1996-02-29"]]"#,
        ),
        ("l09", "c", "e", r#"[["suspended","2000"]]"#),
        ("l10", "d", "e", r#"[["established","2025"]]"#),
        ("l11", "a", "f", r#"[["established","2024-07-01"]]"#),
        (
            "l12",
            "b",
            "f",
            r#"[["established","1962"],["terminated","2030"]]"#,
        ),
    ];
    for (id, a, b, events) in links {
        let events: Vec<(String, String)> = serde_json::from_str(events).unwrap();
        let events: Vec<Value> = events
            .into_iter()
            .map(|(t, d)| json!({"type": t, "date": d}))
            .collect();
        let p: Partnership = serde_json::from_value(json!({
            "id": id, "cities": [a, b], "kind": "sister_city", "events": events
        }))
        .unwrap();
        changes.push(Change::PutPartnership(Arc::new(p)));
    }
    Snapshot::default()
        .with_changes(&changes)
        .map_err(|(i, e)| format!("change {i}: {e}"))
        .unwrap()
        .0
}

/// Hand-computed `(link, decade, years, ended)` on as_of 2024-07-01 with the default ending.
fn hand_durations() -> Vec<(&'static str, &'static str, f64, bool)> {
    vec![
        // 1957-01-01 -> 2019-10-01: 62 years and the 273 days from January to October of 2019.
        ("l01", "1950s", 62.0 + 273.0 / 365.0, true),
        // Month and day precision, ties at exactly 10 years.
        ("l02", "1950s", 10.0, true),
        ("l03", "1950s", 10.0, true),
        ("l04", "1960s", 10.0, true),
        // The suspension is not an end by default; the termination is.
        ("l05", "1960s", 10.0, true),
        // Censoring and an event at the last time, 60 years, on as_of itself.
        ("l06", "1960s", 60.0, false),
        ("l07", "1960s", 60.0, true),
        // 29 February to 29 February: 4 years; the only link of the 1990s.
        ("l08", "1990s", 4.0, true),
        // Established on as_of: censored at 0; the only link of the 2020s.
        ("l11", "2020s", 0.0, false),
        // The termination is after as_of: censored, 62 years and 182 of the 366 days of 2024.
        ("l12", "1960s", 62.0 + 182.0 / 366.0, false),
    ]
}

#[test]
fn hand_fixtures_follow_the_duration_rule_and_match_lifelines() {
    require_python();
    let snap = hand_fixture();
    let table = LinkTable::new(&snap);
    let as_of = day("2024-07-01");
    let expected = hand_durations();

    // The duration rule, link by link.
    for (id, _, years, ended) in &expected {
        let p = snap.partnership(id).unwrap();
        match link_outcome(p, &DEFAULT_ENDING, as_of) {
            LinkOutcome::Ended { years: y, .. } if *ended => assert_eq!(y, *years, "{id}"),
            LinkOutcome::Censored { years: y, .. } if !*ended => assert_eq!(y, *years, "{id}"),
            other => panic!("{id}: {other:?}"),
        }
    }
    assert_eq!(
        link_outcome(snap.partnership("l09").unwrap(), &DEFAULT_ENDING, as_of),
        LinkOutcome::Undated
    );
    assert!(matches!(
        link_outcome(snap.partnership("l10").unwrap(), &DEFAULT_ENDING, as_of),
        LinkOutcome::NotYetEstablished { .. }
    ));

    // The same samples, by decade and all together, through lifelines.
    let mut samples: BTreeMap<String, (Vec<f64>, Vec<bool>)> = BTreeMap::new();
    for (_, decade, years, ended) in &expected {
        for key in [format!("decade {decade}"), "none all".to_string()] {
            let s = samples.entry(key).or_default();
            s.0.push(*years);
            s.1.push(*ended);
        }
    }
    // With suspension as an end, l05 ends after 4 years (1961 -> 1965).
    for (id, _, years, ended) in &expected {
        let (y, e) = if *id == "l05" {
            (4.0, true)
        } else {
            (*years, *ended)
        };
        let s = samples.entry("suspended all".to_string()).or_default();
        s.0.push(y);
        s.1.push(e);
    }
    let reference = lifelines_km(&samples);

    let check = |report_groups: &[SurvivalGroup], prefix: &str| {
        for g in report_groups {
            let key = format!("{prefix} {}", g.group);
            assert_km_matches(&key, &g.table, g.median_years, &reference[&key]);
        }
    };
    let by_decade = survival(&table, &SurvivalQuery::new(SurvivalGroupBy::Decade, as_of)).unwrap();
    let names: Vec<&str> = by_decade.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(names, ["1950s", "1960s", "1990s", "2020s"]);
    assert_eq!(
        (
            by_decade.links,
            by_decade.undated_links,
            by_decade.not_yet_established
        ),
        (10, 1, 1)
    );
    check(&by_decade.groups, "decade");
    let single = &by_decade.groups[2];
    assert_eq!((single.links, single.median_years), (1, Some(4.0)));
    let zero = &by_decade.groups[3];
    assert_eq!(
        (zero.links, zero.table.len(), zero.median_reached),
        (1, 1, false)
    );
    // 1960s: ties at 10 (two ends), then an end and a censoring both at the last time, 60.
    let sixties = &by_decade.groups[1];
    let last = sixties.table.last().unwrap();
    assert_eq!(
        (last.time_years, last.at_risk, last.events, last.censored),
        (62.0 + 182.0 / 366.0, 1, 0, 1)
    );
    let at60 = sixties.table.iter().find(|r| r.time_years == 60.0).unwrap();
    assert_eq!((at60.at_risk, at60.events, at60.censored), (3, 1, 1));

    let all = survival(&table, &SurvivalQuery::new(SurvivalGroupBy::None, as_of)).unwrap();
    check(&all.groups, "none");
    let mut q = SurvivalQuery::new(SurvivalGroupBy::None, as_of);
    q.ending = vec![
        EventType::Suspended,
        EventType::Lapsed,
        EventType::Terminated,
    ];
    let susp = survival(&table, &q).unwrap();
    check(&susp.groups, "suspended");
    assert_ne!(susp.groups[0].table, all.groups[0].table);
}

#[test]
fn kaplan_meier_matches_lifelines_on_edge_samples() {
    require_python();
    let mut samples: BTreeMap<String, (Vec<f64>, Vec<bool>)> = BTreeMap::new();
    let mut add = |name: &str, d: &[f64], o: &[u8]| {
        samples.insert(
            name.to_string(),
            (d.to_vec(), o.iter().map(|&x| x == 1).collect()),
        );
    };
    add(
        "ties",
        &[1.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 3.0],
        &[1, 1, 0, 1, 0, 1, 0, 0],
    );
    add(
        "censored at the last time",
        &[2.0, 5.0, 5.0, 7.0, 7.0, 7.0],
        &[1, 1, 0, 1, 0, 0],
    );
    add("all end", &[4.0, 4.0, 6.0], &[1, 1, 1]);
    add("all censored", &[1.5, 2.5, 2.5], &[0, 0, 0]);
    add("single end", &[3.25], &[1]);
    add("single censored", &[3.25], &[0]);
    add(
        "ends and censoring at zero",
        &[0.0, 0.0, 0.0, 1.0, 2.0],
        &[1, 0, 1, 1, 0],
    );
    add("exactly one half", &[2.0, 2.0, 4.0, 4.0], &[1, 1, 1, 0]);
    // A larger sample: durations on a coarse grid (many ties), a third of them censored.
    let mut rng = rand::rngs::StdRng::seed_from_u64(20240601);
    let (mut d, mut o) = (Vec::new(), Vec::new());
    for _ in 0..3000 {
        d.push(f64::from(rng.random_range(0..400u32)) / 8.0);
        o.push(u8::from(rng.random_bool(0.66)));
    }
    add("random 3000", &d, &o);
    let reference = lifelines_km(&samples);
    for (name, (d, o)) in &samples {
        let events: Vec<f64> = d
            .iter()
            .zip(o)
            .filter(|(_, &e)| e)
            .map(|(t, _)| *t)
            .collect();
        let censored: Vec<f64> = d
            .iter()
            .zip(o)
            .filter(|(_, &e)| !e)
            .map(|(t, _)| *t)
            .collect();
        let km = kaplan_meier(events, censored).unwrap();
        assert_km_matches(name, &km.rows, km.median_years, &reference[name]);
    }
}
