//! Typed analytics requests: one struct per query, with its defaults, bounds and validation.
//!
//! Every transport parses into the same request. A query string (or a job's `params`, or CLI flags)
//! is first read into the query's `*Params` struct (strings, numbers and booleans as a user writes
//! them), then checked into its `*Request` (typed values, defaults filled in, parameters the query
//! does not read reset to their defaults so that equal questions are equal requests). [`Query`] is
//! the enum over them: it derives `Hash` and `Eq` and is the key of the result cache, it declares
//! which entity kinds a query reads ([`Query::reads`]) and what it will cost
//! ([`Query::estimate`]). A job's body, `{"query": NAME, "params": {...}}`, deserialises into a
//! [`Query`] through the same `*Params` structs as the GET route, so both accept and refuse the
//! same things.
//!
//! Numeric bounds are the constants of this module; [`BOUNDS`] lists them per query and parameter,
//! for validation here and for the OpenAPI document (the API writes them into each parameter's
//! schema).

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use citygraph_core::algo::centrality::{self, CentralityParams as CoreCentralityParams, Metric};
use citygraph_core::algo::filter::Filter;
use citygraph_core::algo::lapses::{LapseBy, LinkTable};
use citygraph_core::algo::overlap::OverlapMeasure;
use citygraph_core::algo::paths::MAX_DEPTH;
use citygraph_core::algo::projection::{ProjectionKind, DEFAULT_MAX_PAIRS};
use citygraph_core::algo::saturation::{GroupBy, MAX_TIMELINE_YEARS};
use citygraph_core::algo::similarity::{SetMeasure, SimilarityBasis, DEFAULT_NEIGHBOURS};
use citygraph_core::algo::survival::{self, SurvivalGroupBy};
use citygraph_core::algo::timeline::{TimelineBy, TimelineMetric};
use citygraph_core::{
    CountryCode, Day, EventType, NetworkId, PartialDate, PartnershipKind, Region, Snapshot,
};
use serde::Deserialize;

use crate::{entities, Error, Result};

// ---------------------------------------------------------------------------------------------
// Bounds

/// Iteration cap of the iterative centralities (`max_iter`), at most.
pub const MAX_ITER: usize = 10_000;
/// Convergence tolerance (`tol`), at least (`DEFAULT_TOL`, the default, is this value).
pub const MIN_TOL: f64 = 1e-12;
/// Convergence tolerance, at most.
pub const MAX_TOL: f64 = 1.0;
/// Sampled sources of betweenness (`sample`), at most (more than the nodes is the exact value).
pub const MAX_SAMPLE: usize = 1_000_000;
/// Ranked nodes or components listed (`top` of centrality and components), at most.
pub const MAX_TOP_NODES: usize = 1_000_000;
/// Katz constant term (`beta`), at most in absolute value.
pub const MAX_ABS_BETA: f64 = 1e9;
/// Pairs listed by top pairs (`top`), at most.
pub const MAX_TOP_PAIRS: usize = 10_000;
/// Similar cities listed (`top`), at most.
pub const MAX_TOP_SIMILAR: usize = 1_000;
/// Recommended networks listed (`top`), at most.
pub const MAX_TOP_RECOMMENDED: usize = 100;
/// Default number of similar cities.
pub const DEFAULT_TOP_SIMILAR: usize = 10;
/// Default number of recommended networks.
pub const DEFAULT_TOP_RECOMMENDED: usize = 10;
/// Default number of top pairs.
pub const DEFAULT_TOP_PAIRS: usize = 20;
/// Default neighbourhood depth.
pub const DEFAULT_DEPTH: u32 = 2;
/// Years: the first and last a window may name.
pub const MIN_YEAR: i32 = 1;
pub const MAX_YEAR: i32 = 9999;
/// Default first year of the lapse report and the timeline.
pub const DEFAULT_FROM_YEAR: i32 = 1950;
/// Default first year of the saturation timeline.
pub const DEFAULT_SATURATION_FROM_YEAR: i32 = 1990;

/// A numeric bound of one parameter of one query.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    pub query: QueryName,
    pub param: &'static str,
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    pub exclusive_minimum: Option<f64>,
    pub exclusive_maximum: Option<f64>,
}

const fn range(query: QueryName, param: &'static str, min: f64, max: f64) -> Bound {
    Bound {
        query,
        param,
        minimum: Some(min),
        maximum: Some(max),
        exclusive_minimum: None,
        exclusive_maximum: None,
    }
}

const fn open(query: QueryName, param: &'static str, min: f64, max: f64) -> Bound {
    Bound {
        query,
        param,
        minimum: None,
        maximum: None,
        exclusive_minimum: Some(min),
        exclusive_maximum: Some(max),
    }
}

/// Every numeric bound, by query and parameter (also written into the OpenAPI document).
pub const BOUNDS: &[Bound] = &[
    range(QueryName::Centrality, "top", 1.0, MAX_TOP_NODES as f64),
    open(QueryName::Centrality, "damping", 0.0, 1.0),
    open(QueryName::Centrality, "alpha", 0.0, 1.0),
    range(QueryName::Centrality, "beta", -MAX_ABS_BETA, MAX_ABS_BETA),
    range(QueryName::Centrality, "max_iter", 1.0, MAX_ITER as f64),
    range(QueryName::Centrality, "tol", MIN_TOL, MAX_TOL),
    range(QueryName::Centrality, "sample", 1.0, MAX_SAMPLE as f64),
    range(QueryName::Components, "top", 1.0, MAX_TOP_NODES as f64),
    range(QueryName::Neighbourhood, "depth", 0.0, MAX_DEPTH as f64),
    range(QueryName::TopPairs, "top", 1.0, MAX_TOP_PAIRS as f64),
    range(QueryName::TopPairs, "min_shared", 1.0, u32::MAX as f64),
    range(QueryName::SimilarCities, "top", 1.0, MAX_TOP_SIMILAR as f64),
    range(
        QueryName::NetworkRecommendations,
        "top",
        1.0,
        MAX_TOP_RECOMMENDED as f64,
    ),
    range(QueryName::Lapses, "from", MIN_YEAR as f64, MAX_YEAR as f64),
    range(QueryName::Lapses, "to", MIN_YEAR as f64, MAX_YEAR as f64),
    range(
        QueryName::Timeline,
        "from",
        MIN_YEAR as f64,
        MAX_YEAR as f64,
    ),
    range(QueryName::Timeline, "to", MIN_YEAR as f64, MAX_YEAR as f64),
    range(
        QueryName::SaturationTimeline,
        "from",
        MIN_YEAR as f64,
        MAX_YEAR as f64,
    ),
    range(
        QueryName::SaturationTimeline,
        "to",
        MIN_YEAR as f64,
        MAX_YEAR as f64,
    ),
];

fn bound(query: QueryName, param: &'static str) -> &'static Bound {
    BOUNDS
        .iter()
        .find(|b| b.query == query && b.param == param)
        .expect("every checked parameter has a bound")
}

/// Checks `value` against the bound of `param` in `query`.
fn check(query: QueryName, param: &'static str, value: f64) -> Result<()> {
    let b = bound(query, param);
    let ok = value.is_finite()
        && b.minimum.is_none_or(|m| value >= m)
        && b.maximum.is_none_or(|m| value <= m)
        && b.exclusive_minimum.is_none_or(|m| value > m)
        && b.exclusive_maximum.is_none_or(|m| value < m);
    if ok {
        return Ok(());
    }
    let lo = match (b.minimum, b.exclusive_minimum) {
        (Some(m), _) => format!("[{}", number(m)),
        (None, Some(m)) => format!("({}", number(m)),
        (None, None) => "(-inf".to_owned(),
    };
    let hi = match (b.maximum, b.exclusive_maximum) {
        (Some(m), _) => format!("{}]", number(m)),
        (None, Some(m)) => format!("{})", number(m)),
        (None, None) => "inf)".to_owned(),
    };
    Err(Error::bad_param(
        param,
        format!("{} is not in {lo}, {hi}", number(value)),
    ))
}

/// A number as a person writes it: `1e-12`, `10000`, `0.85`.
fn number(v: f64) -> String {
    if v != 0.0 && v.is_finite() && (v.abs() < 1e-4 || v.abs() >= 1e15) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

// ---------------------------------------------------------------------------------------------
// Small types

/// An `f64` compared and hashed by its bits (`-0.0` is taken as `0.0`), for cache keys.
#[derive(Clone, Copy, Debug)]
pub struct F64(pub f64);

impl F64 {
    fn bits(self) -> u64 {
        if self.0 == 0.0 {
            0
        } else {
            self.0.to_bits()
        }
    }
}

impl PartialEq for F64 {
    fn eq(&self, other: &F64) -> bool {
        self.bits() == other.bits()
    }
}
impl Eq for F64 {}
impl Hash for F64 {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bits().hash(state);
    }
}

/// The entity kinds a query reads (a write to any other kind leaves its result valid).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Kinds(u8);

impl Kinds {
    pub const CITIES: Kinds = Kinds(1);
    pub const NETWORKS: Kinds = Kinds(2);
    pub const MEMBERSHIPS: Kinds = Kinds(4);
    pub const PARTNERSHIPS: Kinds = Kinds(8);
    pub const ALL: Kinds = Kinds(15);
    pub const NONE: Kinds = Kinds(0);

    pub const fn with(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }
    pub fn intersects(self, other: Kinds) -> bool {
        self.0 & other.0 != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The kind of an entity as [`citygraph_core::Change::target`] names it.
    pub fn of_entity(entity: &str) -> Kinds {
        match entity {
            "city" => Kinds::CITIES,
            "network" => Kinds::NETWORKS,
            "membership" => Kinds::MEMBERSHIPS,
            "partnership" => Kinds::PARTNERSHIPS,
            _ => Kinds::ALL,
        }
    }
}

/// The names of the queries (as jobs, the CLI and metrics spell them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QueryName {
    Centrality,
    Components,
    Path,
    Neighbourhood,
    Overlap,
    TopPairs,
    Saturation,
    SaturationTimeline,
    SimilarCities,
    NetworkRecommendations,
    Lapses,
    Survival,
    Timeline,
    CityTimeline,
}

impl QueryName {
    pub const ALL: [QueryName; 14] = [
        QueryName::Centrality,
        QueryName::Components,
        QueryName::Path,
        QueryName::Neighbourhood,
        QueryName::Overlap,
        QueryName::TopPairs,
        QueryName::Saturation,
        QueryName::SaturationTimeline,
        QueryName::SimilarCities,
        QueryName::NetworkRecommendations,
        QueryName::Lapses,
        QueryName::Survival,
        QueryName::Timeline,
        QueryName::CityTimeline,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QueryName::Centrality => "centrality",
            QueryName::Components => "components",
            QueryName::Path => "path",
            QueryName::Neighbourhood => "neighbourhood",
            QueryName::Overlap => "overlap",
            QueryName::TopPairs => "top_pairs",
            QueryName::Saturation => "saturation",
            QueryName::SaturationTimeline => "saturation_timeline",
            QueryName::SimilarCities => "similar_cities",
            QueryName::NetworkRecommendations => "network_recommendations",
            QueryName::Lapses => "lapses",
            QueryName::Survival => "survival",
            QueryName::Timeline => "timeline",
            QueryName::CityTimeline => "city_timeline",
        }
    }

    /// The field of the answer that holds its rows (what a table of the answer lists).
    pub fn rows_field(self) -> &'static str {
        match self {
            QueryName::Centrality => "results",
            QueryName::Components => "components",
            QueryName::Path => "hops",
            QueryName::Neighbourhood => "cities",
            QueryName::Overlap => "intersections",
            QueryName::TopPairs => "pairs",
            QueryName::Saturation => "groups",
            QueryName::SaturationTimeline => "years",
            QueryName::SimilarCities => "similar",
            QueryName::NetworkRecommendations => "recommendations",
            QueryName::Lapses => "rows",
            QueryName::Survival => "groups",
            QueryName::Timeline => "series",
            QueryName::CityTimeline => "entries",
        }
    }

    /// Whether the query is about one city, named by the `id` path parameter of its GET route.
    pub fn takes_city_id(self) -> bool {
        matches!(
            self,
            QueryName::Neighbourhood
                | QueryName::SimilarCities
                | QueryName::NetworkRecommendations
                | QueryName::CityTimeline
        )
    }
}

impl fmt::Display for QueryName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for QueryName {
    type Err = Error;
    fn from_str(s: &str) -> Result<QueryName> {
        QueryName::ALL
            .into_iter()
            .find(|q| q.as_str() == s)
            .ok_or_else(|| Error::UnknownQuery(s.to_owned()))
    }
}

// ---------------------------------------------------------------------------------------------
// Shared parsers

fn analytics_error(code: &'static str, message: String) -> Error {
    Error::Analytics {
        code,
        message,
        not_found: false,
    }
}

/// Parses `as_of` (default: today) by the partial-date rule.
pub fn parse_as_of(raw: Option<&str>) -> Result<Day> {
    match raw {
        None | Some("") => Ok(Day::today()),
        Some(s) => s
            .parse::<PartialDate>()
            .map(PartialDate::first_day)
            .map_err(|e| analytics_error("invalid_date", format!("as_of: {e}"))),
    }
}

/// An optional `as_of` of a history read: absent means every recorded event (no cut).
fn known_on(raw: Option<&str>) -> Result<Option<Day>> {
    match raw {
        None | Some("") => Ok(None),
        Some(_) => parse_as_of(raw).map(Some),
    }
}

fn parse_region(raw: Option<&str>) -> Result<Option<Region>> {
    raw.filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<Region>()
                .map_err(|e| analytics_error("invalid_region", e.to_string()))
        })
        .transpose()
}

fn parse_country(raw: Option<&str>) -> Result<Option<CountryCode>> {
    raw.filter(|s| !s.is_empty())
        .map(|s| CountryCode::new(s).map_err(|e| analytics_error("invalid_country", e.to_string())))
        .transpose()
}

fn parse_network(name: &'static str, raw: &str) -> Result<NetworkId> {
    NetworkId::new(raw.trim()).map_err(|e| Error::bad_param(name, e.to_string()))
}

fn parse_networks(name: &'static str, raw: &str) -> Result<Vec<NetworkId>> {
    raw.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| parse_network(name, s))
        .collect()
}

fn parse_projection(raw: Option<&str>) -> Result<ProjectionKind> {
    match raw {
        None | Some("") => Ok(ProjectionKind::Twinning),
        Some(p) => p
            .parse()
            .map_err(|e: citygraph_core::algo::projection::ProjectionError| {
                analytics_error(e.code(), e.to_string())
            }),
    }
}

fn year(query: QueryName, name: &'static str, raw: Option<i32>) -> Result<Option<i32>> {
    if let Some(y) = raw {
        check(query, name, f64::from(y))?;
    }
    Ok(raw)
}

fn years(
    query: QueryName,
    from: Option<i32>,
    to: Option<i32>,
    default_from: i32,
) -> Result<(i32, i32)> {
    let from = year(query, "from", from)?.unwrap_or(default_from);
    let to = year(query, "to", to)?.unwrap_or_else(|| Day::today().year());
    if to < from {
        return Err(Error::bad_param(
            "to",
            format!("{to} is before from={from}"),
        ));
    }
    Ok((from, to))
}

/// The filter of a query: `as_of` and the restrictions it reads.
fn filter(
    as_of: Option<&str>,
    region: Option<&str>,
    country: Option<&str>,
    kind: Option<PartnershipKind>,
    network: Option<&str>,
) -> Result<Filter> {
    let mut f = Filter::on(parse_as_of(as_of)?);
    f.region = parse_region(region)?;
    f.country = parse_country(country)?;
    f.kind = kind;
    f.network = network
        .filter(|n| !n.trim().is_empty())
        .map(|n| parse_network("network", n))
        .transpose()?;
    Ok(f)
}

fn city_id(id: &str) -> Result<String> {
    if id.is_empty() {
        return Err(Error::bad_param("id", "a city id is needed"));
    }
    Ok(id.to_owned())
}

// ---------------------------------------------------------------------------------------------
// Parameters as written (query string, job params, CLI flags)

/// Parameters of `GET /v1/analytics/centrality`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CentralityParams {
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
    /// Convergence tolerance of the iterative metrics (default 1e-12).
    pub tol: Option<f64>,
    /// Betweenness only: use this many sampled sources (Brandes-Pich source sampling), weighted so
    /// that the expected value is the exact one; at least n gives the exact value.
    pub sample: Option<usize>,
    /// Seed of the source sample (default 0).
    pub seed: Option<u64>,
}

/// Parameters of `GET /v1/analytics/components`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ComponentsParams {
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

/// Parameters of `GET /v1/paths`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PathParams {
    /// City id to start from.
    pub from: String,
    /// City id to reach.
    pub to: String,
    /// Default today.
    pub as_of: Option<String>,
    /// Only links of this kind.
    pub kind: Option<PartnershipKind>,
}

/// Parameters of `GET /v1/cities/{id}/neighbourhood` (the city is the path's `id`).
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct NeighbourhoodParams {
    /// Hops (default 2, at most 6).
    pub depth: Option<u32>,
    /// Default today.
    pub as_of: Option<String>,
    pub kind: Option<PartnershipKind>,
}

/// Parameters of `GET /v1/analytics/overlap`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
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

/// Parameters of `GET /v1/analytics/overlap/top`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
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

/// Parameters of `GET /v1/analytics/saturation`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SaturationParams {
    /// Default today.
    pub as_of: Option<String>,
    /// `none` (default), `region`, `country` or `network`.
    pub by: Option<GroupBy>,
    pub region: Option<String>,
    pub country: Option<String>,
}

/// Parameters of `GET /v1/analytics/saturation/timeline`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
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

/// Parameters of `GET /v1/cities/{id}/similar` (the city is the path's `id`).
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
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

/// Parameters of `GET /v1/cities/{id}/recommendations/networks` (the city is the path's `id`).
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct RecommendParams {
    /// How many networks (default 10, at most 100).
    pub top: Option<usize>,
    /// Default today.
    pub as_of: Option<String>,
}

/// Parameters of `GET /v1/analytics/lapses`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct LapsesParams {
    /// `year` (default), `country-pair`, `region-pair` or `kind`.
    pub by: Option<LapseBy>,
    /// First year (default 1950).
    pub from: Option<i32>,
    /// Last year (default this year).
    pub to: Option<i32>,
    /// For the pair and kind groupings: one row per group and year (default false: one per group).
    pub yearly: Option<bool>,
    /// What was known on this day (valid time): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a partial date
    /// standing for the first day of its period. Events dated later are left out, and links not
    /// yet established on it are not counted. Default: every recorded event.
    pub as_of: Option<String>,
    /// Only links both of whose cities are in this region (`europe`, `asia-pacific`, ...).
    pub region: Option<String>,
    /// Only links both of whose cities are in this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Only links of this kind.
    pub kind: Option<PartnershipKind>,
}

/// Parameters of `GET /v1/analytics/survival`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SurvivalParams {
    /// `none` (default), `kind`, `region-pair` or `decade` (of establishment).
    pub group_by: Option<SurvivalGroupBy>,
    /// Comma-separated event types that end a link (default `terminated,lapsed`; `suspended` may be added).
    pub ending: Option<String>,
    /// Censoring day (default today).
    pub as_of: Option<String>,
    /// Only links both of whose cities are in this region (`europe`, `asia-pacific`, ...).
    pub region: Option<String>,
    /// Only links both of whose cities are in this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Only links of this kind.
    pub kind: Option<PartnershipKind>,
}

/// Parameters of `GET /v1/analytics/timeline`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct TimelineParams {
    /// `active_links` (default), `new_links`, `ended_links` or `memberships`.
    pub metric: Option<TimelineMetric>,
    /// First year (default 1950).
    pub from: Option<i32>,
    /// Last year (default this year).
    pub to: Option<i32>,
    /// `region` or `region-pair` to split the series.
    pub by: Option<TimelineBy>,
    /// What was known on this day (valid time): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a partial date
    /// standing for the first day of its period. Events dated later are left out, and links not
    /// yet established on it are not counted. Default: every recorded event.
    pub as_of: Option<String>,
    /// Only links (and memberships of cities) both of whose cities are in this region (`europe`, `asia-pacific`, ...).
    pub region: Option<String>,
    /// Only links both of whose cities are in this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Only links of this kind.
    pub kind: Option<PartnershipKind>,
}

/// Parameters of `GET /v1/cities/{id}/timeline`.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CityTimelineParams {
    /// What was known on this day (valid time): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a partial date
    /// standing for the first day of its period. Events dated later are left out, and links not
    /// yet established on it are not counted. Default: every recorded event.
    pub as_of: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Typed requests

/// A centrality ranking (see `citygraph_core::algo::centrality`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CentralityRequest {
    pub metric: Metric,
    pub projection: ProjectionKind,
    pub filter: Filter,
    pub top: Option<usize>,
    pub normalized: bool,
    pub weighted: bool,
    pub damping: F64,
    pub alpha: F64,
    pub beta: F64,
    pub max_iter: Option<usize>,
    pub tol: Option<F64>,
    pub sample: Option<usize>,
    pub seed: u64,
}

impl CentralityRequest {
    pub fn new(p: &CentralityParams) -> Result<CentralityRequest> {
        const Q: QueryName = QueryName::Centrality;
        let metric: Metric = p
            .metric
            .parse()
            .map_err(|e: centrality::CentralityError| analytics_error(e.code(), e.to_string()))?;
        let projection = parse_projection(p.projection.as_deref())?;
        let filter = filter(
            p.as_of.as_deref(),
            p.region.as_deref(),
            p.country.as_deref(),
            p.kind,
            p.network.as_deref(),
        )?;
        for (name, v) in [
            ("top", p.top.map(|x| x as f64)),
            ("damping", p.damping),
            ("alpha", p.alpha),
            ("beta", p.beta),
            ("max_iter", p.max_iter.map(|x| x as f64)),
            ("tol", p.tol),
            ("sample", p.sample.map(|x| x as f64)),
        ] {
            if let Some(v) = v {
                check(Q, name, v)?;
            }
        }
        let d = CoreCentralityParams::default();
        let params = CoreCentralityParams {
            normalized: p.normalized.unwrap_or(d.normalized),
            weighted: p.weighted.unwrap_or(d.weighted),
            damping: p.damping.unwrap_or(d.damping),
            alpha: p.alpha.unwrap_or(d.alpha),
            beta: p.beta.unwrap_or(d.beta),
            max_iter: p.max_iter,
            tol: p.tol,
            sample: p.sample,
            seed: p.seed.unwrap_or(d.seed),
            threads: None,
        };
        params
            .validate(metric)
            .map_err(|e| analytics_error(e.code(), e.to_string()))?;
        // What the metric does not read takes its default, so that equal questions are equal keys.
        let iterative = metric.is_iterative();
        Ok(CentralityRequest {
            metric,
            projection,
            filter,
            top: p.top,
            normalized: if metric.has_normalization() {
                params.normalized
            } else {
                d.normalized
            },
            weighted: params.weighted,
            damping: F64(if metric == Metric::Pagerank {
                params.damping
            } else {
                d.damping
            }),
            alpha: F64(if metric == Metric::Katz {
                params.alpha
            } else {
                d.alpha
            }),
            beta: F64(if metric == Metric::Katz {
                params.beta
            } else {
                d.beta
            }),
            max_iter: params.max_iter.filter(|_| iterative),
            tol: params.tol.filter(|_| iterative).map(F64),
            sample: params.sample,
            seed: if params.sample.is_some() {
                params.seed
            } else {
                0
            },
        })
    }

    /// The parameters of the core algorithm.
    pub fn core_params(&self, threads: Option<usize>) -> CoreCentralityParams {
        CoreCentralityParams {
            normalized: self.normalized,
            weighted: self.weighted,
            damping: self.damping.0,
            alpha: self.alpha.0,
            beta: self.beta.0,
            max_iter: self.max_iter,
            tol: self.tol.map(|t| t.0),
            sample: self.sample,
            seed: self.seed,
            threads,
        }
    }
}

/// Connected components of a projection.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ComponentsRequest {
    pub projection: ProjectionKind,
    pub filter: Filter,
    pub members: bool,
    pub top: Option<usize>,
}

impl ComponentsRequest {
    pub fn new(p: &ComponentsParams) -> Result<ComponentsRequest> {
        if let Some(t) = p.top {
            check(QueryName::Components, "top", t as f64)?;
        }
        Ok(ComponentsRequest {
            projection: parse_projection(p.projection.as_deref())?,
            filter: filter(
                p.as_of.as_deref(),
                p.region.as_deref(),
                p.country.as_deref(),
                p.kind,
                p.network.as_deref(),
            )?,
            members: p.members.unwrap_or(false),
            top: p.top,
        })
    }
}

/// The shortest chain of active links between two cities.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PathRequest {
    pub from: String,
    pub to: String,
    pub filter: Filter,
}

impl PathRequest {
    pub fn new(p: &PathParams) -> Result<PathRequest> {
        if p.from.is_empty() || p.to.is_empty() {
            return Err(Error::bad_param("from", "both from and to are needed"));
        }
        Ok(PathRequest {
            from: p.from.clone(),
            to: p.to.clone(),
            filter: filter(p.as_of.as_deref(), None, None, p.kind, None)?,
        })
    }
}

/// The cities within `depth` active links of a city.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NeighbourhoodRequest {
    pub city: String,
    pub depth: u32,
    pub filter: Filter,
}

impl NeighbourhoodRequest {
    pub fn new(city: &str, p: &NeighbourhoodParams) -> Result<NeighbourhoodRequest> {
        let depth = p.depth.unwrap_or(DEFAULT_DEPTH);
        check(QueryName::Neighbourhood, "depth", f64::from(depth))?;
        Ok(NeighbourhoodRequest {
            city: city_id(city)?,
            depth,
            filter: filter(p.as_of.as_deref(), None, None, p.kind, None)?,
        })
    }
}

/// Overlap of chosen networks.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OverlapRequest {
    pub filter: Filter,
    pub networks: Vec<NetworkId>,
    pub cell: Option<Vec<NetworkId>>,
}

impl OverlapRequest {
    pub fn new(p: &OverlapParams) -> Result<OverlapRequest> {
        let networks = parse_networks("networks", &p.networks)?;
        let cell = match (&p.cell, p.members.unwrap_or(false)) {
            (Some(c), _) => Some(parse_networks("cell", c)?),
            (None, true) => Some(networks.clone()),
            (None, false) => None,
        };
        Ok(OverlapRequest {
            filter: filter(
                p.as_of.as_deref(),
                p.region.as_deref(),
                p.country.as_deref(),
                None,
                None,
            )?,
            networks,
            cell,
        })
    }
}

/// The most overlapping pairs of networks.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TopPairsRequest {
    pub filter: Filter,
    pub min_shared: u64,
    pub measure: OverlapMeasure,
    pub top: usize,
}

impl TopPairsRequest {
    pub fn new(p: &TopPairsParams) -> Result<TopPairsRequest> {
        const Q: QueryName = QueryName::TopPairs;
        let top = p.top.unwrap_or(DEFAULT_TOP_PAIRS);
        check(Q, "top", top as f64)?;
        let min_shared = p.min_shared.unwrap_or(1);
        check(Q, "min_shared", min_shared as f64)?;
        Ok(TopPairsRequest {
            filter: filter(
                p.as_of.as_deref(),
                p.region.as_deref(),
                p.country.as_deref(),
                None,
                None,
            )?,
            min_shared,
            measure: p.measure.unwrap_or_default(),
            top,
        })
    }
}

/// Saturation on a day.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SaturationRequest {
    pub filter: Filter,
    pub by: GroupBy,
}

impl SaturationRequest {
    pub fn new(p: &SaturationParams) -> Result<SaturationRequest> {
        Ok(SaturationRequest {
            filter: filter(
                p.as_of.as_deref(),
                p.region.as_deref(),
                p.country.as_deref(),
                None,
                None,
            )?,
            by: p.by.unwrap_or(GroupBy::None),
        })
    }
}

/// Saturation per year.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SaturationTimelineRequest {
    pub region: Option<Region>,
    pub country: Option<CountryCode>,
    pub by: GroupBy,
    pub from: i32,
    pub to: i32,
}

impl SaturationTimelineRequest {
    pub fn new(p: &SaturationTimelineParams) -> Result<SaturationTimelineRequest> {
        let (from, to) = years(
            QueryName::SaturationTimeline,
            p.from,
            p.to,
            DEFAULT_SATURATION_FROM_YEAR,
        )?;
        if to - from + 1 > MAX_TIMELINE_YEARS {
            return Err(analytics_error(
                "range_too_long",
                format!(
                    "the range covers {} years; at most {MAX_TIMELINE_YEARS} are allowed",
                    to - from + 1
                ),
            ));
        }
        Ok(SaturationTimelineRequest {
            region: parse_region(p.region.as_deref())?,
            country: parse_country(p.country.as_deref())?,
            by: p.by.unwrap_or(GroupBy::None),
            from,
            to,
        })
    }

    pub(crate) fn filter(&self) -> Filter {
        let mut f = Filter::on(Day::today());
        f.region = self.region;
        f.country = self.country;
        f
    }
}

/// Cities with similar portfolios.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SimilarCitiesRequest {
    pub city: String,
    pub filter: Filter,
    pub by: SimilarityBasis,
    pub measure: SetMeasure,
    pub top: usize,
}

impl SimilarCitiesRequest {
    pub fn new(city: &str, p: &SimilarParams) -> Result<SimilarCitiesRequest> {
        let top = p.top.unwrap_or(DEFAULT_TOP_SIMILAR);
        check(QueryName::SimilarCities, "top", top as f64)?;
        Ok(SimilarCitiesRequest {
            city: city_id(city)?,
            filter: filter(
                p.as_of.as_deref(),
                p.region.as_deref(),
                p.country.as_deref(),
                None,
                None,
            )?,
            by: p.by.unwrap_or(SimilarityBasis::Networks),
            measure: p.measure.unwrap_or(SetMeasure::Jaccard),
            top,
        })
    }
}

/// Networks that similar cities belong to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RecommendationsRequest {
    pub city: String,
    pub filter: Filter,
    pub top: usize,
    pub neighbours: usize,
}

impl RecommendationsRequest {
    pub fn new(city: &str, p: &RecommendParams) -> Result<RecommendationsRequest> {
        let top = p.top.unwrap_or(DEFAULT_TOP_RECOMMENDED);
        check(QueryName::NetworkRecommendations, "top", top as f64)?;
        Ok(RecommendationsRequest {
            city: city_id(city)?,
            filter: filter(p.as_of.as_deref(), None, None, None, None)?,
            top,
            neighbours: DEFAULT_NEIGHBOURS,
        })
    }
}

/// Lapse counts and rates.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LapsesRequest {
    pub by: LapseBy,
    pub from: i32,
    pub to: i32,
    pub yearly: bool,
    /// Valid time: the events known on this day (`None`: every event).
    pub as_of: Option<Day>,
    pub scope: LinkScope,
}

/// The links a link-history query reads: those of a kind, and those both of whose cities are in
/// a region and a country (each `None`: no restriction), as the map's filters keep them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LinkScope {
    pub region: Option<Region>,
    pub country: Option<CountryCode>,
    pub kind: Option<PartnershipKind>,
}

impl LinkScope {
    fn new(
        region: Option<&str>,
        country: Option<&str>,
        kind: Option<PartnershipKind>,
    ) -> Result<LinkScope> {
        Ok(LinkScope {
            region: parse_region(region)?,
            country: parse_country(country)?,
            kind,
        })
    }

    /// `table` restricted to the scope (the same table when nothing is restricted).
    pub fn apply(&self, table: std::sync::Arc<LinkTable>) -> std::sync::Arc<LinkTable> {
        if *self == LinkScope::default() {
            return table;
        }
        std::sync::Arc::new(table.restricted(self.region, self.country, self.kind))
    }
}

impl LapsesRequest {
    pub fn new(p: &LapsesParams) -> Result<LapsesRequest> {
        let from = year(QueryName::Lapses, "from", p.from)?.unwrap_or(DEFAULT_FROM_YEAR);
        let to = year(QueryName::Lapses, "to", p.to)?.unwrap_or_else(|| Day::today().year());
        Ok(LapsesRequest {
            by: p.by.unwrap_or(LapseBy::Year),
            from,
            to,
            yearly: p.yearly.unwrap_or(false),
            as_of: known_on(p.as_of.as_deref())?,
            scope: LinkScope::new(p.region.as_deref(), p.country.as_deref(), p.kind)?,
        })
    }
}

/// Kaplan-Meier survival of links.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SurvivalRequest {
    pub group_by: SurvivalGroupBy,
    pub ending: Vec<EventType>,
    pub as_of: Day,
    pub scope: LinkScope,
}

impl SurvivalRequest {
    pub fn new(p: &SurvivalParams) -> Result<SurvivalRequest> {
        let mut ending = match p.ending.as_deref() {
            None | Some("") => survival::DEFAULT_ENDING.to_vec(),
            Some(e) => {
                survival::parse_ending(e).map_err(|e| analytics_error(e.code(), e.to_string()))?
            }
        };
        ending.sort_by_key(|e| e.as_str());
        ending.dedup();
        Ok(SurvivalRequest {
            group_by: p.group_by.unwrap_or(SurvivalGroupBy::None),
            ending,
            as_of: parse_as_of(p.as_of.as_deref())?,
            scope: LinkScope::new(p.region.as_deref(), p.country.as_deref(), p.kind)?,
        })
    }
}

/// A yearly series of links or memberships.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TimelineRequest {
    pub metric: TimelineMetric,
    pub from: i32,
    pub to: i32,
    pub by: Option<TimelineBy>,
    /// Valid time: the events known on this day (`None`: every event).
    pub as_of: Option<Day>,
    pub scope: LinkScope,
}

impl TimelineRequest {
    pub fn new(p: &TimelineParams) -> Result<TimelineRequest> {
        let (from, to) = years(QueryName::Timeline, p.from, p.to, DEFAULT_FROM_YEAR)?;
        Ok(TimelineRequest {
            metric: p.metric.unwrap_or(TimelineMetric::ActiveLinks),
            from,
            to,
            by: p.by,
            as_of: known_on(p.as_of.as_deref())?,
            scope: LinkScope::new(p.region.as_deref(), p.country.as_deref(), p.kind)?,
        })
    }
}

/// One city's history.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CityTimelineRequest {
    pub city: String,
    /// Valid time: the entries dated on or before this day (`None`: every entry).
    pub as_of: Option<Day>,
}

impl CityTimelineRequest {
    pub fn new(city: &str, p: &CityTimelineParams) -> Result<CityTimelineRequest> {
        Ok(CityTimelineRequest {
            city: city_id(city)?,
            as_of: known_on(p.as_of.as_deref())?,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The enum over them

/// Any analytics query: the key of the result cache and the body of a job.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Query {
    Centrality(CentralityRequest),
    Components(ComponentsRequest),
    Path(PathRequest),
    Neighbourhood(NeighbourhoodRequest),
    Overlap(OverlapRequest),
    TopPairs(TopPairsRequest),
    Saturation(SaturationRequest),
    SaturationTimeline(SaturationTimelineRequest),
    SimilarCities(SimilarCitiesRequest),
    NetworkRecommendations(RecommendationsRequest),
    Lapses(LapsesRequest),
    Survival(SurvivalRequest),
    Timeline(TimelineRequest),
    CityTimeline(CityTimelineRequest),
}

/// Sizes of a graph version, known without a scan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sizes {
    pub cities: u64,
    pub partnerships: u64,
    pub networks: u64,
    pub memberships: u64,
}

impl Sizes {
    pub fn of(s: &Snapshot) -> Sizes {
        Sizes {
            cities: s.cities.len() as u64,
            partnerships: s.partnerships.len() as u64,
            networks: s.networks.len() as u64,
            memberships: s.memberships.len() as u64,
        }
    }
}

/// What a query will cost, estimated before it starts from the sizes of the graph version (an
/// upper bound on the projection: every city and every link, before any filter).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Estimate {
    /// Nodes of the graph the query reads.
    pub nodes: u64,
    /// Edges (or memberships) of the graph the query reads.
    pub edges: u64,
    /// Single-source searches.
    pub sources: u64,
    /// Iterations (or yearly passes).
    pub iterations: u64,
    /// Estimated work: about one unit per node or edge visited.
    pub work: u64,
    /// The most work a query may take here (the budget it was checked against).
    pub budget: u64,
}

fn pairs(n: u64) -> u64 {
    n.saturating_mul(n.saturating_sub(1)) / 2
}

impl Query {
    pub fn name(&self) -> QueryName {
        match self {
            Query::Centrality(_) => QueryName::Centrality,
            Query::Components(_) => QueryName::Components,
            Query::Path(_) => QueryName::Path,
            Query::Neighbourhood(_) => QueryName::Neighbourhood,
            Query::Overlap(_) => QueryName::Overlap,
            Query::TopPairs(_) => QueryName::TopPairs,
            Query::Saturation(_) => QueryName::Saturation,
            Query::SaturationTimeline(_) => QueryName::SaturationTimeline,
            Query::SimilarCities(_) => QueryName::SimilarCities,
            Query::NetworkRecommendations(_) => QueryName::NetworkRecommendations,
            Query::Lapses(_) => QueryName::Lapses,
            Query::Survival(_) => QueryName::Survival,
            Query::Timeline(_) => QueryName::Timeline,
            Query::CityTimeline(_) => QueryName::CityTimeline,
        }
    }

    /// Parses a query from its name and its parameters as the GET route's query string names
    /// them (JSON strings, numbers or booleans; a city of a per-city route as `id`).
    pub fn parse(name: &str, params: &serde_json::Map<String, serde_json::Value>) -> Result<Query> {
        let name: QueryName = name.parse()?;
        let mut pairs: Vec<(String, String)> = Vec::with_capacity(params.len());
        let mut id = None;
        for (k, v) in params {
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Bool(b) => b.to_string(),
                serde_json::Value::Null => continue,
                _ => {
                    return Err(Error::BadBody(format!(
                        "params.{k}: a parameter is a string, a number or a boolean"
                    )))
                }
            };
            if k == "id" && name.takes_city_id() {
                id = Some(text);
            } else {
                pairs.push((k.clone(), text));
            }
        }
        let qs = serde_urlencoded::to_string(&pairs).map_err(|e| Error::BadBody(e.to_string()))?;
        let id = match (name.takes_city_id(), id) {
            (true, Some(id)) => id,
            (true, None) => return Err(Error::bad_param("id", "this query needs a city id")),
            (false, _) => String::new(),
        };
        Query::from_query_string(name, &id, &qs)
    }

    /// Parses a query from a URL query string (`a=1&b=2`), with the city `id` of a per-city query.
    pub fn from_query_string(name: QueryName, id: &str, qs: &str) -> Result<Query> {
        fn params<T: serde::de::DeserializeOwned>(qs: &str) -> Result<T> {
            serde_urlencoded::from_str(qs).map_err(|e| Error::BadParameter {
                name: "query",
                message: e.to_string(),
            })
        }
        Ok(match name {
            QueryName::Centrality => Query::Centrality(CentralityRequest::new(&params(qs)?)?),
            QueryName::Components => Query::Components(ComponentsRequest::new(&params(qs)?)?),
            QueryName::Path => Query::Path(PathRequest::new(&params(qs)?)?),
            QueryName::Neighbourhood => {
                Query::Neighbourhood(NeighbourhoodRequest::new(id, &params(qs)?)?)
            }
            QueryName::Overlap => Query::Overlap(OverlapRequest::new(&params(qs)?)?),
            QueryName::TopPairs => Query::TopPairs(TopPairsRequest::new(&params(qs)?)?),
            QueryName::Saturation => Query::Saturation(SaturationRequest::new(&params(qs)?)?),
            QueryName::SaturationTimeline => {
                Query::SaturationTimeline(SaturationTimelineRequest::new(&params(qs)?)?)
            }
            QueryName::SimilarCities => {
                Query::SimilarCities(SimilarCitiesRequest::new(id, &params(qs)?)?)
            }
            QueryName::NetworkRecommendations => {
                Query::NetworkRecommendations(RecommendationsRequest::new(id, &params(qs)?)?)
            }
            QueryName::Lapses => Query::Lapses(LapsesRequest::new(&params(qs)?)?),
            QueryName::Survival => Query::Survival(SurvivalRequest::new(&params(qs)?)?),
            QueryName::Timeline => Query::Timeline(TimelineRequest::new(&params(qs)?)?),
            QueryName::CityTimeline => {
                Query::CityTimeline(CityTimelineRequest::new(id, &params(qs)?)?)
            }
        })
    }

    /// The filter of the query, when it has one.
    pub fn filter(&self) -> Option<&Filter> {
        match self {
            Query::Centrality(r) => Some(&r.filter),
            Query::Components(r) => Some(&r.filter),
            Query::Path(r) => Some(&r.filter),
            Query::Neighbourhood(r) => Some(&r.filter),
            Query::Overlap(r) => Some(&r.filter),
            Query::TopPairs(r) => Some(&r.filter),
            Query::Saturation(r) => Some(&r.filter),
            Query::SimilarCities(r) => Some(&r.filter),
            Query::NetworkRecommendations(r) => Some(&r.filter),
            Query::SaturationTimeline(_)
            | Query::Lapses(_)
            | Query::Survival(_)
            | Query::Timeline(_)
            | Query::CityTimeline(_) => None,
        }
    }

    /// The day the answer is about, when it depends on one (part of the ETag).
    pub fn day(&self) -> Option<Day> {
        match self {
            Query::Survival(r) => Some(r.as_of),
            Query::Lapses(LapsesRequest { as_of, .. })
            | Query::Timeline(TimelineRequest { as_of, .. })
            | Query::CityTimeline(CityTimelineRequest { as_of, .. }) => *as_of,
            other => other.filter().map(|f| f.as_of),
        }
    }

    /// The entity kinds the answer depends on.
    pub fn reads(&self) -> Kinds {
        let c = Kinds::CITIES;
        let cp = c.with(Kinds::PARTNERSHIPS);
        let cnm = c.with(Kinds::NETWORKS).with(Kinds::MEMBERSHIPS);
        let projected = |kind: ProjectionKind, f: &Filter| match kind {
            ProjectionKind::Twinning if f.network.is_some() => cp.with(cnm),
            ProjectionKind::Twinning => cp,
            _ => cnm,
        };
        match self {
            Query::Centrality(r) => projected(r.projection, &r.filter),
            Query::Components(r) => projected(r.projection, &r.filter),
            Query::Path(_) | Query::Neighbourhood(_) => cp,
            Query::Overlap(_)
            | Query::TopPairs(_)
            | Query::Saturation(_)
            | Query::SaturationTimeline(_)
            | Query::NetworkRecommendations(_) => cnm,
            Query::SimilarCities(r) => match r.by {
                SimilarityBasis::Networks => cnm,
                SimilarityBasis::Partners => cp,
            },
            Query::Lapses(_) | Query::Survival(_) => cp,
            Query::Timeline(r) => match r.metric {
                TimelineMetric::Memberships => c.with(Kinds::MEMBERSHIPS),
                _ => cp,
            },
            Query::CityTimeline(_) => Kinds::ALL,
        }
    }

    /// Checks what the query names exists in `snap` (cities, networks): cheap point lookups,
    /// done before any work is admitted. A city named by a former id (an alias of the city that
    /// absorbed it) is rewritten to its current id, so the answer and its cache key are the
    /// city's own.
    pub fn check_references(&mut self, snap: &Snapshot) -> Result<()> {
        if let Some(n) = self.filter().and_then(|f| f.network.as_ref()) {
            entities::network(snap, n.as_str())?;
        }
        let canonical = |id: &mut String| -> Result<()> {
            let city = entities::city(snap, id)?;
            if city.id.as_str() != id.as_str() {
                *id = city.id.to_string();
            }
            Ok(())
        };
        match self {
            Query::Path(r) => {
                canonical(&mut r.from)?;
                canonical(&mut r.to)?;
            }
            Query::Neighbourhood(NeighbourhoodRequest { city, .. })
            | Query::SimilarCities(SimilarCitiesRequest { city, .. })
            | Query::NetworkRecommendations(RecommendationsRequest { city, .. })
            | Query::CityTimeline(CityTimelineRequest { city, .. }) => {
                canonical(city)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// What the query will cost on a graph of these sizes (see [`Estimate`]); `budget` is left 0.
    pub fn estimate(&self, s: &Sizes) -> Estimate {
        let projection = |kind: ProjectionKind| -> (u64, u64) {
            match kind {
                ProjectionKind::Twinning => (s.cities, s.partnerships),
                ProjectionKind::CoMembership => {
                    let n = s.cities.min(s.memberships);
                    (n, pairs(n).min(DEFAULT_MAX_PAIRS / 2))
                }
                ProjectionKind::Bipartite => (s.cities + s.networks, s.memberships),
                ProjectionKind::Networks => {
                    (s.networks, pairs(s.networks).min(DEFAULT_MAX_PAIRS / 2))
                }
            }
        };
        let build = |n: u64, e: u64| n.saturating_add(e);
        let visit = |n: u64, e: u64| n.saturating_add(e.saturating_mul(2));
        let mut est = Estimate::default();
        match self {
            Query::Centrality(r) => {
                let (n, e) = projection(r.projection);
                est.nodes = n;
                est.edges = e;
                let per_pass = visit(n, e);
                let work = match r.metric {
                    Metric::Degree | Metric::Core => per_pass,
                    Metric::Clustering => {
                        // Σ deg² for a graph of mean degree 2e/n.
                        let mean = e.saturating_mul(2).checked_div(n).unwrap_or(0);
                        per_pass.saturating_mul(1 + mean)
                    }
                    Metric::Betweenness | Metric::Closeness | Metric::Harmonic => {
                        est.sources = match r.sample {
                            Some(k) if r.metric == Metric::Betweenness => (k as u64).min(n),
                            _ => n,
                        };
                        est.sources.saturating_mul(per_pass)
                    }
                    Metric::Eigenvector | Metric::Pagerank | Metric::Katz => {
                        let iters = r.max_iter.unwrap_or(centrality::DEFAULT_MAX_ITER) as u64;
                        est.iterations = if r.metric == Metric::Katz {
                            iters + 200
                        } else {
                            iters
                        };
                        est.iterations.saturating_mul(per_pass)
                    }
                };
                est.work = build(n, e).saturating_add(work);
            }
            Query::Components(r) => {
                let (n, e) = projection(r.projection);
                est.nodes = n;
                est.edges = e;
                est.work = build(n, e).saturating_add(visit(n, e));
            }
            Query::Path(_) | Query::Neighbourhood(_) => {
                est.nodes = s.cities;
                est.edges = s.partnerships;
                est.sources = 1;
                est.work =
                    build(s.cities, s.partnerships).saturating_add(visit(s.cities, s.partnerships));
            }
            Query::Overlap(_) | Query::Saturation(_) | Query::NetworkRecommendations(_) => {
                est.nodes = s.cities + s.networks;
                est.edges = s.memberships;
                est.work = build(est.nodes, est.edges);
            }
            Query::SimilarCities(r) => {
                est.nodes = s.cities;
                est.edges = match r.by {
                    SimilarityBasis::Networks => s.memberships,
                    SimilarityBasis::Partners => s.partnerships,
                };
                est.work = build(est.nodes, est.edges.saturating_mul(8));
            }
            Query::TopPairs(_) => {
                est.nodes = s.cities + s.networks;
                est.edges = s.memberships;
                // Σ over cities of their networks squared: at most memberships x networks.
                est.work = build(est.nodes, est.edges)
                    .saturating_add(s.memberships.saturating_mul(s.networks.max(1)));
            }
            Query::SaturationTimeline(r) => {
                est.nodes = s.cities + s.networks;
                est.edges = s.memberships;
                est.iterations = (r.to - r.from + 1) as u64;
                est.work = est.iterations.saturating_mul(build(est.nodes, est.edges));
            }
            Query::Lapses(_) | Query::Survival(_) | Query::Timeline(_) => {
                est.nodes = s.cities;
                est.edges = s.partnerships + s.memberships;
                est.work = build(est.nodes, est.edges);
            }
            Query::CityTimeline(_) => {
                est.nodes = 1;
                est.work = 1;
            }
        }
        est
    }
}

/// Reads a job's body, `{"query": NAME, "params": {...}}`.
impl<'de> Deserialize<'de> for Query {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Query, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Body {
            query: String,
            #[serde(default)]
            params: serde_json::Map<String, serde_json::Value>,
        }
        let b = Body::deserialize(d)?;
        Query::parse(&b.query, &b.params).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn parse(name: &str, params: serde_json::Value) -> Result<Query> {
        Query::parse(name, params.as_object().unwrap())
    }

    #[test]
    fn job_params_and_query_strings_make_the_same_request() {
        let a = parse(
            "centrality",
            json!({"metric": "pagerank", "damping": 0.5, "top": "20", "as_of": "2018-06-01"}),
        )
        .unwrap();
        let b = Query::from_query_string(
            QueryName::Centrality,
            "",
            "metric=pagerank&damping=0.5&top=20&as_of=2018-06-01",
        )
        .unwrap();
        assert_eq!(a, b);
        let c = parse("neighbourhood", json!({"id": "fr-paris", "depth": 3})).unwrap();
        assert_eq!(
            c,
            Query::from_query_string(QueryName::Neighbourhood, "fr-paris", "depth=3").unwrap()
        );
        let body: Query =
            serde_json::from_value(json!({"query": "lapses", "params": {"from": 2000}})).unwrap();
        assert_eq!(body.name(), QueryName::Lapses);
    }

    #[test]
    fn parameters_a_metric_does_not_read_do_not_split_the_key() {
        let q = |qs: &str| Query::from_query_string(QueryName::Centrality, "", qs).unwrap();
        assert_eq!(
            q("metric=degree&as_of=2000"),
            q("metric=degree&damping=0.5&max_iter=10&tol=0.01&alpha=0.2&as_of=2000")
        );
        assert_ne!(
            q("metric=pagerank&as_of=2000"),
            q("metric=pagerank&damping=0.5&as_of=2000")
        );
    }

    #[test]
    fn bounds_refuse_extreme_parameters() {
        let bad = |qs: &str| {
            let e = Query::from_query_string(QueryName::Centrality, "", qs).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::BadRequest, "{qs}: {e}");
        };
        bad("metric=pagerank&tol=1e-300");
        bad("metric=pagerank&max_iter=1000000000000");
        bad("metric=pagerank&max_iter=10001");
        bad("metric=pagerank&damping=1");
        bad("metric=pagerank&damping=0");
        bad("metric=katz&alpha=1");
        bad("metric=betweenness&sample=0");
        bad("metric=betweenness&top=0");
        bad("metric=betweenness&top=18446744073709551615");
        assert!(Query::from_query_string(
            QueryName::Centrality,
            "",
            "metric=pagerank&tol=1e-12&max_iter=10000&damping=0.999"
        )
        .is_ok());
        let e = parse("nope", json!({})).unwrap_err();
        assert_eq!(e.code(), "unknown_query");
        let e = parse("lapses", json!({"from": [1]})).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::BadRequest);
    }

    #[test]
    fn every_bound_names_a_parameter_that_is_checked() {
        for b in BOUNDS {
            assert!(
                b.minimum.is_some() || b.exclusive_minimum.is_some(),
                "{:?}",
                b
            );
        }
    }

    #[test]
    fn queries_declare_what_they_read() {
        let q = |name, qs: &str| Query::from_query_string(name, "x", qs).unwrap().reads();
        let twinning = q(QueryName::Centrality, "metric=betweenness");
        assert!(!twinning.intersects(Kinds::MEMBERSHIPS));
        assert!(twinning.intersects(Kinds::PARTNERSHIPS));
        let overlap = q(QueryName::Overlap, "networks=a,b");
        assert!(!overlap.intersects(Kinds::PARTNERSHIPS));
        assert!(
            q(QueryName::Centrality, "metric=degree&network=c40").intersects(Kinds::MEMBERSHIPS)
        );
    }

    #[test]
    fn estimates_grow_with_the_work_asked_for() {
        let s = Sizes {
            cities: 1000,
            partnerships: 3000,
            networks: 10,
            memberships: 500,
        };
        let q = |qs: &str| {
            Query::from_query_string(QueryName::Centrality, "", qs)
                .unwrap()
                .estimate(&s)
        };
        let exact = q("metric=betweenness");
        assert_eq!(exact.sources, 1000);
        let sampled = q("metric=betweenness&sample=10");
        assert_eq!(sampled.sources, 10);
        assert!(sampled.work * 50 < exact.work);
        let pr = q("metric=pagerank&max_iter=10000");
        assert_eq!(pr.iterations, 10_000);
        assert!(pr.work > q("metric=pagerank").work);
    }
}
