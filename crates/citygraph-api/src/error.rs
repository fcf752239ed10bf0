//! Every error as `application/problem+json` (RFC 9457) with a stable `code`.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpResponse, ResponseError};
use citygraph_service::{Error, ErrorKind, LineProblem};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The `code` of a problem response, kept in the response's extensions for the metrics.
#[derive(Clone, Debug)]
pub struct ProblemCode(pub String);

/// `s` cut to at most `max` bytes (at a character boundary), with `…` when cut: log fields and
/// details that echo client input stay bounded whatever the client sent.
pub fn bounded(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if s.len() <= max {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    std::borrow::Cow::Owned(format!("{}…", &s[..end]))
}

/// The most bytes of client-controlled text a log field or a problem's detail carries.
pub const MAX_ECHO: usize = 256;

/// The body of every error response (RFC 9457 problem details plus a stable `code`).
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// A URI naming the problem type: `urn:citygraph:problem:{code}`.
    #[serde(rename = "type")]
    pub type_: String,
    /// A short summary of the problem type.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What was wrong, specifically.
    pub detail: String,
    /// Stable snake_case code for programs: `city_not_found`, `self_partnership`, `invalid_date`,
    /// `duplicate_partnership`, `invalid_history`, `unauthorized`, `payload_too_large`, ...
    pub code: String,
    /// For rejected imports: every bad line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<LineProblemView>,
    /// For `query_too_expensive`: the cost estimate and the budget it exceeds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<citygraph_service::analytics::request::Estimate>,
}

/// One rejected line of an import.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct LineProblemView {
    pub file: String,
    pub line: usize,
    pub code: String,
    pub message: String,
}

impl From<&LineProblem> for LineProblemView {
    fn from(p: &LineProblem) -> Self {
        LineProblemView {
            file: p.file.clone(),
            line: p.line,
            code: p.code.clone(),
            message: p.message.clone(),
        }
    }
}

/// An error answered as problem details.
#[derive(Debug)]
pub enum ApiError {
    Service(Error),
    /// An error raised by the HTTP layer itself (auth, body size, extractors, routing).
    Http {
        status: StatusCode,
        code: &'static str,
        detail: String,
    },
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError::Service(e)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Service(e) => write!(f, "{e}"),
            ApiError::Http { detail, .. } => f.write_str(detail),
        }
    }
}

impl ApiError {
    pub fn http(status: StatusCode, code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::Http {
            status,
            code,
            detail: detail.into(),
        }
    }
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Service(Error::BadBody(msg)) => classify_body_error(msg).1,
            ApiError::Service(e) => e.code(),
            ApiError::Http { code, .. } => code,
        }
    }
}

pub fn status_of(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
        ErrorKind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Conflict => StatusCode::CONFLICT,
        ErrorKind::Busy => StatusCode::SERVICE_UNAVAILABLE,
        ErrorKind::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
        ErrorKind::Forbidden => StatusCode::FORBIDDEN,
        ErrorKind::InsufficientStorage => StatusCode::INSUFFICIENT_STORAGE,
        ErrorKind::Gone => StatusCode::GONE,
        ErrorKind::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
        ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl Problem {
    /// The problem of `status` with `code` and `detail`.
    pub fn new(status: StatusCode, code: &str, detail: String) -> Problem {
        Problem {
            type_: format!("urn:citygraph:problem:{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail,
            code: code.to_owned(),
            problems: Vec::new(),
            estimate: None,
        }
    }

    /// The problem an error is answered with.
    pub fn of(e: &ApiError) -> Problem {
        let mut p = Problem::new(e.status_code(), e.code(), e.to_string());
        if let ApiError::Service(s) = e {
            if let Error::ImportRejected(lines) = s {
                p.problems = lines.iter().map(LineProblemView::from).collect();
            }
            p.estimate = s.estimate().copied();
        }
        p
    }

    fn response(&self) -> HttpResponse {
        let mut resp =
            HttpResponse::build(StatusCode::from_u16(self.status).expect("a status code"))
                .insert_header((header::CONTENT_TYPE, "application/problem+json"))
                .body(serde_json::to_vec(self).expect("problem serializes"));
        resp.extensions_mut().insert(ProblemCode(self.code.clone()));
        resp
    }
}

/// Builds a problem response.
pub fn problem_response(
    status: StatusCode,
    code: &str,
    detail: String,
    problems: Vec<LineProblemView>,
) -> HttpResponse {
    let body = Problem {
        problems,
        ..Problem::new(status, code, detail)
    };
    body.response()
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Service(Error::BadBody(msg)) => classify_body_error(msg).0,
            ApiError::Service(e) => status_of(e.kind()),
            ApiError::Http { status, .. } => *status,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        // Logged once, here: server faults at error with their cause; everything a client can
        // provoke (4xx, and 503 for a busy or unready service) at debug with a bounded message.
        if status.is_server_error() && status != StatusCode::SERVICE_UNAVAILABLE {
            tracing::error!(code = self.code(), error = %self, "request failed");
        } else {
            tracing::debug!(code = self.code(), error = %bounded(&self.to_string(), MAX_ECHO), "request rejected");
        }
        let mut resp = Problem::of(self).response();
        if let Some(secs) = self.retry_after_secs() {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if self.code() == "store_unavailable" {
            // The shared store is down: nothing was written; the write may be retried.
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        if let ApiError::Http {
            code: "unauthorized",
            ..
        } = self
        {
            resp.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        resp
    }
}

impl ApiError {
    /// `Retry-After` of the error, if it has one.
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            ApiError::Service(e) => e.retry_after_secs(),
            ApiError::Http { .. } => None,
        }
    }
}

/// Rewrites any error response that is not already problem details (actix's own 404, 405, 413,
/// payload and extractor errors) into problem details, keeping its status.
pub fn to_problem<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    if is_problem(&res) {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    Ok(ErrorHandlerResponse::Response(
        problem_of(res).map_into_right_body(),
    ))
}

/// [`to_problem`] for any response that reaches the outermost layer (CORS rejections are written
/// outside the inner error handler): every error response leaves as problem details.
pub fn rewrite<B: MessageBody + 'static>(res: ServiceResponse<B>) -> ServiceResponse<BoxBody> {
    if res.status().as_u16() < 400 || is_problem(&res) {
        return res.map_into_boxed_body();
    }
    problem_of(res)
}

fn is_problem<B>(res: &ServiceResponse<B>) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"))
}

fn problem_of<B>(res: ServiceResponse<B>) -> ServiceResponse<BoxBody> {
    let status = res.status();
    let cors = res
        .response()
        .error()
        .and_then(|e| e.as_error::<actix_cors::CorsError>())
        .is_some();
    let code = match status {
        _ if cors => "cors_rejected",
        StatusCode::NOT_FOUND => "route_not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNAUTHORIZED => "unauthorized",
        StatusCode::URI_TOO_LONG => "uri_too_long",
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => "header_too_large",
        s if s.is_server_error() => "internal_error",
        _ => "bad_request",
    };
    let detail = match res.response().error() {
        Some(e) => e.to_string(),
        None => match status {
            StatusCode::NOT_FOUND => format!(
                "no route for {} {}",
                bounded(res.request().method().as_str(), 32),
                res.request().path()
            ),
            _ => status.canonical_reason().unwrap_or("error").to_lowercase(),
        },
    };
    let detail = bounded(&detail, MAX_ECHO).into_owned();
    if status.is_server_error() && status != StatusCode::SERVICE_UNAVAILABLE {
        tracing::error!(code, error = %detail, "request failed");
    } else {
        tracing::debug!(code, error = %detail, "request rejected");
    }
    let (req, old) = res.into_parts();
    let mut resp: HttpResponse<BoxBody> = problem_response(status, code, detail, Vec::new());
    // Keep what the original answer said besides its body (Allow, CORS, Retry-After, ...).
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            resp.headers_mut().append(name.clone(), value.clone());
        }
    }
    ServiceResponse::new(req, resp)
}

/// The JSON extractor's errors: malformed JSON, unknown fields, bad values, oversize bodies.
pub fn json_error(
    err: actix_web::error::JsonPayloadError,
    _req: &actix_web::HttpRequest,
) -> actix_web::Error {
    use actix_web::error::JsonPayloadError as J;
    let e = match &err {
        J::OverflowKnownLength { length, limit } => ApiError::http(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the body has {length} bytes; the limit is {limit}"),
        ),
        J::Overflow { limit } => ApiError::http(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the body is larger than {limit} bytes"),
        ),
        J::ContentType => ApiError::http(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as application/json",
        ),
        J::Deserialize(d) if d.is_data() => {
            let msg = d.to_string();
            let (status, code) = classify_body_error(&msg);
            ApiError::http(status, code, msg)
        }
        J::Deserialize(d) => ApiError::http(StatusCode::BAD_REQUEST, "invalid_json", d.to_string()),
        other => ApiError::http(StatusCode::BAD_REQUEST, "invalid_json", other.to_string()),
    };
    actix_web::error::InternalError::from_response(err, e.error_response()).into()
}

/// The query-string extractor's errors.
pub fn query_error(
    err: actix_web::error::QueryPayloadError,
    _req: &actix_web::HttpRequest,
) -> actix_web::Error {
    let e = ApiError::http(
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        err.to_string(),
    );
    actix_web::error::InternalError::from_response(err, e.error_response()).into()
}

/// The path extractor's errors.
pub fn path_error(
    err: actix_web::error::PathError,
    _req: &actix_web::HttpRequest,
) -> actix_web::Error {
    let e = ApiError::http(StatusCode::NOT_FOUND, "not_found", err.to_string());
    actix_web::error::InternalError::from_response(err, e.error_response()).into()
}

/// Maps a body deserialisation message to a status and code: structural problems (unknown or
/// missing fields, wrong JSON types) are 400; values that are well-formed but invalid are 422 with
/// the code of the domain rule they break.
pub fn classify_body_error(msg: &str) -> (StatusCode, &'static str) {
    const RULES: &[(&str, &str)] = &[
        ("invalid date", "invalid_date"),
        ("cannot partner with itself", "self_partnership"),
        ("is dated before the event before it", "invalid_history"),
        ("cannot follow status", "invalid_history"),
        ("invalid country", "invalid_country"),
        ("invalid region", "invalid_region"),
        ("ids are lowercase slugs", "invalid_id"),
        ("is out of range", "out_of_range"),
        ("must not be empty", "empty_field"),
        ("before it joined", "invalid_membership_dates"),
        ("unknown variant", "invalid_enum_value"),
    ];
    for (needle, code) in RULES {
        if msg.contains(needle) {
            return (StatusCode::UNPROCESSABLE_ENTITY, code);
        }
    }
    if msg.contains("unknown field") {
        return (StatusCode::BAD_REQUEST, "unknown_field");
    }
    if msg.contains("missing field") {
        return (StatusCode::BAD_REQUEST, "missing_field");
    }
    (StatusCode::BAD_REQUEST, "invalid_body")
}
