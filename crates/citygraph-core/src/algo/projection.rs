//! Graph projections of a snapshot: compact undirected graphs that the algorithms run on.
//!
//! A [`Projection`] is built from a [`Snapshot`] and a [`Filter`] (an `as_of` day plus optional
//! region, country, partnership kind and network restrictions). It holds the node ids, their display
//! names and kinds, and the adjacency as a [`Csr`] (compressed sparse row) graph with `u32` node
//! indices. Nodes are numbered in id order (cities before networks in the bipartite projection), so
//! every result is deterministic.
//!
//! # The four projections
//!
//! - [`ProjectionKind::Twinning`]: **nodes** are all cities that pass the filter, isolated ones
//!   included; **edges** join two cities that have at least one partnership whose status on `as_of`
//!   is `active` (suspended, lapsed and terminated links are not edges, nor are links not yet
//!   established); a `kind` filter keeps only links of that kind. Several active links between the
//!   same pair (different kinds) collapse into one unweighted edge.
//! - [`ProjectionKind::CoMembership`]: **nodes** are the cities that pass the filter and hold at least
//!   one membership in force on `as_of` (a city in no network has no place in a graph of shared
//!   networks, and counting it as an isolated node would only shift the normalisations); **edges**
//!   join two such cities that share at least one network, with **weight** = the number of networks
//!   they share on `as_of`.
//! - [`ProjectionKind::Bipartite`]: **nodes** are the cities of the co-membership projection (ids in
//!   order) followed by the networks that have at least one of them as a member in force (ids in
//!   order); **edges** are the memberships in force (a city and a network joined by several
//!   membership records make one edge). [`Projection::node_kind`] tells cities from networks.
//! - [`ProjectionKind::Networks`]: **nodes** are the networks that have at least one member in force
//!   on `as_of` among the cities that pass the filter; **edges** join two networks that share at least
//!   one such member, with **weight** = the number of shared members.
//!
//! A membership counts when it is in force on `as_of` (see [`crate::model::Membership`]) and its city
//! passes the filter; the filter's `kind` applies to partnerships only.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::algo::cancel::{Cancel, Cancelled};
use crate::algo::filter::Filter;
use crate::model::Status;
use crate::snapshot::Snapshot;

/// Which graph to project from a snapshot (see the module docs for the exact node and edge sets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ProjectionKind {
    /// Cities joined by partnerships that are active on `as_of`.
    Twinning,
    /// Cities joined by the networks they share, weighted by the number of shared networks.
    CoMembership,
    /// Cities and networks, joined by memberships in force.
    Bipartite,
    /// Networks joined by the members they share, weighted by the number of shared members.
    Networks,
}

impl ProjectionKind {
    pub const ALL: [ProjectionKind; 4] = [
        ProjectionKind::Twinning,
        ProjectionKind::CoMembership,
        ProjectionKind::Bipartite,
        ProjectionKind::Networks,
    ];

    /// The name used in URLs and JSON (`twinning`, `co-membership`, `bipartite`, `networks`).
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectionKind::Twinning => "twinning",
            ProjectionKind::CoMembership => "co-membership",
            ProjectionKind::Bipartite => "bipartite",
            ProjectionKind::Networks => "networks",
        }
    }

    /// Whether the projection's edges carry weights (shared networks or shared members).
    pub fn is_weighted(self) -> bool {
        matches!(
            self,
            ProjectionKind::CoMembership | ProjectionKind::Networks
        )
    }
}

impl fmt::Display for ProjectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ProjectionKind {
    type Err = ProjectionError;
    /// Parses `twinning`, `co-membership` (also `co_membership`), `bipartite` or `networks`.
    fn from_str(s: &str) -> Result<ProjectionKind, ProjectionError> {
        let norm = s.replace('_', "-");
        ProjectionKind::ALL
            .into_iter()
            .find(|k| k.as_str() == norm)
            .ok_or_else(|| ProjectionError::UnknownProjection(s.to_owned()))
    }
}

/// Whether a node of a projection is a city or a network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum NodeKind {
    City,
    Network,
}

/// Why a projection could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectionError {
    #[error("unknown projection {0:?}: expected twinning, co-membership, bipartite or networks")]
    UnknownProjection(String),
    #[error(
        "the {kind} projection would need {pairs} member pairs, more than the limit of {limit}: narrow it with a region, country or network filter"
    )]
    TooLarge {
        kind: ProjectionKind,
        pairs: u64,
        limit: u64,
    },
    /// The build was stopped through its [`Cancel`] handle.
    #[error(transparent)]
    Cancelled(#[from] Cancelled),
}

impl ProjectionError {
    /// The stable snake_case code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            ProjectionError::UnknownProjection(_) => "unknown_projection",
            ProjectionError::TooLarge { .. } => "projection_too_large",
            ProjectionError::Cancelled(c) => c.code(),
        }
    }
}

/// An undirected simple graph in compressed sparse row form.
///
/// The neighbours of node `v` are `targets[offsets[v]..offsets[v + 1]]`, sorted ascending, without
/// duplicates or self-loops; every edge `{u, v}` appears in both rows. `weights`, when present, is
/// parallel to `targets` (the weight of an edge is the same in both rows).
#[derive(Clone, Debug, PartialEq)]
pub struct Csr {
    pub offsets: Vec<usize>,
    pub targets: Vec<u32>,
    pub weights: Option<Vec<f64>>,
}

impl Default for Csr {
    fn default() -> Csr {
        Csr {
            offsets: vec![0],
            targets: Vec::new(),
            weights: None,
        }
    }
}

impl Csr {
    /// Builds a graph on nodes `0..n` from undirected edges. Self-loops are dropped and parallel edges
    /// collapse into one. Panics if an endpoint is `>= n` or `n` does not fit in `u32`.
    pub fn from_edges(n: usize, edges: impl IntoIterator<Item = (u32, u32)>) -> Csr {
        Csr::build(n, edges.into_iter().map(|(a, b)| (a, b, 1.0)), false)
    }

    /// Builds a weighted graph on nodes `0..n`. Self-loops are dropped; the weights of parallel edges
    /// are added up. Panics if an endpoint is `>= n`.
    pub fn from_weighted_edges(n: usize, edges: impl IntoIterator<Item = (u32, u32, f64)>) -> Csr {
        Csr::build(n, edges, true)
    }

    fn build(n: usize, edges: impl IntoIterator<Item = (u32, u32, f64)>, weighted: bool) -> Csr {
        assert!(
            u32::try_from(n).is_ok(),
            "a projection holds at most u32::MAX nodes"
        );
        let edges: Vec<(u32, u32, f64)> = edges.into_iter().filter(|(a, b, _)| a != b).collect();
        let mut deg = vec![0usize; n + 1];
        for &(a, b, _) in &edges {
            assert!(
                (a as usize) < n && (b as usize) < n,
                "edge ({a}, {b}) out of range for {n} nodes"
            );
            deg[a as usize + 1] += 1;
            deg[b as usize + 1] += 1;
        }
        for i in 0..n {
            deg[i + 1] += deg[i];
        }
        let mut fill = deg.clone();
        let mut targets = vec![0u32; edges.len() * 2];
        let mut weights = if weighted {
            vec![0.0f64; edges.len() * 2]
        } else {
            Vec::new()
        };
        for &(a, b, w) in &edges {
            for (x, y) in [(a, b), (b, a)] {
                let at = fill[x as usize];
                targets[at] = y;
                if weighted {
                    weights[at] = w;
                }
                fill[x as usize] += 1;
            }
        }
        // Sort each row and collapse duplicates in place.
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut out = 0usize;
        let mut row: Vec<(u32, f64)> = Vec::new();
        for v in 0..n {
            let (lo, hi) = (deg[v], deg[v + 1]);
            if weighted {
                row.clear();
                row.extend((lo..hi).map(|i| (targets[i], weights[i])));
                row.sort_by_key(|e| e.0);
                let mut i = 0;
                while i < row.len() {
                    let (t, mut w) = row[i];
                    i += 1;
                    while i < row.len() && row[i].0 == t {
                        w += row[i].1;
                        i += 1;
                    }
                    targets[out] = t;
                    weights[out] = w;
                    out += 1;
                }
            } else {
                targets[lo..hi].sort_unstable();
                let mut last = None;
                for i in lo..hi {
                    let t = targets[i];
                    if last != Some(t) {
                        targets[out] = t;
                        out += 1;
                        last = Some(t);
                    }
                }
            }
            offsets.push(out);
        }
        targets.truncate(out);
        targets.shrink_to_fit();
        let weights = weighted.then(|| {
            weights.truncate(out);
            weights.shrink_to_fit();
            weights
        });
        Csr {
            offsets,
            targets,
            weights,
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Number of undirected edges.
    pub fn edge_count(&self) -> usize {
        self.targets.len() / 2
    }

    /// Neighbours of `v`, ascending.
    pub fn neighbors(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    /// Weights of the edges of `v`, parallel to [`Csr::neighbors`], when the graph is weighted.
    pub fn neighbor_weights(&self, v: usize) -> Option<&[f64]> {
        self.weights
            .as_ref()
            .map(|w| &w[self.offsets[v]..self.offsets[v + 1]])
    }

    /// Number of neighbours of `v`.
    pub fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    /// Each undirected edge once, as `(u, v, weight)` with `u < v` (weight 1 when unweighted), in
    /// order of `u` then `v`.
    pub fn edges(&self) -> impl Iterator<Item = (u32, u32, f64)> + '_ {
        (0..self.node_count()).flat_map(move |u| {
            let ws = self.neighbor_weights(u);
            self.neighbors(u)
                .iter()
                .enumerate()
                .filter(move |(_, &v)| (v as usize) > u)
                .map(move |(i, &v)| (u as u32, v, ws.map_or(1.0, |w| w[i])))
        })
    }

    /// The same graph as a petgraph `UnGraph` whose node `i` carries `i` and whose edges carry their
    /// weight (1 when unweighted). Node indices are preserved.
    pub fn to_petgraph(&self) -> petgraph::graph::UnGraph<u32, f64> {
        let mut g = petgraph::graph::UnGraph::with_capacity(self.node_count(), self.edge_count());
        for i in 0..self.node_count() {
            g.add_node(i as u32);
        }
        for (u, v, w) in self.edges() {
            g.add_edge(
                petgraph::graph::NodeIndex::new(u as usize),
                petgraph::graph::NodeIndex::new(v as usize),
                w,
            );
        }
        g
    }
}

/// A projection of a snapshot: node ids, names and kinds, and the adjacency.
#[derive(Clone, Debug)]
pub struct Projection {
    pub kind: ProjectionKind,
    /// The filter the projection was built with (`as_of` and restrictions).
    pub filter: Filter,
    /// Node ids (city ids, then network ids), in index order.
    pub ids: Vec<Arc<str>>,
    /// Node display names (city or network names), parallel to `ids`.
    pub labels: Vec<Arc<str>>,
    /// Nodes `0..first_network` are cities, `first_network..` are networks.
    pub first_network: usize,
    pub graph: Csr,
}

/// The default limit on member pairs a membership projection may enumerate (see
/// [`project_with_limit`]).
pub const DEFAULT_MAX_PAIRS: u64 = 50_000_000;

/// Builds the `kind` projection of `snap` under `filter` (see the module docs), with the default
/// limit [`DEFAULT_MAX_PAIRS`] on the size of the co-membership and networks projections.
pub fn project(
    snap: &Snapshot,
    kind: ProjectionKind,
    filter: &Filter,
) -> Result<Projection, ProjectionError> {
    project_with_limit(snap, kind, filter, DEFAULT_MAX_PAIRS)
}

/// Builds the `kind` projection; the co-membership and networks projections fail with
/// [`ProjectionError::TooLarge`] when enumerating shared memberships would visit more than
/// `max_pairs` ordered member pairs (a network of `k` members contributes `k * (k - 1)`).
pub fn project_with_limit(
    snap: &Snapshot,
    kind: ProjectionKind,
    filter: &Filter,
    max_pairs: u64,
) -> Result<Projection, ProjectionError> {
    project_cancellable(snap, kind, filter, max_pairs, &Cancel::never())
}

/// Rows (cities, partnerships, projected nodes) between two checks of the cancellation handle.
const CHECK_EVERY: u64 = 1024;

/// [`project_with_limit`], checking `cancel` every [`CHECK_EVERY`] cities, partnerships or
/// projected rows (counted as progress).
pub fn project_cancellable(
    snap: &Snapshot,
    kind: ProjectionKind,
    filter: &Filter,
    max_pairs: u64,
    cancel: &Cancel,
) -> Result<Projection, ProjectionError> {
    cancel.check()?;
    match kind {
        ProjectionKind::Twinning => Ok(twinning(snap, filter, cancel)?),
        _ => memberships_projection(snap, kind, filter, max_pairs, cancel),
    }
}

fn twinning(snap: &Snapshot, filter: &Filter, cancel: &Cancel) -> Result<Projection, Cancelled> {
    let mut ids = Vec::new();
    let mut labels = Vec::new();
    let mut index: HashMap<&str, u32> = HashMap::new();
    cancel.add_work((snap.cities.len() + snap.partnerships.len()) as u64);
    let mut tick = cancel.ticker(CHECK_EVERY);
    for (id, city) in snap.cities.iter() {
        tick.tick()?;
        if filter.city_included(snap, city) {
            index.insert(id.as_str(), ids.len() as u32);
            ids.push(Arc::from(id.as_str()));
            labels.push(Arc::from(city.name.as_str()));
        }
    }
    let mut edges = Vec::new();
    for p in snap.partnerships.values() {
        tick.tick()?;
        if filter.partnership_status(p) != Some(Status::Active) {
            continue;
        }
        if let (Some(&a), Some(&b)) = (
            index.get(p.cities[0].as_str()),
            index.get(p.cities[1].as_str()),
        ) {
            edges.push((a, b));
        }
    }
    let n = ids.len();
    Ok(Projection {
        kind: ProjectionKind::Twinning,
        filter: filter.clone(),
        ids,
        labels,
        first_network: n,
        graph: Csr::from_edges(n, edges),
    })
}

/// `(row start offsets, entries)` of a bipartite incidence in CSR form.
struct Incidence {
    offsets: Vec<usize>,
    items: Vec<u32>,
}

impl Incidence {
    fn from_pairs(n: usize, pairs: &[(u32, u32)]) -> Incidence {
        let mut offsets = vec![0usize; n + 1];
        for &(a, _) in pairs {
            offsets[a as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut items = vec![0u32; pairs.len()];
        for &(a, b) in pairs {
            items[fill[a as usize]] = b;
            fill[a as usize] += 1;
        }
        Incidence { offsets, items }
    }
    fn row(&self, i: usize) -> &[u32] {
        &self.items[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// Weighted one-mode projection of a bipartite incidence: `rows` maps each node to its groups,
/// `groups` maps each group to its nodes; the weight of `{u, v}` is the number of shared groups.
fn one_mode(
    rows: &Incidence,
    groups: &Incidence,
    n: usize,
    cancel: &Cancel,
) -> Result<Csr, Cancelled> {
    let mut count = vec![0u32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    let mut targets = Vec::new();
    let mut weights = Vec::new();
    cancel.add_work(n as u64);
    // A row of a dense projection can hold many pairs: check more often than for plain rows.
    let mut tick = cancel.ticker(CHECK_EVERY / 16);
    for u in 0..n {
        tick.tick()?;
        for &g in rows.row(u) {
            for &v in groups.row(g as usize) {
                if v as usize != u {
                    if count[v as usize] == 0 {
                        touched.push(v);
                    }
                    count[v as usize] += 1;
                }
            }
        }
        touched.sort_unstable();
        for &v in &touched {
            targets.push(v);
            weights.push(f64::from(count[v as usize]));
            count[v as usize] = 0;
        }
        touched.clear();
        offsets.push(targets.len());
    }
    Ok(Csr {
        offsets,
        targets,
        weights: Some(weights),
    })
}

fn memberships_projection(
    snap: &Snapshot,
    kind: ProjectionKind,
    filter: &Filter,
    max_pairs: u64,
    cancel: &Cancel,
) -> Result<Projection, ProjectionError> {
    // Networks in id order, and the (city, network) memberships in force among included cities.
    let net_index: HashMap<&str, u32> = snap
        .networks
        .keys()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i as u32))
        .collect();
    let mut city_ids = Vec::new();
    let mut city_labels = Vec::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new(); // (city slot, network index)
    cancel.add_work(snap.cities.len() as u64);
    let mut tick = cancel.ticker(CHECK_EVERY);
    for (id, city) in snap.cities.iter() {
        tick.tick()?;
        let mut nets: Vec<u32> = snap
            .memberships_of(id.as_str())
            .filter(|m| filter.membership_in_force(m))
            .filter_map(|m| net_index.get(m.network.as_str()).copied())
            .collect();
        if nets.is_empty() || !filter.city_included(snap, city) {
            continue;
        }
        nets.sort_unstable();
        nets.dedup();
        let slot = city_ids.len() as u32;
        city_ids.push(Arc::<str>::from(id.as_str()));
        city_labels.push(Arc::<str>::from(city.name.as_str()));
        pairs.extend(nets.into_iter().map(|n| (slot, n)));
    }
    // Keep only networks with at least one such member, renumbered in id order.
    let mut net_new = vec![u32::MAX; snap.networks.len()];
    let mut net_ids = Vec::new();
    let mut net_labels = Vec::new();
    {
        let mut used = vec![false; snap.networks.len()];
        for &(_, n) in &pairs {
            used[n as usize] = true;
        }
        for (i, (id, net)) in snap.networks.iter().enumerate() {
            if used[i] {
                net_new[i] = net_ids.len() as u32;
                net_ids.push(Arc::<str>::from(id.as_str()));
                net_labels.push(Arc::<str>::from(net.name.as_str()));
            }
        }
    }
    for p in &mut pairs {
        p.1 = net_new[p.1 as usize];
    }
    let (nc, nn) = (city_ids.len(), net_ids.len());
    let by_city = Incidence::from_pairs(nc, &pairs);
    let swapped: Vec<(u32, u32)> = pairs.iter().map(|&(c, n)| (n, c)).collect();
    let by_net = Incidence::from_pairs(nn, &swapped);
    let check = |groups: &Incidence, count: usize| -> Result<(), ProjectionError> {
        let total: u64 = (0..count)
            .map(|g| {
                let k = groups.row(g).len() as u64;
                k * k.saturating_sub(1)
            })
            .sum();
        if total > max_pairs {
            Err(ProjectionError::TooLarge {
                kind,
                pairs: total,
                limit: max_pairs,
            })
        } else {
            Ok(())
        }
    };
    let (ids, labels, first_network, graph) = match kind {
        ProjectionKind::CoMembership => {
            check(&by_net, nn)?;
            let g = one_mode(&by_city, &by_net, nc, cancel)?;
            (city_ids, city_labels, nc, g)
        }
        ProjectionKind::Networks => {
            check(&by_city, nc)?;
            let g = one_mode(&by_net, &by_city, nn, cancel)?;
            (net_ids, net_labels, 0, g)
        }
        ProjectionKind::Bipartite => {
            let edges = pairs.iter().map(|&(c, n)| (c, nc as u32 + n));
            let g = Csr::from_edges(nc + nn, edges);
            let mut ids = city_ids;
            ids.extend(net_ids);
            let mut labels = city_labels;
            labels.extend(net_labels);
            (ids, labels, nc, g)
        }
        ProjectionKind::Twinning => unreachable!("handled by twinning()"),
    };
    Ok(Projection {
        kind,
        filter: filter.clone(),
        ids,
        labels,
        first_network,
        graph,
    })
}

impl Projection {
    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.ids.len()
    }

    /// Number of undirected edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Whether node `i` is a city or a network.
    pub fn node_kind(&self, i: usize) -> NodeKind {
        if i < self.first_network {
            NodeKind::City
        } else {
            NodeKind::Network
        }
    }

    /// The index of the node of `kind` with id `id`, if it is in the projection.
    pub fn index_of(&self, kind: NodeKind, id: &str) -> Option<usize> {
        let (lo, hi) = match kind {
            NodeKind::City => (0, self.first_network),
            NodeKind::Network => (self.first_network, self.ids.len()),
        };
        self.ids[lo..hi]
            .binary_search_by(|x| (**x).cmp(id))
            .ok()
            .map(|i| i + lo)
    }

    /// The index of city `id`, if it is a node of this projection.
    pub fn city_index(&self, id: &str) -> Option<usize> {
        self.index_of(NodeKind::City, id)
    }

    /// A serialisable description of the projection.
    pub fn summary(&self) -> ProjectionSummary {
        ProjectionSummary {
            projection: self.kind,
            as_of: self.filter.as_of.to_string(),
            nodes: self.node_count(),
            edges: self.edge_count(),
            cities: self.first_network.min(self.node_count()),
            networks: self.node_count() - self.first_network.min(self.node_count()),
            weighted: self.graph.weights.is_some(),
        }
    }
}

/// The size of a projection.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectionSummary {
    pub projection: ProjectionKind,
    /// The day the projection describes (`YYYY-MM-DD`).
    pub as_of: String,
    /// Number of nodes.
    pub nodes: usize,
    /// Number of undirected edges.
    pub edges: usize,
    /// Number of city nodes.
    pub cities: usize,
    /// Number of network nodes.
    pub networks: usize,
    /// Whether edges carry weights (co-membership: shared networks; networks: shared members).
    pub weighted: bool,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::date::Day;
    use crate::id::{CityId, MembershipId, NetworkId, PartnershipId};
    use crate::model::{City, Membership, Network, Partnership};
    use crate::snapshot::Change;

    pub fn city(id: &str, region: &str, country: &str) -> Change {
        let c: City = serde_json::from_str(&format!(
            r#"{{"id":"{id}","name":"Name {id}","country":"{country}","region":"{region}","lat":1.0,"lon":2.0}}"#
        ))
        .unwrap();
        Change::PutCity(Arc::new(c))
    }
    pub fn network(id: &str) -> Change {
        let n: Network =
            serde_json::from_str(&format!(r#"{{"id":"{id}","name":"Net {id}"}}"#)).unwrap();
        Change::PutNetwork(Arc::new(n))
    }
    pub fn member(city: &str, net: &str, joined: &str, left: Option<&str>) -> Change {
        let left = left
            .map(|l| format!(r#","left":"{l}""#))
            .unwrap_or_default();
        let m: Membership = serde_json::from_str(&format!(
            r#"{{"city":"{city}","network":"{net}","joined":"{joined}"{left}}}"#
        ))
        .unwrap();
        Change::PutMembership(Arc::new(m))
    }
    /// A link with events given as `type@date` strings.
    pub fn link(a: &str, b: &str, kind: &str, events: &[&str]) -> Change {
        let evs: Vec<String> = events
            .iter()
            .map(|e| {
                let (t, d) = e.split_once('@').unwrap();
                format!(r#"{{"type":"{t}","date":"{d}"}}"#)
            })
            .collect();
        let p: Partnership = serde_json::from_str(&format!(
            r#"{{"cities":["{a}","{b}"],"kind":"{kind}","events":[{}]}}"#,
            evs.join(",")
        ))
        .unwrap();
        Change::PutPartnership(Arc::new(p))
    }
    pub fn snap(changes: &[Change]) -> Snapshot {
        Snapshot::default().with_changes(changes).unwrap().0
    }
    pub fn day(s: &str) -> Day {
        s.parse::<crate::date::PartialDate>().unwrap().first_day()
    }
    /// Undirected edges of a projection as id pairs, sorted.
    pub fn edge_ids(p: &Projection) -> Vec<(String, String, f64)> {
        p.graph
            .edges()
            .map(|(u, v, w)| {
                (
                    p.ids[u as usize].to_string(),
                    p.ids[v as usize].to_string(),
                    w,
                )
            })
            .collect()
    }

    fn world() -> Snapshot {
        snap(&[
            city("a", "europe", "FR"),
            city("b", "europe", "DE"),
            city("c", "asia-pacific", "JP"),
            city("d", "asia-pacific", "JP"),
            city("e", "europe", "FR"),
            city("iso", "europe", "FR"),
            network("n1"),
            network("n2"),
            network("n3"),
            link("a", "b", "sister_city", &["established@1990"]),
            link("a", "b", "friendship_city", &["established@1995"]),
            link(
                "b",
                "c",
                "sister_city",
                &["established@1990", "suspended@2020"],
            ),
            link("c", "d", "memorandum", &["established@2000", "lapsed@2010"]),
            link("a", "c", "friendship_city", &["established@2021-06"]),
            link("d", "e", "sister_city", &[]),
            member("a", "n1", "2000", None),
            member("b", "n1", "2000", None),
            member("c", "n1", "2005", Some("2015")),
            member("a", "n2", "2001", None),
            member("b", "n2", "2001", None),
            member("d", "n2", "2001", None),
            member("e", "n3", "2030", None),
        ])
    }

    #[test]
    fn twinning_keeps_active_links_and_every_included_city() {
        let s = world();
        let p = project(&s, ProjectionKind::Twinning, &Filter::on(day("2022-01-01"))).unwrap();
        let ids: Vec<&str> = p.ids.iter().map(|x| &**x).collect();
        assert_eq!(ids, ["a", "b", "c", "d", "e", "iso"]);
        // a-b twice (collapsed), b-c suspended (out), c-d lapsed (out), a-c active from 2021-06, d-e undated.
        assert_eq!(
            edge_ids(&p),
            vec![
                ("a".into(), "b".into(), 1.0),
                ("a".into(), "c".into(), 1.0),
                ("d".into(), "e".into(), 1.0)
            ]
        );
        assert_eq!(p.labels[0].as_ref(), "Name a");
        // Before 2021-06 the a-c link does not exist yet; in 2005 the c-d memorandum is active.
        let p = project(&s, ProjectionKind::Twinning, &Filter::on(day("2005"))).unwrap();
        assert_eq!(edge_ids(&p).len(), 4);
        assert!(edge_ids(&p).contains(&("c".into(), "d".into(), 1.0)));
    }

    #[test]
    fn twinning_honours_kind_region_country_and_network_filters() {
        let s = world();
        let mut f = Filter::on(day("2022"));
        f.kind = Some(crate::model::PartnershipKind::FriendshipCity);
        let p = project(&s, ProjectionKind::Twinning, &f).unwrap();
        assert_eq!(
            edge_ids(&p),
            vec![("a".into(), "b".into(), 1.0), ("a".into(), "c".into(), 1.0)]
        );
        let mut f = Filter::on(day("2022"));
        f.region = Some(crate::id::Region::Europe);
        let p = project(&s, ProjectionKind::Twinning, &f).unwrap();
        assert_eq!(
            p.ids.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            ["a", "b", "e", "iso"]
        );
        assert_eq!(edge_ids(&p), vec![("a".into(), "b".into(), 1.0)]);
        let mut f = Filter::on(day("2022"));
        f.country = Some("JP".parse().unwrap());
        let p = project(&s, ProjectionKind::Twinning, &f).unwrap();
        assert_eq!(p.node_count(), 2);
        assert_eq!(p.edge_count(), 0);
        let mut f = Filter::on(day("2022"));
        f.network = Some(NetworkId::new("n2").unwrap());
        let p = project(&s, ProjectionKind::Twinning, &f).unwrap();
        assert_eq!(
            p.ids.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            ["a", "b", "d"]
        );
        assert_eq!(edge_ids(&p), vec![("a".into(), "b".into(), 1.0)]);
    }

    #[test]
    fn co_membership_counts_shared_networks_in_force() {
        let s = world();
        let p = project(&s, ProjectionKind::CoMembership, &Filter::on(day("2010"))).unwrap();
        // e joins n3 only in 2030 and iso is in no network: neither is a node.
        assert_eq!(
            p.ids.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            ["a", "b", "c", "d"]
        );
        assert_eq!(
            edge_ids(&p),
            vec![
                ("a".into(), "b".into(), 2.0),
                ("a".into(), "c".into(), 1.0),
                ("a".into(), "d".into(), 1.0),
                ("b".into(), "c".into(), 1.0),
                ("b".into(), "d".into(), 1.0),
            ]
        );
        // After c left n1 in 2015 it is no longer a node.
        let p = project(&s, ProjectionKind::CoMembership, &Filter::on(day("2016"))).unwrap();
        assert_eq!(p.city_index("c"), None);
        assert_eq!(p.edge_count(), 3);
    }

    #[test]
    fn networks_and_bipartite_projections() {
        let s = world();
        let p = project(&s, ProjectionKind::Networks, &Filter::on(day("2010"))).unwrap();
        assert_eq!(
            p.ids.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            ["n1", "n2"]
        );
        assert_eq!(edge_ids(&p), vec![("n1".into(), "n2".into(), 2.0)]);
        assert_eq!(p.node_kind(0), NodeKind::Network);
        let p = project(&s, ProjectionKind::Bipartite, &Filter::on(day("2010"))).unwrap();
        assert_eq!(p.first_network, 4);
        assert_eq!(p.index_of(NodeKind::Network, "n2"), Some(5));
        assert_eq!(p.index_of(NodeKind::City, "n2"), None);
        assert_eq!(p.edge_count(), 6);
        assert_eq!(p.summary().cities, 4);
        assert_eq!(p.summary().networks, 2);
        // A region filter drops the members outside it, and networks left without members.
        let mut f = Filter::on(day("2010"));
        f.region = Some(crate::id::Region::AsiaPacific);
        let p = project(&s, ProjectionKind::Bipartite, &f).unwrap();
        assert_eq!(
            p.ids.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            ["c", "d", "n1", "n2"]
        );
        assert_eq!(p.edge_count(), 2);
    }

    #[test]
    fn too_large_membership_projections_are_refused() {
        let s = world();
        let e = project_with_limit(
            &s,
            ProjectionKind::CoMembership,
            &Filter::on(day("2010")),
            5,
        )
        .unwrap_err();
        assert_eq!(e.code(), "projection_too_large");
        assert!(e.to_string().contains("limit of 5"), "{e}");
        assert!(
            project_with_limit(&s, ProjectionKind::Twinning, &Filter::on(day("2010")), 0).is_ok()
        );
    }

    #[test]
    fn a_deleted_city_disappears_from_every_projection() {
        let s = world();
        let (s2, _) = s
            .with_changes(&[
                Change::DeletePartnership(PartnershipId::new("d--e").unwrap()),
                Change::DeleteMembership(MembershipId::new("n3--e").unwrap()),
                Change::DeleteCity(CityId::new("e").unwrap()),
                Change::DeleteCity(CityId::new("iso").unwrap()),
            ])
            .unwrap();
        for kind in ProjectionKind::ALL {
            let p = project(&s2, kind, &Filter::on(day("2040"))).unwrap();
            assert_eq!(p.city_index("e"), None, "{kind}");
            assert_eq!(p.city_index("iso"), None, "{kind}");
        }
        let p = project(&s2, ProjectionKind::Twinning, &Filter::on(day("2022"))).unwrap();
        assert_eq!(p.node_count(), 4);
        assert_eq!(p.edge_count(), 2);
    }

    #[test]
    fn parses_projection_names() {
        for k in ProjectionKind::ALL {
            assert_eq!(k.as_str().parse::<ProjectionKind>().unwrap(), k);
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        assert_eq!(
            "co_membership".parse::<ProjectionKind>().unwrap(),
            ProjectionKind::CoMembership
        );
        assert_eq!(
            "friends".parse::<ProjectionKind>().unwrap_err().code(),
            "unknown_projection"
        );
    }

    #[test]
    fn csr_collapses_duplicates_and_drops_loops() {
        let g = Csr::from_edges(4, [(0, 1), (1, 0), (2, 2), (3, 1), (1, 3)]);
        assert_eq!(g.offsets, vec![0, 1, 3, 3, 4]);
        assert_eq!(g.targets, vec![1, 0, 3, 1]);
        assert_eq!(g.edge_count(), 2);
        let w = Csr::from_weighted_edges(3, [(0, 1, 2.0), (1, 0, 0.5), (1, 2, 1.0)]);
        assert_eq!(
            w.edges().collect::<Vec<_>>(),
            vec![(0, 1, 2.5), (1, 2, 1.0)]
        );
        let pg = w.to_petgraph();
        assert_eq!((pg.node_count(), pg.edge_count()), (3, 2));
        assert_eq!(Csr::default().node_count(), 0);
    }

    #[test]
    fn a_cancelled_build_stops_with_its_reason() {
        use crate::algo::cancel::{Cancel, Cancelled};
        let s = snap(&[
            city("a", "europe", "FR"),
            city("b", "europe", "DE"),
            link("a", "b", "sister_city", &["established@1990"]),
        ]);
        let f = Filter::on(day("2000"));
        let c = Cancel::new(None);
        c.cancel();
        for kind in [ProjectionKind::Twinning, ProjectionKind::CoMembership] {
            assert_eq!(
                project_cancellable(&s, kind, &f, DEFAULT_MAX_PAIRS, &c).unwrap_err(),
                ProjectionError::Cancelled(Cancelled::Abandoned)
            );
        }
        let live = Cancel::new(None);
        let p = project_cancellable(&s, ProjectionKind::Twinning, &f, DEFAULT_MAX_PAIRS, &live)
            .unwrap();
        assert_eq!(p.edge_count(), 1);
        assert_eq!(live.progress().done, live.progress().total);
    }
}
