//! Graph analytics over projections (centrality, components, paths, neighbourhoods) and the
//! lapse analytics (lapse report, survival, timelines), cached per graph version.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use citygraph_core::algo::centrality::{self, CentralityParams, Metric, RankedNode, SampleInfo};
use citygraph_core::algo::components::{self, ComponentsResult};
use citygraph_core::algo::lapses::{self, LapseBy, LapseQuery, LapseReport};
use citygraph_core::algo::paths::{self, CityPath, Neighbourhood};
use citygraph_core::algo::projection::{self, ProjectionKind};
use citygraph_core::algo::survival::{self, SurvivalGroupBy, SurvivalQuery, SurvivalReport};
use citygraph_core::algo::timeline::{
    self, CityTimeline, Timeline, TimelineBy, TimelineMetric, TimelineQuery,
};
use citygraph_core::{Day, PartnershipKind};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::analytics::{cached, filter};
use crate::error::{ApiError, Problem};
use crate::respond;
use crate::state::{AppState, ReadAuth};

type Data = web::Data<AppState>;

fn bad(name: &str, e: impl std::fmt::Display) -> ApiError {
    ApiError::http(
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        format!("{name}: {e}"),
    )
}

/// Parses `projection` (default `twinning`).
fn projection_kind(raw: Option<&str>) -> Result<ProjectionKind, ApiError> {
    match raw {
        None | Some("") => Ok(ProjectionKind::Twinning),
        Some(p) => p.parse().map_err(|e: projection::ProjectionError| {
            ApiError::http(StatusCode::BAD_REQUEST, e.code(), e.to_string())
        }),
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CentralityParamsQuery {
    /// `degree`, `betweenness`, `closeness`, `harmonic`, `eigenvector`, `pagerank`, `katz`, `core`
    /// or `clustering`.
    pub metric: String,
    /// `twinning` (default), `co-membership`, `bipartite` or `networks`.
    pub projection: Option<String>,
    /// Default today.
    pub as_of: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    /// Only links of this kind (twinning projection).
    pub kind: Option<PartnershipKind>,
    /// Only members of this network on `as_of`.
    pub network: Option<String>,
    /// Only the best `top` nodes (default: all nodes).
    pub top: Option<usize>,
    /// Normalise (degree, betweenness, closeness, Katz; default true).
    pub normalized: Option<bool>,
    /// Use edge weights where the metric supports them (default false).
    pub weighted: Option<bool>,
    /// PageRank damping (default 0.85).
    pub damping: Option<f64>,
    /// Katz attenuation (default 0.1).
    pub alpha: Option<f64>,
    /// Katz constant term (default 1.0).
    pub beta: Option<f64>,
    /// Iteration cap of the iterative metrics (default 1000).
    pub max_iter: Option<usize>,
    /// Convergence tolerance of the iterative metrics.
    pub tol: Option<f64>,
    /// Betweenness only: use this many sampled sources (Brandes-Pich source sampling), weighted so
    /// that the expected value is the exact one; at least n gives the exact value.
    pub sample: Option<usize>,
    /// Seed of the source sample (default 0).
    pub seed: Option<u64>,
}

/// The graph a result was computed on.
#[derive(Serialize, ToSchema)]
pub struct GraphInfo {
    pub nodes: usize,
    pub edges: usize,
    /// Graph version.
    pub version: u64,
}

/// A centrality ranking.
#[derive(Serialize, ToSchema)]
pub struct CentralityView {
    pub metric: Metric,
    pub projection: ProjectionKind,
    pub as_of: String,
    pub graph: GraphInfo,
    pub normalized: Option<bool>,
    pub weighted: bool,
    /// Iterations used by an iterative metric.
    pub iterations: Option<usize>,
    /// For sampled betweenness: sources requested and used, and the seed.
    pub sample: Option<SampleInfo>,
    /// Sorted by value (descending), ties broken by id; competition ranks (1, 2, 2, 4).
    pub results: Vec<RankedNode>,
}

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
/// `beta`, `max_iter`, `tol`, `sample` and `seed`.
#[utoipa::path(
    tag = "analytics",
    params(CentralityParamsQuery),
    responses(
        (status = 200, description = "The ranking", body = CentralityView),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter (`unknown_metric`, `unknown_projection`, `invalid_parameter`, `not_converged`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown network", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/centrality")]
pub async fn centrality_ranking(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<CentralityParamsQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    let metric: Metric = q.metric.parse().map_err(|e: centrality::CentralityError| {
        ApiError::http(StatusCode::BAD_REQUEST, e.code(), e.to_string())
    })?;
    let kind = projection_kind(q.projection.as_deref())?;
    let f = filter(
        &snap,
        q.as_of.as_deref(),
        q.region.as_deref(),
        q.country.as_deref(),
        q.kind,
        q.network.as_deref(),
    )?;
    let d = CentralityParams::default();
    let params = CentralityParams {
        normalized: q.normalized.unwrap_or(d.normalized),
        weighted: q.weighted.unwrap_or(d.weighted),
        damping: q.damping.unwrap_or(d.damping),
        alpha: q.alpha.unwrap_or(d.alpha),
        beta: q.beta.unwrap_or(d.beta),
        max_iter: q.max_iter.or(d.max_iter),
        tol: q.tol.or(d.tol),
        sample: q.sample.or(d.sample),
        seed: q.seed.unwrap_or(d.seed),
        threads: d.threads,
    };
    params
        .validate(metric)
        .map_err(|e| ApiError::http(StatusCode::BAD_REQUEST, e.code(), e.to_string()))?;
    let top = q.top;
    let key = format!("centrality|{metric}|{kind}|{f:?}|{params:?}|{top:?}");
    let day = f.as_of;
    cached(&st, &req, key, Some(day), move |s| {
        let proj = projection::project(s, kind, &f)?;
        let r = centrality::centrality(&proj, metric, &params, top)?;
        Ok(CentralityView {
            metric: r.metric,
            projection: r.projection,
            as_of: r.as_of,
            graph: GraphInfo {
                nodes: r.nodes,
                edges: r.edges,
                version: s.version,
            },
            normalized: r.normalized,
            weighted: r.weighted,
            iterations: r.iterations,
            sample: r.sample,
            results: r.ranking,
        })
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComponentsQuery {
    /// `twinning` (default), `co-membership`, `bipartite` or `networks`.
    pub projection: Option<String>,
    /// Default today.
    pub as_of: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub kind: Option<PartnershipKind>,
    pub network: Option<String>,
    /// List each component's node ids (default false).
    pub members: Option<bool>,
    /// Only the `top` largest components.
    pub top: Option<usize>,
}

/// Connected components of a projection on a day: sizes (largest first) and, with `members=true`,
/// their node ids.
#[utoipa::path(
    tag = "analytics",
    params(ComponentsQuery),
    responses(
        (status = 200, description = "Components", body = ComponentsResult),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown network", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/components")]
pub async fn components_report(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<ComponentsQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    let kind = projection_kind(q.projection.as_deref())?;
    let f = filter(
        &snap,
        q.as_of.as_deref(),
        q.region.as_deref(),
        q.country.as_deref(),
        q.kind,
        q.network.as_deref(),
    )?;
    let (members, top) = (q.members.unwrap_or(false), q.top);
    let key = format!("components|{kind}|{f:?}|{members}|{top:?}");
    let day = f.as_of;
    cached(&st, &req, key, Some(day), move |s| {
        let proj = projection::project(s, kind, &f)?;
        Ok(components::components(&proj, members, top))
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PathQuery {
    /// City id to start from.
    pub from: String,
    /// City id to reach.
    pub to: String,
    /// Default today.
    pub as_of: Option<String>,
    /// Only links of this kind.
    pub kind: Option<PartnershipKind>,
}

/// A shortest chain of partnerships active on `as_of` between two cities, with each link's kind and
/// dates; 404 `no_path` when they are not connected.
#[utoipa::path(
    tag = "analytics",
    params(PathQuery),
    responses(
        (status = 200, description = "The chain", body = CityPath),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown city (`city_not_found`) or no chain (`no_path`)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/paths")]
pub async fn path(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<PathQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    // Former ids (aliases) name the city that absorbed them.
    let from = citygraph_service::entities::city(&snap, &q.from)?
        .id
        .to_string();
    let to = citygraph_service::entities::city(&snap, &q.to)?
        .id
        .to_string();
    let f = filter(&snap, q.as_of.as_deref(), None, None, q.kind, None)?;
    let key = format!("path|{from}|{to}|{f:?}");
    let day = f.as_of;
    cached(&st, &req, key, Some(day), move |s| {
        let proj = projection::project(s, ProjectionKind::Twinning, &f)?;
        paths::shortest_path(s, &proj, &from, &to)?.ok_or_else(|| {
            citygraph_service::Error::NoPath {
                from: from.clone(),
                to: to.clone(),
                as_of: f.as_of.to_string(),
            }
        })
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NeighbourhoodQuery {
    /// Hops (default 2, at most 6).
    pub depth: Option<u32>,
    /// Default today.
    pub as_of: Option<String>,
    pub kind: Option<PartnershipKind>,
}

/// The cities within `depth` active links of a city on `as_of`, with their distance, and the links
/// among them.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id"), NeighbourhoodQuery),
    responses(
        (status = 200, description = "The neighbourhood", body = Neighbourhood),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter (`depth_too_large`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/cities/{id}/neighbourhood")]
pub async fn neighbourhood(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
    q: web::Query<NeighbourhoodQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    let id = citygraph_service::entities::city(&snap, &id)?
        .id
        .to_string();
    let f = filter(&snap, q.as_of.as_deref(), None, None, q.kind, None)?;
    let depth = q.depth.unwrap_or(2);
    let key = format!("neighbourhood|{id}|{depth}|{f:?}");
    let day = f.as_of;
    cached(&st, &req, key, Some(day), move |s| {
        let proj = projection::project(s, ProjectionKind::Twinning, &f)?;
        Ok(paths::neighbourhood(s, &proj, &id, depth)?)
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LapsesQuery {
    /// `year` (default), `country-pair`, `region-pair` or `kind`.
    pub by: Option<LapseBy>,
    /// First year (default 1950).
    pub from: Option<i32>,
    /// Last year (default this year).
    pub to: Option<i32>,
    /// For the pair and kind groupings: one row per group and year (default false: one per group).
    pub yearly: Option<bool>,
}

/// Lapse counts and rates. Per group and period: counts of established, suspended, resumed, renewed,
/// lapsed and terminated events; the links active at the start of the period; and the lapse rate =
/// links that stopped being active in the period (active at its start, not active at its end) /
/// links active at its start (null when none were). Year Y runs from Y-01-01 to (Y+1)-01-01 by the
/// partial-date rule.
#[utoipa::path(
    tag = "analytics",
    params(LapsesQuery),
    responses(
        (status = 200, description = "The lapse report", body = LapseReport),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/lapses")]
pub async fn lapse_report(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<LapsesQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = LapseQuery {
        by: q.by.unwrap_or(LapseBy::Year),
        from: respond::year("from", q.from)?.unwrap_or(1950),
        to: respond::year("to", q.to)?.unwrap_or_else(|| Day::today().year()),
        yearly: q.yearly.unwrap_or(false),
    };
    let key = format!(
        "lapses|{:?}|{}|{}|{}",
        query.by, query.from, query.to, query.yearly
    );
    let svc = st.svc.clone();
    cached(&st, &req, key, None, move |s| {
        Ok(lapses::lapse_report(&svc.indexes().links(s), &query)?)
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SurvivalParams {
    /// `none` (default), `kind`, `region-pair` or `decade` (of establishment).
    pub group_by: Option<SurvivalGroupBy>,
    /// Comma-separated event types that end a link (default `terminated,lapsed`; `suspended` may be added).
    pub ending: Option<String>,
    /// Censoring day (default today).
    pub as_of: Option<String>,
}

/// Kaplan-Meier estimate of how long a link stays active, as lifelines' KaplanMeierFitter computes
/// it: per distinct time (years from establishment to the first ending event in force by `as_of`),
/// the number at risk, events, censored, the survival probability and a 95% confidence interval
/// (Greenwood's variance on the log(-log) scale), plus the median survival time (absent: not
/// reached). Links still active on `as_of` are censored there; links established after `as_of` and
/// links with no recorded establishment are left out and counted. Durations run between the first
/// days of the partial dates (a link established in `1957` and ended in `2019-10`: 1957-01-01 to
/// 2019-10-01), in years of 365.2425 days.
#[utoipa::path(
    tag = "analytics",
    params(SurvivalParams),
    responses(
        (status = 200, description = "The survival report", body = SurvivalReport),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/survival")]
pub async fn survival_report(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<SurvivalParams>,
) -> Result<HttpResponse, ApiError> {
    let as_of = respond::as_of(q.as_of.as_deref())?;
    let ending = match q.ending.as_deref() {
        None | Some("") => survival::DEFAULT_ENDING.to_vec(),
        Some(e) => survival::parse_ending(e)
            .map_err(|e| ApiError::http(StatusCode::BAD_REQUEST, e.code(), e.to_string()))?,
    };
    let query = SurvivalQuery {
        group_by: q.group_by.unwrap_or(SurvivalGroupBy::None),
        ending,
        as_of,
    };
    let key = format!("survival|{:?}|{:?}|{as_of}", query.group_by, query.ending);
    let svc = st.svc.clone();
    cached(&st, &req, key, Some(as_of), move |s| {
        Ok(survival::survival(&svc.indexes().links(s), &query)?)
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineParams {
    /// `active_links` (default), `new_links`, `ended_links` or `memberships`.
    pub metric: Option<TimelineMetric>,
    /// First year (default 1950).
    pub from: Option<i32>,
    /// Last year (default this year).
    pub to: Option<i32>,
    /// `region` to split the series by region.
    pub by: Option<TimelineBy>,
}

/// A series per year: links active (on 1 January of each year), new links, ended links, or
/// memberships in force.
#[utoipa::path(
    tag = "analytics",
    params(TimelineParams),
    responses(
        (status = 200, description = "The series", body = Timeline),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/timeline")]
pub async fn timeline_series(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<TimelineParams>,
) -> Result<HttpResponse, ApiError> {
    let query = TimelineQuery {
        metric: q.metric.unwrap_or(TimelineMetric::ActiveLinks),
        from: respond::year("from", q.from)?.unwrap_or(1950),
        to: respond::year("to", q.to)?.unwrap_or_else(|| Day::today().year()),
        by: q.by,
    };
    if query.to < query.from {
        return Err(bad(
            "to",
            format!("{} is before from={}", query.to, query.from),
        ));
    }
    let key = format!(
        "timeline|{:?}|{}|{}|{:?}",
        query.metric, query.from, query.to, query.by
    );
    let svc = st.svc.clone();
    cached(&st, &req, key, None, move |s| {
        Ok(timeline::timeline(&svc.indexes().links(s), &query)?)
    })
    .await
}

/// One city's history in date order: links established, suspended, resumed, renewed, lapsed and
/// ended (with the partner, reason and sources), memberships joined and left.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id")),
    responses(
        (status = 200, description = "The city's history", body = CityTimeline),
        (status = 304, description = "Not modified since the ETag"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/cities/{id}/timeline")]
pub async fn city_timeline(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    let id = citygraph_service::entities::city(&snap, &id)?
        .id
        .to_string();
    let key = format!("city-timeline|{id}");
    cached(&st, &req, key, None, move |s| {
        Ok(timeline::city_timeline(s, &id)?)
    })
    .await
}
