//! Running a [`Query`]: picks the projection or the per-version index, calls the algorithm with
//! the computation's cancellation handle, and serialises the answer.

use std::sync::Arc;

use citygraph_core::algo::cancel::{Cancel, Cancelled};
use citygraph_core::algo::centrality::{self, Metric, RankedNode, SampleInfo};
use citygraph_core::algo::components;
use citygraph_core::algo::lapses::{self, LapseQuery, LinkTable};
use citygraph_core::algo::overlap::{self, OverlapQuery, TopPairsQuery};
use citygraph_core::algo::paths;
use citygraph_core::algo::projection::{self, ProjectionKind, DEFAULT_MAX_PAIRS};
use citygraph_core::algo::saturation;
use citygraph_core::algo::similarity::{self, RecommendQuery, SimilarQuery};
use citygraph_core::algo::survival::{self, SurvivalQuery};
use citygraph_core::algo::timeline::{self, TimelineQuery};
use citygraph_core::{Day, Snapshot};
use serde::Serialize;

use super::request::Query;
use super::IndexCache;
use crate::{Error, Result};

/// The graph a centrality was computed on.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GraphInfo {
    pub nodes: usize,
    pub edges: usize,
    /// The graph version the answer was computed on. A cached answer is served unchanged at later
    /// versions while no write touches what it reads, so it may be below the current version.
    pub version: u64,
}

/// A centrality ranking.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// What a computation runs with.
pub struct Ctx<'a> {
    pub snap: &'a Snapshot,
    pub indexes: &'a IndexCache,
    pub cancel: &'a Cancel,
    /// Threads a parallel algorithm may use (`None`: every core).
    pub threads: Option<usize>,
}

fn json<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| Error::Internal(e.to_string()))
}

/// The error of a stopped computation.
pub fn stopped(reason: Cancelled) -> Error {
    match reason {
        Cancelled::Deadline => Error::DeadlineExceeded,
        Cancelled::Abandoned => Error::Canceled,
    }
}

impl Query {
    /// Computes the answer on `ctx.snap` and returns its JSON. A computation stopped through
    /// `ctx.cancel` ends with [`Error::DeadlineExceeded`] or [`Error::Canceled`].
    pub fn run(&self, ctx: &Ctx<'_>) -> Result<Vec<u8>> {
        ctx.cancel.check().map_err(stopped)?;
        let out = self.run_inner(ctx);
        match (out, ctx.cancel.reason()) {
            // Whatever the algorithm said, a stopped computation is reported as stopped.
            (Err(_), Some(reason)) => Err(stopped(reason)),
            (out, _) => out,
        }
    }

    fn run_inner(&self, ctx: &Ctx<'_>) -> Result<Vec<u8>> {
        let Ctx {
            snap,
            indexes,
            cancel,
            threads,
        } = *ctx;
        let project = |kind, filter| {
            projection::project_cancellable(snap, kind, filter, DEFAULT_MAX_PAIRS, cancel)
        };
        // The per-version indexes are shared and built whole; the handle is checked after.
        let membership = || {
            let index = indexes.membership(snap);
            cancel.check().map(|()| index).map_err(stopped)
        };
        let links = || {
            let table = indexes.links(snap);
            cancel.check().map(|()| table).map_err(stopped)
        };
        match self {
            Query::Centrality(r) => {
                let proj = project(r.projection, &r.filter)?;
                let res = centrality::centrality_cancellable(
                    &proj,
                    r.metric,
                    &r.core_params(threads),
                    r.top,
                    cancel,
                )?;
                json(&CentralityView {
                    metric: res.metric,
                    projection: res.projection,
                    as_of: res.as_of,
                    graph: GraphInfo {
                        nodes: res.nodes,
                        edges: res.edges,
                        version: snap.version,
                    },
                    normalized: res.normalized,
                    weighted: res.weighted,
                    iterations: res.iterations,
                    sample: res.sample,
                    results: res.ranking,
                })
            }
            Query::Components(r) => {
                let proj = project(r.projection, &r.filter)?;
                let res = components::components_cancellable(&proj, r.members, r.top, cancel)
                    .map_err(stopped)?;
                json(&res)
            }
            Query::Path(r) => {
                let proj = project(ProjectionKind::Twinning, &r.filter)?;
                let path = paths::shortest_path_cancellable(snap, &proj, &r.from, &r.to, cancel)?
                    .ok_or_else(|| Error::NoPath {
                    from: r.from.clone(),
                    to: r.to.clone(),
                    as_of: r.filter.as_of.to_string(),
                })?;
                json(&path)
            }
            Query::Neighbourhood(r) => {
                let proj = project(ProjectionKind::Twinning, &r.filter)?;
                json(&paths::neighbourhood_cancellable(
                    snap, &proj, &r.city, r.depth, cancel,
                )?)
            }
            Query::Overlap(r) => json(&overlap::network_overlap(
                snap,
                &r.filter,
                &OverlapQuery {
                    networks: r.networks.clone(),
                    cell: r.cell.clone(),
                },
            )?),
            Query::TopPairs(r) => {
                let index = membership()?;
                let res = overlap::top_overlapping_pairs_cancellable(
                    &index,
                    &r.filter,
                    &TopPairsQuery {
                        min_shared: r.min_shared,
                        measure: r.measure,
                        top: r.top,
                    },
                    cancel,
                )
                .map_err(stopped)?;
                json(&res)
            }
            Query::Saturation(r) => {
                let index = membership()?;
                json(&saturation::saturation_in(&index, &r.filter, r.by))
            }
            Query::SaturationTimeline(r) => {
                let index = membership()?;
                json(&saturation::saturation_timeline_cancellable(
                    &index,
                    &r.filter(),
                    r.by,
                    r.from,
                    r.to,
                    cancel,
                )?)
            }
            Query::SimilarCities(r) => {
                let index = membership()?;
                json(&similarity::similar_cities_in(
                    snap,
                    &index,
                    &r.filter,
                    &r.city,
                    &SimilarQuery {
                        by: r.by,
                        measure: r.measure,
                        top: r.top,
                    },
                )?)
            }
            Query::NetworkRecommendations(r) => {
                let index = membership()?;
                json(&similarity::recommend_networks_in(
                    snap,
                    &index,
                    &r.filter,
                    &r.city,
                    &RecommendQuery {
                        top: r.top,
                        neighbours: r.neighbours,
                    },
                )?)
            }
            Query::Lapses(r) => {
                let links = known(r.scope.apply(links()?), r.as_of);
                json(&lapses::lapse_report(
                    &links,
                    &LapseQuery {
                        by: r.by,
                        from: r.from,
                        to: r.to,
                        yearly: r.yearly,
                    },
                )?)
            }
            Query::Survival(r) => {
                let links = r.scope.apply(links()?);
                json(&survival::survival(
                    &links,
                    &SurvivalQuery {
                        group_by: r.group_by,
                        ending: r.ending.clone(),
                        as_of: r.as_of,
                    },
                )?)
            }
            Query::Timeline(r) => {
                let links = known(r.scope.apply(links()?), r.as_of);
                json(&timeline::timeline(
                    &links,
                    &TimelineQuery {
                        metric: r.metric,
                        from: r.from,
                        to: r.to,
                        by: r.by,
                    },
                )?)
            }
            Query::CityTimeline(r) => {
                let mut t = timeline::city_timeline(snap, &r.city)?;
                if let Some(day) = r.as_of {
                    t.entries.retain(|e| e.date.first_day() <= day);
                }
                json(&t)
            }
        }
    }
}

/// The link table as it stood on `day` (valid time), or whole without one.
fn known(table: Arc<LinkTable>, day: Option<Day>) -> Arc<LinkTable> {
    match day {
        Some(day) => Arc::new(table.known_on(day)),
        None => table,
    }
}
