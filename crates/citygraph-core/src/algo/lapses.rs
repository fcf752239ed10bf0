//! Lapse analytics: per year and per group, how many partnership events of each type happened, how
//! many links were active when the period opened, and which share of them stopped being active.
//!
//! # Periods
//!
//! A period is a calendar year `Y`: it starts on `Y-01-01` and ends on `(Y+1)-01-01`, exclusive. By
//! the partial-date rule of [`crate::date`] an event dated `Y`, `Y-MM` or `Y-MM-DD` takes effect on
//! a day of year `Y`, so it is an event *of period `Y`*: a link `lapsed` in `2019` lapses in period
//! 2019. The whole window `from..=to` is also reported as one long period,
//! `from-01-01 .. (to+1)-01-01`.
//!
//! # Definitions (per period and group)
//!
//! - **event counts** (`established` .. `terminated`): events of the group's links dated in the
//!   period, by type (a link with two events in a period counts twice);
//! - **`active_at_start`**: links whose status is `active` when the period opens, that is after
//!   every event dated before the period and none dated in it (the status on the last day of the
//!   previous period). A suspended link is not active. An undated history (one that does not start
//!   with `established`) is active before its first event, as in [`crate::model::Partnership`];
//! - **`stopped`**: links active at the start whose status after every event dated up to the end of
//!   the period is not `active` (suspended, lapsed or terminated). A link suspended and resumed, or
//!   lapsed and renewed, within the same period has not stopped. A link established during the
//!   period is not counted (it was not active at the start), even if it also ends in the period;
//! - **`ended`**: the links of `stopped` whose status at the end of the period is `lapsed` or
//!   `terminated` (so `stopped - ended` were suspended);
//! - **`lapse_rate`** = `stopped / active_at_start`, `null` when `active_at_start` is 0.
//!
//! # Groups
//!
//! `year`: all links together, one row per year. `kind`: the partnership kind. `region-pair`: the
//! unordered pair of the survey regions of the two cities, written `asia-pacific--europe` (slugs in
//! order, joined by `--`). `country-pair`: the unordered pair of ISO country codes, written `CN-CZ`
//! (codes in order). A link whose city is missing from the snapshot falls into the group `unknown`.
//!
//! # Cost
//!
//! The report reads a [`LinkTable`], the compact copy of the links that [`super::survival`] and
//! [`super::timeline`] read too (build it once per graph version), in one pass over every link's
//! history: linear in the number of events, plus one row per group and year.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::BuildHasher;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::date::{Day, PartialDate};
use crate::id::{CityId, CountryCode, Region};
use crate::model::{transition, Event, EventType, Partnership, PartnershipKind, Status};
use crate::snapshot::Snapshot;

/// The earliest year a report can start with.
pub const MIN_YEAR: i32 = 1;
/// The latest year a report can end with (its period ends on the first day of the next year).
pub const MAX_YEAR: i32 = 9998;
/// The longest window, in years, a report can cover.
pub const MAX_SPAN_YEARS: i32 = 500;

/// Errors of the lapse report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LapseError {
    #[error("invalid parameter {name}: {detail}")]
    InvalidParameter { name: &'static str, detail: String },
}

impl LapseError {
    /// The stable snake_case code of this error, used in API error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            LapseError::InvalidParameter { .. } => "invalid_parameter",
        }
    }
}

/// How the lapse report groups links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum LapseBy {
    /// All links together, one row per year of the window.
    Year,
    /// The unordered pair of the two cities' countries (`CN-CZ`).
    CountryPair,
    /// The unordered pair of the two cities' survey regions (`asia-pacific--europe`).
    RegionPair,
    /// The partnership kind (`sister_city`, ...).
    Kind,
}

impl LapseBy {
    pub const ALL: [LapseBy; 4] = [
        LapseBy::Year,
        LapseBy::CountryPair,
        LapseBy::RegionPair,
        LapseBy::Kind,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            LapseBy::Year => "year",
            LapseBy::CountryPair => "country-pair",
            LapseBy::RegionPair => "region-pair",
            LapseBy::Kind => "kind",
        }
    }
}

impl fmt::Display for LapseBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LapseBy {
    type Err = LapseError;
    fn from_str(s: &str) -> Result<LapseBy, LapseError> {
        LapseBy::ALL
            .into_iter()
            .find(|b| b.as_str() == s)
            .ok_or_else(|| LapseError::InvalidParameter {
                name: "by",
                detail: format!("{s:?} is not one of year, country-pair, region-pair, kind"),
            })
    }
}

/// What a lapse report covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LapseQuery {
    pub by: LapseBy,
    /// First year of the window (inclusive).
    pub from: i32,
    /// Last year of the window (inclusive).
    pub to: i32,
    /// With a grouping other than `year`: also one row per group and year, after the group's window
    /// row. Ignored for `year`, whose rows are always per year.
    pub yearly: bool,
}

impl LapseQuery {
    /// A report `by` over `from..=to`, without per-year rows for groups.
    pub fn new(by: LapseBy, from: i32, to: i32) -> LapseQuery {
        LapseQuery {
            by,
            from,
            to,
            yearly: false,
        }
    }
}

/// One row of a lapse report: one group over one period (a year, or the whole window).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LapseRow {
    /// The group (`all` for `by=year` and for the report total; see the module docs for the others).
    pub group: String,
    /// The year of the period, or `null` when the row covers the whole window.
    pub year: Option<i32>,
    /// First day of the period.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "1995-01-01"))]
    pub period_start: PartialDate,
    /// First day after the period (the period is `period_start <= day < period_end`).
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "1996-01-01"))]
    pub period_end: PartialDate,
    /// `established` events dated in the period.
    pub established: u64,
    /// `suspended` events dated in the period.
    pub suspended: u64,
    /// `resumed` events dated in the period.
    pub resumed: u64,
    /// `renewed` events dated in the period.
    pub renewed: u64,
    /// `lapsed` events dated in the period.
    pub lapsed: u64,
    /// `terminated` events dated in the period.
    pub terminated: u64,
    /// Links active when the period opens (after every event dated before it, none dated in it).
    pub active_at_start: u64,
    /// Links active at the start and not active after every event dated up to the end of the period.
    pub stopped: u64,
    /// Links of `stopped` that are lapsed or terminated at the end of the period.
    pub ended: u64,
    /// `stopped / active_at_start`; `null` when no link was active at the start.
    pub lapse_rate: Option<f64>,
}

/// A lapse report (see the module docs for every definition).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LapseReport {
    pub by: LapseBy,
    pub from: i32,
    pub to: i32,
    /// Whether group rows are followed by per-year rows.
    pub yearly: bool,
    /// All links together over the whole window.
    pub total: LapseRow,
    /// For `by=year`: one row per year. Otherwise, per group in key order: the group's row over the
    /// whole window (`year: null`), then with `yearly` its rows per year. Groups with nothing to
    /// report in the window (no event in it and no link active at its start) are left out.
    pub rows: Vec<LapseRow>,
}

// ---------------------------------------------------------------------------------------------
// The link table, and helpers shared with `survival` and `timeline`.

/// Marks a link end whose city is missing from the snapshot.
const NO_CITY: u32 = u32::MAX;

/// One event of a [`LinkTable`]: its date and type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LinkEvent {
    pub date: PartialDate,
    pub kind: EventType,
}

/// What the history walks need of an event.
pub(crate) trait Dated {
    fn date(&self) -> PartialDate;
    fn kind(&self) -> EventType;
}

impl Dated for Event {
    fn date(&self) -> PartialDate {
        self.date
    }
    fn kind(&self) -> EventType {
        self.kind
    }
}

impl Dated for LinkEvent {
    fn date(&self) -> PartialDate {
        self.date
    }
    fn kind(&self) -> EventType {
        self.kind
    }
}

/// The valid-time span of a membership in years: in force at the end of year `Y` when
/// `start <= Y < end` (`i32::MIN` / `i32::MAX` for an unknown start / no end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MembershipSpan {
    pub start: i32,
    pub end: i32,
    pub city: u32,
}

/// Links resolved per batch when a [`LinkTable`] is built.
const BATCH: usize = 256;

/// City id -> city index (the position in id order), built for resolving link ends in bulk.
///
/// An open-addressing table of `(hash, index)` pairs (linear probing, at most half full) with the
/// ids in one contiguous buffer. Lookups go in batches and in phases (hash every key, then probe,
/// then check the ids), so the cache misses of different keys overlap instead of queueing; the
/// hash is the standard library's randomly keyed SipHash, so crafted ids cannot force collisions.
struct CityIndex {
    hasher: RandomState,
    mask: usize,
    /// `(hash, index)`; `index == NO_CITY` marks an empty slot.
    slots: Vec<(u64, u32)>,
    ids: String,
    /// City `i` has the id `ids[bounds[i]..bounds[i + 1]]`.
    bounds: Vec<usize>,
}

impl CityIndex {
    fn new<'a>(ids: impl Iterator<Item = &'a str>, n: usize) -> CityIndex {
        let cap = (2 * n).next_power_of_two().max(16);
        let mut index = CityIndex {
            hasher: RandomState::new(),
            mask: cap - 1,
            slots: vec![(0, NO_CITY); cap],
            ids: String::new(),
            bounds: Vec::with_capacity(n + 1),
        };
        index.bounds.push(0);
        for (i, id) in ids.enumerate() {
            let i = u32::try_from(i)
                .ok()
                .filter(|&i| i != NO_CITY)
                .expect("fewer than 2^32 - 1 cities");
            assert!((i as usize) < n, "more city ids than the {n} announced");
            index.ids.push_str(id);
            index.bounds.push(index.ids.len());
            let h = index.hasher.hash_one(id);
            let mut pos = h as usize & index.mask;
            while index.slots[pos].1 != NO_CITY {
                pos = (pos + 1) & index.mask;
            }
            index.slots[pos] = (h, i);
        }
        index
    }

    fn id(&self, i: u32) -> &str {
        &self.ids[self.bounds[i as usize]..self.bounds[i as usize + 1]]
    }

    /// The index of each key (`NO_CITY` when absent), into `out`.
    fn lookup(&self, keys: &[&str], out: &mut Vec<u32>) {
        out.clear();
        // Phase 1: hashes. Phase 2: the first slot with the same hash (or an empty one).
        let mut probes: Vec<(u64, usize)> = keys
            .iter()
            .map(|k| {
                let h = self.hasher.hash_one(*k);
                (h, h as usize & self.mask)
            })
            .collect();
        for (h, pos) in probes.iter_mut() {
            while self.slots[*pos].1 != NO_CITY && self.slots[*pos].0 != *h {
                *pos = (*pos + 1) & self.mask;
            }
        }
        // Phase 3: check the id; a 64-bit hash shared by two ids falls back to probing on.
        for (key, (h, pos)) in keys.iter().zip(probes) {
            let mut pos = pos;
            let found = loop {
                let (sh, i) = self.slots[pos];
                if i == NO_CITY {
                    break NO_CITY;
                }
                if sh == h && self.id(i) == *key {
                    break i;
                }
                pos = (pos + 1) & self.mask;
            };
            out.push(found);
        }
    }
}

/// A compact, index-based copy of what the lapse, survival and timeline analytics read from a
/// [`Snapshot`]: per partnership its kind, the country and region of both cities (as indices) and
/// its events (date and type, in one contiguous array), and per membership its span in years.
///
/// Building it is one pass over the snapshot, the only part of these analytics that follows the
/// snapshot's pointers and looks up city ids; every report then runs over flat arrays. It depends on
/// nothing but the snapshot, so a service can build it once per graph version and share it between
/// requests ([`LinkTable::version`] says which version it was built from). It takes about 30 bytes
/// per link.
#[derive(Clone, Debug, Default)]
pub struct LinkTable {
    version: u64,
    kinds: Vec<PartnershipKind>,
    ends: Vec<[u32; 2]>,
    /// Link `i` has the events `events[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    events: Vec<LinkEvent>,
    /// Country and region per city index.
    places: Vec<(CountryCode, Region)>,
    memberships: Vec<MembershipSpan>,
}

/// One link of a [`LinkTable`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct LinkRef<'a> {
    pub kind: PartnershipKind,
    /// Country and region of both cities, `None` when a city is missing.
    pub places: Option<[(CountryCode, Region); 2]>,
    pub events: &'a [LinkEvent],
}

impl LinkTable {
    /// Builds the table of `snap` (links in partnership id order).
    pub fn new(snap: &Snapshot) -> LinkTable {
        let index = CityIndex::new(snap.cities.keys().map(CityId::as_str), snap.cities.len());
        let places = snap
            .cities
            .values()
            .map(|c| (c.country, c.region))
            .collect();
        let n = snap.partnerships.len();
        let mut t = LinkTable {
            version: snap.version,
            kinds: Vec::with_capacity(n),
            ends: Vec::with_capacity(n),
            offsets: Vec::with_capacity(n + 1),
            events: Vec::with_capacity(n * 2),
            places,
            memberships: Vec::with_capacity(snap.memberships.len()),
        };
        t.offsets.push(0);
        // In batches, so that the cache misses of independent links overlap.
        let mut batch: Vec<&Partnership> = Vec::with_capacity(BATCH);
        let mut keys: Vec<&str> = Vec::with_capacity(2 * BATCH);
        let mut found: Vec<u32> = Vec::with_capacity(2 * BATCH);
        let mut links = snap.partnerships.values().peekable();
        while links.peek().is_some() {
            batch.clear();
            batch.extend(links.by_ref().take(BATCH).map(|p| &**p));
            keys.clear();
            keys.extend(
                batch
                    .iter()
                    .flat_map(|p| [p.cities[0].as_str(), p.cities[1].as_str()]),
            );
            index.lookup(&keys, &mut found);
            for (p, ends) in batch.iter().zip(found.chunks_exact(2)) {
                t.kinds.push(p.kind);
                t.ends.push([ends[0], ends[1]]);
                t.events.extend(p.events.iter().map(|e| LinkEvent {
                    date: e.date,
                    kind: e.kind,
                }));
                t.offsets
                    .push(u32::try_from(t.events.len()).expect("fewer than 2^32 events"));
            }
        }
        let mut members = snap.memberships.values().peekable();
        let mut spans: Vec<MembershipSpan> = Vec::with_capacity(BATCH);
        while members.peek().is_some() {
            spans.clear();
            keys.clear();
            for m in members.by_ref().take(BATCH) {
                keys.push(m.city.as_str());
                spans.push(MembershipSpan {
                    start: m.start().map_or(i32::MIN, PartialDate::year_part),
                    end: m.end().map_or(i32::MAX, PartialDate::year_part),
                    city: NO_CITY,
                });
            }
            index.lookup(&keys, &mut found);
            t.memberships.extend(
                spans
                    .iter()
                    .zip(&found)
                    .map(|(s, c)| MembershipSpan { city: *c, ..*s }),
            );
        }
        t
    }

    /// The table as it stood on `day` (valid time): the events dated after `day` are dropped, and
    /// so are the links none of whose events had happened by then (not yet signed on `day`);
    /// memberships that start after `day`'s year are dropped, and an end after it is not yet known.
    pub fn known_on(&self, day: Day) -> LinkTable {
        let mut t = LinkTable {
            version: self.version,
            kinds: Vec::with_capacity(self.kinds.len()),
            ends: Vec::with_capacity(self.ends.len()),
            offsets: vec![0],
            events: Vec::with_capacity(self.events.len()),
            places: self.places.clone(),
            memberships: Vec::with_capacity(self.memberships.len()),
        };
        for (i, w) in self.offsets.windows(2).enumerate() {
            let events = &self.events[w[0] as usize..w[1] as usize];
            let known = events.iter().filter(|e| e.date.first_day() <= day);
            if !events.is_empty() && known.clone().next().is_none() {
                continue;
            }
            t.kinds.push(self.kinds[i]);
            t.ends.push(self.ends[i]);
            t.events.extend(known.copied());
            t.offsets
                .push(u32::try_from(t.events.len()).expect("fewer than 2^32 events"));
        }
        let year = day.year();
        t.memberships.extend(
            self.memberships
                .iter()
                .filter(|m| m.start <= year)
                .map(|m| MembershipSpan {
                    end: if m.end > year { i32::MAX } else { m.end },
                    ..*m
                }),
        );
        t
    }

    /// The table restricted as the map's filters restrict it: only links of `kind`, and only links
    /// both of whose cities are in `region` and in `country` (a link with a missing city is left
    /// out under a place restriction); memberships only of cities in the region and country.
    /// `None` leaves that restriction off; with none at all, the table is copied as it is.
    pub fn restricted(
        &self,
        region: Option<Region>,
        country: Option<CountryCode>,
        kind: Option<PartnershipKind>,
    ) -> LinkTable {
        let place_ok = |city: u32| match self.place(city) {
            Some((c, r)) => region.is_none_or(|x| x == r) && country.is_none_or(|x| x == c),
            None => region.is_none() && country.is_none(),
        };
        let mut t = LinkTable {
            version: self.version,
            kinds: Vec::new(),
            ends: Vec::new(),
            offsets: vec![0],
            events: Vec::new(),
            places: self.places.clone(),
            memberships: Vec::new(),
        };
        for (i, w) in self.offsets.windows(2).enumerate() {
            let ends = self.ends[i];
            if kind.is_some_and(|k| k != self.kinds[i]) || !place_ok(ends[0]) || !place_ok(ends[1])
            {
                continue;
            }
            t.kinds.push(self.kinds[i]);
            t.ends.push(ends);
            t.events
                .extend_from_slice(&self.events[w[0] as usize..w[1] as usize]);
            t.offsets
                .push(u32::try_from(t.events.len()).expect("fewer than 2^32 events"));
        }
        t.memberships.extend(
            self.memberships
                .iter()
                .filter(|m| place_ok(m.city))
                .copied(),
        );
        t
    }

    /// The version of the snapshot the table was built from.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The number of partnerships.
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    /// Whether the table holds no partnership.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// Country and region of a city index.
    pub(crate) fn place(&self, city: u32) -> Option<(CountryCode, Region)> {
        self.places.get(city as usize).copied()
    }

    /// Every link, in partnership id order.
    pub(crate) fn links(&self) -> impl Iterator<Item = LinkRef<'_>> + '_ {
        self.kinds
            .iter()
            .zip(&self.ends)
            .zip(self.offsets.windows(2))
            .map(|((kind, ends), w)| {
                let places = match (self.place(ends[0]), self.place(ends[1])) {
                    (Some(a), Some(b)) => Some([a, b]),
                    _ => None,
                };
                LinkRef {
                    kind: *kind,
                    places,
                    events: &self.events[w[0] as usize..w[1] as usize],
                }
            })
    }

    /// Every membership's span, in membership id order.
    pub(crate) fn memberships(&self) -> &[MembershipSpan] {
        &self.memberships
    }
}

/// Checks a year window; returns the name of the offending parameter and why.
pub(crate) fn check_years(from: i32, to: i32) -> Result<(), (&'static str, String)> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&from) {
        return Err((
            "from",
            format!("{from} is not a year in {MIN_YEAR}..={MAX_YEAR}"),
        ));
    }
    if !(MIN_YEAR..=MAX_YEAR).contains(&to) {
        return Err((
            "to",
            format!("{to} is not a year in {MIN_YEAR}..={MAX_YEAR}"),
        ));
    }
    if to < from {
        return Err(("to", format!("{to} is before from={from}")));
    }
    if to - from + 1 > MAX_SPAN_YEARS {
        return Err((
            "to",
            format!("the window {from}..={to} is longer than {MAX_SPAN_YEARS} years"),
        ));
    }
    Ok(())
}

/// The first day of `year` (within the checked range).
pub(crate) fn jan_first(year: i32) -> PartialDate {
    PartialDate::from(Day::new(year, 1, 1).expect("year checked by check_years"))
}

/// The status of a history before its first event: `None` (not yet established) when it starts
/// with `established`, active otherwise (an undated history).
pub(crate) fn initial_status<E: Dated>(events: &[E]) -> Option<Status> {
    match events.first() {
        Some(e) if e.kind() == EventType::Established => None,
        _ => Some(Status::Active),
    }
}

pub(crate) fn is_active(s: Option<Status>) -> bool {
    s == Some(Status::Active)
}

pub(crate) fn is_ended(s: Option<Status>) -> bool {
    s.is_some_and(Status::is_ended)
}

/// The events of one year of a history, with the status at the end of the previous event year
/// (`before`) and at the end of this one (`after`).
pub(crate) struct YearStep<'a, E> {
    pub year: i32,
    pub before: Option<Status>,
    pub after: Option<Status>,
    pub events: &'a [E],
}

/// Walks a (valid, ordered) history year by year: one [`YearStep`] per year that has events.
/// Status folding is that of [`crate::model::status_on`].
pub(crate) struct YearSteps<'a, E> {
    rest: &'a [E],
    status: Option<Status>,
}

impl<'a, E: Dated> YearSteps<'a, E> {
    pub(crate) fn new(events: &'a [E]) -> YearSteps<'a, E> {
        YearSteps {
            rest: events,
            status: initial_status(events),
        }
    }
}

impl<'a, E: Dated> Iterator for YearSteps<'a, E> {
    type Item = YearStep<'a, E>;
    fn next(&mut self) -> Option<YearStep<'a, E>> {
        let year = self.rest.first()?.date().year_part();
        let n = self
            .rest
            .iter()
            .take_while(|e| e.date().year_part() == year)
            .count();
        let (now, rest) = self.rest.split_at(n);
        let before = self.status;
        let mut s = before;
        for e in now {
            s = transition(s, e.kind()).ok().or(s);
        }
        self.status = s;
        self.rest = rest;
        Some(YearStep {
            year,
            before,
            after: s,
            events: now,
        })
    }
}

/// Tracks the maximal runs of years `a <= Y < b` whose end-of-year status is active.
/// `a` is `i64::MIN` for a run open to the past, `b` is `i64::MAX` for one open to the future.
pub(crate) struct ActiveRuns {
    since: Option<i64>,
}

impl ActiveRuns {
    pub(crate) fn new(initial: Option<Status>) -> ActiveRuns {
        ActiveRuns {
            since: is_active(initial).then_some(i64::MIN),
        }
    }
    /// Feeds the status at the end of `year`; returns a run that closed at `year`.
    pub(crate) fn step(&mut self, year: i32, after: Option<Status>) -> Option<(i64, i64)> {
        match (self.since, is_active(after)) {
            (Some(a), false) => {
                self.since = None;
                Some((a, i64::from(year)))
            }
            (None, true) => {
                self.since = Some(i64::from(year));
                None
            }
            _ => None,
        }
    }
    /// The run still open after the last event.
    pub(crate) fn finish(self) -> Option<(i64, i64)> {
        self.since.map(|a| (a, i64::MAX))
    }
}

/// Adds 1 to every year of `a..b` inside `from..=to` in a difference array of length
/// `to - from + 2` (prefix sums give the per-year values).
pub(crate) fn add_run(diff: &mut [i64], from: i32, to: i32, a: i64, b: i64) {
    let lo = a.max(i64::from(from));
    let hi = b.min(i64::from(to) + 1);
    if lo < hi {
        diff[(lo - i64::from(from)) as usize] += 1;
        diff[(hi - i64::from(from)) as usize] -= 1;
    }
}

/// A group of links (or memberships); `Ord` is the order groups are reported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum GroupKey {
    All,
    Decade(i32),
    Kind(PartnershipKind),
    Region(Region),
    RegionPair(Region, Region),
    CountryPair(CountryCode, CountryCode),
    Unknown,
}

fn country_slot(c: CountryCode) -> usize {
    let b = c.as_str().as_bytes();
    usize::from(b[0] - b'A') * 26 + usize::from(b[1] - b'A')
}

impl GroupKey {
    pub(crate) fn region_pair(a: Region, b: Region) -> GroupKey {
        GroupKey::RegionPair(a.min(b), a.max(b))
    }
    pub(crate) fn country_pair(a: CountryCode, b: CountryCode) -> GroupKey {
        GroupKey::CountryPair(a.min(b), a.max(b))
    }
    /// A dense index of the key (no two keys share one), so groups are found without hashing.
    fn slot(self) -> usize {
        match self {
            GroupKey::All => 0,
            GroupKey::Unknown => 1,
            GroupKey::Kind(k) => 2 + k as usize,
            GroupKey::Region(r) => 6 + r as usize,
            GroupKey::RegionPair(a, b) => 11 + a as usize * 5 + b as usize,
            GroupKey::Decade(d) => 36 + (d.clamp(0, 9999) / 10) as usize,
            GroupKey::CountryPair(a, b) => 1036 + country_slot(a) * 676 + country_slot(b),
        }
    }
}

impl fmt::Display for GroupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupKey::All => f.write_str("all"),
            GroupKey::Decade(d) => write!(f, "{d}s"),
            GroupKey::Kind(k) => f.write_str(k.as_str()),
            GroupKey::Region(r) => f.write_str(r.as_str()),
            GroupKey::RegionPair(a, b) => write!(f, "{a}--{b}"),
            GroupKey::CountryPair(a, b) => write!(f, "{a}-{b}"),
            GroupKey::Unknown => f.write_str("unknown"),
        }
    }
}

/// Maps group keys to dense group indices through [`GroupKey::slot`].
pub(crate) struct Interner<T> {
    slots: Vec<u32>,
    pub(crate) keys: Vec<GroupKey>,
    pub(crate) values: Vec<T>,
}

impl<T> Interner<T> {
    pub(crate) fn new() -> Interner<T> {
        Interner {
            slots: Vec::new(),
            keys: Vec::new(),
            values: Vec::new(),
        }
    }
    /// The value of `key`, created with `make` on first use.
    pub(crate) fn entry(&mut self, key: GroupKey, make: impl FnOnce() -> T) -> &mut T {
        let slot = key.slot();
        if slot >= self.slots.len() {
            self.slots.resize(slot + 1, u32::MAX);
        }
        if self.slots[slot] == u32::MAX {
            self.slots[slot] = self.keys.len() as u32;
            self.keys.push(key);
            self.values.push(make());
        }
        &mut self.values[self.slots[slot] as usize]
    }
    /// All groups in key order.
    pub(crate) fn into_sorted(self) -> Vec<(GroupKey, T)> {
        let mut out: Vec<(GroupKey, T)> = self.keys.into_iter().zip(self.values).collect();
        out.sort_by_key(|(k, _)| *k);
        out
    }
}

// ---------------------------------------------------------------------------------------------

/// Counters of one group over one period; `active` is a difference-array entry in per-year arrays.
#[derive(Clone, Copy, Debug, Default)]
struct Acc {
    events: [u64; 6],
    active: i64,
    stopped: u64,
    ended: u64,
}

struct GroupAcc {
    window: Acc,
    /// Per year of the window, plus one slot closing the difference array; empty when not asked.
    years: Vec<Acc>,
}

fn event_slot(kind: EventType) -> usize {
    match kind {
        EventType::Established => 0,
        EventType::Suspended => 1,
        EventType::Resumed => 2,
        EventType::Renewed => 3,
        EventType::Lapsed => 4,
        EventType::Terminated => 5,
    }
}

/// Counts a run `a..b` of years whose end-of-year status is active into the `active` difference
/// column of per-year counters: active at the start of `Y` means active at the end of `Y - 1`.
fn add_start_run(years: &mut [Acc], from: i32, to: i32, (a, b): (i64, i64)) {
    if years.is_empty() {
        return;
    }
    let lo = a.saturating_add(1).max(i64::from(from));
    let hi = b.saturating_add(1).min(i64::from(to) + 1);
    if lo < hi {
        years[(lo - i64::from(from)) as usize].active += 1;
        years[(hi - i64::from(from)) as usize].active -= 1;
    }
}

fn row(
    group: &GroupKey,
    year: Option<i32>,
    start: i32,
    end_year: i32,
    acc: &Acc,
    active: u64,
) -> LapseRow {
    let e = acc.events;
    LapseRow {
        group: group.to_string(),
        year,
        period_start: jan_first(start),
        period_end: jan_first(end_year + 1),
        established: e[0],
        suspended: e[1],
        resumed: e[2],
        renewed: e[3],
        lapsed: e[4],
        terminated: e[5],
        active_at_start: active,
        stopped: acc.stopped,
        ended: acc.ended,
        lapse_rate: (active > 0).then(|| acc.stopped as f64 / active as f64),
    }
}

/// The lapse report of the links of a [`LinkTable`] (see the module docs for the definitions).
///
/// Errors: `invalid_parameter` when the window is not `1 <= from <= to <= 9998` or is longer than
/// [`MAX_SPAN_YEARS`].
pub fn lapse_report(links: &LinkTable, q: &LapseQuery) -> Result<LapseReport, LapseError> {
    check_years(q.from, q.to)
        .map_err(|(name, detail)| LapseError::InvalidParameter { name, detail })?;
    let (from, to) = (q.from, q.to);
    let n_years = (to - from + 1) as usize;
    let per_year = q.by == LapseBy::Year || q.yearly;
    let mut groups: Interner<GroupAcc> = Interner::new();

    for link in links.links() {
        let key = match (q.by, link.places) {
            (LapseBy::Year, _) => GroupKey::All,
            (LapseBy::Kind, _) => GroupKey::Kind(link.kind),
            (LapseBy::CountryPair, Some([(ca, _), (cb, _)])) => GroupKey::country_pair(ca, cb),
            (LapseBy::RegionPair, Some([(_, ra), (_, rb)])) => GroupKey::region_pair(ra, rb),
            (LapseBy::CountryPair | LapseBy::RegionPair, None) => GroupKey::Unknown,
        };
        let g = groups.entry(key, || GroupAcc {
            window: Acc::default(),
            years: if per_year {
                vec![Acc::default(); n_years + 1]
            } else {
                Vec::new()
            },
        });

        let s0 = initial_status(link.events);
        let (mut at_open, mut at_close) = (s0, s0);
        let mut runs = ActiveRuns::new(s0);
        for step in YearSteps::new(link.events) {
            if step.year < from {
                at_open = step.after;
            }
            if step.year <= to {
                at_close = step.after;
            }
            if (from..=to).contains(&step.year) {
                for e in step.events {
                    g.window.events[event_slot(e.kind)] += 1;
                }
                if !g.years.is_empty() {
                    let y = &mut g.years[(step.year - from) as usize];
                    for e in step.events {
                        y.events[event_slot(e.kind)] += 1;
                    }
                    if is_active(step.before) && !is_active(step.after) {
                        y.stopped += 1;
                        y.ended += u64::from(is_ended(step.after));
                    }
                }
            }
            if let Some(run) = runs.step(step.year, step.after) {
                add_start_run(&mut g.years, from, to, run);
            }
        }
        if let Some(run) = runs.finish() {
            add_start_run(&mut g.years, from, to, run);
        }
        if is_active(at_open) {
            g.window.active += 1;
            if !is_active(at_close) {
                g.window.stopped += 1;
                g.window.ended += u64::from(is_ended(at_close));
            }
        }
    }

    let mut total = Acc::default();
    let mut rows = Vec::new();
    for (key, g) in groups.into_sorted() {
        for (t, w) in total.events.iter_mut().zip(g.window.events) {
            *t += w;
        }
        total.active += g.window.active;
        total.stopped += g.window.stopped;
        total.ended += g.window.ended;
        let nothing = g.window.events.iter().all(|&c| c == 0) && g.window.active == 0;
        if q.by != LapseBy::Year {
            if nothing {
                continue;
            }
            rows.push(row(&key, None, from, to, &g.window, g.window.active as u64));
        }
        if per_year {
            let mut active = 0i64;
            for (i, y) in g.years[..n_years].iter().enumerate() {
                active += y.active;
                let year = from + i as i32;
                rows.push(row(&key, Some(year), year, year, y, active as u64));
            }
        }
    }
    if q.by == LapseBy::Year && rows.is_empty() {
        // No link at all: still one row per year.
        for year in from..=to {
            rows.push(row(
                &GroupKey::All,
                Some(year),
                year,
                year,
                &Acc::default(),
                0,
            ));
        }
    }
    let total = row(&GroupKey::All, None, from, to, &total, total.active as u64);
    Ok(LapseReport {
        by: q.by,
        from,
        to,
        yearly: per_year,
        total,
        rows,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::{City, Partnership};
    use crate::snapshot::Change;

    /// Builds a snapshot from a tiny text: cities `id:CC:region` and links
    /// `a-b kind: type date, type date` (one per line; `kind` optional, default sister_city).
    pub(crate) fn fixture(cities: &str, links: &str) -> Snapshot {
        let mut changes = Vec::new();
        for c in cities.split_whitespace() {
            let parts: Vec<&str> = c.split(':').collect();
            let city = City {
                id: CityId::new(parts[0]).unwrap(),
                name: parts[0].to_uppercase(),
                country: CountryCode::new(parts[1]).unwrap(),
                region: parts[2].parse().unwrap(),
                lat: 0.0,
                lon: 0.0,
                population: None,
                wikidata: None,
                geonames: None,
                capacity: None,
                sources: vec![],
                aliases: vec![],
            };
            changes.push(Change::PutCity(Arc::new(city)));
        }
        for (i, line) in links
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
        {
            let (head, evs) = line.split_once(':').unwrap_or((line, ""));
            let mut head = head.split_whitespace();
            let (a, b) = head.next().unwrap().split_once('~').unwrap();
            let kind: PartnershipKind = head
                .next()
                .map_or(PartnershipKind::SisterCity, |k| k.parse().unwrap());
            let events = evs
                .split(',')
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(|e| {
                    let (t, d) = e.split_once(' ').unwrap();
                    let kind = EventType::ALL
                        .into_iter()
                        .find(|k| k.as_str() == t)
                        .unwrap();
                    Event {
                        id: None,
                        kind,
                        date: d.parse().unwrap(),
                        reason: None,
                        initiated_by: None,
                        sources: vec![],
                        note: None,
                    }
                })
                .collect();
            let p = Partnership {
                id: crate::id::PartnershipId::new(&format!("l{i}")).unwrap(),
                cities: [CityId::new(a).unwrap(), CityId::new(b).unwrap()],
                kind,
                events,
                sources: vec![],
                note: None,
            };
            changes.push(Change::PutPartnership(Arc::new(p)));
        }
        Snapshot::default()
            .with_changes(&changes)
            .map_err(|(i, e)| format!("change {i}: {e}"))
            .unwrap()
            .0
    }

    const CITIES: &str = "pa:FR:europe ly:FR:europe pr:CZ:europe bj:CN:asia-pacific tp:TW:asia-pacific ch:US:north-america";

    /// `(year or None, group, [est, susp, res, ren, lap, term], active, stopped, ended)`.
    type Line = (Option<i32>, String, [u64; 6], u64, u64, u64);

    fn table(r: &LapseReport) -> Vec<Line> {
        r.rows
            .iter()
            .map(|x| {
                (
                    x.year,
                    x.group.clone(),
                    [
                        x.established,
                        x.suspended,
                        x.resumed,
                        x.renewed,
                        x.lapsed,
                        x.terminated,
                    ],
                    x.active_at_start,
                    x.stopped,
                    x.ended,
                )
            })
            .collect()
    }

    /// Brute force over days with `status_on`, for cross-checking the one-pass computation.
    fn brute(snap: &Snapshot, year: i32) -> (u64, u64, u64) {
        let start = Day::new(year, 1, 1).unwrap();
        let before = Day::from_epoch_days(start.to_epoch_days() - 1);
        let last = Day::new(year, 12, 31).unwrap();
        let (mut a, mut s, mut e) = (0, 0, 0);
        for p in snap.partnerships.values() {
            if p.status_on(before) == Some(Status::Active) {
                a += 1;
                let end = p.status_on(last);
                if end != Some(Status::Active) {
                    s += 1;
                    e += u64::from(end.is_some_and(Status::is_ended));
                }
            }
        }
        (a, s, e)
    }

    #[test]
    fn counts_events_and_stops_per_year() {
        let snap = fixture(
            CITIES,
            "pa~pr: established 1990, lapsed 1995
             pa~bj: established 1990-06-14, suspended 1995-03, resumed 1995-09, terminated 1997
             ly~bj: established 1995
             pr~bj: established 1993, suspended 1996-05
             tp~ch: terminated 1996-02-01",
        );
        let r = lapse_report(
            &LinkTable::new(&snap),
            &LapseQuery::new(LapseBy::Year, 1994, 1997),
        )
        .unwrap();
        let t = table(&r);
        let all = "all".to_string();
        assert_eq!(
            t,
            vec![
                (Some(1994), all.clone(), [0, 0, 0, 0, 0, 0], 4, 0, 0),
                // 1995: pa~pr lapses (stops, ends); pa~bj is suspended and resumed (does not stop).
                (Some(1995), all.clone(), [1, 1, 1, 0, 1, 0], 4, 1, 1),
                // 1996: pr~bj suspended (stops, not ended); the undated tp~ch terminates.
                (Some(1996), all.clone(), [0, 1, 0, 0, 0, 1], 4, 2, 1),
                (Some(1997), all, [0, 0, 0, 0, 0, 1], 2, 1, 1),
            ]
        );
        assert_eq!(r.rows[1].lapse_rate, Some(0.25));
        assert_eq!(r.rows[1].period_start.to_string(), "1995-01-01");
        assert_eq!(r.rows[1].period_end.to_string(), "1996-01-01");
        for y in 1994..=1997 {
            let x = &r.rows[(y - 1994) as usize];
            assert_eq!(
                (x.active_at_start, x.stopped, x.ended),
                brute(&snap, y),
                "year {y}"
            );
        }
        // The window as one period: 4 active when 1994 opens; by the end of 1997 none is active and
        // three have ended (pr~bj is only suspended).
        let w = &r.total;
        assert_eq!(
            (w.year, w.active_at_start, w.stopped, w.ended),
            (None, 4, 4, 3)
        );
        assert_eq!(
            w.lapsed + w.terminated + w.suspended + w.established,
            1 + 2 + 2 + 1
        );
        assert_eq!(w.lapse_rate, Some(1.0));
    }

    #[test]
    fn a_link_established_and_ended_in_one_period_is_not_at_risk() {
        let snap = fixture(CITIES, "pa~pr: established 2001-02, lapsed 2001-11");
        let r = lapse_report(
            &LinkTable::new(&snap),
            &LapseQuery::new(LapseBy::Year, 2000, 2002),
        )
        .unwrap();
        let x = &r.rows[1];
        assert_eq!(
            (x.established, x.lapsed, x.active_at_start, x.stopped),
            (1, 1, 0, 0)
        );
        assert_eq!(
            x.lapse_rate, None,
            "no link active at the start: the rate is null"
        );
        assert_eq!(r.rows[0].lapse_rate, None);
        assert_eq!(r.rows[2].active_at_start, 0);
    }

    #[test]
    fn pairs_are_unordered_and_sorted() {
        let snap = fixture(
            CITIES,
            "pr~bj: established 1990, lapsed 2000
             bj~pa: established 1991
             pa~ly friendship_city: established 1992, terminated 1999
             ch~tp: established 2050",
        );
        let r = lapse_report(
            &LinkTable::new(&snap),
            &LapseQuery::new(LapseBy::CountryPair, 1995, 2005),
        )
        .unwrap();
        let groups: Vec<&str> = r.rows.iter().map(|x| x.group.as_str()).collect();
        // CN-CZ (pr~bj written CZ first), CN-FR, FR-FR; the 2050 link has nothing in the window.
        assert_eq!(groups, ["CN-CZ", "CN-FR", "FR-FR"]);
        assert_eq!(
            (r.rows[0].lapsed, r.rows[0].stopped, r.rows[0].lapse_rate),
            (1, 1, Some(1.0))
        );
        assert_eq!(
            (
                r.rows[1].active_at_start,
                r.rows[1].stopped,
                r.rows[1].lapse_rate
            ),
            (1, 0, Some(0.0))
        );

        let r = lapse_report(
            &LinkTable::new(&snap),
            &LapseQuery::new(LapseBy::RegionPair, 1995, 2005),
        )
        .unwrap();
        let groups: Vec<&str> = r.rows.iter().map(|x| x.group.as_str()).collect();
        assert_eq!(groups, ["asia-pacific--europe", "europe--europe"]);
        assert_eq!((r.rows[0].active_at_start, r.rows[0].stopped), (2, 1));

        let r = lapse_report(
            &LinkTable::new(&snap),
            &LapseQuery::new(LapseBy::Kind, 1995, 2005),
        )
        .unwrap();
        let groups: Vec<&str> = r.rows.iter().map(|x| x.group.as_str()).collect();
        assert_eq!(groups, ["sister_city", "friendship_city"]);
        assert_eq!(r.total.active_at_start, 3);
        assert_eq!(r.total.terminated + r.total.lapsed, 2);
    }

    #[test]
    fn yearly_rows_follow_each_group_window_row() {
        let snap = fixture(
            CITIES,
            "pr~bj: established 1990, lapsed 1996\nbj~pa: established 1995-07",
        );
        let mut q = LapseQuery::new(LapseBy::CountryPair, 1995, 1996);
        q.yearly = true;
        let r = lapse_report(&LinkTable::new(&snap), &q).unwrap();
        let t: Vec<(Option<i32>, &str, u64, u64)> = r
            .rows
            .iter()
            .map(|x| (x.year, x.group.as_str(), x.active_at_start, x.stopped))
            .collect();
        assert_eq!(
            t,
            vec![
                (None, "CN-CZ", 1, 1),
                (Some(1995), "CN-CZ", 1, 0),
                (Some(1996), "CN-CZ", 1, 1),
                (None, "CN-FR", 0, 0),
                (Some(1995), "CN-FR", 0, 0),
                (Some(1996), "CN-FR", 1, 0),
            ]
        );
    }

    #[test]
    fn renewal_after_a_lapse_makes_a_link_active_again() {
        let snap = fixture(
            CITIES,
            "pa~pr: established 1980, lapsed 1990, renewed 1992-04",
        );
        let r = lapse_report(
            &LinkTable::new(&snap),
            &LapseQuery::new(LapseBy::Year, 1989, 1993),
        )
        .unwrap();
        let active: Vec<u64> = r.rows.iter().map(|x| x.active_at_start).collect();
        assert_eq!(active, [1, 1, 0, 0, 1]);
        let renewed: Vec<u64> = r.rows.iter().map(|x| x.renewed).collect();
        assert_eq!(renewed, [0, 0, 0, 1, 0]);
        for y in 1989..=1993 {
            let x = &r.rows[(y - 1989) as usize];
            assert_eq!(
                (x.active_at_start, x.stopped, x.ended),
                brute(&snap, y),
                "year {y}"
            );
        }
    }

    #[test]
    fn an_empty_graph_still_has_one_row_per_year() {
        let r = lapse_report(
            &LinkTable::new(&Snapshot::default()),
            &LapseQuery::new(LapseBy::Year, 2000, 2002),
        )
        .unwrap();
        assert_eq!(r.rows.len(), 3);
        assert!(r
            .rows
            .iter()
            .all(|x| x.active_at_start == 0 && x.lapse_rate.is_none()));
        let r = lapse_report(
            &LinkTable::new(&Snapshot::default()),
            &LapseQuery::new(LapseBy::Kind, 2000, 2002),
        )
        .unwrap();
        assert!(r.rows.is_empty());
    }

    #[test]
    fn group_slots_are_distinct() {
        let mut keys = vec![GroupKey::All, GroupKey::Unknown];
        keys.extend(PartnershipKind::ALL.map(GroupKey::Kind));
        keys.extend(Region::ALL.map(GroupKey::Region));
        for a in Region::ALL {
            keys.extend(Region::ALL.map(|b| GroupKey::RegionPair(a, b)));
        }
        keys.extend((0..=9999).step_by(10).map(GroupKey::Decade));
        let countries: Vec<CountryCode> = CountryCode::all().collect();
        for a in &countries {
            keys.extend(countries.iter().map(|b| GroupKey::CountryPair(*a, *b)));
        }
        let mut slots: Vec<usize> = keys.iter().map(|k| k.slot()).collect();
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots.len(), keys.len());
    }

    #[test]
    fn the_city_index_finds_every_id_and_survives_hash_collisions() {
        let ids: Vec<String> = (0..5000).map(|i| format!("c{i}")).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        let index = CityIndex::new(sorted.iter().map(String::as_str), sorted.len());
        let mut keys: Vec<&str> = ids.iter().map(String::as_str).collect();
        keys.extend(["", "c5000", "zz"]);
        let mut out = Vec::new();
        index.lookup(&keys, &mut out);
        for (k, i) in keys.iter().zip(&out) {
            let expect = sorted
                .binary_search_by(|s| s.as_str().cmp(k))
                .map_or(NO_CITY, |i| i as u32);
            assert_eq!(*i, expect, "{k}");
        }
        // Two ids with the same 64-bit hash: the slot of "a" carries the hash of "b" first.
        let mut index = CityIndex::new(["a", "b"].into_iter(), 2);
        let hb = index.hasher.hash_one("b");
        index.slots.iter_mut().for_each(|s| *s = (0, NO_CITY));
        let pos = hb as usize & index.mask;
        index.slots[pos] = (hb, 0);
        index.slots[(pos + 1) & index.mask] = (hb, 1);
        index.lookup(&["b", "a"], &mut out);
        assert_eq!(out, [1, NO_CITY]);
    }

    #[test]
    fn the_table_keeps_links_in_id_order_and_missing_cities_as_unknown() {
        let snap = fixture(
            CITIES,
            "pr~bj: established 1990, lapsed 2000\nbj~pa: established 1991, suspended 1999",
        );
        let mut t = LinkTable::new(&snap);
        assert_eq!(
            (t.len(), t.version(), t.is_empty()),
            (2, snap.version, false)
        );
        let links: Vec<(usize, bool)> = t
            .links()
            .map(|l| (l.events.len(), l.places.is_some()))
            .collect();
        assert_eq!(links, [(2, true), (2, true)]);
        // A city missing from the snapshot (which `Snapshot::apply` prevents) is reported apart.
        t.ends[1][0] = NO_CITY;
        let r = lapse_report(&t, &LapseQuery::new(LapseBy::CountryPair, 1995, 2005)).unwrap();
        let groups: Vec<&str> = r.rows.iter().map(|x| x.group.as_str()).collect();
        assert_eq!(groups, ["CN-CZ", "unknown"]);
    }

    #[test]
    fn rejects_bad_windows_and_groupings() {
        let s = Snapshot::default();
        for (from, to, name) in [
            (2000, 1999, "to"),
            (0, 10, "from"),
            (1900, 9999, "to"),
            (1000, 1600, "to"),
        ] {
            let e = lapse_report(
                &LinkTable::new(&s),
                &LapseQuery::new(LapseBy::Year, from, to),
            )
            .unwrap_err();
            assert_eq!(e.code(), "invalid_parameter");
            assert!(
                matches!(&e, LapseError::InvalidParameter { name: n, .. } if *n == name),
                "{e}"
            );
        }
        assert_eq!(
            "country-pair".parse::<LapseBy>().unwrap(),
            LapseBy::CountryPair
        );
        assert_eq!(
            "decade".parse::<LapseBy>().unwrap_err().code(),
            "invalid_parameter"
        );
        assert_eq!(
            serde_json::to_string(&LapseBy::RegionPair).unwrap(),
            "\"region-pair\""
        );
    }

    #[test]
    fn matches_day_by_day_statuses_on_a_mixed_fixture() {
        let snap = fixture(
            CITIES,
            "pa~pr: established 1990, suspended 1991-02, resumed 1993, lapsed 1994-06, renewed 1994-09, terminated 1998-12-31
             pa~bj: established 1990-12-31, suspended 1991-01-01, lapsed 1992
             ly~bj: suspended 1992-05
             pr~bj: established 1991-07, terminated 1991-08, renewed 1995
             pr~tp:
             tp~ch: established 1996, suspended 1996-03, resumed 1996-04, suspended 1996-05",
        );
        let r = lapse_report(
            &LinkTable::new(&snap),
            &LapseQuery::new(LapseBy::Year, 1989, 1999),
        )
        .unwrap();
        for x in &r.rows {
            let y = x.year.unwrap();
            assert_eq!(
                (x.active_at_start, x.stopped, x.ended),
                brute(&snap, y),
                "year {y}"
            );
        }
        let events: u64 = r
            .rows
            .iter()
            .map(|x| x.established + x.suspended + x.resumed + x.renewed + x.lapsed + x.terminated)
            .sum();
        assert_eq!(events, 17);
    }

    #[test]
    fn a_table_known_on_a_day_is_the_table_of_the_events_dated_by_then() {
        let links = "pa~ly: established 1990, suspended 2003, resumed 2008
            pa~pr: established 1995, terminated 2001-06
            bj~tp: established 2004
            ch~pa: established 1999-12, lapsed 2012";
        // On 2001-01-01: the termination, the suspension and the link of 2004 are not known yet.
        let known = "pa~ly: established 1990
            pa~pr: established 1995
            ch~pa: established 1999-12";
        let day = "2001-01-01".parse::<PartialDate>().unwrap().first_day();
        let q = LapseQuery {
            by: LapseBy::Year,
            from: 1985,
            to: 2015,
            yearly: false,
        };
        let cut = LinkTable::new(&fixture(CITIES, links)).known_on(day);
        assert_eq!(cut.len(), 3);
        let expected = lapse_report(&LinkTable::new(&fixture(CITIES, known)), &q).unwrap();
        assert_eq!(lapse_report(&cut, &q).unwrap(), expected);
        let whole = lapse_report(&LinkTable::new(&fixture(CITIES, links)), &q).unwrap();
        assert_ne!(whole, expected);
    }
    #[test]
    fn a_restricted_table_is_the_table_of_the_links_that_pass_the_filters() {
        let links = "pa~ly: established 1990, suspended 2003, resumed 2008
            pa~pr friendship_city: established 1995, terminated 2001-06
            bj~tp: established 2004, lapsed 2010
            ch~pa: established 1999-12, lapsed 2012
            ly~pr: established 1980, lapsed 1999";
        let q = LapseQuery {
            by: LapseBy::Year,
            from: 1975,
            to: 2015,
            yearly: false,
        };
        let table = LinkTable::new(&fixture(CITIES, links));
        let report = |t: &LinkTable| lapse_report(t, &q).unwrap();
        let of = |kept: &str| report(&LinkTable::new(&fixture(CITIES, kept)));
        // Europe: both ends in it (ch~pa and bj~tp are not).
        let europe = "pa~ly: established 1990, suspended 2003, resumed 2008
            pa~pr friendship_city: established 1995, terminated 2001-06
            ly~pr: established 1980, lapsed 1999";
        let eu = table.restricted(Some(Region::Europe), None, None);
        assert_eq!(eu.len(), 3);
        assert_eq!(report(&eu), of(europe));
        // France: only pa~ly.
        let fr = table.restricted(None, Some(CountryCode::new("FR").unwrap()), None);
        assert_eq!(
            report(&fr),
            of("pa~ly: established 1990, suspended 2003, resumed 2008")
        );
        // A kind, and a kind with a region.
        let friendship = table.restricted(None, None, Some(PartnershipKind::FriendshipCity));
        assert_eq!(
            report(&friendship),
            of("pa~pr friendship_city: established 1995, terminated 2001-06")
        );
        let none = table.restricted(
            Some(Region::AsiaPacific),
            None,
            Some(PartnershipKind::FriendshipCity),
        );
        assert!(none.is_empty());
        // No restriction: the same table.
        assert_eq!(report(&table.restricted(None, None, None)), report(&table));
        assert_ne!(report(&eu), report(&table));
    }
}
