//! Chains of active partnerships: the shortest chain between two cities and the neighbourhood of a
//! city, on the twinning projection (partnerships active on `as_of`, see
//! [`crate::algo::projection`]).
//!
//! Both functions take the snapshot the projection was built from, to name the partnerships behind
//! each edge: every partnership between the two cities that is active on `as_of` and passes the
//! projection's kind filter, in id order.

use serde::Serialize;

use crate::algo::cancel::{Cancel, Cancelled};
use crate::algo::projection::{Projection, ProjectionKind};
use crate::model::Status;
use crate::snapshot::Snapshot;

/// Deepest neighbourhood [`neighbourhood`] computes.
pub const MAX_DEPTH: u32 = 6;

/// Why a path or neighbourhood query failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PathError {
    #[error("city {0} does not exist")]
    CityNotFound(String),
    #[error("city {0} is excluded by the filter (region, country or network)")]
    CityExcluded(String),
    #[error("paths follow partnerships and need the twinning projection, not {0}")]
    WrongProjection(ProjectionKind),
    #[error("invalid parameter depth: {depth} is above the maximum of {max}")]
    DepthTooLarge { depth: u32, max: u32 },
    /// The search was stopped through its [`Cancel`] handle.
    #[error(transparent)]
    Cancelled(#[from] Cancelled),
}

impl PathError {
    /// The stable snake_case code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            PathError::CityNotFound(_) => "city_not_found",
            PathError::CityExcluded(_) => "city_excluded",
            PathError::WrongProjection(_) => "invalid_projection",
            PathError::DepthTooLarge { .. } => "invalid_parameter",
            PathError::Cancelled(c) => c.code(),
        }
    }
}

/// A city on a chain or in a neighbourhood.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PathCity {
    pub id: String,
    pub name: String,
}

/// One step of a chain: two cities and the partnerships active between them on `as_of`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PathHop {
    pub from: String,
    pub to: String,
    /// Ids of the partnerships active between `from` and `to` on `as_of` (at least one), in id
    /// order.
    pub partnerships: Vec<String>,
}

/// The shortest chain of active partnerships between two cities.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CityPath {
    pub from: String,
    pub to: String,
    /// The day of the twinning graph (`YYYY-MM-DD`).
    pub as_of: String,
    /// Number of partnerships on the chain (0 when `from` = `to`).
    pub length: usize,
    /// The cities from `from` to `to`.
    pub cities: Vec<PathCity>,
    /// The hops, `length` of them.
    pub hops: Vec<PathHop>,
}

fn check_twinning(proj: &Projection) -> Result<(), PathError> {
    if proj.kind == ProjectionKind::Twinning {
        Ok(())
    } else {
        Err(PathError::WrongProjection(proj.kind))
    }
}

fn locate(snap: &Snapshot, proj: &Projection, id: &str) -> Result<usize, PathError> {
    match proj.city_index(id) {
        Some(i) => Ok(i),
        None if snap.city(id).is_some() => Err(PathError::CityExcluded(id.to_owned())),
        None => Err(PathError::CityNotFound(id.to_owned())),
    }
}

/// Partnerships active between `a` and `b` under the projection's filter, in id order.
fn links_between(snap: &Snapshot, proj: &Projection, a: &str, b: &str) -> Vec<String> {
    snap.partnerships_of(a)
        .filter(|p| p.cities[0].as_str() == b || p.cities[1].as_str() == b)
        .filter(|p| proj.filter.partnership_status(p) == Some(Status::Active))
        .map(|p| p.id.to_string())
        .collect()
}

/// Breadth-first distances from `source`, stopping once `stop` is reached (all nodes closer than
/// `stop` then have their final distance). `u32::MAX` marks nodes not reached.
fn bfs(
    proj: &Projection,
    source: usize,
    stop: Option<usize>,
    max_depth: u32,
    cancel: &Cancel,
) -> Result<(Vec<u32>, Vec<u32>), Cancelled> {
    cancel.check()?;
    let g = &proj.graph;
    let mut tick = cancel.ticker(CHECK_EVERY);
    let mut dist = vec![u32::MAX; g.node_count()];
    let mut order = vec![source as u32];
    dist[source] = 0;
    let mut head = 0;
    'outer: while head < order.len() {
        let v = order[head] as usize;
        head += 1;
        tick.tick()?;
        if dist[v] >= max_depth {
            break;
        }
        for &w in g.neighbors(v) {
            if dist[w as usize] == u32::MAX {
                dist[w as usize] = dist[v] + 1;
                order.push(w);
                if stop == Some(w as usize) {
                    break 'outer;
                }
            }
        }
    }
    Ok((dist, order))
}

/// Nodes visited between two checks of the cancellation handle.
const CHECK_EVERY: u64 = 4096;

/// The shortest chain of partnerships active on the projection's `as_of` from city `from` to city
/// `to` (breadth-first search on the twinning projection `proj` of `snap`), or `None` when they are
/// not connected. Among several shortest chains, the one whose list of city ids is smallest in
/// lexicographic order (compared from `from`) is returned, so the answer is deterministic.
pub fn shortest_path(
    snap: &Snapshot,
    proj: &Projection,
    from: &str,
    to: &str,
) -> Result<Option<CityPath>, PathError> {
    shortest_path_cancellable(snap, proj, from, to, &Cancel::never())
}

/// [`shortest_path`], checking `cancel` every few thousand nodes searched.
pub fn shortest_path_cancellable(
    snap: &Snapshot,
    proj: &Projection,
    from: &str,
    to: &str,
    cancel: &Cancel,
) -> Result<Option<CityPath>, PathError> {
    check_twinning(proj)?;
    let s = locate(snap, proj, from)?;
    let t = locate(snap, proj, to)?;
    // Distances to `t`; then walk from `s`, each time to the smallest-id neighbour one step closer.
    let (dist, _) = bfs(proj, t, Some(s), u32::MAX, cancel)?;
    if dist[s] == u32::MAX {
        return Ok(None);
    }
    let mut nodes = vec![s];
    let mut cur = s;
    while cur != t {
        let want = dist[cur] - 1;
        let next = proj
            .graph
            .neighbors(cur)
            .iter()
            .map(|&w| w as usize)
            .find(|&w| dist[w] == want)
            .expect("a node at distance d > 0 has a neighbour at distance d - 1");
        nodes.push(next);
        cur = next;
    }
    let city = |i: usize| PathCity {
        id: proj.ids[i].to_string(),
        name: proj.labels[i].to_string(),
    };
    let hops = nodes
        .windows(2)
        .map(|w| PathHop {
            from: proj.ids[w[0]].to_string(),
            to: proj.ids[w[1]].to_string(),
            partnerships: links_between(snap, proj, &proj.ids[w[0]], &proj.ids[w[1]]),
        })
        .collect::<Vec<_>>();
    Ok(Some(CityPath {
        from: from.to_owned(),
        to: to.to_owned(),
        as_of: proj.filter.as_of.to_string(),
        length: hops.len(),
        cities: nodes.into_iter().map(city).collect(),
        hops,
    }))
}

/// A city of a neighbourhood and its distance from the centre.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeighbourCity {
    pub id: String,
    pub name: String,
    /// Number of partnerships on a shortest chain from the centre (0 for the centre).
    pub distance: u32,
}

/// An edge of the twinning graph between two cities of a neighbourhood.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeighbourEdge {
    /// The city with the smaller id.
    pub a: String,
    /// The city with the larger id.
    pub b: String,
    /// Ids of the partnerships active between them on `as_of`, in id order.
    pub partnerships: Vec<String>,
}

/// The cities within `depth` partnerships of a city, and the edges among them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Neighbourhood {
    pub center: String,
    /// The day of the twinning graph (`YYYY-MM-DD`).
    pub as_of: String,
    pub depth: u32,
    /// The cities, by distance then id (the centre first).
    pub cities: Vec<NeighbourCity>,
    /// Every edge of the twinning graph whose two cities are in `cities`, by `a` then `b`.
    pub edges: Vec<NeighbourEdge>,
}

/// The `depth`-hop neighbourhood of `city` in the twinning projection `proj` of `snap`: the cities at
/// most `depth` active partnerships away (with their distance) and all edges among them (including
/// edges between two cities at distance `depth`). `depth` is at most [`MAX_DEPTH`].
pub fn neighbourhood(
    snap: &Snapshot,
    proj: &Projection,
    city: &str,
    depth: u32,
) -> Result<Neighbourhood, PathError> {
    neighbourhood_cancellable(snap, proj, city, depth, &Cancel::never())
}

/// [`neighbourhood`], checking `cancel` every few thousand nodes searched or listed.
pub fn neighbourhood_cancellable(
    snap: &Snapshot,
    proj: &Projection,
    city: &str,
    depth: u32,
    cancel: &Cancel,
) -> Result<Neighbourhood, PathError> {
    check_twinning(proj)?;
    if depth > MAX_DEPTH {
        return Err(PathError::DepthTooLarge {
            depth,
            max: MAX_DEPTH,
        });
    }
    let c = locate(snap, proj, city)?;
    let (dist, mut order) = bfs(proj, c, None, depth, cancel)?;
    order.sort_by_key(|&v| (dist[v as usize], v));
    let cities = order
        .iter()
        .map(|&v| NeighbourCity {
            id: proj.ids[v as usize].to_string(),
            name: proj.labels[v as usize].to_string(),
            distance: dist[v as usize],
        })
        .collect();
    let mut inside: Vec<u32> = order.clone();
    inside.sort_unstable();
    let mut edges = Vec::new();
    let mut tick = cancel.ticker(CHECK_EVERY / 16);
    for &u in &inside {
        tick.tick()?;
        for &w in proj.graph.neighbors(u as usize) {
            if w > u && dist[w as usize] != u32::MAX {
                let (a, b) = (&proj.ids[u as usize], &proj.ids[w as usize]);
                edges.push(NeighbourEdge {
                    a: a.to_string(),
                    b: b.to_string(),
                    partnerships: links_between(snap, proj, a, b),
                });
            }
        }
    }
    Ok(Neighbourhood {
        center: city.to_owned(),
        as_of: proj.filter.as_of.to_string(),
        depth,
        cities,
        edges,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::algo::filter::Filter;
    use crate::algo::projection::tests::{city, day, link, snap};
    use crate::algo::projection::{project, Csr};
    use crate::id::{CityId, PartnershipId};
    use crate::snapshot::Change;

    /// a-b-d and a-c-d (two shortest chains), d-e, f alone; b-e suspended.
    fn world() -> Snapshot {
        snap(&[
            city("a", "europe", "FR"),
            city("b", "europe", "DE"),
            city("c", "europe", "IT"),
            city("d", "asia-pacific", "JP"),
            city("e", "asia-pacific", "KR"),
            city("f", "europe", "ES"),
            link("a", "c", "sister_city", &["established@1990"]),
            link("c", "d", "sister_city", &["established@1990"]),
            link("a", "b", "sister_city", &["established@1990"]),
            link("b", "d", "sister_city", &["established@1990"]),
            link("b", "d", "friendship_city", &["established@1995"]),
            link("d", "e", "sister_city", &["established@2000"]),
            link(
                "b",
                "e",
                "sister_city",
                &["established@1990", "suspended@1999"],
            ),
        ])
    }

    fn twinning(s: &Snapshot, on: &str) -> Projection {
        project(s, ProjectionKind::Twinning, &Filter::on(day(on))).unwrap()
    }

    #[test]
    fn shortest_chain_breaks_ties_by_id_and_names_the_links() {
        let s = world();
        let p = twinning(&s, "2010");
        let path = shortest_path(&s, &p, "a", "e").unwrap().unwrap();
        let ids: Vec<&str> = path.cities.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "d", "e"]);
        assert_eq!(path.length, 3);
        assert_eq!(path.hops[1].partnerships, ["b--d", "b--d--friendship-city"]);
        assert_eq!(path.hops[0].from, "a");
        assert_eq!(path.hops[2].to, "e");
        // Reversed, the smallest id sequence from e is e-d-b-a.
        let back = shortest_path(&s, &p, "e", "a").unwrap().unwrap();
        let ids: Vec<&str> = back.cities.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["e", "d", "b", "a"]);
        // In 1995 d-e does not exist yet and b-e is active: a-b-e.
        let p = twinning(&s, "1995");
        let path = shortest_path(&s, &p, "a", "e").unwrap().unwrap();
        assert_eq!(
            path.cities
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "b", "e"]
        );
        assert_eq!(path.as_of, "1995-01-01");
    }

    #[test]
    fn no_path_unknown_and_excluded_cities() {
        let s = world();
        let p = twinning(&s, "2010");
        assert_eq!(shortest_path(&s, &p, "a", "f").unwrap(), None);
        let same = shortest_path(&s, &p, "f", "f").unwrap().unwrap();
        assert_eq!((same.length, same.cities.len()), (0, 1));
        assert_eq!(
            shortest_path(&s, &p, "a", "zz").unwrap_err().code(),
            "city_not_found"
        );
        let mut f = Filter::on(day("2010"));
        f.region = Some(crate::id::Region::Europe);
        let pe = project(&s, ProjectionKind::Twinning, &f).unwrap();
        assert_eq!(
            shortest_path(&s, &pe, "a", "e").unwrap_err().code(),
            "city_excluded"
        );
        let co = project(&s, ProjectionKind::CoMembership, &Filter::on(day("2010"))).unwrap();
        assert_eq!(
            shortest_path(&s, &co, "a", "e").unwrap_err().code(),
            "invalid_projection"
        );
        // With a kind filter only sister-city links count, and only they are named.
        let mut f = Filter::on(day("2010"));
        f.kind = Some(crate::model::PartnershipKind::SisterCity);
        let pk = project(&s, ProjectionKind::Twinning, &f).unwrap();
        let path = shortest_path(&s, &pk, "a", "e").unwrap().unwrap();
        assert_eq!(path.hops[1].partnerships, ["b--d"]);
    }

    #[test]
    fn a_deleted_city_is_not_found() {
        let s = world();
        let (s2, _) = s
            .with_changes(&[Change::DeleteCity(CityId::new("f").unwrap())])
            .unwrap();
        let p = twinning(&s2, "2010");
        assert_eq!(
            shortest_path(&s2, &p, "a", "f").unwrap_err().code(),
            "city_not_found"
        );
        // Removing the a-b link reroutes through c.
        let (s3, _) = s
            .with_changes(&[Change::DeletePartnership(
                PartnershipId::new("a--b").unwrap(),
            )])
            .unwrap();
        let p = twinning(&s3, "2010");
        let path = shortest_path(&s3, &p, "a", "e").unwrap().unwrap();
        assert_eq!(
            path.cities
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "c", "d", "e"]
        );
    }

    #[test]
    fn neighbourhood_lists_cities_by_distance_and_the_edges_among_them() {
        let s = world();
        let p = twinning(&s, "2010");
        let n = neighbourhood(&s, &p, "a", 1).unwrap();
        let got: Vec<(&str, u32)> = n
            .cities
            .iter()
            .map(|c| (c.id.as_str(), c.distance))
            .collect();
        assert_eq!(got, [("a", 0), ("b", 1), ("c", 1)]);
        let e: Vec<(&str, &str)> = n
            .edges
            .iter()
            .map(|e| (e.a.as_str(), e.b.as_str()))
            .collect();
        assert_eq!(e, [("a", "b"), ("a", "c")]);
        let n = neighbourhood(&s, &p, "a", 2).unwrap();
        assert_eq!(n.cities.len(), 4);
        assert_eq!(n.edges.len(), 4);
        assert_eq!(n.edges[2].partnerships, ["b--d", "b--d--friendship-city"]);
        let n = neighbourhood(&s, &p, "a", 0).unwrap();
        assert_eq!((n.cities.len(), n.edges.len()), (1, 0));
        assert_eq!(
            neighbourhood(&s, &p, "a", MAX_DEPTH + 1)
                .unwrap_err()
                .code(),
            "invalid_parameter"
        );
        let n = neighbourhood(&s, &p, "f", 3).unwrap();
        assert_eq!(n.cities.len(), 1);
        let json = serde_json::to_value(neighbourhood(&s, &p, "e", 1).unwrap()).unwrap();
        assert_eq!(
            json["cities"][1],
            serde_json::json!({"id": "d", "name": "Name d", "distance": 1})
        );
    }

    /// Projection of a random graph: cities `c00..`, an active link for each edge.
    fn random_world(n: usize, edges: &[(usize, usize)]) -> Snapshot {
        let mut changes: Vec<Change> = (0..n)
            .map(|i| city(&format!("c{i:02}"), "europe", "FR"))
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        for &(a, b) in edges {
            let (a, b) = (a.min(b), a.max(b));
            if a != b && b < n && seen.insert((a, b)) {
                changes.push(link(
                    &format!("c{a:02}"),
                    &format!("c{b:02}"),
                    "sister_city",
                    &[],
                ));
            }
        }
        snap(&changes)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn chains_are_shortest_and_follow_edges(
            n in 2usize..25,
            edges in proptest::collection::vec((0usize..25, 0usize..25), 0..50),
            a in 0usize..25, b in 0usize..25,
        ) {
            let s = random_world(n, &edges);
            let p = twinning(&s, "2000");
            let (a, b) = (a % n, b % n);
            let (from, to) = (format!("c{a:02}"), format!("c{b:02}"));
            let csr: &Csr = &p.graph;
            let bfs_len = petgraph::algo::dijkstra(&csr.to_petgraph(), petgraph::graph::NodeIndex::new(a), Some(petgraph::graph::NodeIndex::new(b)), |_| 1usize)
                .get(&petgraph::graph::NodeIndex::new(b)).copied();
            match shortest_path(&s, &p, &from, &to).unwrap() {
                None => prop_assert_eq!(bfs_len, None),
                Some(path) => {
                    prop_assert_eq!(Some(path.length), bfs_len);
                    for h in &path.hops {
                        prop_assert_eq!(h.partnerships.len(), 1);
                    }
                    let within = neighbourhood(&s, &p, &from, path.length.min(MAX_DEPTH as usize) as u32).unwrap();
                    if path.length <= MAX_DEPTH as usize {
                        prop_assert!(within.cities.iter().any(|c| c.id == to && c.distance as usize == path.length));
                    }
                }
            }
        }
    }
}
