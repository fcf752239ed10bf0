//! `/v1/analytics/*` overlap, saturation, similarity and recommendations, and the one path every
//! analytics handler takes (`answer`): parse the parameters into a typed request of
//! `citygraph_service::analytics::request`, make one service call, render the answer.

use std::time::Duration;

use actix_web::{get, web, HttpRequest, HttpResponse};
use citygraph_core::algo::overlap::{OverlapReport, TopPairs};
use citygraph_core::algo::saturation::{SaturationReport, SaturationTimeline};
use citygraph_core::algo::similarity::{NetworkRecommendations, SimilarCities};
use citygraph_service::analytics::engine::Held;
use citygraph_service::analytics::page::page_rows;
use citygraph_service::analytics::request::{
    OverlapParams, OverlapRequest, Query, RecommendParams, RecommendationsRequest,
    SaturationParams, SaturationRequest, SaturationTimelineParams, SaturationTimelineRequest,
    SimilarCitiesRequest, SimilarParams, TopPairsParams, TopPairsRequest,
};
use citygraph_service::Error;

use crate::error::{ApiError, Problem};
use crate::respond;
use crate::state::{AppState, ReadAuth};

type Data = web::Data<AppState>;

/// Time a waiter gives a computation beyond its deadline to report that it stopped.
const GRACE: Duration = Duration::from_secs(2);

/// How long the client waits, a parameter of every analytics route (read from the query string
/// beside the query's own parameters; not part of the question, so not of the cache key).
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WaitParams {
    /// Seconds to wait for the answer before giving up with 503 `deadline_exceeded` (default and
    /// maximum: the server's analytics deadline, 30 s unless `CITYGRAPH_ANALYTICS_TIMEOUT` says
    /// otherwise). A computation no one waits for any more stops.
    #[param(exclusive_minimum = 0)]
    pub timeout: Option<f64>,
}

/// One page of the rows of an analytics answer (its ranked or listed rows), cut from the cached
/// answer. Read beside the query's own parameters, and not part of the cache key.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RowsParams {
    /// Rows per page, 1..=1000. Without `limit` and `cursor` every row is answered.
    pub limit: Option<usize>,
    /// Opaque cursor from a previous page's `next`.
    pub cursor: Option<String>,
}

/// How long this request waits: its `timeout`, at most the server's deadline (and its grace).
fn wait_limit(st: &Data, req: &HttpRequest) -> Result<Duration, ApiError> {
    let max = st.svc.config().analytics_timeout + GRACE;
    let asked = web::Query::<WaitParams>::from_query(req.query_string())
        .map_err(|e| Error::bad_param("timeout", e.to_string()))?
        .into_inner()
        .timeout;
    match asked {
        None => Ok(max),
        Some(t) if t.is_finite() && t > 0.0 => {
            Ok(Duration::from_secs_f64(t.min(max.as_secs_f64())))
        }
        Some(t) => Err(Error::bad_param(
            "timeout",
            format!("{t} is not a positive number of seconds"),
        )
        .into()),
    }
}

/// Answers `query`: 304 when the client's copy (its `If-None-Match`) is still the answer, else the
/// cached answer, or the computation's once it ends (awaited without holding a thread; a client
/// that leaves lets go of it). The answer carries the version it was computed on.
pub(crate) async fn answer(
    st: &Data,
    req: &HttpRequest,
    query: Query,
) -> Result<HttpResponse, ApiError> {
    let day = query.day();
    let limit = wait_limit(st, req)?;
    // `limit` and `cursor` page the rows of the answer; like `timeout`, they are not part of the
    // question (nor of the cache key).
    let page = {
        let q = web::Query::<RowsParams>::from_query(req.query_string())
            .map_err(|e| Error::bad_param("limit", e.to_string()))?;
        respond::sub_page(q.limit, q.cursor.as_deref())?.map(|p| (query.name().rows_field(), p))
    };
    let snap = st.snapshot(req);
    let basis = st.svc.cache_key(query.clone(), &snap).basis;
    if let Some(v) = respond::fresh_copy(req, day, basis, snap.version) {
        return Ok(respond::not_modified_at(v, day));
    }
    let client = st.client_id(req);
    let answer = match st.svc.analyze_on(query, &client, snap)? {
        Held::Ready(a) => a,
        Held::Waiting(w) => tokio::time::timeout(limit, w.wait())
            .await
            .map_err(|_| Error::DeadlineExceeded)??,
        Held::Pinned(_) => {
            return Err(Error::Internal("a request holds no job".into()).into());
        }
    };
    let Some((field, (rows, cursor))) = page else {
        return Ok(respond::graph_bytes(
            req,
            answer.version,
            day,
            web::Bytes::from_owner(answer.bytes.clone()),
        ));
    };
    // One page, cut from the cached answer: the rows are never computed again for it.
    let (mut body, next) = page_rows(&answer.bytes, field, cursor.as_deref(), rows)?;
    if let Some(next) = respond::next_link(req, next) {
        body.insert("next".into(), next.into());
    }
    Ok(respond::graph_json(req, answer.version, day, &body))
}

/// Overlap of chosen networks on a day: each network's members, the pairwise matrix (shared
/// members; Jaccard = |A∩B| / |A∪B|; overlap coefficient = |A∩B| / min(|A|, |B|); any 0/0 is 0),
/// and the exclusive intersection count of every combination (the numbers an UpSet plot draws:
/// members in exactly this set of the chosen networks and in none of the others). Member sets are
/// sets of distinct cities with a membership in force on `as_of`.
#[utoipa::path(
    tag = "analytics",
    params(OverlapParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "The overlap report", body = OverlapReport),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter (`too_many_networks`, `cell_not_in_selection`, ...)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown network", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/overlap")]
pub async fn overlap_report(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<OverlapParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::Overlap(OverlapRequest::new(&q)?);
    answer(&st, &req, query).await
}

/// The most overlapping pairs among all networks, computed with an inverted index (city to
/// networks), never all pairs; ordered by the measure, then by ids.
#[utoipa::path(
    tag = "analytics",
    params(TopPairsParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "Top pairs", body = TopPairs),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/overlap/top")]
pub async fn overlap_top(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<TopPairsParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::TopPairs(TopPairsRequest::new(&q)?);
    answer(&st, &req, query).await
}

/// Saturation on a day: memberships per city (histogram, mean, median, Gini =
/// (2 Σ i·x_i) / (n Σ x) − (n + 1) / n over the cities of the group sorted by count, 0 when nobody
/// is a member), the share of cities in at least k networks for k = 1..5, and per network the share
/// of its members already in at least 1 and at least 3 other networks. The population of a group is
/// every city of the group in the store, members of no network included.
#[utoipa::path(
    tag = "analytics",
    params(SaturationParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "The saturation report", body = SaturationReport),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/saturation")]
pub async fn saturation_report(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<SaturationParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::Saturation(SaturationRequest::new(&q)?);
    answer(&st, &req, query).await
}

/// The headline saturation figures per year. Every yearly series reads year `Y` at its end, on
/// `Y-12-31`, after every change dated in or before `Y` (with year-only dates that is what
/// `as_of=Y` shows). A membership without a join date counts from the first snapshot that attests
/// it, or, with none, in every year before it ends.
#[utoipa::path(
    tag = "analytics",
    params(SaturationTimelineParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "One saturation summary per year", body = SaturationTimeline),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter (`invalid_parameter`, `range_too_long`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/saturation/timeline")]
pub async fn saturation_timeline(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<SaturationTimelineParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::SaturationTimeline(SaturationTimelineRequest::new(&q)?);
    answer(&st, &req, query).await
}

/// Cities with the most similar portfolios: score = Jaccard |A∩B| / |A∪B| or overlap coefficient
/// |A∩B| / min(|A|, |B|) of the two cities' network sets (or partner sets), with what they share.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id"), SimilarParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "Similar cities, best first", body = SimilarCities),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/cities/{id}/similar")]
pub async fn similar(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
    q: web::Query<SimilarParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::SimilarCities(SimilarCitiesRequest::new(&id, &q)?);
    answer(&st, &req, query).await
}

/// Networks that the most similar cities (by networks, Jaccard) belong to and this city does not.
/// Score = the sum of the similarity of the similar cities that are members, divided by the sum over
/// all similar cities considered; each recommendation names the cities that explain it. A network the
/// city is already in is never recommended; a city in no network gets an empty list.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id"), RecommendParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "Recommended networks, best first", body = NetworkRecommendations),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/cities/{id}/recommendations/networks")]
pub async fn recommendations(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
    q: web::Query<RecommendParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::NetworkRecommendations(RecommendationsRequest::new(&id, &q)?);
    answer(&st, &req, query).await
}
