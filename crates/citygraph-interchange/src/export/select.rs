//! The selection step shared by every export: which nodes and edges an export contains.
//!
//! A [`Selection`] does not copy the graph: [`Selection::nodes`] and [`Selection::edges`] are lazy
//! iterators over the snapshot's maps (in id order), so memory does not grow with the export.

use citygraph_core::date::Day;
use citygraph_core::model::{City, Membership, Network, Partnership, Status};
use citygraph_core::{PartialDate, Snapshot};

use super::{ExportOptions, Projection};

/// A node of an export: a city, or (in the bipartite projection) a network.
#[derive(Clone, Copy, Debug)]
pub enum NodeRef<'a> {
    /// A city (both projections).
    City(&'a City),
    /// A network (bipartite projection only).
    Network(&'a Network),
}

impl<'a> NodeRef<'a> {
    /// The entity id (`fr-paris`, `c40`), without the projection's prefix.
    pub fn raw_id(&self) -> &'a str {
        match self {
            NodeRef::City(c) => c.id.as_str(),
            NodeRef::Network(n) => n.id.as_str(),
        }
    }

    /// The display name.
    pub fn name(&self) -> &'a str {
        match self {
            NodeRef::City(c) => &c.name,
            NodeRef::Network(n) => &n.name,
        }
    }

    /// `city` or `network`.
    pub fn type_name(&self) -> &'static str {
        match self {
            NodeRef::City(_) => "city",
            NodeRef::Network(_) => "network",
        }
    }
}

/// An edge of an export: a partnership with its status on `as_of`, or (bipartite) a membership.
#[derive(Clone, Copy, Debug)]
pub enum EdgeRef<'a> {
    Partnership {
        partnership: &'a Partnership,
        status: Status,
    },
    Membership(&'a Membership),
}

impl<'a> EdgeRef<'a> {
    /// The edge id: the partnership or membership id.
    pub fn id(&self) -> &'a str {
        match self {
            EdgeRef::Partnership { partnership, .. } => partnership.id.as_str(),
            EdgeRef::Membership(m) => m.id.as_str(),
        }
    }

    /// The partnership kind (`sister_city`, ...) or `membership`.
    pub fn kind(&self) -> &'static str {
        match self {
            EdgeRef::Partnership { partnership, .. } => partnership.kind.as_str(),
            EdgeRef::Membership(_) => "membership",
        }
    }

    /// The status on `as_of`: the partnership's, or `active` for a membership (only memberships in
    /// force are selected).
    pub fn status(&self) -> &'static str {
        match self {
            EdgeRef::Partnership { status, .. } => status.as_str(),
            EdgeRef::Membership(_) => Status::Active.as_str(),
        }
    }

    /// When the link started, if known: the `established` event, or the membership's start.
    pub fn established(&self) -> Option<PartialDate> {
        match self {
            EdgeRef::Partnership { partnership, .. } => partnership.established(),
            EdgeRef::Membership(m) => m.start(),
        }
    }

    /// The date the link ended, if it has ended on `as_of`: the lapse or termination that set the
    /// ended status (`None` for a link in force, and for memberships, which are selected only while
    /// in force).
    pub fn ended(&self, as_of: Day) -> Option<PartialDate> {
        match self {
            EdgeRef::Partnership {
                partnership,
                status,
            } if status.is_ended() => partnership
                .events
                .iter()
                .rev()
                .filter(|e| e.date.in_force_on(as_of))
                .find(|e| {
                    matches!(
                        e.kind,
                        citygraph_core::EventType::Lapsed | citygraph_core::EventType::Terminated
                    )
                })
                .map(|e| e.date),
            _ => None,
        }
    }

    /// The city end(s): both cities of a partnership; the city of a membership.
    pub fn source_raw(&self) -> &'a str {
        match self {
            EdgeRef::Partnership { partnership, .. } => partnership.cities[0].as_str(),
            EdgeRef::Membership(m) => m.city.as_str(),
        }
    }

    /// The other end: the second city, or the network of a membership.
    pub fn target_raw(&self) -> &'a str {
        match self {
            EdgeRef::Partnership { partnership, .. } => partnership.cities[1].as_str(),
            EdgeRef::Membership(m) => m.network.as_str(),
        }
    }

    /// The membership role, if any.
    pub fn role(&self) -> Option<&'a str> {
        match self {
            EdgeRef::Partnership { .. } => None,
            EdgeRef::Membership(m) => m.role.as_deref(),
        }
    }
}

/// The nodes and edges that an export of `snap` under `opts` contains.
///
/// - Nodes: the cities that pass the filter (region, country, network membership on `as_of`), in
///   id order; in the bipartite projection, followed by the networks that have at least one
///   membership in force on `as_of` of a selected city.
/// - Edges (twinning): the partnerships whose two cities are selected, that exist on `as_of`
///   ([`Partnership::status_on`] is `Some`) and pass the kind and status restrictions.
/// - Edges (bipartite): the memberships in force on `as_of` of selected cities.
#[derive(Clone, Copy, Debug)]
pub struct Selection<'a> {
    /// The graph version exported.
    pub snap: &'a Snapshot,
    /// What is exported.
    pub opts: &'a ExportOptions,
}

impl<'a> Selection<'a> {
    /// The selection of `snap` under `opts`.
    pub fn new(snap: &'a Snapshot, opts: &'a ExportOptions) -> Selection<'a> {
        Selection { snap, opts }
    }

    /// The day the export describes.
    pub fn as_of(&self) -> Day {
        self.opts.filter.as_of
    }

    /// Whether the export is of the bipartite city-network graph.
    pub fn bipartite(&self) -> bool {
        self.opts.projection == Projection::Bipartite
    }

    /// Whether a city passes the filter.
    pub fn city_selected(&self, city: &City) -> bool {
        self.opts.filter.city_included(self.snap, city)
    }

    /// Whether the filter restricts cities at all (region, country or network).
    pub fn restricts_cities(&self) -> bool {
        let f = &self.opts.filter;
        f.region.is_some() || f.country.is_some() || f.network.is_some()
    }

    /// Whether the city with this id passes the filter. Ids come from partnerships and memberships,
    /// whose cities the snapshot guarantees to exist, so without a restriction no lookup is needed.
    pub fn city_id_selected(&self, id: &str) -> bool {
        !self.restricts_cities() || self.snap.city(id).is_some_and(|c| self.city_selected(c))
    }

    /// The status of a partnership on `as_of` when it belongs in the export (both ends selected,
    /// kind and status restrictions passed).
    pub fn partnership_status(&self, p: &Partnership) -> Option<Status> {
        let status = self.opts.filter.partnership_status(p)?;
        if !self.opts.status.accepts(status) {
            return None;
        }
        if self.city_id_selected(p.cities[0].as_str())
            && self.city_id_selected(p.cities[1].as_str())
        {
            Some(status)
        } else {
            None
        }
    }

    /// Whether a membership belongs in the export: in force on `as_of`, of a selected city.
    pub fn membership_selected(&self, m: &Membership) -> bool {
        self.opts.filter.membership_in_force(m) && self.city_id_selected(m.city.as_str())
    }

    /// Whether a network has a selected membership.
    pub fn network_selected(&self, n: &Network) -> bool {
        self.snap
            .members_of(n.id.as_str())
            .any(|m| self.membership_selected(m))
    }

    /// Selected cities, in id order.
    pub fn cities(&self) -> impl Iterator<Item = &'a City> + 'a {
        let sel = *self;
        self.snap
            .cities
            .values()
            .map(|c| &**c)
            .filter(move |c| sel.city_selected(c))
    }

    /// Networks with a selected membership, in id order.
    pub fn networks(&self) -> impl Iterator<Item = &'a Network> + 'a {
        let sel = *self;
        self.snap
            .networks
            .values()
            .map(|n| &**n)
            .filter(move |n| sel.network_selected(n))
    }

    /// Selected memberships, in id order.
    pub fn memberships(&self) -> impl Iterator<Item = &'a Membership> + 'a {
        let sel = *self;
        self.snap
            .memberships
            .values()
            .map(|m| &**m)
            .filter(move |m| sel.membership_selected(m))
    }

    /// Selected partnerships with their status on `as_of`, in id order.
    pub fn partnerships(&self) -> impl Iterator<Item = (&'a Partnership, Status)> + 'a {
        let sel = *self;
        self.snap
            .partnerships
            .values()
            .filter_map(move |p| sel.partnership_status(p).map(|s| (&**p, s)))
    }

    /// The nodes of the projection, in output order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        let networks = self
            .bipartite()
            .then(|| self.networks().map(NodeRef::Network));
        self.cities()
            .map(NodeRef::City)
            .chain(networks.into_iter().flatten())
    }

    /// The edges of the projection, in output order.
    pub fn edges(&self) -> Box<dyn Iterator<Item = EdgeRef<'a>> + 'a> {
        if self.bipartite() {
            Box::new(self.memberships().map(EdgeRef::Membership))
        } else {
            Box::new(
                self.partnerships()
                    .map(|(partnership, status)| EdgeRef::Partnership {
                        partnership,
                        status,
                    }),
            )
        }
    }

    /// The id a node has in graph formats: the entity id in the twinning projection; `city:ID` or
    /// `network:ID` in the bipartite one (city and network ids are separate namespaces).
    pub fn node_id(&self, node: &NodeRef<'_>) -> String {
        if self.bipartite() {
            format!("{}:{}", node.type_name(), node.raw_id())
        } else {
            node.raw_id().to_owned()
        }
    }

    /// The graph-format ids of an edge's two ends (see [`Selection::node_id`]).
    pub fn edge_ends(&self, edge: &EdgeRef<'_>) -> (String, String) {
        match edge {
            EdgeRef::Partnership { partnership, .. } => {
                if self.bipartite() {
                    (
                        format!("city:{}", partnership.cities[0]),
                        format!("city:{}", partnership.cities[1]),
                    )
                } else {
                    (
                        partnership.cities[0].to_string(),
                        partnership.cities[1].to_string(),
                    )
                }
            }
            EdgeRef::Membership(m) => {
                if self.bipartite() {
                    (format!("city:{}", m.city), format!("network:{}", m.network))
                } else {
                    (m.city.to_string(), m.network.to_string())
                }
            }
        }
    }
}
