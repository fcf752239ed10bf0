//! The change feed: what followers read to mirror the graph.
//!
//! Every change-log entry lists every entity it changed. The header of an entry (what the feed
//! lists, [`LogEntry`]) carries the first [`citygraph_store::MAX_LOGGED_REFS`] of them; the rest of
//! a large entry is read in pages with [`Service::entry_refs`], straight from the store's log
//! pages, in commit order. Replaying every entry's refs in version order gives the ids of every
//! entity the graph holds.
//!
//! Long polling: a reader that finds nothing newer than the version it knows waits for the next
//! visible version ([`Service::watch_version`], a `tokio::sync::watch` channel fed wherever a
//! version becomes visible: the durable commit of this server, or the follower applying versions
//! another server wrote). Waiters are bounded ([`Feed::enter`]); one over the bound is refused.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use citygraph_store::{ChangeRef, LogEntry};
use tokio::sync::watch;

use crate::{Result, Service};

/// Default of [`crate::ServiceConfig::feed_waiters`].
pub const DEFAULT_FEED_WAITERS: usize = 256;

/// The visible version as a watch channel, and the count of long-polling readers.
#[derive(Debug)]
pub struct Feed {
    version: watch::Sender<u64>,
    waiters: Arc<AtomicUsize>,
    max_waiters: usize,
}

/// A long-polling reader's place; dropping it frees the place.
#[derive(Debug)]
pub struct WaiterPermit {
    waiters: Arc<AtomicUsize>,
}

impl Drop for WaiterPermit {
    fn drop(&mut self) {
        self.waiters.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Feed {
    pub(crate) fn new(version: u64, max_waiters: usize) -> Feed {
        Feed {
            version: watch::Sender::new(version),
            waiters: Arc::new(AtomicUsize::new(0)),
            max_waiters,
        }
    }

    /// Tells the waiters that `version` is visible (a newer one only: the channel never goes back).
    pub(crate) fn visible(&self, version: u64) {
        self.version.send_if_modified(|v| {
            if version > *v {
                *v = version;
                true
            } else {
                false
            }
        });
    }

    /// A place for one more long-polling reader, or `None` when [`Feed::max_waiters`] already wait.
    pub fn enter(&self) -> Option<WaiterPermit> {
        let mut n = self.waiters.load(Ordering::Acquire);
        loop {
            if n >= self.max_waiters {
                return None;
            }
            match self
                .waiters
                .compare_exchange(n, n + 1, Ordering::AcqRel, Ordering::Acquire)
            {
                Ok(_) => {
                    return Some(WaiterPermit {
                        waiters: self.waiters.clone(),
                    })
                }
                Err(now) => n = now,
            }
        }
    }

    /// Readers waiting now.
    pub fn waiting(&self) -> usize {
        self.waiters.load(Ordering::Acquire)
    }

    /// The most readers that may wait at once.
    pub fn max_waiters(&self) -> usize {
        self.max_waiters
    }
}

/// One page of an entry's refs ([`Service::entry_refs`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryPage {
    /// The entry's header.
    pub entry: LogEntry,
    /// Position of the first ref of `refs` in the entry.
    pub offset: u64,
    pub refs: Vec<ChangeRef>,
}

impl EntryPage {
    /// Position of the next page, when the entry has more refs after this page.
    pub fn next_offset(&self) -> Option<u64> {
        let end = self.offset + self.refs.len() as u64;
        (end < self.entry.count).then_some(end)
    }
}

impl Service {
    /// The long-poll side of the feed: its waiter bound and counters.
    pub fn feed(&self) -> &Feed {
        &self.feed
    }

    /// A receiver of the visible version: it changes whenever a newer version becomes visible.
    pub fn watch_version(&self) -> watch::Receiver<u64> {
        self.feed.version.subscribe()
    }

    /// The refs of entry `version` from position `offset`, at most `limit`; `None` when this
    /// server serves no such entry (0, or newer than its visible version). An `offset` at or
    /// past the entry's count gives [`crate::Error::InvalidCursor`].
    pub fn entry_refs(&self, version: u64, offset: u64, limit: usize) -> Result<Option<EntryPage>> {
        if version == 0 || version > self.version() {
            return Ok(None);
        }
        let Some(entry) = self
            .store
            .changes_since(version - 1, 1)?
            .into_iter()
            .next()
            .filter(|e| e.version == version)
        else {
            return Ok(None);
        };
        if offset > 0 && offset >= entry.count {
            return Err(crate::Error::InvalidCursor(format!(
                "version {version} has {} changes; position {offset} is past them",
                entry.count
            )));
        }
        let refs = self
            .store
            .entry_changes(version, offset, limit)?
            .iter()
            .map(ChangeRef::of)
            .collect();
        Ok(Some(EntryPage {
            entry,
            offset,
            refs,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use citygraph_core::Change;
    use citygraph_store::SledStore;

    fn city(id: &str) -> Change {
        let v = serde_json::json!({
            "id": id, "name": id, "country": "FR", "region": "europe", "lat": 48.0, "lon": 2.0
        });
        Change::PutCity(Arc::new(serde_json::from_value(v).unwrap()))
    }

    #[test]
    fn an_entry_is_paged_whole_and_a_commit_wakes_the_watchers() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(SledStore::open(dir.path()).unwrap());
        let svc = Service::open(store, crate::ServiceConfig::default()).unwrap();
        let mut rx = svc.watch_version();
        assert_eq!(*rx.borrow_and_update(), 0);
        let ids: Vec<String> = (0..2500).map(|i| format!("fr-c{i:05}")).collect();
        let changes: Vec<Change> = ids.iter().map(|id| city(id)).collect();
        svc.commit("import", |_| Ok((changes, ()))).unwrap();
        assert!(rx.has_changed().unwrap(), "the commit is announced");
        assert_eq!(*rx.borrow_and_update(), 1);

        let mut seen = Vec::new();
        let mut offset = 0;
        loop {
            let page = svc.entry_refs(1, offset, 1000).unwrap().unwrap();
            assert_eq!(page.entry.count, 2500);
            seen.extend(page.refs.iter().map(|r| r.id.clone()));
            match page.next_offset() {
                Some(next) => offset = next,
                None => break,
            }
        }
        assert_eq!(seen, ids);
        assert!(svc.entry_refs(2, 0, 10).unwrap().is_none());
        assert!(svc.entry_refs(0, 0, 10).unwrap().is_none());
        assert!(matches!(
            svc.entry_refs(1, 2500, 10),
            Err(crate::Error::InvalidCursor(_))
        ));
    }

    #[test]
    fn waiters_are_bounded() {
        let feed = Feed::new(0, 2);
        let a = feed.enter().unwrap();
        let _b = feed.enter().unwrap();
        assert!(feed.enter().is_none());
        assert_eq!(feed.waiting(), 2);
        drop(a);
        assert!(feed.enter().is_some());
    }
}
