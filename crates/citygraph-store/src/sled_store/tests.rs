use std::sync::Arc;

use citygraph_core::{CityId, Partnership, PartnershipId};
use proptest::prelude::*;

use super::*;

fn city(id: &str) -> Change {
    named(id, id)
}

fn named(id: &str, name: &str) -> Change {
    Change::PutCity(Arc::new(
        serde_json::from_str(&format!(
            r#"{{"id":"{id}","name":"{name}","country":"FR","region":"europe","lat":1.0,"lon":2.0}}"#
        ))
        .unwrap(),
    ))
}

fn link(a: &str, b: &str) -> Change {
    Change::PutPartnership(Arc::new(
        serde_json::from_str(&format!(
            r#"{{"cities":["{a}","{b}"],"events":[{{"type":"established","date":"1990"}}]}}"#
        ))
        .unwrap(),
    ))
}

fn commit(s: &SledStore, op: &str, changes: &[Change]) -> u64 {
    s.commit(LogEntry::describe(op, changes), changes).unwrap()
}

/// The graph the changes make from nothing, applied one at a time with every check.
fn rebuilt(all: &[Vec<Change>]) -> Snapshot {
    let mut snap = Snapshot::default();
    for changes in all {
        for c in changes {
            snap.apply(c).unwrap();
        }
    }
    snap.version = all.len() as u64;
    snap
}

fn small_bulk() -> StoreOptions {
    StoreOptions {
        bulk_threshold: 2,
        ..StoreOptions::default()
    }
}

#[test]
fn commits_survive_reopening_and_bump_the_version() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = SledStore::open(dir.path()).unwrap();
        assert_eq!(s.version().unwrap(), 0);
        assert_eq!(
            commit(&s, "import", &[city("a"), city("b"), link("a", "b")]),
            1
        );
        let del = [Change::DeletePartnership(
            PartnershipId::new("a--b").unwrap(),
        )];
        assert_eq!(commit(&s, "delete_partnership", &del), 2);
    }
    let s = SledStore::open(dir.path()).unwrap();
    let snap = s.load().unwrap();
    assert_eq!(snap.version, 2);
    assert_eq!(snap.cities.len(), 2);
    assert!(snap.partnerships.is_empty());
    let log = s.changes_since(0, 10).unwrap();
    assert_eq!(
        log.iter()
            .map(|e| (e.version, e.op.as_str(), e.count))
            .collect::<Vec<_>>(),
        vec![(1, "import", 3), (2, "delete_partnership", 1)]
    );
    assert_eq!(s.changes_since(1, 10).unwrap().len(), 1);
    assert_eq!(log[1].changes[0].action, "delete");
}

#[test]
fn every_change_of_a_large_entry_is_kept_and_read_in_pages() {
    let dir = tempfile::tempdir().unwrap();
    let s = SledStore::open_with(dir.path(), small_bulk()).unwrap();
    let n = 2 * PAGE_CHANGES + 123;
    let changes: Vec<Change> = (0..n).map(|i| city(&format!("c{i:06}"))).collect();
    assert_eq!(commit(&s, "import", &changes), 1);
    let head = &s.changes_since(0, 1).unwrap()[0];
    assert_eq!((head.count, head.truncated), (n as u64, true));
    // All of it, then pages across page boundaries, then the tail.
    assert_eq!(s.entry_changes(1, 0, usize::MAX).unwrap(), changes);
    let at = PAGE_CHANGES as u64 - 5;
    assert_eq!(
        s.entry_changes(1, at, 10).unwrap(),
        changes[at as usize..at as usize + 10]
    );
    assert_eq!(
        s.entry_changes(1, n as u64 - 3, 100).unwrap(),
        changes[n - 3..]
    );
    assert!(s.entry_changes(1, n as u64, 10).unwrap().is_empty());
    assert!(matches!(
        s.entry_changes(2, 0, 10),
        Err(StoreError::UnknownVersion(2))
    ));
    assert!(matches!(
        s.entry_changes(0, 0, 10),
        Err(StoreError::UnknownVersion(0))
    ));
    // A small commit after it is one transaction, read back the same way.
    let more = [
        named("c000001", "renamed"),
        Change::DeleteCity(CityId::new("c000002").unwrap()),
    ];
    assert_eq!(commit(&s, "edit", &more), 2);
    assert_eq!(s.entry_changes(2, 0, 10).unwrap(), more);
    drop(s);
    let s = SledStore::open(dir.path()).unwrap();
    let snap = s.load().unwrap();
    assert_eq!(snap, rebuilt(&[changes, more.to_vec()]));
}

/// Step 1 of a bulk commit of `changes` as the next version, without its commit point: what a
/// crash just before it leaves.
fn write_pages_uncommitted(s: &SledStore, changes: &[Change]) {
    let next = s.version().unwrap() + 1;
    for (i, p) in encode_pages(changes).into_iter().enumerate() {
        s.pages.insert(page_key(next, i as u32), p).unwrap();
    }
    s.db.flush().unwrap();
}

#[test]
fn an_interrupted_bulk_commit_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let first = vec![city("a"), city("b"), link("a", "b")];
    let second: Vec<Change> = (0..40).map(|i| city(&format!("n{i}"))).collect();
    {
        let s = SledStore::open_with(dir.path(), small_bulk()).unwrap();
        commit(&s, "import", &first);
        write_pages_uncommitted(&s, &second);
        assert_eq!(s.pages.len(), 2);
    }
    let s = SledStore::open_with(dir.path(), small_bulk()).unwrap();
    assert_eq!(s.version().unwrap(), 1);
    assert_eq!(s.pages.len(), 1, "the orphan page is removed");
    assert_eq!(s.load().unwrap(), rebuilt(std::slice::from_ref(&first)));
    // And the same bulk commit goes through afterwards.
    assert_eq!(commit(&s, "import", &second), 2);
    assert_eq!(s.load().unwrap(), rebuilt(&[first, second]));
}

#[test]
fn refuses_a_version_1_folder_and_names_the_upgrade_path() {
    let dir = tempfile::tempdir().unwrap();
    {
        // What format 1 wrote: entities one key each, JSON records.
        let db = sled::open(dir.path()).unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert(K_FORMAT, b"1".as_slice())
            .unwrap();
        db.open_tree("cities")
            .unwrap()
            .insert(b"fr-paris", br#"{"id":"fr-paris"}"#.as_slice())
            .unwrap();
        db.flush().unwrap();
    }
    let err = SledStore::open(dir.path()).unwrap_err();
    assert!(
        matches!(err, StoreError::FormatVersion { ref found, supported: 2, .. } if found == "1"),
        "{err}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("export it") && msg.contains("import the export"),
        "{msg}"
    );
}

#[test]
fn refuses_an_unknown_format_version() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = SledStore::open(dir.path()).unwrap();
        s.meta.insert(K_FORMAT, b"999".as_slice()).unwrap();
        s.db.flush().unwrap();
    }
    let err = SledStore::open(dir.path()).unwrap_err();
    assert!(
        matches!(err, StoreError::FormatVersion { ref found, supported: 2, .. } if found == "999"),
        "{err}"
    );
}

#[test]
fn refuses_data_without_a_format_version() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path()).unwrap();
        db.open_tree("cities")
            .unwrap()
            .insert(b"x", b"{}".as_slice())
            .unwrap();
        db.flush().unwrap();
    }
    assert!(matches!(
        SledStore::open(dir.path()).unwrap_err(),
        StoreError::UnknownFormat { .. }
    ));
}

#[test]
fn a_corrupt_page_is_reported_with_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let s = SledStore::open(dir.path()).unwrap();
    commit(&s, "x", &[city("a")]);
    s.pages
        .insert(page_key(1, 0), b"\x01garbage".as_slice())
        .unwrap();
    let err = s.load().unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { tree: "log_pages", ref key, .. } if key == "1/0"),
        "{err}"
    );
}

/// Versions 1..=3 committed, a checkpoint at 2.
fn with_checkpoint(path: &Path) -> (SledStore, Vec<Vec<Change>>) {
    let s = SledStore::open(path).unwrap();
    let all = vec![
        vec![city("a"), city("b"), link("a", "b")],
        vec![named("a", "A"), city("c")],
        vec![link("b", "c")],
    ];
    commit(&s, "one", &all[0]);
    commit(&s, "two", &all[1]);
    let at2 = rebuilt(&all[..2]);
    assert_eq!(
        s.write_checkpoint(&at2).unwrap(),
        Some(CheckpointInfo {
            version: 2,
            bytes: std::fs::metadata(&s.checkpoints().list().unwrap()[0].1)
                .unwrap()
                .len()
        })
    );
    commit(&s, "three", &all[2]);
    (s, all)
}

#[test]
fn load_starts_from_the_checkpoint_and_replays_the_entries_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let (s, all) = with_checkpoint(dir.path());
    assert_eq!(s.checkpoint_version().unwrap(), Some(2));
    // The pages of versions 1 and 2 are not read: damage them and load still works.
    for v in [1, 2] {
        s.pages
            .insert(page_key(v, 0), b"\x01damaged".as_slice())
            .unwrap();
    }
    assert_eq!(s.load().unwrap(), rebuilt(&all));
}

#[test]
fn a_damaged_stale_or_foreign_checkpoint_falls_back_to_the_full_rebuild() {
    type Damage = fn(&Path, &SledStore);
    let damages: [(&str, Damage); 5] = [
        ("truncated", |p, _| {
            let b = std::fs::read(p).unwrap();
            std::fs::write(p, &b[..b.len() / 2]).unwrap();
        }),
        ("bit flip", |p, _| {
            let mut b = std::fs::read(p).unwrap();
            let at = b.len() - 30;
            b[at] ^= 0x04;
            std::fs::write(p, &b).unwrap();
        }),
        ("older format", |p, _| {
            let mut b = std::fs::read(p).unwrap();
            b[8..12].copy_from_slice(&0u32.to_le_bytes());
            std::fs::write(p, &b).unwrap();
        }),
        ("ahead of the log", |p, s| {
            // An image of version 9 of some other folder.
            let (mut other, _) = Snapshot::default().with_changes(&[city("zz")]).unwrap();
            other.version = 9;
            std::fs::remove_file(p).unwrap();
            s.checkpoints().write(&other, 1).unwrap();
        }),
        ("another history", |p, s| {
            // Version 2 of a different graph: its fingerprint differs.
            let (mut other, _) = Snapshot::default().with_changes(&[city("zz")]).unwrap();
            other.version = 2;
            std::fs::remove_file(p).unwrap();
            s.checkpoints().write(&other, 12345).unwrap();
        }),
    ];
    for (what, damage) in damages {
        let dir = tempfile::tempdir().unwrap();
        let (s, all) = with_checkpoint(dir.path());
        let path = s.checkpoints().list().unwrap()[0].1.clone();
        damage(&path, &s);
        assert_eq!(s.load().unwrap(), rebuilt(&all), "{what}");
    }
}

#[derive(Clone, Debug)]
enum Op {
    City(u8),
    Rename(u8),
    Link(u8, u8),
    Unlink(u8, u8),
    DeleteCity(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..8).prop_map(Op::City),
        (0u8..8).prop_map(Op::Rename),
        (0u8..8, 1u8..8).prop_map(|(a, d)| Op::Link(a, (a + d) % 8)),
        (0u8..8, 1u8..8).prop_map(|(a, d)| Op::Unlink(a, (a + d) % 8)),
        (0u8..8).prop_map(Op::DeleteCity),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A checkpoint at any version plus the log replayed after it is the graph the whole log
    /// rebuilds, and the graph the writes made.
    #[test]
    fn checkpoint_and_replayed_log_equal_the_full_rebuild(
        batches in proptest::collection::vec(proptest::collection::vec(op(), 1..6), 1..10),
        at in 0usize..10,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let s = SledStore::open_with(dir.path(), StoreOptions { bulk_threshold: 3, ..StoreOptions::default() }).unwrap();
        let mut live = Snapshot::default();
        let mut committed: Vec<Vec<Change>> = Vec::new();
        let id = |i: u8| format!("c{i}");
        for batch in batches {
            // Keep the changes the live graph accepts, as the service does before committing.
            let mut next = live.clone();
            let mut changes = Vec::new();
            for o in batch {
                let c = match o {
                    Op::City(i) => city(&id(i)),
                    Op::Rename(i) => named(&id(i), &format!("renamed {i}")),
                    Op::Link(a, b) => link(&id(a), &id(b)),
                    Op::Unlink(a, b) => Change::DeletePartnership(Partnership::default_id(&CityId::new(&id(a)).unwrap(), &CityId::new(&id(b)).unwrap(), citygraph_core::PartnershipKind::SisterCity)),
                    Op::DeleteCity(i) => Change::DeleteCity(CityId::new(&id(i)).unwrap()),
                };
                if next.apply(&c).is_ok() {
                    changes.push(c);
                }
            }
            if changes.is_empty() {
                continue;
            }
            next.version = commit(&s, "batch", &changes);
            live = next;
            committed.push(changes);
            if committed.len() == at {
                s.write_checkpoint(&live).unwrap();
            }
        }
        let loaded = s.load().unwrap();
        prop_assert_eq!(&loaded, &live);
        prop_assert_eq!(&loaded, &rebuilt(&committed));
        std::fs::remove_dir_all(s.checkpoints().path()).ok();
        prop_assert_eq!(&s.load().unwrap(), &live);
    }
}
