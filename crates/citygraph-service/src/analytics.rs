//! Analytics use cases: the algorithms of `citygraph_core::algo`, run on the current snapshot,
//! with per-version caches of their shared indexes and results (see [`crate::cache`]).

use std::sync::Arc;

use citygraph_core::algo::lapses::LinkTable;
use citygraph_core::algo::overlap::MembershipIndex;
use citygraph_core::Snapshot;
use parking_lot::Mutex;

use crate::Error;

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
/// and similarity requests.
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
