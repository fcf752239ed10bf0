//! citygraph-store: durable storage of the graph behind the small [`GraphStore`] trait.
//!
//! This crate alone knows sled. The durable state is an append-only **change log** whose entries
//! carry their changes (binary pages, `citygraph-checkpoint`), keyed by the graph version, plus
//! **checkpoints**: binary images of the whole graph at a version. Loading is "the newest valid
//! checkpoint, then the log after it"; with no usable checkpoint the whole log is replayed. A
//! commit is all or nothing, also across a crash, and is flushed to disk before it is
//! acknowledged. A format version is checked on open.
//!
//! Start with [`GraphStore`], then [`SledStore`]'s module docs (layout and commits).
//!
//! A store that several processes write (PostgreSQL, in `citygraph-store-postgres`) implements the
//! same trait plus [`GraphStore::begin_shared`]: a commit there holds a lock that serialises
//! versions across processes, and [`GraphStore::replay`] and [`GraphStore::wait_change`] let a
//! process follow the versions the others write. The generic test suite every backend runs is in
//! `testsuite` (feature `testsuite`).

pub mod resilient;
mod sled_store;
#[cfg(any(test, feature = "testsuite"))]
pub mod testsuite;

use std::time::Duration;

use citygraph_core::{Change, Snapshot};
use serde::{Deserialize, Serialize};

pub use resilient::ResilientStore;
pub use sled_store::{encode_pages, SledStore, StoreOptions, FORMAT_VERSION, PAGE_CHANGES};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("storage engine error: {0}")]
    Engine(#[from] sled::Error),
    #[error("{path} has format version {found}, and this build reads version {supported}: export it with the build that wrote it and import the export (see README, upgrading)")]
    FormatVersion {
        path: String,
        found: String,
        supported: u32,
    },
    #[error("{path} holds data but no format version: it was not written by citygraph")]
    UnknownFormat { path: String },
    #[error("corrupt record {tree}/{key}: {message}")]
    Corrupt {
        tree: &'static str,
        key: String,
        message: String,
    },
    #[error("stored data is inconsistent: {0}")]
    Inconsistent(String),
    #[error("no change-log entry with version {0}")]
    UnknownVersion(u64),
    #[error("checkpoint: {0}")]
    Checkpoint(#[from] std::io::Error),
    /// The store cannot be reached now (a database that is down or unreachable); nothing was
    /// written, and the same call may succeed later.
    #[error("the store is unavailable: {0}")]
    Unavailable(String),
    /// Another error of a database backend.
    #[error("database error: {0}")]
    Backend(String),
    /// The disk lacks space for a write; nothing was written (see [`ResilientStore`]).
    #[error(
        "the disk is full: {available} bytes free, writes need {reserve}; nothing was written"
    )]
    InsufficientStorage { available: u64, reserve: u64 },
}

/// What a change-log entry says about one entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRef {
    /// `city`, `network`, `membership` or `partnership`.
    pub entity: String,
    pub id: String,
    /// `put` or `delete`.
    pub action: String,
}

impl ChangeRef {
    /// What `change` touches, as the log names it.
    pub fn of(change: &Change) -> ChangeRef {
        let (entity, id) = change.target();
        ChangeRef {
            entity: entity.to_owned(),
            id: id.to_owned(),
            action: if change.is_delete() { "delete" } else { "put" }.to_owned(),
        }
    }
}

/// One entry of the append-only change log: one committed logical change.
///
/// This is the entry's header, what the change feed lists; the changes themselves, every one of
/// them, are read with [`GraphStore::entry_changes`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// The graph version this change produced (1, 2, 3, ...).
    pub version: u64,
    /// Milliseconds since the Unix epoch when it was committed.
    pub at_ms: u64,
    /// The operation, e.g. `create_city`, `add_event`, `import`.
    pub op: String,
    /// Number of entity writes in the change.
    pub count: u64,
    /// The entities touched; listed in full up to [`MAX_LOGGED_REFS`], otherwise truncated.
    pub changes: Vec<ChangeRef>,
    /// Whether `changes` was truncated (large imports).
    #[serde(default)]
    pub truncated: bool,
    /// Who made the change: the name configured with the token that wrote it (never the secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    /// Why, as the writer said (the `reason` of the request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// The most entity references one log entry lists.
pub const MAX_LOGGED_REFS: usize = 1000;

impl LogEntry {
    /// Describes `changes` for the log (the version is set by the store).
    pub fn describe(op: &str, changes: &[Change]) -> LogEntry {
        let at_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(0);
        let refs = changes
            .iter()
            .take(MAX_LOGGED_REFS)
            .map(ChangeRef::of)
            .collect();
        LogEntry {
            version: 0,
            at_ms,
            op: op.to_owned(),
            count: changes.len() as u64,
            changes: refs,
            truncated: changes.len() > MAX_LOGGED_REFS,
            who: None,
            why: None,
        }
    }
}

/// What [`GraphStore::write_checkpoint`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckpointInfo {
    /// The graph version the checkpoint holds.
    pub version: u64,
    /// Its size in bytes.
    pub bytes: u64,
}

/// A commit in progress on a store that several processes write ([`GraphStore::begin_shared`]).
///
/// It holds the lock that serialises graph versions across processes from the moment it is
/// begun. Dropping it without [`SharedCommit::finish`] rolls it back: nothing is written.
pub trait SharedCommit: Send {
    /// The store's newest version, read under the lock: the versions after the caller's own
    /// newest were written by other processes, and the caller must apply them before planning.
    fn head(&self) -> u64;
    /// Writes `changes` and the entry as version `head() + 1`, commits durably, tells the other
    /// processes, and returns the new version. All or nothing.
    fn finish(self: Box<Self>, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError>;
}

/// Durable storage of the graph.
///
/// Object safe and small: the service holds an `Arc<dyn GraphStore>`; everything above it (checks,
/// the in-memory snapshot, caching) lives once in `citygraph-service`.
pub trait GraphStore: Send + Sync {
    /// Reads the whole graph and its version: the newest valid checkpoint, then every log entry
    /// after it replayed in version order (the whole log when there is no usable checkpoint).
    fn load(&self) -> Result<Snapshot, StoreError>;
    /// Writes `changes` and the log entry atomically, flushes, and returns the new version. All or
    /// nothing, also across a crash; a very large commit may be written in several steps (see
    /// [`SledStore`]'s module docs), which the caller does not see.
    fn commit(&self, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError> {
        let version = self.commit_unsynced(entry, changes)?;
        self.sync()?;
        Ok(version)
    }
    /// As [`GraphStore::commit`], atomic, but possibly not yet on disk when it returns: a later
    /// [`GraphStore::sync`] makes it durable, together with every commit before it (group commit).
    /// After a crash, the commits that survive are a prefix of those made. Commits are made one
    /// at a time (the service's writer lock).
    fn commit_unsynced(&self, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError>;
    /// Makes every commit made so far durable.
    fn sync(&self) -> Result<(), StoreError>;
    /// The current graph version (0 for an empty store).
    fn version(&self) -> Result<u64, StoreError>;
    /// Log entries with a version greater than `since`, oldest first, at most `limit`.
    fn changes_since(&self, since: u64, limit: usize) -> Result<Vec<LogEntry>, StoreError>;
    /// The changes of log entry `version`, in commit order: at most `limit` of them, starting
    /// with the change at position `offset` (a very large entry, a bulk import, is read in pages).
    /// Replaying every entry's changes in version order onto the empty graph rebuilds the graph.
    fn entry_changes(
        &self,
        version: u64,
        offset: u64,
        limit: usize,
    ) -> Result<Vec<Change>, StoreError>;
    /// Writes a checkpoint of `snap`, a durable version of this store, so that the next
    /// [`GraphStore::load`] starts from it. A store that keeps no checkpoints returns `None`.
    fn write_checkpoint(&self, snap: &Snapshot) -> Result<Option<CheckpointInfo>, StoreError> {
        let _ = snap;
        Ok(None)
    }
    /// The version of the newest checkpoint on disk, if any.
    fn checkpoint_version(&self) -> Result<Option<u64>, StoreError> {
        Ok(None)
    }
    /// Applies the changes of entries `from + 1 ..= to` to `snap` in version order with every
    /// check, sets its version to `to`, and returns the number of changes applied.
    fn replay(&self, snap: &mut Snapshot, from: u64, to: u64) -> Result<u64, StoreError> {
        let mut applied = 0u64;
        for version in from + 1..=to {
            let mut offset = 0u64;
            loop {
                let changes = self.entry_changes(version, offset, 16_384)?;
                if changes.is_empty() {
                    break;
                }
                for c in &changes {
                    snap.apply(c).map_err(|e| {
                        let (kind, id) = c.target();
                        StoreError::Inconsistent(format!(
                            "replaying version {version}: {kind} {id}: {e}"
                        ))
                    })?;
                }
                offset += changes.len() as u64;
                applied += changes.len() as u64;
            }
        }
        snap.version = to;
        Ok(applied)
    }
    /// Whether other processes may write to this store, so that a process must follow it
    /// ([`GraphStore::wait_change`], [`GraphStore::replay`]) and commit through
    /// [`GraphStore::begin_shared`].
    fn is_shared(&self) -> bool {
        false
    }
    /// For a shared store: begins a commit, taking the lock that serialises versions across
    /// processes. `None` for a store with one writer, which commits with
    /// [`GraphStore::commit_unsynced`] under the service's own writer lock.
    fn begin_shared(&self) -> Result<Option<Box<dyn SharedCommit + '_>>, StoreError> {
        Ok(None)
    }
    /// Blocks until the store's version may have moved past `known` (another process committed,
    /// or the connection to the store was re-established), or `timeout` passes. A store with one
    /// writer just sleeps.
    fn wait_change(&self, known: u64, timeout: Duration) -> Result<(), StoreError> {
        let _ = known;
        std::thread::sleep(timeout);
        Ok(())
    }
    /// What the store is, for logs and readiness (a folder, a database).
    fn describe(&self) -> String {
        "store".to_owned()
    }
}
