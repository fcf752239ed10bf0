//! Read your writes on any server: `min_version` and `X-Graph-Version`.
//!
//! Every answer carries `X-Graph-Version` (answers about the graph set it to the version they
//! were computed on; any other answer gets the version served when it leaves). A read (`GET`,
//! `HEAD`) with `min_version=N` first waits until this server serves version N or newer, at most
//! [`MAX_VERSION_WAIT`]; if it does not get there, the answer is 503 `version_not_reached`
//! (several servers share a PostgreSQL store, and a client that wrote version N through one reads
//! it through any other with `min_version=N`). The wait polls the served version without holding
//! a worker thread.

use std::time::{Duration, Instant};

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web;
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
        let wanted = web::Query::<MinVersion>::from_query(req.query_string())
            .ok()
            .and_then(|q| q.into_inner().min_version);
        if let Some(raw) = wanted {
            let Ok(wanted) = raw.parse::<u64>() else {
                let resp = problem_response(
                    StatusCode::BAD_REQUEST,
                    "invalid_parameter",
                    format!("invalid parameter min_version: {raw:?} is not a graph version (a whole number)"),
                    vec![],
                );
                return Ok(req.into_response(resp).map_into_right_body());
            };
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
    }
    let mut res = next.call(req).await?;
    if !res.headers().contains_key(GRAPH_VERSION) {
        let v = state.svc.version();
        res.headers_mut()
            .insert(GRAPH_VERSION, HeaderValue::from(v));
    }
    Ok(res.map_into_left_body())
}
