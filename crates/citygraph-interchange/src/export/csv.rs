//! CSV tables (RFC 4180: header row, CRLF line ends, fields quoted when they hold a comma, a quote
//! or a line break, quotes doubled), and a zip holding both.
//!
//! - `nodes.csv`: `id` then the node attributes of the projection (the GraphML key names:
//!   `name,country,region,lat,lon,population,wikidata`; bipartite: `type` first, then also
//!   `scope,founded`);
//! - `edges.csv`: `id,source,target` then the edge attributes (`kind,status,established,ended`;
//!   bipartite: also `role`). Source and target are node ids of `nodes.csv`.
//!
//! An unknown value is an empty field.

use std::io::Write;

use citygraph_core::Snapshot;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::attrs::{edge_attrs, edge_value, node_attrs, node_value};
use super::select::Selection;
use super::{buffered, finish, ExportError, ExportOptions, ExportSummary};

fn csv_writer<W: Write>(out: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out)
}

fn write_nodes<W: Write>(sel: &Selection<'_>, out: W) -> Result<u64, ExportError> {
    let defs = node_attrs(sel.bipartite());
    let mut w = csv_writer(out);
    w.write_record(std::iter::once("id").chain(defs.iter().map(|d| d.name)))?;
    let mut n = 0;
    let mut row: Vec<String> = Vec::with_capacity(defs.len() + 1);
    for node in sel.nodes() {
        row.clear();
        row.push(sel.node_id(&node));
        row.extend(defs.iter().map(|d| {
            node_value(&node, d.name)
                .map(|v| v.render().into_owned())
                .unwrap_or_default()
        }));
        w.write_record(&row)?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}

fn write_edges<W: Write>(sel: &Selection<'_>, out: W) -> Result<u64, ExportError> {
    let defs = edge_attrs(sel.bipartite());
    let mut w = csv_writer(out);
    w.write_record(
        ["id", "source", "target"]
            .into_iter()
            .chain(defs.iter().map(|d| d.name)),
    )?;
    let mut n = 0;
    let mut row: Vec<String> = Vec::with_capacity(defs.len() + 3);
    for edge in sel.edges() {
        let (source, target) = sel.edge_ends(&edge);
        row.clear();
        row.extend([edge.id().to_owned(), source, target]);
        row.extend(defs.iter().map(|d| {
            edge_value(&edge, d.name, sel.as_of())
                .map(|v| v.render().into_owned())
                .unwrap_or_default()
        }));
        w.write_record(&row)?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}

/// Writes `nodes.csv` of the selection to `out`; returns the number of rows (header excluded).
pub fn write_nodes_csv<W: Write>(
    snap: &Snapshot,
    opts: &ExportOptions,
    out: W,
) -> Result<u64, ExportError> {
    let mut buf = buffered(out);
    let n = write_nodes(&Selection::new(snap, opts), &mut buf)?;
    finish(buf)?;
    Ok(n)
}

/// Writes `edges.csv` of the selection to `out`; returns the number of rows (header excluded).
pub fn write_edges_csv<W: Write>(
    snap: &Snapshot,
    opts: &ExportOptions,
    out: W,
) -> Result<u64, ExportError> {
    let mut buf = buffered(out);
    let n = write_edges(&Selection::new(snap, opts), &mut buf)?;
    finish(buf)?;
    Ok(n)
}

/// Writes a zip archive holding `nodes.csv` and `edges.csv` (deflated) to `out`.
///
/// The archive is written as a stream (`ZipWriter::new_stream`: sizes and checksums follow each
/// entry in a data descriptor), so `out` needs no `Seek` and nothing is held in memory beyond the
/// deflate window and write buffers. Entries larger than 4 GiB are refused (no Zip64 in
/// streaming mode).
pub fn write_csv_zip<W: Write>(
    snap: &Snapshot,
    opts: &ExportOptions,
    out: W,
) -> Result<ExportSummary, ExportError> {
    let sel = Selection::new(snap, opts);
    let mut zip = ZipWriter::new_stream(buffered(out));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("nodes.csv", options)?;
    let nodes = {
        let mut entry = buffered(&mut zip);
        let n = write_nodes(&sel, &mut entry)?;
        finish(entry)?;
        n
    };
    zip.start_file("edges.csv", options)?;
    let edges = {
        let mut entry = buffered(&mut zip);
        let n = write_edges(&sel, &mut entry)?;
        finish(entry)?;
        n
    };
    let stream = zip.finish()?;
    finish(stream.into_inner())?;
    Ok(ExportSummary { nodes, edges })
}
