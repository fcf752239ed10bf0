//! Background checkpoints of durable versions.
//!
//! A [`Checkpointer`] owns one thread that writes checkpoints through
//! [`GraphStore::write_checkpoint`], so that the next start loads the graph from an image instead
//! of replaying the change log. It is asked after every durable commit and writes one after a bulk
//! commit (at least [`ServiceConfig::checkpoint_bulk`] writes) or once
//! [`ServiceConfig::checkpoint_every`] versions have passed since the last one. Requests coalesce:
//! while one image is being written, only the newest requested version waits. Dropping the
//! checkpointer finishes the pending image first (a CLI import leaves its checkpoint behind); a
//! crash at any moment is harmless (the store writes images atomically and loads the newest valid
//! one).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use citygraph_core::Snapshot;
use citygraph_store::GraphStore;
use parking_lot::{Condvar, Mutex};

use crate::ServiceConfig;

#[derive(Default)]
struct Slot {
    pending: Option<Arc<Snapshot>>,
    busy: bool,
    stop: bool,
}

struct Shared {
    slot: Mutex<Slot>,
    wake: Condvar,
    idle: Condvar,
    /// The newest version with a checkpoint written or requested.
    last: AtomicU64,
}

/// The checkpoint thread and its policy (module docs).
pub struct Checkpointer {
    shared: Arc<Shared>,
    every: u64,
    bulk: usize,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts the thread; `last` is the version of the newest checkpoint on disk (0 for none).
    pub fn start(store: Arc<dyn GraphStore>, config: &ServiceConfig, last: u64) -> Checkpointer {
        let shared = Arc::new(Shared {
            slot: Mutex::new(Slot::default()),
            wake: Condvar::new(),
            idle: Condvar::new(),
            last: AtomicU64::new(last),
        });
        let worker = shared.clone();
        let thread = std::thread::Builder::new()
            .name("checkpoint".into())
            .spawn(move || run(&*store, &worker))
            .expect("spawning the checkpoint thread");
        Checkpointer {
            shared,
            every: config.checkpoint_every,
            bulk: config.checkpoint_bulk,
            thread: Some(thread),
        }
    }

    /// Called with every durable version and the number of writes that made it.
    pub fn after_commit(&self, snap: &Arc<Snapshot>, writes: usize) {
        let last = self.shared.last.load(Ordering::Relaxed);
        let due = (self.every > 0 && snap.version >= last.saturating_add(self.every))
            || (writes >= self.bulk && writes > 0);
        if due && snap.version > last {
            self.request(snap.clone());
        }
    }

    /// Asks for a checkpoint of `snap` (a durable version).
    pub fn request(&self, snap: Arc<Snapshot>) {
        self.shared.last.fetch_max(snap.version, Ordering::Relaxed);
        let mut slot = self.shared.slot.lock();
        if slot
            .pending
            .as_ref()
            .is_none_or(|p| p.version < snap.version)
        {
            slot.pending = Some(snap);
        }
        self.shared.wake.notify_one();
    }

    /// Blocks until no checkpoint is pending or being written.
    pub fn wait_idle(&self) {
        let mut slot = self.shared.slot.lock();
        while slot.busy || slot.pending.is_some() {
            self.shared.idle.wait(&mut slot);
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.shared.slot.lock().stop = true;
        self.shared.wake.notify_one();
        if let Some(t) = self.thread.take() {
            if t.join().is_err() {
                tracing::error!("the checkpoint thread panicked");
            }
        }
    }
}

fn run(store: &dyn GraphStore, shared: &Shared) {
    loop {
        let snap = {
            let mut slot = shared.slot.lock();
            loop {
                if let Some(s) = slot.pending.take() {
                    slot.busy = true;
                    break s;
                }
                if slot.stop {
                    return;
                }
                shared.idle.notify_all();
                shared.wake.wait(&mut slot);
            }
        };
        match store.write_checkpoint(&snap) {
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(version = snap.version, error = %e, "checkpoint not written; the next start replays more of the change log")
            }
        }
        drop(snap);
        let mut slot = shared.slot.lock();
        slot.busy = false;
        if slot.pending.is_none() {
            shared.idle.notify_all();
        }
    }
}
