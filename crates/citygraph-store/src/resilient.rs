//! [`ResilientStore`]: a [`SledStore`] that refuses writes while the disk lacks space and recovers
//! by itself once it has space again.
//!
//! - **Before every write** the free space of the data folder is read (`statvfs`); below
//!   [`ResilientStore::reserve`] bytes the write is refused with [`StoreError::InsufficientStorage`]
//!   before anything reaches sled, so a full disk costs one refused request and nothing else.
//! - **When sled fails anyway** (another process took the reserve, or one commit outgrew it), sled
//!   keeps the I/O error for the rest of the process's life and refuses every later operation. The
//!   store then marks itself failed; the next write, once there is space again, closes sled and
//!   opens the folder afresh (sled's recovery reads back every flushed write and nothing else).
//!   The contract of [`GraphStore::commit_unsynced`] still holds across the reopen: every commit
//!   it accepted since the last successful sync is kept (in memory, with its version) and written
//!   again onto the reopened folder, so the folder ends exactly at the version the service's graph
//!   is at. Writing resumes only if the reopened folder is between the last synced and the last
//!   accepted version and every replayed commit gets back its own version; otherwise the folder and the graph in memory
//!   differ, and the store stays refused (and unready) until a restart loads the folder again.
//!   Bulk commits flush themselves, so they are never kept for replay.
//! - [`ResilientStore::ready`] says whether a write could succeed now (readiness probes).
//!
//! An `ENOSPC` from sled is reported as [`StoreError::InsufficientStorage`] too, so a client
//! always learns that the disk is full, not that the store is broken.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use citygraph_core::Snapshot;
use parking_lot::RwLock;

use crate::{GraphStore, LogEntry, SledStore, StoreError, StoreOptions};
use citygraph_core::Change;

/// Free bytes a write needs by default: 64 MiB.
pub const DEFAULT_RESERVE: u64 = 64 << 20;

/// Free bytes a reopen needs, whatever the reserve: closing sled writes its snapshot, and a close
/// or an open on a full disk can leave a torn file behind, so neither is tried without room.
pub const REOPEN_RESERVE: u64 = 8 << 20;

/// See the module docs.
pub struct ResilientStore {
    path: PathBuf,
    options: StoreOptions,
    reserve: u64,
    inner: RwLock<Option<SledStore>>,
    /// A write failed with an I/O error: reopen before the next one.
    failed: AtomicBool,
    /// The reopened folder did not match the graph in memory: refuse writes until a restart.
    diverged: AtomicBool,
    /// The version of the last write made durable through this store (or found at open).
    durable: AtomicU64,
    /// The version of the last commit not yet synced.
    pending: AtomicU64,
    /// The commits accepted since the last successful sync, with their versions, for replay.
    unsynced: parking_lot::Mutex<Vec<(u64, LogEntry, Vec<Change>)>>,
}

impl std::fmt::Debug for ResilientStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResilientStore")
            .field("path", &self.path)
            .field("reserve", &self.reserve)
            .finish_non_exhaustive()
    }
}

impl ResilientStore {
    /// Opens the store in `path` (see [`SledStore::open_with`]); writes need `reserve` free bytes.
    pub fn open_with(
        path: &Path,
        options: StoreOptions,
        reserve: u64,
    ) -> Result<ResilientStore, StoreError> {
        let store = SledStore::open_with(path, options.clone())?;
        let version = store.version()?;
        Ok(ResilientStore {
            path: path.to_owned(),
            options,
            reserve,
            inner: RwLock::new(Some(store)),
            failed: AtomicBool::new(false),
            diverged: AtomicBool::new(false),
            durable: AtomicU64::new(version),
            pending: AtomicU64::new(version),
            unsynced: parking_lot::Mutex::new(Vec::new()),
        })
    }

    /// Free bytes a write needs.
    pub fn reserve(&self) -> u64 {
        self.reserve
    }

    /// Free bytes in the data folder's file system, for an unprivileged writer.
    pub fn available(&self) -> Result<u64, StoreError> {
        let st = nix::sys::statvfs::statvfs(&self.path).map_err(|e| {
            StoreError::Engine(sled::Error::Io(std::io::Error::from_raw_os_error(e as i32)))
        })?;
        Ok(st.blocks_available() as u64 * st.fragment_size() as u64)
    }

    /// Whether a write could succeed now; the reason when not.
    pub fn ready(&self) -> Result<(), StoreError> {
        if self.diverged.load(Ordering::Acquire) {
            return Err(diverged());
        }
        self.check_space()
    }

    fn check_space(&self) -> Result<(), StoreError> {
        let available = self.available()?;
        if available < self.reserve {
            return Err(StoreError::InsufficientStorage {
                available,
                reserve: self.reserve,
            });
        }
        Ok(())
    }

    /// Checks space, reopens after a failure, then runs `f` on the store; an I/O error marks the
    /// store failed.
    fn write<T>(
        &self,
        f: impl FnOnce(&SledStore) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if self.diverged.load(Ordering::Acquire) {
            return Err(diverged());
        }
        self.check_space()?;
        if self.failed.load(Ordering::Acquire) {
            self.reopen()?;
        }
        let guard = self.inner.read();
        let store = guard.as_ref().ok_or_else(closed)?;
        let out = f(store);
        if let Err(e) = &out {
            if is_io(e) {
                tracing::error!(error = %e, path = %self.path.display(), "a write failed; the store reopens before the next one");
                self.failed.store(true, Ordering::Release);
            }
        }
        out.map_err(full_is_insufficient)
    }

    /// Closes sled and opens the folder again (see the module docs).
    fn reopen(&self) -> Result<(), StoreError> {
        let mut guard = self.inner.write();
        if !self.failed.load(Ordering::Acquire) {
            return Ok(()); // another writer reopened it meanwhile
        }
        let available = self.available()?;
        let needed = self.reserve.max(REOPEN_RESERVE);
        if available < needed {
            return Err(StoreError::InsufficientStorage {
                available,
                reserve: needed,
            });
        }
        // Close first: sled locks its folder.
        *guard = None;
        let store =
            SledStore::open_with(&self.path, self.options.clone()).map_err(full_is_insufficient)?;
        let found = store.version()?;
        let durable = self.durable.load(Ordering::Acquire);
        let unsynced = self.unsynced.lock().clone();
        let mut replayed = found;
        // Replays already flushed by sled before an earlier reopen failed are there: any version
        // from the last synced one to the last accepted one matches the graph in memory.
        let pending = self.pending.load(Ordering::Acquire);
        let mut ok = durable <= found && found <= pending;
        for (version, entry, changes) in unsynced {
            if !ok || version <= found {
                continue;
            }
            match store.commit_unsynced(entry, &changes) {
                Ok(v) if v == version => replayed = v,
                Ok(_) => ok = false,
                Err(e) => {
                    // Still no room: keep the failed state and try again on the next write.
                    drop(store);
                    return Err(full_is_insufficient(e));
                }
            }
        }
        if let Err(e) = store.sync() {
            drop(store);
            return Err(full_is_insufficient(e));
        }
        *guard = Some(store);
        if !ok {
            self.diverged.store(true, Ordering::Release);
            tracing::error!(
                found,
                durable,
                "the reopened store differs from the graph in memory: restart to load it"
            );
            return Err(diverged());
        }
        self.durable.fetch_max(replayed, Ordering::AcqRel);
        self.unsynced.lock().clear();
        self.failed.store(false, Ordering::Release);
        tracing::info!(
            version = replayed,
            "the store reopened and accepts writes again"
        );
        Ok(())
    }
}

fn diverged() -> StoreError {
    StoreError::Inconsistent(
        "the data folder no longer matches the graph in memory after a failed write; restart the server to load it".into(),
    )
}

fn closed() -> StoreError {
    StoreError::Inconsistent("the store is closed after a failed reopen".into())
}

fn io_error(e: &StoreError) -> Option<&std::io::Error> {
    match e {
        StoreError::Engine(sled::Error::Io(io)) => Some(io),
        _ => None,
    }
}

fn is_io(e: &StoreError) -> bool {
    io_error(e).is_some()
}

fn full_is_insufficient(e: StoreError) -> StoreError {
    match io_error(&e) {
        Some(io) if io.kind() == std::io::ErrorKind::StorageFull => {
            StoreError::InsufficientStorage {
                available: 0,
                reserve: 0,
            }
        }
        _ => e,
    }
}

impl GraphStore for ResilientStore {
    fn load(&self) -> Result<Snapshot, StoreError> {
        self.inner.read().as_ref().ok_or_else(closed)?.load()
    }

    fn commit_unsynced(&self, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError> {
        let bulk = changes.len() > self.options.bulk_threshold;
        let kept = (!bulk).then(|| entry.clone());
        let v = self.write(|s| s.commit_unsynced(entry, changes))?;
        self.pending.fetch_max(v, Ordering::AcqRel);
        match kept {
            Some(entry) => self.unsynced.lock().push((v, entry, changes.to_vec())),
            None => {
                // A bulk commit flushed itself and every commit before it.
                self.durable.fetch_max(v, Ordering::AcqRel);
                self.unsynced.lock().retain(|(u, _, _)| *u > v);
            }
        }
        Ok(v)
    }

    fn sync(&self) -> Result<(), StoreError> {
        if self.diverged.load(Ordering::Acquire) {
            return Err(diverged());
        }
        // No space check: a sync only makes durable what was already accepted.
        if self.failed.load(Ordering::Acquire) {
            self.reopen()?;
            return Ok(()); // the reopen replayed and synced everything accepted
        }
        let pending = self.pending.load(Ordering::Acquire);
        let out = {
            let guard = self.inner.read();
            guard.as_ref().ok_or_else(closed)?.sync()
        };
        if let Err(e) = out {
            tracing::error!(error = %e, path = %self.path.display(), "a sync failed; the store reopens before the next write");
            self.failed.store(true, Ordering::Release);
            return Err(full_is_insufficient(e));
        }
        self.durable.fetch_max(pending, Ordering::AcqRel);
        self.unsynced.lock().retain(|(u, _, _)| *u > pending);
        Ok(())
    }

    fn version(&self) -> Result<u64, StoreError> {
        self.inner.read().as_ref().ok_or_else(closed)?.version()
    }

    fn changes_since(&self, since: u64, limit: usize) -> Result<Vec<LogEntry>, StoreError> {
        self.inner
            .read()
            .as_ref()
            .ok_or_else(closed)?
            .changes_since(since, limit)
    }

    fn entry_changes(
        &self,
        version: u64,
        offset: u64,
        limit: usize,
    ) -> Result<Vec<Change>, StoreError> {
        self.inner
            .read()
            .as_ref()
            .ok_or_else(closed)?
            .entry_changes(version, offset, limit)
    }

    fn write_checkpoint(
        &self,
        snap: &Snapshot,
    ) -> Result<Option<crate::CheckpointInfo>, StoreError> {
        // A checkpoint is a file beside the store: it needs the same room as a write.
        self.check_space()?;
        self.inner
            .read()
            .as_ref()
            .ok_or_else(closed)?
            .write_checkpoint(snap)
    }

    fn checkpoint_version(&self) -> Result<Option<u64>, StoreError> {
        self.inner
            .read()
            .as_ref()
            .ok_or_else(closed)?
            .checkpoint_version()
    }

    fn describe(&self) -> String {
        match self.inner.read().as_ref() {
            Some(s) => s.describe(),
            None => format!("sled store at {} (closed)", self.path.display()),
        }
    }
}
