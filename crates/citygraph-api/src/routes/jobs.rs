//! `/v1/jobs`: analytics queries run in the background (see `citygraph_service::jobs`).
//!
//! Anyone who may read may create a job, unless `CITYGRAPH_JOBS_AUTH` asks for a token; a job is
//! cancelled with a token or with the secret handed out when it was created.

use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{delete, get, post, web, HttpRequest, HttpResponse};
use citygraph_service::analytics::request::Query;
use citygraph_service::jobs::{rfc3339, JobAuth, JobState};
use citygraph_service::Error;

use crate::dto::{JobCreatedView, JobPage, JobRequest, JobView, PageQuery};
use crate::error::{ApiError, Problem};
use crate::respond;
use crate::state::{AppState, ReadAuth};

type Data = web::Data<AppState>;

/// The header that carries a job's secret.
pub const SECRET_HEADER: &str = "X-Job-Secret";

fn problem(e: &Error) -> Problem {
    Problem::of(&ApiError::Service(e.duplicate()))
}

fn view(v: citygraph_service::jobs::JobView) -> JobView {
    let result_url = (v.state == JobState::Succeeded).then(|| format!("/v1/jobs/{}/result", v.id));
    JobView {
        result_url,
        query: v.query.as_str().to_owned(),
        params: v.params,
        state: v.state,
        progress: v.progress,
        eta_seconds: v.eta_seconds,
        created_at: rfc3339(v.created_at),
        started_at: v.started_at.map(rfc3339),
        finished_at: v.finished_at.map(rfc3339),
        graph_version: v.graph_version,
        error: v.error.as_deref().map(problem),
        id: v.id,
    }
}

fn json(status: StatusCode, body: &impl serde::Serialize) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("application/json")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(serde_json::to_vec(body).expect("views serialize"))
}

/// Run an analytics query in the background. The body names the query and the parameters of its
/// synchronous GET route (a per-city route's city as `id`); it is checked exactly as that route
/// checks them, against a budget scaled to the jobs' longer deadline (`CITYGRAPH_JOB_TIMEOUT`).
/// Answers 202 with the job, its `Location`, and a `secret` (shown only here) that cancels it.
/// An identical query already computed is answered at once (the job is `succeeded`); identical
/// jobs share one computation.
#[utoipa::path(
    tag = "jobs",
    request_body = JobRequest,
    responses(
        (status = 202, description = "The job, with its secret; `Location` is its URL", body = JobCreatedView),
        (status = 400, description = "A bad query or parameter (`unknown_query`, `invalid_parameter`, ...)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "A token is needed here to create jobs", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown city or network", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the jobs' budget (`query_too_expensive`, with the `estimate`), or an invalid body", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many jobs, in all or of this client (`too_many_jobs`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No room for another job computation (`busy`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/jobs")]
pub async fn create_job(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    body: web::Json<JobRequest>,
) -> Result<HttpResponse, ApiError> {
    if st.config.jobs_auth && !st.has_valid_token(&req) {
        return Err(ApiError::http(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "this server needs a token to create jobs: send Authorization: Bearer <token>",
        ));
    }
    let JobRequest { query, params } = body.into_inner();
    let parsed = Query::parse(&query, &params)?;
    let (job, secret) = st.svc.create_job(parsed, params, &st.client_id(&req))?;
    let location = format!("/v1/jobs/{}", job.id);
    let mut resp = json(
        StatusCode::ACCEPTED,
        &JobCreatedView {
            job: view(job),
            secret,
        },
    );
    resp.headers_mut().insert(
        header::LOCATION,
        header::HeaderValue::from_str(&location).expect("job ids are hex"),
    );
    Ok(resp)
}

/// A job: its state, fraction done and estimated time left, timestamps, the graph version it
/// computes on, and where its answer is once it succeeded (or why it failed).
#[utoipa::path(
    tag = "jobs",
    params(("id" = String, Path, description = "Job id")),
    responses(
        (status = 200, description = "The job", body = JobView),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such job (`job_not_found`; finished jobs are kept for a while only)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/jobs/{id}")]
pub async fn get_job(
    _a: ReadAuth,
    st: Data,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(json(StatusCode::OK, &view(st.svc.job(&id)?)))
}

/// A succeeded job's answer: exactly the body the synchronous route gives for the query, from the
/// same result cache.
#[utoipa::path(
    tag = "jobs",
    params(("id" = String, Path, description = "Job id")),
    responses(
        (status = 200, description = "The answer, as the synchronous route gives it", content_type = "application/json", body = Object),
        (status = 304, description = "Not modified since the ETag"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such job (`job_not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The job has not succeeded (`job_not_finished`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/jobs/{id}/result")]
pub async fn job_result(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (answer, day) = st.svc.job_result(&id)?;
    Ok(respond::graph_bytes(
        &req,
        answer.version,
        day,
        web::Bytes::from_owner(answer.bytes.clone()),
    ))
}

/// Cancel a job, with `Authorization: Bearer <token>` or `X-Job-Secret: <secret>`. Its computation
/// stops unless a request or another job still waits for it. A finished job is left as it is.
#[utoipa::path(
    tag = "jobs",
    params(
        ("id" = String, Path, description = "Job id"),
        ("X-Job-Secret" = Option<String>, Header, description = "The secret handed out when the job was created"),
    ),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The job (`canceled`, or as it finished)", body = JobView),
        (status = 401, description = "Neither a valid token nor a secret", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The secret is not this job's (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such job (`job_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/jobs/{id}")]
pub async fn cancel_job(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let secret = req
        .headers()
        .get(SECRET_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let auth = if req.headers().contains_key(header::AUTHORIZATION) {
        if !st.has_valid_token(&req) {
            return Err(ApiError::http(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "the bearer token is not valid",
            ));
        }
        JobAuth::Token
    } else if let Some(s) = secret {
        JobAuth::Secret(s)
    } else {
        return Err(ApiError::http(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "send Authorization: Bearer <token> or X-Job-Secret: <the job's secret>",
        ));
    };
    Ok(json(StatusCode::OK, &view(st.svc.cancel_job(&id, auth)?)))
}

/// The jobs the server holds, newest first (finished jobs are kept for a while; jobs live in memory
/// and a restart forgets them).
#[utoipa::path(
    tag = "jobs",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of jobs", body = JobPage),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/jobs")]
pub async fn list_jobs(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = respond::limit(q.limit)?;
    let (items, next) = st.svc.list_jobs(q.cursor.as_deref(), limit)?;
    Ok(json(
        StatusCode::OK,
        &JobPage {
            items: items.into_iter().map(view).collect(),
            next: respond::next_link(&req, next),
            version: st.svc.version(),
        },
    ))
}
