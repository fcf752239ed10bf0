//! Exports for maps, graph tools and spreadsheets: GeoJSON, GraphML, GEXF, CSV (and a zip of both
//! CSV files) and the NDJSON seed format.
//!
//! Every export is two steps:
//! 1. a selection ([`select::Selection`]): the cities that pass the [`Filter`] on its `as_of` day
//!    (and, in the bipartite projection, the networks they belong to on that day), and the edges
//!    between them that exist on that day and pass the kind and [`StatusFilter`] restrictions;
//! 2. a writer that streams the selection element by element into any [`std::io::Write`]: no
//!    writer builds the whole document in memory, so an export needs memory for the graph itself
//!    and a few buffers, whatever its size.
//!
//! [`export`] runs both steps for an [`ExportFormat`] (one call serves `GET /v1/export/{format}`
//! and `citygraph export --format F`). [`write_ndjson_all`] writes every entity regardless of
//! `as_of`, so that importing its output rebuilds the same store.
//!
//! # What the default selection contains
//! With [`StatusFilter::InForce`] (the default), an export on `as_of` holds the links in force that
//! day: active or suspended, each with its status; a link that lapsed or was terminated before
//! `as_of` is left out ([`StatusFilter::All`] keeps it, with its ended status and end date).
//! Isolated cities are kept as nodes. Dates are written as the partial dates recorded
//! (`1957`, `1957-06`, `1957-06-14`), except in GEXF time spells, which need full days and take the
//! first day of each partial date (the partial-date rule of `citygraph_core::date`).

use std::fmt;
use std::io::{self, BufWriter, Write};
use std::str::FromStr;

use citygraph_core::algo::filter::Filter;
use citygraph_core::model::Status;
use citygraph_core::Snapshot;

mod attrs;
mod csv;
mod geojson;
mod gexf;
mod graphml;
mod ndjson;
pub mod select;
mod xml;

pub use self::csv::{write_csv_zip, write_edges_csv, write_nodes_csv};
pub use self::geojson::{split_at_antimeridian, write_geojson};
pub use self::gexf::{active_spells, write_gexf, Spell};
pub use self::graphml::write_graphml;
pub use self::ndjson::{write_ndjson, write_ndjson_all};

/// Which graph an export describes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Projection {
    /// Cities and the partnerships between them.
    #[default]
    Twinning,
    /// Cities and networks, joined by the memberships in force (node ids get a `city:` or
    /// `network:` prefix, as the two kinds of id are separate namespaces).
    Bipartite,
}

impl Projection {
    /// The name used in URLs and on the command line (`twinning`, `bipartite`).
    pub fn as_str(self) -> &'static str {
        match self {
            Projection::Twinning => "twinning",
            Projection::Bipartite => "bipartite",
        }
    }
}

impl fmt::Display for Projection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Projection {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Projection, ParseError> {
        match s {
            "twinning" => Ok(Projection::Twinning),
            "bipartite" => Ok(Projection::Bipartite),
            _ => Err(ParseError {
                what: "projection",
                value: s.to_owned(),
                expected: "twinning or bipartite",
            }),
        }
    }
}

/// Which partnerships an export keeps, by their status on `as_of`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum StatusFilter {
    /// Active or suspended: the links in force on `as_of` (the default).
    #[default]
    InForce,
    /// Active only.
    Active,
    /// Suspended only.
    Suspended,
    /// Lapsed or terminated by `as_of`.
    Ended,
    /// Every link that exists on `as_of` (established by then), whatever its status.
    All,
}

impl StatusFilter {
    /// Every status filter.
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::InForce,
        StatusFilter::Active,
        StatusFilter::Suspended,
        StatusFilter::Ended,
        StatusFilter::All,
    ];

    /// The name used in URLs and on the command line (`in_force`, `active`, `suspended`, `ended`,
    /// `all`).
    pub fn as_str(self) -> &'static str {
        match self {
            StatusFilter::InForce => "in_force",
            StatusFilter::Active => "active",
            StatusFilter::Suspended => "suspended",
            StatusFilter::Ended => "ended",
            StatusFilter::All => "all",
        }
    }

    /// Whether a partnership with this status on `as_of` passes.
    pub fn accepts(self, status: Status) -> bool {
        match self {
            StatusFilter::InForce => !status.is_ended(),
            StatusFilter::Active => status == Status::Active,
            StatusFilter::Suspended => status == Status::Suspended,
            StatusFilter::Ended => status.is_ended(),
            StatusFilter::All => true,
        }
    }
}

impl fmt::Display for StatusFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for StatusFilter {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<StatusFilter, ParseError> {
        StatusFilter::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| ParseError {
                what: "status",
                value: s.to_owned(),
                expected: "in_force, active, suspended, ended or all",
            })
    }
}

/// What to export: the filter (with its `as_of` day), the projection and the status restriction.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExportOptions {
    /// The day and the region, country, kind and network restrictions.
    pub filter: Filter,
    /// The graph exported.
    pub projection: Projection,
    /// Which partnerships are kept, by status on `as_of` (ignored by the bipartite projection,
    /// whose edges are the memberships in force).
    pub status: StatusFilter,
}

impl ExportOptions {
    /// The twinning graph under `filter`, links in force on its `as_of`.
    pub fn new(filter: Filter) -> ExportOptions {
        ExportOptions {
            filter,
            projection: Projection::Twinning,
            status: StatusFilter::InForce,
        }
    }

    /// The same options with another projection.
    pub fn with_projection(mut self, projection: Projection) -> ExportOptions {
        self.projection = projection;
        self
    }

    /// The same options with another status restriction.
    pub fn with_status(mut self, status: StatusFilter) -> ExportOptions {
        self.status = status;
        self
    }
}

/// An export file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// RFC 7946 FeatureCollection: a Point per city, a (Multi)LineString per link.
    GeoJson,
    /// GraphML with typed keys (NetworkX, Gephi, yEd, igraph).
    GraphMl,
    /// GEXF 1.3, dynamic, with a time spell per active period of each link (Gephi, NetworkX).
    Gexf,
    /// A zip holding `nodes.csv` and `edges.csv`.
    CsvZip,
    /// The node table alone.
    NodesCsv,
    /// The edge table alone.
    EdgesCsv,
    /// The NDJSON seed format, filtered like the other exports.
    Ndjson,
}

impl ExportFormat {
    /// Every format.
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::GeoJson,
        ExportFormat::GraphMl,
        ExportFormat::Gexf,
        ExportFormat::CsvZip,
        ExportFormat::NodesCsv,
        ExportFormat::EdgesCsv,
        ExportFormat::Ndjson,
    ];

    /// The name used in URLs and on the command line (`geojson`, `graphml`, `gexf`, `csv`,
    /// `nodes.csv`, `edges.csv`, `ndjson`).
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::GeoJson => "geojson",
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::CsvZip => "csv",
            ExportFormat::NodesCsv => "nodes.csv",
            ExportFormat::EdgesCsv => "edges.csv",
            ExportFormat::Ndjson => "ndjson",
        }
    }

    /// The media type to serve the export with.
    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::GeoJson => "application/geo+json",
            ExportFormat::GraphMl => "application/graphml+xml",
            ExportFormat::Gexf => "application/gexf+xml",
            ExportFormat::CsvZip => "application/zip",
            ExportFormat::NodesCsv | ExportFormat::EdgesCsv => {
                "text/csv; charset=utf-8; header=present"
            }
            ExportFormat::Ndjson => "application/x-ndjson",
        }
    }

    /// The default file name (for `Content-Disposition` or `--out` in a folder).
    pub fn file_name(self) -> &'static str {
        match self {
            ExportFormat::GeoJson => "citygraph.geojson",
            ExportFormat::GraphMl => "citygraph.graphml",
            ExportFormat::Gexf => "citygraph.gexf",
            ExportFormat::CsvZip => "citygraph-csv.zip",
            ExportFormat::NodesCsv => "nodes.csv",
            ExportFormat::EdgesCsv => "edges.csv",
            ExportFormat::Ndjson => "citygraph.ndjson",
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ExportFormat {
    type Err = ParseError;
    /// Accepts [`ExportFormat::as_str`] names, plus `zip` and `csv.zip` for [`ExportFormat::CsvZip`].
    fn from_str(s: &str) -> Result<ExportFormat, ParseError> {
        match s {
            "zip" | "csv.zip" => Ok(ExportFormat::CsvZip),
            _ => ExportFormat::ALL
                .into_iter()
                .find(|f| f.as_str() == s)
                .ok_or_else(|| ParseError {
                    what: "export format",
                    value: s.to_owned(),
                    expected: "geojson, graphml, gexf, csv, nodes.csv, edges.csv or ndjson",
                }),
        }
    }
}

/// A value that names no known option.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {value:?}: expected {expected}")]
pub struct ParseError {
    /// What was being parsed (`export format`, `status`, `projection`).
    pub what: &'static str,
    /// The value given.
    pub value: String,
    /// The values accepted.
    pub expected: &'static str,
}

/// How many nodes and edges an export wrote (for NDJSON: cities and networks, memberships and
/// partnerships).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ExportSummary {
    /// Nodes (or node rows, or city and network records) written.
    pub nodes: u64,
    /// Edges (or edge rows, or membership and partnership records) written.
    pub edges: u64,
}

/// Why an export failed. Every variant comes from writing: the selection itself cannot fail.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The output refused a write or a flush (disk full, client gone, ...).
    #[error("writing the export failed: {0}")]
    Io(#[from] io::Error),
    /// The CSV writer failed (in practice: an IO error underneath).
    #[error("writing csv failed: {0}")]
    Csv(#[from] ::csv::Error),
    /// The zip writer failed (an IO error underneath, or an entry over 4 GiB).
    #[error("writing the zip archive failed: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// The GeoJSON feature writer failed (an IO error underneath).
    #[error("writing geojson failed: {0}")]
    GeoJson(#[from] ::geojson::Error),
}

impl ExportError {
    /// A stable snake_case code for error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::Io(_) => "export_io",
            ExportError::Csv(_) => "export_csv",
            ExportError::Zip(_) => "export_zip",
            ExportError::GeoJson(_) => "export_geojson",
        }
    }
}

/// Writes the export of `snap` under `opts` in `format` to `out`, element by element.
///
/// `out` needs no buffering of its own: the writers buffer (64 KiB) and flush before returning.
pub fn export<W: Write + ?Sized>(
    snap: &Snapshot,
    opts: &ExportOptions,
    format: ExportFormat,
    out: &mut W,
) -> Result<ExportSummary, ExportError> {
    match format {
        ExportFormat::GeoJson => write_geojson(snap, opts, out),
        ExportFormat::GraphMl => write_graphml(snap, opts, out),
        ExportFormat::Gexf => write_gexf(snap, opts, out),
        ExportFormat::CsvZip => write_csv_zip(snap, opts, out),
        ExportFormat::NodesCsv => {
            write_nodes_csv(snap, opts, out).map(|nodes| ExportSummary { nodes, edges: 0 })
        }
        ExportFormat::EdgesCsv => {
            write_edges_csv(snap, opts, out).map(|edges| ExportSummary { nodes: 0, edges })
        }
        ExportFormat::Ndjson => write_ndjson(snap, opts, out),
    }
}

/// The buffer every writer puts in front of its output.
pub(crate) fn buffered<W: Write>(out: W) -> BufWriter<W> {
    BufWriter::with_capacity(64 * 1024, out)
}

/// Ends a buffered write: flushes, turning a failed flush into an error rather than a silent loss.
pub(crate) fn finish<W: Write>(mut w: BufWriter<W>) -> Result<(), ExportError> {
    w.flush()?;
    w.into_inner()
        .map_err(|e| ExportError::Io(e.into_error()))?;
    Ok(())
}
