//! The analytics cache: results keyed by graph version and normalised parameters.
//!
//! - A write bumps the graph version, and entries of older versions are dropped on the next lookup:
//!   invalidation is by version, never by time.
//! - Two identical requests arriving together compute once: the second waits on the first's cell.
//! - At most `limit` computations run at once; a request that would start one more is refused with
//!   [`Error::Busy`] (HTTP 503 with `Retry-After`) instead of queueing without bound.
//!
//! Values are stored as serialised JSON bytes, so a repeated request costs a map lookup and a copy.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use parking_lot::Mutex;
use serde::Serialize;

use crate::{Error, Result};

/// Entries kept for one version before the cache starts over.
const MAX_ENTRIES: usize = 20_000;

type Cell = Arc<OnceLock<std::result::Result<Arc<[u8]>, Arc<Error>>>>;

/// See the module docs.
pub struct Cache {
    entries: Mutex<(u64, HashMap<String, Cell>)>,
    running: AtomicUsize,
    limit: usize,
    retry_after_secs: u64,
    hits: AtomicUsize,
    misses: AtomicUsize,
}

impl Cache {
    pub fn new(limit: usize, retry_after_secs: u64) -> Cache {
        Cache {
            entries: Mutex::new((0, HashMap::new())),
            running: AtomicUsize::new(0),
            limit: limit.max(1),
            retry_after_secs,
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        }
    }

    /// `(hits, misses)` so far.
    pub fn stats(&self) -> (usize, usize) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }

    /// The JSON of `compute()` for (`version`, `key`), computing it at most once per version.
    /// Blocking: call it off the async request threads.
    pub fn get_or_compute<T: Serialize>(
        &self,
        version: u64,
        key: &str,
        compute: impl FnOnce() -> Result<T>,
    ) -> Result<Arc<[u8]>> {
        self.get_or_compute_with(version, key, true, compute)
    }

    /// As [`Cache::get_or_compute`] for cheap reads (a city's partners): not counted against the
    /// computation limit, so they are never refused; safe to call on a request thread.
    pub fn get_or_compute_cheap<T: Serialize>(
        &self,
        version: u64,
        key: &str,
        compute: impl FnOnce() -> Result<T>,
    ) -> Result<Arc<[u8]>> {
        self.get_or_compute_with(version, key, false, compute)
    }

    fn get_or_compute_with<T: Serialize>(
        &self,
        version: u64,
        key: &str,
        limited: bool,
        compute: impl FnOnce() -> Result<T>,
    ) -> Result<Arc<[u8]>> {
        let cell = {
            let mut guard = self.entries.lock();
            if guard.0 != version {
                if version > guard.0 {
                    guard.0 = version;
                    guard.1.clear();
                } else {
                    // A request on an older snapshot than the cache: compute without caching.
                    drop(guard);
                    return self.run(limited, compute);
                }
            }
            if guard.1.len() >= MAX_ENTRIES {
                // Bounded memory within one version: start over rather than grow without limit.
                guard.1.clear();
            }
            if let Some(cell) = guard.1.get(key) {
                if cell.get().is_some() {
                    self.hits.fetch_add(1, Ordering::Relaxed);
                }
                cell.clone()
            } else {
                let cell: Cell = Arc::new(OnceLock::new());
                guard.1.insert(key.to_owned(), cell.clone());
                cell
            }
        };
        if let Some(done) = cell.get() {
            return done.clone().map_err(|e| clone_error(&e));
        }
        // Refuse new work beyond the limit, unless the value is already being computed (then wait).
        let mut started = false;
        let out = cell.get_or_init(|| {
            started = true;
            self.misses.fetch_add(1, Ordering::Relaxed);
            self.run(limited, compute).map_err(Arc::new)
        });
        let out = out.clone().map_err(|e| clone_error(&e));
        if started {
            if let Err(Error::Busy { .. }) = &out {
                // Do not remember refusals.
                self.entries.lock().1.remove(key);
            }
        }
        out
    }

    fn run<T: Serialize>(
        &self,
        limited: bool,
        compute: impl FnOnce() -> Result<T>,
    ) -> Result<Arc<[u8]>> {
        if !limited {
            let value = compute()?;
            return serde_json::to_vec(&value)
                .map(Arc::from)
                .map_err(|e| Error::Internal(e.to_string()));
        }
        let n = self.running.fetch_add(1, Ordering::SeqCst);
        struct Release<'a>(&'a AtomicUsize);
        impl Drop for Release<'_> {
            fn drop(&mut self) {
                self.0.fetch_sub(1, Ordering::SeqCst);
            }
        }
        let _release = Release(&self.running);
        if n >= self.limit {
            return Err(Error::Busy {
                limit: self.limit,
                retry_after_secs: self.retry_after_secs,
            });
        }
        let value = compute()?;
        let bytes = serde_json::to_vec(&value).map_err(|e| Error::Internal(e.to_string()))?;
        Ok(Arc::from(bytes))
    }
}

fn clone_error(e: &Error) -> Error {
    match e {
        Error::Busy {
            limit,
            retry_after_secs,
        } => Error::Busy {
            limit: *limit,
            retry_after_secs: *retry_after_secs,
        },
        Error::Analytics {
            code,
            message,
            not_found,
        } => Error::Analytics {
            code,
            message: message.clone(),
            not_found: *not_found,
        },
        Error::BadParameter { name, message } => Error::BadParameter {
            name,
            message: message.clone(),
        },
        Error::NotFound { entity, id } => Error::NotFound {
            entity,
            id: id.clone(),
        },
        Error::NoPath { from, to, as_of } => Error::NoPath {
            from: from.clone(),
            to: to.clone(),
            as_of: as_of.clone(),
        },
        other => Error::Internal(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicU32;
    use std::time::Duration;

    use super::*;

    #[test]
    fn identical_requests_compute_once_per_version() {
        let cache = Arc::new(Cache::new(4, 1));
        let calls = Arc::new(AtomicU32::new(0));
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let (cache, calls) = (cache.clone(), calls.clone());
                std::thread::spawn(move || {
                    cache
                        .get_or_compute(1, "k", || {
                            calls.fetch_add(1, Ordering::SeqCst);
                            std::thread::sleep(Duration::from_millis(100));
                            Ok(42)
                        })
                        .unwrap()
                })
            })
            .collect();
        for h in handles {
            assert_eq!(&*h.join().unwrap(), b"42");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        cache.get_or_compute(2, "k", || Ok(43)).unwrap();
        assert_eq!(
            &*cache.get_or_compute(2, "k", || Ok(0)).unwrap(),
            b"43",
            "cached for version 2"
        );
    }

    #[test]
    fn refuses_work_beyond_the_limit() {
        let cache = Arc::new(Cache::new(1, 3));
        let c2 = cache.clone();
        let slow = std::thread::spawn(move || {
            c2.get_or_compute(1, "slow", || {
                std::thread::sleep(Duration::from_millis(300));
                Ok(1)
            })
        });
        std::thread::sleep(Duration::from_millis(50));
        let err = cache.get_or_compute(1, "other", || Ok(2)).unwrap_err();
        assert!(matches!(
            err,
            Error::Busy {
                retry_after_secs: 3,
                ..
            }
        ));
        slow.join().unwrap().unwrap();
        assert_eq!(
            &*cache.get_or_compute(1, "other", || Ok(2)).unwrap(),
            b"2",
            "a refusal is not remembered"
        );
    }
}
