//! Network overlap, saturation, similarity and recommendations checked against an independent
//! Python computation (`tests/python/overlap_reference.py`, plain sets and brute force) on the
//! small synthetic dataset of `citygraph generate`: counts must match exactly, ratios to 1e-9, and
//! every ordered list must come out in the same order.
//!
//! Needs `python3`; without it the test fails with a message saying so.

use std::path::Path;
use std::process::Command;

use citygraph_core::algo::filter::Filter;
use citygraph_core::algo::overlap::{
    network_overlap, top_overlapping_pairs, OverlapMeasure, OverlapQuery, TopPairsQuery,
};
use citygraph_core::algo::saturation::{saturation, saturation_timeline, GroupBy};
use citygraph_core::algo::similarity::{
    recommend_networks, similar_cities, RecommendQuery, SetMeasure, SimilarQuery, SimilarityBasis,
};
use citygraph_core::model::Scope;
use citygraph_core::{Day, NetworkId, Snapshot};
use serde_json::{json, Map, Value};

const AS_OF: &str = "2015-06-30";
const MIN_SHARED: u64 = 2;
const TOP: usize = 40;
const SIMILAR_TOP: usize = 15;
const NEIGHBOURS: usize = 25;
const FROM_YEAR: i32 = 1995;
const TO_YEAR: i32 = 2024;

fn require_python() {
    let ok = Command::new("python3")
        .args(["-c", "import json, csv"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok,
        "this test needs python3 to compute the reference figures: install it"
    );
}

fn run(cmd: &mut Command) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn members_on(snap: &Snapshot, net: &str, day: Day) -> usize {
    let mut cities: Vec<&str> = snap
        .members_of(net)
        .filter(|m| m.in_force_on(day))
        .map(|m| m.city.as_str())
        .collect();
    cities.sort_unstable();
    cities.dedup();
    cities.len()
}

fn networks_on(snap: &Snapshot, city: &str, day: Day) -> usize {
    let mut nets: Vec<&str> = snap
        .memberships_of(city)
        .filter(|m| m.in_force_on(day))
        .map(|m| m.network.as_str())
        .collect();
    nets.sort_unstable();
    nets.dedup();
    nets.len()
}

/// Compares `py` (the reference) with `rust`: every field of a Python object must exist in the Rust
/// one (Rust may have more), arrays must have the same length, integers must be equal, floats equal
/// within 1e-9 (relative to their size when larger than 1).
fn compare(path: &str, rust: &Value, py: &Value, errs: &mut Vec<String>) -> usize {
    match py {
        Value::Object(m) => {
            let mut leaves = 0;
            for (k, v) in m {
                match rust.get(k) {
                    Some(r) => leaves += compare(&format!("{path}.{k}"), r, v, errs),
                    None => errs.push(format!("{path}.{k}: missing in the Rust result")),
                }
            }
            leaves
        }
        Value::Array(a) => match rust.as_array() {
            Some(r) if r.len() == a.len() => r
                .iter()
                .zip(a)
                .enumerate()
                .map(|(i, (x, y))| compare(&format!("{path}[{i}]"), x, y, errs))
                .sum(),
            Some(r) => {
                errs.push(format!(
                    "{path}: {} items in Rust, {} in Python",
                    r.len(),
                    a.len()
                ));
                0
            }
            None => {
                errs.push(format!("{path}: Rust has {rust}, Python an array"));
                0
            }
        },
        Value::Number(n) => {
            let (Some(x), Some(y)) = (rust.as_f64(), n.as_f64()) else {
                errs.push(format!("{path}: Rust {rust} vs Python {py}"));
                return 0;
            };
            let exact = n.is_u64() || n.is_i64();
            let ok = if exact && (rust.is_u64() || rust.is_i64()) {
                rust == py
            } else {
                (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
            };
            if !ok {
                errs.push(format!("{path}: Rust {rust} vs Python {py}"));
            }
            1
        }
        _ => {
            if rust != py {
                errs.push(format!("{path}: Rust {rust} vs Python {py}"));
            }
            1
        }
    }
}

#[test]
fn overlap_saturation_and_similarity_match_the_python_reference() {
    require_python();
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/overlap_reference.py");
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("small");
    citygraph_tests::generate_small(&data);

    let records = citygraph_interchange::read::read_gen_graph_dir(&data).unwrap();
    let snap = citygraph_interchange::read::snapshot_from_records(records).unwrap();
    let day: Day = AS_OF
        .parse::<citygraph_core::PartialDate>()
        .unwrap()
        .first_day();
    let filter = Filter::on(day);

    // The selection: the global and first elite networks, two regional networks with members, and
    // one network with no member on the day.
    let mut chosen: Vec<String> = ["n0", "n1", "n2", "n3", "n4", "n5"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let regional: Vec<String> = snap
        .networks
        .values()
        .filter(|n| n.scope == Some(Scope::Regional) && members_on(&snap, n.id.as_str(), day) >= 3)
        .take(2)
        .map(|n| n.id.to_string())
        .collect();
    let empty = snap
        .networks
        .keys()
        .find(|id| members_on(&snap, id.as_str(), day) == 0)
        .expect("the small dataset has networks founded after 2015")
        .to_string();
    chosen.extend(regional);
    chosen.push(empty.clone());
    assert_eq!(chosen.len(), 9);
    let cell = ["n0", "n1"];

    // Cities: some in several networks, some in one, some in none but twinned, and the most
    // networked one.
    let mut cities: Vec<String> = Vec::new();
    let by_count = |k: fn(usize) -> bool, n: usize| -> Vec<String> {
        snap.cities
            .keys()
            .filter(|c| k(networks_on(&snap, c.as_str(), day)))
            .filter(|c| snap.partnerships_of(c.as_str()).next().is_some())
            .take(n)
            .map(|c| c.to_string())
            .collect()
    };
    cities.extend(by_count(|k| k >= 2, 6));
    cities.extend(by_count(|k| k == 1, 3));
    cities.extend(by_count(|k| k == 0, 2));
    let top_city = snap
        .cities
        .keys()
        .max_by_key(|c| (networks_on(&snap, c.as_str(), day), std::cmp::Reverse(*c)))
        .unwrap();
    if !cities.contains(&top_city.to_string()) {
        cities.push(top_city.to_string());
    }
    assert!(
        cities.len() >= 10,
        "fixture selection found too few cities: {cities:?}"
    );

    let out = tmp.path().join("reference.json");
    run(Command::new("python3")
        .arg(&reference)
        .arg(&data)
        .args([
            "--as-of",
            AS_OF,
            "--networks",
            &chosen.join(","),
            "--cell",
            &cell.join(","),
            "--cities",
            &cities.join(","),
        ])
        .args([
            "--min-shared",
            &MIN_SHARED.to_string(),
            "--top",
            &TOP.to_string(),
        ])
        .args([
            "--similar-top",
            &SIMILAR_TOP.to_string(),
            "--neighbours",
            &NEIGHBOURS.to_string(),
        ])
        .args([
            "--from-year",
            &FROM_YEAR.to_string(),
            "--to-year",
            &TO_YEAR.to_string(),
        ])
        .arg("--out")
        .arg(&out));
    let py: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();

    let ids = |v: &[String]| {
        v.iter()
            .map(|s| NetworkId::new(s).unwrap())
            .collect::<Vec<_>>()
    };
    let cell_ids: Vec<String> = cell.iter().map(|s| s.to_string()).collect();
    let overlap = network_overlap(
        &snap,
        &filter,
        &OverlapQuery {
            networks: ids(&chosen),
            cell: Some(ids(&cell_ids)),
        },
    )
    .unwrap();
    let mut top_pairs = Map::new();
    for measure in [
        OverlapMeasure::Jaccard,
        OverlapMeasure::Overlap,
        OverlapMeasure::Shared,
    ] {
        let r = top_overlapping_pairs(
            &snap,
            &filter,
            &TopPairsQuery {
                min_shared: MIN_SHARED,
                measure,
                top: TOP,
            },
        );
        top_pairs.insert(
            measure.as_str().to_owned(),
            serde_json::to_value(r).unwrap(),
        );
    }
    let mut sat = Map::new();
    for by in [
        GroupBy::None,
        GroupBy::Region,
        GroupBy::Country,
        GroupBy::Network,
    ] {
        sat.insert(
            by.as_str().to_owned(),
            serde_json::to_value(saturation(&snap, &filter, by)).unwrap(),
        );
    }
    let timeline =
        saturation_timeline(&snap, &filter, GroupBy::Region, FROM_YEAR, TO_YEAR).unwrap();
    let mut similar = Map::new();
    let mut recommend = Map::new();
    for c in &cities {
        let mut per = Map::new();
        for by in [SimilarityBasis::Networks, SimilarityBasis::Partners] {
            for measure in [SetMeasure::Jaccard, SetMeasure::Overlap] {
                let r = similar_cities(
                    &snap,
                    &filter,
                    c,
                    &SimilarQuery {
                        by,
                        measure,
                        top: SIMILAR_TOP,
                    },
                )
                .unwrap();
                per.insert(
                    format!("{}/{}", by.as_str(), measure.as_str()),
                    serde_json::to_value(r).unwrap(),
                );
            }
        }
        similar.insert(c.clone(), Value::Object(per));
        let r = recommend_networks(
            &snap,
            &filter,
            c,
            &RecommendQuery {
                top: SIMILAR_TOP,
                neighbours: NEIGHBOURS,
            },
        )
        .unwrap();
        recommend.insert(c.clone(), serde_json::to_value(r).unwrap());
    }
    let rust = json!({
        "as_of": AS_OF,
        "overlap": overlap,
        "top_pairs": top_pairs,
        "saturation": sat,
        "timeline": timeline,
        "similar": similar,
        "recommend": recommend,
    });

    let mut errs = Vec::new();
    let leaves = compare("", &rust, &py, &mut errs);
    assert!(
        errs.is_empty(),
        "{} differences, first ones:\n{}",
        errs.len(),
        errs.iter().take(25).cloned().collect::<Vec<_>>().join("\n")
    );

    // The comparison covered real data, not empty results.
    assert!(leaves > 20_000, "only {leaves} values compared");
    assert!(overlap.union > 300, "union {}", overlap.union);
    assert_eq!(overlap.intersections.len(), 511);
    assert_eq!(
        overlap.networks.last().unwrap().members,
        0,
        "{empty} has no member on {AS_OF}"
    );
    assert!(overlap.cell.as_ref().unwrap().count > 0);
    let jac = &top_pairs["jaccard"];
    assert_eq!(jac["pairs"].as_array().unwrap().len(), TOP);
    assert!(
        sat["none"]["overall"]["histogram"]
            .as_array()
            .unwrap()
            .len()
            >= 4
    );
    assert!(sat["none"]["overall"]["gini"].as_f64().unwrap() > 0.0);
    assert_eq!(timeline.years.len(), (TO_YEAR - FROM_YEAR + 1) as usize);
    let non_empty = similar
        .values()
        .filter(|v| {
            !v["partners/jaccard"]["similar"]
                .as_array()
                .unwrap()
                .is_empty()
        })
        .count();
    assert!(
        non_empty >= 5,
        "similarity by partners found too few cities"
    );
    let recs = recommend
        .values()
        .filter(|v| !v["recommendations"].as_array().unwrap().is_empty())
        .count();
    assert!(recs >= 5, "too few cities got recommendations");
}
