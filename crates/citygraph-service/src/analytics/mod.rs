//! Analytics use cases: every query of `citygraph_core::algo` as a typed request ([`request`]),
//! run by one function ([`Service::analyze`]) that checks the request against the graph, picks the
//! cached answer or the computation in flight or starts one ([`engine`]) on the projection or
//! per-version index it needs ([`run`]), bounded by a deadline and a cost budget.
//!
//! Start with [`request::Query`], then [`Service::analyze`], then [`engine`].

pub mod engine;
pub mod page;
pub mod request;
pub mod run;

use std::sync::Arc;

use citygraph_core::algo::cancel::Cancel;
use citygraph_core::algo::lapses::LinkTable;
use citygraph_core::algo::overlap::MembershipIndex;
use citygraph_core::Snapshot;
use parking_lot::Mutex;

use self::engine::{ClientId, Held, Lane};
use self::request::{Query, Sizes};
use self::run::{stopped, Ctx};
use crate::cache::{Answer, CacheKey};
use crate::{Error, Result, Service};

/// Turns an algorithm error (anything with a stable `code()`) into a service error; codes ending
/// in `_not_found` are 404s, the others bad requests.
macro_rules! algo_errors {
    ($($ty:path),* $(,)?) => {$(
        impl From<$ty> for Error {
            fn from(e: $ty) -> Error {
                let code = e.code();
                Error::Analytics { code, message: e.to_string(), not_found: code.ends_with("_not_found") }
            }
        }
    )*};
}

algo_errors!(
    citygraph_core::algo::centrality::CentralityError,
    citygraph_core::algo::projection::ProjectionError,
    citygraph_core::algo::paths::PathError,
    citygraph_core::algo::lapses::LapseError,
    citygraph_core::algo::survival::SurvivalError,
    citygraph_core::algo::timeline::TimelineError,
    citygraph_core::algo::overlap::OverlapError,
    citygraph_core::algo::saturation::SaturationError,
    citygraph_core::algo::similarity::SimilarityError,
);

/// The city-network incidence of one graph version, built once and shared by overlap, saturation
/// and similarity requests. Index builds are not cancelled: they are shared by every request of
/// the version and are single linear passes.
#[derive(Default)]
pub struct IndexCache {
    membership: Mutex<Option<(u64, Arc<MembershipIndex>)>>,
    links: Mutex<Option<(u64, Arc<LinkTable>)>>,
}

impl IndexCache {
    /// The membership index of `snap`, built on first use for its version.
    pub fn membership(&self, snap: &Snapshot) -> Arc<MembershipIndex> {
        let mut guard = self.membership.lock();
        if let Some((v, idx)) = guard.as_ref() {
            if *v == snap.version {
                return idx.clone();
            }
        }
        let idx = Arc::new(MembershipIndex::new(snap));
        *guard = Some((snap.version, idx.clone()));
        idx
    }

    /// The table of links with their dated histories, for lapse, survival and timeline reports.
    pub fn links(&self, snap: &Snapshot) -> Arc<LinkTable> {
        let mut guard = self.links.lock();
        if let Some((v, t)) = guard.as_ref() {
            if *v == snap.version {
                return t.clone();
            }
        }
        let t = Arc::new(LinkTable::new(snap));
        *guard = Some((snap.version, t.clone()));
        t
    }
}

impl Service {
    /// The cache key of `query` on `snap`: the query and the version of the newest write to what it
    /// reads.
    pub fn cache_key(&self, query: Query, snap: &Snapshot) -> CacheKey {
        let basis = self.kinds.basis(snap.version, query.reads());
        CacheKey { query, basis }
    }

    /// Answers `query` for `client` on the current graph: from the cache, by joining the identical
    /// computation in flight, or by starting one on an analytics worker (see [`engine`]). The
    /// answer comes back as [`Held::Ready`] or [`Held::Waiting`] (await it; dropping the waiter lets
    /// go of the computation, and the last one to go cancels it).
    ///
    /// Errors before any work: a missing city or network (404), [`Error::TooExpensive`] (422),
    /// [`Error::ClientBusy`] (429), [`Error::Busy`] (503); while waiting,
    /// [`Error::DeadlineExceeded`] (503) or the query's own errors.
    pub fn analyze(&self, query: Query, client: &ClientId) -> Result<Held> {
        self.admit(query, client, Lane::Interactive, false)
    }

    /// As [`Service::analyze`], on `snap` (a past version read with `at_version`): the answer is
    /// the one the graph gave at that version, cached under that version's basis.
    pub fn analyze_on(
        &self,
        mut query: Query,
        client: &ClientId,
        snap: Arc<Snapshot>,
    ) -> Result<Held> {
        query.check_references(&snap)?;
        let key = self.cache_key(query, &snap);
        self.engine.admit(
            key,
            snap,
            self.indexes.clone(),
            Lane::Interactive,
            client,
            false,
        )
    }

    pub(crate) fn admit(
        &self,
        mut query: Query,
        client: &ClientId,
        lane: Lane,
        pin: bool,
    ) -> Result<Held> {
        let snap = self.snapshot();
        query.check_references(&snap)?;
        let key = self.cache_key(query, &snap);
        self.engine
            .admit(key, snap, self.indexes.clone(), lane, client, pin)
    }

    /// Runs `query` here and now on the calling thread (the command line), through the same cache,
    /// stopping when `cancel` says so; no budget applies.
    pub fn run_now(&self, mut query: Query, cancel: &Cancel) -> Result<Arc<Answer>> {
        let snap = self.snapshot();
        query.check_references(&snap)?;
        let key = self.cache_key(query, &snap);
        if let Some(a) = self.engine.cached(&key) {
            return Ok(a);
        }
        let t = std::time::Instant::now();
        let bytes = key.query.run(&Ctx {
            snap: &snap,
            indexes: &self.indexes,
            cancel,
            threads: self.engine.config().threads,
        })?;
        let answer = Arc::new(Answer {
            bytes: bytes.into(),
            version: snap.version,
            cost: t.elapsed(),
        });
        self.engine.store(key, answer.clone());
        Ok(answer)
    }

    /// The analytics engine (its counters, for metrics).
    pub fn engine(&self) -> &engine::Engine {
        &self.engine
    }

    /// What `query` would cost on the current graph, and the budget of a synchronous request.
    pub fn estimate(&self, query: &Query) -> request::Estimate {
        let mut e = query.estimate(&Sizes::of(&self.snapshot()));
        e.budget = self.engine.config().budget;
        e
    }
}

/// The error of a computation stopped with `reason` (re-exported for transports).
pub fn stopped_error(reason: citygraph_core::algo::cancel::Cancelled) -> Error {
    stopped(reason)
}
