use std::sync::Arc;

use citygraph_core::{
    Change, City, CityId, Membership, Network, Partnership, PartnershipId, Snapshot,
};
use proptest::prelude::*;

use crate::{decode_changes, encode_changes, image, CheckpointDir, Error};

fn city(json: &str) -> Change {
    Change::PutCity(Arc::new(serde_json::from_str::<City>(json).unwrap()))
}

fn plain_city(id: &str) -> Change {
    city(&format!(
        r#"{{"id":"{id}","name":"City {id}","country":"FR","region":"europe","lat":45.5,"lon":4.25}}"#
    ))
}

/// Every field of every entity kind set at least once, ids conventional and not.
fn rich_changes() -> Vec<Change> {
    vec![
        city(
            r#"{"id":"fr-paris","name":"Paris","country":"FR","region":"europe","lat":48.8566,"lon":2.3522,
                "population":2100000,"wikidata":"Q90","geonames":2988507,
                "capacity":{"international_office":true,"senior_manager":false,"strategy":"nested","international_staff":0},
                "sources":["https://example.org/a","https://example.org/b"],"aliases":["fr-paris-old","paris"]}"#,
        ),
        city(r#"{"id":"it-rome","name":"Rome – Roma","country":"IT","region":"europe","lat":41.9,"lon":12.5,"sources":["https://example.org/a"]}"#),
        city(r#"{"id":"jp-kyoto","name":"京都市","country":"JP","region":"asia-pacific","lat":35.0,"lon":135.7,
                "capacity":{"travel_funds":true,"sdg_tracking":true,"staff_training":false,"strategy":"stand_alone"}}"#),
        plain_city("us-boston"),
        Change::PutNetwork(Arc::new(
            serde_json::from_str::<Network>(
                r#"{"id":"c40","name":"C40 Cities","founded":"2005-10","scope":"global","region":"europe",
                    "focus":["climate","health"],"secretariat":"gb-london","website":"https://c40.org","sources":["s"]}"#,
            )
            .unwrap(),
        )),
        Change::PutNetwork(Arc::new(
            serde_json::from_str::<Network>(r#"{"id":"iclei","name":"ICLEI"}"#).unwrap(),
        )),
        Change::PutMembership(Arc::new(
            serde_json::from_str::<Membership>(
                r#"{"city":"fr-paris","network":"c40","joined":"2005","observed":["2019","2021-06-01"],
                    "absent":["2023"],"role":"steering","sources":["https://example.org/a"]}"#,
            )
            .unwrap(),
        )),
        Change::PutMembership(Arc::new(
            serde_json::from_str::<Membership>(
                r#"{"id":"special-id","city":"it-rome","network":"c40","joined":"2001","left":"2010-06-30"}"#,
            )
            .unwrap(),
        )),
        Change::PutMembership(Arc::new(
            serde_json::from_str::<Membership>(r#"{"city":"it-rome","network":"iclei"}"#).unwrap(),
        )),
        Change::PutPartnership(Arc::new(
            serde_json::from_str::<Partnership>(
                r#"{"cities":["it-rome","fr-paris"],"kind":"sister_city","events":[
                    {"type":"established","date":"1956-01-30","sources":["https://example.org/a"],"note":"only"},
                    {"type":"suspended","date":"2020-03","reason":"pandemic","initiated_by":"Rome"},
                    {"type":"resumed","date":"2021"}],
                    "sources":["https://example.org/b"],"note":"the only one"}"#,
            )
            .unwrap(),
        )),
        Change::PutPartnership(Arc::new(
            serde_json::from_str::<Partnership>(
                r#"{"id":"custom--link","cities":["fr-paris","jp-kyoto"],"kind":"friendship_city",
                    "events":[{"type":"terminated","date":"1999-12-31","reason":"pandemic"}]}"#,
            )
            .unwrap(),
        )),
        Change::PutPartnership(Arc::new(
            serde_json::from_str::<Partnership>(
                r#"{"cities":["fr-paris","jp-kyoto"],"kind":"memorandum"}"#,
            )
            .unwrap(),
        )),
        Change::PutPartnership(Arc::new(
            serde_json::from_str::<Partnership>(
                r#"{"cities":["us-boston","jp-kyoto"],"kind":"cooperation_agreement","events":[
                    {"type":"established","date":"1990"},{"type":"lapsed","date":"2000"},{"type":"renewed","date":"2005"}]}"#,
            )
            .unwrap(),
        )),
    ]
}

fn rich_snapshot() -> Snapshot {
    let (mut s, _) = Snapshot::default().with_changes(&rich_changes()).unwrap();
    s.version = 42;
    s
}

#[test]
fn a_checkpoint_round_trip_equals_the_snapshot_with_every_index() {
    let snap = rich_snapshot();
    let bytes = image::encode(&snap, 7);
    let (back, header) = image::decode(&bytes).unwrap();
    assert_eq!(header.version, 42);
    assert_eq!(header.fingerprint, 7);
    assert_eq!(
        (
            header.cities,
            header.networks,
            header.memberships,
            header.partnerships
        ),
        (4, 2, 3, 4)
    );
    // Snapshot equality covers the version, every entity map and every index.
    assert_eq!(back, snap);
    assert_eq!(back.links_of, snap.links_of);
    assert_eq!(back.memberships_of_city, snap.memberships_of_city);
    assert_eq!(back.members_of_network, snap.members_of_network);
    // The empty graph too.
    let empty = Snapshot::default();
    assert_eq!(image::decode(&image::encode(&empty, 0)).unwrap().0, empty);
}

#[test]
fn interned_city_ids_are_shared_by_the_entities_that_name_them() {
    let (back, _) = image::decode(&image::encode(&rich_snapshot(), 0)).unwrap();
    let paris = back.city("fr-paris").unwrap();
    let link = back.partnership("fr-paris--it-rome").unwrap();
    let in_link = link
        .cities
        .iter()
        .find(|c| c.as_str() == "fr-paris")
        .unwrap();
    assert!(
        std::ptr::eq(paris.id.as_str().as_ptr(), in_link.as_str().as_ptr()),
        "one allocation per city id"
    );
}

#[test]
fn a_truncated_checkpoint_is_detected() {
    let bytes = image::encode(&rich_snapshot(), 1);
    for cut in [
        0,
        5,
        11,
        12,
        63,
        64,
        bytes.len() / 2,
        bytes.len() - 17,
        bytes.len() - 1,
    ] {
        let err = image::decode(&bytes[..cut]).unwrap_err();
        assert!(
            matches!(err, Error::Truncated | Error::Magic),
            "cut at {cut}: {err}"
        );
    }
}

#[test]
fn a_flipped_bit_anywhere_is_detected() {
    let bytes = image::encode(&rich_snapshot(), 1);
    // Every byte past the magic and format (whose damage reads as "not a checkpoint" or "another
    // format"), one bit each.
    for at in 12..bytes.len() {
        let mut bad = bytes.clone();
        bad[at] ^= 1 << (at % 8);
        assert!(
            image::decode(&bad).is_err(),
            "flip at byte {at} went unnoticed"
        );
    }
    for at in 0..12 {
        let mut bad = bytes.clone();
        bad[at] ^= 0x10;
        assert!(
            image::decode(&bad).is_err(),
            "flip at byte {at} went unnoticed"
        );
    }
}

#[test]
fn an_older_format_is_refused_by_its_number() {
    let mut bytes = image::encode(&rich_snapshot(), 1);
    bytes[8..12].copy_from_slice(&0u32.to_le_bytes());
    match image::decode(&bytes).unwrap_err() {
        Error::Format {
            found: 0,
            supported,
        } => assert_eq!(supported, image::FORMAT),
        other => panic!("{other}"),
    }
}

#[test]
fn change_pages_round_trip_every_kind_of_change() {
    let mut changes = rich_changes();
    changes.extend([
        Change::DeletePartnership(PartnershipId::new("custom--link").unwrap()),
        Change::DeleteMembership("special-id".parse().unwrap()),
        Change::DeleteNetwork("iclei".parse().unwrap()),
        Change::DeleteCity(CityId::new("us-boston").unwrap()),
        plain_city("us-boston"),
    ]);
    let page = encode_changes(&changes);
    assert_eq!(decode_changes(&page).unwrap(), changes);
    assert_eq!(decode_changes(&encode_changes(&[])).unwrap(), vec![]);
    assert!(decode_changes(&page[..page.len() - 3]).is_err());
}

#[test]
fn the_folder_keeps_the_newest_image_and_skips_broken_ones() {
    let dir = tempfile::tempdir().unwrap();
    let ck = CheckpointDir::new(dir.path().join("checkpoints"));
    let mut snap = rich_snapshot();
    snap.version = 3;
    ck.write(&snap, 30).unwrap();
    let (more, _) = snap.with_changes(&[plain_city("zz-new")]).unwrap();
    let mut more = more;
    more.version = 5;
    let (path5, _) = ck.write(&more, 50).unwrap();
    assert_eq!(ck.list().unwrap().len(), 1, "older images are deleted");
    let loaded = ck.load(&|_| Ok(())).unwrap();
    assert_eq!(loaded.snapshot.unwrap().0, more);

    // A refused image is reported, with the caller's reason.
    let loaded = ck
        .load(&|h| Err(format!("not mine: {}", h.fingerprint)))
        .unwrap();
    assert!(loaded.snapshot.is_none());
    assert_eq!(loaded.rejected[0].reason, "not mine: 50");

    // A damaged newest image falls back to an older one when there is one.
    std::fs::copy(&path5, dir.path().join("keep")).unwrap();
    ck.write(&snap, 30).unwrap(); // version 3 again: 5 stays, being newer
    assert_eq!(ck.list().unwrap().len(), 2);
    let mut bytes = std::fs::read(&path5).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&path5, &bytes).unwrap();
    let loaded = ck.load(&|_| Ok(())).unwrap();
    assert_eq!(loaded.snapshot.unwrap().0, snap);
    assert!(
        loaded.rejected[0].reason.contains("checksum"),
        "{:?}",
        loaded.rejected
    );

    // Temporary files of an interrupted write are removed.
    std::fs::write(
        ck.path().join(".checkpoint-00000000000000000009.tmp"),
        b"half",
    )
    .unwrap();
    assert_eq!(ck.remove_temporaries().unwrap(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random graphs built by random (valid or refused) changes round-trip exactly.
    #[test]
    fn random_graphs_round_trip(ops in proptest::collection::vec((0u8..6, 0usize..12, 0usize..12, 0u8..4), 0..80)) {
        let mut s = Snapshot::default();
        let id = |i: usize| format!("c{i}");
        for (op, a, b, k) in ops {
            let change = match op {
                0 | 1 => plain_city(&id(a)),
                2 => Change::DeleteCity(CityId::new(&id(a)).unwrap()),
                3 => Change::PutPartnership(Arc::new(serde_json::from_str(&format!(
                    r#"{{"cities":["{}","{}"],"kind":"{}","events":[{{"type":"established","date":"{}"}}]}}"#,
                    id(a), id(b), ["sister_city","friendship_city","cooperation_agreement","memorandum"][k as usize], 1950 + a * 3 + b
                )).unwrap_or_else(|_| Partnership {
                    id: PartnershipId::new("c0--c1").unwrap(),
                    cities: [CityId::new("c0").unwrap(), CityId::new("c1").unwrap()],
                    kind: citygraph_core::PartnershipKind::SisterCity,
                    events: vec![], sources: vec![], note: None,
                }))),
                4 => Change::PutNetwork(Arc::new(serde_json::from_str(&format!(r#"{{"id":"n{k}","name":"N{k}"}}"#)).unwrap())),
                _ => Change::PutMembership(Arc::new(serde_json::from_str(&format!(
                    r#"{{"city":"{}","network":"n{k}","joined":"{}"}}"#, id(a), 1990 + b
                )).unwrap())),
            };
            let _ = s.apply(&change);
        }
        let bytes = image::encode(&s, 9);
        prop_assert_eq!(image::decode(&bytes).unwrap().0, s);
    }
}
