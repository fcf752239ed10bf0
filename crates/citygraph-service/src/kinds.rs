//! Which entity kinds each write touched: the version counters per kind that decide what a write
//! invalidates.
//!
//! Every commit records the kinds its changes touch (cities, networks, memberships, partnerships)
//! with the version it made. For a query that reads some kinds, the *basis* of graph version `v`
//! is the newest version at or below `v` whose write touched one of them: two versions with the
//! same basis give the query the same answer, so the basis (not the version) is part of the cache
//! key. A membership write leaves the basis of twinning centrality where it was, so its cached
//! answer is still found; a partnership write does the same for overlap and saturation.
//!
//! Only the latest [`HISTORY`] commits are kept one by one; older ones are summed up as "every kind
//! changed at the floor version", which is conservative (a basis is never too old). The version the
//! service opened at is the first floor.

use std::collections::VecDeque;

use parking_lot::Mutex;

use crate::analytics::request::Kinds;

/// Commits remembered one by one.
pub const HISTORY: usize = 4096;

#[derive(Debug)]
struct Log {
    /// Every kind counts as changed at this version.
    floor: u64,
    /// `(version, kinds touched)`, oldest first, versions above `floor`.
    commits: VecDeque<(u64, Kinds)>,
}

/// See the module docs.
#[derive(Debug)]
pub struct KindClock {
    log: Mutex<Log>,
}

impl KindClock {
    /// A clock for a graph opened at `version`, whose earlier history is unknown.
    pub fn new(version: u64) -> KindClock {
        KindClock {
            log: Mutex::new(Log {
                floor: version,
                commits: VecDeque::new(),
            }),
        }
    }

    /// Records that the commit that made `version` touched `kinds` (versions come in order).
    pub fn record(&self, version: u64, kinds: Kinds) {
        let mut log = self.log.lock();
        if version <= log.floor {
            return;
        }
        log.commits.push_back((version, kinds));
        while log.commits.len() > HISTORY {
            if let Some((v, _)) = log.commits.pop_front() {
                log.floor = v;
            }
        }
    }

    /// The newest version at or below `version` that touched one of `reads` (see the module docs).
    pub fn basis(&self, version: u64, reads: Kinds) -> u64 {
        let log = self.log.lock();
        if version < log.floor {
            // Older than what is remembered: only this very version is known to give this answer.
            return version;
        }
        log.commits
            .iter()
            .rev()
            .find(|(v, k)| *v <= version && k.intersects(reads))
            .map_or(log.floor, |(v, _)| *v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_moves_the_basis_only_of_what_reads_its_kind() {
        let clock = KindClock::new(10);
        let twinning = Kinds::CITIES.with(Kinds::PARTNERSHIPS);
        let overlap = Kinds::CITIES.with(Kinds::NETWORKS).with(Kinds::MEMBERSHIPS);
        assert_eq!(clock.basis(10, twinning), 10);
        clock.record(11, Kinds::MEMBERSHIPS);
        assert_eq!(clock.basis(11, twinning), 10, "a membership keeps twinning");
        assert_eq!(clock.basis(11, overlap), 11);
        clock.record(12, Kinds::PARTNERSHIPS);
        assert_eq!(clock.basis(12, overlap), 11, "a partnership keeps overlap");
        assert_eq!(clock.basis(12, twinning), 12);
        // An older snapshot still gets its own basis.
        assert_eq!(clock.basis(11, twinning), 10);
        assert_eq!(clock.basis(9, twinning), 9);
    }

    #[test]
    fn forgotten_history_counts_as_every_kind_changed() {
        let clock = KindClock::new(0);
        for v in 1..=(HISTORY as u64 + 10) {
            clock.record(v, Kinds::MEMBERSHIPS);
        }
        let twinning = Kinds::CITIES.with(Kinds::PARTNERSHIPS);
        assert_eq!(clock.basis(HISTORY as u64 + 10, twinning), 10);
        assert_eq!(clock.basis(5, twinning), 5);
    }
}
