//! Import, export, change feed, health, readiness and metrics.

use std::io::Write;

use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use citygraph_core::algo::cancel::Cancel;
use citygraph_service::export::{ExportParams, ExportRequest};
use citygraph_service::import::parse_ndjson_all;

use super::cities::internal;
use crate::dto::{
    AnalyticsSlotsView, ChangeRefView, ChangeView, ChangesQuery, ChangesView, EntryChangesQuery,
    EntryChangesView, HealthView, ImportReportView, StoreHealthView,
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
pub async fn import(a: WriteAuth, st: Data, body: web::Bytes) -> Result<HttpResponse, ApiError> {
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
    let report = a
        .block(move || {
            let (records, unreadable) = parse_ndjson_all(&text, "body");
            if !unreadable.is_empty() {
                return Err(svc.reject_import(records, unreadable));
            }
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

/// Adapts the blocking writer of an export to a streamed HTTP body: chunks go through a bounded
/// channel, so memory stays at a few chunks whatever the size of the export. While the channel is
/// full (a slow reader) the writer waits in short sleeps, watching the export's cancellation
/// handle, so a reader that stalls cannot hold an export worker past the export's deadline; a
/// reader that is gone ends the export at the next chunk.
pub struct ChannelWriter {
    buf: Vec<u8>,
    tx: tokio::sync::mpsc::Sender<web::Bytes>,
    cancel: Cancel,
}

const CHUNK: usize = 64 * 1024;

impl ChannelWriter {
    pub fn new(tx: tokio::sync::mpsc::Sender<web::Bytes>, cancel: Cancel) -> ChannelWriter {
        ChannelWriter {
            buf: Vec::with_capacity(CHUNK),
            tx,
            cancel,
        }
    }

    fn send(&mut self, mut chunk: web::Bytes) -> std::io::Result<()> {
        use tokio::sync::mpsc::error::TrySendError;
        let mut pause = std::time::Duration::from_millis(1);
        loop {
            match self.tx.try_send(chunk) {
                Ok(()) => return Ok(()),
                Err(TrySendError::Closed(_)) => {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::BrokenPipe,
                        "client went away",
                    ))
                }
                Err(TrySendError::Full(c)) => {
                    chunk = c;
                    self.cancel
                        .check()
                        .map_err(|e| std::io::Error::new(std::io::ErrorKind::TimedOut, e))?;
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(std::time::Duration::from_millis(50));
                }
            }
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
            self.send(chunk)?;
        }
        Ok(())
    }
}

impl Drop for ChannelWriter {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Export the graph for maps and graph tools: `geojson` (RFC 7946; lines that cross the
/// antimeridian are split), `graphml`, `gexf` (1.3, with each link's time spells), `csv` (a zip of
/// nodes.csv and edges.csv), `nodes.csv`, `edges.csv`, or `ndjson` (the seed format; without any
/// filter it holds every record, so importing it reproduces the store). The body is streamed by one
/// of the service's export workers; a few run at once, one per client, each until its deadline
/// (`CITYGRAPH_EXPORT_TIMEOUT`).
#[utoipa::path(
    tag = "import-export",
    params(("format" = String, Path, description = "geojson, graphml, gexf, csv, nodes.csv, edges.csv or ndjson"), ExportParams),
    responses(
        (status = 200, description = "The export, streamed, with a Content-Disposition file name", content_type = "application/octet-stream", body = String),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown format or network", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client is already exporting (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Every export worker is busy (`busy`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/export/{format}")]
pub async fn export(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    format: web::Path<String>,
    q: web::Query<ExportParams>,
) -> Result<HttpResponse, ApiError> {
    let request = ExportRequest::new(&format, &q)?;
    let (media_type, file_name) = (request.format.media_type(), request.format.file_name());
    let snap = st.snapshot(&req);
    let version = snap.version;
    let (tx, rx) = tokio::sync::mpsc::channel::<web::Bytes>(4);
    st.svc
        .start_export(request, snap, &st.client_id(&req), move |cancel| {
            ChannelWriter::new(tx, cancel)
        })?;
    let body = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|b| (Ok::<_, actix_web::Error>(b), rx))
    });
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, media_type.to_owned()))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .insert_header(("X-Graph-Version", version))
        .streaming(body))
}

/// The longest a change-feed request may wait for a new version (`wait`).
pub const MAX_FEED_WAIT_SECS: u64 = 30;

/// Entities one page of `GET /v1/changes/{version}` lists by default, and at most.
const ENTRY_PAGE: usize = 1000;
const MAX_ENTRY_PAGE: usize = 10_000;

/// The change feed: committed changes after `since`, oldest first. Every entry names every entity
/// it touched: a large entry (an import) lists its first 1000 here, `truncated`, with a `next`
/// link to the rest (`GET /v1/changes/{version}`), so the feed alone lets a client mirror the
/// graph. With `wait`, a request that finds no entry newer than `since` waits up to that many
/// seconds for one (a write on this server or, with a shared store, on any server), then answers,
/// with no entries if none came. Long polls are bounded: over the bound, 503 `busy`.
#[utoipa::path(
    tag = "import-export",
    params(ChangesQuery),
    responses(
        (status = 200, description = "Changes", body = ChangesView),
        (status = 400, description = "A bad parameter (`wait` over 30, ...)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many long polls wait already (`busy`); see Retry-After", body = Problem, content_type = "application/problem+json"),
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
    let wait = match q.wait.unwrap_or(0) {
        w if w <= MAX_FEED_WAIT_SECS => std::time::Duration::from_secs(w),
        w => {
            return Err(ApiError::http(
                StatusCode::BAD_REQUEST,
                "invalid_parameter",
                format!("wait: {w} is not in 0..={MAX_FEED_WAIT_SECS} seconds"),
            ))
        }
    };
    if !wait.is_zero() && st.svc.version() <= since {
        let Some(_place) = st.svc.feed().enter() else {
            let secs = st.svc.config().retry_after_secs;
            let mut r = crate::error::problem_response(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                format!(
                    "{} change-feed readers are waiting already; retry later",
                    st.svc.feed().max_waiters()
                ),
                Vec::new(),
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(secs));
            return Ok(r);
        };
        // An async wait: the worker serves other requests meanwhile.
        let mut rx = st.svc.watch_version();
        let _ = tokio::time::timeout(wait, rx.wait_for(|v| *v > since)).await;
    }
    // Entries up to the version readers see: one being made durable now is listed next time.
    let version = st.svc.version();
    let mut entries = {
        let svc = st.svc.clone();
        st.scan(move || svc.changes_since(since, limit)).await??
    };
    entries.retain(|e| e.version <= version);
    let next_since = entries.last().map_or(since, |e| e.version);
    let body = ChangesView {
        since,
        version,
        changes: entries
            .into_iter()
            .map(|e| {
                let listed = e.changes.len() as u64;
                let next = (listed < e.count)
                    .then(|| format!("/v1/changes/{}?cursor={listed}", e.version));
                ChangeView {
                    version: e.version,
                    at_ms: e.at_ms,
                    op: e.op,
                    count: e.count,
                    changes: e.changes.into_iter().map(ref_view).collect(),
                    truncated: e.truncated,
                    next,
                    who: e.who,
                    why: e.why,
                }
            })
            .collect(),
        next_since,
    };
    Ok(graph_json(&req, version, None, &body))
}

fn ref_view(c: citygraph_store::ChangeRef) -> ChangeRefView {
    ChangeRefView {
        entity: c.entity,
        id: c.id,
        action: c.action,
    }
}

/// Every entity one committed change touched, in commit order, in pages: follow `next` until it
/// is absent. An import of any size is listed whole this way.
#[utoipa::path(
    tag = "import-export",
    params(("version" = u64, Path, description = "The graph version the change produced"), EntryChangesQuery),
    responses(
        (status = 200, description = "One page of the change's entities", body = EntryChangesView),
        (status = 400, description = "A bad parameter or cursor (`invalid_cursor`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No change produced this version (yet)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/changes/{version}")]
pub async fn change_entry(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    version: web::Path<u64>,
    q: web::Query<EntryChangesQuery>,
) -> Result<HttpResponse, ApiError> {
    let version = version.into_inner();
    let limit = match q.limit {
        None => ENTRY_PAGE,
        Some(n) if (1..=MAX_ENTRY_PAGE).contains(&n) => n,
        Some(n) => {
            return Err(ApiError::http(
                StatusCode::BAD_REQUEST,
                "invalid_parameter",
                format!("limit: {n} is not in 1..={MAX_ENTRY_PAGE}"),
            ))
        }
    };
    let offset = match q.cursor.as_deref() {
        None | Some("") => 0,
        Some(c) => c.parse::<u64>().map_err(|_| {
            ApiError::http(
                StatusCode::BAD_REQUEST,
                "invalid_cursor",
                format!("cursor: {c:?} is not a cursor of this feed"),
            )
        })?,
    };
    let page = {
        let svc = st.svc.clone();
        st.scan(move || svc.entry_refs(version, offset, limit))
            .await??
    };
    let Some(page) = page else {
        return Err(ApiError::http(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no change produced version {version} on this server"),
        ));
    };
    let next = respond::next_link(&req, page.next_offset().map(|o| o.to_string()));
    let body = EntryChangesView {
        version,
        at_ms: page.entry.at_ms,
        op: page.entry.op,
        count: page.entry.count,
        offset: page.offset,
        changes: page.refs.into_iter().map(ref_view).collect(),
        next,
    };
    Ok(graph_json(&req, version, None, &body))
}

/// Liveness: the process is up.
#[utoipa::path(tag = "operations", responses((status = 200, description = "Up", body = HealthView)))]
#[get("/healthz")]
pub async fn healthz(st: Data) -> HttpResponse {
    HttpResponse::Ok().json(health(&st, "ok"))
}

/// Readiness: the store is open, the graph loaded, and writes can succeed; the body names the store
/// (`store.kind`, `store.reachable`), the version served, and whether an analytics slot is free
/// (`analytics.free`: a computation asked now starts at once). 503 problem details
/// while they cannot: `not_ready` when the disk is full or the store needs a restart,
/// `store_unavailable` (with the reason) while a shared store cannot be reached (reads are still
/// served from memory).
#[utoipa::path(tag = "operations", responses(
    (status = 200, description = "Ready", body = HealthView),
    (status = 503, description = "Writes cannot succeed now: `not_ready` (the disk is full, or the store needs a restart) or `store_unavailable` (a shared store cannot be reached; reads are still served)", body = Problem, content_type = "application/problem+json"),
))]
#[get("/readyz")]
pub async fn readyz(st: Data) -> HttpResponse {
    if let Some(check) = &st.config.readiness {
        if let Err(why) = (check.0)() {
            return crate::error::problem_response(
                StatusCode::SERVICE_UNAVAILABLE,
                "not_ready",
                why,
                Vec::new(),
            );
        }
    }
    if let Some(problem) = st.svc.store_problem() {
        return crate::error::problem_response(
            StatusCode::SERVICE_UNAVAILABLE,
            "store_unavailable",
            format!("the store cannot be reached, reads are served from memory: {problem}"),
            Vec::new(),
        );
    }
    HttpResponse::Ok().json(health(&st, "ready"))
}

fn health(st: &AppState, status: &str) -> HealthView {
    let s = st.svc.snapshot();
    let problem = st.svc.store_problem();
    let slots = st.svc.engine().stats().interactive;
    HealthView {
        status: status.to_owned(),
        version: s.version,
        cities: s.cities.len(),
        partnerships: s.partnerships.len(),
        networks: s.networks.len(),
        memberships: s.memberships.len(),
        store_problem: problem.clone(),
        store: StoreHealthView {
            kind: if st.svc.is_shared() {
                "postgresql"
            } else {
                "sled"
            }
            .to_owned(),
            reachable: problem.is_none(),
        },
        analytics: AnalyticsSlotsView {
            slots: slots.threads,
            running: slots.running,
            queued: slots.queued,
            free: slots.running < slots.threads && slots.queued == 0,
        },
    }
}

/// Prometheus metrics: requests and latency by route and status, graph version and sizes. With
/// `CITYGRAPH_READ_AUTH` on, they need a token like every read.
#[utoipa::path(tag = "operations", responses(
    (status = 200, description = "Prometheus text format", content_type = "text/plain", body = String),
    (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
))]
#[get("/metrics")]
pub async fn metrics(_a: ReadAuth, st: Data) -> HttpResponse {
    let s = st.svc.snapshot();
    let engine = st.svc.engine().stats();
    let (hits, misses) = engine.queries.iter().fold((0, 0), |(h, m), (_, c)| {
        (h + c.hits + c.joined, m + c.computed)
    });
    let jobs = st.svc.jobs().counts();
    let reads = st.reads.counts();
    let mut text = st.metrics.render(&[
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
        (
            "citygraph_read_cache_hits",
            "Cheap reads (partners, networks, members, histories) served from the read cache.",
            reads.0 as f64,
        ),
        (
            "citygraph_read_cache_misses",
            "Cheap reads written from the snapshot.",
            reads.1 as f64,
        ),
        (
            "citygraph_read_cache_bytes",
            "Bytes held by the read cache.",
            st.reads.bytes() as f64,
        ),
        (
            "citygraph_result_cache_bytes",
            "Bytes held by the analytics result cache.",
            engine.cache.bytes as f64,
        ),
        (
            "citygraph_result_cache_capacity_bytes",
            "Capacity of the analytics result cache.",
            engine.cache.capacity as f64,
        ),
        (
            "citygraph_result_cache_entries",
            "Answers held by the analytics result cache.",
            engine.cache.entries as f64,
        ),
        (
            "citygraph_result_cache_evictions",
            "Answers evicted from the result cache so far.",
            engine.cache.evictions as f64,
        ),
        (
            "citygraph_analytics_running",
            "Analytics computations running.",
            engine.interactive.running as f64,
        ),
        (
            "citygraph_analytics_queued",
            "Analytics computations waiting for a worker.",
            engine.interactive.queued as f64,
        ),
        (
            "citygraph_analytics_in_flight",
            "Computations in flight (running or queued, requests and jobs).",
            engine.in_flight as f64,
        ),
        (
            "citygraph_jobs_running",
            "Job computations running.",
            engine.jobs.running as f64,
        ),
        (
            "citygraph_jobs_active",
            "Jobs enqueued or processing.",
            jobs.0 as f64,
        ),
        (
            "citygraph_jobs_finished",
            "Finished jobs still held.",
            jobs.1 as f64,
        ),
        (
            "citygraph_exports_running",
            "Exports streaming.",
            st.svc.exports().running() as f64,
        ),
        (
            "citygraph_feed_waiters",
            "Change-feed requests long-polling now.",
            st.svc.feed().waiting() as f64,
        ),
    ]);
    text.push_str(&crate::metrics::render_engine(&engine));
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(text)
}
