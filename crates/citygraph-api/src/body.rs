//! The bodies of the cheap reads (a city's partners and networks, a network's members, a
//! partnership's history), written straight from the snapshot into one buffer.
//!
//! Each body borrows every string it writes from the snapshot: no `String` per row, no
//! `serde_json::Value`, no list of intermediate views. Each serialises to exactly the bytes of its
//! owned view in [`crate::dto`] (`PartnersView`, `CityNetworksView`, `MembersView`,
//! `HistoryView`), which stays the shape the OpenAPI document describes; the tests at the bottom
//! hold each pair to the same bytes.

use citygraph_core::{
    City, Day, Membership, Network, PartialDate, Partnership, PartnershipKind, Snapshot, Status,
};
use citygraph_service::query::Partner;
use serde::{Serialize, Serializer};

/// Serialises `body` into one buffer of `capacity` bytes reserved up front.
pub fn to_vec<T: Serialize>(body: &T, capacity: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(capacity);
    serde_json::to_writer(&mut out, body).expect("bodies serialize");
    out
}

/// A short reference to a city (`CityPlace` in the OpenAPI document), borrowed.
#[derive(Serialize)]
pub struct CityPlace<'a> {
    id: &'a str,
    name: &'a str,
    country: &'a str,
    region: &'static str,
    lat: f64,
    lon: f64,
}

impl<'a> From<&'a City> for CityPlace<'a> {
    fn from(c: &'a City) -> Self {
        CityPlace {
            id: c.id.as_str(),
            name: &c.name,
            country: c.country.as_str(),
            region: c.region.as_str(),
            lat: c.lat,
            lon: c.lon,
        }
    }
}

/// A day, written as its JSON string without an intermediate `String`.
pub struct DayStr(pub Day);

impl Serialize for DayStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// The partners of a city on a day (the bytes of `PartnersView`).
#[derive(Serialize)]
pub struct PartnersBody<'a> {
    pub city: CityPlace<'a>,
    pub as_of: DayStr,
    pub count: usize,
    pub partners: PartnerRows<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<&'a str>,
    pub version: u64,
}

impl PartnersBody<'_> {
    /// A generous estimate of the body's size, for [`to_vec`].
    pub fn size_hint(&self) -> usize {
        256 + 256 * self.partners.0.len()
    }
}

/// The rows of [`PartnersBody`], written one at a time.
pub struct PartnerRows<'a>(pub &'a [Partner<'a>]);

impl Serialize for PartnerRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|p| PartnerRow {
            city: CityPlace::from(p.city),
            partnership: p.partnership.id.as_str(),
            kind: p.partnership.kind,
            status: p.status,
            established: p.partnership.established(),
            ended: p.partnership.ended(),
        }))
    }
}

#[derive(Serialize)]
struct PartnerRow<'a> {
    city: CityPlace<'a>,
    partnership: &'a str,
    kind: PartnershipKind,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    established: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ended: Option<PartialDate>,
}

/// The members of a network on a day (the bytes of `MembersView`).
#[derive(Serialize)]
pub struct MembersBody<'a> {
    pub network: &'a str,
    pub as_of: DayStr,
    pub count: usize,
    pub members: MemberRows<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<&'a str>,
    pub version: u64,
}

impl MembersBody<'_> {
    /// A generous estimate of the body's size, for [`to_vec`].
    pub fn size_hint(&self) -> usize {
        256 + 384 * self.members.0.len()
    }
}

/// The rows of [`MembersBody`], written one at a time.
pub struct MemberRows<'a>(pub &'a [(&'a Membership, &'a City)]);

impl Serialize for MemberRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|&(m, c)| MemberRow {
            city: CityPlace::from(c),
            membership: m,
        }))
    }
}

#[derive(Serialize)]
struct MemberRow<'a> {
    city: CityPlace<'a>,
    membership: &'a Membership,
}

/// The networks of a city on a day (the bytes of `CityNetworksView`).
#[derive(Serialize)]
pub struct CityNetworksBody<'a> {
    pub city: &'a str,
    pub as_of: DayStr,
    pub count: usize,
    pub networks: NetworkRows<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<&'a str>,
    pub version: u64,
}

impl CityNetworksBody<'_> {
    /// A generous estimate of the body's size, for [`to_vec`].
    pub fn size_hint(&self) -> usize {
        256 + 384 * self.networks.0.len()
    }
}

/// The rows of [`CityNetworksBody`], written one at a time.
pub struct NetworkRows<'a>(pub &'a [(&'a Membership, &'a Network)]);

impl Serialize for NetworkRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|&(m, n)| NetworkRow {
            network: NetworkPlace {
                id: n.id.as_str(),
                name: &n.name,
            },
            membership: m,
        }))
    }
}

#[derive(Serialize)]
struct NetworkRow<'a> {
    network: NetworkPlace<'a>,
    membership: &'a Membership,
}

#[derive(Serialize)]
struct NetworkPlace<'a> {
    id: &'a str,
    name: &'a str,
}

/// A partnership's history and its status on a day (the bytes of `HistoryView`).
#[derive(Serialize)]
pub struct HistoryBody<'a> {
    pub id: &'a str,
    pub cities: CitiesOf<'a>,
    pub kind: PartnershipKind,
    pub events: &'a [citygraph_core::Event],
    pub status: Status,
    pub as_of: DayStr,
    pub status_on_as_of: Option<Status>,
    pub version: u64,
}

impl<'a> HistoryBody<'a> {
    pub fn new(s: &'a Snapshot, p: &'a Partnership, day: Day) -> Self {
        HistoryBody {
            id: p.id.as_str(),
            cities: CitiesOf(s, p),
            kind: p.kind,
            events: &p.events,
            status: p.status_now(),
            as_of: DayStr(day),
            status_on_as_of: p.status_on(day),
            version: s.version,
        }
    }

    /// A generous estimate of the body's size, for [`to_vec`].
    pub fn size_hint(&self) -> usize {
        768 + 384 * self.events.len()
    }
}

/// The cities of a partnership that the snapshot holds, in the partnership's order.
pub struct CitiesOf<'a>(&'a Snapshot, &'a Partnership);

impl Serialize for CitiesOf<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let snap = self.0;
        s.collect_seq(
            self.1
                .cities
                .iter()
                .filter_map(|c| snap.city(c.as_str()))
                .map(|c| CityPlace::from(&**c)),
        )
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use citygraph_core::Day;
    use citygraph_service::import::read_path;
    use citygraph_service::query::{self, StatusFilter};
    use citygraph_service::{Service, ServiceConfig};
    use citygraph_store::SledStore;

    use super::*;
    use crate::dto::{
        CityNetworkView, CityNetworksView, CityRef, HistoryView, MemberView, MembersView,
        NetworkRef, PartnerView, PartnersView,
    };

    /// The seed, loaded as the server loads it.
    fn seed() -> (Arc<Snapshot>, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let svc = Service::open(
            Arc::new(SledStore::open(dir.path()).unwrap()),
            ServiceConfig::default(),
        )
        .unwrap();
        let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seed-data");
        let mut files: Vec<_> = std::fs::read_dir(seed)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "ndjson"))
            .collect();
        files.sort();
        let mut records = Vec::new();
        for f in &files {
            records.extend(read_path(f).unwrap());
        }
        svc.import(records, &|_| {}).unwrap();
        (svc.snapshot(), dir)
    }

    fn days() -> Vec<Day> {
        [
            "1950-01-01",
            "1975-06-30",
            "1990-10-03",
            "2008-02-29",
            "2025-12-31",
        ]
        .iter()
        .map(|d| {
            d.parse::<citygraph_core::PartialDate>()
                .unwrap()
                .first_day()
        })
        .collect()
    }

    /// The bodies equal, byte for byte, what serde_json writes for the owned views (built as the
    /// handlers built them before the bodies existed), for every city, network and partnership
    /// of the seed on several days, with and without a page cut.
    #[test]
    fn bodies_are_the_bytes_of_the_owned_views() {
        let (snap, _dir) = seed();
        let next = Some("/v1/x?cursor=a%20b");
        let mut compared = 0usize;
        for day in days() {
            for (id, _) in snap.links_of.iter() {
                for status in [StatusFilter::InForce, StatusFilter::All] {
                    let found = query::partners(&snap, id.as_str(), day, status, None).unwrap();
                    for (items, next) in [
                        (&found.partners[..], None),
                        (&found.partners[..found.partners.len().min(2)], next),
                    ] {
                        let owned = PartnersView {
                            city: CityRef::from(found.city),
                            as_of: day.to_string(),
                            count: found.partners.len(),
                            next: next.map(str::to_owned),
                            partners: items
                                .iter()
                                .map(|p| PartnerView {
                                    city: CityRef::from(p.city),
                                    partnership: p.partnership.id.to_string(),
                                    kind: p.partnership.kind,
                                    status: p.status,
                                    established: p.partnership.established(),
                                    ended: p.partnership.ended(),
                                })
                                .collect(),
                            version: snap.version,
                        };
                        let body = PartnersBody {
                            city: CityPlace::from(found.city),
                            as_of: DayStr(day),
                            count: found.partners.len(),
                            partners: PartnerRows(items),
                            next,
                            version: snap.version,
                        };
                        assert_eq!(
                            String::from_utf8(to_vec(&body, body.size_hint())).unwrap(),
                            serde_json::to_string(&owned).unwrap()
                        );
                        compared += 1;
                    }
                }
            }
            for (id, _) in snap.memberships_of_city.iter() {
                let list = query::networks_of(&snap, id.as_str(), day, day.year() == 1950).unwrap();
                let owned = CityNetworksView {
                    city: id.to_string(),
                    as_of: day.to_string(),
                    count: list.len(),
                    next: next.map(str::to_owned),
                    networks: list
                        .iter()
                        .map(|(m, n)| CityNetworkView {
                            network: NetworkRef {
                                id: n.id.to_string(),
                                name: n.name.clone(),
                            },
                            membership: (*m).clone(),
                        })
                        .collect(),
                    version: snap.version,
                };
                let body = CityNetworksBody {
                    city: id.as_str(),
                    as_of: DayStr(day),
                    count: list.len(),
                    networks: NetworkRows(&list),
                    next,
                    version: snap.version,
                };
                assert_eq!(
                    String::from_utf8(to_vec(&body, body.size_hint())).unwrap(),
                    serde_json::to_string(&owned).unwrap()
                );
                compared += 1;
            }
            for (id, _) in snap.networks.iter() {
                let list = query::members(&snap, id.as_str(), day, day.year() == 1950).unwrap();
                let owned = MembersView {
                    network: id.to_string(),
                    as_of: day.to_string(),
                    count: list.len(),
                    next: None,
                    members: list
                        .iter()
                        .map(|(m, c)| MemberView {
                            city: CityRef::from(*c),
                            membership: (*m).clone(),
                        })
                        .collect(),
                    version: snap.version,
                };
                let body = MembersBody {
                    network: id.as_str(),
                    as_of: DayStr(day),
                    count: list.len(),
                    members: MemberRows(&list),
                    next: None,
                    version: snap.version,
                };
                assert_eq!(
                    String::from_utf8(to_vec(&body, body.size_hint())).unwrap(),
                    serde_json::to_string(&owned).unwrap()
                );
                compared += 1;
            }
            for p in snap.partnerships.values().step_by(7) {
                let owned = HistoryView {
                    id: p.id.to_string(),
                    cities: p
                        .cities
                        .iter()
                        .filter_map(|c| snap.city(c.as_str()))
                        .map(|c| CityRef::from(&**c))
                        .collect(),
                    kind: p.kind,
                    events: p.events.clone(),
                    status: p.status_now(),
                    as_of: day.to_string(),
                    status_on_as_of: p.status_on(day),
                    version: snap.version,
                };
                let body = HistoryBody::new(&snap, p, day);
                assert_eq!(
                    String::from_utf8(to_vec(&body, body.size_hint())).unwrap(),
                    serde_json::to_string(&owned).unwrap()
                );
                compared += 1;
            }
        }
        assert!(compared > 100_000, "compared only {compared} bodies");
    }
}
