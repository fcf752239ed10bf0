//! The analytics engine: the result cache, the computations in flight, and the worker pools
//! they run on.
//!
//! A request is answered from the cache, or joins the identical computation already in flight, or
//! starts one, in that order. A computation runs on one of the service's own analytics workers
//! ([`crate::pool`]), never on a thread of the HTTP server; its waiters hold no thread, they await
//! a `tokio::sync::watch` channel. Each waiter (and each job that needs the result) holds a guard
//! on the computation: when the last one is dropped (the HTTP client left, the job was cancelled)
//! the computation is cancelled through its [`Cancel`] handle and stops at its next check.
//!
//! Admission, before any work: the query's cost estimate against the lane's budget
//! ([`Error::TooExpensive`]), the computations one client has started and not finished
//! ([`Error::ClientBusy`]), and room in the lane's queue ([`Error::Busy`]). Interactive requests
//! and jobs run on separate lanes (pools), so a long job never takes an interactive slot. One
//! client's interactive computations run on at most all analytics workers but one (the pool's
//! per-client share); the others wait in the queue while other clients' go first.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use citygraph_core::algo::cancel::Cancel;
use citygraph_core::Snapshot;
use parking_lot::Mutex;
use tokio::sync::watch;

use super::request::{QueryName, Sizes};
use super::run::{stopped, Ctx};
use super::IndexCache;
use crate::cache::{Answer, CacheKey, CacheStats, ResultCache};
use crate::pool::{Pool, PoolStats};
use crate::{Error, Result};

/// Who asks: a token, or the peer address of an anonymous client (the transport decides).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClientId(pub String);

impl ClientId {
    /// The identity of callers with no other one (the command line, tests).
    pub fn local() -> ClientId {
        ClientId("local".to_owned())
    }
}

/// Where a computation runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lane {
    /// Requests a client waits for: short deadline, small budget.
    Interactive,
    /// Jobs: long deadline, large budget.
    Jobs,
}

/// How a computation ended.
pub type Outcome = std::result::Result<Arc<Answer>, Arc<Error>>;

/// A computation in flight. Counters are changed only under the engine's lock.
pub struct Flight {
    key: CacheKey,
    lane: Lane,
    client: ClientId,
    cancel: Cancel,
    tx: watch::Sender<Option<(Outcome, SystemTime)>>,
    waiters: AtomicUsize,
    pins: AtomicUsize,
    done: AtomicBool,
    started: Mutex<Option<(Instant, SystemTime)>>,
}

impl std::fmt::Debug for Flight {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Flight")
            .field("query", &self.key.query.name())
            .field("lane", &self.lane)
            .finish()
    }
}

impl Flight {
    /// The outcome and when it came, once there is one.
    pub fn outcome(&self) -> Option<(Outcome, SystemTime)> {
        self.tx.borrow().clone()
    }
    /// When a worker started it (monotonic and wall-clock time).
    pub fn started(&self) -> Option<(Instant, SystemTime)> {
        *self.started.lock()
    }
    /// Its cancellation handle (progress, deadline).
    pub fn cancel(&self) -> &Cancel {
        &self.cancel
    }
    /// The graph version it computes on is the answer's; the key's basis is what it depends on.
    pub fn key(&self) -> &CacheKey {
        &self.key
    }
}

#[derive(Default)]
struct Flights {
    map: HashMap<(Lane, CacheKey), Arc<Flight>>,
    /// Interactive computations each client started and that have not finished.
    clients: HashMap<ClientId, usize>,
}

/// Counters of one query.
#[derive(Default)]
struct Counters {
    hits: AtomicU64,
    joined: AtomicU64,
    computed: AtomicU64,
    succeeded: AtomicU64,
    failed: AtomicU64,
    deadline: AtomicU64,
    canceled: AtomicU64,
    too_expensive: AtomicU64,
    refused: AtomicU64,
}

/// Counters of one query, read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueryCounters {
    /// Answered from the result cache.
    pub hits: u64,
    /// Joined an identical computation in flight.
    pub joined: u64,
    /// Computations started.
    pub computed: u64,
    pub succeeded: u64,
    pub failed: u64,
    /// Stopped at their deadline.
    pub deadline: u64,
    /// Stopped because no one waited any more.
    pub canceled: u64,
    /// Refused by the cost estimate.
    pub too_expensive: u64,
    /// Refused for lack of room (busy, or the client's limit).
    pub refused: u64,
}

/// The engine's counters.
#[derive(Clone, Debug, Default)]
pub struct EngineStats {
    pub queries: Vec<(QueryName, QueryCounters)>,
    pub cache: CacheStats,
    pub interactive: PoolStats,
    pub jobs: PoolStats,
    pub in_flight: usize,
}

/// Settings of the engine (see [`crate::ServiceConfig`]).
#[derive(Clone, Debug)]
pub struct EngineConfig {
    pub slots: usize,
    pub queue: usize,
    pub per_client: usize,
    pub timeout: Duration,
    pub budget: u64,
    pub cache_bytes: usize,
    pub threads: Option<usize>,
    pub job_workers: usize,
    pub job_queue: usize,
    pub job_timeout: Duration,
    pub job_budget: u64,
    pub retry_after_secs: u64,
}

struct Shared {
    flights: Mutex<Flights>,
    cache: ResultCache,
    counters: Vec<Counters>,
    config: EngineConfig,
}

impl Shared {
    fn counters(&self, q: QueryName) -> &Counters {
        &self.counters[QueryName::ALL
            .iter()
            .position(|n| *n == q)
            .expect("every query is listed")]
    }

    /// A waiter or a pin let go of `flight`; the last one cancels it.
    fn leave(&self, flight: &Arc<Flight>, pin: bool) {
        let mut flights = self.flights.lock();
        let counter = if pin { &flight.pins } else { &flight.waiters };
        counter.fetch_sub(1, Ordering::Relaxed);
        let unwanted =
            flight.waiters.load(Ordering::Relaxed) == 0 && flight.pins.load(Ordering::Relaxed) == 0;
        if unwanted && !flight.done.load(Ordering::Relaxed) {
            flight.cancel.cancel();
            let k = (flight.lane, flight.key.clone());
            if flights.map.get(&k).is_some_and(|f| Arc::ptr_eq(f, flight)) {
                flights.map.remove(&k);
            }
        }
    }

    /// Records the outcome of `flight`: in the cache first (so that a request arriving now finds
    /// it), then out of the flights, then to its waiters.
    fn finish(&self, flight: &Arc<Flight>, outcome: Outcome) {
        let c = self.counters(flight.key.query.name());
        match &outcome {
            Ok(answer) => {
                c.succeeded.fetch_add(1, Ordering::Relaxed);
                self.cache.insert(flight.key.clone(), answer.clone());
            }
            Err(e) => {
                let counter = match **e {
                    Error::DeadlineExceeded => &c.deadline,
                    Error::Canceled => &c.canceled,
                    _ => &c.failed,
                };
                counter.fetch_add(1, Ordering::Relaxed);
            }
        }
        {
            let mut flights = self.flights.lock();
            flight.done.store(true, Ordering::Relaxed);
            let k = (flight.lane, flight.key.clone());
            if flights.map.get(&k).is_some_and(|f| Arc::ptr_eq(f, flight)) {
                flights.map.remove(&k);
            }
            if flight.lane == Lane::Interactive {
                if let Some(n) = flights.clients.get_mut(&flight.client) {
                    *n -= 1;
                    if *n == 0 {
                        flights.clients.remove(&flight.client);
                    }
                }
            }
        }
        flight.tx.send_replace(Some((outcome, SystemTime::now())));
    }
}

/// See the module docs.
pub struct Engine {
    shared: Arc<Shared>,
    interactive: Pool,
    jobs: Pool,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").finish_non_exhaustive()
    }
}

/// Awaits a computation; dropping it (unawaited) lets go of the computation.
pub struct Waiter {
    shared: Arc<Shared>,
    flight: Arc<Flight>,
}

impl Waiter {
    /// The computation's answer (or error), without holding a thread.
    pub async fn wait(self) -> Result<Arc<Answer>> {
        let mut rx = self.flight.tx.subscribe();
        let outcome = match rx.wait_for(Option::is_some).await {
            Ok(v) => v.as_ref().map(|(o, _)| o.clone()),
            Err(_) => None,
        };
        match outcome {
            Some(Ok(a)) => Ok(a),
            Some(Err(e)) => Err(e.as_ref().duplicate()),
            None => Err(Error::Internal(
                "the computation ended without an answer".into(),
            )),
        }
    }

    /// The computation waited for.
    pub fn flight(&self) -> &Arc<Flight> {
        &self.flight
    }
}

impl Drop for Waiter {
    fn drop(&mut self) {
        self.shared.leave(&self.flight, false);
    }
}

/// Keeps a computation wanted (a job's hold on it): while a pin exists, it is not cancelled for
/// lack of waiters.
pub struct Pin {
    shared: Arc<Shared>,
    flight: Arc<Flight>,
}

impl Pin {
    pub fn flight(&self) -> &Arc<Flight> {
        &self.flight
    }
}

impl Drop for Pin {
    fn drop(&mut self) {
        self.shared.leave(&self.flight, true);
    }
}

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.flight.fmt(f)
    }
}

/// A hold on an answer: the answer itself, a waiter's or a job's.
pub enum Held {
    Ready(Arc<Answer>),
    Waiting(Waiter),
    Pinned(Pin),
}

impl Engine {
    pub fn new(config: EngineConfig) -> Engine {
        // One client runs on at most all workers but one (all of them when there is one).
        let share = config.slots.saturating_sub(1).max(1);
        let interactive = Pool::with_share("analytics", config.slots, config.queue, share);
        let jobs = Pool::new("jobs", config.job_workers, config.job_queue);
        Engine {
            shared: Arc::new(Shared {
                flights: Mutex::new(Flights::default()),
                cache: ResultCache::new(config.cache_bytes),
                counters: QueryName::ALL.iter().map(|_| Counters::default()).collect(),
                config,
            }),
            interactive,
            jobs,
        }
    }

    pub fn config(&self) -> &EngineConfig {
        &self.shared.config
    }

    /// The answer in the cache, counting a hit.
    pub fn cached(&self, key: &CacheKey) -> Option<Arc<Answer>> {
        let a = self.shared.cache.get(key)?;
        self.shared
            .counters(key.query.name())
            .hits
            .fetch_add(1, Ordering::Relaxed);
        Some(a)
    }

    /// Admits `key` on `lane` for `client`: answers from the cache, joins the identical
    /// computation in flight, or starts one on `snap` (see the module docs). The computation is
    /// held by a [`Waiter`] (`pin` false) or a job's [`Pin`], taken under the same lock as the
    /// lookup so that no other holder's departure can cancel it in between.
    pub(crate) fn admit(
        &self,
        key: CacheKey,
        snap: Arc<Snapshot>,
        indexes: Arc<IndexCache>,
        lane: Lane,
        client: &ClientId,
        pin: bool,
    ) -> Result<Held> {
        let name = key.query.name();
        if let Some(a) = self.cached(&key) {
            return Ok(Held::Ready(a));
        }
        let c = self.shared.counters(name);
        let cfg = &self.shared.config;
        let (budget, timeout, pool) = match lane {
            Lane::Interactive => (cfg.budget, cfg.timeout, &self.interactive),
            Lane::Jobs => (cfg.job_budget, cfg.job_timeout, &self.jobs),
        };
        let mut estimate = key.query.estimate(&Sizes::of(&snap));
        estimate.budget = budget;
        if estimate.work > budget {
            c.too_expensive.fetch_add(1, Ordering::Relaxed);
            return Err(Error::TooExpensive(estimate));
        }
        let mut flights = self.shared.flights.lock();
        if let Some(a) = self.shared.cache.get(&key) {
            c.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(Held::Ready(a));
        }
        // Interactive requests may join a job's computation; jobs join only jobs' (their deadline).
        let lanes: &[Lane] = match lane {
            Lane::Interactive => &[Lane::Jobs, Lane::Interactive],
            Lane::Jobs => &[Lane::Jobs],
        };
        for l in lanes {
            if let Some(f) = flights.map.get(&(*l, key.clone())) {
                if f.cancel.reason().is_none() {
                    c.joined.fetch_add(1, Ordering::Relaxed);
                    return Ok(self.hold(f.clone(), pin));
                }
            }
        }
        if lane == Lane::Interactive {
            let mine = flights.clients.get(client).copied().unwrap_or(0);
            if mine >= cfg.per_client {
                c.refused.fetch_add(1, Ordering::Relaxed);
                return Err(Error::ClientBusy {
                    limit: cfg.per_client,
                    retry_after_secs: cfg.retry_after_secs,
                });
            }
        }
        let (tx, _) = watch::channel(None);
        let flight = Arc::new(Flight {
            key: key.clone(),
            lane,
            client: client.clone(),
            cancel: Cancel::new(Some(Instant::now() + timeout)),
            tx,
            waiters: AtomicUsize::new(0),
            pins: AtomicUsize::new(0),
            done: AtomicBool::new(false),
            started: Mutex::new(None),
        });
        let task = {
            let shared = self.shared.clone();
            let flight = flight.clone();
            move || run_flight(&shared, &flight, &snap, &indexes)
        };
        if !pool.try_submit_for(Some(client.0.clone()), task) {
            c.refused.fetch_add(1, Ordering::Relaxed);
            return Err(Error::Busy {
                limit: cfg.slots,
                retry_after_secs: cfg.retry_after_secs,
            });
        }
        c.computed.fetch_add(1, Ordering::Relaxed);
        flights.map.insert((lane, key), flight.clone());
        if lane == Lane::Interactive {
            *flights.clients.entry(client.clone()).or_insert(0) += 1;
        }
        Ok(self.hold(flight, pin))
    }

    /// Counts a holder of `flight` (call under the flights lock).
    fn hold(&self, flight: Arc<Flight>, pin: bool) -> Held {
        let shared = self.shared.clone();
        if pin {
            flight.pins.fetch_add(1, Ordering::Relaxed);
            Held::Pinned(Pin { shared, flight })
        } else {
            flight.waiters.fetch_add(1, Ordering::Relaxed);
            Held::Waiting(Waiter { shared, flight })
        }
    }

    pub fn stats(&self) -> EngineStats {
        let queries = QueryName::ALL
            .iter()
            .map(|q| {
                let c = self.shared.counters(*q);
                let r = |a: &AtomicU64| a.load(Ordering::Relaxed);
                (
                    *q,
                    QueryCounters {
                        hits: r(&c.hits),
                        joined: r(&c.joined),
                        computed: r(&c.computed),
                        succeeded: r(&c.succeeded),
                        failed: r(&c.failed),
                        deadline: r(&c.deadline),
                        canceled: r(&c.canceled),
                        too_expensive: r(&c.too_expensive),
                        refused: r(&c.refused),
                    },
                )
            })
            .collect();
        EngineStats {
            queries,
            cache: self.shared.cache.stats(),
            interactive: self.interactive.stats(),
            jobs: self.jobs.stats(),
            in_flight: self.shared.flights.lock().map.len(),
        }
    }

    /// Stores an answer computed outside the engine (the command line).
    pub(crate) fn store(&self, key: CacheKey, answer: Arc<Answer>) {
        self.shared.cache.insert(key, answer);
    }
}

fn run_flight(shared: &Shared, flight: &Arc<Flight>, snap: &Arc<Snapshot>, indexes: &IndexCache) {
    let outcome = match flight.cancel.check() {
        Err(reason) => Err(Arc::new(stopped(reason))),
        Ok(()) => {
            *flight.started.lock() = Some((Instant::now(), SystemTime::now()));
            let t = Instant::now();
            let ctx = Ctx {
                snap,
                indexes,
                cancel: &flight.cancel,
                threads: shared.config.threads,
            };
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                flight.key.query.run(&ctx)
            }))
            .unwrap_or_else(|_| Err(Error::Internal("the computation panicked".into())));
            match result {
                Ok(bytes) => Ok(Arc::new(Answer {
                    bytes: bytes.into(),
                    version: snap.version,
                    cost: t.elapsed(),
                })),
                Err(e) => {
                    if !matches!(e, Error::DeadlineExceeded | Error::Canceled) {
                        tracing::debug!(query = %flight.key.query.name(), error = %e, "analytics failed");
                    }
                    Err(Arc::new(e))
                }
            }
        }
    };
    shared.finish(flight, outcome);
}
