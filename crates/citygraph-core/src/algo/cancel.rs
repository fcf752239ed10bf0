//! Cooperative cancellation and progress of long computations.
//!
//! A [`Cancel`] handle carries a stop flag, an optional deadline and a progress counter. Every long
//! algorithm takes one and calls [`Cancel::check`] (or [`Cancel::advance`], which also counts work
//! done) every few hundred sources or once per iteration; once the handle is cancelled or its
//! deadline has passed, the check returns [`Cancelled`] and the algorithm returns at once, so the
//! thread running it really stops. Nothing is interrupted from outside: a computation that does not
//! check runs to its end.
//!
//! [`Cancel::never`] is a handle that never stops and counts nothing; the plain functions of
//! [`crate::algo`] use it, so their cost is unchanged.
//!
//! Progress is two counters, work done and work known so far, in the units of whichever algorithm
//! runs (sources searched, iterations, rows built); [`Progress::fraction`] is their ratio. An
//! algorithm adds its total with [`Cancel::add_work`] when it learns it, so the fraction of a
//! computation made of several phases may step back when a phase starts.

use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Why a computation stopped early.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
pub enum Cancelled {
    /// Its deadline passed.
    #[error("the computation passed its deadline")]
    Deadline,
    /// Someone cancelled it (no one waits for its result any more, or a job was cancelled).
    #[error("the computation was cancelled")]
    Abandoned,
}

impl Cancelled {
    /// The stable snake_case code of this reason.
    pub fn code(self) -> &'static str {
        match self {
            Cancelled::Deadline => "deadline_exceeded",
            Cancelled::Abandoned => "canceled",
        }
    }
}

const RUNNING: u8 = 0;
const STOP_DEADLINE: u8 = 1;
const STOP_ABANDONED: u8 = 2;

#[derive(Debug)]
struct State {
    stop: AtomicU8,
    deadline: Option<Instant>,
    done: AtomicU64,
    total: AtomicU64,
}

/// A cancellation handle; clones share one state (see the module docs).
#[derive(Clone, Debug, Default)]
pub struct Cancel(Option<Arc<State>>);

/// Work done and work known, in the units of the running algorithm.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

impl Progress {
    /// `done / total` in `[0, 1]`; 0 while nothing is known.
    pub fn fraction(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            (self.done as f64 / self.total as f64).clamp(0.0, 1.0)
        }
    }
}

impl Cancel {
    /// A handle that never stops and counts nothing.
    pub fn never() -> Cancel {
        Cancel(None)
    }

    /// A handle that stops at `deadline` (if any) or when [`Cancel::cancel`] is called.
    pub fn new(deadline: Option<Instant>) -> Cancel {
        Cancel(Some(Arc::new(State {
            stop: AtomicU8::new(RUNNING),
            deadline,
            done: AtomicU64::new(0),
            total: AtomicU64::new(0),
        })))
    }

    /// The deadline, if any.
    pub fn deadline(&self) -> Option<Instant> {
        self.0.as_ref().and_then(|s| s.deadline)
    }

    /// Asks the computation to stop ([`Cancelled::Abandoned`]); a handle already stopped keeps
    /// its first reason.
    pub fn cancel(&self) {
        if let Some(s) = &self.0 {
            let _ = s.stop.compare_exchange(
                RUNNING,
                STOP_ABANDONED,
                Ordering::Relaxed,
                Ordering::Relaxed,
            );
        }
    }

    /// Why the handle stopped, if it has (a passed deadline counts once a check has seen it, or now).
    pub fn reason(&self) -> Option<Cancelled> {
        self.check().err()
    }

    /// `Err` once the handle is cancelled or its deadline has passed.
    #[inline]
    pub fn check(&self) -> Result<(), Cancelled> {
        let Some(s) = &self.0 else { return Ok(()) };
        match s.stop.load(Ordering::Relaxed) {
            RUNNING => {}
            STOP_DEADLINE => return Err(Cancelled::Deadline),
            _ => return Err(Cancelled::Abandoned),
        }
        if s.deadline.is_some_and(|d| Instant::now() >= d) {
            let _ = s.stop.compare_exchange(
                RUNNING,
                STOP_DEADLINE,
                Ordering::Relaxed,
                Ordering::Relaxed,
            );
            return self.check();
        }
        Ok(())
    }

    /// Adds `units` to the work known.
    pub fn add_work(&self, units: u64) {
        if let Some(s) = &self.0 {
            s.total.fetch_add(units, Ordering::Relaxed);
        }
    }

    /// Counts `units` of work done, then [`Cancel::check`]s.
    #[inline]
    pub fn advance(&self, units: u64) -> Result<(), Cancelled> {
        if let Some(s) = &self.0 {
            s.done.fetch_add(units, Ordering::Relaxed);
        }
        self.check()
    }

    /// Work done and known so far.
    pub fn progress(&self) -> Progress {
        match &self.0 {
            None => Progress::default(),
            Some(s) => Progress {
                done: s.done.load(Ordering::Relaxed),
                total: s.total.load(Ordering::Relaxed),
            },
        }
    }

    /// A counter for a tight loop that checks this handle once every `every` steps.
    pub fn ticker(&self, every: u64) -> Ticker<'_> {
        Ticker {
            cancel: self,
            every: every.max(1),
            pending: 0,
        }
    }
}

/// Checks a [`Cancel`] once every few steps of a loop (see [`Cancel::ticker`]); the steps not yet
/// counted are counted when it is dropped.
pub struct Ticker<'a> {
    cancel: &'a Cancel,
    every: u64,
    pending: u64,
}

impl Ticker<'_> {
    /// One step; every `every` steps, counts them and checks the handle.
    #[inline]
    pub fn tick(&mut self) -> Result<(), Cancelled> {
        self.pending += 1;
        if self.pending >= self.every {
            let n = std::mem::take(&mut self.pending);
            return self.cancel.advance(n);
        }
        Ok(())
    }
}

impl Drop for Ticker<'_> {
    fn drop(&mut self) {
        if self.pending > 0 {
            let _ = self.cancel.advance(self.pending);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn never_stops_and_counts_nothing() {
        let c = Cancel::never();
        c.cancel();
        c.add_work(10);
        assert_eq!(c.advance(5), Ok(()));
        assert_eq!(c.progress(), Progress::default());
    }

    #[test]
    fn stops_when_cancelled_and_keeps_the_first_reason() {
        let c = Cancel::new(None);
        assert_eq!(c.check(), Ok(()));
        let other = c.clone();
        other.cancel();
        assert_eq!(c.check(), Err(Cancelled::Abandoned));
        let d = Cancel::new(Some(Instant::now()));
        assert_eq!(d.check(), Err(Cancelled::Deadline));
        d.cancel();
        assert_eq!(d.reason(), Some(Cancelled::Deadline));
    }

    #[test]
    fn stops_at_its_deadline() {
        let c = Cancel::new(Some(Instant::now() + Duration::from_millis(30)));
        assert_eq!(c.check(), Ok(()));
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(c.check(), Err(Cancelled::Deadline));
    }

    #[test]
    fn counts_progress_by_ticks() {
        let c = Cancel::new(None);
        c.add_work(10);
        {
            let mut t = c.ticker(4);
            for _ in 0..6 {
                t.tick().unwrap();
            }
            assert_eq!(c.progress().done, 4);
        }
        assert_eq!(c.progress(), Progress { done: 6, total: 10 });
        assert!((c.progress().fraction() - 0.6).abs() < 1e-12);
    }
}
