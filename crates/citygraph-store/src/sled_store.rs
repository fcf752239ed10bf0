//! The sled implementation of [`GraphStore`].
//!
//! Layout (format version 1):
//! - tree `meta`: `format_version` -> ASCII decimal; `version` -> u64 big-endian (last committed);
//! - trees `cities`, `networks`, `memberships`, `partnerships`: id bytes -> JSON record of the
//!   entity (the core model's serde form, i.e. a seed-format line without `type`); ids are ASCII
//!   slugs, so key order is id order;
//! - tree `changelog`: version as u64 big-endian -> JSON [`LogEntry`]; append-only.
//!
//! Adjacency (which partnerships touch a city) is not stored: it is derived when the snapshot is
//! built, so it can never disagree with the partnerships themselves.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use citygraph_core::{Change, City, Membership, Network, Partnership, Snapshot};
use serde::de::DeserializeOwned;
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::{Transactional, Tree};

use crate::{GraphStore, LogEntry, StoreError};

/// The on-disk format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

const K_FORMAT: &[u8] = b"format_version";
const K_VERSION: &[u8] = b"version";

/// A store in a sled database folder.
pub struct SledStore {
    path: PathBuf,
    db: sled::Db,
    meta: Tree,
    cities: Tree,
    networks: Tree,
    memberships: Tree,
    partnerships: Tree,
    log: Tree,
}

impl std::fmt::Debug for SledStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SledStore")
            .field("path", &self.path)
            .finish()
    }
}

impl SledStore {
    /// Opens (or creates) the store in `path`, checking the format version.
    pub fn open(path: &Path) -> Result<SledStore, StoreError> {
        let db = sled::Config::new().path(path).open()?;
        let store = SledStore {
            path: path.to_owned(),
            meta: db.open_tree("meta")?,
            cities: db.open_tree("cities")?,
            networks: db.open_tree("networks")?,
            memberships: db.open_tree("memberships")?,
            partnerships: db.open_tree("partnerships")?,
            log: db.open_tree("changelog")?,
            db,
        };
        match store.meta.get(K_FORMAT)? {
            Some(v) => {
                let found = String::from_utf8_lossy(&v).into_owned();
                if found != FORMAT_VERSION.to_string() {
                    return Err(StoreError::FormatVersion {
                        path: path.display().to_string(),
                        found,
                        supported: FORMAT_VERSION,
                    });
                }
            }
            None => {
                let empty = [
                    &store.cities,
                    &store.networks,
                    &store.memberships,
                    &store.partnerships,
                    &store.log,
                ]
                .iter()
                .all(|t| t.is_empty());
                if !empty {
                    return Err(StoreError::UnknownFormat {
                        path: path.display().to_string(),
                    });
                }
                store
                    .meta
                    .insert(K_FORMAT, FORMAT_VERSION.to_string().as_bytes())?;
                store.db.flush()?;
            }
        }
        Ok(store)
    }

    /// The folder of the database.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the store holds no entity at all (a fresh data folder).
    pub fn is_empty(&self) -> bool {
        [
            &self.cities,
            &self.networks,
            &self.memberships,
            &self.partnerships,
        ]
        .iter()
        .all(|t| t.is_empty())
    }

    /// Bytes on disk, as sled reports them.
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        Ok(self.db.size_on_disk()?)
    }

    fn read_tree<T: DeserializeOwned>(
        tree: &Tree,
        name: &'static str,
    ) -> Result<Vec<T>, StoreError> {
        let mut out = Vec::with_capacity(tree.len());
        for kv in tree.iter() {
            let (k, v) = kv?;
            let value: T = serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt {
                tree: name,
                key: String::from_utf8_lossy(&k).into_owned(),
                message: e.to_string(),
            })?;
            out.push(value);
        }
        Ok(out)
    }
}

enum Op {
    Put(usize, Vec<u8>, Vec<u8>),
    Del(usize, Vec<u8>),
}

fn encode(change: &Change) -> Op {
    let json = |v: Result<Vec<u8>, serde_json::Error>| v.expect("model values always serialize");
    match change {
        Change::PutCity(c) => Op::Put(
            0,
            c.id.as_str().as_bytes().to_vec(),
            json(serde_json::to_vec(&**c)),
        ),
        Change::DeleteCity(id) => Op::Del(0, id.as_str().as_bytes().to_vec()),
        Change::PutNetwork(n) => Op::Put(
            1,
            n.id.as_str().as_bytes().to_vec(),
            json(serde_json::to_vec(&**n)),
        ),
        Change::DeleteNetwork(id) => Op::Del(1, id.as_str().as_bytes().to_vec()),
        Change::PutMembership(m) => Op::Put(
            2,
            m.id.as_str().as_bytes().to_vec(),
            json(serde_json::to_vec(&**m)),
        ),
        Change::DeleteMembership(id) => Op::Del(2, id.as_str().as_bytes().to_vec()),
        Change::PutPartnership(p) => Op::Put(
            3,
            p.id.as_str().as_bytes().to_vec(),
            json(serde_json::to_vec(&**p)),
        ),
        Change::DeletePartnership(id) => Op::Del(3, id.as_str().as_bytes().to_vec()),
    }
}

impl GraphStore for SledStore {
    fn load(&self) -> Result<Snapshot, StoreError> {
        let mut changes = Vec::new();
        changes.extend(
            Self::read_tree::<City>(&self.cities, "cities")?
                .into_iter()
                .map(|c| Change::PutCity(Arc::new(c))),
        );
        changes.extend(
            Self::read_tree::<Network>(&self.networks, "networks")?
                .into_iter()
                .map(|n| Change::PutNetwork(Arc::new(n))),
        );
        changes.extend(
            Self::read_tree::<Membership>(&self.memberships, "memberships")?
                .into_iter()
                .map(|m| Change::PutMembership(Arc::new(m))),
        );
        changes.extend(
            Self::read_tree::<Partnership>(&self.partnerships, "partnerships")?
                .into_iter()
                .map(|p| Change::PutPartnership(Arc::new(p))),
        );
        let (mut snap, _) = Snapshot::default()
            .with_changes(&changes)
            .map_err(|(i, e)| {
                let (kind, id) = changes[i].target();
                StoreError::Inconsistent(format!("{kind} {id}: {e}"))
            })?;
        snap.version = self.version()?;
        Ok(snap)
    }

    fn commit(&self, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError> {
        let ops: Vec<Op> = changes.iter().map(encode).collect();
        let trees = (
            &self.meta,
            &self.cities,
            &self.networks,
            &self.memberships,
            &self.partnerships,
            &self.log,
        );
        let result =
            trees.transaction(|(meta, cities, networks, memberships, partnerships, log)| {
                let current = meta.get(K_VERSION)?.map(|v| be_u64(&v)).unwrap_or(0);
                let next = current + 1;
                let data = [cities, networks, memberships, partnerships];
                for op in &ops {
                    match op {
                        Op::Put(t, k, v) => {
                            data[*t].insert(k.as_slice(), v.as_slice())?;
                        }
                        Op::Del(t, k) => {
                            data[*t].remove(k.as_slice())?;
                        }
                    }
                }
                let mut entry = entry.clone();
                entry.version = next;
                let log_value = serde_json::to_vec(&entry)
                    .map_err(|e| ConflictableTransactionError::Abort(e.to_string()))?;
                log.insert(&next.to_be_bytes(), log_value)?;
                meta.insert(K_VERSION, &next.to_be_bytes())?;
                Ok(next)
            });
        let version = match result {
            Ok(v) => v,
            Err(TransactionError::Storage(e)) => return Err(StoreError::Engine(e)),
            Err(TransactionError::Abort(msg)) => return Err(StoreError::Inconsistent(msg)),
        };
        // Durable before acknowledged: sled only syncs on its own every 500 ms.
        self.db.flush()?;
        Ok(version)
    }

    fn version(&self) -> Result<u64, StoreError> {
        Ok(self.meta.get(K_VERSION)?.map(|v| be_u64(&v)).unwrap_or(0))
    }

    fn changes_since(&self, since: u64, limit: usize) -> Result<Vec<LogEntry>, StoreError> {
        let start = since.saturating_add(1).to_be_bytes();
        let mut out = Vec::new();
        for kv in self.log.range(start..).take(limit) {
            let (k, v) = kv?;
            out.push(serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt {
                tree: "changelog",
                key: be_u64(&k).to_string(),
                message: e.to_string(),
            })?);
        }
        Ok(out)
    }
}

fn be_u64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    let n = b.len().min(8);
    a[8 - n..].copy_from_slice(&b[b.len() - n..]);
    u64::from_be_bytes(a)
}

#[cfg(test)]
mod tests {
    use citygraph_core::{CityId, PartnershipId};

    use super::*;

    fn city(id: &str) -> Change {
        Change::PutCity(Arc::new(
            serde_json::from_str(&format!(
                r#"{{"id":"{id}","name":"{id}","country":"FR","region":"europe","lat":1.0,"lon":2.0}}"#
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

    #[test]
    fn commits_survive_reopening_and_bump_the_version() {
        let dir = tempfile::tempdir().unwrap();
        {
            let s = SledStore::open(dir.path()).unwrap();
            assert_eq!(s.version().unwrap(), 0);
            let changes = [city("a"), city("b"), link("a", "b")];
            assert_eq!(
                s.commit(LogEntry::describe("import", &changes), &changes)
                    .unwrap(),
                1
            );
            let del = [Change::DeletePartnership(
                PartnershipId::new("a--b").unwrap(),
            )];
            assert_eq!(
                s.commit(LogEntry::describe("delete_partnership", &del), &del)
                    .unwrap(),
                2
            );
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
    fn refuses_an_unknown_format_version() {
        let dir = tempfile::tempdir().unwrap();
        {
            let s = SledStore::open(dir.path()).unwrap();
            s.meta.insert(K_FORMAT, b"999".as_slice()).unwrap();
            s.db.flush().unwrap();
        }
        let err = SledStore::open(dir.path()).unwrap_err();
        assert!(
            matches!(err, StoreError::FormatVersion { ref found, supported: 1, .. } if found == "999"),
            "{err}"
        );
        assert!(err.to_string().contains("export it"), "{err}");
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
    fn a_corrupt_record_is_reported_with_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let s = SledStore::open(dir.path()).unwrap();
        let c = [city("a")];
        s.commit(LogEntry::describe("x", &c), &c).unwrap();
        s.cities.insert(b"a", b"{not json".as_slice()).unwrap();
        let err = s.load().unwrap_err();
        assert!(
            matches!(err, StoreError::Corrupt { tree: "cities", ref key, .. } if key == "a"),
            "{err}"
        );
        let _ = CityId::new("a");
    }
}
