//! citygraph-store: durable storage of the graph behind the small [`GraphStore`] trait.
//!
//! This crate alone knows sled. It stores each entity as its JSON record (the seed format without
//! the `type` field) in one tree per relation, keeps an append-only change log keyed by the graph
//! version, and checks a format version on open. A commit is one sled transaction over every tree it
//! touches and is flushed to disk before it returns: a write is acknowledged only once durable.
//!
//! Start with [`GraphStore`], then [`SledStore::commit`].

pub mod resilient;
mod sled_store;

use citygraph_core::{Change, Snapshot};
use serde::{Deserialize, Serialize};

pub use resilient::ResilientStore;
pub use sled_store::{SledStore, StoreOptions, FORMAT_VERSION};

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

/// One entry of the append-only change log: one committed logical change.
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

/// Durable storage of the graph.
///
/// Object safe and small: the service holds an `Arc<dyn GraphStore>`; everything above it (checks,
/// the in-memory snapshot, caching) lives once in `citygraph-service`.
pub trait GraphStore: Send + Sync {
    /// Reads the whole graph and its version.
    fn load(&self) -> Result<Snapshot, StoreError>;
    /// Writes `changes` and the log entry atomically, flushes, and returns the new version. All or
    /// nothing, also across a crash; a very large commit may be written in journaled chunks (see
    /// [`SledStore`]'s module docs), which the caller does not see.
    fn commit(&self, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError> {
        let version = self.commit_unsynced(entry, changes)?;
        self.sync()?;
        Ok(version)
    }
    /// As [`GraphStore::commit`], atomic, but possibly not yet on disk when it returns: a later
    /// [`GraphStore::sync`] makes it durable, together with every commit before it (group commit).
    /// After a crash, the commits that survive are a prefix of those made.
    fn commit_unsynced(&self, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError>;
    /// Makes every commit made so far durable.
    fn sync(&self) -> Result<(), StoreError>;
    /// The current graph version (0 for an empty store).
    fn version(&self) -> Result<u64, StoreError>;
    /// Log entries with a version greater than `since`, oldest first, at most `limit`.
    fn changes_since(&self, since: u64, limit: usize) -> Result<Vec<LogEntry>, StoreError>;
}
