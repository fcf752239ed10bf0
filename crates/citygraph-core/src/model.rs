//! The domain model: cities, networks, memberships and partnerships with their event history.
//!
//! Every entity deserializes through a `*Raw` twin and `TryFrom`, so a value that fails validation
//! cannot be built from JSON. Code that builds entities by hand calls `validate()`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::{Day, PartialDate};
use crate::error::CoreError;
use crate::id::{CityId, CountryCode, MembershipId, NetworkId, PartnershipId, Region};

fn non_empty(field: &'static str, s: &str) -> Result<(), CoreError> {
    if s.trim().is_empty() {
        Err(CoreError::EmptyField { field })
    } else {
        Ok(())
    }
}

/// How an international strategy sits in a city's government (a survey question).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StrategyKind {
    StandAlone,
    Nested,
    None,
}

/// A city's capacity for international work: the survey's questions plus staff count.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub international_office: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senior_manager: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub travel_funds: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<StrategyKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdg_tracking: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_training: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub international_staff: Option<u32>,
}

/// A city.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "CityRaw")]
pub struct City {
    pub id: CityId,
    pub name: String,
    pub country: CountryCode,
    pub region: Region,
    /// Latitude in degrees, -90 to 90.
    #[cfg_attr(feature = "openapi", schema(minimum = -90.0, maximum = 90.0))]
    pub lat: f64,
    /// Longitude in degrees, -180 to 180.
    #[cfg_attr(feature = "openapi", schema(minimum = -180.0, maximum = 180.0))]
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// Wikidata item (`Q90`), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// GeoNames id, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<Capacity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Former ids of this city (records merged into it): a lookup by one of them finds this city.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<CityId>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CityRaw {
    id: CityId,
    name: String,
    country: CountryCode,
    region: Region,
    lat: f64,
    lon: f64,
    #[serde(default)]
    population: Option<u64>,
    #[serde(default)]
    wikidata: Option<String>,
    #[serde(default)]
    geonames: Option<u64>,
    #[serde(default)]
    capacity: Option<Capacity>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    aliases: Vec<CityId>,
}

impl TryFrom<CityRaw> for City {
    type Error = CoreError;
    fn try_from(r: CityRaw) -> Result<City, CoreError> {
        let c = City {
            id: r.id,
            name: r.name,
            country: r.country,
            region: r.region,
            lat: r.lat,
            lon: r.lon,
            population: r.population,
            wikidata: r.wikidata,
            geonames: r.geonames,
            capacity: r.capacity,
            sources: r.sources,
            aliases: r.aliases,
        };
        c.validate()?;
        Ok(c)
    }
}

impl City {
    pub fn validate(&self) -> Result<(), CoreError> {
        non_empty("name", &self.name)?;
        if !(self.lat.is_finite() && (-90.0..=90.0).contains(&self.lat)) {
            return Err(CoreError::OutOfRange {
                field: "lat",
                detail: format!("{} is not in [-90, 90]", self.lat),
            });
        }
        if !(self.lon.is_finite() && (-180.0..=180.0).contains(&self.lon)) {
            return Err(CoreError::OutOfRange {
                field: "lon",
                detail: format!("{} is not in [-180, 180]", self.lon),
            });
        }
        if let Some(q) = &self.wikidata {
            let ok =
                q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit());
            if !ok {
                return Err(CoreError::OutOfRange {
                    field: "wikidata",
                    detail: format!("{q:?} is not a Wikidata item id like Q90"),
                });
            }
        }
        for (i, a) in self.aliases.iter().enumerate() {
            if *a == self.id || self.aliases[..i].contains(a) {
                return Err(CoreError::OutOfRange {
                    field: "aliases",
                    detail: format!("{a} is the city's own id or listed twice"),
                });
            }
        }
        Ok(())
    }
}

/// Whether a network works worldwide or in one region or country.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Global,
    Regional,
    National,
}

/// A city network (C40, ICLEI, UCLG, ...).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "NetworkRaw")]
pub struct Network {
    pub id: NetworkId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// The survey region a regional network works in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus: Vec<String>,
    /// The city that hosts the secretariat (a city id; it need not be loaded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretariat: Option<CityId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkRaw {
    id: NetworkId,
    name: String,
    #[serde(default, deserialize_with = "crate::date::year_or_date")]
    founded: Option<PartialDate>,
    #[serde(default)]
    scope: Option<Scope>,
    #[serde(default)]
    region: Option<Region>,
    #[serde(default)]
    focus: Vec<String>,
    #[serde(default)]
    secretariat: Option<CityId>,
    #[serde(default)]
    website: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

impl TryFrom<NetworkRaw> for Network {
    type Error = CoreError;
    fn try_from(r: NetworkRaw) -> Result<Network, CoreError> {
        let n = Network {
            id: r.id,
            name: r.name,
            founded: r.founded,
            scope: r.scope,
            region: r.region,
            focus: r.focus,
            secretariat: r.secretariat,
            website: r.website,
            sources: r.sources,
        };
        n.validate()?;
        Ok(n)
    }
}

impl Network {
    pub fn validate(&self) -> Result<(), CoreError> {
        non_empty("name", &self.name)?;
        for f in &self.focus {
            non_empty("focus", f)?;
        }
        Ok(())
    }
}

/// A city's membership of a network.
///
/// # Valid time of a membership
///
/// A membership is in force on day `d` when it has started and has not ended by `d`:
/// - it starts on `joined` when that is known; otherwise on the earliest `observed` date (a snapshot
///   that attests it); with neither, its start is unknown and it counts as in force on every day
///   before its end (we know it exists, not since when: no date is invented);
/// - it ends on `left` when known; otherwise on the earliest `absent` date after its start (a
///   snapshot that no longer lists it: "seen in 2019, gone in 2022" ends in 2022); otherwise never.
///
/// Dates follow the partial-date rule of [`crate::date`].
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "MembershipRaw")]
pub struct Membership {
    pub id: MembershipId,
    pub city: CityId,
    pub network: NetworkId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<PartialDate>,
    /// Dates of snapshots that list this membership.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observed: Vec<PartialDate>,
    /// Dates of snapshots of the same network that no longer list it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<PartialDate>,
    /// Tier or role (`member`, `associate`, `observer`, `innovator`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MembershipRaw {
    #[serde(default)]
    id: Option<MembershipId>,
    city: CityId,
    network: NetworkId,
    #[serde(default)]
    joined: Option<PartialDate>,
    #[serde(default)]
    left: Option<PartialDate>,
    #[serde(default)]
    observed: Vec<PartialDate>,
    #[serde(default)]
    absent: Vec<PartialDate>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

impl TryFrom<MembershipRaw> for Membership {
    type Error = CoreError;
    fn try_from(r: MembershipRaw) -> Result<Membership, CoreError> {
        let mut m = Membership {
            id: r
                .id
                .unwrap_or_else(|| MembershipId::conventional(&r.network, &r.city)),
            city: r.city,
            network: r.network,
            joined: r.joined,
            left: r.left,
            observed: r.observed,
            absent: r.absent,
            role: r.role,
            sources: r.sources,
        };
        m.observed.sort();
        m.observed.dedup();
        m.absent.sort();
        m.absent.dedup();
        m.validate()?;
        Ok(m)
    }
}

impl Membership {
    pub fn validate(&self) -> Result<(), CoreError> {
        if let (Some(j), Some(l)) = (self.joined, self.left) {
            if l < j {
                return Err(CoreError::LeftBeforeJoined { joined: j, left: l });
            }
        }
        if let Some(r) = &self.role {
            non_empty("role", r)?;
        }
        Ok(())
    }

    /// When the membership starts, if known (see the type docs).
    pub fn start(&self) -> Option<PartialDate> {
        self.joined.or_else(|| self.observed.first().copied())
    }

    /// When the membership ends, if it does (see the type docs).
    pub fn end(&self) -> Option<PartialDate> {
        if self.left.is_some() {
            return self.left;
        }
        let start = self.start();
        let last_seen = self.observed.last().copied().or(start);
        self.absent.iter().copied().find(|a| match last_seen {
            Some(s) => *a > s,
            None => true,
        })
    }

    /// Whether the membership is in force on `day`.
    pub fn in_force_on(&self, day: Day) -> bool {
        let started = self.start().is_none_or(|s| s.in_force_on(day));
        let ended = self.end().is_some_and(|e| e.in_force_on(day));
        started && !ended
    }
}

/// The kind of a city-to-city link.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnershipKind {
    SisterCity,
    FriendshipCity,
    CooperationAgreement,
    Memorandum,
}

impl PartnershipKind {
    pub const ALL: [PartnershipKind; 4] = [
        PartnershipKind::SisterCity,
        PartnershipKind::FriendshipCity,
        PartnershipKind::CooperationAgreement,
        PartnershipKind::Memorandum,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            PartnershipKind::SisterCity => "sister_city",
            PartnershipKind::FriendshipCity => "friendship_city",
            PartnershipKind::CooperationAgreement => "cooperation_agreement",
            PartnershipKind::Memorandum => "memorandum",
        }
    }
}

impl fmt::Display for PartnershipKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PartnershipKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        PartnershipKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| {
            format!("unknown partnership kind {s:?}: expected sister_city, friendship_city, cooperation_agreement or memorandum")
        })
    }
}

/// What happened to a partnership.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    Established,
    Suspended,
    Resumed,
    Renewed,
    Lapsed,
    Terminated,
}

impl EventType {
    pub const ALL: [EventType; 6] = [
        EventType::Established,
        EventType::Suspended,
        EventType::Resumed,
        EventType::Renewed,
        EventType::Lapsed,
        EventType::Terminated,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Established => "established",
            EventType::Suspended => "suspended",
            EventType::Resumed => "resumed",
            EventType::Renewed => "renewed",
            EventType::Lapsed => "lapsed",
            EventType::Terminated => "terminated",
        }
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One dated event in a partnership's history.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The event's id within its partnership's history (`e1`, `e2`, ... unless given): stable
    /// across corrections of other events, the address of `PATCH`/`DELETE
    /// /v1/partnerships/{id}/events/{event_id}`. An event read without one gets the next free id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub date: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Which side acted, as written in the source (a city name or id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiated_by: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The status of a partnership on a day, derived from its history.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Active,
    Suspended,
    Lapsed,
    Terminated,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Suspended => "suspended",
            Status::Lapsed => "lapsed",
            Status::Terminated => "terminated",
        }
    }
    /// Lapsed and terminated links have ended; active and suspended ones are still in force.
    pub fn is_ended(self) -> bool {
        matches!(self, Status::Lapsed | Status::Terminated)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The status after `event`, given the status before it (`None`: before an establishment).
/// Errors carry the reason a transition is impossible.
pub fn transition(before: Option<Status>, event: EventType) -> Result<Status, &'static str> {
    use EventType as E;
    use Status as S;
    match (before, event) {
        (None, E::Established) => Ok(S::Active),
        (None, _) => Err("the link is not established yet"),
        (Some(_), E::Established) => {
            Err("a link is established once; a re-signing is `renewed` or a new partnership")
        }
        (Some(S::Active), E::Suspended) => Ok(S::Suspended),
        (Some(S::Suspended), E::Suspended) => Err("the link is already suspended"),
        (Some(S::Lapsed | S::Terminated), E::Suspended) => Err("an ended link cannot be suspended"),
        (Some(S::Suspended), E::Resumed) => Ok(S::Active),
        (Some(_), E::Resumed) => Err("only a suspended link can be resumed"),
        (Some(_), E::Renewed) => Ok(S::Active),
        (Some(S::Active | S::Suspended), E::Lapsed) => Ok(S::Lapsed),
        (Some(S::Lapsed | S::Terminated), E::Lapsed) => Err("the link has already ended"),
        (Some(S::Active | S::Suspended | S::Lapsed), E::Terminated) => Ok(S::Terminated),
        (Some(S::Terminated), E::Terminated) => {
            Err("events after a termination: only `renewed` may follow it")
        }
    }
}

/// A link between two cities with its ordered history.
///
/// # Status on a day
///
/// The status on day `d` folds, in order, the events in force on `d` (the partial-date rule).
/// A history that starts with `established` has no status (the link does not exist yet) before that
/// event. A history that does not start with `established` (real data often knows a link exists but
/// not since when) is *undated*: the link counts as active on every day before its first event.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PartnershipRaw")]
pub struct Partnership {
    pub id: PartnershipId,
    pub cities: [CityId; 2],
    pub kind: PartnershipKind,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnershipRaw {
    #[serde(default)]
    id: Option<PartnershipId>,
    cities: [CityId; 2],
    #[serde(default = "default_kind")]
    kind: PartnershipKind,
    #[serde(default)]
    events: Vec<Event>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    note: Option<String>,
}

fn default_kind() -> PartnershipKind {
    PartnershipKind::SisterCity
}

impl TryFrom<PartnershipRaw> for Partnership {
    type Error = CoreError;
    fn try_from(r: PartnershipRaw) -> Result<Partnership, CoreError> {
        let id = match r.id {
            Some(id) => id,
            None => Partnership::default_id(&r.cities[0], &r.cities[1], r.kind),
        };
        let mut p = Partnership {
            id,
            cities: r.cities,
            kind: r.kind,
            events: r.events,
            sources: r.sources,
            note: r.note,
        };
        validate_event_ids(&p.events)?;
        p.assign_event_ids();
        p.validate()?;
        Ok(p)
    }
}

impl Partnership {
    /// The id a partnership gets when none is given: `a--b` for sister cities, `a--b--kind` otherwise.
    pub fn default_id(a: &CityId, b: &CityId, kind: PartnershipKind) -> PartnershipId {
        let base = PartnershipId::conventional(a, b);
        match kind {
            PartnershipKind::SisterCity => base,
            other => PartnershipId::new(&format!("{base}--{}", other.as_str().replace('_', "-")))
                .expect("slug of slugs"),
        }
    }

    pub fn validate(&self) -> Result<(), CoreError> {
        if self.cities[0] == self.cities[1] {
            return Err(CoreError::SelfPartnership(self.cities[0].clone()));
        }
        validate_event_ids(&self.events)?;
        validate_history(&self.events)?;
        Ok(())
    }

    /// Gives every event without an id the next free one: `e{n}` with `n` above every `e{digits}`
    /// id of the history, in history order (a history without ids gets `e1`, `e2`, ...).
    pub fn assign_event_ids(&mut self) {
        let mut next = self
            .events
            .iter()
            .filter_map(|e| e.id.as_deref().and_then(numbered_event_id))
            .max()
            .unwrap_or(0);
        for e in &mut self.events {
            if e.id.is_none() {
                next += 1;
                e.id = Some(format!("e{next}"));
            }
        }
    }

    /// Whether the events' ids are `e1`, `e2`, ... in history order (what a history read without
    /// ids gets): interchange formats leave such ids out.
    pub fn event_ids_canonical(&self) -> bool {
        self.events
            .iter()
            .enumerate()
            .all(|(i, e)| e.id.as_deref().and_then(numbered_event_id) == Some(i as u64 + 1))
    }

    /// A copy for interchange files: event ids are left out when they are `e1`, `e2`, ... in
    /// order (reading the file gives them again), kept otherwise.
    pub fn for_interchange(&self) -> Partnership {
        let mut p = self.clone();
        if p.event_ids_canonical() {
            for e in &mut p.events {
                e.id = None;
            }
        }
        p
    }

    /// The position of the event with id `event_id`.
    pub fn event_index(&self, event_id: &str) -> Option<usize> {
        self.events
            .iter()
            .position(|e| e.id.as_deref() == Some(event_id))
    }

    /// Whether the history starts with an establishment (the link's start date is known).
    pub fn established(&self) -> Option<PartialDate> {
        self.events
            .first()
            .filter(|e| e.kind == EventType::Established)
            .map(|e| e.date)
    }

    /// The status on `day`, or `None` when the link is not established yet on that day.
    pub fn status_on(&self, day: Day) -> Option<Status> {
        status_on(&self.events, day)
    }

    /// The status after every event (the current status as recorded).
    pub fn status_now(&self) -> Status {
        let mut s = if self.established().is_some() {
            None
        } else {
            Some(Status::Active)
        };
        for e in &self.events {
            s = transition(s, e.kind).ok();
        }
        s.unwrap_or(Status::Active)
    }

    /// The date the link ended (its last lapse or termination) if its final status is ended.
    pub fn ended(&self) -> Option<PartialDate> {
        if self.status_now().is_ended() {
            self.events
                .iter()
                .rev()
                .find(|e| matches!(e.kind, EventType::Lapsed | EventType::Terminated))
                .map(|e| e.date)
        } else {
            None
        }
    }

    /// The other city of the link.
    pub fn other(&self, city: &CityId) -> &CityId {
        if &self.cities[0] == city {
            &self.cities[1]
        } else {
            &self.cities[0]
        }
    }

    pub fn involves(&self, city: &CityId) -> bool {
        self.cities[0] == *city || self.cities[1] == *city
    }
}

/// `n` of an event id `e{n}` (digits without a leading zero).
fn numbered_event_id(id: &str) -> Option<u64> {
    let d = id.strip_prefix('e')?;
    if d.is_empty() || d.starts_with('0') || !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    d.parse().ok()
}

/// Checks the ids a history's events carry: each well formed, none used twice.
pub fn validate_event_ids(events: &[Event]) -> Result<(), CoreError> {
    let mut seen = std::collections::HashSet::new();
    for id in events.iter().filter_map(|e| e.id.as_deref()) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
            && !id.starts_with(['-', '_']);
        if !ok {
            return Err(CoreError::InvalidEventId(id.to_owned()));
        }
        if !seen.insert(id) {
            return Err(CoreError::DuplicateEventId(id.to_owned()));
        }
    }
    Ok(())
}

/// Checks a history: dated in order, and every event a legal transition (see [`transition`]).
pub fn validate_history(events: &[Event]) -> Result<(), CoreError> {
    let mut status = match events.first() {
        Some(e) if e.kind == EventType::Established => None,
        _ => Some(Status::Active),
    };
    for (i, e) in events.iter().enumerate() {
        if i > 0 {
            let prev = events[i - 1].date;
            if e.date.first_day() < prev.first_day() {
                return Err(CoreError::EventsOutOfOrder {
                    index: i,
                    event: e.kind,
                    date: e.date,
                    previous: prev,
                });
            }
        }
        status = Some(
            transition(status, e.kind).map_err(|why| CoreError::InvalidTransition {
                index: i,
                event: e.kind,
                status: status.unwrap_or(Status::Active),
                why,
            })?,
        );
    }
    Ok(())
}

/// The status of a (valid) history on `day`; see [`Partnership`].
pub fn status_on(events: &[Event], day: Day) -> Option<Status> {
    let mut status = match events.first() {
        Some(e) if e.kind == EventType::Established => None,
        _ => Some(Status::Active),
    };
    for e in events {
        if !e.date.in_force_on(day) {
            break;
        }
        status = transition(status, e.kind).ok().or(status);
    }
    status
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn ev(kind: EventType, date: &str) -> Event {
        Event {
            id: None,
            kind,
            date: date.parse().unwrap(),
            reason: None,
            initiated_by: None,
            sources: vec![],
            note: None,
        }
    }
    fn day(s: &str) -> Day {
        let p: PartialDate = s.parse().unwrap();
        p.first_day()
    }
    use EventType as E;

    #[test]
    fn status_follows_the_history() {
        let h = vec![
            ev(E::Established, "1990"),
            ev(E::Suspended, "2022-03"),
            ev(E::Resumed, "2023-06-01"),
            ev(E::Terminated, "2024"),
        ];
        assert_eq!(status_on(&h, day("1989-12-31")), None);
        assert_eq!(status_on(&h, day("1990-01-01")), Some(Status::Active));
        assert_eq!(status_on(&h, day("2022-02-28")), Some(Status::Active));
        assert_eq!(status_on(&h, day("2022-03-01")), Some(Status::Suspended));
        assert_eq!(status_on(&h, day("2023-06-01")), Some(Status::Active));
        assert_eq!(status_on(&h, day("2024-01-01")), Some(Status::Terminated));
    }

    #[test]
    fn an_undated_link_is_active_before_its_first_event() {
        let h = vec![ev(E::Terminated, "2019-10-07")];
        assert_eq!(status_on(&h, day("1900")), Some(Status::Active));
        assert_eq!(status_on(&h, day("2019-10-07")), Some(Status::Terminated));
        assert_eq!(status_on(&[], day("1900")), Some(Status::Active));
    }

    #[test]
    fn rejects_events_out_of_order() {
        let err = validate_history(&[ev(E::Established, "2000"), ev(E::Suspended, "1999-12")])
            .unwrap_err();
        assert!(
            matches!(err, CoreError::EventsOutOfOrder { index: 1, .. }),
            "{err}"
        );
        assert_eq!(err.code(), "invalid_history");
    }

    #[test]
    fn rejects_resuming_what_is_not_suspended() {
        let err =
            validate_history(&[ev(E::Established, "2000"), ev(E::Resumed, "2001")]).unwrap_err();
        assert!(
            matches!(
                err,
                CoreError::InvalidTransition {
                    index: 1,
                    event: E::Resumed,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn rejects_events_after_a_termination_except_renewal() {
        let err = validate_history(&[
            ev(E::Established, "2000"),
            ev(E::Terminated, "2001"),
            ev(E::Suspended, "2002"),
        ])
        .unwrap_err();
        assert!(
            matches!(
                err,
                CoreError::InvalidTransition {
                    index: 2,
                    status: Status::Terminated,
                    ..
                }
            ),
            "{err}"
        );
        validate_history(&[
            ev(E::Established, "2000"),
            ev(E::Terminated, "2001"),
            ev(E::Renewed, "2002"),
        ])
        .unwrap();
    }

    #[test]
    fn rejects_a_second_establishment() {
        let err = validate_history(&[ev(E::Established, "2000"), ev(E::Established, "2001")])
            .unwrap_err();
        assert!(matches!(err, CoreError::InvalidTransition { index: 1, .. }));
    }

    #[test]
    fn rejects_a_link_of_a_city_with_itself() {
        let json = r#"{"cities":["fr-paris","fr-paris"],"kind":"sister_city","events":[]}"#;
        let err = serde_json::from_str::<Partnership>(json).unwrap_err();
        assert!(
            err.to_string().contains("cannot partner with itself"),
            "{err}"
        );
    }

    #[test]
    fn seed_format_lines_parse() {
        let p: Partnership = serde_json::from_str(r#"{"id":"fr-paris--it-rome","cities":["fr-paris","it-rome"],"kind":"sister_city","events":[{"type":"established","date":"1956-01-30","sources":["x"]}]}"#).unwrap();
        assert_eq!(p.established().unwrap().to_string(), "1956-01-30");
        let m: Membership =
            serde_json::from_str(r#"{"city":"fr-paris","network":"c40","joined":"2005"}"#).unwrap();
        assert_eq!(m.id.as_str(), "c40--fr-paris");
        let c: City = serde_json::from_str(r#"{"id":"fr-paris","name":"Paris","country":"FR","region":"europe","lat":48.8566,"lon":2.3522}"#).unwrap();
        assert_eq!(c.country.as_str(), "FR");
        assert!(serde_json::from_str::<City>(r#"{"id":"fr-paris","name":"Paris","country":"FR","region":"europe","lat":48.8566,"lon":2.3522,"contry":"x"}"#).is_err());
        assert!(serde_json::from_str::<City>(r#"{"id":"fr-paris","name":"Paris","country":"FR","region":"europe","lat":98.0,"lon":2.3522}"#).is_err());
    }

    #[test]
    fn membership_valid_time_uses_joined_then_observations() {
        let m: Membership = serde_json::from_str(
            r#"{"city":"fr-paris","network":"c40","observed":["2019"],"absent":["2022"]}"#,
        )
        .unwrap();
        assert!(!m.in_force_on(day("2018-12-31")));
        assert!(m.in_force_on(day("2019-01-01")));
        assert!(m.in_force_on(day("2021-12-31")));
        assert!(!m.in_force_on(day("2022-01-01")));
        let undated: Membership =
            serde_json::from_str(r#"{"city":"fr-paris","network":"c40"}"#).unwrap();
        assert!(undated.in_force_on(day("1900")));
        let left: Membership = serde_json::from_str(
            r#"{"city":"fr-paris","network":"c40","joined":"2005","left":"2010-06"}"#,
        )
        .unwrap();
        assert!(
            left.in_force_on(day("2010-05-31"))
                && !left.in_force_on(day("2010-06-01"))
                && !left.in_force_on(day("2004"))
        );
        assert!(serde_json::from_str::<Membership>(
            r#"{"city":"fr-paris","network":"c40","joined":"2005","left":"2004"}"#
        )
        .is_err());
    }

    fn arb_history() -> impl Strategy<Value = Vec<Event>> {
        (
            proptest::collection::vec((0usize..6, 0i64..4000), 0..8),
            any::<bool>(),
        )
            .prop_map(|(steps, dated)| {
                let mut t = 0i64;
                let mut out = Vec::new();
                let mut status = if dated { None } else { Some(Status::Active) };
                for (k, dt) in steps {
                    t += dt;
                    let kind = EventType::ALL[k];
                    if let Ok(s) = transition(status, kind) {
                        status = Some(s);
                        out.push(ev(kind, &Day::from_epoch_days(t).to_string()));
                    }
                }
                out
            })
    }

    proptest! {
        #[test]
        fn generated_legal_histories_validate(h in arb_history()) {
            prop_assert!(validate_history(&h).is_ok());
        }

        #[test]
        fn status_on_a_day_matches_the_prefix_in_force(h in arb_history(), d in -100i64..5000) {
            let day = Day::from_epoch_days(d);
            let prefix: Vec<Event> = h.iter().filter(|e| e.date.in_force_on(day)).cloned().collect();
            // The status on a day is the final status of the events in force that day.
            let expect = if prefix.is_empty() {
                match h.first() { Some(e) if e.kind == EventType::Established => None, _ => Some(Status::Active) }
            } else {
                let p = Partnership { id: PartnershipId::new("a--b").unwrap(), cities: [CityId::new("a").unwrap(), CityId::new("b").unwrap()], kind: PartnershipKind::SisterCity, events: prefix.clone(), sources: vec![], note: None };
                let _ = &p;
                let mut s = match h.first() { Some(e) if e.kind == EventType::Established => None, _ => Some(Status::Active) };
                for e in &prefix { s = Some(transition(s, e.kind).unwrap()); }
                s
            };
            prop_assert_eq!(status_on(&h, day), expect);
            // Far in the future the status is the recorded final status.
            if !h.is_empty() {
                let p = Partnership { id: PartnershipId::new("a--b").unwrap(), cities: [CityId::new("a").unwrap(), CityId::new("b").unwrap()], kind: PartnershipKind::SisterCity, events: h.clone(), sources: vec![], note: None };
                prop_assert_eq!(p.status_on(Day::new(9999, 12, 31).unwrap()), Some(p.status_now()));
            }
        }
    }
}
