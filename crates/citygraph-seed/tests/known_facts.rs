//! Loads the committed `seed-data/` into a `Snapshot`, as the importer does, and checks facts that
//! any correct build must show.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use citygraph_core::{Change, City, Day, Membership, Network, Partnership, Snapshot, Status};
use serde::de::DeserializeOwned;
use serde_json::Value;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seed-data")
}

/// Parses one seed file: every line is an object whose first field is `"type": kind`; the rest must
/// deserialize into the model type.
fn records<T: DeserializeOwned>(file: &str, kind: &str) -> Vec<T> {
    let path = seed_dir().join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let prefix = format!("{{\"type\":\"{kind}\",");
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            assert!(
                line.starts_with(&prefix),
                "{file}:{}: does not start with {prefix}",
                i + 1
            );
            let mut v: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{file}:{}: {e}", i + 1));
            v.as_object_mut().expect("an object").remove("type");
            serde_json::from_value(v).unwrap_or_else(|e| panic!("{file}:{}: {e}", i + 1))
        })
        .collect()
}

fn snapshot() -> &'static Snapshot {
    static SNAPSHOT: OnceLock<Snapshot> = OnceLock::new();
    SNAPSHOT.get_or_init(|| {
        let mut changes = Vec::new();
        changes.extend(
            records::<City>("cities.ndjson", "city")
                .into_iter()
                .map(|c| Change::PutCity(Arc::new(c))),
        );
        changes.extend(
            records::<Network>("networks.ndjson", "network")
                .into_iter()
                .map(|n| Change::PutNetwork(Arc::new(n))),
        );
        for f in ["memberships.ndjson", "memberships-climactor.ndjson"] {
            changes.extend(
                records::<Membership>(f, "membership")
                    .into_iter()
                    .map(|m| Change::PutMembership(Arc::new(m))),
            );
        }
        changes.extend(
            records::<Partnership>("partnerships.ndjson", "partnership")
                .into_iter()
                .map(|p| Change::PutPartnership(Arc::new(p))),
        );
        let (snap, applied) = Snapshot::default()
            .with_changes(&changes)
            .unwrap_or_else(|(i, e)| panic!("change {i} ({:?}) fails: {e}", changes[i].target()));
        assert!(
            applied
                .iter()
                .all(|a| *a == citygraph_core::Applied::Created),
            "every record has an id of its own"
        );
        snap
    })
}

fn day(s: &str) -> Day {
    s.parse::<citygraph_core::PartialDate>()
        .expect("a date")
        .first_day()
}

/// The id of the city of that name and country (the most populous if several).
fn city(name: &str, country: &str) -> String {
    snapshot()
        .cities
        .values()
        .filter(|c| c.name == name && c.country.as_str() == country)
        .max_by_key(|c| c.population.unwrap_or(0))
        .map(|c| c.id.to_string())
        .unwrap_or_else(|| panic!("no city {name} ({country}) in the seed"))
}

/// The partnership of two cities given as `(name, country)`.
fn link(a: (&str, &str), b: (&str, &str)) -> Arc<Partnership> {
    let (a, b) = (city(a.0, a.1), city(b.0, b.1));
    let a_id = citygraph_core::CityId::new(&a).expect("an id");
    snapshot()
        .partnerships_of(&a)
        .find(|p| p.other(&a_id).as_str() == b)
        .cloned()
        .unwrap_or_else(|| panic!("no partnership between {a} and {b}"))
}

#[test]
fn the_seed_loads_without_error() {
    let s = snapshot();
    assert!(s.cities.len() > 15_000, "{} cities", s.cities.len());
    assert!(
        s.partnerships.len() > 20_000,
        "{} partnerships",
        s.partnerships.len()
    );
    assert!(s.networks.len() >= 12);
    for id in [
        "c40",
        "iclei",
        "uclg",
        "gcom",
        "eu-covenant-of-mayors",
        "metropolis",
        "eurocities",
        "citynet",
    ] {
        assert!(s.network(id).is_some(), "network {id} is missing");
    }
    for id in [
        "mayors-for-peace",
        "ubc",
        "climate-alliance",
        "under2-coalition",
    ] {
        assert!(s.network(id).is_some(), "network {id} is missing");
    }
}

#[test]
fn every_record_cites_its_sources() {
    let s = snapshot();
    assert!(s.cities.values().all(|c| !c.sources.is_empty()));
    assert!(s.networks.values().all(|n| !n.sources.is_empty()));
    assert!(s.memberships.values().all(|m| !m.sources.is_empty()));
    assert!(s.partnerships.values().all(|p| !p.sources.is_empty()));
    assert!(s
        .partnerships
        .values()
        .flat_map(|p| p.events.iter())
        .all(|e| !e.sources.is_empty()));
}

#[test]
fn chicago_is_twinned_with_durban_warsaw_milan_and_osaka() {
    let chicago = city("Chicago", "US");
    let partners: Vec<String> = snapshot()
        .partnerships_of(&chicago)
        .map(|p| {
            p.other(&citygraph_core::CityId::new(&chicago).unwrap())
                .to_string()
        })
        .collect();
    for (name, cc) in [
        ("Durban", "ZA"),
        ("Warsaw", "PL"),
        ("Milan", "IT"),
        ("Osaka", "JP"),
    ] {
        assert!(
            partners.contains(&city(name, cc)),
            "Chicago is not linked with {name}: {partners:?}"
        );
    }
}

#[test]
fn prague_and_beijing_were_partners_until_2019() {
    let p = link(("Prague", "CZ"), ("Beijing", "CN"));
    assert_eq!(p.status_on(day("2018-06-01")), Some(Status::Active));
    assert_eq!(p.status_on(day("2020-06-01")), Some(Status::Terminated));
    assert_eq!(
        p.established().map(|d| d.to_string()).as_deref(),
        Some("2016-02")
    );
}

#[test]
fn coventry_and_volgograd_are_suspended_in_2023() {
    let p = link(("Coventry", "GB"), ("Volgograd", "RU"));
    assert_eq!(p.status_on(day("2023-01-01")), Some(Status::Suspended));
    assert_eq!(p.status_on(day("2021-01-01")), Some(Status::Active));
}

#[test]
fn osaka_ended_its_link_with_san_francisco_in_2018() {
    let p = link(("Osaka", "JP"), ("San Francisco", "US"));
    assert_eq!(p.status_on(day("2018-10-01")), Some(Status::Active));
    assert_eq!(p.status_on(day("2019-01-01")), Some(Status::Terminated));
}

#[test]
fn paris_and_london_are_c40_members_in_2019() {
    let s = snapshot();
    for (name, cc) in [("Paris", "FR"), ("London", "GB")] {
        let id = city(name, cc);
        let m = s
            .memberships_of(&id)
            .find(|m| m.network.as_str() == "c40")
            .unwrap_or_else(|| panic!("{name} has no C40 membership"));
        assert!(
            m.in_force_on(day("2019-06-01")),
            "{name}'s C40 membership is not in force on 2019-06-01: {m:?}"
        );
        assert!(m.joined.is_none(), "no join date is invented");
    }
}

#[test]
fn ubc_expelled_saint_petersburg_in_2022() {
    let s = snapshot();
    let id = city("Saint Petersburg", "RU");
    let m = s
        .memberships_of(&id)
        .find(|m| m.network.as_str() == "ubc")
        .expect("a UBC membership");
    assert!(m.in_force_on(day("2021-12-31")));
    assert!(!m.in_force_on(day("2022-01-01")));
}

#[test]
fn network_secretariats_are_cities_of_the_seed() {
    let s = snapshot();
    for n in s.networks.values() {
        if let Some(sec) = &n.secretariat {
            assert!(
                s.city(sec.as_str()).is_some(),
                "{} secretariat {sec} is not a city of the seed",
                n.id
            );
        }
    }
    assert_eq!(
        s.network("c40")
            .and_then(|n| n.secretariat.clone())
            .map(|c| c.to_string()),
        Some(city("London", "GB"))
    );
}
