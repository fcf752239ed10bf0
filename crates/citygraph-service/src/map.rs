//! The map of the dashboard: every city with its coordinates, every link with its dated state
//! changes, every membership with its interval, in one compact answer, so that a client can
//! filter by day in memory without asking the server again.
//!
//! The answer is columnar (one array per field, cities and networks referred to by index) and
//! days are counted from 1970-01-01 (`Day::to_epoch_days`): a client compares integers. The
//! status of a link on day `d` is `initial` when no change has `day <= d`, else the `status` of
//! the last such change; this is [`citygraph_core::status_on`] unrolled, computed here with the
//! same transitions, so the client needs no copy of the rules. A membership is in force on `d`
//! when `from` is null or `<= d`, and `to` is null or `> d` ([`Membership::in_force_on`]).
//!
//! Built once per snapshot and scope and kept as serialised bytes (see [`map_json`]); bounded by
//! [`MAX_MAP_LINKS`] and [`MAX_MAP_CITIES`] (a larger graph is refused with `map_too_large`:
//! narrow it by region or country).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, OnceLock, Weak};

use citygraph_core::model::transition;
use citygraph_core::{
    CountryCode, EventType, Membership, Partnership, PartnershipKind, Precision, Region, Snapshot,
    Status,
};
use parking_lot::Mutex;
use serde::Serialize;

use crate::{Error, Result};

/// Most links one map may hold.
pub const MAX_MAP_LINKS: usize = 300_000;
/// Most cities one map may hold.
pub const MAX_MAP_CITIES: usize = 300_000;

/// Which part of the graph the map shows: cities of this region and country (a link is kept when
/// both ends are, as in every filtered read).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct MapScope {
    pub region: Option<Region>,
    pub country: Option<CountryCode>,
}

impl MapScope {
    fn includes(&self, c: &citygraph_core::City) -> bool {
        self.region.is_none_or(|r| r == c.region) && self.country.is_none_or(|k| k == c.country)
    }
}

/// Cities, column by column; the index of a city in these arrays is how links and memberships
/// refer to it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Default, Serialize)]
pub struct MapCities {
    pub id: Vec<String>,
    pub name: Vec<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Vec<String>,
    /// Index into `regions`.
    pub region: Vec<u8>,
    pub lat: Vec<f64>,
    pub lon: Vec<f64>,
}

/// Networks, column by column.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Default, Serialize)]
pub struct MapNetworks {
    pub id: Vec<String>,
    pub name: Vec<String>,
}

/// Memberships of the cities on the map, column by column.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Default, Serialize)]
pub struct MapMemberships {
    /// Index into `cities`.
    pub city: Vec<u32>,
    /// Index into `networks`.
    pub network: Vec<u32>,
    /// First day in force (epoch days), null when unknown (in force on every day before `to`).
    pub from: Vec<Option<i64>>,
    /// First day no longer in force (epoch days), null when it has not ended.
    pub to: Vec<Option<i64>>,
}

/// Links, column by column. The changes of link `i` are `changes[changes_from[i] ..
/// changes_from[i + 1]]`, in date order.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Default, Serialize)]
pub struct MapLinks {
    /// The link's id, or null when it is the default id of its cities and kind
    /// (`Partnership::default_id`: the two city ids in byte order joined by `--`, plus
    /// `--{kind with hyphens}` for kinds other than `sister_city`), which most links have.
    pub id: Vec<Option<String>>,
    /// Index into `cities`.
    pub a: Vec<u32>,
    /// Index into `cities`.
    pub b: Vec<u32>,
    /// Index into `kinds`.
    pub kind: Vec<u8>,
    /// Index into `statuses` of the status before the first change: null when the history starts
    /// with its establishment (the link does not exist before it), `active` for an undated history.
    pub initial: Vec<Option<u8>>,
    /// Offsets into `changes` (one more than there are links).
    pub changes_from: Vec<u32>,
}

/// Every dated event of every link, column by column.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Default, Serialize)]
pub struct MapChanges {
    /// The day the event takes effect (the first day of its partial date), in epoch days.
    pub day: Vec<i64>,
    /// How much of the date is known: 0 the year, 1 the month, 2 the day.
    pub precision: Vec<u8>,
    /// Index into `events`.
    pub event: Vec<u8>,
    /// Index into `statuses`: the link's status from this day on.
    pub status: Vec<u8>,
    /// Index into `reasons`, or -1 when the event records none.
    pub reason: Vec<i32>,
}

/// The whole map: see the module docs.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Serialize)]
pub struct MapData {
    /// The graph version the map was built from.
    pub version: u64,
    /// The earliest year of any event or membership date on the map (null on an empty map).
    pub first_year: Option<i32>,
    pub regions: Vec<&'static str>,
    pub kinds: Vec<&'static str>,
    pub statuses: Vec<&'static str>,
    pub events: Vec<&'static str>,
    pub reasons: Vec<String>,
    pub cities: MapCities,
    pub networks: MapNetworks,
    pub memberships: MapMemberships,
    pub links: MapLinks,
    pub changes: MapChanges,
}

const STATUSES: [Status; 4] = [
    Status::Active,
    Status::Suspended,
    Status::Lapsed,
    Status::Terminated,
];

fn status_index(s: Status) -> u8 {
    match s {
        Status::Active => 0,
        Status::Suspended => 1,
        Status::Lapsed => 2,
        Status::Terminated => 3,
    }
}

fn event_index(e: EventType) -> u8 {
    EventType::ALL
        .iter()
        .position(|x| *x == e)
        .expect("every event type is in ALL") as u8
}

fn kind_index(k: PartnershipKind) -> u8 {
    PartnershipKind::ALL
        .iter()
        .position(|x| *x == k)
        .expect("every kind is in ALL") as u8
}

fn precision_index(p: Precision) -> u8 {
    match p {
        Precision::Year => 0,
        Precision::Month => 1,
        Precision::Day => 2,
    }
}

fn too_large(what: &str, n: usize, limit: usize) -> Error {
    Error::Analytics {
        code: "map_too_large",
        message: format!(
            "the map would hold {n} {what} (at most {limit}): narrow it with region or country"
        ),
        not_found: false,
    }
}

/// Builds the map of `snap` within `scope`; refuses one past [`MAX_MAP_CITIES`] or
/// [`MAX_MAP_LINKS`].
pub fn build(snap: &Snapshot, scope: &MapScope) -> Result<MapData> {
    build_within(snap, scope, MAX_MAP_CITIES, MAX_MAP_LINKS)
}

/// As [`build`], with other bounds.
#[tracing::instrument(skip_all)]
pub fn build_within(
    snap: &Snapshot,
    scope: &MapScope,
    max_cities: usize,
    max_links: usize,
) -> Result<MapData> {
    let in_scope = |c: &citygraph_core::City| scope.includes(c);
    let city_count = snap.cities.values().filter(|c| in_scope(c)).count();
    if city_count > max_cities {
        return Err(too_large("cities", city_count, max_cities));
    }
    let mut cities = MapCities::default();
    let mut index: HashMap<&str, u32> = HashMap::with_capacity(city_count);
    for c in snap.cities.values().filter(|c| in_scope(c)) {
        index.insert(c.id.as_str(), cities.id.len() as u32);
        cities.id.push(c.id.to_string());
        cities.name.push(c.name.clone());
        cities.country.push(c.country.as_str().to_owned());
        cities.region.push(
            Region::ALL
                .iter()
                .position(|r| *r == c.region)
                .expect("every region is in ALL") as u8,
        );
        cities.lat.push(c.lat);
        cities.lon.push(c.lon);
    }

    let mut first_year: Option<i32> = None;
    let mut see_year = |y: i32| first_year = Some(first_year.map_or(y, |f| f.min(y)));

    let ends = |p: &Partnership| {
        Some((
            *index.get(p.cities[0].as_str())?,
            *index.get(p.cities[1].as_str())?,
        ))
    };
    let link_count = snap
        .partnerships
        .values()
        .filter(|p| ends(p).is_some())
        .count();
    if link_count > max_links {
        return Err(too_large("links", link_count, max_links));
    }
    let mut links = MapLinks::default();
    let mut changes = MapChanges::default();
    let mut reasons: Vec<String> = Vec::new();
    let mut reason_index: HashMap<String, i32> = HashMap::new();
    links.changes_from.push(0);
    for p in snap.partnerships.values() {
        let Some((a, b)) = ends(p) else { continue };
        let default = Partnership::default_id(&p.cities[0], &p.cities[1], p.kind);
        links.id.push((p.id != default).then(|| p.id.to_string()));
        links.a.push(a);
        links.b.push(b);
        links.kind.push(kind_index(p.kind));
        // The fold of `status_on`, one step per event.
        let mut status = match p.events.first() {
            Some(e) if e.kind == EventType::Established => None,
            _ => Some(Status::Active),
        };
        links.initial.push(status.map(status_index));
        for e in &p.events {
            status = transition(status, e.kind).ok().or(status);
            see_year(e.date.year_part());
            changes.day.push(e.date.first_day().to_epoch_days());
            changes.precision.push(precision_index(e.date.precision()));
            changes.event.push(event_index(e.kind));
            changes
                .status
                .push(status_index(status.unwrap_or(Status::Active)));
            let r = match &e.reason {
                None => -1,
                Some(r) => *reason_index.entry(r.clone()).or_insert_with(|| {
                    reasons.push(r.clone());
                    reasons.len() as i32 - 1
                }),
            };
            changes.reason.push(r);
        }
        links.changes_from.push(changes.day.len() as u32);
    }

    let mut networks = MapNetworks::default();
    let mut net_index: HashMap<&str, u32> = HashMap::new();
    for n in snap.networks.values() {
        net_index.insert(n.id.as_str(), networks.id.len() as u32);
        networks.id.push(n.id.to_string());
        networks.name.push(n.name.clone());
    }
    let mut memberships = MapMemberships::default();
    for m in snap.memberships.values() {
        let (Some(&city), Some(&network)) = (
            index.get(m.city.as_str()),
            net_index.get(m.network.as_str()),
        ) else {
            continue;
        };
        let (from, to) = interval(m);
        if let Some(s) = m.start() {
            see_year(s.year_part());
        }
        memberships.city.push(city);
        memberships.network.push(network);
        memberships.from.push(from);
        memberships.to.push(to);
    }

    Ok(MapData {
        version: snap.version,
        first_year,
        regions: Region::ALL.iter().map(|r| r.as_str()).collect(),
        kinds: PartnershipKind::ALL.iter().map(|k| k.as_str()).collect(),
        statuses: STATUSES.iter().map(|s| s.as_str()).collect(),
        events: EventType::ALL.iter().map(|e| e.as_str()).collect(),
        reasons,
        cities,
        networks,
        memberships,
        links,
        changes,
    })
}

/// The days of a membership as `[from, to)` in epoch days (see the module docs).
fn interval(m: &Membership) -> (Option<i64>, Option<i64>) {
    let from = m.start().map(|s| s.first_day().to_epoch_days());
    let to = m.end().map(|e| e.first_day().to_epoch_days());
    (from, to)
}

type Built = std::result::Result<Arc<[u8]>, Arc<Error>>;

struct Slot {
    snap: Weak<Snapshot>,
    scope: MapScope,
    cell: Arc<OnceLock<Built>>,
}

/// Maps kept at once (one per live snapshot and scope, newest first).
const SLOTS: usize = 8;

/// Maps already built, keyed by the identity of the snapshot (a `Weak` pins the allocation, so
/// an address is never reused while its entry exists) and the scope. Process-wide, so every
/// HTTP worker shares one copy; a slot whose snapshot is gone is dropped first.
static BUILT: LazyLock<Mutex<Vec<Slot>>> = LazyLock::new(|| Mutex::new(Vec::new()));

/// The map of `snap` within `scope` as JSON, built at most once per snapshot and scope (callers
/// arriving together wait for the one build). Blocking: call it off the async request threads.
pub fn map_json(snap: &Arc<Snapshot>, scope: &MapScope) -> Result<Arc<[u8]>> {
    let cell = {
        let mut slots = BUILT.lock();
        slots.retain(|s| s.snap.strong_count() > 0);
        let found = slots
            .iter()
            .position(|s| s.scope == *scope && Weak::ptr_eq(&s.snap, &Arc::downgrade(snap)));
        match found {
            Some(i) => {
                let slot = slots.remove(i);
                let cell = slot.cell.clone();
                slots.insert(0, slot);
                cell
            }
            None => {
                let cell = Arc::new(OnceLock::new());
                slots.insert(
                    0,
                    Slot {
                        snap: Arc::downgrade(snap),
                        scope: scope.clone(),
                        cell: cell.clone(),
                    },
                );
                slots.truncate(SLOTS);
                cell
            }
        }
    };
    let built = cell.get_or_init(|| {
        build(snap, scope)
            .map(|m| Arc::from(serde_json::to_vec(&m).expect("the map serialises")))
            .map_err(Arc::new)
    });
    match built {
        Ok(bytes) => Ok(bytes.clone()),
        Err(e) => Err(Error::Analytics {
            code: e.code(),
            message: match &**e {
                Error::Analytics { message, .. } => message.clone(),
                other => other.to_string(),
            },
            not_found: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use citygraph_core::{Change, Day, PartialDate};

    use super::*;

    fn snapshot(lines: &[&str]) -> Snapshot {
        let changes: Vec<Change> = lines
            .iter()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                match v["type"].as_str().unwrap() {
                    "city" => Change::PutCity(Arc::new(serde_json::from_value(strip(v)).unwrap())),
                    "network" => {
                        Change::PutNetwork(Arc::new(serde_json::from_value(strip(v)).unwrap()))
                    }
                    "membership" => {
                        Change::PutMembership(Arc::new(serde_json::from_value(strip(v)).unwrap()))
                    }
                    _ => {
                        Change::PutPartnership(Arc::new(serde_json::from_value(strip(v)).unwrap()))
                    }
                }
            })
            .collect();
        Snapshot::default().with_changes(&changes).unwrap().0
    }

    fn strip(mut v: serde_json::Value) -> serde_json::Value {
        v.as_object_mut().unwrap().remove("type");
        v
    }

    fn day(s: &str) -> Day {
        s.parse::<PartialDate>().unwrap().first_day()
    }

    /// The id of link `i` derived the way a client derives it.
    fn link_id(m: &MapData, i: usize) -> String {
        if let Some(id) = &m.links.id[i] {
            return id.clone();
        }
        let (a, b) = (
            &m.cities.id[m.links.a[i] as usize],
            &m.cities.id[m.links.b[i] as usize],
        );
        let (x, y) = if a <= b { (a, b) } else { (b, a) };
        match m.kinds[m.links.kind[i] as usize] {
            "sister_city" => format!("{x}--{y}"),
            k => format!("{x}--{y}--{}", k.replace('_', "-")),
        }
    }

    /// The status of link `i` on `d` read the way a client reads the map.
    fn status_from_map(m: &MapData, i: usize, d: Day) -> Option<&'static str> {
        let d = d.to_epoch_days();
        let (lo, hi) = (
            m.links.changes_from[i] as usize,
            m.links.changes_from[i + 1] as usize,
        );
        let mut s = m.links.initial[i];
        for c in lo..hi {
            if m.changes.day[c] <= d {
                s = Some(m.changes.status[c]);
            }
        }
        s.map(|s| m.statuses[s as usize])
    }

    const FIXTURE: &[&str] = &[
        r#"{"type":"city","id":"cz-prague","name":"Prague","country":"CZ","region":"europe","lat":50.08,"lon":14.43}"#,
        r#"{"type":"city","id":"cn-beijing","name":"Beijing","country":"CN","region":"asia-pacific","lat":39.9,"lon":116.4}"#,
        r#"{"type":"city","id":"tw-taipei","name":"Taipei","country":"TW","region":"asia-pacific","lat":25.05,"lon":121.5}"#,
        r#"{"type":"network","id":"c40","name":"C40"}"#,
        r#"{"type":"membership","city":"cz-prague","network":"c40","joined":"2010","left":"2015-03"}"#,
        r#"{"type":"membership","city":"tw-taipei","network":"c40","observed":["2019"]}"#,
        r#"{"type":"partnership","cities":["cn-beijing","cz-prague"],"events":[{"type":"established","date":"2016-02"},{"type":"suspended","date":"2018"},{"type":"resumed","date":"2018-07"},{"type":"terminated","date":"2019-10-07","reason":"the one-China clause"}]}"#,
        r#"{"type":"partnership","cities":["cz-prague","tw-taipei"],"kind":"friendship_city","events":[{"type":"lapsed","date":"2001"}]}"#,
        r#"{"type":"partnership","cities":["cn-beijing","tw-taipei"],"kind":"memorandum"}"#,
        r#"{"type":"partnership","id":"prague-taipei-2","cities":["tw-taipei","cz-prague"],"events":[{"type":"established","date":"2020"}]}"#,
    ];

    #[test]
    fn link_states_on_the_map_equal_status_on_for_every_day() {
        let s = snapshot(FIXTURE);
        let m = build(&s, &MapScope::default()).unwrap();
        assert_eq!(m.links.id.len(), 4);
        let ids: Vec<String> = (0..4).map(|i| link_id(&m, i)).collect();
        assert!(ids.contains(&"prague-taipei-2".to_owned()));
        assert_eq!(m.links.id.iter().filter(|x| x.is_some()).count(), 1);
        assert_eq!(m.first_year, Some(2001));
        let mut d = day("1999-12-15");
        let end = day("2021");
        while d <= end {
            for (i, id) in ids.iter().enumerate() {
                let p = s.partnership(id).unwrap();
                assert_eq!(
                    status_from_map(&m, i, d),
                    p.status_on(d).map(Status::as_str),
                    "{id} on {d}"
                );
            }
            d = Day::from_epoch_days(d.to_epoch_days() + 5);
        }
        let i = ids.iter().position(|x| x == "cn-beijing--cz-prague");
        let last = m.links.changes_from[i.unwrap() + 1] as usize - 1;
        assert_eq!(
            m.reasons[m.changes.reason[last] as usize],
            "the one-China clause"
        );
        assert_eq!(m.changes.precision[last], 2);
    }

    #[test]
    fn memberships_on_the_map_are_in_force_exactly_when_the_model_says() {
        let s = snapshot(FIXTURE);
        let m = build(&s, &MapScope::default()).unwrap();
        for d in [
            "2009-12-31",
            "2010",
            "2015-02-28",
            "2015-03",
            "2018",
            "2019",
            "2030",
        ] {
            let d = day(d);
            for (k, mem) in s.memberships.values().enumerate() {
                let (from, to) = (m.memberships.from[k], m.memberships.to[k]);
                let e = d.to_epoch_days();
                let on_map = from.is_none_or(|f| f <= e) && to.is_none_or(|t| e < t);
                assert_eq!(on_map, mem.in_force_on(d), "{} on {d}", mem.id);
            }
        }
    }

    #[test]
    fn a_scope_keeps_links_with_both_ends_inside() {
        let s = snapshot(FIXTURE);
        let scope = MapScope {
            region: Some(Region::AsiaPacific),
            country: None,
        };
        let m = build(&s, &scope).unwrap();
        assert_eq!(m.cities.id, ["cn-beijing", "tw-taipei"]);
        assert_eq!(link_id(&m, 0), "cn-beijing--tw-taipei--memorandum");
        assert_eq!(m.memberships.city, [1]);
    }

    #[test]
    fn a_map_past_its_bounds_is_refused_with_a_clear_error() {
        let s = snapshot(FIXTURE);
        let e = build_within(&s, &MapScope::default(), 10, 3).unwrap_err();
        assert_eq!(e.code(), "map_too_large");
        assert!(e.to_string().contains("4 links (at most 3)"), "{e}");
        let e = build_within(&s, &MapScope::default(), 2, 10).unwrap_err();
        assert!(e.to_string().contains("3 cities"), "{e}");
        let scope = MapScope {
            region: Some(Region::AsiaPacific),
            country: None,
        };
        assert!(build_within(&s, &scope, 2, 3).is_ok(), "a region fits");
    }

    #[test]
    fn the_same_snapshot_is_built_once_and_a_new_one_again() {
        let s = Arc::new(snapshot(FIXTURE));
        let a = map_json(&s, &MapScope::default()).unwrap();
        let b = map_json(&s, &MapScope::default()).unwrap();
        assert!(
            Arc::ptr_eq(&a, &b),
            "the second call is served from the cache"
        );
        let mut next = (*s).clone();
        next.version += 1;
        next.cities.remove("tw-taipei");
        let next = Arc::new(next);
        let c = map_json(&next, &MapScope::default()).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&c).unwrap();
        assert_eq!(v["version"], s.version + 1);
        assert_eq!(v["cities"]["id"].as_array().unwrap().len(), 2);
    }
}
