//! The outermost layer of the application: what every request meets before routing.
//!
//! - **Size limits** ([`Limits`]): a path longer than `max_path_bytes` or a request target (path and
//!   query) longer than `max_target_bytes` is answered 414 `uri_too_long`; one header value longer
//!   than `max_header_value_bytes` or all headers together longer than `max_header_bytes` 431
//!   `header_too_large`. Both are checked before routing, so the router (whose regex matching of a
//!   `{id}` segment grows with the segment) only ever sees bounded paths. Heads above actix-http's
//!   own buffer (128 KiB) are refused by actix-http itself with an empty 431 before any of this runs.
//! - **Methods** ([`RouteTable`], built once from the OpenAPI document, so every documented route is
//!   known here without a second list): `HEAD` on a GET route runs the GET handler and the
//!   connection drops the body; `OPTIONS` that is not a CORS preflight answers 204 with `Allow`; any
//!   other method a known path does not serve (including invented ones) is 405 with `Allow`.
//! - **Metrics** with bounded labels: a method outside the standard nine and a path that matched no
//!   route are both counted as `other`, and every error response is counted by status and `code`.
//! - **Problem details for everything**: a response that is an error but not problem details (CORS
//!   rejections, which actix-cors writes as plain text outside the inner error handler) is rewritten.
//! - **Logs an attacker cannot inflate**: client errors are logged at `debug` only, with bounded
//!   fields; a rate-limited warning (at most one per [`WARN_EVERY`]) says how many requests the
//!   limits refused since the last one.
//!
//! Why our own matcher rather than the router's: it has to run before the router, on untrusted
//! paths, with a cost bounded by the number of segments, and it needs the set of methods per path,
//! which actix-web's router does not expose.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse};

use crate::error::{self, ProblemCode};
use crate::AppState;

/// Request size limits checked before routing.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Longest path, in bytes (414).
    pub max_path_bytes: usize,
    /// Longest request target (path and query string), in bytes (414).
    pub max_target_bytes: usize,
    /// Longest single header value, in bytes (431).
    pub max_header_value_bytes: usize,
    /// Largest sum of header names and values, in bytes (431).
    pub max_header_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_path_bytes: 2048,
            max_target_bytes: 16 * 1024,
            max_header_value_bytes: 8 * 1024,
            max_header_bytes: 32 * 1024,
        }
    }
}

/// The most path segments a route has; longer paths match no route without further work.
const MAX_SEGMENTS: usize = 16;

/// How often at most the limits' warning is logged.
pub const WARN_EVERY: Duration = Duration::from_secs(10);

/// One documented path and the methods it serves.
#[derive(Debug)]
pub struct Route {
    /// The path template, e.g. `/v1/cities/{id}`.
    pub template: String,
    /// `None` for a `{parameter}` segment.
    segments: Vec<Option<String>>,
    methods: Vec<Method>,
    /// The `Allow` header value.
    pub allow: String,
}

impl Route {
    fn allows(&self, m: &Method) -> bool {
        self.methods.contains(m)
    }
}

/// Every documented path with its methods (see the module docs).
#[derive(Debug, Default)]
pub struct RouteTable {
    routes: Vec<Route>,
}

impl RouteTable {
    /// The table of an OpenAPI document, plus the OpenAPI document itself.
    pub fn from_openapi(api: &utoipa::openapi::OpenApi) -> RouteTable {
        let mut routes = Vec::new();
        for (template, item) in &api.paths.paths {
            let mut methods = Vec::new();
            for (m, op) in [
                (Method::GET, &item.get),
                (Method::POST, &item.post),
                (Method::PUT, &item.put),
                (Method::PATCH, &item.patch),
                (Method::DELETE, &item.delete),
            ] {
                if op.is_some() {
                    methods.push(m);
                }
            }
            routes.push(Route::new(template, methods));
        }
        routes.push(Route::new("/openapi.json", vec![Method::GET]));
        RouteTable { routes }
    }

    /// The route a path matches: the one with the most literal segments among those that match.
    pub fn find(&self, path: &str) -> Option<&Route> {
        let mut segs: [&str; MAX_SEGMENTS] = [""; MAX_SEGMENTS];
        let mut n = 0;
        for s in path.split('/') {
            if n == MAX_SEGMENTS {
                return None;
            }
            segs[n] = s;
            n += 1;
        }
        let segs = &segs[..n];
        self.routes
            .iter()
            .filter(|r| {
                r.segments.len() == segs.len()
                    && r.segments.iter().zip(segs).all(|(t, s)| match t {
                        Some(lit) => lit == s,
                        None => !s.is_empty(),
                    })
            })
            .max_by_key(|r| r.segments.iter().filter(|s| s.is_some()).count())
    }
}

impl Route {
    fn new(template: &str, mut methods: Vec<Method>) -> Route {
        let segments = template
            .split('/')
            .map(|s| {
                if s.starts_with('{') && s.ends_with('}') {
                    None
                } else {
                    Some(s.to_owned())
                }
            })
            .collect();
        if methods.contains(&Method::GET) {
            methods.push(Method::HEAD);
        }
        let mut allow: Vec<&str> = methods.iter().map(Method::as_str).collect();
        allow.push("OPTIONS");
        Route {
            template: template.to_owned(),
            segments,
            allow: allow.join(", "),
            methods,
        }
    }
}

/// The route table of this API, built once.
pub fn routes() -> &'static RouteTable {
    static TABLE: OnceLock<RouteTable> = OnceLock::new();
    TABLE.get_or_init(|| RouteTable::from_openapi(&crate::openapi()))
}

/// A method as a metrics label: one of the standard nine, else `other`.
pub fn method_label(m: &Method) -> &'static str {
    const KNOWN: [&str; 9] = [
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE",
    ];
    KNOWN
        .into_iter()
        .find(|k| *k == m.as_str())
        .unwrap_or("other")
}

/// What the limits refuse, if anything.
fn check_limits(req: &ServiceRequest, limits: &Limits) -> Option<error::ApiError> {
    let path = req.path().len();
    let target = req
        .uri()
        .path_and_query()
        .map_or(path, |pq| pq.as_str().len());
    if path > limits.max_path_bytes {
        return Some(error::ApiError::http(
            StatusCode::URI_TOO_LONG,
            "uri_too_long",
            format!(
                "the path has {path} bytes; the limit is {}",
                limits.max_path_bytes
            ),
        ));
    }
    if target > limits.max_target_bytes {
        return Some(error::ApiError::http(
            StatusCode::URI_TOO_LONG,
            "uri_too_long",
            format!(
                "the request target has {target} bytes; the limit is {}",
                limits.max_target_bytes
            ),
        ));
    }
    let mut total = 0usize;
    for (name, value) in req.headers() {
        if value.len() > limits.max_header_value_bytes {
            return Some(error::ApiError::http(
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                "header_too_large",
                format!(
                    "the header {} has {} bytes; the limit is {}",
                    error::bounded(name.as_str(), 64),
                    value.len(),
                    limits.max_header_value_bytes
                ),
            ));
        }
        total += name.as_str().len() + value.len();
    }
    if total > limits.max_header_bytes {
        return Some(error::ApiError::http(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "header_too_large",
            format!(
                "the headers have {total} bytes; the limit is {}",
                limits.max_header_bytes
            ),
        ));
    }
    None
}

/// Refusals by the limits since the last warning, and when that was.
struct Refusals {
    count: AtomicU64,
    last_warn_ms: AtomicU64,
    epoch: Instant,
}

fn refusals() -> &'static Refusals {
    static R: OnceLock<Refusals> = OnceLock::new();
    R.get_or_init(|| Refusals {
        count: AtomicU64::new(0),
        last_warn_ms: AtomicU64::new(0),
        epoch: Instant::now(),
    })
}

/// Counts one refusal and logs the rate-limited warning when it is due.
fn note_refusal(code: &str) {
    let r = refusals();
    r.count.fetch_add(1, Ordering::Relaxed);
    let now = r.epoch.elapsed().as_millis() as u64 + WARN_EVERY.as_millis() as u64;
    let last = r.last_warn_ms.load(Ordering::Relaxed);
    if now.saturating_sub(last) >= WARN_EVERY.as_millis() as u64
        && r.last_warn_ms
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
    {
        let n = r.count.swap(0, Ordering::Relaxed);
        tracing::warn!(
            refused = n,
            last_code = code,
            "requests refused by the size or method limits since the last warning (see citygraph_http_errors_total)"
        );
    }
}

/// The early answer of a request, if the limits or the method table decide it.
fn early(req: &mut ServiceRequest, limits: &Limits) -> Option<(HttpResponse, &'static str)> {
    let route_label = |p: &str| routes().find(p).map_or("other", |r| r.template.as_str());
    if let Some(e) = check_limits(req, limits) {
        note_refusal(e.code());
        return Some((
            actix_web::ResponseError::error_response(&e),
            route_label(req.path()),
        ));
    }
    let path = req.path().to_owned();
    let Some(route) = routes().find(&path) else {
        if req.method() == Method::HEAD && path.starts_with("/docs") {
            req.head_mut().method = Method::GET;
        }
        return None;
    };
    let method = req.method().clone();
    if method == Method::HEAD && route.allows(&Method::GET) {
        // The handler answers as for GET; the connection, which saw HEAD, sends no body.
        req.head_mut().method = Method::GET;
        return None;
    }
    if method == Method::OPTIONS {
        if req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD)
        {
            return None; // a CORS preflight: the CORS layer answers it
        }
        let resp = HttpResponse::NoContent()
            .insert_header((header::ALLOW, route.allow.as_str()))
            .finish();
        return Some((resp, route.template.as_str()));
    }
    if !route.allows(&method) {
        let e = error::ApiError::http(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            format!(
                "{} does not serve {}; it serves {}",
                route.template,
                error::bounded(method.as_str(), 32),
                route.allow
            ),
        );
        note_refusal(e.code());
        let mut resp = actix_web::ResponseError::error_response(&e);
        if let Ok(v) = HeaderValue::from_str(&route.allow) {
            resp.headers_mut().insert(header::ALLOW, v);
        }
        return Some((resp, route.template.as_str()));
    }
    None
}

/// The middleware (see the module docs). Wrap it outermost.
pub async fn edge(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let start = Instant::now();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let limits = state.as_ref().map(|s| s.config.limits).unwrap_or_default();
    let method = method_label(req.method());
    if let Some((resp, route)) = early(&mut req, &limits) {
        let res = req.into_response(resp);
        if let Some(st) = &state {
            observe(st, method, route, &res, start);
        }
        return Ok(res);
    }
    // An `Err` here is rendered by actix itself; the inner error handler leaves none in practice.
    let res = error::rewrite(next.call(req).await?);
    if let Some(st) = &state {
        // The documented routes are labelled from the table (no regex); the others (the pages,
        // the API docs) by the pattern actix matched.
        match routes().find(res.request().path()) {
            Some(r) => observe(st, method, &r.template, &res, start),
            None => {
                let route = res.request().match_pattern();
                observe(st, method, route.as_deref().unwrap_or("other"), &res, start);
            }
        }
    }
    Ok(res)
}

fn observe<B>(
    st: &AppState,
    method: &'static str,
    route: &str,
    res: &ServiceResponse<B>,
    start: Instant,
) {
    let status = res.status().as_u16();
    st.metrics
        .observe(method, route, status, start.elapsed().as_secs_f64());
    if status >= 400 {
        let ext = res.response().extensions();
        let code = ext.get::<ProblemCode>().map_or("none", |c| c.0.as_str());
        st.metrics.count_error(status, code);
    }
}

/// Documents the answers of this layer and of the write path on every operation of `api`: 405,
/// 414 and 431 everywhere; 415 where there is a request body; 507 on writes (the disk is full).
/// Answers an operation documents itself are left as they are. Then the links from each create
/// operation to the operations on what it created (`add_links`).
pub fn document(mut api: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    let problem = |description: &str| -> utoipa::openapi::RefOr<utoipa::openapi::Response> {
        let v = serde_json::json!({
            "description": description,
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        });
        utoipa::openapi::RefOr::T(serde_json::from_value(v).expect("a response object"))
    };
    for item in api.paths.paths.values_mut() {
        let ops = [
            (&mut item.get, false),
            (&mut item.post, true),
            (&mut item.put, true),
            (&mut item.patch, true),
            (&mut item.delete, true),
        ];
        for (op, write) in ops {
            let Some(op) = op.as_mut() else { continue };
            let has_body = op.request_body.is_some();
            let mut add = |status: &str, description: &str| {
                op.responses
                    .responses
                    .entry(status.to_owned())
                    .or_insert_with(|| problem(description));
            };
            add(
                "405",
                "The path does not serve this method (`method_not_allowed`, with `Allow`)",
            );
            add(
                "414",
                "The path or the query string is too long (`uri_too_long`)",
            );
            add(
                "431",
                "A header or all headers together are too large (`header_too_large`)",
            );
            if write {
                add(
                    "507",
                    "The disk is full; nothing was written (`insufficient_storage`)",
                );
            }
            if has_body {
                add("415", "The body is missing or not of a documented content type (`unsupported_media_type`)");
            }
        }
    }
    add_links(&mut api);
    api
}

/// OpenAPI links from each create operation (`POST /v1/x` answering 201 or 202) to every
/// operation on the resource it created (`/v1/x/{id}` and the paths below it), with the `id` of
/// the answer's body: what a client (and a stateful contract test) follows after a create.
fn add_links(api: &mut utoipa::openapi::OpenApi) {
    let mut targets: Vec<(String, String)> = Vec::new();
    for (path, item) in &api.paths.paths {
        let ops = [&item.get, &item.post, &item.put, &item.patch, &item.delete];
        for op in ops.into_iter().flatten() {
            if let Some(id) = &op.operation_id {
                targets.push((path.clone(), id.clone()));
            }
        }
    }
    for (path, item) in api.paths.paths.iter_mut() {
        let Some(op) = item.post.as_mut() else {
            continue;
        };
        let resource = format!("{path}/{{id}}");
        let links: serde_json::Map<String, serde_json::Value> = targets
            .iter()
            .filter(|(p, _)| *p == resource || p.starts_with(&format!("{resource}/")))
            .map(|(p, id)| {
                let mut parameters = serde_json::json!({"id": "$response.body#/id"});
                // An event of a created partnership: its first event's id.
                if p.contains("{event_id}") {
                    parameters["event_id"] = "$response.body#/events/0/id".into();
                }
                let link = serde_json::json!({"operationId": id, "parameters": parameters});
                (id.clone(), link)
            })
            .collect();
        if links.is_empty() {
            continue;
        }
        for status in ["201", "202"] {
            let Some(response) = op.responses.responses.get_mut(status) else {
                continue;
            };
            let mut v = serde_json::to_value(&*response).expect("a response serializes");
            if v.get("$ref").is_some() {
                continue;
            }
            v["links"] = serde_json::Value::Object(links.clone());
            *response = serde_json::from_value(v).expect("a response with links");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_routes_by_template_preferring_literal_segments() {
        let t = routes();
        assert_eq!(
            t.find("/v1/cities/fr-paris").unwrap().template,
            "/v1/cities/{id}"
        );
        assert_eq!(t.find("/healthz").unwrap().allow, "GET, HEAD, OPTIONS");
        assert!(t.find("/v1/cities/").is_none());
        assert!(t.find(&"/a".repeat(100)).is_none());
        assert!(t.find("/nope").is_none());
    }

    #[test]
    fn labels_only_known_methods() {
        assert_eq!(method_label(&Method::GET), "GET");
        assert_eq!(
            method_label(&Method::from_bytes(b"XYZZY").unwrap()),
            "other"
        );
    }
}
