//! citygraph-service: the use cases every interface calls.
//!
//! An HTTP handler and a CLI command that do the same thing call the same function here. The
//! [`Service`] owns the store (`Arc<dyn GraphStore>`), the current [`Snapshot`] (swapped atomically
//! after each durable commit, so readers always see a whole version), the single writer lock, the
//! per-kind version clock ([`kinds`]), and the analytics engine: typed requests, worker pools,
//! the result cache bounded in bytes, jobs and exports. It knows nothing of HTTP; it uses tokio's
//! `sync` primitives only (waiters await a channel, no runtime is needed here).
//!
//! Start with [`Service::commit`] (how a write becomes durable and visible), then [`entities`]
//! (CRUD), [`import`] (bulk import), [`analytics`] (queries, [`Service::analyze`]), [`jobs`],
//! [`export`] and [`cache`].

pub mod analytics;
pub mod cache;
pub mod checkpoint;
pub mod entities;
mod error;
pub mod export;
pub mod feed;
pub mod follow;
pub mod import;
pub mod jobs;
pub mod kinds;
pub mod map;
pub mod pool;
pub mod query;
pub mod versions;
pub mod write;

use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use citygraph_core::{Applied, Change, Snapshot};
use citygraph_store::{GraphStore, LogEntry};
use parking_lot::{Condvar, Mutex};

pub use analytics::engine::ClientId;
pub use citygraph_core::algo::cancel::{Cancel, Cancelled, Progress};
pub use error::{Error, ErrorKind, LineProblem, Result, DEADLINE_RETRY_AFTER_SECS};

/// Tunables of the service.
#[derive(Clone, Debug)]
pub struct ServiceConfig {
    /// Analytics computations run at once (the interactive analytics workers).
    pub max_concurrent_computations: usize,
    /// Computations waiting for a worker at most; more get [`Error::Busy`].
    pub analytics_queue: usize,
    /// Computations one client may have started and not finished (running or queued); more get
    /// [`Error::ClientBusy`]. However many, one client runs on at most all workers but one.
    pub analytics_per_client: usize,
    /// Deadline of a request a client waits for.
    pub analytics_timeout: Duration,
    /// Most work (estimated units, see [`analytics::request::Estimate`]) a request may take;
    /// jobs get this times `job_timeout / analytics_timeout`.
    pub analytics_budget: u64,
    /// Threads one parallel computation may use (`None`: every core).
    pub analytics_threads: Option<usize>,
    /// Bytes of the result cache.
    pub result_cache_bytes: usize,
    /// Job workers (jobs computed at once).
    pub job_workers: usize,
    /// Deadline of a job.
    pub job_timeout: Duration,
    /// Jobs: limits and retention.
    pub jobs: jobs::JobsConfig,
    /// Exports streamed at once, and per client.
    pub max_exports: usize,
    pub exports_per_client: usize,
    /// Deadline of an export (a client reading too slowly is cut off).
    pub export_timeout: Duration,
    /// Seconds a busy client is told to wait.
    pub retry_after_secs: u64,
    /// A checkpoint is written once this many versions have passed since the last (0: never
    /// by count).
    pub checkpoint_every: u64,
    /// ... and after every commit of at least this many writes (a bulk import).
    pub checkpoint_bulk: usize,
    /// How many versions behind the newest `at_version` may read ([`versions`]).
    pub version_retention: u64,
    /// Change-feed readers that may long-poll at once ([`feed::Feed::enter`]).
    pub feed_waiters: usize,
}

/// Default of [`ServiceConfig::analytics_budget`]: about 30 s of exact betweenness on two cores
/// (the seed twinning graph's takes about a twentieth of it, `gen_graph.py medium` about a
/// half).
pub const DEFAULT_ANALYTICS_BUDGET: u64 = 20_000_000_000;

impl Default for ServiceConfig {
    fn default() -> Self {
        ServiceConfig {
            max_concurrent_computations: 2,
            analytics_queue: 16,
            analytics_per_client: 4,
            analytics_timeout: Duration::from_secs(30),
            analytics_budget: DEFAULT_ANALYTICS_BUDGET,
            analytics_threads: None,
            result_cache_bytes: 256 << 20,
            job_workers: 1,
            job_timeout: Duration::from_secs(3600),
            jobs: jobs::JobsConfig::default(),
            max_exports: 2,
            exports_per_client: 1,
            export_timeout: Duration::from_secs(600),
            retry_after_secs: 2,
            checkpoint_every: 1000,
            checkpoint_bulk: 20_000,
            version_retention: versions::DEFAULT_RETENTION,
            feed_waiters: feed::DEFAULT_FEED_WAITERS,
        }
    }
}

impl ServiceConfig {
    fn engine(&self) -> analytics::engine::EngineConfig {
        let scale = (self.job_timeout.as_secs_f64()
            / self.analytics_timeout.as_secs_f64().max(1e-3))
        .max(1.0);
        analytics::engine::EngineConfig {
            slots: self.max_concurrent_computations.max(1),
            queue: self.analytics_queue,
            per_client: self.analytics_per_client.max(1),
            timeout: self.analytics_timeout,
            budget: self.analytics_budget,
            cache_bytes: self.result_cache_bytes,
            threads: self.analytics_threads,
            job_workers: self.job_workers.max(1),
            job_queue: self.jobs.max_jobs.max(1),
            job_timeout: self.job_timeout,
            job_budget: (self.analytics_budget as f64 * scale).min(u64::MAX as f64) as u64,
            retry_after_secs: self.retry_after_secs,
        }
    }
}

/// A write plan that has been applied to a copy of the snapshot.
pub struct Prepared<T> {
    pub changes: Vec<Change>,
    /// The snapshot with `changes` applied (its version is set on commit).
    pub next: Snapshot,
    pub applied: Vec<Applied>,
    pub extra: T,
}

/// Group-commit state (see [`Service::commit_prepared`]).
#[derive(Debug)]
struct Durable {
    /// The newest version known to be on disk.
    version: u64,
    /// Whether some writer is running a sync now.
    syncing: bool,
}

/// The citygraph engine: store, current snapshot, writer lock and caches.
pub struct Service {
    store: Arc<dyn GraphStore>,
    /// The newest durable version: what readers see.
    current: ArcSwap<Snapshot>,
    /// Held while a write is planned and committed; holds the newest committed version, which may
    /// be ahead of `current` until the next sync.
    writer: Mutex<Arc<Snapshot>>,
    /// Group commit: which version is durable and whether a sync is running.
    durable: Mutex<Durable>,
    synced: Condvar,
    /// Which kinds each commit touched (what a write invalidates).
    kinds: kinds::KindClock,
    indexes: Arc<analytics::IndexCache>,
    engine: analytics::engine::Engine,
    jobs: jobs::Jobs,
    exports: export::Exports,
    config: ServiceConfig,
    checkpoints: checkpoint::Checkpointer,
    /// A shared store's health, as the follower and the commits last saw it.
    follow: follow::FollowState,
    /// Past versions kept for `at_version` reads.
    versions: versions::Versions,
    /// The visible version as a watch channel, for the change feed's long polls.
    feed: feed::Feed,
}

/// The entity kinds a commit's changes touch (what it invalidates in the result cache).
fn touched_kinds(changes: &[Change]) -> analytics::request::Kinds {
    changes
        .iter()
        .fold(analytics::request::Kinds::NONE, |k, c| {
            k.with(analytics::request::Kinds::of_entity(c.target().0))
        })
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service")
            .field("version", &self.current.load().version)
            .finish()
    }
}

impl Service {
    /// Loads the graph from `store` and serves it.
    #[tracing::instrument(skip_all)]
    pub fn open(store: Arc<dyn GraphStore>, config: ServiceConfig) -> Result<Service> {
        let snap = store.load()?;
        tracing::info!(
            version = snap.version,
            cities = snap.cities.len(),
            partnerships = snap.partnerships.len(),
            networks = snap.networks.len(),
            memberships = snap.memberships.len(),
            "graph loaded"
        );
        let snap_version = snap.version;
        let snap = Arc::new(snap);
        let versions = versions::Versions::default();
        versions.record(snap.clone());
        let on_disk = store.checkpoint_version()?.unwrap_or(0);
        let checkpoints = checkpoint::Checkpointer::start(store.clone(), &config, on_disk);
        if snap.version > on_disk {
            // The change log replayed at this start is not replayed at the next.
            checkpoints.request(snap.clone());
        }
        Ok(Service {
            checkpoints,
            store,
            durable: Mutex::new(Durable {
                version: snap.version,
                syncing: false,
            }),
            synced: Condvar::new(),
            writer: Mutex::new(snap.clone()),
            kinds: kinds::KindClock::new(snap.version),
            current: ArcSwap::new(snap),
            indexes: Arc::new(analytics::IndexCache::default()),
            engine: analytics::engine::Engine::new(config.engine()),
            jobs: jobs::Jobs::new(config.jobs.clone()),
            exports: export::Exports::new(
                config.max_exports,
                config.exports_per_client,
                config.export_timeout,
                config.retry_after_secs,
            ),
            feed: feed::Feed::new(snap_version, config.feed_waiters.max(1)),
            config,
            follow: follow::FollowState::default(),
            versions,
        })
    }

    /// The current version of the graph, whole.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    pub fn version(&self) -> u64 {
        self.current.load().version
    }

    pub fn config(&self) -> &ServiceConfig {
        &self.config
    }

    /// Per-version indexes shared by analytics.
    pub fn indexes(&self) -> &analytics::IndexCache {
        &self.indexes
    }

    /// Runs one logical write: `plan` turns the current snapshot into primitive changes; they are
    /// checked on a copy, written in one store transaction (flushed), and only then made visible.
    /// Writers are serialised; readers are never blocked and never see a partial write.
    pub fn commit<T>(
        &self,
        op: &str,
        plan: impl FnOnce(&Snapshot) -> Result<(Vec<Change>, T)>,
    ) -> Result<(Arc<Snapshot>, Vec<Applied>, T)> {
        self.commit_prepared(op, |cur| {
            let (changes, extra) = plan(cur)?;
            let (next, applied) = cur
                .with_changes(&changes)
                .map_err(|(_, e)| Error::from(e))?;
            Ok(Prepared {
                changes,
                next,
                applied,
                extra,
            })
        })
    }

    /// As [`Service::commit`], for a plan that has already applied its changes to a copy of the
    /// snapshot (bulk imports check every record that way and must not apply them twice).
    ///
    /// Group commit: the writer lock covers planning and the store transaction only. The flush
    /// that makes the write durable is shared: a writer that finds no sync running starts one for
    /// every transaction committed so far, and writers arriving meanwhile wait for it or the next.
    /// A version becomes visible to readers only once it is durable, and a write returns only
    /// then, so an acknowledged write survives a crash and readers never see one that might not.
    /// If a sync fails, the writers it covered get the error; their transactions are in the
    /// store's memory and may still reach the disk with a later sync (the outcome of a write whose
    /// flush failed is unknown, as in any database).
    pub fn commit_prepared<T>(
        &self,
        op: &str,
        plan: impl FnOnce(&Snapshot) -> Result<Prepared<T>>,
    ) -> Result<(Arc<Snapshot>, Vec<Applied>, T)> {
        let mut writes = 0;
        let (snap, applied, extra) = {
            let mut head = self.writer.lock();
            // A shared store: take its version lock, then apply what other servers wrote since.
            let shared = self.store.begin_shared();
            self.note_store(shared.as_ref().err());
            let shared = shared?;
            if let Some(tx) = &shared {
                self.apply_log(&mut head, tx.head())?;
            }
            let cur = head.clone();
            let Prepared {
                changes,
                mut next,
                applied,
                extra,
            } = plan(&cur)?;
            let context = write::current();
            if let Some(pre) = context.as_ref().and_then(|c| c.precondition.as_ref()) {
                if !changes.is_empty() {
                    self.check_precondition(pre, &cur, &changes)?;
                }
            }
            let describe = |changes: &[Change]| {
                let mut entry = LogEntry::describe(op, changes);
                if let Some(c) = &context {
                    entry.who = c.who.clone();
                    entry.why = c.why.clone();
                }
                entry
            };
            if changes.is_empty() {
                (cur, applied, extra)
            } else if let Some(tx) = shared {
                let version = tx.finish(describe(&changes), &changes);
                self.note_store(version.as_ref().err());
                writes = changes.len();
                next.version = version?;
                self.kinds.record(next.version, touched_kinds(&changes));
                let next = Arc::new(next);
                *head = next.clone();
                self.versions.record(next.clone());
                self.publish(next.clone());
                tracing::debug!(op, version = next.version, writes, "committed");
                (next, applied, extra)
            } else {
                let version = self.store.commit_unsynced(describe(&changes), &changes)?;
                self.kinds.record(version, touched_kinds(&changes));
                writes = changes.len();
                next.version = version;
                let next = Arc::new(next);
                *head = next.clone();
                self.versions.record(next.clone());
                tracing::debug!(op, version, writes = changes.len(), "committed");
                (next, applied, extra)
            }
        };
        self.wait_durable(snap.version)?;
        if writes > 0 {
            self.checkpoints.after_commit(&snap, writes);
        }
        Ok((snap, applied, extra))
    }

    /// Returns once `version` is durable and visible, syncing the store if no sync is running.
    fn wait_durable(&self, version: u64) -> Result<()> {
        let mut d = self.durable.lock();
        loop {
            if d.version >= version {
                return Ok(());
            }
            if d.syncing {
                self.synced.wait(&mut d);
                continue;
            }
            d.syncing = true;
            drop(d);
            // Everything committed before the sync starts is durable when it ends.
            let target = self.writer.lock().clone();
            let result = self.store.sync();
            d = self.durable.lock();
            d.syncing = false;
            if result.is_ok() && target.version > d.version {
                let version = target.version;
                d.version = version;
                self.current.store(target);
                self.feed.visible(version);
            }
            self.synced.notify_all();
            result?;
        }
    }

    /// The background checkpoints of this service.
    pub fn checkpoints(&self) -> &checkpoint::Checkpointer {
        &self.checkpoints
    }

    /// Change-log entries after `since`, oldest first.
    pub fn changes_since(
        &self,
        since: u64,
        limit: usize,
    ) -> Result<Vec<citygraph_store::LogEntry>> {
        Ok(self.store.changes_since(since, limit)?)
    }
}
