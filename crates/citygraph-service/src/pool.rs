//! Bounded worker pools: a fixed number of threads and a bounded queue.
//!
//! Analytics, jobs and exports each run on a pool of their own, started with the service: the
//! threads that compute are never the HTTP server's (async workers or blocking pool), a full pool
//! refuses work instead of queueing it without bound, and a panic in a task is caught and leaves
//! the thread serving.

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use parking_lot::{Condvar, Mutex};

type Task = Box<dyn FnOnce() + Send + 'static>;

#[derive(Default)]
struct Queue {
    tasks: VecDeque<Task>,
    closed: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    ready: Condvar,
    running: AtomicUsize,
    capacity: usize,
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
        let threads = threads.max(1);
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            ready: Condvar::new(),
            running: AtomicUsize::new(0),
            capacity,
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
        let mut q = self.shared.queue.lock();
        if q.closed || q.tasks.len() >= self.shared.capacity {
            return false;
        }
        q.tasks.push_back(Box::new(task));
        drop(q);
        self.shared.ready.notify_one();
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
    loop {
        let task = {
            let mut q = shared.queue.lock();
            loop {
                if let Some(t) = q.tasks.pop_front() {
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
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

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
