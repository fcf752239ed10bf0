//! The sled implementation of [`GraphStore`].
//!
//! Layout (format version 2):
//! - tree `meta`: `format_version` -> ASCII decimal; `version` -> u64 big-endian (last committed);
//! - tree `changelog`: version as u64 big-endian -> JSON [`LogEntry`] (the header the change feed
//!   lists); append-only;
//! - tree `log_pages`: version (u64 big-endian) followed by the page number (u32 big-endian) ->
//!   one page of the entry's changes, [`PAGE_CHANGES`] changes per page in commit order, encoded by
//!   `citygraph_checkpoint::encode_changes`; append-only;
//! - folder `checkpoints/` next to sled's files: images of the whole graph
//!   (`citygraph_checkpoint::dir`), the newest one kept.
//!
//! Entities are not stored one key each: the log holds every change of every version, and a
//! checkpoint holds the graph at a version, so the graph at the head is the newest valid
//! checkpoint plus the entries after it. An import of millions of records writes a few hundred
//! page keys instead of millions of entity keys. A checkpoint's fingerprint is the CRC-32 of the
//! change-log entry of its version: an image from another folder, or from a history that was
//! rolled back, does not match and is passed over.
//!
//! # Commits
//!
//! A commit of up to [`StoreOptions::bulk_threshold`] changes is one sled transaction over
//! `meta`, `changelog` and `log_pages`, then `flush` ([`GraphStore::commit`]); with
//! [`GraphStore::commit_unsynced`] the flush is left to a later [`GraphStore::sync`], which makes
//! every transaction before it durable at once (group commit). sled buffers a transaction whole in
//! memory, so a larger commit (a bulk import) is a **bulk commit**:
//!
//! 1. its pages are written (plain inserts under the next version) and flushed;
//! 2. one transaction writes the change-log entry and bumps `version`, and is flushed: this is the
//!    commit point.
//!
//! Pages under a version above `meta/version` belong to no entry: a crash before the commit point
//! leaves only such pages, and opening the folder removes them. Nothing else is ever overwritten,
//! so there is nothing to roll back.

use std::path::{Path, PathBuf};

use citygraph_checkpoint::{decode_changes, encode_changes, CheckpointDir};
use citygraph_core::{Change, Snapshot};
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::{Transactional, Tree};

use crate::{CheckpointInfo, GraphStore, LogEntry, StoreError};

/// The on-disk format this build reads and writes.
pub const FORMAT_VERSION: u32 = 2;

/// Changes per log page (part of the format).
pub const PAGE_CHANGES: usize = 16_384;

const K_FORMAT: &[u8] = b"format_version";
const K_VERSION: &[u8] = b"version";

/// Tunables of a [`SledStore`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreOptions {
    /// Bytes of sled's page cache. Reads are served from the in-memory snapshot, so this only
    /// speeds writes and the load at start.
    pub cache_bytes: u64,
    /// A commit of more changes than this is written as a bulk commit (module docs).
    pub bulk_threshold: usize,
}

impl Default for StoreOptions {
    fn default() -> StoreOptions {
        StoreOptions {
            cache_bytes: 256 << 20,
            bulk_threshold: 20_000,
        }
    }
}

/// A store in a sled database folder.
pub struct SledStore {
    path: PathBuf,
    options: StoreOptions,
    db: sled::Db,
    meta: Tree,
    log: Tree,
    pages: Tree,
    checkpoints: CheckpointDir,
}

impl std::fmt::Debug for SledStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SledStore")
            .field("path", &self.path)
            .field("options", &self.options)
            .finish()
    }
}

fn page_key(version: u64, page: u32) -> [u8; 12] {
    let mut k = [0u8; 12];
    k[..8].copy_from_slice(&version.to_be_bytes());
    k[8..].copy_from_slice(&page.to_be_bytes());
    k
}

/// The log pages of `changes` ([`PAGE_CHANGES`] a page, in order), encoded on every core; every
/// backend stores these bytes.
pub fn encode_pages(changes: &[Change]) -> Vec<Vec<u8>> {
    let chunks: Vec<&[Change]> = changes.chunks(PAGE_CHANGES).collect();
    if chunks.len() <= 1 {
        return chunks.into_iter().map(encode_changes).collect();
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = chunks.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .chunks(per)
            .map(|group| {
                s.spawn(move || group.iter().map(|c| encode_changes(c)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("encoding does not panic"))
            .collect()
    })
}

/// How long an open waits for the folder's lock before it gives up.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// Opens `config`'s folder, waiting up to [`LOCK_WAIT`] while its lock is held.
///
/// sled 0.34 releases the folder's `flock` only when the background flusher of a dropped `Db` has
/// exited, which it does a moment after the drop; an open right after a close in the same process
/// (a test, a store reopened after a fault) would otherwise fail with `WouldBlock`. Another
/// process holding the folder still gets the error, after the wait. Every other error is returned
/// at once.
pub(crate) fn open_waiting_for_lock(config: &sled::Config) -> sled::Result<sled::Db> {
    let start = std::time::Instant::now();
    let mut pause = std::time::Duration::from_millis(5);
    loop {
        match config.open() {
            Err(sled::Error::Io(e))
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.to_string().contains("could not acquire lock") =>
            {
                if start.elapsed() >= LOCK_WAIT {
                    return Err(sled::Error::Io(e));
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(std::time::Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

impl SledStore {
    /// Opens (or creates) the store in `path` with default options (see [`SledStore::open_with`]).
    pub fn open(path: &Path) -> Result<SledStore, StoreError> {
        SledStore::open_with(path, StoreOptions::default())
    }

    /// Opens (or creates) the store in `path`, checking the format version and removing what a
    /// crash left of an uncommitted bulk commit or checkpoint.
    pub fn open_with(path: &Path, options: StoreOptions) -> Result<SledStore, StoreError> {
        let db = open_waiting_for_lock(
            &sled::Config::new()
                .path(path)
                .cache_capacity(options.cache_bytes),
        )?;
        let store = SledStore {
            path: path.to_owned(),
            options,
            meta: db.open_tree("meta")?,
            log: db.open_tree("changelog")?,
            pages: db.open_tree("log_pages")?,
            checkpoints: CheckpointDir::new(path.join("checkpoints")),
            db,
        };
        match store.meta.get(K_FORMAT)? {
            Some(v) => {
                let found = String::from_utf8_lossy(&v).into_owned();
                if found != FORMAT_VERSION.to_string() {
                    return Err(StoreError::FormatVersion {
                        path: format!("the data folder {}", path.display()),
                        found,
                        supported: FORMAT_VERSION,
                    });
                }
            }
            None => {
                // Any tree with data, ours or another build's, means this is not a new folder.
                let empty = store
                    .db
                    .tree_names()
                    .iter()
                    .filter(|n| n.as_ref() != b"__sled__default")
                    .all(|n| store.db.open_tree(n).map(|t| t.is_empty()).unwrap_or(false));
                if !empty {
                    return Err(StoreError::UnknownFormat {
                        path: format!("the data folder {}", path.display()),
                    });
                }
                store
                    .meta
                    .insert(K_FORMAT, FORMAT_VERSION.to_string().as_bytes())?;
                store.db.flush()?;
            }
        }
        store.remove_orphan_pages()?;
        let removed = store.checkpoints.remove_temporaries()?;
        if removed > 0 {
            tracing::info!(
                removed,
                "removed the temporary file of an interrupted checkpoint"
            );
        }
        Ok(store)
    }

    /// Removes pages above the committed version: what a bulk commit that did not reach its
    /// commit point left. Idempotent.
    fn remove_orphan_pages(&self) -> Result<(), StoreError> {
        let head = self.version()?;
        let start = page_key(head.saturating_add(1), 0);
        let mut removed = 0u64;
        for k in self.pages.range(start..).keys() {
            self.pages.remove(k?)?;
            removed += 1;
        }
        if removed > 0 {
            self.db.flush()?;
            tracing::warn!(
                pages = removed,
                "removed the pages of a bulk commit that a crash interrupted"
            );
        }
        Ok(())
    }

    /// The folder of the database.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The options the store was opened with.
    pub fn options(&self) -> &StoreOptions {
        &self.options
    }

    /// Whether the store holds no committed change (a fresh data folder).
    pub fn is_empty(&self) -> bool {
        self.log.is_empty()
    }

    /// Bytes on disk, as sled reports them (without the checkpoints).
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        Ok(self.db.size_on_disk()?)
    }

    /// The checkpoint folder.
    pub fn checkpoints(&self) -> &CheckpointDir {
        &self.checkpoints
    }

    /// The fingerprint of the change-log entry at `version` (0 for version 0).
    fn fingerprint(&self, version: u64) -> Result<Option<u64>, StoreError> {
        if version == 0 {
            return Ok(Some(0));
        }
        Ok(self
            .log
            .get(version.to_be_bytes())?
            .map(|v| u64::from(crc32fast::hash(&v))))
    }

    /// Applies the changes of entries `from + 1 ..= to` to `snap`, in order, with every check.
    fn replay_pages(&self, snap: &mut Snapshot, from: u64, to: u64) -> Result<u64, StoreError> {
        let mut applied = 0u64;
        for version in from + 1..=to {
            for kv in self.pages.scan_prefix(version.to_be_bytes()) {
                let (k, v) = kv?;
                let changes = read_page(&k, &v)?;
                for c in &changes {
                    snap.apply(c).map_err(|e| {
                        let (kind, id) = c.target();
                        StoreError::Inconsistent(format!(
                            "replaying version {version}: {kind} {id}: {e}"
                        ))
                    })?;
                }
                applied += changes.len() as u64;
            }
        }
        snap.version = to;
        Ok(applied)
    }

    /// The single-transaction commit (module docs), not yet flushed.
    fn commit_one(&self, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError> {
        let pages = encode_pages(changes);
        let result = (&self.meta, &self.log, &self.pages).transaction(|(meta, log, page_tree)| {
            let next = log_next_version(meta, log, &entry)?;
            for (i, p) in pages.iter().enumerate() {
                page_tree.insert(&page_key(next, i as u32), p.as_slice())?;
            }
            Ok(next)
        });
        transaction_result(result)
    }

    /// The bulk commit (module docs).
    fn commit_bulk(&self, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError> {
        let next = self.version()? + 1;
        let pages = encode_pages(changes);
        for (i, p) in pages.into_iter().enumerate() {
            self.pages.insert(page_key(next, i as u32), p)?;
        }
        self.db.flush()?;
        let result = (&self.meta, &self.log).transaction(|(meta, log)| {
            let v = log_next_version(meta, log, &entry)?;
            if v != next {
                return Err(ConflictableTransactionError::Abort(format!(
                    "a bulk commit for version {next} met version {v}: commits must not run at once"
                )));
            }
            Ok(v)
        });
        match transaction_result(result) {
            Ok(v) => {
                self.db.flush()?;
                Ok(v)
            }
            Err(e) => {
                if let Err(r) = self.remove_orphan_pages() {
                    tracing::error!(error = %r, "removing the pages of a failed bulk commit failed; they are removed on the next open");
                }
                Err(e)
            }
        }
    }
}

impl GraphStore for SledStore {
    fn load(&self) -> Result<Snapshot, StoreError> {
        let head = self.version()?;
        let accept = |h: &citygraph_checkpoint::Header| -> Result<(), String> {
            if h.version > head {
                return Err(format!(
                    "it holds version {}, ahead of the store's version {head}",
                    h.version
                ));
            }
            match self.fingerprint(h.version) {
                Ok(Some(f)) if f == h.fingerprint => Ok(()),
                Ok(_) => Err(format!(
                    "it does not match the change-log entry of version {}: it belongs to another history",
                    h.version
                )),
                Err(e) => Err(format!("the change log cannot be read: {e}")),
            }
        };
        let loaded = self.checkpoints.load(&accept)?;
        for r in &loaded.rejected {
            tracing::warn!(path = %r.path.display(), reason = %r.reason, "checkpoint passed over");
        }
        let (mut snap, from) = match loaded.snapshot {
            Some((snap, h)) => (snap, h.version),
            None => {
                if head > 0 {
                    let why = if loaded.rejected.is_empty() {
                        "there is no checkpoint"
                    } else {
                        "no checkpoint is usable"
                    };
                    tracing::warn!(
                        version = head,
                        "{why}: the graph is rebuilt from the whole change log"
                    );
                }
                (Snapshot::default(), 0)
            }
        };
        let started = std::time::Instant::now();
        let replayed = self.replay_pages(&mut snap, from, head)?;
        tracing::info!(
            checkpoint = from,
            version = head,
            replayed_entries = head - from,
            replayed_changes = replayed,
            replay_seconds = started.elapsed().as_secs_f64(),
            "graph loaded from the store"
        );
        Ok(snap)
    }

    fn commit_unsynced(&self, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError> {
        if changes.len() > self.options.bulk_threshold {
            // Flushes on its own: the commit point must follow the durable pages.
            self.commit_bulk(entry, changes)
        } else {
            self.commit_one(entry, changes)
        }
    }

    fn sync(&self) -> Result<(), StoreError> {
        // Durable before acknowledged: sled only syncs on its own every 500 ms.
        self.db.flush()?;
        Ok(())
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

    fn entry_changes(
        &self,
        version: u64,
        offset: u64,
        limit: usize,
    ) -> Result<Vec<Change>, StoreError> {
        if version == 0 || version > self.version()? {
            return Err(StoreError::UnknownVersion(version));
        }
        let first = offset / PAGE_CHANGES as u64;
        let mut skip = (offset % PAGE_CHANGES as u64) as usize;
        let mut out = Vec::new();
        let start = page_key(version, u32::try_from(first).unwrap_or(u32::MAX));
        let end = page_key(version, u32::MAX);
        for kv in self.pages.range(start..=end) {
            if out.len() >= limit {
                break;
            }
            let (k, v) = kv?;
            let changes = read_page(&k, &v)?;
            let take = limit - out.len();
            out.extend(changes.into_iter().skip(skip).take(take));
            skip = 0;
        }
        Ok(out)
    }

    fn write_checkpoint(&self, snap: &Snapshot) -> Result<Option<CheckpointInfo>, StoreError> {
        let fingerprint = self
            .fingerprint(snap.version)?
            .ok_or(StoreError::UnknownVersion(snap.version))?;
        let started = std::time::Instant::now();
        let (path, bytes) = self.checkpoints.write(snap, fingerprint)?;
        tracing::info!(
            version = snap.version,
            bytes,
            seconds = started.elapsed().as_secs_f64(),
            path = %path.display(),
            "checkpoint written"
        );
        Ok(Some(CheckpointInfo {
            version: snap.version,
            bytes,
        }))
    }

    fn checkpoint_version(&self) -> Result<Option<u64>, StoreError> {
        Ok(self.checkpoints.list()?.first().map(|(v, _)| *v))
    }

    fn replay(&self, snap: &mut Snapshot, from: u64, to: u64) -> Result<u64, StoreError> {
        self.replay_pages(snap, from, to)
    }

    fn describe(&self) -> String {
        format!("sled folder {}", self.path.display())
    }
}

/// Hooks of the generic test suite (`testsuite`).
#[cfg(any(test, feature = "testsuite"))]
impl SledStore {
    /// Step 1 of a bulk commit of `changes` as the next version, without its commit point: what
    /// a crash just before it leaves.
    pub(crate) fn write_pages_uncommitted(&self, changes: &[Change]) {
        let next = self.version().unwrap() + 1;
        for (i, p) in encode_pages(changes).into_iter().enumerate() {
            self.pages.insert(page_key(next, i as u32), p).unwrap();
        }
        self.db.flush().unwrap();
    }

    pub(crate) fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub(crate) fn overwrite_page(&self, version: u64, page: u32, bytes: &[u8]) {
        self.pages.insert(page_key(version, page), bytes).unwrap();
    }
}

/// Inside a transaction: the next graph version, its change-log entry, and `meta/version`.
fn log_next_version(
    meta: &sled::transaction::TransactionalTree,
    log: &sled::transaction::TransactionalTree,
    entry: &LogEntry,
) -> Result<u64, ConflictableTransactionError<String>> {
    let next = meta.get(K_VERSION)?.map(|v| be_u64(&v)).unwrap_or(0) + 1;
    let mut entry = entry.clone();
    entry.version = next;
    let log_value = serde_json::to_vec(&entry)
        .map_err(|e| ConflictableTransactionError::Abort(e.to_string()))?;
    log.insert(&next.to_be_bytes(), log_value)?;
    meta.insert(K_VERSION, &next.to_be_bytes())?;
    Ok(next)
}

fn transaction_result(result: Result<u64, TransactionError<String>>) -> Result<u64, StoreError> {
    match result {
        Ok(v) => Ok(v),
        Err(TransactionError::Storage(e)) => Err(StoreError::Engine(e)),
        Err(TransactionError::Abort(msg)) => Err(StoreError::Inconsistent(msg)),
    }
}

fn be_u64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    let n = b.len().min(8);
    a[8 - n..].copy_from_slice(&b[b.len() - n..]);
    u64::from_be_bytes(a)
}

/// Decodes the page stored under `key` (version, page number).
fn read_page(key: &[u8], value: &[u8]) -> Result<Vec<Change>, StoreError> {
    decode_changes(value).map_err(|e| StoreError::Corrupt {
        tree: "log_pages",
        key: format!("{}/{}", be_u64(&key[..8]), be_u64(&key[8..])),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests;
