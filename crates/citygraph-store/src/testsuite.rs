//! The store test suite, generic over the backend: every [`GraphStore`] runs the same tests.
//!
//! A backend implements [`Backend`] (how to make a fresh, empty store, and the few ways a test
//! damages one: a commit interrupted before its commit point, a corrupt page, a foreign format
//! version), then stamps the suite out with [`store_suite!`](crate::store_suite), as IndraDB's
//! `full_test_impl!` does for its datastores. `citygraph-store` stamps it for sled, and
//! `citygraph-store-postgres` for PostgreSQL.

use std::sync::Arc;

use citygraph_checkpoint::CheckpointDir;
use citygraph_core::{Change, CityId, Partnership, PartnershipId, Snapshot};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::{CheckpointInfo, GraphStore, LogEntry, StoreError, PAGE_CHANGES};

/// What the suite needs of a backend.
pub trait Backend {
    type Store: GraphStore + std::fmt::Debug;
    /// Where one store lives (a temporary folder, a database schema); dropping it removes it.
    type Place;
    /// A new, empty place.
    fn place(&self) -> Self::Place;
    /// Opens (or creates) the store at `place`; commits of more than `bulk_threshold` changes
    /// are bulk commits.
    fn open(&self, place: &Self::Place, bulk_threshold: usize) -> Result<Self::Store, StoreError>;
    /// Writes what a commit of `changes` as the next version writes before its commit point, and
    /// stops there, as a crash (or a lost connection) would.
    fn interrupt_bulk_commit(&self, store: &Self::Store, changes: &[Change]);
    /// The number of log pages stored, committed or not.
    fn page_count(&self, store: &Self::Store) -> usize;
    /// Overwrites page `page` of entry `version` with `bytes`.
    fn overwrite_page(&self, store: &Self::Store, version: u64, page: u32, bytes: &[u8]);
    /// Records `found` as the format version of the store at `place` (the store is closed).
    fn set_format_version(&self, place: &Self::Place, found: &str);
    /// Puts data that citygraph did not write, and no format version, at `place`.
    fn write_foreign(&self, place: &Self::Place);
    /// The store's local checkpoint folder.
    fn checkpoints(&self, store: &Self::Store) -> CheckpointDir;
}

/// Stamps out every test of the suite for a backend: `store_suite!(Some(MyBackend))`. The
/// expression is an `Option` of the backend; `None` skips (a backend that needs a server the
/// environment does not provide says so itself).
#[macro_export]
macro_rules! store_suite {
    ($backend:expr) => {
        $crate::store_suite!(@each $backend;
            commits_survive_reopening_and_bump_the_version,
            every_change_of_a_large_entry_is_kept_and_read_in_pages,
            an_interrupted_bulk_commit_leaves_the_store_as_it_was,
            refuses_an_unknown_format_version,
            refuses_data_without_a_format_version,
            a_corrupt_page_is_reported_with_its_key,
            load_starts_from_the_checkpoint_and_replays_the_entries_after_it,
            a_damaged_stale_or_foreign_checkpoint_falls_back_to_the_full_rebuild,
            replay_applies_the_entries_after_a_version,
            checkpoint_and_replayed_log_equal_the_full_rebuild
        );
    };
    (@each $backend:expr; $($name:ident),*) => {
        $(
            #[test]
            fn $name() {
                if let Some(b) = $backend {
                    $crate::testsuite::$name(&b);
                }
            }
        )*
    };
}

/// A city change with the id as its name.
pub fn city(id: &str) -> Change {
    named(id, id)
}

/// A city change.
pub fn named(id: &str, name: &str) -> Change {
    Change::PutCity(Arc::new(
        serde_json::from_str(&format!(
            r#"{{"id":"{id}","name":"{name}","country":"FR","region":"europe","lat":1.0,"lon":2.0}}"#
        ))
        .expect("a valid city"),
    ))
}

/// A sister-city link established in 1990.
pub fn link(a: &str, b: &str) -> Change {
    Change::PutPartnership(Arc::new(
        serde_json::from_str(&format!(
            r#"{{"cities":["{a}","{b}"],"events":[{{"type":"established","date":"1990"}}]}}"#
        ))
        .expect("a valid link"),
    ))
}

fn commit(s: &dyn GraphStore, op: &str, changes: &[Change]) -> u64 {
    s.commit(LogEntry::describe(op, changes), changes).unwrap()
}

/// The graph the changes make from nothing, applied one at a time with every check.
pub fn rebuilt(all: &[Vec<Change>]) -> Snapshot {
    let mut snap = Snapshot::default();
    for changes in all {
        for c in changes {
            snap.apply(c).unwrap();
        }
    }
    snap.version = all.len() as u64;
    snap
}

const DEFAULT_BULK: usize = 20_000;

pub fn commits_survive_reopening_and_bump_the_version<B: Backend>(b: &B) {
    let place = b.place();
    {
        let s = b.open(&place, DEFAULT_BULK).unwrap();
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
    let s = b.open(&place, DEFAULT_BULK).unwrap();
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
    assert_eq!(s.changes_since(0, 1).unwrap().len(), 1);
    assert_eq!(log[1].changes[0].action, "delete");
}

pub fn every_change_of_a_large_entry_is_kept_and_read_in_pages<B: Backend>(b: &B) {
    let place = b.place();
    let s = b.open(&place, 2).unwrap();
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
    let s = b.open(&place, DEFAULT_BULK).unwrap();
    let snap = s.load().unwrap();
    assert_eq!(snap, rebuilt(&[changes, more.to_vec()]));
}

pub fn an_interrupted_bulk_commit_leaves_the_store_as_it_was<B: Backend>(b: &B) {
    let place = b.place();
    let first = vec![city("a"), city("b"), link("a", "b")];
    let second: Vec<Change> = (0..40).map(|i| city(&format!("n{i}"))).collect();
    {
        let s = b.open(&place, 2).unwrap();
        commit(&s, "import", &first);
        b.interrupt_bulk_commit(&s, &second);
    }
    let s = b.open(&place, 2).unwrap();
    assert_eq!(s.version().unwrap(), 1);
    assert_eq!(
        b.page_count(&s),
        1,
        "no page of the interrupted commit is left"
    );
    assert_eq!(s.load().unwrap(), rebuilt(std::slice::from_ref(&first)));
    assert_eq!(s.changes_since(0, 10).unwrap().len(), 1);
    // And the same bulk commit goes through afterwards.
    assert_eq!(commit(&s, "import", &second), 2);
    assert_eq!(s.load().unwrap(), rebuilt(&[first, second]));
}

pub fn refuses_an_unknown_format_version<B: Backend>(b: &B) {
    let place = b.place();
    drop(b.open(&place, DEFAULT_BULK).unwrap());
    b.set_format_version(&place, "999");
    let err = b.open(&place, DEFAULT_BULK).unwrap_err();
    assert!(
        matches!(err, StoreError::FormatVersion { ref found, supported: 2, .. } if found == "999"),
        "{err}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("export it") && msg.contains("import the export"),
        "{msg}"
    );
}

pub fn refuses_data_without_a_format_version<B: Backend>(b: &B) {
    let place = b.place();
    b.write_foreign(&place);
    let err = b.open(&place, DEFAULT_BULK).unwrap_err();
    assert!(matches!(err, StoreError::UnknownFormat { .. }), "{err}");
}

pub fn a_corrupt_page_is_reported_with_its_key<B: Backend>(b: &B) {
    let place = b.place();
    let s = b.open(&place, DEFAULT_BULK).unwrap();
    commit(&s, "x", &[city("a")]);
    b.overwrite_page(&s, 1, 0, b"\x01garbage");
    let err = s.load().unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { tree: "log_pages", ref key, .. } if key == "1/0"),
        "{err}"
    );
}

/// Versions 1..=3 committed, a checkpoint at 2.
fn with_checkpoint<B: Backend>(b: &B, place: &B::Place) -> (B::Store, Vec<Vec<Change>>) {
    let s = b.open(place, DEFAULT_BULK).unwrap();
    let all = vec![
        vec![city("a"), city("b"), link("a", "b")],
        vec![named("a", "A"), city("c")],
        vec![link("b", "c")],
    ];
    commit(&s, "one", &all[0]);
    commit(&s, "two", &all[1]);
    let at2 = rebuilt(&all[..2]);
    let info = s.write_checkpoint(&at2).unwrap();
    let dir = b.checkpoints(&s);
    assert_eq!(
        info,
        Some(CheckpointInfo {
            version: 2,
            bytes: std::fs::metadata(&dir.list().unwrap()[0].1).unwrap().len()
        })
    );
    commit(&s, "three", &all[2]);
    (s, all)
}

pub fn load_starts_from_the_checkpoint_and_replays_the_entries_after_it<B: Backend>(b: &B) {
    let place = b.place();
    let (s, all) = with_checkpoint(b, &place);
    assert_eq!(s.checkpoint_version().unwrap(), Some(2));
    // The pages of versions 1 and 2 are not read: damage them and load still works.
    for v in [1, 2] {
        b.overwrite_page(&s, v, 0, b"\x01damaged");
    }
    assert_eq!(s.load().unwrap(), rebuilt(&all));
}

pub fn a_damaged_stale_or_foreign_checkpoint_falls_back_to_the_full_rebuild<B: Backend>(b: &B) {
    type Damage = fn(&std::path::Path, &CheckpointDir);
    let damages: [(&str, Damage); 5] = [
        ("truncated", |p, _| {
            let bytes = std::fs::read(p).unwrap();
            std::fs::write(p, &bytes[..bytes.len() / 2]).unwrap();
        }),
        ("bit flip", |p, _| {
            let mut bytes = std::fs::read(p).unwrap();
            let at = bytes.len() - 30;
            bytes[at] ^= 0x04;
            std::fs::write(p, &bytes).unwrap();
        }),
        ("older format", |p, _| {
            let mut bytes = std::fs::read(p).unwrap();
            bytes[8..12].copy_from_slice(&0u32.to_le_bytes());
            std::fs::write(p, &bytes).unwrap();
        }),
        ("ahead of the log", |p, dir| {
            // An image of version 9 of some other store.
            let (mut other, _) = Snapshot::default().with_changes(&[city("zz")]).unwrap();
            other.version = 9;
            std::fs::remove_file(p).unwrap();
            dir.write(&other, 1).unwrap();
        }),
        ("another history", |p, dir| {
            // Version 2 of a different graph: its fingerprint differs.
            let (mut other, _) = Snapshot::default().with_changes(&[city("zz")]).unwrap();
            other.version = 2;
            std::fs::remove_file(p).unwrap();
            dir.write(&other, 12345).unwrap();
        }),
    ];
    for (what, damage) in damages {
        let place = b.place();
        let (s, all) = with_checkpoint(b, &place);
        let dir = b.checkpoints(&s);
        let path = dir.list().unwrap()[0].1.clone();
        damage(&path, &dir);
        assert_eq!(s.load().unwrap(), rebuilt(&all), "{what}");
    }
}

pub fn replay_applies_the_entries_after_a_version<B: Backend>(b: &B) {
    let place = b.place();
    let s = b.open(&place, 2).unwrap();
    let all = vec![
        vec![city("a"), city("b"), link("a", "b")],
        vec![Change::DeletePartnership(
            PartnershipId::new("a--b").unwrap(),
        )],
        (0..5).map(|i| city(&format!("x{i}"))).collect::<Vec<_>>(),
    ];
    for (i, c) in all.iter().enumerate() {
        assert_eq!(commit(&s, "w", c), i as u64 + 1);
    }
    let mut snap = rebuilt(&all[..1]);
    assert_eq!(s.replay(&mut snap, 1, 3).unwrap(), 6);
    assert_eq!(snap, rebuilt(&all));
    // Replaying onto the wrong base is refused with the version that did not apply.
    let mut wrong = Snapshot::default();
    let err = s.replay(&mut wrong, 1, 2).unwrap_err();
    assert!(
        matches!(err, StoreError::Inconsistent(ref m) if m.contains("version 2")),
        "{err}"
    );
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

/// A checkpoint at any version plus the log replayed after it is the graph the whole log
/// rebuilds, and the graph the writes made.
pub fn checkpoint_and_replayed_log_equal_the_full_rebuild<B: Backend>(b: &B) {
    let strategy = (
        proptest::collection::vec(proptest::collection::vec(op(), 1..6), 1..10),
        0usize..10,
    );
    let mut runner = TestRunner::new(Config {
        cases: 24,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy, |(batches, at)| {
        let place = b.place();
        let s = b.open(&place, 3).unwrap();
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
                    Op::Unlink(a, b) => Change::DeletePartnership(Partnership::default_id(
                        &CityId::new(&id(a)).unwrap(),
                        &CityId::new(&id(b)).unwrap(),
                        citygraph_core::PartnershipKind::SisterCity,
                    )),
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
        std::fs::remove_dir_all(b.checkpoints(&s).path()).ok();
        prop_assert_eq!(&s.load().unwrap(), &live);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// The sled backend of the suite: a store in a temporary folder.
pub struct SledBackend;

impl Backend for SledBackend {
    type Store = crate::SledStore;
    type Place = tempfile::TempDir;

    fn place(&self) -> tempfile::TempDir {
        tempfile::tempdir().expect("a temporary folder")
    }

    fn open(
        &self,
        place: &tempfile::TempDir,
        bulk_threshold: usize,
    ) -> Result<Self::Store, StoreError> {
        crate::SledStore::open_with(
            place.path(),
            crate::StoreOptions {
                bulk_threshold,
                ..crate::StoreOptions::default()
            },
        )
    }

    fn interrupt_bulk_commit(&self, store: &Self::Store, changes: &[Change]) {
        store.write_pages_uncommitted(changes);
    }

    fn page_count(&self, store: &Self::Store) -> usize {
        store.page_count()
    }

    fn overwrite_page(&self, store: &Self::Store, version: u64, page: u32, bytes: &[u8]) {
        store.overwrite_page(version, page, bytes);
    }

    fn set_format_version(&self, place: &tempfile::TempDir, found: &str) {
        let db = crate::sled_store::open_waiting_for_lock(&sled::Config::new().path(place.path()))
            .unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert(b"format_version", found.as_bytes())
            .unwrap();
        db.flush().unwrap();
    }

    fn write_foreign(&self, place: &tempfile::TempDir) {
        let db = crate::sled_store::open_waiting_for_lock(&sled::Config::new().path(place.path()))
            .unwrap();
        db.open_tree("cities")
            .unwrap()
            .insert(b"x", b"{}".as_slice())
            .unwrap();
        db.flush().unwrap();
    }

    fn checkpoints(&self, store: &Self::Store) -> CheckpointDir {
        store.checkpoints().clone()
    }
}
