//! Read your writes on any server: `min_version` and `X-Graph-Version`.
//!
//! Every answer carries `X-Graph-Version` (answers about the graph set it to the version they
//! were computed on; any other answer gets the version served when it leaves). A read (`GET`,
//! `HEAD`) with `min_version=N` first waits until this server serves version N or newer, at most
//! [`MAX_VERSION_WAIT`]; if it does not get there, the answer is 503 `version_not_reached`
//! (several servers share a PostgreSQL store, and a client that wrote version N through one reads
//! it through any other with `min_version=N`). The wait polls the served version without holding
//! a worker thread.
//!
//! `at_version=N` on a read answers as the graph was at version N (transaction time; `as_of` is
//! valid time): it waits for N as `min_version` does, then resolves the snapshot of N
//! ([`citygraph_service::versions`]: retained, or rebuilt from the change log on a scan thread)
//! and leaves it in the request's extensions as [`ReadAt`], where [`AppState::snapshot`] finds it.
//! A version behind the retention window is 410 `version_not_retained`.

use std::time::{Duration, Instant};

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, ResponseError};
use citygraph_service::follow::MAX_VERSION_WAIT;

use crate::error::problem_response;
use crate::AppState;

/// The header naming the graph version an answer reflects.
pub const GRAPH_VERSION: HeaderName = HeaderName::from_static("x-graph-version");

/// How often a waiting read looks at the served version.
const POLL: Duration = Duration::from_millis(2);

#[derive(serde::Deserialize)]
struct MinVersion {
    min_version: Option<String>,
    at_version: Option<String>,
}

/// The graph version a read answers from (`at_version`).
#[derive(Clone)]
pub struct ReadAt(pub std::sync::Arc<citygraph_core::Snapshot>);

fn bad_version(name: &str, raw: &str) -> actix_web::HttpResponse {
    problem_response(
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        format!("invalid parameter {name}: {raw:?} is not a graph version (a whole number)"),
        vec![],
    )
}

/// The middleware (see the module docs).
pub async fn read_your_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        let q = web::Query::<MinVersion>::from_query(req.query_string())
            .ok()
            .map(|q| q.into_inner());
        let (min, at) = q.map_or((None, None), |q| (q.min_version, q.at_version));
        let min = match min.map(|raw| raw.parse::<u64>().map_err(|_| raw)) {
            Some(Err(raw)) => {
                let resp = bad_version("min_version", &raw);
                return Ok(req.into_response(resp).map_into_right_body());
            }
            Some(Ok(v)) => Some(v),
            None => None,
        };
        let at = match at.map(|raw| raw.parse::<u64>().map_err(|_| raw)) {
            Some(Err(raw)) => {
                let resp = bad_version("at_version", &raw);
                return Ok(req.into_response(resp).map_into_right_body());
            }
            Some(Ok(v)) => Some(v),
            None => None,
        };
        let wanted = min.max(at);
        if let Some(wanted) = wanted {
            let deadline = Instant::now() + MAX_VERSION_WAIT;
            while state.svc.version() < wanted {
                if Instant::now() >= deadline {
                    let served = state.svc.version();
                    let mut resp = problem_response(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "version_not_reached",
                        format!(
                            "this server serves graph version {served} and did not reach version {wanted} within {} s; retry",
                            MAX_VERSION_WAIT.as_secs()
                        ),
                        vec![],
                    );
                    resp.headers_mut()
                        .insert(GRAPH_VERSION, HeaderValue::from(served));
                    resp.headers_mut().insert(
                        actix_web::http::header::RETRY_AFTER,
                        HeaderValue::from_static("1"),
                    );
                    return Ok(req.into_response(resp).map_into_right_body());
                }
                actix_web::rt::time::sleep(POLL).await;
            }
        }
        if let Some(at) = at {
            let svc = state.svc.clone();
            let resolved = state.scan(move || svc.snapshot_at(at)).await;
            match resolved {
                Ok(Ok(snap)) => {
                    req.extensions_mut().insert(ReadAt(snap));
                }
                Ok(Err(e)) => {
                    let resp = crate::error::ApiError::Service(e).error_response();
                    return Ok(req.into_response(resp).map_into_right_body());
                }
                Err(e) => {
                    let resp = e.error_response();
                    return Ok(req.into_response(resp).map_into_right_body());
                }
            }
        }
    }
    let mut res = next.call(req).await?;
    if !res.headers().contains_key(GRAPH_VERSION) {
        let v = state.svc.version();
        res.headers_mut()
            .insert(GRAPH_VERSION, HeaderValue::from(v));
    }
    Ok(res.map_into_left_body())
}

/// Documents, on every operation it applies to: `at_version` and `min_version` on the graph
/// reads under `/v1` (not the change feed, which is read by version already, nor jobs), with
/// their 410 and 503 answers; `If-Match` and `reason` on every write under `/v1` but jobs, with
/// their 412 and 400 answers.
pub fn document(mut api: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    let problem = |description: &str| -> utoipa::openapi::RefOr<utoipa::openapi::Response> {
        let v = serde_json::json!({
            "description": description,
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        });
        utoipa::openapi::RefOr::T(serde_json::from_value(v).expect("a response object"))
    };
    let at_version = serde_json::json!({
        "name": "at_version", "in": "query", "required": false,
        "description": "Answer as the graph was at this version (transaction time; `as_of` is valid time). Versions older than the retention window (CITYGRAPH_VERSION_RETENTION versions behind the newest) are 410 `version_not_retained`; a version this server has not reached within 2 s is 503 `version_not_reached`. The answer's `X-Graph-Version` and ETag name the version.",
        "schema": {"type": "integer", "format": "int64", "minimum": 0}
    });
    let min_version = serde_json::json!({
        "name": "min_version", "in": "query", "required": false,
        "description": "Wait (at most 2 s) until this server serves at least this version (read your writes through any server); else 503 `version_not_reached`.",
        "schema": {"type": "integer", "format": "int64", "minimum": 0}
    });
    let if_match = serde_json::json!({
        "name": "If-Match", "in": "header", "required": false,
        "description": "Write only if nothing this write changes was changed since the version named: an ETag of a read (`\"v12\"`, `W/\"v12-2019-06-01\"`) or a graph version (`12`); `*`: only if it exists. Otherwise 412 `precondition_failed` and nothing is written.",
        "schema": {"type": "string", "maxLength": 200}
    });
    let reason = serde_json::json!({
        "name": "reason", "in": "query", "required": false,
        "description": "Why this change is made, recorded in the change log with the name of the token that made it.",
        "schema": {"type": "string", "maxLength": crate::state::MAX_REASON}
    });
    for (path, item) in api.paths.paths.iter_mut() {
        if !path.starts_with("/v1/") || path.starts_with("/v1/jobs") {
            continue;
        }
        let read = !path.starts_with("/v1/changes");
        if let Some(op) = item.get.as_mut().filter(|_| read) {
            let params = op.parameters.get_or_insert_with(Vec::new);
            params.push(serde_json::from_value(at_version.clone()).expect("a parameter"));
            params.push(serde_json::from_value(min_version.clone()).expect("a parameter"));
            let r = &mut op.responses.responses;
            r.entry("400".into())
                .or_insert_with(|| problem("A bad parameter"));
            r.entry("410".into()).or_insert_with(|| {
                problem("`at_version` names a version no longer kept (`version_not_retained`)")
            });
            r.entry("503".into()).or_insert_with(|| {
                problem("Busy, or the version asked for is not reached yet (`version_not_reached`)")
            });
        }
        for op in [
            item.post.as_mut(),
            item.put.as_mut(),
            item.patch.as_mut(),
            item.delete.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            let params = op.parameters.get_or_insert_with(Vec::new);
            params.push(serde_json::from_value(if_match.clone()).expect("a parameter"));
            params.push(serde_json::from_value(reason.clone()).expect("a parameter"));
            let r = &mut op.responses.responses;
            r.entry("400".into()).or_insert_with(|| {
                problem("A bad parameter, or a malformed If-Match (`invalid_precondition`)")
            });
            r.entry("412".into()).or_insert_with(|| {
                problem("If-Match no longer holds (`precondition_failed`); nothing was written")
            });
        }
    }
    api
}
