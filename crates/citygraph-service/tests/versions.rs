//! Reads at a past version, preconditions and history corrections over a real sled store.
//!
//! The property: for a random sequence of writes, the graph at `at_version = N` equals the graph
//! of a store that received only the first N writes, whether the version is still kept in memory
//! or rebuilt from the change log (after a restart, or once it has left the recent versions).

use std::sync::Arc;

use citygraph_core::{City, Partnership, Snapshot};
use citygraph_service::write::{Precondition, WriteContext};
use citygraph_service::{Error, Service, ServiceConfig};
use citygraph_store::{GraphStore, SledStore};
use proptest::prelude::*;
use serde_json::json;

fn open(dir: &std::path::Path, config: ServiceConfig) -> Service {
    let store: Arc<dyn GraphStore> = Arc::new(SledStore::open(dir).unwrap());
    Service::open(store, config).unwrap()
}

/// One write of the generated sequences.
#[derive(Clone, Debug)]
enum Op {
    City(u8),
    Rename(u8, u8),
    DeleteCity(u8),
    Link(u8, u8),
    Lapse(u8, u8),
    DeleteLink(u8, u8),
}

fn city_id(i: u8) -> String {
    format!("fr-c{}", i % 6)
}

fn link_id(a: u8, b: u8) -> String {
    let (a, b) = (city_id(a), city_id(b));
    if a < b {
        format!("{a}--{b}")
    } else {
        format!("{b}--{a}")
    }
}

fn city(i: u8, name: &str) -> City {
    serde_json::from_value(json!({
        "id": city_id(i), "name": name, "country": "FR", "region": "europe",
        "lat": 45.0 + f64::from(i % 6), "lon": 2.0
    }))
    .unwrap()
}

/// Applies `op`; writes that the graph refuses (a missing city, a duplicate) change nothing and
/// are not counted.
fn apply(svc: &Service, op: &Op) -> bool {
    let r = match op {
        Op::City(i) => svc.create_city(city(*i, "C")).map(|_| ()),
        Op::Rename(i, n) => svc
            .patch_city(&city_id(*i), &json!({"name": format!("N{n}")}))
            .map(|_| ()),
        Op::DeleteCity(i) => svc.delete_city(&city_id(*i), true).map(|_| ()),
        Op::Link(a, b) => {
            let p: Result<Partnership, _> = serde_json::from_value(json!({
                "cities": [city_id(*a), city_id(*b)],
                "events": [{"type": "established", "date": "1990"}]
            }));
            match p {
                Ok(p) => svc.create_partnership(p).map(|_| ()),
                Err(_) => return false,
            }
        }
        Op::Lapse(a, b) => svc
            .add_event(
                &link_id(*a, *b),
                serde_json::from_value(json!({"type": "lapsed", "date": "2001"})).unwrap(),
            )
            .map(|_| ()),
        Op::DeleteLink(a, b) => svc.delete_partnership(&link_id(*a, *b)).map(|_| ()),
    };
    r.is_ok()
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0u8..6).prop_map(Op::City),
        2 => (0u8..6, 0u8..9).prop_map(|(i, n)| Op::Rename(i, n)),
        1 => (0u8..6).prop_map(Op::DeleteCity),
        3 => (0u8..6, 0u8..6).prop_map(|(a, b)| Op::Link(a, b)),
        1 => (0u8..6, 0u8..6).prop_map(|(a, b)| Op::Lapse(a, b)),
        1 => (0u8..6, 0u8..6).prop_map(|(a, b)| Op::DeleteLink(a, b)),
    ]
}

/// Snapshots compare by content; the version is compared on its own.
fn same_graph(a: &Snapshot, b: &Snapshot) -> bool {
    a.cities == b.cities
        && a.networks == b.networks
        && a.memberships == b.memberships
        && a.partnerships == b.partnerships
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_graph_at_version_n_is_the_graph_of_the_first_n_writes(ops in prop::collection::vec(op(), 1..90)) {
        let dir = tempfile::tempdir().unwrap();
        let svc = open(dir.path(), ServiceConfig::default());
        // The graph after each accepted write, from a second store that receives the writes one
        // by one up to there.
        let mut accepted = Vec::new();
        for o in &ops {
            if apply(&svc, o) {
                accepted.push(o.clone());
            }
        }
        let head = svc.version();
        prop_assert_eq!(head, accepted.len() as u64);
        let check = |svc: &Service| -> Result<(), TestCaseError> {
            for n in 0..=head {
                let at = svc.snapshot_at(n).unwrap();
                prop_assert_eq!(at.version, n);
                let other_dir = tempfile::tempdir().unwrap();
                let other = open(other_dir.path(), ServiceConfig::default());
                for o in &accepted[..n as usize] {
                    prop_assert!(apply(&other, o), "a write accepted once is accepted again");
                }
                prop_assert!(same_graph(&at, &other.snapshot()), "version {} differs", n);
            }
            Ok(())
        };
        check(&svc)?;
        // After a restart nothing is kept in memory but the head: every version is rebuilt.
        drop(svc);
        let svc = open(dir.path(), ServiceConfig::default());
        check(&svc)?;
    }
}

#[test]
fn versions_behind_the_retention_window_are_gone_and_future_ones_not_reached() {
    let dir = tempfile::tempdir().unwrap();
    let svc = open(
        dir.path(),
        ServiceConfig {
            version_retention: 3,
            ..ServiceConfig::default()
        },
    );
    for i in 0..6 {
        svc.create_city(city(i, "C")).unwrap();
    }
    assert_eq!(svc.version(), 6);
    assert_eq!(svc.oldest_readable_version(), 3);
    assert_eq!(svc.snapshot_at(3).unwrap().cities.len(), 3);
    let e = svc.snapshot_at(2).unwrap_err();
    assert_eq!(e.code(), "version_not_retained", "{e}");
    let e = svc.snapshot_at(7).unwrap_err();
    assert_eq!(e.code(), "version_not_reached", "{e}");
}

#[test]
fn a_stale_precondition_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let svc = Arc::new(open(dir.path(), ServiceConfig::default()));
    svc.create_city(city(0, "A")).unwrap();
    svc.create_city(city(1, "B")).unwrap();
    let read_at = svc.version();
    let ctx = |pre: Precondition| WriteContext {
        who: Some("alice".into()),
        why: Some("typo".into()),
        precondition: Some(pre),
    };
    // Another city changing does not make the precondition on this one stale.
    svc.patch_city(&city_id(1), &json!({"name": "B2"})).unwrap();
    svc.writing(ctx(Precondition::Unchanged(read_at)), || {
        svc.patch_city(&city_id(0), &json!({"name": "A2"}))
    })
    .unwrap();
    // Now fr-c0 changed after `read_at`.
    let before = svc.version();
    let e = svc
        .writing(ctx(Precondition::Unchanged(read_at)), || {
            svc.patch_city(&city_id(0), &json!({"name": "A3"}))
        })
        .unwrap_err();
    assert!(matches!(e, Error::PreconditionFailed(_)), "{e}");
    assert_eq!(svc.version(), before, "nothing written");
    assert_eq!(svc.snapshot().city("fr-c0").unwrap().name, "A2");
    // A future version and `*` on a missing entity fail too.
    let e = svc
        .writing(ctx(Precondition::Unchanged(before + 5)), || {
            svc.patch_city(&city_id(0), &json!({"name": "A3"}))
        })
        .unwrap_err();
    assert_eq!(e.code(), "precondition_failed");
    let e = svc
        .writing(ctx(Precondition::Exists), || svc.create_city(city(4, "E")))
        .unwrap_err();
    assert_eq!(e.code(), "precondition_failed");
    // Who and why are in the log.
    let entries = svc.changes_since(0, 100).unwrap();
    let last = entries.last().unwrap();
    assert_eq!(last.op, "update_city");
    assert_eq!(last.who.as_deref(), Some("alice"));
    assert_eq!(last.why.as_deref(), Some("typo"));
    assert!(entries[0].who.is_none());
}

#[test]
fn concurrent_writers_with_one_precondition_one_wins() {
    let dir = tempfile::tempdir().unwrap();
    let svc = Arc::new(open(dir.path(), ServiceConfig::default()));
    svc.create_city(city(0, "A")).unwrap();
    for round in 0..20 {
        let seen = svc.version();
        let barrier = Arc::new(std::sync::Barrier::new(2));
        let handles: Vec<_> = (0..2)
            .map(|w| {
                let svc = svc.clone();
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    let ctx = WriteContext {
                        precondition: Some(Precondition::Unchanged(seen)),
                        ..WriteContext::default()
                    };
                    svc.writing(ctx, || {
                        svc.patch_city("fr-c0", &json!({"name": format!("R{round}W{w}")}))
                    })
                })
            })
            .collect();
        let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let ok = results.iter().filter(|r| r.is_ok()).count();
        let failed = results
            .iter()
            .filter(|r| matches!(r, Err(Error::PreconditionFailed(_))))
            .count();
        assert_eq!((ok, failed), (1, 1), "round {round}: {results:?}");
    }
}

#[test]
fn events_are_corrected_and_removed_by_id_against_the_whole_history() {
    let dir = tempfile::tempdir().unwrap();
    let svc = open(dir.path(), ServiceConfig::default());
    svc.create_city(city(0, "A")).unwrap();
    svc.create_city(city(1, "B")).unwrap();
    let p: Partnership = serde_json::from_value(json!({
        "cities": [city_id(0), city_id(1)],
        "events": [
            {"type": "established", "date": "1990"},
            {"type": "suspended", "date": "1995"},
            {"type": "resumed", "date": "1999"}
        ]
    }))
    .unwrap();
    let id = p.id.to_string();
    let ids: Vec<_> = p.events.iter().map(|e| e.id.clone().unwrap()).collect();
    assert_eq!(ids, ["e1", "e2", "e3"]);
    svc.create_partnership(p).unwrap();
    // A correction that moves the resumption before the suspension is impossible.
    let before = svc.version();
    let e = svc
        .patch_event(&id, "e3", &json!({"date": "1993"}))
        .unwrap_err();
    assert_eq!(e.code(), "invalid_history", "{e}");
    assert_eq!(svc.version(), before);
    // Removing the suspension leaves a resumption of an active link: refused.
    let e = svc.delete_event(&id, "e2").unwrap_err();
    assert_eq!(e.code(), "invalid_history", "{e}");
    // A valid correction keeps the id, and the new event gets the next free one.
    let (p, _) = svc
        .patch_event(&id, "e2", &json!({"date": "1996", "reason": "corrected"}))
        .unwrap();
    assert_eq!(p.events[1].id.as_deref(), Some("e2"));
    assert_eq!(p.events[1].reason.as_deref(), Some("corrected"));
    let e = svc
        .patch_event(&id, "e2", &json!({"id": "e9"}))
        .unwrap_err();
    assert_eq!(e.code(), "immutable_field");
    let (p, _) = svc
        .add_event(
            &id,
            serde_json::from_value(json!({"type": "lapsed", "date": "2005"})).unwrap(),
        )
        .unwrap();
    assert_eq!(p.events.last().unwrap().id.as_deref(), Some("e4"));
    // Removing the lapse and then the resumption and suspension together is a valid history.
    svc.delete_event(&id, "e4").unwrap();
    let e = svc.delete_event(&id, "e4").unwrap_err();
    assert_eq!(e.code(), "event_not_found");
    svc.delete_event(&id, "e3").unwrap();
    let (p, _) = svc.delete_event(&id, "e2").unwrap();
    assert_eq!(p.events.len(), 1);
    // Ids survive a restart (the checkpoint codec keeps non-canonical ids). The next id is one
    // above the highest id in the history now.
    svc.patch_event(&id, "e1", &json!({"note": "kept"}))
        .unwrap();
    svc.add_event(
        &id,
        serde_json::from_value(json!({"id": "signing-2008", "type": "renewed", "date": "2008"}))
            .unwrap(),
    )
    .unwrap();
    let (p, _) = svc
        .add_event(
            &id,
            serde_json::from_value(json!({"type": "terminated", "date": "2010"})).unwrap(),
        )
        .unwrap();
    assert_eq!(p.events[2].id.as_deref(), Some("e2"));
    let e = svc
        .add_event(
            &id,
            serde_json::from_value(json!({"id": "e2", "type": "renewed", "date": "2011"})).unwrap(),
        )
        .unwrap_err();
    assert_eq!(e.code(), "duplicate_event_id");
    drop(svc);
    let svc = open(dir.path(), ServiceConfig::default());
    let p = svc.snapshot().partnership(&id).cloned().unwrap();
    let ids: Vec<_> = p.events.iter().map(|e| e.id.clone().unwrap()).collect();
    assert_eq!(ids, ["e1", "signing-2008", "e2"]);
}

#[test]
fn put_creates_then_replaces_and_refuses_another_id() {
    let dir = tempfile::tempdir().unwrap();
    let svc = open(dir.path(), ServiceConfig::default());
    let body = serde_json::to_value(city(0, "A")).unwrap();
    let (_, _, put) = svc.put_city("fr-c0", body.clone()).unwrap();
    assert_eq!(put, citygraph_service::entities::Put::Created);
    let mut renamed = body.clone();
    renamed["name"] = json!("A2");
    renamed.as_object_mut().unwrap().remove("id");
    let (c, _, put) = svc.put_city("fr-c0", renamed).unwrap();
    assert_eq!(put, citygraph_service::entities::Put::Replaced);
    assert_eq!(c.name, "A2");
    let e = svc.put_city("fr-c1", body).unwrap_err();
    assert_eq!(e.code(), "invalid_parameter");
    assert_eq!(svc.snapshot().cities.len(), 1);
}
