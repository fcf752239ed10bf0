//! Round trips through the tools people read exports with: every format is written for the fixture
//! and for the small synthetic dataset of `citygraph generate` (`citygraph_generate`), then `tests/python/check_exports.py` reads them with NetworkX
//! (GraphML, GEXF), the `geojson` package and the csv module and compares with expectations
//! computed here from the snapshot (counts from the model's own rules, attribute samples from the
//! entities).
//!
//! Needs `python3` with `networkx`, `geojson` and `numpy` (`pip install networkx geojson numpy`);
//! without them the test fails and says so: it never passes silently.

mod common;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;

use citygraph_core::algo::filter::Filter;
use citygraph_core::model::{EventType, Scope};
use citygraph_core::{Day, Snapshot};
use citygraph_interchange::export::{
    export, ExportFormat, ExportOptions, Projection, StatusFilter,
};
use citygraph_interchange::read::{read_gen_graph_dir, snapshot_from_records};
use serde_json::{json, Map, Value};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn script() -> PathBuf {
    manifest_dir().join("../../tests/python/check_exports.py")
}

/// Fails with a clear message when python3 or a needed package is missing.
fn require_python() {
    let out = Command::new("python3")
        .args(["-c", "import networkx, geojson, numpy"])
        .output();
    match out {
        Err(e) => {
            panic!("python3 is required for the export round-trip test and could not be run: {e}")
        }
        Ok(o) if !o.status.success() => panic!(
            "the export round-trip test needs the Python packages networkx, geojson and numpy \
             (pip install networkx geojson numpy):\n{}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Ok(_) => {}
    }
}

fn day(s: &str) -> Day {
    common::day(s)
}

/// Writes every format into `dir`, returns the `files` map of the expectations.
fn write_all(snap: &Snapshot, opts: &ExportOptions, dir: &Path) -> Value {
    let mut files = Map::new();
    for (key, format) in [
        ("geojson", ExportFormat::GeoJson),
        ("graphml", ExportFormat::GraphMl),
        ("gexf", ExportFormat::Gexf),
        ("nodes_csv", ExportFormat::NodesCsv),
        ("edges_csv", ExportFormat::EdgesCsv),
        ("zip", ExportFormat::CsvZip),
        ("ndjson", ExportFormat::Ndjson),
    ] {
        let mut f = File::create(dir.join(format.file_name())).unwrap();
        export(snap, opts, format, &mut f).unwrap();
        files.insert(key.into(), format.file_name().into());
    }
    Value::Object(files)
}

fn opt<T: Into<Value>>(v: Option<T>) -> Value {
    v.map_or(Value::Null, Into::into)
}

fn node_prefix(bipartite: bool, kind: &str, id: &str) -> String {
    if bipartite {
        format!("{kind}:{id}")
    } else {
        id.to_owned()
    }
}

/// Expectations for an export without region/country/kind/network restrictions, computed from the
/// model directly (not from the export's selection code).
fn expectations(
    label: &str,
    snap: &Snapshot,
    opts: &ExportOptions,
    files: Value,
    samples: usize,
) -> Value {
    let as_of = opts.filter.as_of;
    let bipartite = opts.projection == Projection::Bipartite;
    let keep = |status: citygraph_core::Status| match opts.status {
        StatusFilter::InForce => !status.is_ended(),
        StatusFilter::All => true,
        other => panic!("expectations cover in_force and all, not {other}"),
    };
    let links: Vec<_> = snap
        .partnerships
        .values()
        .filter_map(|p| {
            p.status_on(as_of)
                .filter(|s| keep(*s))
                .map(|s| (p.clone(), s))
        })
        .collect();
    let memberships: Vec<_> = snap
        .memberships
        .values()
        .filter(|m| m.in_force_on(as_of))
        .cloned()
        .collect();
    let mut networks: Vec<_> = memberships.iter().map(|m| m.network.clone()).collect();
    networks.sort();
    networks.dedup();

    let mut node_samples = Map::new();
    let city_step = (snap.cities.len() / samples).max(1);
    for c in snap.cities.values().step_by(city_step) {
        let mut s = Map::new();
        if bipartite {
            s.insert("type".into(), "city".into());
        }
        s.insert("name".into(), c.name.clone().into());
        s.insert("country".into(), c.country.as_str().into());
        s.insert("region".into(), c.region.as_str().into());
        s.insert("lat".into(), c.lat.into());
        s.insert("lon".into(), c.lon.into());
        s.insert("population".into(), opt(c.population));
        s.insert("wikidata".into(), opt(c.wikidata.clone()));
        node_samples.insert(
            node_prefix(bipartite, "city", c.id.as_str()),
            Value::Object(s),
        );
    }
    let mut edge_samples = Map::new();
    if bipartite {
        for id in networks.iter().step_by((networks.len() / samples).max(1)) {
            let n = snap.network(id.as_str()).unwrap();
            let scope = n.scope.map(|s| match s {
                Scope::Global => "global",
                Scope::Regional => "regional",
                Scope::National => "national",
            });
            node_samples.insert(
                node_prefix(true, "network", id.as_str()),
                json!({"type": "network", "name": n.name, "region": opt(n.region.map(|r| r.as_str())),
                       "scope": opt(scope), "founded": opt(n.founded.map(|d| d.to_string()))}),
            );
        }
        for m in memberships
            .iter()
            .step_by((memberships.len() / samples).max(1))
        {
            let start = m.start();
            let end = m.end();
            let spell = json!([
                opt(start.map(|d| d.first_day().to_string())),
                opt(end
                    .map(|d| Day::from_epoch_days(d.first_day().to_epoch_days() - 1).to_string()))
            ]);
            edge_samples.insert(
                m.id.to_string(),
                json!({"source": format!("city:{}", m.city), "target": format!("network:{}", m.network),
                       "kind": "membership", "status": "active", "established": opt(start.map(|d| d.to_string())),
                       "ended": null, "role": opt(m.role.clone()), "spells": [spell]}),
            );
        }
    } else {
        for (p, status) in links.iter().step_by((links.len() / samples).max(1)) {
            let ended = status.is_ended().then(|| {
                p.events
                    .iter()
                    .rev()
                    .find(|e| matches!(e.kind, EventType::Lapsed | EventType::Terminated))
                    .unwrap()
                    .date
            });
            let mut s = json!({"source": p.cities[0].as_str(), "target": p.cities[1].as_str(),
                               "kind": p.kind.as_str(), "status": status.as_str(),
                               "established": opt(p.established().map(|d| d.to_string())),
                               "ended": opt(ended.map(|d| d.to_string()))});
            // Histories of the form [established] or [established, lapsed] (all of the generator's):
            // one spell from the establishment to the day before the lapse.
            let kinds: Vec<EventType> = p.events.iter().map(|e| e.kind).collect();
            if kinds == [EventType::Established]
                || kinds == [EventType::Established, EventType::Lapsed]
            {
                let end = p.events.get(1).map(|e| {
                    Day::from_epoch_days(e.date.first_day().to_epoch_days() - 1).to_string()
                });
                s["spells"] = json!([[p.events[0].date.first_day().to_string(), opt(end)]]);
            }
            edge_samples.insert(p.id.to_string(), s);
        }
    }
    let multilinestrings: Vec<String> = if bipartite {
        Vec::new()
    } else {
        links
            .iter()
            .filter(|(p, _)| {
                let a = snap.city(p.cities[0].as_str()).unwrap();
                let b = snap.city(p.cities[1].as_str()).unwrap();
                (a.lon - b.lon).abs() > 180.0 && a.lon.abs() != 180.0 && b.lon.abs() != 180.0
            })
            .map(|(p, _)| p.id.to_string())
            .collect()
    };
    let (nodes, edges) = if bipartite {
        (snap.cities.len() + networks.len(), memberships.len())
    } else {
        (snap.cities.len(), links.len())
    };
    let in_force_links = snap
        .partnerships
        .values()
        .filter(|p| p.status_on(as_of).is_some_and(&keep))
        .count();
    json!({
        "label": label,
        "projection": opts.projection.as_str(),
        "files": files,
        "nodes": nodes,
        "edges": edges,
        "ndjson": {"nodes": snap.cities.len() + networks.len(), "edges": memberships.len() + in_force_links},
        "node_samples": node_samples,
        "edge_samples": edge_samples,
        "multilinestrings": multilinestrings,
    })
}

fn run_check(dir: &Path, expected: &Value) {
    let exp_path = dir.join("expected.json");
    std::fs::write(&exp_path, serde_json::to_vec_pretty(expected).unwrap()).unwrap();
    let out = Command::new("python3")
        .arg(script())
        .arg(dir)
        .arg(&exp_path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 {}: {e}", script().display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "check_exports.py failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    assert!(
        stdout.contains("checked graphml, gexf, geojson, csv, zip, ndjson"),
        "not every format was checked:\n{stdout}"
    );
}

fn round_trip(label: &str, snap: &Snapshot, opts: &ExportOptions, samples: usize) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let files = write_all(snap, opts, dir.path());
    let expected = expectations(label, snap, opts, files, samples);
    run_check(dir.path(), &expected);
    expected
}

#[test]
fn fixture_exports_read_back_in_networkx_geojson_and_csv() {
    require_python();
    let snap = common::fixture();
    let twinning = ExportOptions::new(Filter::on(day("2024")));
    let expected = round_trip("fixture, twinning", &snap, &twinning, 100);
    assert_eq!(
        (expected["nodes"].as_u64(), expected["edges"].as_u64()),
        (Some(8), Some(5))
    );
    assert_eq!(
        expected["multilinestrings"],
        json!(["nz-auckland--us-honolulu", "tw-taipei--us-los-angeles"])
    );
    assert_eq!(
        expected["node_samples"]["gb-special"]["name"],
        common::SPECIAL_NAME
    );

    // Hand-written spells of the links with a richer history than the generator's.
    let dir = tempfile::tempdir().unwrap();
    let all = twinning.clone().with_status(StatusFilter::All);
    let files = write_all(&snap, &all, dir.path());
    let mut expected = expectations("fixture, all links", &snap, &all, files, 100);
    expected["edge_samples"]["gb-special--us-chicago"]["spells"] =
        json!([["2001-01-01", "2005-03-31"], ["2007-09-01", null]]);
    expected["edge_samples"]["it-rome--us-chicago--cooperation-agreement"]["spells"] =
        json!([[null, null]]);
    expected["edge_samples"]["fr-paris--us-chicago--friendship-city"]["spells"] =
        json!([["1996-01-01", "2010-06-14"]]);
    expected["edge_samples"]["nz-auckland--us-honolulu"]["spells"] =
        json!([["1998-01-01", "2022-01-09"]]);
    assert_eq!(expected["edges"], 7);
    run_check(dir.path(), &expected);

    let bipartite = twinning.with_projection(Projection::Bipartite);
    let expected = round_trip("fixture, bipartite", &snap, &bipartite, 100);
    assert_eq!(
        (expected["nodes"].as_u64(), expected["edges"].as_u64()),
        (Some(10), Some(3))
    );
}

#[test]
fn generated_small_exports_read_back_in_networkx_geojson_and_csv() {
    require_python();
    let data = tempfile::tempdir().unwrap();
    let params = citygraph_generate::Params::scale(citygraph_generate::Scale::Small);
    citygraph_generate::generate_into(&params, data.path(), &citygraph_generate::Progress::none())
        .unwrap();
    let snap = snapshot_from_records(read_gen_graph_dir(data.path()).unwrap()).unwrap();
    assert!(snap.cities.len() > 1000 && snap.partnerships.len() > 1000);

    let twinning = ExportOptions::new(Filter::on(day("2000-01-01"))).with_status(StatusFilter::All);
    let expected = round_trip(
        "generated small, twinning, all links on 2000-01-01",
        &snap,
        &twinning,
        40,
    );
    assert!(expected["edges"].as_u64().unwrap() > 1000);
    assert!(
        expected["edge_samples"]
            .as_object()
            .unwrap()
            .values()
            .any(|s| s["status"] == "lapsed"),
        "the sample should hold lapsed links"
    );

    let in_force = ExportOptions::new(Filter::on(day("2024-06-30")));
    round_trip(
        "generated small, twinning, in force on 2024-06-30",
        &snap,
        &in_force,
        40,
    );

    let bipartite =
        ExportOptions::new(Filter::on(day("2010-01-01"))).with_projection(Projection::Bipartite);
    let expected = round_trip(
        "generated small, bipartite on 2010-01-01",
        &snap,
        &bipartite,
        40,
    );
    assert!(expected["edges"].as_u64().unwrap() > 1000);
}
