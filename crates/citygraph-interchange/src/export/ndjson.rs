//! NDJSON in the seed format ([`crate::read::Record`]), one entity per line in load order: cities,
//! networks, memberships, partnerships, each kind in id order.

use std::io::Write;

use citygraph_core::Snapshot;

use super::select::Selection;
use super::{buffered, finish, ExportError, ExportOptions, ExportSummary};
use crate::read::Record;

fn line<W: Write>(w: &mut W, record: &Record) -> Result<(), ExportError> {
    w.write_all(record.to_line().as_bytes())?;
    w.write_all(b"\n")?;
    Ok(())
}

/// Writes every entity of the snapshot, whatever its dates: importing the output
/// (`read::read_ndjson` then `read::snapshot_from_records`) rebuilds the same entities.
pub fn write_ndjson_all<W: Write>(snap: &Snapshot, out: W) -> Result<ExportSummary, ExportError> {
    let mut w = buffered(out);
    let mut summary = ExportSummary::default();
    for c in snap.cities.values() {
        line(&mut w, &Record::City((**c).clone()))?;
        summary.nodes += 1;
    }
    for n in snap.networks.values() {
        line(&mut w, &Record::Network((**n).clone()))?;
        summary.nodes += 1;
    }
    for m in snap.memberships.values() {
        line(&mut w, &Record::Membership((**m).clone()))?;
        summary.edges += 1;
    }
    for p in snap.partnerships.values() {
        line(&mut w, &Record::Partnership((**p).clone()))?;
        summary.edges += 1;
    }
    finish(w)?;
    Ok(summary)
}

/// Writes the selected entities, whole (full histories and sources), in load order: the cities that
/// pass the filter; the networks with a membership in force on `as_of` of a selected city; those
/// memberships; the partnerships of the twinning selection (both ends selected, existing on `as_of`,
/// kind and status passed). Every reference in the output points to an entity in it, so the output
/// imports on its own. The projection does not matter here: memberships and partnerships are both
/// written.
pub fn write_ndjson<W: Write>(
    snap: &Snapshot,
    opts: &ExportOptions,
    out: W,
) -> Result<ExportSummary, ExportError> {
    let sel = Selection::new(snap, opts);
    let mut w = buffered(out);
    let mut summary = ExportSummary::default();
    for c in sel.cities() {
        line(&mut w, &Record::City(c.clone()))?;
        summary.nodes += 1;
    }
    for n in sel.networks() {
        line(&mut w, &Record::Network(n.clone()))?;
        summary.nodes += 1;
    }
    for m in sel.memberships() {
        line(&mut w, &Record::Membership(m.clone()))?;
        summary.edges += 1;
    }
    for (p, _) in sel.partnerships() {
        line(&mut w, &Record::Partnership(p.clone()))?;
        summary.edges += 1;
    }
    finish(w)?;
    Ok(summary)
}
