//! GEXF 1.3 (`xmlns="http://gexf.net/1.3"`): a dynamic undirected graph whose edges carry one time
//! spell per active period, so Gephi's timeline plays each link's history.
//!
//! - `<graph mode="dynamic" defaultedgetype="undirected" timeformat="date" timerepresentation="interval">`;
//! - static attributes declared per class (`node`, `edge`) with their types, the same names as the
//!   GraphML keys (the node name is the node `label`);
//! - a partnership edge gets `kind` (its partnership kind, so parallel links of different kinds stay
//!   distinct in Gephi) and `<spells>`: one `<spell start=".." end=".."/>` per period in which the
//!   link was active (established or resumed or renewed, up to the day before it was suspended,
//!   lapsed or terminated). GEXF 1.3 intervals are inclusive at both ends; an open start (a link
//!   whose history does not begin with its establishment) or an open end (still active at the end
//!   of its history) leaves the attribute out. Partial dates stand for their first day;
//! - a membership edge (bipartite) gets one spell from its start to the day before its end.
//!
//! Nodes carry no spells: cities and networks are present all along.

use std::io::Write;

use citygraph_core::date::Day;
use citygraph_core::model::{status_on, transition, Event, EventType, Status};
use citygraph_core::Snapshot;

use super::attrs::{edge_attrs, edge_value, node_attrs, node_value};
use super::select::{EdgeRef, Selection};
use super::xml::{self, XmlWriter};
use super::{buffered, finish, ExportError, ExportOptions, ExportSummary};

const NS: &str = "http://gexf.net/1.3";
const SCHEMA: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// A closed interval of days; `None` is unbounded on that side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spell {
    /// First day of the period (`None`: since before the first recorded event).
    pub start: Option<Day>,
    /// Last day of the period (`None`: still active at the end of the history).
    pub end: Option<Day>,
}

fn day_before(d: Day) -> Day {
    Day::from_epoch_days(d.to_epoch_days() - 1)
}

/// The periods in which a (valid) history is active, in order, as inclusive day intervals.
///
/// A history that starts with `established` is active from that day; one that does not (an
/// undated link) is active from an open start. Each suspension, lapse or termination closes the
/// current period on the day before it; a resumption or renewal opens a new one. A period that
/// would close before it opens (two events on the same first day) is dropped.
pub fn active_spells(events: &[Event]) -> Vec<Spell> {
    let mut status: Option<Status> = match events.first() {
        Some(e) if e.kind == EventType::Established => None,
        _ => Some(Status::Active),
    };
    let mut spells = Vec::new();
    let mut open: Option<Option<Day>> = (status == Some(Status::Active)).then_some(None);
    for e in events {
        let next = transition(status, e.kind).ok().or(status);
        let day = e.date.first_day();
        match (open, next == Some(Status::Active)) {
            (None, true) => open = Some(Some(day)),
            (Some(start), false) => {
                let end = day_before(day);
                if start.is_none_or(|s| s <= end) {
                    spells.push(Spell {
                        start,
                        end: Some(end),
                    });
                }
                open = None;
            }
            _ => {}
        }
        status = next;
    }
    if let Some(start) = open {
        spells.push(Spell { start, end: None });
    }
    debug_assert!(spells.iter().all(|s| s
        .start
        .is_none_or(|d| status_on(events, d) == Some(Status::Active))));
    spells
}

fn edge_spells(edge: &EdgeRef<'_>) -> Vec<Spell> {
    match edge {
        EdgeRef::Partnership { partnership, .. } => active_spells(&partnership.events),
        EdgeRef::Membership(m) => {
            let start = m.start().map(|d| d.first_day());
            let end = m.end().map(|d| day_before(d.first_day()));
            match (start, end) {
                (Some(s), Some(e)) if e < s => Vec::new(),
                _ => vec![Spell { start, end }],
            }
        }
    }
}

/// Writes the selection as GEXF 1.3 to `out`.
pub fn write_gexf<W: Write>(
    snap: &Snapshot,
    opts: &ExportOptions,
    out: W,
) -> Result<ExportSummary, ExportError> {
    let sel = Selection::new(snap, opts);
    let mut buf = buffered(out);
    let summary = write_document(&sel, &mut xml::writer(&mut buf))?;
    buf.write_all(b"\n")?;
    finish(buf)?;
    Ok(summary)
}

fn write_document<W: Write>(
    sel: &Selection<'_>,
    w: &mut XmlWriter<W>,
) -> Result<ExportSummary, ExportError> {
    let bipartite = sel.bipartite();
    xml::declaration(w)?;
    xml::open(
        w,
        "gexf",
        &[
            ("xmlns", NS),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA),
            ("version", "1.3"),
        ],
    )?;
    xml::open(w, "meta", &[])?;
    xml::text_element(w, "creator", &[], "citygraph")?;
    let description = format!(
        "{} graph as of {} (links: {}); edge spells are the periods in which each link was active",
        sel.opts.projection,
        sel.as_of(),
        sel.opts.status
    );
    xml::text_element(w, "description", &[], &description)?;
    xml::close(w, "meta")?;
    xml::open(
        w,
        "graph",
        &[
            ("mode", "dynamic"),
            ("defaultedgetype", "undirected"),
            ("timeformat", "date"),
            ("timerepresentation", "interval"),
        ],
    )?;
    for (class, defs) in [
        ("node", node_attrs(bipartite)),
        ("edge", edge_attrs(bipartite)),
    ] {
        xml::open(w, "attributes", &[("class", class), ("mode", "static")])?;
        for def in defs
            .iter()
            .filter(|d| !(class == "node" && d.name == "name"))
        {
            xml::empty(
                w,
                "attribute",
                &[
                    ("id", def.name),
                    ("title", def.name),
                    ("type", def.ty.as_str()),
                ],
            )?;
        }
        xml::close(w, "attributes")?;
    }

    let mut summary = ExportSummary::default();
    xml::open(w, "nodes", &[])?;
    for node in sel.nodes() {
        let id = sel.node_id(&node);
        xml::open(w, "node", &[("id", &id), ("label", node.name())])?;
        xml::open(w, "attvalues", &[])?;
        for def in node_attrs(bipartite).iter().filter(|d| d.name != "name") {
            if let Some(v) = node_value(&node, def.name) {
                xml::empty(w, "attvalue", &[("for", def.name), ("value", &v.render())])?;
            }
        }
        xml::close(w, "attvalues")?;
        xml::close(w, "node")?;
        summary.nodes += 1;
    }
    xml::close(w, "nodes")?;

    xml::open(w, "edges", &[])?;
    for edge in sel.edges() {
        let (source, target) = sel.edge_ends(&edge);
        xml::open(
            w,
            "edge",
            &[
                ("id", edge.id()),
                ("source", &source),
                ("target", &target),
                ("kind", edge.kind()),
            ],
        )?;
        xml::open(w, "attvalues", &[])?;
        for def in edge_attrs(bipartite) {
            if let Some(v) = edge_value(&edge, def.name, sel.as_of()) {
                xml::empty(w, "attvalue", &[("for", def.name), ("value", &v.render())])?;
            }
        }
        xml::close(w, "attvalues")?;
        let spells = edge_spells(&edge);
        if !spells.is_empty() {
            xml::open(w, "spells", &[])?;
            for spell in spells {
                let start = spell.start.map(|d| d.to_string());
                let end = spell.end.map(|d| d.to_string());
                let mut attrs: Vec<(&str, &str)> = Vec::with_capacity(2);
                if let Some(s) = &start {
                    attrs.push(("start", s));
                }
                if let Some(e) = &end {
                    attrs.push(("end", e));
                }
                xml::empty(w, "spell", &attrs)?;
            }
            xml::close(w, "spells")?;
        }
        xml::close(w, "edge")?;
        summary.edges += 1;
    }
    xml::close(w, "edges")?;
    xml::close(w, "graph")?;
    xml::close(w, "gexf")?;
    Ok(summary)
}
