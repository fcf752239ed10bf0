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
    content_type: &'static str,
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
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .insert_header(("X-Graph-Version", version))
        .streaming(body)
}

/// Export the whole graph as NDJSON in the seed format (import it to reproduce the store).
#[utoipa::path(
    tag = "import-export",
    responses(
        (status = 200, description = "Every record, one per line", content_type = "application/x-ndjson", body = String),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/export/ndjson")]
pub async fn export_ndjson(_a: ReadAuth, st: Data) -> HttpResponse {
    let snap = st.svc.snapshot();
    let version = snap.version;
    stream_body(
        "application/x-ndjson",
        "citygraph.ndjson",
        version,
        move |w| citygraph_service::import::write_ndjson_all(&snap, w).map(|_| ()),
    )
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

/// Readiness: the store is open and the graph loaded.
#[utoipa::path(tag = "operations", responses((status = 200, description = "Ready", body = HealthView)))]
#[get("/readyz")]
pub async fn readyz(st: Data) -> HttpResponse {
    HttpResponse::Ok().json(health(&st, "ready"))
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
