//! Group commit over a real sled store: concurrent writers share flushes, a write is visible only
//! once it is durable, and every acknowledged write is on disk.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use citygraph_core::{Change, City, Snapshot};
use citygraph_service::{Service, ServiceConfig};
use citygraph_store::{GraphStore, LogEntry, SledStore, StoreError};

/// A sled store whose first sync waits until a gate is opened, counting commits and syncs.
struct GatedStore {
    inner: SledStore,
    commits: AtomicUsize,
    syncs: AtomicUsize,
    gate: Mutex<bool>,
    opened: Condvar,
}

impl GraphStore for GatedStore {
    fn load(&self) -> Result<Snapshot, StoreError> {
        self.inner.load()
    }
    fn commit_unsynced(&self, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError> {
        let v = self.inner.commit_unsynced(entry, changes)?;
        self.commits.fetch_add(1, Ordering::SeqCst);
        Ok(v)
    }
    fn sync(&self) -> Result<(), StoreError> {
        let mut open = self.gate.lock().unwrap();
        while !*open {
            open = self.opened.wait(open).unwrap();
        }
        self.syncs.fetch_add(1, Ordering::SeqCst);
        self.inner.sync()
    }
    fn version(&self) -> Result<u64, StoreError> {
        self.inner.version()
    }
    fn changes_since(&self, since: u64, limit: usize) -> Result<Vec<LogEntry>, StoreError> {
        self.inner.changes_since(since, limit)
    }
    fn entry_changes(
        &self,
        version: u64,
        offset: u64,
        limit: usize,
    ) -> Result<Vec<Change>, StoreError> {
        self.inner.entry_changes(version, offset, limit)
    }
}

fn city(i: usize) -> City {
    serde_json::from_value(serde_json::json!({
        "id": format!("c{i}"), "name": format!("City {i}"), "country": "FR", "region": "europe",
        "lat": 45.0, "lon": 2.0
    }))
    .unwrap()
}

#[test]
fn concurrent_writers_share_flushes_and_see_only_durable_versions() {
    const WRITERS: usize = 8;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(GatedStore {
        inner: SledStore::open(dir.path()).unwrap(),
        commits: AtomicUsize::new(0),
        syncs: AtomicUsize::new(0),
        gate: Mutex::new(false),
        opened: Condvar::new(),
    });
    let svc = Arc::new(Service::open(store.clone(), ServiceConfig::default()).unwrap());
    let handles: Vec<_> = (0..WRITERS)
        .map(|i| {
            let svc = svc.clone();
            std::thread::spawn(move || svc.create_city(city(i)).unwrap().1)
        })
        .collect();
    // Every writer commits its transaction while the first sync is held at the gate.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while store.commits.load(Ordering::SeqCst) < WRITERS {
        assert!(
            std::time::Instant::now() < deadline,
            "writers did not commit"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    // Committed but not durable: readers still see the empty graph.
    assert_eq!(svc.version(), 0);
    assert!(svc.snapshot().cities.is_empty());
    {
        *store.gate.lock().unwrap() = true;
        store.opened.notify_all();
    }
    let mut versions: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    versions.sort_unstable();
    assert_eq!(versions, (1..=WRITERS as u64).collect::<Vec<_>>());
    // The first sync covered the first writer; one more covered all who waited behind it.
    let syncs = store.syncs.load(Ordering::SeqCst);
    assert!(syncs <= 2, "{syncs} syncs for {WRITERS} writes");
    assert_eq!(svc.version(), WRITERS as u64);
    assert_eq!(svc.snapshot().cities.len(), WRITERS);
    drop(svc);
    drop(store);
    // And all of it is on disk.
    let reopened = SledStore::open(dir.path()).unwrap().load().unwrap();
    assert_eq!(reopened.version, WRITERS as u64);
    assert_eq!(reopened.cities.len(), WRITERS);
}

#[test]
fn a_write_returns_with_its_version_visible() {
    let dir = tempfile::tempdir().unwrap();
    let svc = Arc::new(
        Service::open(
            Arc::new(SledStore::open(dir.path()).unwrap()),
            ServiceConfig::default(),
        )
        .unwrap(),
    );
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let svc = svc.clone();
            std::thread::spawn(move || {
                for i in (t..200).step_by(4) {
                    let (c, v) = svc.create_city(city(i)).unwrap();
                    // Read your writes: the version that made it, or a later one, is visible.
                    let snap = svc.snapshot();
                    assert!(snap.version >= v);
                    assert!(snap.city(c.id.as_str()).is_some());
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(svc.version(), 200);
    let log = svc.changes_since(0, 1000).unwrap();
    assert_eq!(
        log.iter().map(|e| e.version).collect::<Vec<_>>(),
        (1..=200).collect::<Vec<_>>()
    );
}
