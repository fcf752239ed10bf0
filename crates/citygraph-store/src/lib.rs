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

mod sled_store;

use citygraph_core::{Change, Snapshot};
use serde::{Deserialize, Serialize};

pub use sled_store::{SledStore, StoreOptions, FORMAT_VERSION, PAGE_CHANGES};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("storage engine error: {0}")]
    Engine(#[from] sled::Error),
    #[error("the data folder {path} has format version {found}, and this build reads version {supported}: export it with the build that wrote it and import the export (see README, upgrading)")]
    FormatVersion {
        path: String,
        found: String,
        supported: u32,
    },
    #[error(
        "the data folder {path} holds data but no format version: it was not written by citygraph"
    )]
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
            .map(|c| {
                let (entity, id) = c.target();
                ChangeRef {
                    entity: entity.to_owned(),
                    id: id.to_owned(),
                    action: if c.is_delete() { "delete" } else { "put" }.to_owned(),
                }
            })
            .collect();
        LogEntry {
            version: 0,
            at_ms,
            op: op.to_owned(),
            count: changes.len() as u64,
            changes: refs,
            truncated: changes.len() > MAX_LOGGED_REFS,
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
}
