//! Reads at a past graph version (transaction time): the retained snapshots and the rebuild of
//! older ones from the change log.
//!
//! Every version this process commits or applies is recorded here with its snapshot (snapshots
//! are persistent maps, so a retained version costs only what its write changed). The newest
//! [`KEPT_RECENT`] are kept as they were published; a version older than those but within the
//! retention window ([`crate::ServiceConfig::version_retention`] versions behind the head) is
//! rebuilt by replaying the change log from the nearest kept version below it (from the empty
//! graph when there is none, e.g. after a restart), and the last [`REBUILT_KEPT`] rebuilt
//! versions are kept for the next reads. A rebuild stops at the analytics deadline (503
//! `deadline_exceeded`, retry later or read a newer version). A version behind the window is 410
//! `version_not_retained`; one the server has not reached is 503 `version_not_reached`.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use citygraph_core::Snapshot;
use citygraph_store::{GraphStore, StoreError};
use parking_lot::Mutex;

use crate::{Error, Result, Service};

/// Default of [`crate::ServiceConfig::version_retention`]: how many versions behind the head can
/// be read with `at_version`.
pub const DEFAULT_RETENTION: u64 = 1000;
/// Versions kept as published, newest first.
pub const KEPT_RECENT: usize = 64;
/// Rebuilt versions kept (least recently read dropped first).
pub const REBUILT_KEPT: usize = 8;

#[derive(Default)]
struct Kept {
    recent: BTreeMap<u64, Arc<Snapshot>>,
    /// version -> (snapshot, last read tick)
    rebuilt: BTreeMap<u64, (Arc<Snapshot>, u64)>,
    tick: u64,
}

/// The retained versions of one service (see the module docs).
#[derive(Default)]
pub struct Versions {
    kept: Mutex<Kept>,
}

impl std::fmt::Debug for Versions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let k = self.kept.lock();
        f.debug_struct("Versions")
            .field("recent", &k.recent.len())
            .field("rebuilt", &k.rebuilt.len())
            .finish()
    }
}

impl Versions {
    /// Records `snap` (a version just committed or applied).
    pub fn record(&self, snap: Arc<Snapshot>) {
        let mut k = self.kept.lock();
        k.recent.insert(snap.version, snap);
        while k.recent.len() > KEPT_RECENT {
            k.recent.pop_first();
        }
    }

    pub(crate) fn exact(&self, version: u64) -> Option<Arc<Snapshot>> {
        let mut k = self.kept.lock();
        if let Some(s) = k.recent.get(&version) {
            return Some(s.clone());
        }
        k.tick += 1;
        let tick = k.tick;
        k.rebuilt.get_mut(&version).map(|(s, t)| {
            *t = tick;
            s.clone()
        })
    }

    /// The nearest kept version below `version`, if any.
    fn below(&self, version: u64) -> Option<Arc<Snapshot>> {
        let k = self.kept.lock();
        let a = k
            .recent
            .range(..version)
            .next_back()
            .map(|(_, s)| s.clone());
        let b = k
            .rebuilt
            .range(..version)
            .next_back()
            .map(|(_, (s, _))| s.clone());
        match (a, b) {
            (Some(a), Some(b)) => Some(if a.version >= b.version { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    fn keep_rebuilt(&self, snap: Arc<Snapshot>) {
        let mut k = self.kept.lock();
        k.tick += 1;
        let tick = k.tick;
        k.rebuilt.insert(snap.version, (snap, tick));
        while k.rebuilt.len() > REBUILT_KEPT {
            let oldest = k
                .rebuilt
                .iter()
                .min_by_key(|(_, (_, t))| *t)
                .map(|(v, _)| *v)
                .expect("not empty");
            k.rebuilt.remove(&oldest);
        }
    }

    /// How many versions are kept in memory now (recent, rebuilt).
    pub fn kept(&self) -> (usize, usize) {
        let k = self.kept.lock();
        (k.recent.len(), k.rebuilt.len())
    }
}

/// Replays entries `base.version + 1 ..= to` onto a copy of `base`, with every check, stopping at
/// `deadline`.
fn rebuild(
    store: &dyn GraphStore,
    base: &Snapshot,
    to: u64,
    head: u64,
    deadline: Instant,
) -> Result<Snapshot> {
    let mut snap = base.clone();
    for version in base.version + 1..=to {
        let mut offset = 0u64;
        loop {
            if Instant::now() >= deadline {
                return Err(Error::DeadlineExceeded);
            }
            let changes = match store.entry_changes(version, offset, 16_384) {
                Ok(c) => c,
                // A store whose log starts later (migrated from a checkpoint) cannot rebuild
                // what came before.
                Err(StoreError::UnknownVersion(_)) => {
                    return Err(Error::VersionNotRetained {
                        version: to,
                        oldest: version + 1,
                        head,
                    })
                }
                Err(e) => return Err(e.into()),
            };
            if changes.is_empty() {
                break;
            }
            for c in &changes {
                snap.apply(c).map_err(|e| {
                    let (kind, id) = c.target();
                    Error::Store(StoreError::Inconsistent(format!(
                        "replaying version {version}: {kind} {id}: {e}"
                    )))
                })?;
            }
            offset += changes.len() as u64;
        }
    }
    snap.version = to;
    Ok(snap)
}

impl Service {
    /// The oldest version `at_version` may name now.
    pub fn oldest_readable_version(&self) -> u64 {
        self.version().saturating_sub(self.config.version_retention)
    }

    /// The graph as it was at `version` (see the module docs). May replay the change log: call it
    /// off the async workers.
    pub fn snapshot_at(&self, version: u64) -> Result<Arc<Snapshot>> {
        let current = self.snapshot();
        if version > current.version {
            return Err(Error::VersionNotReached {
                wanted: version,
                served: current.version,
            });
        }
        if version == current.version {
            return Ok(current);
        }
        let oldest = self.oldest_readable_version();
        if version < oldest {
            return Err(Error::VersionNotRetained {
                version,
                oldest,
                head: current.version,
            });
        }
        if let Some(s) = self.versions.exact(version) {
            return Ok(s);
        }
        let base = self
            .versions
            .below(version)
            .unwrap_or_else(|| Arc::new(Snapshot::default()));
        let started = Instant::now();
        let deadline = started + self.config.analytics_timeout.max(Duration::from_millis(1));
        let snap = Arc::new(rebuild(
            &*self.store,
            &base,
            version,
            current.version,
            deadline,
        )?);
        tracing::debug!(
            version,
            from = base.version,
            seconds = started.elapsed().as_secs_f64(),
            "rebuilt a past version from the change log"
        );
        self.versions.keep_rebuilt(snap.clone());
        Ok(snap)
    }

    /// The retained versions.
    pub fn versions(&self) -> &Versions {
        &self.versions
    }
}
