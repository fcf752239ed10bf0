//! Connected components of a projection.
//!
//! Two nodes are in the same component when a chain of edges of the projection joins them; an
//! isolated node is a component of size 1. Components are listed by size, largest first, ties broken
//! by their first node in index order (the smallest id; cities before networks in the bipartite
//! projection); members are listed in index order.

use serde::Serialize;

use crate::algo::cancel::{Cancel, Cancelled};
use crate::algo::projection::{Csr, NodeKind, Projection, ProjectionKind};

/// Nodes visited between two checks of the cancellation handle.
const CHECK_EVERY: u64 = 4096;

/// The component of every node: `(labels, count)`, where `labels[v]` is in `0..count` and components
/// are numbered in order of their smallest node index.
pub fn component_labels(g: &Csr) -> (Vec<u32>, usize) {
    component_labels_checked(g, &Cancel::never()).expect("never cancelled")
}

/// [`component_labels`], checking `cancel` every [`CHECK_EVERY`] nodes visited.
pub fn component_labels_checked(g: &Csr, cancel: &Cancel) -> Result<(Vec<u32>, usize), Cancelled> {
    cancel.check()?;
    let n = g.node_count();
    cancel.add_work(n as u64);
    let mut tick = cancel.ticker(CHECK_EVERY);
    let mut label = vec![u32::MAX; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut count = 0u32;
    for s in 0..n {
        if label[s] != u32::MAX {
            continue;
        }
        label[s] = count;
        stack.push(s as u32);
        while let Some(v) = stack.pop() {
            tick.tick()?;
            for &w in g.neighbors(v as usize) {
                if label[w as usize] == u32::MAX {
                    label[w as usize] = count;
                    stack.push(w);
                }
            }
        }
        count += 1;
    }
    Ok((label, count as usize))
}

/// The members of every component, each list in index order, the lists by size descending then by
/// their first node.
pub fn component_members(g: &Csr) -> Vec<Vec<u32>> {
    component_members_checked(g, &Cancel::never()).expect("never cancelled")
}

fn component_members_checked(g: &Csr, cancel: &Cancel) -> Result<Vec<Vec<u32>>, Cancelled> {
    let (label, count) = component_labels_checked(g, cancel)?;
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); count];
    for (v, &c) in label.iter().enumerate() {
        members[c as usize].push(v as u32);
    }
    // Labels follow the first node, so a stable sort by size keeps that order among equal sizes.
    members.sort_by_key(|m| std::cmp::Reverse(m.len()));
    Ok(members)
}

/// One connected component.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Component {
    /// Number of nodes.
    pub size: usize,
    /// Number of edges inside the component.
    pub edges: usize,
    /// City ids of the members, in id order (when members were asked for).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cities: Option<Vec<String>>,
    /// Network ids of the members, in id order (when members were asked for).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub networks: Option<Vec<String>>,
}

/// The connected components of a projection.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComponentsResult {
    pub projection: ProjectionKind,
    /// The day the projection describes (`YYYY-MM-DD`).
    pub as_of: String,
    /// Nodes in the projection.
    pub nodes: usize,
    /// Undirected edges in the projection.
    pub edges: usize,
    /// Number of components (isolated nodes included).
    pub count: usize,
    /// Components of a single node.
    pub isolated: usize,
    /// Size of the largest component (0 for an empty projection).
    pub largest: usize,
    /// Share of the nodes in the largest component (0 for an empty projection).
    pub largest_share: f64,
    /// The components by size descending (the first `top` when asked), ties by first member id.
    pub components: Vec<Component>,
}

/// Connected components of `proj`: counts, and the components by size (the first `top` when
/// given), with their member ids when `members` is true.
pub fn components(proj: &Projection, members: bool, top: Option<usize>) -> ComponentsResult {
    components_cancellable(proj, members, top, &Cancel::never()).expect("never cancelled")
}

/// [`components`], checking `cancel` while the components are labelled.
pub fn components_cancellable(
    proj: &Projection,
    members: bool,
    top: Option<usize>,
    cancel: &Cancel,
) -> Result<ComponentsResult, Cancelled> {
    let g = &proj.graph;
    let all = component_members_checked(g, cancel)?;
    let n = proj.node_count();
    let largest = all.first().map_or(0, Vec::len);
    let listed = top.unwrap_or(all.len()).min(all.len());
    let components = all[..listed]
        .iter()
        .map(|m| {
            let degree_sum: usize = m.iter().map(|&v| g.degree(v as usize)).sum();
            let (cities, networks) = if members {
                let ids = |kind: NodeKind| -> Vec<String> {
                    m.iter()
                        .filter(|&&v| proj.node_kind(v as usize) == kind)
                        .map(|&v| proj.ids[v as usize].to_string())
                        .collect()
                };
                match proj.kind {
                    ProjectionKind::Networks => (None, Some(ids(NodeKind::Network))),
                    ProjectionKind::Bipartite => {
                        (Some(ids(NodeKind::City)), Some(ids(NodeKind::Network)))
                    }
                    _ => (Some(ids(NodeKind::City)), None),
                }
            } else {
                (None, None)
            };
            Component {
                size: m.len(),
                edges: degree_sum / 2,
                cities,
                networks,
            }
        })
        .collect();
    Ok(ComponentsResult {
        projection: proj.kind,
        as_of: proj.filter.as_of.to_string(),
        nodes: n,
        edges: proj.edge_count(),
        count: all.len(),
        isolated: all.iter().filter(|m| m.len() == 1).count(),
        largest,
        largest_share: if n == 0 {
            0.0
        } else {
            largest as f64 / n as f64
        },
        components,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::algo::filter::Filter;
    use crate::algo::projection::project;
    use crate::algo::projection::tests::{city, day, link, member, network, snap};

    #[test]
    fn labels_follow_the_first_node() {
        // 0-1-2, 3-4, 5 alone, 6-2.
        let g = Csr::from_edges(7, [(0, 1), (1, 2), (3, 4), (6, 2)]);
        let (labels, count) = component_labels(&g);
        assert_eq!(count, 3);
        assert_eq!(labels, vec![0, 0, 0, 1, 1, 2, 0]);
        assert_eq!(
            component_members(&g),
            vec![vec![0, 1, 2, 6], vec![3, 4], vec![5]]
        );
        assert_eq!(component_labels(&Csr::default()), (vec![], 0));
    }

    #[test]
    fn equal_sizes_are_ordered_by_first_member() {
        let g = Csr::from_edges(6, [(4, 5), (0, 3), (1, 2)]);
        assert_eq!(
            component_members(&g),
            vec![vec![0, 3], vec![1, 2], vec![4, 5]]
        );
    }

    #[test]
    fn components_of_a_twinning_projection() {
        let s = snap(&[
            city("a", "europe", "FR"),
            city("b", "europe", "DE"),
            city("c", "europe", "IT"),
            city("d", "europe", "ES"),
            city("e", "europe", "PT"),
            link("a", "b", "sister_city", &["established@1990"]),
            link("c", "d", "sister_city", &["established@1990"]),
            link(
                "d",
                "e",
                "sister_city",
                &["established@1990", "lapsed@2000"],
            ),
        ]);
        let p = project(&s, ProjectionKind::Twinning, &Filter::on(day("2010"))).unwrap();
        let r = components(&p, true, None);
        assert_eq!((r.count, r.isolated, r.largest), (3, 1, 2));
        assert!((r.largest_share - 0.4).abs() < 1e-12);
        assert_eq!(r.components[0].cities.as_deref().unwrap(), ["a", "b"]);
        assert_eq!(r.components[1].cities.as_deref().unwrap(), ["c", "d"]);
        assert_eq!(r.components[2].cities.as_deref().unwrap(), ["e"]);
        assert_eq!(r.components[0].edges, 1);
        assert!(r.components[0].networks.is_none());
        // Before the lapse c-d-e is one component.
        let p = project(&s, ProjectionKind::Twinning, &Filter::on(day("1995"))).unwrap();
        let r = components(&p, false, Some(1));
        assert_eq!((r.count, r.largest, r.components.len()), (2, 3, 1));
        assert!(r.components[0].cities.is_none());
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json["components"][0],
            serde_json::json!({"size": 3, "edges": 2})
        );
    }

    #[test]
    fn bipartite_components_list_cities_and_networks() {
        let s = snap(&[
            city("a", "europe", "FR"),
            city("b", "europe", "DE"),
            city("c", "europe", "IT"),
            network("n1"),
            network("n2"),
            member("a", "n1", "2000", None),
            member("b", "n1", "2000", None),
            member("c", "n2", "2000", None),
        ]);
        let p = project(&s, ProjectionKind::Bipartite, &Filter::on(day("2010"))).unwrap();
        let r = components(&p, true, None);
        assert_eq!(r.count, 2);
        assert_eq!(r.components[0].cities.as_deref().unwrap(), ["a", "b"]);
        assert_eq!(r.components[0].networks.as_deref().unwrap(), ["n1"]);
        assert_eq!(r.components[1].networks.as_deref().unwrap(), ["n2"]);
        let p = project(&s, ProjectionKind::Networks, &Filter::on(day("2010"))).unwrap();
        let r = components(&p, true, None);
        assert_eq!(r.count, 2);
        assert!(r.components[0].cities.is_none());
    }

    proptest! {
        #[test]
        fn components_partition_the_nodes_and_match_petgraph(
            n in 1usize..40,
            edges in proptest::collection::vec((0u32..40, 0u32..40), 0..60),
        ) {
            let edges: Vec<(u32, u32)> = edges.into_iter().filter(|(a, b)| (*a as usize) < n && (*b as usize) < n).collect();
            let g = Csr::from_edges(n, edges);
            let members = component_members(&g);
            prop_assert_eq!(members.iter().map(Vec::len).sum::<usize>(), n);
            prop_assert!(members.windows(2).all(|w| w[0].len() >= w[1].len()));
            prop_assert_eq!(members.len(), petgraph::algo::connected_components(&g.to_petgraph()));
            let (labels, _) = component_labels(&g);
            for (u, v, _) in g.edges() {
                prop_assert_eq!(labels[u as usize], labels[v as usize]);
            }
        }
    }
}
