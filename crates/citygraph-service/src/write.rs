//! The context of a write: who makes it, why, and the precondition it holds under.
//!
//! A transport runs a write inside [`Service::writing`]; every commit the write makes on that
//! thread records `who` and `why` in its change-log entry and checks the precondition inside the
//! writer lock, after planning and before anything is written, so two writers holding the same
//! `If-Match` cannot both succeed: the second sees the first's version and gets
//! [`Error::PreconditionFailed`] (412 `precondition_failed`).
//!
//! A precondition names a graph version (`"v812"`, `W/"v812-2019-06-01"`, the ETags reads carry,
//! or a bare `812`): it holds when every entity the write changes is the same at the head as it
//! was at that version (nobody changed it since the client read it). `*` holds when every entity
//! the write changes exists.

use std::cell::RefCell;

use citygraph_core::{Change, Snapshot};

use crate::{Error, Result, Service};

/// A write's precondition (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Precondition {
    /// `*`: the entities exist.
    Exists,
    /// The entities are unchanged since this graph version.
    Unchanged(u64),
}

impl Precondition {
    /// Parses an `If-Match` value: `*`, an ETag of a read (`"v12"`, `W/"v12-2019-06-01"`), or a bare
    /// version number. Several comma-separated ETags are not accepted (one version is one state).
    pub fn parse(raw: &str) -> Option<Precondition> {
        let raw = raw.trim();
        if raw == "*" {
            return Some(Precondition::Exists);
        }
        if let Ok(n) = raw.parse::<u64>() {
            return Some(Precondition::Unchanged(n));
        }
        let tag = raw.strip_prefix("W/").unwrap_or(raw);
        let tag = tag.strip_prefix('"')?.strip_suffix('"')?;
        let digits = tag.strip_prefix('v')?;
        let digits = digits.split_once('-').map_or(digits, |(v, _)| v);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().map(Precondition::Unchanged)
    }
}

/// Who writes, why, and under which precondition.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteContext {
    pub who: Option<String>,
    pub why: Option<String>,
    pub precondition: Option<Precondition>,
}

thread_local! {
    static CONTEXT: RefCell<Option<WriteContext>> = const { RefCell::new(None) };
}

/// Restores the previous context when a [`Service::writing`] scope ends, also on panic.
struct Restore(Option<WriteContext>);

impl Drop for Restore {
    fn drop(&mut self) {
        let prev = self.0.take();
        CONTEXT.with(|c| *c.borrow_mut() = prev);
    }
}

/// The context of the write running on this thread, if any.
pub(crate) fn current() -> Option<WriteContext> {
    CONTEXT.with(|c| c.borrow().clone())
}

/// Whether `a` and `b` hold the same entity `(kind, id)`.
fn same_entity(a: &Snapshot, b: &Snapshot, kind: &str, id: &str) -> bool {
    match kind {
        "city" => a.city(id) == b.city(id),
        "network" => a.network(id) == b.network(id),
        "membership" => a.membership(id) == b.membership(id),
        "partnership" => a.partnership(id) == b.partnership(id),
        _ => false,
    }
}

fn exists(s: &Snapshot, kind: &str, id: &str) -> bool {
    match kind {
        "city" => s.city(id).is_some(),
        "network" => s.network(id).is_some(),
        "membership" => s.membership(id).is_some(),
        "partnership" => s.partnership(id).is_some(),
        _ => false,
    }
}

impl Service {
    /// Runs `f` (one logical write) with `ctx`: every commit `f` makes on this thread records who
    /// and why and checks the precondition (see the module docs).
    pub fn writing<T>(&self, ctx: WriteContext, f: impl FnOnce() -> T) -> T {
        let prev = CONTEXT.with(|c| c.borrow_mut().replace(ctx));
        let _restore = Restore(prev);
        f()
    }

    /// Checks `pre` for `changes` about to be committed on `head` (under the writer lock).
    pub(crate) fn check_precondition(
        &self,
        pre: &Precondition,
        head: &Snapshot,
        changes: &[Change],
    ) -> Result<()> {
        match *pre {
            Precondition::Exists => {
                for c in changes {
                    let (kind, id) = c.target();
                    if !exists(head, kind, id) {
                        return Err(Error::PreconditionFailed(format!(
                            "If-Match: * but {kind} {id} does not exist"
                        )));
                    }
                }
                Ok(())
            }
            Precondition::Unchanged(n) if n == head.version => Ok(()),
            Precondition::Unchanged(n) if n > head.version => {
                Err(Error::PreconditionFailed(format!(
                    "If-Match names graph version {n}, and the graph is at {}",
                    head.version
                )))
            }
            Precondition::Unchanged(n) => {
                let then = match self.versions.exact(n) {
                    Some(s) => s,
                    None => self.snapshot_at(n).map_err(|e| {
                        Error::PreconditionFailed(format!(
                            "If-Match names graph version {n}, which cannot be checked ({e})"
                        ))
                    })?,
                };
                for c in changes {
                    let (kind, id) = c.target();
                    if !same_entity(&then, head, kind, id) {
                        return Err(Error::PreconditionFailed(format!(
                            "{kind} {id} changed after graph version {n} (the graph is at {})",
                            head.version
                        )));
                    }
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preconditions_parse_etags_versions_and_star() {
        use Precondition::*;
        assert_eq!(Precondition::parse("*"), Some(Exists));
        assert_eq!(Precondition::parse("\"v12\""), Some(Unchanged(12)));
        assert_eq!(
            Precondition::parse("W/\"v12-2019-06-01\""),
            Some(Unchanged(12))
        );
        assert_eq!(Precondition::parse(" 7 "), Some(Unchanged(7)));
        for bad in [
            "",
            "v12",
            "\"x12\"",
            "\"v\"",
            "\"v-1\"",
            "\"v1\", \"v2\"",
            "W/",
            "-3",
        ] {
            assert_eq!(Precondition::parse(bad), None, "{bad:?}");
        }
    }
}
