//! Import, export, change feed, health, readiness and metrics.

use std::io::Write;

use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use citygraph_service::import::parse_ndjson;
use citygraph_service::Error;

use super::cities::internal;
use crate::dto::{
    ChangeRefView, ChangeView, ChangesQuery, ChangesView, HealthView, ImportReportView,
};
use crate::error::{ApiError, Problem};
use crate::respond::{self, graph_json, written};
use crate::state::{AppState, ReadAuth, WriteAuth};

type Data = web::Data<AppState>;

/// Import NDJSON in the seed format, all or nothing: on any bad line nothing changes and every bad
/// line is reported with its number. Records are upserted by id.
#[utoipa::path(
    tag = "import-export",
    request_body(content = String, content_type = "application/x-ndjson", description = "One seed-format record per line"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Imported", body = ImportReportView),
        (status = 400, description = "The body is not UTF-8 text", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rejected lines (`import_rejected`, with `problems`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/import")]
pub async fn import(_a: WriteAuth, st: Data, body: web::Bytes) -> Result<HttpResponse, ApiError> {
    let text = std::str::from_utf8(&body)
        .map_err(|e| {
            ApiError::http(
                StatusCode::BAD_REQUEST,
                "invalid_body",
                format!("the body is not UTF-8: {e}"),
            )
        })?
        .to_owned();
    let svc = st.svc.clone();
    let report = web::block(move || {
        let records = parse_ndjson(&text, "body").map_err(Error::ImportRejected)?;
        svc.import(records, &|_| {})
    })
    .await
    .map_err(internal)??;
    Ok(written(
        StatusCode::OK,
        report.version,
        &ImportReportView {
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged,
            version: report.version,
        },
    ))
}

/// Adapts a blocking writer to a streamed HTTP body: chunks go through a bounded channel, so memory
/// stays at a few chunks whatever the size of the export.
pub struct ChannelWriter {
    buf: Vec<u8>,
    tx: tokio::sync::mpsc::Sender<web::Bytes>,
}

const CHUNK: usize = 64 * 1024;

impl ChannelWriter {
    pub fn new(tx: tokio::sync::mpsc::Sender<web::Bytes>) -> ChannelWriter {
        ChannelWriter {
            buf: Vec::with_capacity(CHUNK),
            tx,
        }
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.flush()?;
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        if !self.buf.is_empty() {
            let chunk =
                web::Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK)));
            self.tx.blocking_send(chunk).map_err(|_| {
                std::io::Error::new(std::io::ErrorKind::BrokenPipe, "client went away")
            })?;
        }
        Ok(())
    }
}

/// Streams what `write` produces, from a blocking thread, as the response body.
pub fn stream_body(
    content_type: &str,
    file_name: &str,
    version: u64,
    write: impl FnOnce(&mut ChannelWriter) -> std::io::Result<()> + Send + 'static,
) -> HttpResponse {
    let (tx, rx) = tokio::sync::mpsc::channel::<web::Bytes>(4);
    std::thread::spawn(move || {
        let mut w = ChannelWriter::new(tx);
        if let Err(e) = write(&mut w).and_then(|()| w.flush()) {
            tracing::debug!(error = %e, "export stream ended early");
        }
    });
    let body = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|b| (Ok::<_, actix_web::Error>(b), rx))
    });
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type.to_owned()))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .insert_header(("X-Graph-Version", version))
        .streaming(body)
}

/// Filters of an export.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// The graph as it was on this day (default today).
    pub as_of: Option<String>,
    /// `twinning` (cities and partnerships, default) or `bipartite` (cities, networks, memberships).
    pub projection: Option<String>,
    /// Only cities of this survey region (a link when both ends are).
    pub region: Option<String>,
    /// Only cities of this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Only cities that are members of this network on `as_of`.
    pub network: Option<String>,
    /// Only links of this kind.
    pub kind: Option<citygraph_core::PartnershipKind>,
    /// `in_force` (active or suspended on `as_of`, default), `active`, `suspended`, `ended` or `all`.
    pub status: Option<String>,
}

impl ExportQuery {
    fn is_empty(&self) -> bool {
        self.as_of.is_none()
            && self.projection.is_none()
            && self.region.is_none()
            && self.country.is_none()
            && self.network.is_none()
            && self.kind.is_none()
            && self.status.is_none()
    }
}

/// Export the graph for maps and graph tools: `geojson` (RFC 7946; lines that cross the
/// antimeridian are split), `graphml`, `gexf` (1.3, with each link's time spells), `csv` (a zip of
/// nodes.csv and edges.csv), `nodes.csv`, `edges.csv`, or `ndjson` (the seed format; without any
/// filter it holds every record, so importing it reproduces the store). The body is streamed.
#[utoipa::path(
    tag = "import-export",
    params(("format" = String, Path, description = "geojson, graphml, gexf, csv, nodes.csv, edges.csv or ndjson"), ExportQuery),
    responses(
        (status = 200, description = "The export, streamed, with a Content-Disposition file name", content_type = "application/octet-stream", body = String),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown format", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/export/{format}")]
pub async fn export(
    _a: ReadAuth,
    st: Data,
    format: web::Path<String>,
    q: web::Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    use citygraph_interchange::export::{self as ex, ExportFormat, ExportOptions};
    let format: ExportFormat = format.parse().map_err(|e: ex::ParseError| {
        ApiError::http(StatusCode::NOT_FOUND, "unknown_format", e.to_string())
    })?;
    let snap = st.svc.snapshot();
    let version = snap.version;
    if format == ExportFormat::Ndjson && q.is_empty() {
        return Ok(stream_body(
            format.media_type(),
            format.file_name(),
            version,
            move |w| {
                ex::write_ndjson_all(&snap, w)
                    .map(|_| ())
                    .map_err(std::io::Error::other)
            },
        ));
    }
    let bad = |code: &'static str, e: String| ApiError::http(StatusCode::BAD_REQUEST, code, e);
    let mut filter = citygraph_core::algo::filter::Filter::on(respond::as_of(q.as_of.as_deref())?);
    filter.region = respond::region(q.region.as_deref())?;
    filter.country = respond::country(q.country.as_deref())?;
    filter.kind = q.kind;
    if let Some(n) = q.network.as_deref().filter(|n| !n.is_empty()) {
        citygraph_service::entities::network(&snap, n)?;
        filter.network = Some(
            citygraph_core::NetworkId::new(n)
                .map_err(|e| bad("invalid_parameter", e.to_string()))?,
        );
    }
    let mut opts = ExportOptions::new(filter);
    if let Some(p) = q.projection.as_deref() {
        opts = opts.with_projection(
            p.parse()
                .map_err(|e: ex::ParseError| bad("invalid_parameter", e.to_string()))?,
        );
    }
    if let Some(s) = q.status.as_deref() {
        opts = opts.with_status(
            s.parse()
                .map_err(|e: ex::ParseError| bad("invalid_parameter", e.to_string()))?,
        );
    }
    Ok(stream_body(
        format.media_type(),
        format.file_name(),
        version,
        move |w| {
            ex::export(&snap, &opts, format, w)
                .map(|_| ())
                .map_err(std::io::Error::other)
        },
    ))
}

/// The change feed: committed changes after `since`, oldest first.
#[utoipa::path(
    tag = "import-export",
    params(ChangesQuery),
    responses(
        (status = 200, description = "Changes", body = ChangesView),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/changes")]
pub async fn changes(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<ChangesQuery>,
) -> Result<HttpResponse, ApiError> {
    let since = q.since.unwrap_or(0);
    let limit = respond::limit(q.limit)?;
    let version = st.svc.version();
    let entries = st.svc.changes_since(since, limit)?;
    let next_since = entries.last().map_or(since, |e| e.version);
    let body = ChangesView {
        since,
        version,
        changes: entries
            .into_iter()
            .map(|e| ChangeView {
                version: e.version,
                at_ms: e.at_ms,
                op: e.op,
                count: e.count,
                changes: e
                    .changes
                    .into_iter()
                    .map(|c| ChangeRefView {
                        entity: c.entity,
                        id: c.id,
                        action: c.action,
                    })
                    .collect(),
                truncated: e.truncated,
            })
            .collect(),
        next_since,
    };
    Ok(graph_json(&req, version, None, &body))
}

/// Liveness: the process is up.
#[utoipa::path(tag = "operations", responses((status = 200, description = "Up", body = HealthView)))]
#[get("/healthz")]
pub async fn healthz(st: Data) -> HttpResponse {
    HttpResponse::Ok().json(health(&st, "ok"))
}

/// Readiness: the store is open and the graph loaded; `read_only` (with `store_problem`) while a
/// shared store cannot be reached.
#[utoipa::path(tag = "operations", responses((status = 200, description = "Ready", body = HealthView)))]
#[get("/readyz")]
pub async fn readyz(st: Data) -> HttpResponse {
    let problem = st.svc.store_problem();
    let status = if problem.is_some() {
        "read_only"
    } else {
        "ready"
    };
    let mut view = health(&st, status);
    view.store_problem = problem;
    HttpResponse::Ok().json(view)
}

fn health(st: &AppState, status: &str) -> HealthView {
    let s = st.svc.snapshot();
    HealthView {
        status: status.to_owned(),
        version: s.version,
        cities: s.cities.len(),
        partnerships: s.partnerships.len(),
        networks: s.networks.len(),
        memberships: s.memberships.len(),
        store_problem: None,
    }
}

/// Prometheus metrics: requests and latency by route and status, graph version and sizes.
#[utoipa::path(tag = "operations", responses((status = 200, description = "Prometheus text format", content_type = "text/plain", body = String)))]
#[get("/metrics")]
pub async fn metrics(st: Data) -> HttpResponse {
    let s = st.svc.snapshot();
    let (hits, misses) = st.svc.cache().stats();
    let text = st.metrics.render(&[
        (
            "citygraph_graph_version",
            "Current graph version.",
            s.version as f64,
        ),
        (
            "citygraph_graph_cities",
            "Cities (nodes) in the graph.",
            s.cities.len() as f64,
        ),
        (
            "citygraph_graph_partnerships",
            "Partnerships (edges) in the graph.",
            s.partnerships.len() as f64,
        ),
        (
            "citygraph_graph_networks",
            "Networks.",
            s.networks.len() as f64,
        ),
        (
            "citygraph_graph_memberships",
            "Memberships.",
            s.memberships.len() as f64,
        ),
        (
            "citygraph_analytics_cache_hits",
            "Analytics answers served from the cache.",
            hits as f64,
        ),
        (
            "citygraph_analytics_cache_misses",
            "Analytics answers computed.",
            misses as f64,
        ),
    ]);
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(text)
}
