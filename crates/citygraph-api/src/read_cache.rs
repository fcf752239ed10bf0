//! A small cache of the cheap reads' answers (a city's partners and networks, a network's
//! members, a partnership's history), so a URL asked again at the same graph version is a map
//! lookup and a copy of a reference to its bytes.
//!
//! - An answer is a function of the graph version it was read at, its day (`as_of`, which
//!   defaults to today) and the request target (path and query): an entry is kept under its
//!   target with its version and day, and a lookup at another version or day misses.
//! - The cache holds answers of one version: the first answer stored at a newer version drops
//!   every older one (a read at an older version, `at_version`, is answered but not stored).
//! - Bounded in bytes (body, target and a fixed overhead per entry), by two generations: answers
//!   go into the current one, and when it holds half the capacity it becomes the previous one
//!   (the one before is dropped); a hit in the previous generation moves the answer back. An
//!   approximation of least recently used that costs no bookkeeping per hit: a set of URLs
//!   asked in turn that does not fit (the uncached benchmark's 20,000) keeps missing.
//! - Only successful answers are stored; errors are answered afresh each time.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use actix_web::web::Bytes;
use citygraph_core::Day;
use parking_lot::Mutex;

/// Bytes counted for an entry besides its body and target.
const ENTRY_OVERHEAD: usize = 64;

/// See the module docs.
pub struct ReadCache {
    capacity: usize,
    inner: Mutex<Generations>,
    hits: AtomicU64,
    misses: AtomicU64,
}

#[derive(Default)]
struct Generations {
    version: u64,
    current: HashMap<Box<str>, Entry>,
    current_bytes: usize,
    previous: HashMap<Box<str>, Entry>,
    previous_bytes: usize,
}

struct Entry {
    day: Day,
    body: Bytes,
}

fn cost(target: &str, body: &Bytes) -> usize {
    target.len() + body.len() + ENTRY_OVERHEAD
}

impl ReadCache {
    /// A cache of at most `capacity` bytes; 0 stores nothing.
    pub fn new(capacity: usize) -> ReadCache {
        ReadCache {
            capacity,
            inner: Mutex::new(Generations::default()),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// The answer to `target` read at `version` for `day`, if held.
    pub fn get(&self, version: u64, day: Day, target: &str) -> Option<Bytes> {
        if self.capacity == 0 {
            return None;
        }
        let mut dropped = None;
        let found = {
            let mut g = self.inner.lock();
            if g.version != version {
                None
            } else if let Some(e) = g.current.get(target).filter(|e| e.day == day) {
                Some(e.body.clone())
            } else if let Some(e) = g.previous.get(target).filter(|e| e.day == day) {
                let body = e.body.clone();
                let (key, e) = g.previous.remove_entry(target).expect("just found");
                g.previous_bytes -= cost(&key, &e.body);
                dropped = g.put(key, e, self.capacity);
                Some(body)
            } else {
                None
            }
        };
        drop(dropped);
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Stores the answer to `target` read at `version` for `day`.
    pub fn put(&self, version: u64, day: Day, target: &str, body: Bytes) {
        if cost(target, &body) > self.capacity / 2 {
            return;
        }
        let mut g = self.inner.lock();
        if version < g.version {
            return;
        }
        let stale = (version > g.version).then(|| {
            std::mem::replace(
                &mut *g,
                Generations {
                    version,
                    ..Generations::default()
                },
            )
        });
        let dropped = g.put(target.into(), Entry { day, body }, self.capacity);
        drop(g);
        drop((stale, dropped));
    }

    /// Answers served from the cache and looked up in vain, so far.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }

    /// Bytes held now.
    pub fn bytes(&self) -> usize {
        let g = self.inner.lock();
        g.current_bytes + g.previous_bytes
    }
}

impl Generations {
    /// Stores an entry; returns the generation that fell out, to be dropped after the lock.
    fn put(
        &mut self,
        key: Box<str>,
        e: Entry,
        capacity: usize,
    ) -> Option<HashMap<Box<str>, Entry>> {
        let c = cost(&key, &e.body);
        let key_len = key.len();
        if let Some(old) = self.current.insert(key, e) {
            self.current_bytes -= key_len + old.body.len() + ENTRY_OVERHEAD;
        }
        self.current_bytes += c;
        if self.current_bytes <= capacity / 2 {
            return None;
        }
        self.previous_bytes = std::mem::take(&mut self.current_bytes);
        Some(std::mem::replace(
            &mut self.previous,
            std::mem::take(&mut self.current),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        s.parse::<citygraph_core::PartialDate>()
            .unwrap()
            .first_day()
    }

    #[test]
    fn answers_only_at_the_version_and_day_stored() {
        let c = ReadCache::new(1 << 20);
        let d = day("2024-06-01");
        c.put(3, d, "/a", Bytes::from_static(b"x"));
        assert_eq!(c.get(3, d, "/a").as_deref(), Some(&b"x"[..]));
        assert!(c.get(4, d, "/a").is_none());
        assert!(c.get(3, day("2024-06-02"), "/a").is_none());
        assert!(c.get(3, d, "/b").is_none());
        // An older version is not stored; a newer one drops the older answers.
        c.put(2, d, "/b", Bytes::from_static(b"y"));
        assert!(c.get(3, d, "/b").is_none());
        c.put(4, d, "/c", Bytes::from_static(b"z"));
        assert!(c.get(3, d, "/a").is_none());
        assert!(c.get(4, d, "/a").is_none());
        assert_eq!(c.get(4, d, "/c").as_deref(), Some(&b"z"[..]));
        assert_eq!(c.counts(), (2, 6));
    }

    #[test]
    fn holds_at_most_its_capacity_and_keeps_what_is_asked_again() {
        let capacity = 100 * (ENTRY_OVERHEAD + 110);
        let c = ReadCache::new(capacity);
        let d = day("2000");
        let body = Bytes::from(vec![b'x'; 100]);
        c.put(1, d, "/hot", body.clone());
        for i in 0..10_000 {
            c.put(1, d, &format!("/u{i:05}"), body.clone());
            assert!(c.bytes() <= capacity);
            if i % 10 == 0 {
                assert!(c.get(1, d, "/hot").is_some(), "lost at {i}");
            }
        }
        // A cycle through more URLs than fit keeps missing.
        let hits_before = c.counts().0;
        for _ in 0..3 {
            for i in 0..1000 {
                let u = format!("/v{i:04}");
                if c.get(1, d, &u).is_none() {
                    c.put(1, d, &u, body.clone());
                }
            }
        }
        assert_eq!(c.counts().0, hits_before);
        // Replacing an entry keeps the count of bytes right.
        let small = ReadCache::new(1 << 20);
        small.put(1, d, "/a", body.clone());
        small.put(1, d, "/a", Bytes::from_static(b"y"));
        assert_eq!(small.bytes(), 2 + 1 + ENTRY_OVERHEAD);
    }
}
