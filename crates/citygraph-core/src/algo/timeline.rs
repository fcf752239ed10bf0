//! Time series of the graph per year, and the dated history of one city.
//!
//! # Series ([`timeline`])
//!
//! One value per year `Y` of `from..=to`. Dates follow the partial-date rule of [`crate::date`]: an
//! event dated `Y`, `Y-MM` or `Y-MM-DD` belongs to year `Y`. States are read at the **end of the
//! year**, on `Y-12-31`, after every event dated in or before `Y` (so a link signed and ended within
//! `Y` is not active at the end of `Y`; with year-only dates this is also what `as_of=Y` shows, since
//! `as_of=Y` means `Y-01-01` and an event dated `Y` is in force on that day). It is the state the
//! next year opens with, the `active_at_start` of the lapse report for `Y + 1`.
//!
//! - `active_links`: links whose status on `Y-12-31` is `active` (not suspended, lapsed or
//!   terminated). An undated history is active before its first event;
//! - `new_links`: links with an `established` event dated in `Y`;
//! - `ended_links`: links with at least one `lapsed` or `terminated` event dated in `Y` (counted once
//!   per link and year);
//! - `memberships`: memberships in force on `Y-12-31`
//!   ([`crate::model::Membership::in_force_on`]: a membership with an unknown start counts before its
//!   end).
//!
//! Split `by=region`, a link counts once for each distinct region of its two cities (a Europe–Asia
//! link counts for both, so the series add up to more than the total); a membership counts for its
//! city's region. Split `by=region-pair`, a link counts for the unordered pair of its cities'
//! regions (`asia-pacific--europe`); memberships cannot be split by pair. Every region (or pair) has
//! a series, in order, even when all zero; records whose city is missing fall into `unknown`.
//!
//! # One city's history ([`city_timeline`])
//!
//! Every event of the city's partnerships (with the partner, the partnership id and kind, the
//! event's reason, initiator, note and sources), and for each of its memberships the `joined` and
//! `left` dates and the `observed` and `absent` snapshot dates, in date order (by first day, coarser
//! precision first on the same day), then partnerships before memberships, then by partnership or
//! membership id, then in the record's own order (history order; joined, observed, absent, left).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::algo::lapses::{
    add_run, check_years, initial_status, ActiveRuns, GroupKey, Interner, LinkTable, YearSteps,
};
use crate::date::PartialDate;
use crate::id::{CityId, MembershipId, NetworkId, PartnershipId, Region};
use crate::model::{EventType, PartnershipKind};
use crate::snapshot::Snapshot;

/// Errors of the timelines.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimelineError {
    #[error("invalid parameter {name}: {detail}")]
    InvalidParameter { name: &'static str, detail: String },
    #[error("city {0} does not exist")]
    CityNotFound(String),
}

impl TimelineError {
    /// The stable snake_case code of this error, used in API error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            TimelineError::InvalidParameter { .. } => "invalid_parameter",
            TimelineError::CityNotFound(_) => "city_not_found",
        }
    }
}

/// What a yearly series counts (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimelineMetric {
    /// Links active on 31 December.
    ActiveLinks,
    /// Links established during the year.
    NewLinks,
    /// Links with a lapse or termination during the year.
    EndedLinks,
    /// Memberships in force on 31 December.
    Memberships,
}

impl TimelineMetric {
    pub const ALL: [TimelineMetric; 4] = [
        TimelineMetric::ActiveLinks,
        TimelineMetric::NewLinks,
        TimelineMetric::EndedLinks,
        TimelineMetric::Memberships,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            TimelineMetric::ActiveLinks => "active_links",
            TimelineMetric::NewLinks => "new_links",
            TimelineMetric::EndedLinks => "ended_links",
            TimelineMetric::Memberships => "memberships",
        }
    }
}

impl fmt::Display for TimelineMetric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TimelineMetric {
    type Err = TimelineError;
    fn from_str(s: &str) -> Result<TimelineMetric, TimelineError> {
        TimelineMetric::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| TimelineError::InvalidParameter {
                name: "metric",
                detail: format!(
                    "{s:?} is not one of active_links, new_links, ended_links, memberships"
                ),
            })
    }
}

/// How a series is split.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TimelineBy {
    /// Per survey region (a link counts for each region it touches).
    Region,
    /// Per unordered pair of survey regions (links only).
    RegionPair,
}

impl TimelineBy {
    pub const ALL: [TimelineBy; 2] = [TimelineBy::Region, TimelineBy::RegionPair];
    pub fn as_str(self) -> &'static str {
        match self {
            TimelineBy::Region => "region",
            TimelineBy::RegionPair => "region-pair",
        }
    }
}

impl fmt::Display for TimelineBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TimelineBy {
    type Err = TimelineError;
    fn from_str(s: &str) -> Result<TimelineBy, TimelineError> {
        TimelineBy::ALL
            .into_iter()
            .find(|b| b.as_str() == s)
            .ok_or_else(|| TimelineError::InvalidParameter {
                name: "by",
                detail: format!("{s:?} is not one of region, region-pair"),
            })
    }
}

/// What a yearly series covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimelineQuery {
    pub metric: TimelineMetric,
    /// First year (inclusive).
    pub from: i32,
    /// Last year (inclusive).
    pub to: i32,
    /// Split, or one series `all`.
    pub by: Option<TimelineBy>,
}

/// One year of a series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelinePoint {
    pub year: i32,
    /// For `active_links` and `memberships`, the state read at the end of the year (on
    /// `year-12-31`, after every event dated in or before it); for `new_links` and `ended_links`,
    /// the links with such an event dated in the year.
    pub value: u64,
}

/// One series: a group and its value per year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineSeries {
    /// `all`, a region slug, a region pair (`asia-pacific--europe`) or `unknown`.
    pub group: String,
    /// One point per year of the window, in year order.
    pub points: Vec<TimelinePoint>,
}

/// Yearly series of a metric (see the module docs for every definition).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Timeline {
    pub metric: TimelineMetric,
    pub from: i32,
    pub to: i32,
    pub by: Option<TimelineBy>,
    /// One series per group, in group order (regions, region pairs, then `unknown`).
    pub series: Vec<TimelineSeries>,
}

/// Yearly series of `q.metric` over `q.from..=q.to` for the links and memberships of a
/// [`LinkTable`] (see the module docs).
///
/// Errors: `invalid_parameter` for a window that is not `1 <= from <= to <= 9998` or is longer than
/// [`crate::algo::lapses::MAX_SPAN_YEARS`], and for memberships split by region pair.
pub fn timeline(links: &LinkTable, q: &TimelineQuery) -> Result<Timeline, TimelineError> {
    check_years(q.from, q.to)
        .map_err(|(name, detail)| TimelineError::InvalidParameter { name, detail })?;
    if q.metric == TimelineMetric::Memberships && q.by == Some(TimelineBy::RegionPair) {
        return Err(TimelineError::InvalidParameter {
            name: "by",
            detail: "memberships belong to one city: split them by region, not region-pair"
                .to_owned(),
        });
    }
    let (from, to) = (q.from, q.to);
    let n = (to - from + 1) as usize;
    // Per group: a difference array (states) or plain counts (events), one slot per year plus one.
    let mut groups: Interner<Vec<i64>> = Interner::new();
    match q.by {
        None => {
            groups.entry(GroupKey::All, || vec![0; n + 1]);
        }
        Some(TimelineBy::Region) => {
            for r in Region::ALL {
                groups.entry(GroupKey::Region(r), || vec![0; n + 1]);
            }
        }
        Some(TimelineBy::RegionPair) => {
            for (i, a) in Region::ALL.into_iter().enumerate() {
                for b in Region::ALL[i..].iter() {
                    groups.entry(GroupKey::region_pair(a, *b), || vec![0; n + 1]);
                }
            }
        }
    }
    let in_window = |y: i32| (from..=to).contains(&y).then(|| (y - from) as usize);

    if q.metric == TimelineMetric::Memberships {
        for m in links.memberships() {
            let key = match (q.by, links.place(m.city)) {
                (None, _) => GroupKey::All,
                (Some(_), Some((_, r))) => GroupKey::Region(r),
                (Some(_), None) => GroupKey::Unknown,
            };
            let slots = groups.entry(key, || vec![0; n + 1]);
            add_run(slots, from, to, i64::from(m.start), i64::from(m.end));
        }
    } else {
        for link in links.links() {
            // The groups the link counts for (a link between two regions counts for both).
            let (keys, k) = match (q.by, link.places) {
                (None, _) => ([GroupKey::All; 2], 1),
                (Some(_), None) => ([GroupKey::Unknown; 2], 1),
                (Some(TimelineBy::RegionPair), Some([(_, a), (_, b)])) => {
                    ([GroupKey::region_pair(a, b); 2], 1)
                }
                (Some(TimelineBy::Region), Some([(_, a), (_, b)])) => (
                    [GroupKey::Region(a), GroupKey::Region(b)],
                    if a == b { 1 } else { 2 },
                ),
            };
            for key in &keys[..k] {
                let slots = groups.entry(*key, || vec![0; n + 1]);
                match q.metric {
                    TimelineMetric::ActiveLinks => {
                        let mut runs = ActiveRuns::new(initial_status(link.events));
                        for step in YearSteps::new(link.events) {
                            if let Some((a, b)) = runs.step(step.year, step.after) {
                                add_run(slots, from, to, a, b);
                            }
                        }
                        if let Some((a, b)) = runs.finish() {
                            add_run(slots, from, to, a, b);
                        }
                    }
                    TimelineMetric::NewLinks => {
                        for e in link
                            .events
                            .iter()
                            .filter(|e| e.kind == EventType::Established)
                        {
                            if let Some(i) = in_window(e.date.year_part()) {
                                slots[i] += 1;
                            }
                        }
                    }
                    TimelineMetric::EndedLinks => {
                        let mut last = None;
                        let ends = link.events.iter().filter(|e| {
                            matches!(e.kind, EventType::Lapsed | EventType::Terminated)
                        });
                        for e in ends {
                            let y = e.date.year_part();
                            if last != Some(y) {
                                last = Some(y);
                                if let Some(i) = in_window(y) {
                                    slots[i] += 1;
                                }
                            }
                        }
                    }
                    TimelineMetric::Memberships => unreachable!("handled above"),
                }
            }
        }
    }

    let cumulative = matches!(
        q.metric,
        TimelineMetric::ActiveLinks | TimelineMetric::Memberships
    );
    let series = groups
        .into_sorted()
        .into_iter()
        .map(|(key, slots)| {
            let mut acc = 0i64;
            let points = slots[..n]
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let value = if cumulative {
                        acc += v;
                        acc
                    } else {
                        *v
                    };
                    TimelinePoint {
                        year: from + i as i32,
                        value: value as u64,
                    }
                })
                .collect();
            TimelineSeries {
                group: key.to_string(),
                points,
            }
        })
        .collect();
    Ok(Timeline {
        metric: q.metric,
        from,
        to,
        by: q.by,
        series,
    })
}

/// Whether a city's timeline entry is about a partnership or a membership.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimelineSubject {
    Partnership,
    Membership,
}

/// What happened in a city's timeline entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CityEventKind {
    /// A partnership was established.
    Established,
    /// A partnership was suspended.
    Suspended,
    /// A suspended partnership was resumed.
    Resumed,
    /// A partnership was renewed.
    Renewed,
    /// A partnership lapsed.
    Lapsed,
    /// A partnership was terminated.
    Terminated,
    /// The city joined a network (the membership's `joined` date).
    Joined,
    /// The city left a network (the membership's `left` date).
    Left,
    /// A snapshot of the network listed the city (an `observed` date).
    Observed,
    /// A snapshot of the network no longer listed the city (an `absent` date).
    Absent,
}

impl From<EventType> for CityEventKind {
    fn from(k: EventType) -> CityEventKind {
        match k {
            EventType::Established => CityEventKind::Established,
            EventType::Suspended => CityEventKind::Suspended,
            EventType::Resumed => CityEventKind::Resumed,
            EventType::Renewed => CityEventKind::Renewed,
            EventType::Lapsed => CityEventKind::Lapsed,
            EventType::Terminated => CityEventKind::Terminated,
        }
    }
}

/// One dated entry of a city's history.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CityTimelineEntry {
    /// The date as recorded (`1957`, `1957-06` or `1957-06-14`; it stands for its first day).
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "1957-06"))]
    pub date: PartialDate,
    pub subject: TimelineSubject,
    pub event: CityEventKind,
    /// The partnership (partnership entries).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub partnership: Option<PartnershipId>,
    /// The other city of the partnership.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub partner: Option<CityId>,
    /// The partner's name, when the partner is loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_name: Option<String>,
    /// The partnership kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub kind: Option<PartnershipKind>,
    /// The membership (membership entries).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub membership: Option<MembershipId>,
    /// The network of the membership.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub network: Option<NetworkId>,
    /// The network's name, when the network is loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_name: Option<String>,
    /// The membership's tier or role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Why the event happened, as recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Which side acted, as recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initiated_by: Option<String>,
    /// A note on the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources: the event's own sources, or the partnership's when the event has none; for
    /// membership entries, the membership's sources.
    pub sources: Vec<String>,
}

/// A city's history (see the module docs for the order).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CityTimeline {
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "fr-paris"))]
    pub city: CityId,
    pub name: String,
    pub entries: Vec<CityTimelineEntry>,
}

/// The dated history of `city`: its partnerships' events and its memberships' dates.
///
/// Errors: `city_not_found` when the city does not exist.
pub fn city_timeline(snap: &Snapshot, city: &str) -> Result<CityTimeline, TimelineError> {
    let c = snap
        .city(city)
        .ok_or_else(|| TimelineError::CityNotFound(city.to_owned()))?;
    // (entry, tie-break: record id, position in the record)
    let mut entries: Vec<(CityTimelineEntry, String, usize)> = Vec::new();
    for p in snap.partnerships_of(city) {
        let partner = p.other(&c.id);
        let partner_name = snap.city(partner.as_str()).map(|x| x.name.clone());
        for (i, e) in p.events.iter().enumerate() {
            let entry = CityTimelineEntry {
                date: e.date,
                subject: TimelineSubject::Partnership,
                event: e.kind.into(),
                partnership: Some(p.id.clone()),
                partner: Some(partner.clone()),
                partner_name: partner_name.clone(),
                kind: Some(p.kind),
                membership: None,
                network: None,
                network_name: None,
                role: None,
                reason: e.reason.clone(),
                initiated_by: e.initiated_by.clone(),
                note: e.note.clone(),
                sources: if e.sources.is_empty() {
                    p.sources.clone()
                } else {
                    e.sources.clone()
                },
            };
            entries.push((entry, p.id.to_string(), i));
        }
    }
    for m in snap.memberships_of(city) {
        let network_name = snap.network(m.network.as_str()).map(|x| x.name.clone());
        let dates = m
            .joined
            .map(|d| (d, CityEventKind::Joined))
            .into_iter()
            .chain(m.observed.iter().map(|d| (*d, CityEventKind::Observed)))
            .chain(m.absent.iter().map(|d| (*d, CityEventKind::Absent)))
            .chain(m.left.map(|d| (d, CityEventKind::Left)));
        for (i, (date, event)) in dates.enumerate() {
            let entry = CityTimelineEntry {
                date,
                subject: TimelineSubject::Membership,
                event,
                partnership: None,
                partner: None,
                partner_name: None,
                kind: None,
                membership: Some(m.id.clone()),
                network: Some(m.network.clone()),
                network_name: network_name.clone(),
                role: m.role.clone(),
                reason: None,
                initiated_by: None,
                note: None,
                sources: m.sources.clone(),
            };
            entries.push((entry, m.id.to_string(), i));
        }
    }
    entries.sort_by(|(a, ida, ia), (b, idb, ib)| {
        a.date
            .cmp(&b.date)
            .then(a.subject.cmp(&b.subject))
            .then_with(|| ida.cmp(idb))
            .then(ia.cmp(ib))
    });
    Ok(CityTimeline {
        city: c.id.clone(),
        name: c.name.clone(),
        entries: entries.into_iter().map(|(e, _, _)| e).collect(),
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::algo::lapses::tests::fixture;
    use crate::date::Day;
    use crate::model::{Membership, Network, Status};
    use crate::snapshot::Change;

    const CITIES: &str =
        "pa:FR:europe pr:CZ:europe bj:CN:asia-pacific tp:TW:asia-pacific ch:US:north-america";

    fn values(t: &Timeline, group: &str) -> Vec<u64> {
        t.series
            .iter()
            .find(|s| s.group == group)
            .unwrap()
            .points
            .iter()
            .map(|p| p.value)
            .collect()
    }

    fn q(metric: TimelineMetric, from: i32, to: i32, by: Option<TimelineBy>) -> TimelineQuery {
        TimelineQuery {
            metric,
            from,
            to,
            by,
        }
    }

    fn with_memberships(snap: Snapshot, lines: &[&str]) -> Snapshot {
        let mut changes = vec![
            Change::PutNetwork(Arc::new(
                serde_json::from_str(r#"{"id":"c40","name":"C40"}"#).unwrap(),
            )),
            Change::PutNetwork(Arc::new(
                serde_json::from_str::<Network>(r#"{"id":"iclei","name":"ICLEI"}"#).unwrap(),
            )),
        ];
        for l in lines {
            changes.push(Change::PutMembership(Arc::new(
                serde_json::from_str::<Membership>(l).unwrap(),
            )));
        }
        snap.with_changes(&changes)
            .map_err(|(i, e)| format!("{i}: {e}"))
            .unwrap()
            .0
    }

    const LINKS: &str = "pa~pr: established 1990, lapsed 1993
        pa~bj: established 1991-06, suspended 1992-02, resumed 1992-11, terminated 1994-12-31
        bj~tp: established 1992-03, terminated 1992-09
        tp~ch: lapsed 1993-05";

    #[test]
    fn active_links_are_read_on_the_last_day_of_each_year() {
        let snap = fixture(CITIES, LINKS);
        let t = timeline(
            &LinkTable::new(&snap),
            &q(TimelineMetric::ActiveLinks, 1989, 1995, None),
        )
        .unwrap();
        assert_eq!(t.series.len(), 1);
        assert_eq!(t.series[0].group, "all");
        // 1989: only the undated tp~ch. 1992: bj~tp signed and ended within the year does not count.
        assert_eq!(values(&t, "all"), [1, 2, 3, 3, 1, 0, 0]);
        for (i, v) in values(&t, "all").into_iter().enumerate() {
            let d = Day::new(1989 + i as i32, 12, 31).unwrap();
            let brute = snap
                .partnerships
                .values()
                .filter(|p| p.status_on(d) == Some(Status::Active))
                .count() as u64;
            assert_eq!(v, brute, "{d}");
        }
    }

    #[test]
    fn new_and_ended_links_count_events_of_the_year() {
        let snap = fixture(
            CITIES,
            &format!(
                "{LINKS}\npr~ch: established 1980, lapsed 1991-02, renewed 1991-05, lapsed 1991-12"
            ),
        );
        let t = timeline(
            &LinkTable::new(&snap),
            &q(TimelineMetric::NewLinks, 1990, 1994, None),
        )
        .unwrap();
        assert_eq!(values(&t, "all"), [1, 1, 1, 0, 0]);
        let t = timeline(
            &LinkTable::new(&snap),
            &q(TimelineMetric::EndedLinks, 1990, 1994, None),
        )
        .unwrap();
        // pr~ch lapses twice in 1991 and counts once.
        assert_eq!(values(&t, "all"), [0, 1, 1, 2, 1]);
    }

    #[test]
    fn regions_count_each_region_a_link_touches() {
        let snap = fixture(CITIES, LINKS);
        let t = timeline(
            &LinkTable::new(&snap),
            &q(
                TimelineMetric::ActiveLinks,
                1991,
                1991,
                Some(TimelineBy::Region),
            ),
        )
        .unwrap();
        let groups: Vec<&str> = t.series.iter().map(|s| s.group.as_str()).collect();
        assert_eq!(
            groups,
            [
                "africa-middle-east",
                "asia-pacific",
                "europe",
                "north-america",
                "south-america"
            ]
        );
        // End of 1991: pa~pr (europe), pa~bj (europe, asia-pacific), tp~ch (asia-pacific, north-america).
        assert_eq!(values(&t, "europe"), [2]);
        assert_eq!(values(&t, "asia-pacific"), [2]);
        assert_eq!(values(&t, "north-america"), [1]);
        assert_eq!(values(&t, "south-america"), [0]);
        let t = timeline(
            &LinkTable::new(&snap),
            &q(
                TimelineMetric::ActiveLinks,
                1991,
                1991,
                Some(TimelineBy::RegionPair),
            ),
        )
        .unwrap();
        assert_eq!(t.series.len(), 15);
        assert_eq!(values(&t, "europe--europe"), [1]);
        assert_eq!(values(&t, "asia-pacific--europe"), [1]);
        assert_eq!(values(&t, "asia-pacific--north-america"), [1]);
        let sum: u64 = t.series.iter().map(|s| s.points[0].value).sum();
        assert_eq!(sum, 3);
    }

    #[test]
    fn memberships_in_force_at_the_end_of_each_year() {
        let snap = with_memberships(
            fixture(CITIES, ""),
            &[
                r#"{"city":"pa","network":"c40","joined":"2005","left":"2010-06"}"#,
                r#"{"city":"bj","network":"c40","observed":["2008"],"absent":["2011"]}"#,
                r#"{"city":"pr","network":"iclei"}"#,
                r#"{"city":"pr","network":"c40","joined":"2009-12-31"}"#,
            ],
        );
        let t = timeline(
            &LinkTable::new(&snap),
            &q(TimelineMetric::Memberships, 2004, 2011, None),
        )
        .unwrap();
        assert_eq!(values(&t, "all"), [1, 2, 2, 2, 3, 4, 3, 2]);
        for (i, v) in values(&t, "all").into_iter().enumerate() {
            let d = Day::new(2004 + i as i32, 12, 31).unwrap();
            assert_eq!(
                v,
                snap.memberships
                    .values()
                    .filter(|m| m.in_force_on(d))
                    .count() as u64,
                "{d}"
            );
        }
        let t = timeline(
            &LinkTable::new(&snap),
            &q(
                TimelineMetric::Memberships,
                2009,
                2009,
                Some(TimelineBy::Region),
            ),
        )
        .unwrap();
        assert_eq!(
            (values(&t, "europe"), values(&t, "asia-pacific")),
            (vec![3], vec![1])
        );
        let e = timeline(
            &LinkTable::new(&snap),
            &q(
                TimelineMetric::Memberships,
                2009,
                2009,
                Some(TimelineBy::RegionPair),
            ),
        )
        .unwrap_err();
        assert_eq!(e.code(), "invalid_parameter");
    }

    #[test]
    fn rejects_bad_parameters() {
        let s = Snapshot::default();
        assert_eq!(
            timeline(
                &LinkTable::new(&s),
                &q(TimelineMetric::NewLinks, 2000, 1990, None)
            )
            .unwrap_err()
            .code(),
            "invalid_parameter"
        );
        assert_eq!(
            "active_links".parse::<TimelineMetric>().unwrap(),
            TimelineMetric::ActiveLinks
        );
        assert!("active-links".parse::<TimelineMetric>().is_err());
        assert_eq!(
            "region-pair".parse::<TimelineBy>().unwrap(),
            TimelineBy::RegionPair
        );
        assert_eq!(
            city_timeline(&s, "fr-nowhere").unwrap_err().code(),
            "city_not_found"
        );
    }

    #[test]
    fn a_city_history_is_in_date_order_with_partners_and_sources() {
        let snap = fixture(
            CITIES,
            "pa~pr: established 1990, lapsed 1993
             bj~pa: established 1990-01-01, suspended 1993, resumed 1993-06
             tp~ch: established 1990",
        );
        // Give an event a reason and sources, and the partnership sources.
        let mut p = (**snap.partnership("l1").unwrap()).clone();
        p.events[1].reason = Some("protest".into());
        p.events[1].sources = vec!["https://example.org/a".into()];
        p.sources = vec!["https://example.org/p".into()];
        let (snap, _) = snap
            .with_changes(&[Change::PutPartnership(Arc::new(p))])
            .unwrap();
        let snap = with_memberships(
            snap,
            &[
                r#"{"city":"pa","network":"c40","joined":"1993","observed":["1995"],"absent":["1997"],"role":"member","sources":["s"]}"#,
            ],
        );
        let t = city_timeline(&snap, "pa").unwrap();
        assert_eq!((t.city.as_str(), t.name.as_str()), ("pa", "PA"));
        let got: Vec<(String, CityEventKind, String)> = t
            .entries
            .iter()
            .map(|e| {
                let who = e
                    .partner
                    .as_ref()
                    .map(|c| c.to_string())
                    .or(e.network.as_ref().map(|n| n.to_string()))
                    .unwrap();
                (e.date.to_string(), e.event, who)
            })
            .collect();
        use CityEventKind as K;
        let want = [
            ("1990", K::Established, "pr"),
            ("1990-01-01", K::Established, "bj"),
            ("1993", K::Lapsed, "pr"),
            ("1993", K::Suspended, "bj"),
            ("1993", K::Joined, "c40"),
            ("1993-06", K::Resumed, "bj"),
            ("1995", K::Observed, "c40"),
            ("1997", K::Absent, "c40"),
        ];
        let want: Vec<(String, CityEventKind, String)> = want
            .iter()
            .map(|(d, k, w)| (d.to_string(), *k, w.to_string()))
            .collect();
        assert_eq!(got, want);
        let susp = &t.entries[3];
        assert_eq!(susp.reason.as_deref(), Some("protest"));
        assert_eq!(susp.sources, ["https://example.org/a"]);
        assert_eq!(
            t.entries[5].sources,
            ["https://example.org/p"],
            "falls back to the partnership's sources"
        );
        assert_eq!(susp.partnership.as_ref().unwrap().as_str(), "l1");
        assert_eq!(susp.partner_name.as_deref(), Some("BJ"));
        assert_eq!(susp.kind, Some(PartnershipKind::SisterCity));
        assert_eq!(t.entries[4].role.as_deref(), Some("member"));
        assert_eq!(t.entries[4].network_name.as_deref(), Some("C40"));
        let json = serde_json::to_value(&t.entries[4]).unwrap();
        assert_eq!(json["subject"], "membership");
        assert_eq!(json["event"], "joined");
        assert!(json.get("partner").is_none());
    }
}
