//! Bounded worker pools: a fixed number of threads and a bounded queue.
//!
//! Analytics, jobs and exports each run on a pool of their own, started with the service: the
//! threads that compute are never the HTTP server's (async workers or blocking pool), a full pool
//! refuses work instead of queueing it without bound, and a panic in a task is caught and leaves
//! the thread serving. A task may name the client it is for; a pool with a per-client share runs
//! at most that many of one client's tasks at once and picks, among the waiting tasks, the oldest
//! whose client is under its share, so one client's queue never holds every worker.
//!
//! Workers run at a lower scheduling priority ([`WORKER_NICE`]; threads a computation starts
//! inherit it), so that however many computations run, the HTTP server's threads get the CPU first
//! and cheap reads never wait behind analytics.

use std::collections::HashMap;

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use parking_lot::{Condvar, Mutex};

type Task = Box<dyn FnOnce() + Send + 'static>;

/// The nice value of worker threads (0 is the default of the process; higher is lower priority).
pub const WORKER_NICE: i32 = 10;

/// Lowers the calling thread's priority to [`WORKER_NICE`] (where the platform allows it).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        let tid = rustix::thread::gettid();
        if let Err(e) = rustix::process::setpriority_process(Some(tid), WORKER_NICE) {
            tracing::debug!(error = %e, "could not lower a worker's priority");
        }
    }
}

#[derive(Default)]
struct Queue {
    tasks: VecDeque<(Option<String>, Task)>,
    /// Tasks running per client.
    running: HashMap<String, usize>,
    closed: bool,
}

impl Queue {
    /// The oldest task whose client is under `share`.
    fn next(&mut self, share: usize) -> Option<(Option<String>, Task)> {
        let at = self.tasks.iter().position(|(c, _)| {
            c.as_ref()
                .is_none_or(|c| self.running.get(c).copied().unwrap_or(0) < share)
        })?;
        self.tasks.remove(at)
    }
}

struct Shared {
    queue: Mutex<Queue>,
    ready: Condvar,
    running: AtomicUsize,
    capacity: usize,
    /// Tasks of one client run at once at most.
    share: usize,
}

/// A pool of `threads` workers with room for `capacity` tasks waiting.
pub struct Pool {
    shared: Arc<Shared>,
    threads: usize,
    name: &'static str,
}

/// Counters of a pool.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolStats {
    pub threads: usize,
    pub running: usize,
    pub queued: usize,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("name", &self.name)
            .field("stats", &self.stats())
            .finish()
    }
}

impl Pool {
    /// Starts `threads` workers named `citygraph-{name}-{i}`.
    pub fn new(name: &'static str, threads: usize, capacity: usize) -> Pool {
        Pool::with_share(name, threads, capacity, usize::MAX)
    }

    /// As [`Pool::new`], running at most `share` tasks of one client at once.
    pub fn with_share(name: &'static str, threads: usize, capacity: usize, share: usize) -> Pool {
        let threads = threads.max(1);
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            ready: Condvar::new(),
            running: AtomicUsize::new(0),
            capacity,
            share: share.max(1),
        });
        for i in 0..threads {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name(format!("citygraph-{name}-{i}"))
                .spawn(move || worker(&shared))
                .expect("starting a worker thread");
        }
        Pool {
            shared,
            threads,
            name,
        }
    }

    /// Queues `task`; `false` (and the task dropped) when `capacity` tasks are already waiting.
    pub fn try_submit(&self, task: impl FnOnce() + Send + 'static) -> bool {
        self.try_submit_for(None, task)
    }

    /// Queues `task` for `client` (see the module docs).
    pub fn try_submit_for(
        &self,
        client: Option<String>,
        task: impl FnOnce() + Send + 'static,
    ) -> bool {
        let mut q = self.shared.queue.lock();
        if q.closed || q.tasks.len() >= self.shared.capacity {
            return false;
        }
        q.tasks.push_back((client, Box::new(task)));
        drop(q);
        self.shared.ready.notify_all();
        true
    }

    pub fn stats(&self) -> PoolStats {
        PoolStats {
            threads: self.threads,
            running: self.shared.running.load(Ordering::Relaxed),
            queued: self.shared.queue.lock().tasks.len(),
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.shared.queue.lock().closed = true;
        self.shared.ready.notify_all();
    }
}

fn worker(shared: &Shared) {
    lower_priority();
    loop {
        let (client, task) = {
            let mut q = shared.queue.lock();
            loop {
                if let Some(t) = q.next(shared.share) {
                    if let Some(c) = &t.0 {
                        *q.running.entry(c.clone()).or_insert(0) += 1;
                    }
                    break t;
                }
                if q.closed {
                    return;
                }
                shared.ready.wait(&mut q);
            }
        };
        shared.running.fetch_add(1, Ordering::Relaxed);
        if catch_unwind(AssertUnwindSafe(task)).is_err() {
            tracing::error!("a task panicked; its worker goes on");
        }
        shared.running.fetch_sub(1, Ordering::Relaxed);
        if let Some(c) = client {
            let mut q = shared.queue.lock();
            if let Some(n) = q.running.get_mut(&c) {
                *n -= 1;
                if *n == 0 {
                    q.running.remove(&c);
                }
            }
            drop(q);
            // A task held back by its client's share may go now.
            shared.ready.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    #[test]
    fn one_client_never_holds_every_worker() {
        let pool = Pool::with_share("share", 2, 10, 1);
        let (tx, rx) = mpsc::channel::<&'static str>();
        let gate = Arc::new((Mutex::new(false), Condvar::new()));
        let blocked = |name: &'static str| {
            let (tx, gate) = (tx.clone(), gate.clone());
            move || {
                tx.send(name).unwrap();
                let (m, cv) = &*gate;
                let mut open = m.lock();
                while !*open {
                    cv.wait(&mut open);
                }
            }
        };
        assert!(pool.try_submit_for(Some("greedy".into()), blocked("greedy-1")));
        assert!(pool.try_submit_for(Some("greedy".into()), blocked("greedy-2")));
        assert!(pool.try_submit_for(Some("polite".into()), blocked("polite")));
        let mut started = vec![rx.recv().unwrap(), rx.recv().unwrap()];
        started.sort_unstable();
        // The second worker went to the other client, not to greedy's second task.
        assert_eq!(started, ["greedy-1", "polite"]);
        assert_eq!(pool.stats().queued, 1);
        let (m, cv) = &*gate;
        *m.lock() = true;
        cv.notify_all();
        assert_eq!(
            rx.recv_timeout(Duration::from_secs(10)).unwrap(),
            "greedy-2"
        );
    }

    #[test]
    fn runs_tasks_refuses_beyond_its_queue_and_survives_panics() {
        let pool = Pool::new("test", 1, 1);
        let (gate_tx, gate_rx) = mpsc::channel::<()>();
        let (done_tx, done_rx) = mpsc::channel::<u32>();
        let d = done_tx.clone();
        assert!(pool.try_submit(move || {
            gate_rx.recv().unwrap();
            d.send(1).unwrap();
        }));
        // Wait until the first task runs, so the queue is empty again.
        while pool.stats().running == 0 {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert!(pool.try_submit(|| panic!("a panicking task")));
        assert!(!pool.try_submit(|| {}), "the queue holds one task");
        gate_tx.send(()).unwrap();
        assert_eq!(done_rx.recv().unwrap(), 1);
        let d = done_tx.clone();
        // After the panic the worker still serves.
        while !pool.try_submit({
            let d = d.clone();
            move || d.send(2).unwrap()
        }) {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(done_rx.recv_timeout(Duration::from_secs(10)).unwrap(), 2);
    }
}
