//! GraphML: an undirected graph with typed keys, written event by event with quick-xml.
//!
//! Keys (`attr.type` string, double or long): nodes `name`, `country`, `region`, `lat`, `lon`,
//! `population`, `wikidata` (bipartite: also `type` = city|network, `scope`, `founded`); edges
//! `kind`, `status` (on `as_of`), `established`, `ended` (bipartite: also `role`); the graph
//! `as_of`, `projection` and `status_filter`. A value that is unknown is left out (no `<data>`).

use std::io::Write;

use citygraph_core::Snapshot;

use super::attrs::{edge_attrs, edge_value, node_attrs, node_value, AttrDef};
use super::select::Selection;
use super::xml::{self, XmlWriter};
use super::{buffered, finish, ExportError, ExportOptions, ExportSummary};

const NS: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

fn key_id(prefix: &str, def: &AttrDef) -> String {
    format!("{prefix}_{}", def.name)
}

/// Writes the selection as GraphML to `out`.
pub fn write_graphml<W: Write>(
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
        "graphml",
        &[
            ("xmlns", NS),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA),
        ],
    )?;
    for (id, name) in [
        ("g_as_of", "as_of"),
        ("g_projection", "projection"),
        ("g_status_filter", "status_filter"),
    ] {
        xml::empty(
            w,
            "key",
            &[
                ("id", id),
                ("for", "graph"),
                ("attr.name", name),
                ("attr.type", "string"),
            ],
        )?;
    }
    for (prefix, target, defs) in [
        ("n", "node", node_attrs(bipartite)),
        ("e", "edge", edge_attrs(bipartite)),
    ] {
        for def in defs {
            let id = key_id(prefix, def);
            xml::empty(
                w,
                "key",
                &[
                    ("id", &id),
                    ("for", target),
                    ("attr.name", def.name),
                    ("attr.type", def.ty.as_str()),
                ],
            )?;
        }
    }
    xml::open(
        w,
        "graph",
        &[("id", "citygraph"), ("edgedefault", "undirected")],
    )?;
    let as_of = sel.as_of().to_string();
    xml::text_element(w, "data", &[("key", "g_as_of")], &as_of)?;
    xml::text_element(
        w,
        "data",
        &[("key", "g_projection")],
        sel.opts.projection.as_str(),
    )?;
    xml::text_element(
        w,
        "data",
        &[("key", "g_status_filter")],
        sel.opts.status.as_str(),
    )?;

    let node_keys: Vec<(&AttrDef, String)> = node_attrs(bipartite)
        .iter()
        .map(|d| (d, key_id("n", d)))
        .collect();
    let edge_keys: Vec<(&AttrDef, String)> = edge_attrs(bipartite)
        .iter()
        .map(|d| (d, key_id("e", d)))
        .collect();
    let mut summary = ExportSummary::default();
    for node in sel.nodes() {
        let id = sel.node_id(&node);
        xml::open(w, "node", &[("id", &id)])?;
        for (def, key) in &node_keys {
            if let Some(v) = node_value(&node, def.name) {
                xml::text_element(w, "data", &[("key", key)], &v.render())?;
            }
        }
        xml::close(w, "node")?;
        summary.nodes += 1;
    }
    for edge in sel.edges() {
        let (source, target) = sel.edge_ends(&edge);
        xml::open(
            w,
            "edge",
            &[("id", edge.id()), ("source", &source), ("target", &target)],
        )?;
        for (def, key) in &edge_keys {
            if let Some(v) = edge_value(&edge, def.name, sel.as_of()) {
                xml::text_element(w, "data", &[("key", key)], &v.render())?;
            }
        }
        xml::close(w, "edge")?;
        summary.edges += 1;
    }
    xml::close(w, "graph")?;
    xml::close(w, "graphml")?;
    Ok(summary)
}
