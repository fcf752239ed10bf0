//! Following a store that other servers write too (a shared store: PostgreSQL).
//!
//! Every server holds the whole graph in memory; the store's change log is the one history. A
//! server learns of the versions the others wrote in two ways:
//! - the follower thread ([`Service::follow`]) waits on the store ([`GraphStore::wait_change`]: a
//!   notification, a reconnect, or [`POLL_INTERVAL`] as the fallback), reads the store's head and
//!   applies the entries after its own version ([`Service::catch_up`]);
//! - a commit, once it holds the store's version lock, applies the entries written since its own
//!   newest version before it plans ([`Service::commit_prepared`]), so its preconditions are
//!   checked against the newest graph, and conflicts across servers are the same errors as on one.
//!
//! Both apply under the service's writer lock, in version order, every entry whole, and publish
//! only the snapshot at the newest applied version: a server's snapshot at version v is exactly the
//! writer's at v, and a reader never sees a mix of versions.
//!
//! When the store cannot be reached, the follower records why ([`Service::store_problem`], shown by
//! `/readyz`) and keeps trying; reads are served from memory meanwhile, and writes fail with
//! [`citygraph_store::StoreError::Unavailable`]. When it is back, the next round catches up.
//!
//! [`GraphStore::wait_change`]: citygraph_store::GraphStore::wait_change

use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use citygraph_core::Snapshot;
use citygraph_store::StoreError;
use parking_lot::Mutex;

use crate::{analytics, Result, Service};

/// How long the follower waits for a notification before it reads the store's head anyway.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// The longest a read waits for the server to reach the version it asks for (`min_version`).
pub const MAX_VERSION_WAIT: Duration = Duration::from_secs(2);

/// What the follower knows about the store's health.
#[derive(Debug, Default)]
pub struct FollowState {
    problem: Mutex<Option<String>>,
}

impl FollowState {
    fn set(&self, problem: Option<String>) {
        let mut p = self.problem.lock();
        match (&*p, &problem) {
            (None, Some(why)) => {
                tracing::warn!(reason = %why, "the store cannot be reached: reads are served from memory, writes are refused")
            }
            (Some(_), None) => tracing::info!("the store can be reached again"),
            _ => {}
        }
        *p = problem;
    }
}

impl Service {
    /// Applies the store's entries after `head`'s version up to `to` (the caller holds the writer
    /// lock and passes its snapshot), publishes the result, and returns the changes applied.
    pub(crate) fn apply_log(&self, head: &mut Arc<Snapshot>, to: u64) -> Result<u64> {
        let from = head.version;
        if to <= from {
            return Ok(0);
        }
        let started = Instant::now();
        let mut next = (**head).clone();
        let applied = self.store.replay(&mut next, from, to)?;
        let next = Arc::new(next);
        *head = next.clone();
        self.versions.record(next.clone());
        // What another server changed is not known kind by kind here: every cached result
        // older than this version is stale.
        self.kinds
            .record(next.version, analytics::request::Kinds::ALL);
        self.publish(next.clone());
        tracing::debug!(
            from,
            to,
            applied,
            seconds = started.elapsed().as_secs_f64(),
            "applied versions written by another server"
        );
        self.checkpoints
            .after_commit(&next, usize::try_from(applied).unwrap_or(usize::MAX));
        Ok(applied)
    }

    /// Makes `snap` (a durable version) what readers see, unless they already see a newer one.
    pub(crate) fn publish(&self, snap: Arc<Snapshot>) {
        let mut d = self.durable.lock();
        if snap.version > d.version {
            d.version = snap.version;
            let version = snap.version;
            self.current.store(snap);
            // Long-polling readers of the change feed wake on versions of any server.
            self.feed.visible(version);
        }
        drop(d);
        self.synced.notify_all();
    }

    /// Reads the store's newest version and applies the entries this server does not have yet.
    /// Returns the version served afterwards.
    pub fn catch_up(&self) -> Result<u64> {
        let outcome = self.catch_up_inner();
        self.note_store(match &outcome {
            Err(crate::Error::Store(e)) => Some(e),
            _ => None,
        });
        outcome
    }

    fn catch_up_inner(&self) -> Result<u64> {
        let to = self.store.version()?;
        if to > self.version() {
            let mut head = self.writer.lock();
            if to < head.version {
                return Err(StoreError::Inconsistent(format!(
                    "the store's version {to} is behind this server's {}",
                    head.version
                ))
                .into());
            }
            self.apply_log(&mut head, to)?;
        }
        Ok(self.version())
    }

    /// Records whether the store answered (`/readyz` shows the last problem): `None` when it did.
    pub(crate) fn note_store(&self, error: Option<&StoreError>) {
        match error {
            None => self.follow.set(None),
            Some(StoreError::Unavailable(why)) => self.follow.set(Some(why.clone())),
            Some(_) => {}
        }
    }

    /// Why the store cannot be reached now, if it cannot (a shared store only).
    pub fn store_problem(&self) -> Option<String> {
        self.follow.problem.lock().clone()
    }

    /// Whether other servers write to the same store (then [`Service::follow`] runs).
    pub fn is_shared(&self) -> bool {
        self.store.is_shared()
    }

    /// Waits until this server serves `version` or newer, at most `timeout`; whether it does.
    pub fn wait_for_version(&self, version: u64, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut d = self.durable.lock();
        while d.version < version {
            if self.synced.wait_until(&mut d, deadline).timed_out() {
                return d.version >= version;
            }
        }
        true
    }

    /// Starts the follower thread for a shared store (none for a store with one writer). It holds
    /// only a weak reference and ends soon after the service is dropped.
    pub fn follow(self: &Arc<Self>) -> Option<std::thread::JoinHandle<()>> {
        if !self.store.is_shared() {
            return None;
        }
        let weak: Weak<Service> = Arc::downgrade(self);
        let store = self.store.clone();
        let thread = std::thread::Builder::new()
            .name("follow".into())
            .spawn(move || loop {
                let Some(known) = weak.upgrade().map(|s| s.version()) else {
                    return;
                };
                if let Err(e) = store.wait_change(known, POLL_INTERVAL) {
                    tracing::debug!(error = %e, "waiting for the store failed");
                    std::thread::sleep(POLL_INTERVAL);
                }
                let Some(svc) = weak.upgrade() else {
                    return;
                };
                if let Err(e) = svc.catch_up() {
                    tracing::debug!(error = %e, "catching up failed; retrying");
                    drop(svc);
                    std::thread::sleep(Duration::from_millis(200));
                }
            })
            .expect("spawning the follower thread");
        Some(thread)
    }
}
