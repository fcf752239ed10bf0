//! Graph analytics over projections (centrality, components, paths, neighbourhoods) and the
//! lapse analytics (lapse report, survival, timelines). Every handler parses its parameters into a
//! typed request and answers it through `super::analytics::answer`.

use actix_web::{get, web, HttpRequest, HttpResponse};
use citygraph_core::algo::components::ComponentsResult;
use citygraph_core::algo::lapses::LapseReport;
use citygraph_core::algo::paths::{CityPath, Neighbourhood};
use citygraph_core::algo::survival::SurvivalReport;
use citygraph_core::algo::timeline::{CityTimeline, Timeline};
use citygraph_service::analytics::request::{
    CentralityParams, CentralityRequest, CityTimelineParams, CityTimelineRequest, ComponentsParams,
    ComponentsRequest, LapsesParams, LapsesRequest, NeighbourhoodParams, NeighbourhoodRequest,
    PathParams, PathRequest, Query, SurvivalParams, SurvivalRequest, TimelineParams,
    TimelineRequest,
};
use citygraph_service::analytics::run::CentralityView;

use super::analytics::{answer, RowsParams, WaitParams};
use crate::error::{ApiError, Problem};
use crate::state::{AppState, ReadAuth};

type Data = web::Data<AppState>;

/// Centrality of every node of a projection on a day, with NetworkX's definitions:
/// `degree` = degree_centrality (degree / (n-1)); `betweenness` = betweenness_centrality, each pair
/// counted once and normalised by 2/((n-1)(n-2)) (with `sample=K&seed=S`: Brandes-Pich sampling of K
/// sources, with the trees hanging off the graph counted exactly, the sources drawn in proportion to
/// the tree each stands for and weighted by the inverse of that probability, and each pair shared
/// between the searches from its two ends by distance, so its expectation is the exact value; K >= n
/// gives the exact value); `closeness` = closeness_centrality
/// with the Wasserman-Faust correction for disconnected graphs; `harmonic` = harmonic_centrality (the
/// plain sum of 1/d); `eigenvector` = eigenvector_centrality; `pagerank` = pagerank (damping 0.85,
/// dangling mass spread uniformly); `katz` = katz_centrality (alpha 0.1, beta 1, normalised; an
/// alpha at or above 1/λmax is refused with `not_converged`); `core` = core_number; `clustering` =
/// the local clustering coefficient. Callers may change `normalized`, `weighted`, `damping`, `alpha`,
/// `beta`, `max_iter`, `tol`, `sample` and `seed`, within the bounds of each parameter. Before it
/// starts, the work is estimated from the size of the graph (sources or iterations times nodes and
/// edges); a query over the budget is refused with 422 `query_too_expensive` (run it as a job, or
/// sample); one past its deadline stops and answers 503 `deadline_exceeded`.
#[utoipa::path(
    tag = "analytics",
    params(CentralityParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "The ranking", body = CentralityView),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter (`unknown_metric`, `unknown_projection`, `invalid_parameter`, `not_converged`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown network", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/centrality")]
pub async fn centrality_ranking(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<CentralityParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::Centrality(CentralityRequest::new(&q)?);
    answer(&st, &req, query).await
}

/// Connected components of a projection on a day: sizes (largest first) and, with `members=true`,
/// their node ids.
#[utoipa::path(
    tag = "analytics",
    params(ComponentsParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "Components", body = ComponentsResult),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown network", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/components")]
pub async fn components_report(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<ComponentsParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::Components(ComponentsRequest::new(&q)?);
    answer(&st, &req, query).await
}

/// A shortest chain of partnerships active on `as_of` between two cities, with each link's kind and
/// dates; 404 `no_path` when they are not connected.
#[utoipa::path(
    tag = "analytics",
    params(PathParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "The chain", body = CityPath),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown city (`city_not_found`) or no chain (`no_path`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/paths")]
pub async fn path(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<PathParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::Path(PathRequest::new(&q)?);
    answer(&st, &req, query).await
}

/// The cities within `depth` active links of a city on `as_of`, with their distance, and the links
/// among them.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id"), NeighbourhoodParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "The neighbourhood", body = Neighbourhood),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/cities/{id}/neighbourhood")]
pub async fn neighbourhood(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
    q: web::Query<NeighbourhoodParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::Neighbourhood(NeighbourhoodRequest::new(&id, &q)?);
    answer(&st, &req, query).await
}

/// Lapse counts and rates. Per group and period: counts of established, suspended, resumed, renewed,
/// lapsed and terminated events; the links active at the start of the period; and the lapse rate =
/// links that stopped being active in the period (active at its start, not active at its end) /
/// links active at its start (null when none were). Year Y runs from Y-01-01 to (Y+1)-01-01 by the
/// partial-date rule: its start is the state at the end of Y-1 (the value of every yearly series
/// for Y-1), its end the value for Y.
#[utoipa::path(
    tag = "analytics",
    params(LapsesParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "The lapse report", body = LapseReport),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/lapses")]
pub async fn lapse_report(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<LapsesParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::Lapses(LapsesRequest::new(&q)?);
    answer(&st, &req, query).await
}

/// Kaplan-Meier estimate of how long a link stays active, as lifelines' KaplanMeierFitter computes
/// it: per distinct time (years from establishment to the first ending event in force by `as_of`),
/// the number at risk, events, censored, the survival probability and a 95% confidence interval
/// (Greenwood's variance on the log(-log) scale), plus the median survival time (absent: not
/// reached). Links still active on `as_of` are censored there; links established after `as_of` and
/// links with no recorded establishment are left out and counted. Durations run between the first
/// days of the partial dates and are counted in calendar years: the whole years to the last
/// anniversary of the establishment, plus the elapsed share (in days) of the year after it (29
/// February moves to 28 February in common years). So `1957` to `2019` is exactly 62 years, and a
/// link established in `1957` and ended in `2019-10` (1957-01-01 to 2019-10-01) lived 62 + 273/365
/// years.
#[utoipa::path(
    tag = "analytics",
    params(SurvivalParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "The survival report", body = SurvivalReport),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/survival")]
pub async fn survival_report(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<SurvivalParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::Survival(SurvivalRequest::new(&q)?);
    answer(&st, &req, query).await
}

/// A series per year: links active, new links, ended links, or memberships in force. Every yearly
/// series reads year `Y` at its end, on `Y-12-31`, after every event dated in or before `Y` (a link
/// signed and ended within `Y` is not active in `Y`; with year-only dates that is what `as_of=Y`
/// shows). New and ended links count the events dated in `Y`.
#[utoipa::path(
    tag = "analytics",
    params(TimelineParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "The series", body = Timeline),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/timeline")]
pub async fn timeline_series(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<TimelineParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::Timeline(TimelineRequest::new(&q)?);
    answer(&st, &req, query).await
}

/// One city's history in date order: links established, suspended, resumed, renewed, lapsed and
/// ended (with the partner, reason and sources), memberships joined and left.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id"), CityTimelineParams, WaitParams, RowsParams),
    responses(
        (status = 200, description = "The city's history", body = CityTimeline),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The cost estimate exceeds the budget (`query_too_expensive`, with the `estimate`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This client already has analytics in flight (`too_many_requests`); see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No analytics worker free (`busy`) or the deadline passed (`deadline_exceeded`); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/cities/{id}/timeline")]
pub async fn city_timeline(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
    q: web::Query<CityTimelineParams>,
) -> Result<HttpResponse, ApiError> {
    let query = Query::CityTimeline(CityTimelineRequest::new(&id, &q)?);
    answer(&st, &req, query).await
}
