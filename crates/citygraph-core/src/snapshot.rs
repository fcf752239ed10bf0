//! The in-memory state of the graph at one version, and the changes that move it to the next.
//!
//! A [`Snapshot`] is made of persistent maps (`imbl`): cloning one is O(1) and a change copies only
//! the paths it touches, so a writer builds version N+1 from a clone of N while readers keep N whole.

use std::sync::Arc;

use imbl::OrdMap;

use crate::date::Day;
use crate::error::{ApplyError, CoreError};
use crate::id::{CityId, MembershipId, NetworkId, PartnershipId};
use crate::model::{City, Membership, Network, Partnership, PartnershipKind};

/// One primitive write. A logical operation (a request, an import) is a list of these, applied and
/// stored atomically.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    PutCity(Arc<City>),
    DeleteCity(CityId),
    PutNetwork(Arc<Network>),
    DeleteNetwork(NetworkId),
    PutMembership(Arc<Membership>),
    DeleteMembership(MembershipId),
    PutPartnership(Arc<Partnership>),
    DeletePartnership(PartnershipId),
}

impl Change {
    /// `(entity kind, id)` of what the change touches.
    pub fn target(&self) -> (&'static str, &str) {
        match self {
            Change::PutCity(c) => ("city", c.id.as_str()),
            Change::DeleteCity(id) => ("city", id.as_str()),
            Change::PutNetwork(n) => ("network", n.id.as_str()),
            Change::DeleteNetwork(id) => ("network", id.as_str()),
            Change::PutMembership(m) => ("membership", m.id.as_str()),
            Change::DeleteMembership(id) => ("membership", id.as_str()),
            Change::PutPartnership(p) => ("partnership", p.id.as_str()),
            Change::DeletePartnership(id) => ("partnership", id.as_str()),
        }
    }
    pub fn is_delete(&self) -> bool {
        matches!(
            self,
            Change::DeleteCity(_)
                | Change::DeleteNetwork(_)
                | Change::DeleteMembership(_)
                | Change::DeletePartnership(_)
        )
    }
}

/// How one change of [`Snapshot::bulk_from_empty`] turned out.
#[derive(Clone, Debug, PartialEq)]
pub enum BulkOutcome {
    /// Equal to the entity of that id so far: nothing to write.
    Unchanged,
    Applied(Applied),
    Refused(ApplyError),
}

/// Whether a put created a new entity or replaced an existing one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    Created,
    Updated,
    Deleted,
}

/// The whole graph at one version. Two snapshots are equal when their version, every entity and
/// every index are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub version: u64,
    pub cities: OrdMap<CityId, Arc<City>>,
    pub networks: OrdMap<NetworkId, Arc<Network>>,
    pub memberships: OrdMap<MembershipId, Arc<Membership>>,
    pub partnerships: OrdMap<PartnershipId, Arc<Partnership>>,
    /// city -> partnerships that involve it
    pub links_of: OrdMap<CityId, IdSet<PartnershipId>>,
    /// city -> its memberships
    pub memberships_of_city: OrdMap<CityId, IdSet<MembershipId>>,
    /// network -> its memberships
    pub members_of_network: OrdMap<NetworkId, IdSet<MembershipId>>,
    /// a former id of a city (`City::aliases`) -> the city that carries it now
    pub alias_of: OrdMap<CityId, CityId>,
}

/// A small sorted set of ids, shared between snapshot versions until one of them changes it.
///
/// Most cities have a handful of links and memberships: a sorted vector behind an `Arc` costs a
/// fraction of a persistent tree per key, and copying it on write is cheap at these sizes.
pub type IdSet<V> = Arc<Vec<V>>;

fn add_to<K: Ord + Clone, V: Ord + Clone>(map: &mut OrdMap<K, IdSet<V>>, k: &K, v: V) {
    match map.get_mut(k) {
        Some(set) => {
            if let Err(at) = set.binary_search(&v) {
                Arc::make_mut(set).insert(at, v);
            }
        }
        None => {
            map.insert(k.clone(), Arc::new(vec![v]));
        }
    }
}

fn remove_from<K: Ord + Clone, V: Ord + Clone>(map: &mut OrdMap<K, IdSet<V>>, k: &K, v: &V) {
    let now_empty = match map.get_mut(k) {
        Some(set) => {
            if let Ok(at) = set.binary_search(v) {
                Arc::make_mut(set).remove(at);
            }
            set.is_empty()
        }
        None => false,
    };
    if now_empty {
        map.remove(k);
    }
}

/// The entities of a snapshot in id order, with the handles that tie them together: a handle is
/// the position of a city (or network) in `cities` (or `networks`). What a checkpoint decodes into.
#[derive(Debug, Default)]
pub struct Parts {
    pub version: u64,
    pub cities: Vec<Arc<City>>,
    pub networks: Vec<Arc<Network>>,
    /// Each membership with the handles of its city and network.
    pub memberships: Vec<(Arc<Membership>, u32, u32)>,
    /// Each partnership with the handles of its two cities.
    pub partnerships: Vec<(Arc<Partnership>, [u32; 2])>,
}

fn strictly_sorted<T>(v: &[T], key: impl Fn(&T) -> &str, what: &str) -> Result<(), String> {
    match v.windows(2).position(|w| key(&w[0]) >= key(&w[1])) {
        None => Ok(()),
        Some(i) => Err(format!(
            "{what} are not in strict id order at {:?}",
            key(&v[i + 1])
        )),
    }
}

/// A sorted map from sorted `(key, value)` pairs.
fn sorted_map<K: Ord + Clone, V: Clone>(items: impl Iterator<Item = (K, V)>) -> OrdMap<K, V> {
    items.collect()
}

/// An index map from per-handle lists (handles in id order), leaving out empty lists.
fn by_handle<K: Ord + Clone, V: Clone>(
    lists: Vec<Vec<V>>,
    key: impl Fn(usize) -> K,
) -> OrdMap<K, IdSet<V>> {
    sorted_map(
        lists
            .into_iter()
            .enumerate()
            .filter(|(_, l)| !l.is_empty())
            .map(|(h, l)| (key(h), Arc::new(l))),
    )
}

impl Snapshot {
    /// Builds a snapshot and every index from entities in id order, in one linear pass per index
    /// (two threads). Checks the order, that every handle names the entity it claims to, and the
    /// rules [`Snapshot::apply`] checks per entity that involve several of them (a duplicate
    /// active link of a pair is refused), so that bytes which pass a checksum but were written
    /// wrong still cannot make a wrong graph.
    pub fn from_parts(parts: Parts) -> Result<Snapshot, String> {
        let Parts {
            version,
            cities,
            networks,
            memberships,
            partnerships,
        } = parts;
        strictly_sorted(&cities, |c| c.id.as_str(), "cities")?;
        strictly_sorted(&networks, |n| n.id.as_str(), "networks")?;
        strictly_sorted(&memberships, |m| m.0.id.as_str(), "memberships")?;
        strictly_sorted(&partnerships, |p| p.0.id.as_str(), "partnerships")?;
        let city_at = |h: u32, id: &CityId| -> Result<(), String> {
            match cities.get(h as usize) {
                Some(c) if c.id == *id => Ok(()),
                _ => Err(format!("city handle {h} does not name city {id}")),
            }
        };
        for (m, c, n) in &memberships {
            city_at(*c, &m.city)?;
            match networks.get(*n as usize) {
                Some(x) if x.id == m.network => {}
                _ => return Err(format!("network handle {n} does not name {}", m.network)),
            }
        }
        for (p, [a, b]) in &partnerships {
            city_at(*a, &p.cities[0])?;
            city_at(*b, &p.cities[1])?;
            if a == b {
                return Err(format!("partnership {} links a city with itself", p.id));
            }
        }
        // An id names one city: no alias is a city's id or carried by two cities.
        let mut aliases: Vec<(CityId, CityId)> = cities
            .iter()
            .flat_map(|c| c.aliases.iter().map(|a| (a.clone(), c.id.clone())))
            .collect();
        aliases.sort_unstable();
        for w in aliases.windows(2) {
            if w[0].0 == w[1].0 {
                return Err(format!(
                    "alias {} is carried by {} and {}",
                    w[0].0, w[0].1, w[1].1
                ));
            }
        }
        if let Some((a, c)) = aliases
            .iter()
            .find(|(a, _)| cities.binary_search_by(|x| x.id.cmp(a)).is_ok())
        {
            return Err(format!("alias {a} of city {c} is another city's id"));
        }
        let alias_of: OrdMap<CityId, CityId> = aliases.into_iter().collect();

        let (links, rest) = std::thread::scope(|s| {
            let links = s.spawn(|| {
                let map = sorted_map(partnerships.iter().map(|(p, _)| (p.id.clone(), p.clone())));
                // At most one link of a pair and kind in force: sort the pairs, look at runs.
                let mut pairs: Vec<(u32, u32, PartnershipKind, bool)> = partnerships
                    .iter()
                    .map(|(p, [a, b])| {
                        (
                            (*a).min(*b),
                            (*a).max(*b),
                            p.kind,
                            !p.status_now().is_ended(),
                        )
                    })
                    .collect();
                pairs.sort_unstable();
                for w in pairs.windows(2) {
                    if w[0] == w[1] && w[0].3 {
                        return Err(format!(
                            "more than one link in force between {} and {}",
                            cities[w[0].0 as usize].id, cities[w[0].1 as usize].id
                        ));
                    }
                }
                Ok(map)
            });
            let rest = s.spawn(|| {
                let city_map = sorted_map(cities.iter().map(|c| (c.id.clone(), c.clone())));
                let network_map = sorted_map(networks.iter().map(|n| (n.id.clone(), n.clone())));
                let membership_map = sorted_map(
                    memberships
                        .iter()
                        .map(|(m, _, _)| (m.id.clone(), m.clone())),
                );
                let mut adj: Vec<Vec<PartnershipId>> = vec![Vec::new(); cities.len()];
                for (p, [a, b]) in &partnerships {
                    adj[*a as usize].push(p.id.clone());
                    adj[*b as usize].push(p.id.clone());
                }
                let mut of_city: Vec<Vec<MembershipId>> = vec![Vec::new(); cities.len()];
                let mut of_network: Vec<Vec<MembershipId>> = vec![Vec::new(); networks.len()];
                for (m, c, n) in &memberships {
                    of_city[*c as usize].push(m.id.clone());
                    of_network[*n as usize].push(m.id.clone());
                }
                let links_of = by_handle(adj, |h| cities[h].id.clone());
                let memberships_of_city = by_handle(of_city, |h| cities[h].id.clone());
                let members_of_network = by_handle(of_network, |h| networks[h].id.clone());
                (
                    city_map,
                    network_map,
                    membership_map,
                    links_of,
                    memberships_of_city,
                    members_of_network,
                )
            });
            (
                links.join().expect("index build does not panic"),
                rest.join().expect("index build does not panic"),
            )
        });
        let partnerships = links?;
        let (cities, networks, memberships, links_of, memberships_of_city, members_of_network) =
            rest;
        Ok(Snapshot {
            version,
            cities,
            networks,
            memberships,
            partnerships,
            links_of,
            memberships_of_city,
            members_of_network,
            alias_of,
        })
    }

    /// Applies puts to the empty graph with the outcome [`Snapshot::apply`] would give each one in
    /// turn (a put equal to the entity of that id so far is [`BulkOutcome::Unchanged`], else it is
    /// checked and applied or refused), but with hash indexes and one linear build
    /// ([`Snapshot::from_parts`]) instead of a persistent-map update per change: the import of a
    /// large graph into an empty store. `changes` must be puts only, in load order (cities,
    /// networks, memberships, partnerships) and id order within a kind, as an import sorts them;
    /// otherwise `None` is returned and the caller applies them one at a time.
    pub fn bulk_from_empty(changes: &[Change]) -> Option<(Snapshot, Vec<BulkOutcome>)> {
        let rank = |c: &Change| match c {
            Change::PutCity(_) => Some(0),
            Change::PutNetwork(_) => Some(1),
            Change::PutMembership(_) => Some(2),
            Change::PutPartnership(_) => Some(3),
            _ => None,
        };
        let mut prev: Option<(u8, &str)> = None;
        for c in changes {
            let key = (rank(c)?, c.target().1);
            if prev.is_some_and(|p| p > key) {
                return None;
            }
            prev = Some(key);
        }
        let mut outcomes: Vec<BulkOutcome> = Vec::with_capacity(changes.len());
        let mut parts = Parts::default();
        // The value of the id being read so far, and how a put of it turns out.
        fn put<T: PartialEq>(
            cur: &mut Option<Arc<T>>,
            new: &Arc<T>,
            check: impl FnOnce(&Option<Arc<T>>) -> Result<(), ApplyError>,
        ) -> BulkOutcome {
            if cur.as_ref().is_some_and(|c| **c == **new) {
                return BulkOutcome::Unchanged;
            }
            match check(cur) {
                Err(e) => BulkOutcome::Refused(e),
                Ok(()) => {
                    let was = cur.replace(new.clone());
                    BulkOutcome::Applied(if was.is_some() {
                        Applied::Updated
                    } else {
                        Applied::Created
                    })
                }
            }
        }
        let mut i = 0;
        let n = changes.len();
        let same_id = |i: usize, j: usize| changes[i].target().1 == changes[j].target().1;
        let mut city_handles: std::collections::HashMap<&str, u32> = Default::default();
        // alias -> the city carrying it, as `apply` keeps them.
        let mut alias_of: std::collections::HashMap<&str, &str> = Default::default();
        let mut network_handles: std::collections::HashMap<&str, u32> = Default::default();
        // (low handle, high handle, kind) -> indexes into parts.partnerships, in id order.
        let mut pairs: std::collections::HashMap<(u32, u32, PartnershipKind), Vec<u32>> =
            Default::default();
        while i < n {
            let mut j = i;
            while j < n && same_id(i, j) && rank(&changes[i]) == rank(&changes[j]) {
                j += 1;
            }
            match &changes[i] {
                Change::PutCity(_) => {
                    let mut cur: Option<Arc<City>> = None;
                    for c in &changes[i..j] {
                        let Change::PutCity(c) = c else {
                            unreachable!("one kind per run")
                        };
                        let before = cur.clone();
                        let outcome = put(&mut cur, c, |old| {
                            c.validate()?;
                            // The rules of `apply`: an id names one city.
                            if let Some(holder) = alias_of.get(c.id.as_str()) {
                                return Err(ApplyError::AliasTaken {
                                    alias: c.id.to_string(),
                                    city: holder.to_string(),
                                });
                            }
                            for a in &c.aliases {
                                let taken = match alias_of.get(a.as_str()) {
                                    Some(holder) => *holder != c.id.as_str(),
                                    None => {
                                        city_handles.contains_key(a.as_str())
                                            || (old.is_some() && *a == c.id)
                                    }
                                };
                                if taken {
                                    return Err(ApplyError::AliasTaken {
                                        alias: a.to_string(),
                                        city: alias_of
                                            .get(a.as_str())
                                            .unwrap_or(&a.as_str())
                                            .to_string(),
                                    });
                                }
                            }
                            Ok(())
                        });
                        if matches!(outcome, BulkOutcome::Applied(_)) {
                            for a in before.iter().flat_map(|o| o.aliases.iter()) {
                                alias_of.remove(a.as_str());
                            }
                            for a in &c.aliases {
                                alias_of.insert(a.as_str(), c.id.as_str());
                            }
                        }
                        outcomes.push(outcome);
                    }
                    if let Some(c) = cur {
                        city_handles.insert(changes[i].target().1, parts.cities.len() as u32);
                        parts.cities.push(c);
                    }
                }
                Change::PutNetwork(_) => {
                    let mut cur = None;
                    for c in &changes[i..j] {
                        let Change::PutNetwork(x) = c else {
                            unreachable!("one kind per run")
                        };
                        outcomes.push(put(&mut cur, x, |_| Ok(x.validate()?)));
                    }
                    if let Some(x) = cur {
                        network_handles.insert(changes[i].target().1, parts.networks.len() as u32);
                        parts.networks.push(x);
                    }
                }
                Change::PutMembership(_) => {
                    let mut cur = None;
                    let mut at = (0, 0);
                    for c in &changes[i..j] {
                        let Change::PutMembership(m) = c else {
                            unreachable!("one kind per run")
                        };
                        outcomes.push(put(&mut cur, m, |_| {
                            m.validate()?;
                            let c = *city_handles
                                .get(m.city.as_str())
                                .ok_or_else(|| ApplyError::CityNotFound(m.city.to_string()))?;
                            let x = *network_handles.get(m.network.as_str()).ok_or_else(|| {
                                ApplyError::NetworkNotFound(m.network.to_string())
                            })?;
                            at = (c, x);
                            Ok(())
                        }));
                    }
                    if let Some(m) = cur {
                        parts.memberships.push((m, at.0, at.1));
                    }
                }
                Change::PutPartnership(_) => {
                    let mut cur: Option<Arc<Partnership>> = None;
                    let mut at = [0, 0];
                    for c in &changes[i..j] {
                        let Change::PutPartnership(p) = c else {
                            unreachable!("one kind per run")
                        };
                        outcomes.push(put(&mut cur, p, |old| {
                            p.validate()?;
                            let mut h = [0u32; 2];
                            for (k, c) in p.cities.iter().enumerate() {
                                h[k] = *city_handles
                                    .get(c.as_str())
                                    .ok_or_else(|| ApplyError::CityNotFound(c.to_string()))?;
                            }
                            if let Some(old) = old {
                                let same = (old.cities[0] == p.cities[0]
                                    && old.cities[1] == p.cities[1])
                                    || (old.cities[0] == p.cities[1]
                                        && old.cities[1] == p.cities[0]);
                                if !same {
                                    return Err(ApplyError::PartnershipCitiesChanged {
                                        id: p.id.to_string(),
                                        old_a: old.cities[0].to_string(),
                                        old_b: old.cities[1].to_string(),
                                        new_a: p.cities[0].to_string(),
                                        new_b: p.cities[1].to_string(),
                                    });
                                }
                            }
                            if !p.status_now().is_ended() {
                                let key = (h[0].min(h[1]), h[0].max(h[1]), p.kind);
                                if let Some(q) = pairs.get(&key).and_then(|list| {
                                    list.iter()
                                        .map(|&q| &parts.partnerships[q as usize].0)
                                        .find(|q| !q.status_now().is_ended())
                                }) {
                                    return Err(CoreError::DuplicatePartnership {
                                        existing: q.id.clone(),
                                    }
                                    .into());
                                }
                            }
                            at = h;
                            Ok(())
                        }));
                    }
                    if let Some(p) = cur {
                        let key = (at[0].min(at[1]), at[0].max(at[1]), p.kind);
                        pairs
                            .entry(key)
                            .or_default()
                            .push(parts.partnerships.len() as u32);
                        parts.partnerships.push((p, at));
                    }
                }
                _ => unreachable!("checked above: puts only"),
            }
            i = j;
        }
        let snap =
            Snapshot::from_parts(parts).expect("the outcomes keep every rule from_parts checks");
        Some((snap, outcomes))
    }

    pub fn city(&self, id: &str) -> Option<&Arc<City>> {
        self.cities.get(id)
    }
    /// The city with this id, or the city that carries it as a former id (`City::aliases`).
    pub fn resolve_city(&self, id: &str) -> Option<&Arc<City>> {
        self.cities
            .get(id)
            .or_else(|| self.alias_of.get(id).and_then(|c| self.cities.get(c)))
    }
    pub fn network(&self, id: &str) -> Option<&Arc<Network>> {
        self.networks.get(id)
    }
    pub fn membership(&self, id: &str) -> Option<&Arc<Membership>> {
        self.memberships.get(id)
    }
    pub fn partnership(&self, id: &str) -> Option<&Arc<Partnership>> {
        self.partnerships.get(id)
    }

    /// Partnerships that involve `city`, in id order.
    pub fn partnerships_of<'a>(
        &'a self,
        city: &str,
    ) -> impl Iterator<Item = &'a Arc<Partnership>> + 'a {
        self.links_of
            .get(city)
            .into_iter()
            .flat_map(|set| set.iter())
            .filter_map(|pid| self.partnerships.get(pid))
    }

    /// Partnerships of `kind` between `a` and `b` (either way round), in id order. Reads the
    /// adjacency of whichever city has fewer links.
    pub fn links_between<'a>(
        &'a self,
        a: &'a CityId,
        b: &'a CityId,
        kind: PartnershipKind,
    ) -> impl Iterator<Item = &'a Arc<Partnership>> + 'a {
        let degree = |c: &CityId| self.links_of.get(c).map_or(0, |s| s.len());
        let from = if degree(a) <= degree(b) { a } else { b };
        self.partnerships_of(from.as_str()).filter(move |p| {
            p.kind == kind
                && ((p.cities[0] == *a && p.cities[1] == *b)
                    || (p.cities[0] == *b && p.cities[1] == *a))
        })
    }

    /// Memberships of `city`, in id order.
    pub fn memberships_of<'a>(
        &'a self,
        city: &str,
    ) -> impl Iterator<Item = &'a Arc<Membership>> + 'a {
        self.memberships_of_city
            .get(city)
            .into_iter()
            .flat_map(|set| set.iter())
            .filter_map(|mid| self.memberships.get(mid))
    }

    /// Memberships in `network`, in id order.
    pub fn members_of<'a>(
        &'a self,
        network: &str,
    ) -> impl Iterator<Item = &'a Arc<Membership>> + 'a {
        self.members_of_network
            .get(network)
            .into_iter()
            .flat_map(|set| set.iter())
            .filter_map(|mid| self.memberships.get(mid))
    }

    /// Applies one change after checking references and uniqueness. On error the snapshot is
    /// unchanged.
    pub fn apply(&mut self, change: &Change) -> Result<Applied, ApplyError> {
        match change {
            Change::PutCity(c) => {
                c.validate()?;
                // An id names one city: no city's id is another city's alias, and no alias is
                // carried by two cities.
                if let Some(holder) = self.alias_of.get(&c.id) {
                    return Err(ApplyError::AliasTaken {
                        alias: c.id.to_string(),
                        city: holder.to_string(),
                    });
                }
                for a in &c.aliases {
                    let taken = match self.alias_of.get(a) {
                        Some(holder) => holder != &c.id,
                        None => self.cities.contains_key(a),
                    };
                    if taken {
                        let city = self.alias_of.get(a).unwrap_or(a);
                        return Err(ApplyError::AliasTaken {
                            alias: a.to_string(),
                            city: city.to_string(),
                        });
                    }
                }
                let old = self.cities.insert(c.id.clone(), c.clone());
                for a in old.iter().flat_map(|o| o.aliases.iter()) {
                    self.alias_of.remove(a);
                }
                for a in &c.aliases {
                    self.alias_of.insert(a.clone(), c.id.clone());
                }
                Ok(if old.is_some() {
                    Applied::Updated
                } else {
                    Applied::Created
                })
            }
            Change::DeleteCity(id) => {
                if !self.cities.contains_key(id) {
                    return Err(ApplyError::CityNotFound(id.to_string()));
                }
                let links = self.links_of.get(id).map_or(0, |s| s.len());
                if links > 0 {
                    return Err(ApplyError::InUse {
                        what: "city",
                        id: id.to_string(),
                        count: links,
                        dependants: "partnerships",
                    });
                }
                let ms = self.memberships_of_city.get(id).map_or(0, |s| s.len());
                if ms > 0 {
                    return Err(ApplyError::InUse {
                        what: "city",
                        id: id.to_string(),
                        count: ms,
                        dependants: "memberships",
                    });
                }
                if let Some(old) = self.cities.remove(id) {
                    for a in &old.aliases {
                        self.alias_of.remove(a);
                    }
                }
                Ok(Applied::Deleted)
            }
            Change::PutNetwork(n) => {
                n.validate()?;
                Ok(if self.networks.insert(n.id.clone(), n.clone()).is_some() {
                    Applied::Updated
                } else {
                    Applied::Created
                })
            }
            Change::DeleteNetwork(id) => {
                if !self.networks.contains_key(id) {
                    return Err(ApplyError::NetworkNotFound(id.to_string()));
                }
                let ms = self.members_of_network.get(id).map_or(0, |s| s.len());
                if ms > 0 {
                    return Err(ApplyError::InUse {
                        what: "network",
                        id: id.to_string(),
                        count: ms,
                        dependants: "memberships",
                    });
                }
                self.networks.remove(id);
                Ok(Applied::Deleted)
            }
            Change::PutMembership(m) => {
                m.validate()?;
                if !self.cities.contains_key(&m.city) {
                    return Err(ApplyError::CityNotFound(m.city.to_string()));
                }
                if !self.networks.contains_key(&m.network) {
                    return Err(ApplyError::NetworkNotFound(m.network.to_string()));
                }
                let old = self.memberships.get(&m.id).cloned();
                if let Some(old) = &old {
                    remove_from(&mut self.memberships_of_city, &old.city, &old.id);
                    remove_from(&mut self.members_of_network, &old.network, &old.id);
                }
                add_to(&mut self.memberships_of_city, &m.city, m.id.clone());
                add_to(&mut self.members_of_network, &m.network, m.id.clone());
                self.memberships.insert(m.id.clone(), m.clone());
                Ok(if old.is_some() {
                    Applied::Updated
                } else {
                    Applied::Created
                })
            }
            Change::DeleteMembership(id) => {
                let Some(old) = self.memberships.remove(id) else {
                    return Err(ApplyError::MembershipNotFound(id.to_string()));
                };
                remove_from(&mut self.memberships_of_city, &old.city, &old.id);
                remove_from(&mut self.members_of_network, &old.network, &old.id);
                Ok(Applied::Deleted)
            }
            Change::PutPartnership(p) => {
                p.validate()?;
                for c in &p.cities {
                    if !self.cities.contains_key(c) {
                        return Err(ApplyError::CityNotFound(c.to_string()));
                    }
                }
                let old = self.partnerships.get(&p.id).cloned();
                if let Some(old) = &old {
                    let same = (old.cities[0] == p.cities[0] && old.cities[1] == p.cities[1])
                        || (old.cities[0] == p.cities[1] && old.cities[1] == p.cities[0]);
                    if !same {
                        return Err(ApplyError::PartnershipCitiesChanged {
                            id: p.id.to_string(),
                            old_a: old.cities[0].to_string(),
                            old_b: old.cities[1].to_string(),
                            new_a: p.cities[0].to_string(),
                            new_b: p.cities[1].to_string(),
                        });
                    }
                }
                self.check_no_duplicate(p)?;
                if old.is_none() {
                    add_to(&mut self.links_of, &p.cities[0], p.id.clone());
                    add_to(&mut self.links_of, &p.cities[1], p.id.clone());
                }
                self.partnerships.insert(p.id.clone(), p.clone());
                Ok(if old.is_some() {
                    Applied::Updated
                } else {
                    Applied::Created
                })
            }
            Change::DeletePartnership(id) => {
                let Some(old) = self.partnerships.remove(id) else {
                    return Err(ApplyError::PartnershipNotFound(id.to_string()));
                };
                remove_from(&mut self.links_of, &old.cities[0], &old.id);
                remove_from(&mut self.links_of, &old.cities[1], &old.id);
                Ok(Applied::Deleted)
            }
        }
    }

    /// A pair may hold at most one link of a kind that is still in force (not ended) at the end of
    /// its recorded history.
    fn check_no_duplicate(&self, p: &Partnership) -> Result<(), ApplyError> {
        if p.status_now().is_ended() {
            return Ok(());
        }
        let [a, b] = &p.cities;
        match self
            .links_between(a, b, p.kind)
            .find(|q| q.id != p.id && !q.status_now().is_ended())
        {
            Some(q) => Err(CoreError::DuplicatePartnership {
                existing: q.id.clone(),
            }
            .into()),
            None => Ok(()),
        }
    }

    /// Applies a list of changes to a copy and returns it, or the index and error of the first change
    /// that fails (the original is untouched either way).
    #[allow(clippy::result_large_err)] // reason: a cold path; callers need the index with the error
    pub fn with_changes(
        &self,
        changes: &[Change],
    ) -> Result<(Snapshot, Vec<Applied>), (usize, ApplyError)> {
        let mut next = self.clone();
        let mut applied = Vec::with_capacity(changes.len());
        for (i, c) in changes.iter().enumerate() {
            applied.push(next.apply(c).map_err(|e| (i, e))?);
        }
        Ok((next, applied))
    }

    /// Partnerships in force (active or suspended, or any status when `include_ended`) on `day`.
    pub fn partnerships_on(
        &self,
        day: Day,
    ) -> impl Iterator<Item = (&Arc<Partnership>, crate::model::Status)> {
        self.partnerships
            .values()
            .filter_map(move |p| p.status_on(day).map(|s| (p, s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city(id: &str) -> Change {
        Change::PutCity(Arc::new(
            serde_json::from_str(&format!(
                r#"{{"id":"{id}","name":"{id}","country":"FR","region":"europe","lat":1.0,"lon":2.0}}"#
            ))
            .unwrap(),
        ))
    }
    fn link(json: &str) -> Change {
        Change::PutPartnership(Arc::new(serde_json::from_str(json).unwrap()))
    }

    fn sequential(changes: &[Change]) -> (Snapshot, Vec<BulkOutcome>) {
        let mut s = Snapshot::default();
        let mut out = Vec::new();
        for c in changes {
            let same = match c {
                Change::PutCity(x) => s.city(x.id.as_str()) == Some(x),
                Change::PutNetwork(x) => s.network(x.id.as_str()) == Some(x),
                Change::PutMembership(x) => s.membership(x.id.as_str()) == Some(x),
                Change::PutPartnership(x) => s.partnership(x.id.as_str()) == Some(x),
                _ => false,
            };
            out.push(if same {
                BulkOutcome::Unchanged
            } else {
                match s.apply(c) {
                    Ok(a) => BulkOutcome::Applied(a),
                    Err(e) => BulkOutcome::Refused(e),
                }
            });
        }
        (s, out)
    }

    fn arb_put() -> impl proptest::strategy::Strategy<Value = Change> {
        use proptest::prelude::*;
        let kinds = ["sister_city", "friendship_city"];
        prop_oneof![
            (0u8..6, 0u8..3).prop_map(|(i, n)| {
                let mut c: City = serde_json::from_str(&format!(
                    r#"{{"id":"c{i}","name":"N{n}","country":"FR","region":"europe","lat":1.0,"lon":2.0}}"#
                ))
                .unwrap();
                if n == 2 {
                    c.lat = 100.0; // refused by validation
                }
                Change::PutCity(Arc::new(c))
            }),
            (0u8..3, 0u8..2).prop_map(|(i, n)| Change::PutNetwork(Arc::new(
                serde_json::from_str(&format!(r#"{{"id":"n{i}","name":"Net {n}"}}"#)).unwrap()
            ))),
            (0u8..8, 0u8..4, 0u8..3).prop_map(|(c, n, y)| Change::PutMembership(Arc::new(
                serde_json::from_str(&format!(
                    r#"{{"city":"c{c}","network":"n{n}","joined":"{}"}}"#,
                    2000 + u32::from(y)
                ))
                .unwrap()
            ))),
            (0u8..4, 0u8..7, 1u8..7, 0usize..2, any::<bool>()).prop_map(move |(id, a, d, k, ended)| {
                let b = (a + d) % 7;
                let events = if ended {
                    r#"[{"type":"established","date":"1990"},{"type":"lapsed","date":"2000"}]"#
                } else {
                    r#"[{"type":"established","date":"1990"}]"#
                };
                Change::PutPartnership(Arc::new(
                    serde_json::from_str(&format!(
                        r#"{{"id":"p{id}","cities":["c{a}","c{b}"],"kind":"{}","events":{events}}}"#,
                        kinds[k]
                    ))
                    .unwrap(),
                ))
            }),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// The bulk path gives every put the outcome one-at-a-time application gives it, and the
        /// same graph.
        #[test]
        fn bulk_loading_equals_applying_one_at_a_time(mut changes in proptest::collection::vec(arb_put(), 0..40)) {
            let rank = |c: &Change| match c {
                Change::PutCity(_) => 0,
                Change::PutNetwork(_) => 1,
                Change::PutMembership(_) => 2,
                _ => 3,
            };
            changes.sort_by(|a, b| (rank(a), a.target().1).cmp(&(rank(b), b.target().1)));
            let (bulk, bulk_out) = Snapshot::bulk_from_empty(&changes).unwrap();
            let (seq, seq_out) = sequential(&changes);
            proptest::prop_assert_eq!(bulk_out, seq_out);
            proptest::prop_assert_eq!(bulk, seq);
        }
    }

    #[test]
    fn bulk_loading_needs_load_order() {
        assert!(Snapshot::bulk_from_empty(&[city("b"), city("a")]).is_none());
        assert!(
            Snapshot::bulk_from_empty(&[Change::DeleteCity(CityId::new("a").unwrap())]).is_none()
        );
        assert!(Snapshot::bulk_from_empty(&[city("a"), city("b")]).is_some());
    }

    #[test]
    fn rejects_a_second_active_link_of_the_same_kind() {
        let s = Snapshot::default();
        let (s, _) = s
            .with_changes(&[city("a"), city("b"), link(r#"{"cities":["a","b"],"kind":"sister_city","events":[{"type":"established","date":"1990"}]}"#)])
            .unwrap();
        let dup = link(
            r#"{"id":"b--a--2","cities":["b","a"],"kind":"sister_city","events":[{"type":"established","date":"2000"}]}"#,
        );
        let (i, e) = s.with_changes(&[dup]).unwrap_err();
        assert_eq!((i, e.code()), (0, "duplicate_partnership"));
        // Another kind is fine, and so is a new link once the old one has ended.
        let other = link(r#"{"cities":["b","a"],"kind":"friendship_city"}"#);
        s.with_changes(&[other]).unwrap();
        let ended = link(
            r#"{"cities":["a","b"],"kind":"sister_city","events":[{"type":"established","date":"1990"},{"type":"terminated","date":"1999"}]}"#,
        );
        let again = link(
            r#"{"id":"a--b--2","cities":["a","b"],"kind":"sister_city","events":[{"type":"established","date":"2000"}]}"#,
        );
        s.with_changes(&[ended, again]).unwrap();
    }

    fn city_with_aliases(id: &str, aliases: &str) -> Change {
        Change::PutCity(Arc::new(
            serde_json::from_str(&format!(
                r#"{{"id":"{id}","name":"{id}","country":"FR","region":"europe","lat":1.0,"lon":2.0,"aliases":[{aliases}]}}"#
            ))
            .unwrap(),
        ))
    }

    #[test]
    fn a_former_id_finds_its_city_and_names_no_other() {
        let (s, _) = Snapshot::default()
            .with_changes(&[city_with_aliases("a", r#""old-a""#), city("b")])
            .unwrap();
        assert!(s.city("old-a").is_none());
        assert_eq!(s.resolve_city("old-a").map(|c| c.id.as_str()), Some("a"));
        // No city may take an alias as its id, or carry another city's id or alias.
        for bad in [
            city("old-a"),
            city_with_aliases("c", r#""b""#),
            city_with_aliases("c", r#""old-a""#),
        ] {
            let (_, e) = s.with_changes(&[bad]).unwrap_err();
            assert_eq!(e.code(), "alias_taken");
        }
        // An update may drop an alias, and a deleted city's aliases go with it.
        let (s2, _) = s.with_changes(&[city("a")]).unwrap();
        assert!(s2.resolve_city("old-a").is_none());
        let (s3, _) = s
            .with_changes(&[Change::DeleteCity(CityId::new("a").unwrap())])
            .unwrap();
        assert!(s3.resolve_city("old-a").is_none());
        s3.with_changes(&[city("old-a")]).unwrap();
    }

    #[test]
    fn a_bulk_load_keeps_the_alias_rules_of_apply() {
        // In load order: "b" carries "c" as a former id, so the city "c" is refused; "d" may
        // not carry the id of "a".
        let changes = [
            city("a"),
            city_with_aliases("b", r#""c""#),
            city("c"),
            city_with_aliases("d", r#""a""#),
            city_with_aliases("e", r#""old-e""#),
        ];
        let (bulk, outcomes) = Snapshot::bulk_from_empty(&changes).unwrap();
        let mut one = Snapshot::default();
        for (c, o) in changes.iter().zip(&outcomes) {
            match (one.apply(c), o) {
                (Ok(a), BulkOutcome::Applied(b)) => assert_eq!(a, *b),
                (Err(a), BulkOutcome::Refused(b)) => assert_eq!(a.code(), b.code()),
                (a, b) => panic!("{a:?} one at a time, {b:?} in bulk"),
            }
        }
        assert_eq!(bulk.alias_of, one.alias_of);
        assert!(bulk.city("c").is_none() && bulk.city("d").is_none());
        assert_eq!(bulk.resolve_city("c").map(|c| c.id.as_str()), Some("b"));
        assert_eq!(bulk.resolve_city("old-e").map(|c| c.id.as_str()), Some("e"));
    }

    #[test]
    fn rejects_links_to_unknown_cities_and_leaves_the_snapshot_alone() {
        let (s, _) = Snapshot::default().with_changes(&[city("a")]).unwrap();
        let (i, e) = s
            .with_changes(&[city("b"), link(r#"{"cities":["a","zz"]}"#)])
            .unwrap_err();
        assert_eq!((i, e.code()), (1, "city_not_found"));
        assert!(s.city("b").is_none());
    }

    #[test]
    fn deleting_a_linked_city_is_refused() {
        let (s, _) = Snapshot::default()
            .with_changes(&[city("a"), city("b"), link(r#"{"cities":["a","b"]}"#)])
            .unwrap();
        let (_, e) = s
            .with_changes(&[Change::DeleteCity(CityId::new("a").unwrap())])
            .unwrap_err();
        assert_eq!(e.code(), "still_referenced");
        let (s2, _) = s
            .with_changes(&[
                Change::DeletePartnership(PartnershipId::new("a--b").unwrap()),
                Change::DeleteCity(CityId::new("a").unwrap()),
            ])
            .unwrap();
        assert!(s2.partnerships_of("b").next().is_none());
        assert_eq!(
            s.partnerships_of("b").count(),
            1,
            "the old version is untouched"
        );
    }
}
