//! The result cache: analytics answers bounded in bytes, evicted by cost to recompute and use.
//!
//! - Keys are typed ([`CacheKey`]: the [`Query`] and the version of the newest write that could
//!   change its answer, see [`crate::kinds`]), so a write to an entity kind a query does not read
//!   leaves its entry valid and reachable.
//! - The cache holds at most `capacity` bytes (the answers' JSON plus a fixed overhead per entry).
//!   When it is full, it evicts by GreedyDual-Size-Frequency: each entry has the priority
//!   `clock + hits * cost / size`, where `cost` is how long the answer took to compute; the entry
//!   of lowest priority goes first and the clock rises to its priority, so entries not used for a
//!   while age out. A result that took seconds outlives thousands of answers that took
//!   microseconds, and a small answer outlives a large one of the same cost.
//! - Errors are never cached; an answer larger than the whole cache is not cached either.
//!
//! Written here rather than taken from a library: the well-kept caches (moka, quick_cache) weigh
//! entries by size but evict by recency and frequency alone, not by what an entry cost to compute.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;

use crate::analytics::request::Query;

/// Bytes counted for an entry besides its answer (key, bookkeeping).
pub const ENTRY_OVERHEAD: usize = 512;

/// The key of a cached answer: the query and the version of the newest write it depends on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CacheKey {
    pub query: Query,
    pub basis: u64,
}

/// A computed answer: its JSON and where it comes from.
#[derive(Debug)]
pub struct Answer {
    /// The JSON body.
    pub bytes: Arc<[u8]>,
    /// The graph version it was computed on.
    pub version: u64,
    /// How long it took.
    pub cost: Duration,
}

#[derive(Debug)]
struct Entry {
    answer: Arc<Answer>,
    size: usize,
    hits: u64,
    priority: Priority,
}

/// A priority and a sequence number (unique, so equal priorities are ordered by age).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Priority(f64, u64);

impl Eq for Priority {}
impl PartialOrd for Priority {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Priority {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(self.1.cmp(&other.1))
    }
}

#[derive(Debug, Default)]
struct Inner {
    map: HashMap<CacheKey, Entry>,
    order: BTreeMap<Priority, CacheKey>,
    clock: f64,
    bytes: usize,
    seq: u64,
}

/// Counters of the cache.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    pub entries: usize,
    pub bytes: usize,
    pub capacity: usize,
    pub evictions: u64,
}

/// See the module docs.
#[derive(Debug)]
pub struct ResultCache {
    inner: Mutex<Inner>,
    capacity: usize,
    evictions: AtomicU64,
}

impl ResultCache {
    /// A cache of at most `capacity` bytes.
    pub fn new(capacity: usize) -> ResultCache {
        ResultCache {
            inner: Mutex::new(Inner::default()),
            capacity,
            evictions: AtomicU64::new(0),
        }
    }

    fn weight(answer: &Answer) -> usize {
        answer.bytes.len() + ENTRY_OVERHEAD
    }

    fn priority(clock: f64, hits: u64, answer: &Answer, size: usize, seq: u64) -> Priority {
        // Cost in microseconds, at least one: a free answer still has a size.
        let cost = (answer.cost.as_secs_f64() * 1e6).max(1.0);
        Priority(clock + hits as f64 * cost / size as f64, seq)
    }

    /// The answer for `key`, counting a use.
    pub fn get(&self, key: &CacheKey) -> Option<Arc<Answer>> {
        let mut guard = self.inner.lock();
        let inner = &mut *guard;
        let entry = inner.map.get_mut(key)?;
        inner.order.remove(&entry.priority);
        entry.hits += 1;
        inner.seq += 1;
        entry.priority = Self::priority(
            inner.clock,
            entry.hits,
            &entry.answer,
            entry.size,
            inner.seq,
        );
        inner.order.insert(entry.priority, key.clone());
        Some(entry.answer.clone())
    }

    /// Stores `answer` under `key`, evicting what has the lowest priority until it fits.
    pub fn insert(&self, key: CacheKey, answer: Arc<Answer>) {
        let size = Self::weight(&answer);
        if size > self.capacity {
            return;
        }
        let mut guard = self.inner.lock();
        let inner = &mut *guard;
        if let Some(old) = inner.map.remove(&key) {
            inner.order.remove(&old.priority);
            inner.bytes -= old.size;
        }
        while inner.bytes + size > self.capacity {
            let Some((p, victim)) = inner.order.pop_first() else {
                break;
            };
            inner.clock = inner.clock.max(p.0);
            if let Some(e) = inner.map.remove(&victim) {
                inner.bytes -= e.size;
            }
            self.evictions.fetch_add(1, Ordering::Relaxed);
        }
        inner.seq += 1;
        let priority = Self::priority(inner.clock, 1, &answer, size, inner.seq);
        inner.order.insert(priority, key.clone());
        inner.bytes += size;
        inner.map.insert(
            key,
            Entry {
                answer,
                size,
                hits: 1,
                priority,
            },
        );
    }

    pub fn stats(&self) -> CacheStats {
        let inner = self.inner.lock();
        CacheStats {
            entries: inner.map.len(),
            bytes: inner.bytes,
            capacity: self.capacity,
            evictions: self.evictions.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::request::QueryName;

    /// Distinct keys: one query at distinct bases.
    fn key(i: i32) -> CacheKey {
        CacheKey {
            query: Query::from_query_string(QueryName::Lapses, "", "from=1990&to=2000").unwrap(),
            basis: i as u64,
        }
    }

    fn answer(bytes: usize, micros: u64) -> Arc<Answer> {
        Arc::new(Answer {
            bytes: vec![b'x'; bytes].into(),
            version: 1,
            cost: Duration::from_micros(micros),
        })
    }

    #[test]
    fn stays_within_its_bytes() {
        let cache = ResultCache::new(100 * (1000 + ENTRY_OVERHEAD));
        for i in 0..1000 {
            cache.insert(key(1000 + i), answer(1000, 100));
            assert!(cache.stats().bytes <= cache.stats().capacity);
        }
        assert_eq!(cache.stats().entries, 100);
        assert_eq!(cache.stats().evictions, 900);
        cache.insert(key(1), answer(1 << 20, 1));
        assert!(cache.get(&key(1)).is_none(), "larger than the cache");
    }

    #[test]
    fn an_expensive_answer_survives_a_flood_of_cheap_ones() {
        // Room for about 100 cheap answers; 25,000 of them pass through.
        let cache = ResultCache::new(100 * (2000 + ENTRY_OVERHEAD));
        let dear = key(1);
        cache.insert(dear.clone(), answer(20_000, 1_500_000));
        for i in 0..25_000 {
            cache.insert(key(2 + i), answer(2000, 200));
        }
        assert!(cache.get(&dear).is_some(), "the 1.5 s answer was evicted");
    }

    #[test]
    fn answers_used_often_outlive_answers_used_once() {
        let cache = ResultCache::new(100 * (2000 + ENTRY_OVERHEAD));
        let (used, once) = (key(1), key(2));
        cache.insert(used.clone(), answer(2000, 200));
        cache.insert(once.clone(), answer(2000, 200));
        for _ in 0..50 {
            cache.get(&used).unwrap();
        }
        for i in 0..1000 {
            cache.insert(key(10 + i), answer(2000, 200));
        }
        assert!(cache.get(&used).is_some());
        assert!(cache.get(&once).is_none());
    }

    #[test]
    fn unused_entries_age_out() {
        // An entry of the same cost as the others but never used again goes when the clock passes
        // its priority.
        let cache = ResultCache::new(10 * (100 + ENTRY_OVERHEAD));
        let old = key(1);
        cache.insert(old.clone(), answer(100, 1000));
        for i in 0..1000 {
            cache.insert(key(2 + i), answer(100, 1000));
        }
        assert!(cache.get(&old).is_none());
    }
}
