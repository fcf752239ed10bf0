//! `/v1/analytics/*` and the per-city analytics: results cached per graph version, computed off
//! the request threads (see `citygraph_service::cache`).

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use citygraph_core::algo::filter::Filter;
use citygraph_core::algo::overlap::{
    self, OverlapMeasure, OverlapQuery, OverlapReport, TopPairs, TopPairsQuery,
};
use citygraph_core::algo::saturation::{self, GroupBy, SaturationReport, SaturationTimeline};
use citygraph_core::algo::similarity::{
    self, NetworkRecommendations, RecommendQuery, SetMeasure, SimilarCities, SimilarQuery,
    SimilarityBasis,
};
use citygraph_core::{NetworkId, PartnershipKind, Snapshot};
use serde::Deserialize;
use utoipa::IntoParams;

use super::cities::internal;
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

/// The common filter of analytics reads.
pub(crate) fn filter(
    snap: &Snapshot,
    as_of: Option<&str>,
    region: Option<&str>,
    country: Option<&str>,
    kind: Option<PartnershipKind>,
    network: Option<&str>,
) -> Result<Filter, ApiError> {
    let mut f = Filter::on(respond::as_of(as_of)?);
    f.region = respond::region(region)?;
    f.country = respond::country(country)?;
    f.kind = kind;
    if let Some(n) = network.filter(|n| !n.is_empty()) {
        citygraph_service::entities::network(snap, n)?;
        f.network = Some(NetworkId::new(n).map_err(|e| bad("network", e))?);
    }
    Ok(f)
}

fn network_list(raw: &str, name: &str) -> Result<Vec<NetworkId>, ApiError> {
    raw.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| NetworkId::new(s).map_err(|e| bad(name, e)))
        .collect()
}

/// Runs `compute` on the current snapshot through the per-version cache, off the request threads.
pub(crate) async fn cached<T, F>(
    st: &Data,
    req: &HttpRequest,
    key: String,
    day: Option<citygraph_core::Day>,
    compute: F,
) -> Result<HttpResponse, ApiError>
where
    T: serde::Serialize,
    F: FnOnce(&Snapshot) -> citygraph_service::Result<T> + Send + 'static,
{
    let svc = st.svc.clone();
    let snap = svc.snapshot();
    let version = snap.version;
    let bytes = web::block(move || svc.cache().get_or_compute(version, &key, || compute(&snap)))
        .await
        .map_err(internal)??;
    Ok(respond::graph_bytes(
        req,
        version,
        day,
        web::Bytes::from_owner(bytes),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OverlapParams {
    /// Comma-separated network ids to compare (1 to 12).
    pub networks: String,
    /// Default today.
    pub as_of: Option<String>,
    /// Only member cities of this survey region.
    pub region: Option<String>,
    /// Only member cities of this country.
    pub country: Option<String>,
    /// `true` to list the cities of the cell given by `cell` (default: the cell of all chosen networks).
    pub members: Option<bool>,
    /// Comma-separated subset of `networks`: the UpSet cell whose cities to list (members in exactly
    /// these of the chosen networks and in none of the others).
    pub cell: Option<String>,
}

/// Overlap of chosen networks on a day: each network's members, the pairwise matrix (shared
/// members; Jaccard = |A∩B| / |A∪B|; overlap coefficient = |A∩B| / min(|A|, |B|); any 0/0 is 0),
/// and the exclusive intersection count of every combination (the numbers an UpSet plot draws:
/// members in exactly this set of the chosen networks and in none of the others). Member sets are
/// sets of distinct cities with a membership in force on `as_of`.
#[utoipa::path(
    tag = "analytics",
    params(OverlapParams),
    responses(
        (status = 200, description = "The overlap report", body = OverlapReport),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter (`too_many_networks`, `cell_not_in_selection`, ...)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown network", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/overlap")]
pub async fn overlap_report(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<OverlapParams>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    let f = filter(
        &snap,
        q.as_of.as_deref(),
        q.region.as_deref(),
        q.country.as_deref(),
        None,
        None,
    )?;
    let networks = network_list(&q.networks, "networks")?;
    let cell = match (&q.cell, q.members.unwrap_or(false)) {
        (Some(c), _) => Some(network_list(c, "cell")?),
        (None, true) => Some(networks.clone()),
        (None, false) => None,
    };
    let key = format!("overlap|{f:?}|{networks:?}|{cell:?}");
    let day = f.as_of;
    let query = OverlapQuery { networks, cell };
    cached(&st, &req, key, Some(day), move |s| {
        Ok(overlap::network_overlap(s, &f, &query)?)
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TopPairsParams {
    /// Default today.
    pub as_of: Option<String>,
    /// Only pairs sharing at least this many member cities (default 1).
    pub min_shared: Option<u64>,
    /// `jaccard` (default), `overlap` or `shared`.
    pub measure: Option<OverlapMeasure>,
    /// How many pairs (default 20, at most 10000).
    pub top: Option<usize>,
    pub region: Option<String>,
    pub country: Option<String>,
}

/// The most overlapping pairs among all networks, computed with an inverted index (city to
/// networks), never all pairs; ordered by the measure, then by ids.
#[utoipa::path(
    tag = "analytics",
    params(TopPairsParams),
    responses(
        (status = 200, description = "Top pairs", body = TopPairs),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/overlap/top")]
pub async fn overlap_top(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<TopPairsParams>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    let f = filter(
        &snap,
        q.as_of.as_deref(),
        q.region.as_deref(),
        q.country.as_deref(),
        None,
        None,
    )?;
    let top = q.top.unwrap_or(20);
    if !(1..=10_000).contains(&top) {
        return Err(bad("top", format!("{top} is not in 1..=10000")));
    }
    let query = TopPairsQuery {
        min_shared: q.min_shared.unwrap_or(1),
        measure: q.measure.unwrap_or_default(),
        top,
    };
    let key = format!(
        "overlap-top|{f:?}|{}|{:?}|{}",
        query.min_shared, query.measure, query.top
    );
    let day = f.as_of;
    let svc = st.svc.clone();
    cached(&st, &req, key, Some(day), move |s| {
        Ok(overlap::top_overlapping_pairs_in(
            &svc.indexes().membership(s),
            &f,
            &query,
        ))
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SaturationParams {
    /// Default today.
    pub as_of: Option<String>,
    /// `none` (default), `region`, `country` or `network`.
    pub by: Option<GroupBy>,
    pub region: Option<String>,
    pub country: Option<String>,
}

/// Saturation on a day: memberships per city (histogram, mean, median, Gini =
/// (2 Σ i·x_i) / (n Σ x) − (n + 1) / n over the cities of the group sorted by count, 0 when nobody
/// is a member), the share of cities in at least k networks for k = 1..5, and per network the share
/// of its members already in at least 1 and at least 3 other networks. The population of a group is
/// every city of the group in the store, members of no network included.
#[utoipa::path(
    tag = "analytics",
    params(SaturationParams),
    responses(
        (status = 200, description = "The saturation report", body = SaturationReport),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/saturation")]
pub async fn saturation_report(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<SaturationParams>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    let f = filter(
        &snap,
        q.as_of.as_deref(),
        q.region.as_deref(),
        q.country.as_deref(),
        None,
        None,
    )?;
    let by = q.by.unwrap_or(GroupBy::None);
    let key = format!("saturation|{f:?}|{by:?}");
    let day = f.as_of;
    let svc = st.svc.clone();
    cached(&st, &req, key, Some(day), move |s| {
        Ok(saturation::saturation_in(
            &svc.indexes().membership(s),
            &f,
            by,
        ))
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SaturationTimelineParams {
    /// First year (default 1990).
    pub from: Option<i32>,
    /// Last year (default this year).
    pub to: Option<i32>,
    /// `none` (default), `region`, `country` or `network`.
    pub by: Option<GroupBy>,
    pub region: Option<String>,
    pub country: Option<String>,
}

/// The headline saturation figures per year, each read on 1 January of the year (as `as_of=YYYY`).
/// A membership without a join date counts from the first snapshot that attests it, or, with none,
/// in every year before it ends.
#[utoipa::path(
    tag = "analytics",
    params(SaturationTimelineParams),
    responses(
        (status = 200, description = "One saturation summary per year", body = SaturationTimeline),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter (`invalid_range`, `range_too_long`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/analytics/saturation/timeline")]
pub async fn saturation_timeline(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<SaturationTimelineParams>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    let f = filter(
        &snap,
        None,
        q.region.as_deref(),
        q.country.as_deref(),
        None,
        None,
    )?;
    let from = respond::year("from", q.from)?.unwrap_or(1990);
    let to = respond::year("to", q.to)?.unwrap_or_else(|| citygraph_core::Day::today().year());
    let by = q.by.unwrap_or(GroupBy::None);
    let key = format!(
        "saturation-timeline|{:?}|{:?}|{from}|{to}|{by:?}",
        f.region, f.country
    );
    let svc = st.svc.clone();
    cached(&st, &req, key, None, move |s| {
        Ok(saturation::saturation_timeline_in(
            &svc.indexes().membership(s),
            &f,
            by,
            from,
            to,
        )?)
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SimilarParams {
    /// `networks` (default: memberships in force) or `partners` (active links on `as_of`).
    pub by: Option<SimilarityBasis>,
    /// `jaccard` (default) or `overlap`.
    pub measure: Option<SetMeasure>,
    /// How many cities (default 10, at most 1000).
    pub top: Option<usize>,
    /// Default today.
    pub as_of: Option<String>,
    /// Compare only with cities of this region / country.
    pub region: Option<String>,
    pub country: Option<String>,
}

/// Cities with the most similar portfolios: score = Jaccard |A∩B| / |A∪B| or overlap coefficient
/// |A∩B| / min(|A|, |B|) of the two cities' network sets (or partner sets), with what they share.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id"), SimilarParams),
    responses(
        (status = 200, description = "Similar cities, best first", body = SimilarCities),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
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
    let snap = st.svc.snapshot();
    let id = citygraph_service::entities::city(&snap, &id)?
        .id
        .to_string();
    let f = filter(
        &snap,
        q.as_of.as_deref(),
        q.region.as_deref(),
        q.country.as_deref(),
        None,
        None,
    )?;
    let top = q.top.unwrap_or(10);
    if !(1..=1000).contains(&top) {
        return Err(bad("top", format!("{top} is not in 1..=1000")));
    }
    let query = SimilarQuery {
        by: q.by.unwrap_or(SimilarityBasis::Networks),
        measure: q.measure.unwrap_or(SetMeasure::Jaccard),
        top,
    };
    let key = format!(
        "similar|{id}|{f:?}|{:?}|{:?}|{top}",
        query.by, query.measure
    );
    let day = f.as_of;
    let svc = st.svc.clone();
    cached(&st, &req, key, Some(day), move |s| {
        Ok(similarity::similar_cities_in(
            s,
            &svc.indexes().membership(s),
            &f,
            &id,
            &query,
        )?)
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecommendParams {
    /// How many networks (default 10, at most 100).
    pub top: Option<usize>,
    /// Default today.
    pub as_of: Option<String>,
}

/// Networks that the most similar cities (by networks, Jaccard) belong to and this city does not.
/// Score = the sum of the similarity of the similar cities that are members, divided by the sum over
/// all similar cities considered; each recommendation names the cities that explain it. A network the
/// city is already in is never recommended; a city in no network gets an empty list.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id"), RecommendParams),
    responses(
        (status = 200, description = "Recommended networks, best first", body = NetworkRecommendations),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many computations in flight; see Retry-After", body = Problem, content_type = "application/problem+json"),
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
    let snap = st.svc.snapshot();
    let id = citygraph_service::entities::city(&snap, &id)?
        .id
        .to_string();
    let f = filter(&snap, q.as_of.as_deref(), None, None, None, None)?;
    let top = q.top.unwrap_or(10);
    if !(1..=100).contains(&top) {
        return Err(bad("top", format!("{top} is not in 1..=100")));
    }
    let query = RecommendQuery {
        top,
        neighbours: similarity::DEFAULT_NEIGHBOURS,
    };
    let key = format!("recommend|{id}|{f:?}|{top}");
    let day = f.as_of;
    let svc = st.svc.clone();
    cached(&st, &req, key, Some(day), move |s| {
        Ok(similarity::recommend_networks_in(
            s,
            &svc.indexes().membership(s),
            &f,
            &id,
            &query,
        )?)
    })
    .await
}
