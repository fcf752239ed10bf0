//! The in-memory state of the graph at one version, and the changes that move it to the next.
//!
//! A [`Snapshot`] is made of persistent maps (`imbl`): cloning one is O(1) and a change copies only
//! the paths it touches, so a writer builds version N+1 from a clone of N while readers keep N whole.

use std::sync::Arc;

use imbl::OrdMap;

use crate::date::Day;
use crate::error::{ApplyError, CoreError};
use crate::id::{CityId, MembershipId, NetworkId, PartnershipId};
use crate::model::{City, Membership, Network, Partnership};

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

/// Whether a put created a new entity or replaced an existing one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    Created,
    Updated,
    Deleted,
}

/// The whole graph at one version.
#[derive(Clone, Debug, Default)]
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
    /// (city, city, kind) with the ids in byte order -> partnerships of that pair and kind
    pub links_of_pair: OrdMap<PairKey, IdSet<PartnershipId>>,
    /// a former id of a city (`City::aliases`) -> the city that carries it now
    pub alias_of: OrdMap<CityId, CityId>,
}

/// The key of a pair of cities and a link kind, ids in byte order.
pub type PairKey = (CityId, CityId, crate::model::PartnershipKind);

fn pair_key(p: &Partnership) -> PairKey {
    let (a, b) = (&p.cities[0], &p.cities[1]);
    if a <= b {
        (a.clone(), b.clone(), p.kind)
    } else {
        (b.clone(), a.clone(), p.kind)
    }
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

impl Snapshot {
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
                if let Some(old) = &old {
                    remove_from(&mut self.links_of_pair, &pair_key(old), &old.id);
                } else {
                    add_to(&mut self.links_of, &p.cities[0], p.id.clone());
                    add_to(&mut self.links_of, &p.cities[1], p.id.clone());
                }
                add_to(&mut self.links_of_pair, &pair_key(p), p.id.clone());
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
                remove_from(&mut self.links_of_pair, &pair_key(&old), &old.id);
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
        let Some(same_pair) = self.links_of_pair.get(&pair_key(p)) else {
            return Ok(());
        };
        for pid in same_pair.iter().filter(|pid| **pid != p.id) {
            if let Some(q) = self.partnerships.get(pid) {
                if !q.status_now().is_ended() {
                    return Err(CoreError::DuplicatePartnership {
                        existing: q.id.clone(),
                    }
                    .into());
                }
            }
        }
        Ok(())
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
