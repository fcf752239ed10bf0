//! Kaplan–Meier survival of partnerships: how long a link stays active.
//!
//! # The sample
//!
//! Every partnership whose history starts with `established` and whose establishment is in force on
//! `as_of` (the partial-date rule of [`crate::date`]) is one subject. Its *end* is the first event of
//! its history whose type is in `ending` (default `lapsed`, `terminated`; `suspended` may be added)
//! and which is in force on `as_of`: the link then lived from its establishment to that event
//! (an observed event), whatever happened after it (a renewal or resumption does not undo it). A link
//! with no such event was still alive on `as_of` and is censored there. Left out, and counted in the
//! report: links with an undated history (one that does not start with `established`: the start is
//! unknown, so no duration exists) and links established after `as_of`.
//!
//! # Durations
//!
//! Dates stand for their first day (the partial-date rule). The duration from day `a` to day `b` is
//! counted in calendar years: the number `k` of whole years from `a` to its last anniversary `A_k`
//! on or before `b`, plus the elapsed share of the next year, in days:
//! `k + (b - A_k) / (A_{k+1} - A_k)`, where `A_k` is `a` moved `k` years forward (29 February
//! becomes 28 February in common years). So two year-precision dates give a whole number
//! (`1957` -> `2019` is 62 years) and `1957` -> `2019-10` (1957-01-01 -> 2019-10-01) is
//! `62 + 273/365` = 62.748 years. This keeps equal year differences equal (with 365.2425-day
//! years, 1957 -> 2019 and 1960 -> 2022 would be two distinct times a few hours apart), which matters
//! because real histories are mostly dated to the year, and ties are what the estimator is built for.
//! See [`duration_years`].
//!
//! # The estimate
//!
//! Per group, exactly as lifelines' `KaplanMeierFitter` (0.30) computes it: the table has a row at
//! time 0 and one per distinct duration; at each time `t`, `n` links are at risk (those whose
//! duration is `>= t`), `d` ended and `c` were censored at `t`;
//! `S(t) = exp(sum over times <= t of (ln(n - d) - ln(n)))`. The 95% confidence interval is the
//! exponential Greenwood ("log(-log)") interval: with `V(t) = sum d / (n (n - d))` (terms where
//! `n = d` count 0) and `v = ln S(t)`, the bounds are `exp(-exp(ln(-v) ∓ z sqrt(V) / v))` with
//! `z = 1.959963984540054`; where that is undefined (`S = 1`) both bounds are 1. The median
//! survival time is the first time at which `S(t) <= 0.5`; when `S` never falls that low it is not
//! reached (`null`, lifelines' `inf`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::algo::lapses::{Dated, GroupKey, Interner, LinkTable};
use crate::date::{Day, PartialDate};
use crate::model::{EventType, Partnership};

/// The two-sided 95% normal quantile lifelines uses (`scipy.stats.norm.ppf(0.975)`).
pub const Z_95: f64 = 1.959963984540054;

/// Errors of the survival analysis.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SurvivalError {
    #[error("invalid parameter {name}: {detail}")]
    InvalidParameter { name: &'static str, detail: String },
}

impl SurvivalError {
    /// The stable snake_case code of this error, used in API error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            SurvivalError::InvalidParameter { .. } => "invalid_parameter",
        }
    }
}

/// How links are grouped into separate survival curves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum SurvivalGroupBy {
    /// One curve, group `all`.
    None,
    /// Per partnership kind (`sister_city`, ...).
    Kind,
    /// Per unordered pair of the cities' survey regions (`asia-pacific--europe`).
    RegionPair,
    /// Per decade of establishment (`1950s`).
    Decade,
}

impl SurvivalGroupBy {
    pub const ALL: [SurvivalGroupBy; 4] = [
        SurvivalGroupBy::None,
        SurvivalGroupBy::Kind,
        SurvivalGroupBy::RegionPair,
        SurvivalGroupBy::Decade,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            SurvivalGroupBy::None => "none",
            SurvivalGroupBy::Kind => "kind",
            SurvivalGroupBy::RegionPair => "region-pair",
            SurvivalGroupBy::Decade => "decade",
        }
    }
}

impl fmt::Display for SurvivalGroupBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SurvivalGroupBy {
    type Err = SurvivalError;
    fn from_str(s: &str) -> Result<SurvivalGroupBy, SurvivalError> {
        SurvivalGroupBy::ALL
            .into_iter()
            .find(|g| g.as_str() == s)
            .ok_or_else(|| SurvivalError::InvalidParameter {
                name: "group_by",
                detail: format!("{s:?} is not one of none, kind, region-pair, decade"),
            })
    }
}

/// The event types that end a link by default: `lapsed` and `terminated`.
pub const DEFAULT_ENDING: [EventType; 2] = [EventType::Lapsed, EventType::Terminated];

/// Parses a comma-separated list of ending event types (`terminated,lapsed,suspended`); only
/// `suspended`, `lapsed` and `terminated` may end a link. The result is sorted and deduplicated.
pub fn parse_ending(s: &str) -> Result<Vec<EventType>, SurvivalError> {
    let mut out = Vec::new();
    for part in s.split(',').map(str::trim) {
        let kind = EventType::ALL
            .into_iter()
            .find(|k| k.as_str() == part)
            .ok_or_else(|| SurvivalError::InvalidParameter {
                name: "ending",
                detail: format!(
                    "{part:?} is not an event type; expected suspended, lapsed or terminated"
                ),
            })?;
        out.push(kind);
    }
    check_ending(&out)?;
    out.sort();
    out.dedup();
    Ok(out)
}

fn check_ending(ending: &[EventType]) -> Result<(), SurvivalError> {
    if ending.is_empty() {
        return Err(SurvivalError::InvalidParameter {
            name: "ending",
            detail: "at least one of suspended, lapsed, terminated is needed".to_owned(),
        });
    }
    for k in ending {
        if !matches!(
            k,
            EventType::Suspended | EventType::Lapsed | EventType::Terminated
        ) {
            return Err(SurvivalError::InvalidParameter {
                name: "ending",
                detail: format!("{k} cannot end a link; expected suspended, lapsed or terminated"),
            });
        }
    }
    Ok(())
}

/// What a survival analysis covers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SurvivalQuery {
    pub group_by: SurvivalGroupBy,
    /// Event types that end a link (a non-empty subset of suspended, lapsed, terminated).
    pub ending: Vec<EventType>,
    /// The censoring day: events after it are not known yet.
    pub as_of: Day,
}

impl SurvivalQuery {
    /// Grouped by `group_by`, censored on `as_of`, with the default ending (lapsed, terminated).
    pub fn new(group_by: SurvivalGroupBy, as_of: Day) -> SurvivalQuery {
        SurvivalQuery {
            group_by,
            ending: DEFAULT_ENDING.to_vec(),
            as_of,
        }
    }
}

/// One row of a Kaplan–Meier table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurvivalRow {
    /// Time since establishment, in calendar years: whole anniversaries, plus the elapsed share (in
    /// days) of the year after the last one.
    pub time_years: f64,
    /// Links whose duration is at least this time.
    pub at_risk: u64,
    /// Links that ended at this time.
    pub events: u64,
    /// Links censored at this time.
    pub censored: u64,
    /// Kaplan–Meier estimate of the probability that a link is still active after this time.
    pub survival: f64,
    /// Lower bound of the 95% exponential Greenwood confidence interval.
    pub ci_lower: f64,
    /// Upper bound of the 95% exponential Greenwood confidence interval.
    pub ci_upper: f64,
}

/// A Kaplan–Meier estimate: its table and median.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KaplanMeier {
    /// A row at time 0, then one per distinct duration, in time order.
    pub rows: Vec<SurvivalRow>,
    /// First time at which the survival estimate is at most 0.5; `null` when it is not reached.
    pub median_years: Option<f64>,
}

/// The Kaplan–Meier estimate of a sample given as the durations of observed ends and the durations
/// of censored subjects (both in any order), computed as lifelines' `KaplanMeierFitter` does (see
/// the module docs). An empty sample gives one row at time 0 with nobody at risk.
///
/// Errors: `invalid_parameter` when a duration is negative or not finite.
pub fn kaplan_meier(
    mut events: Vec<f64>,
    mut censored: Vec<f64>,
) -> Result<KaplanMeier, SurvivalError> {
    if let Some(bad) = events
        .iter()
        .chain(&censored)
        .find(|t| !(t.is_finite() && **t >= 0.0))
    {
        return Err(SurvivalError::InvalidParameter {
            name: "durations",
            detail: format!("{bad} is not a finite non-negative duration"),
        });
    }
    events.sort_unstable_by(f64::total_cmp);
    censored.sort_unstable_by(f64::total_cmp);
    let n = (events.len() + censored.len()) as u64;
    let (mut i, mut j) = (0usize, 0usize);
    let mut removed = 0u64;
    let (mut log_s, mut var) = (0.0f64, 0.0f64);
    let mut rows = Vec::new();
    let mut t = 0.0f64;
    loop {
        let d = events[i..].iter().take_while(|&&x| x == t).count();
        let c = censored[j..].iter().take_while(|&&x| x == t).count();
        i += d;
        j += c;
        let (d, c) = (d as u64, c as u64);
        let at_risk = n - removed;
        if at_risk > 0 {
            log_s += ((at_risk - d) as f64).ln() - (at_risk as f64).ln();
            if at_risk != d {
                var += d as f64 / (at_risk * (at_risk - d)) as f64;
            }
        }
        let survival = log_s.exp();
        let (ci_lower, ci_upper) = greenwood_bounds(survival, var);
        rows.push(SurvivalRow {
            time_years: t,
            at_risk,
            events: d,
            censored: c,
            survival,
            ci_lower,
            ci_upper,
        });
        removed += d + c;
        t = match (events.get(i), censored.get(j)) {
            (Some(&a), Some(&b)) => a.min(b),
            (Some(&a), None) | (None, Some(&a)) => a,
            (None, None) => break,
        };
    }
    let median_years = rows
        .iter()
        .find(|r| r.survival <= 0.5)
        .map(|r| r.time_years);
    Ok(KaplanMeier { rows, median_years })
}

/// The exponential Greenwood bounds of lifelines (`KaplanMeierFitter._bounds`), NaN -> 1.
fn greenwood_bounds(survival: f64, var: f64) -> (f64, f64) {
    let v = survival.ln();
    let spread = Z_95 * var.sqrt() / v;
    let lower = (-((-v).ln() - spread).exp()).exp();
    let upper = (-((-v).ln() + spread).exp()).exp();
    let fix = |x: f64| if x.is_nan() { 1.0 } else { x };
    (fix(lower), fix(upper))
}

/// Days since 1970-01-01 of a civil date, for any year (anniversaries may fall past year 9999).
fn civil_days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `start` moved `k` years forward (29 February -> 28 February in common years), in epoch days.
fn anniversary(start: Day, k: i64) -> i64 {
    let y = i64::from(start.year()) + k;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let d = if start.month() == 2 && start.day() == 29 && !leap {
        28
    } else {
        i64::from(start.day())
    };
    civil_days(y, i64::from(start.month()), d)
}

/// Years from `start` to `end` by the calendar rule of the module docs: whole anniversaries plus the
/// elapsed share, in days, of the year after the last one (negative when `end` is before `start`).
pub fn duration_years(start: Day, end: Day) -> f64 {
    let e = end.to_epoch_days();
    let mut k = i64::from(end.year() - start.year());
    if anniversary(start, k) > e {
        k -= 1;
    }
    let a = anniversary(start, k);
    let b = anniversary(start, k + 1);
    k as f64 + (e - a) as f64 / (b - a) as f64
}

/// What one link contributes to a survival analysis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LinkOutcome {
    /// The history does not start with `established`: left out.
    Undated,
    /// Established after `as_of`: left out.
    NotYetEstablished { established: PartialDate },
    /// Ended by `as_of` (an observed event) after `years`.
    Ended {
        established: PartialDate,
        ended: PartialDate,
        years: f64,
    },
    /// Still not ended on `as_of`: censored after `years`.
    Censored {
        established: PartialDate,
        years: f64,
    },
}

/// How `p` enters a survival analysis with these ending event types, censored on `as_of`
/// (see the module docs).
pub fn link_outcome(p: &Partnership, ending: &[EventType], as_of: Day) -> LinkOutcome {
    outcome(&p.events, ending, as_of)
}

fn outcome<E: Dated>(events: &[E], ending: &[EventType], as_of: Day) -> LinkOutcome {
    let established = match events.first() {
        Some(e) if e.kind() == EventType::Established => e.date(),
        _ => return LinkOutcome::Undated,
    };
    let start = established.first_day();
    if start > as_of {
        return LinkOutcome::NotYetEstablished { established };
    }
    match events[1..].iter().find(|e| ending.contains(&e.kind())) {
        Some(e) if e.date().in_force_on(as_of) => LinkOutcome::Ended {
            established,
            ended: e.date(),
            years: duration_years(start, e.date().first_day()),
        },
        _ => LinkOutcome::Censored {
            established,
            years: duration_years(start, as_of),
        },
    }
}

/// One survival curve.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurvivalGroup {
    /// `all`, a kind, a region pair (`asia-pacific--europe`) or a decade (`1950s`); `unknown` for a
    /// link whose city is missing.
    pub group: String,
    /// Links in the group.
    pub links: u64,
    /// Links that ended by `as_of`.
    pub events: u64,
    /// Links censored on `as_of`.
    pub censored: u64,
    /// First time at which the survival estimate is at most 0.5; `null` when not reached.
    pub median_years: Option<f64>,
    /// Whether the survival estimate falls to 0.5 or below (lifelines' median is `inf` otherwise).
    pub median_reached: bool,
    /// The Kaplan–Meier table: a row at time 0, then one per distinct duration.
    pub table: Vec<SurvivalRow>,
}

/// A survival analysis (see the module docs for every definition).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurvivalReport {
    /// The censoring day.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2025-01-01"))]
    pub as_of: PartialDate,
    pub group_by: SurvivalGroupBy,
    /// Event types that end a link, sorted.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>, example = json!(["lapsed", "terminated"])))]
    pub ending: Vec<EventType>,
    /// Confidence level of the intervals (0.95).
    pub confidence_level: f64,
    /// Links in the sample (all groups).
    pub links: u64,
    /// Links left out because their history is undated (does not start with `established`).
    pub undated_links: u64,
    /// Links left out because they are established after `as_of`.
    pub not_yet_established: u64,
    /// One curve per group, in group order (kinds in declaration order, region pairs and decades
    /// ascending). No group when the sample is empty.
    pub groups: Vec<SurvivalGroup>,
}

/// Kaplan–Meier survival of the links of a [`LinkTable`] (see the module docs).
///
/// Errors: `invalid_parameter` when `ending` is empty or holds a type other than suspended,
/// lapsed, terminated.
pub fn survival(links: &LinkTable, q: &SurvivalQuery) -> Result<SurvivalReport, SurvivalError> {
    check_ending(&q.ending)?;
    let mut ending = q.ending.clone();
    ending.sort();
    ending.dedup();
    let mut groups: Interner<(Vec<f64>, Vec<f64>)> = Interner::new();
    let (mut undated, mut not_yet) = (0u64, 0u64);
    for link in links.links() {
        let (established, years, ended) = match outcome(link.events, &ending, q.as_of) {
            LinkOutcome::Undated => {
                undated += 1;
                continue;
            }
            LinkOutcome::NotYetEstablished { .. } => {
                not_yet += 1;
                continue;
            }
            LinkOutcome::Ended {
                established, years, ..
            } => (established, years, true),
            LinkOutcome::Censored { established, years } => (established, years, false),
        };
        let key = match (q.group_by, link.places) {
            (SurvivalGroupBy::None, _) => GroupKey::All,
            (SurvivalGroupBy::Kind, _) => GroupKey::Kind(link.kind),
            (SurvivalGroupBy::Decade, _) => {
                GroupKey::Decade(established.year_part().div_euclid(10) * 10)
            }
            (SurvivalGroupBy::RegionPair, Some([(_, a), (_, b)])) => GroupKey::region_pair(a, b),
            (SurvivalGroupBy::RegionPair, None) => GroupKey::Unknown,
        };
        let (ev, cens) = groups.entry(key, || (Vec::new(), Vec::new()));
        if ended {
            ev.push(years);
        } else {
            cens.push(years);
        }
    }
    let mut out = Vec::new();
    let mut links = 0u64;
    for (key, (ev, cens)) in groups.into_sorted() {
        let (e, c) = (ev.len() as u64, cens.len() as u64);
        links += e + c;
        let km = kaplan_meier(ev, cens)?;
        out.push(SurvivalGroup {
            group: key.to_string(),
            links: e + c,
            events: e,
            censored: c,
            median_reached: km.median_years.is_some(),
            median_years: km.median_years,
            table: km.rows,
        });
    }
    Ok(SurvivalReport {
        as_of: PartialDate::from(q.as_of),
        group_by: q.group_by,
        ending,
        confidence_level: 0.95,
        links,
        undated_links: undated,
        not_yet_established: not_yet,
        groups: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::lapses::tests::fixture;
    use crate::snapshot::Snapshot;

    fn day(s: &str) -> Day {
        s.parse::<PartialDate>().unwrap().first_day()
    }

    const CITIES: &str = "pa:FR:europe pr:CZ:europe bj:CN:asia-pacific tp:TW:asia-pacific ch:US:north-america dn:ZA:africa-middle-east";

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn durations_count_whole_calendar_years_and_day_shares() {
        assert_eq!(duration_years(day("1957"), day("2019")), 62.0);
        assert_eq!(
            duration_years(day("1957"), day("2019-10")),
            62.0 + 273.0 / 365.0
        );
        assert_eq!(
            duration_years(day("2000-03-15"), day("2001-03-14")),
            364.0 / 365.0
        );
        assert_eq!(duration_years(day("2000-03-15"), day("2001-03-15")), 1.0);
        // A leap-year share: 2003-07-01 -> 2004-07-01 is 366 days.
        assert_eq!(
            duration_years(day("2003-07-01"), day("2004-01-01")),
            184.0 / 366.0
        );
        // 29 February moves to 28 February in common years.
        assert_eq!(duration_years(day("2000-02-29"), day("2001-02-28")), 1.0);
        assert_eq!(duration_years(day("2000-02-29"), day("2004-02-29")), 4.0);
        assert_eq!(duration_years(day("2000-02-29"), day("2000-02-29")), 0.0);
        assert_eq!(duration_years(day("2019"), day("2018")), -1.0);
        // Monotone in the end day.
        let s = day("1999-12-31");
        let mut prev = -1.0;
        for k in 0..2000 {
            let d = duration_years(s, Day::from_epoch_days(s.to_epoch_days() + k));
            assert!(d > prev, "{k}");
            prev = d;
        }
    }

    #[test]
    fn kaplan_meier_handles_ties_and_censoring_at_the_last_time() {
        // lifelines: KaplanMeierFitter().fit([0,1,1,2,3,3,3], [0,1,0,1,1,0,0])
        let km = kaplan_meier(vec![1.0, 2.0, 3.0], vec![0.0, 1.0, 3.0, 3.0]).unwrap();
        let t: Vec<(f64, u64, u64, u64)> = km
            .rows
            .iter()
            .map(|r| (r.time_years, r.at_risk, r.events, r.censored))
            .collect();
        assert_eq!(
            t,
            vec![
                (0.0, 7, 0, 1),
                (1.0, 6, 1, 1),
                (2.0, 4, 1, 0),
                (3.0, 3, 1, 2)
            ]
        );
        let s: Vec<f64> = km.rows.iter().map(|r| r.survival).collect();
        for (a, b) in s.iter().zip([
            1.0,
            5.0 / 6.0,
            5.0 / 6.0 * 3.0 / 4.0,
            5.0 / 6.0 * 3.0 / 4.0 * 2.0 / 3.0,
        ]) {
            assert!(close(*a, b), "{a} vs {b}");
        }
        // Figures printed by lifelines 0.30.3 for the same sample.
        let lo = [1.0, 0.273123, 0.141853, 0.055992];
        let hi = [1.0, 0.974712, 0.893051, 0.766522];
        for (r, (l, h)) in km.rows.iter().zip(lo.iter().zip(hi)) {
            assert!(
                (r.ci_lower - l).abs() < 5e-7 && (r.ci_upper - h).abs() < 5e-7,
                "{r:?}"
            );
        }
        assert_eq!(km.median_years, Some(3.0));
    }

    #[test]
    fn kaplan_meier_median_at_exactly_one_half_and_not_reached() {
        let km = kaplan_meier(vec![2.0, 2.0, 4.0], vec![4.0]).unwrap();
        assert_eq!(km.rows[1].survival, 0.5);
        assert_eq!(km.median_years, Some(2.0));
        let km = kaplan_meier(vec![2.0], vec![3.0, 3.0]).unwrap();
        assert_eq!(km.median_years, None);
        // A single link that ends: the curve drops to 0 and the bounds are 0.
        let km = kaplan_meier(vec![5.0], vec![]).unwrap();
        let last = km.rows.last().unwrap();
        assert_eq!(
            (last.survival, last.ci_lower, last.ci_upper),
            (0.0, 0.0, 0.0)
        );
        assert_eq!(km.median_years, Some(5.0));
        let empty = kaplan_meier(vec![], vec![]).unwrap();
        assert_eq!(empty.rows.len(), 1);
        assert_eq!((empty.rows[0].at_risk, empty.rows[0].survival), (0, 1.0));
        assert!(kaplan_meier(vec![-1.0], vec![]).is_err());
        assert!(kaplan_meier(vec![], vec![f64::NAN]).is_err());
    }

    #[test]
    fn outcomes_follow_the_ending_set_and_as_of() {
        let snap = fixture(
            CITIES,
            "pa~pr: established 1957, suspended 2010-03, resumed 2011, lapsed 2019-10
             pa~bj: terminated 2001
             tp~ch: established 2030
             bj~tp: established 1990-06-14",
        );
        let p = |id: &str| snap.partnership(id).unwrap().clone();
        let as_of = day("2024-06-01");
        match link_outcome(&p("l0"), &DEFAULT_ENDING, as_of) {
            LinkOutcome::Ended { years, ended, .. } => {
                assert_eq!(years, 62.0 + 273.0 / 365.0);
                assert_eq!(ended.to_string(), "2019-10");
            }
            other => panic!("{other:?}"),
        }
        // With suspension as an end the link ends at its first suspension.
        let with_susp = parse_ending("suspended,lapsed").unwrap();
        assert!(
            matches!(link_outcome(&p("l0"), &with_susp, as_of), LinkOutcome::Ended { years, .. } if years == 53.0 + 59.0 / 365.0)
        );
        // Before the lapse is in force it is censored on as_of.
        assert!(
            matches!(link_outcome(&p("l0"), &DEFAULT_ENDING, day("2019-09-30")), LinkOutcome::Censored { years, .. } if years == 62.0 + 272.0 / 365.0)
        );
        assert_eq!(
            link_outcome(&p("l1"), &DEFAULT_ENDING, as_of),
            LinkOutcome::Undated
        );
        assert!(matches!(
            link_outcome(&p("l2"), &DEFAULT_ENDING, as_of),
            LinkOutcome::NotYetEstablished { .. }
        ));
        // Established on as_of: censored at 0.
        assert!(
            matches!(link_outcome(&p("l3"), &DEFAULT_ENDING, day("1990-06-14")), LinkOutcome::Censored { years, .. } if years == 0.0)
        );
    }

    #[test]
    fn the_table_gives_each_link_the_outcome_of_its_partnership() {
        let snap = fixture(
            CITIES,
            "pa~pr: established 1957, suspended 2010-03, resumed 2011, lapsed 2019-10
             pa~bj: terminated 2001
             tp~ch: established 2030
             bj~tp: established 1990-06-14, terminated 1990-06-14",
        );
        let table = LinkTable::new(&snap);
        let ending = parse_ending("suspended,terminated").unwrap();
        for as_of in ["1990-06-14", "2010-02-28", "2010-03-01", "2024"] {
            let from_table: Vec<LinkOutcome> = table
                .links()
                .map(|l| outcome(l.events, &ending, day(as_of)))
                .collect();
            let from_model: Vec<LinkOutcome> = snap
                .partnerships
                .values()
                .map(|p| link_outcome(p, &ending, day(as_of)))
                .collect();
            assert_eq!(from_table, from_model, "{as_of}");
        }
    }

    #[test]
    fn report_groups_and_counts_left_out_links() {
        let snap = fixture(
            CITIES,
            "pa~pr: established 1957, lapsed 1967
             pa~bj: established 1958, terminated 1968
             pr~bj: established 1951, lapsed 1971
             tp~ch: established 1960
             bj~tp: established 1985, lapsed 1995
             dn~ch: suspended 2001
             dn~pa: established 2030",
        );
        let r = survival(
            &LinkTable::new(&snap),
            &SurvivalQuery::new(SurvivalGroupBy::None, day("2000")),
        )
        .unwrap();
        assert_eq!((r.links, r.undated_links, r.not_yet_established), (5, 1, 1));
        assert_eq!(r.groups.len(), 1);
        let g = &r.groups[0];
        assert_eq!((g.group.as_str(), g.events, g.censored), ("all", 4, 1));
        let times: Vec<f64> = g.table.iter().map(|x| x.time_years).collect();
        assert_eq!(times, [0.0, 10.0, 20.0, 40.0]);
        // Ties at 10 (three links), then one at 20, and the last time holds the censored link only.
        let t: Vec<(u64, u64, u64)> = g
            .table
            .iter()
            .map(|x| (x.at_risk, x.events, x.censored))
            .collect();
        assert_eq!(t, [(5, 0, 0), (5, 3, 0), (2, 1, 0), (1, 0, 1)]);
        assert!(close(g.table[3].survival, 0.2));
        assert_eq!(g.median_years, Some(10.0));
        assert!(g.median_reached);

        let r = survival(
            &LinkTable::new(&snap),
            &SurvivalQuery::new(SurvivalGroupBy::Decade, day("2000")),
        )
        .unwrap();
        let names: Vec<&str> = r.groups.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(names, ["1950s", "1960s", "1980s"]);
        // A group with a single censored link: survival stays 1, the median is not reached.
        let g60 = &r.groups[1];
        assert_eq!(
            (g60.links, g60.median_years, g60.median_reached),
            (1, None, false)
        );
        assert_eq!(g60.table.last().unwrap().survival, 1.0);

        let r = survival(
            &LinkTable::new(&snap),
            &SurvivalQuery::new(SurvivalGroupBy::RegionPair, day("2000")),
        )
        .unwrap();
        let names: Vec<&str> = r.groups.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(
            names,
            [
                "asia-pacific--asia-pacific",
                "asia-pacific--europe",
                "asia-pacific--north-america",
                "europe--europe"
            ]
        );

        let mut q = SurvivalQuery::new(SurvivalGroupBy::Kind, day("1965"));
        q.ending = vec![EventType::Terminated, EventType::Lapsed, EventType::Lapsed];
        let r = survival(&LinkTable::new(&snap), &q).unwrap();
        assert_eq!(r.ending, DEFAULT_ENDING.to_vec());
        assert_eq!((r.links, r.not_yet_established), (4, 2));
        assert_eq!(r.groups[0].events, 0, "no end is in force on 1965-01-01");
    }

    #[test]
    fn rejects_bad_parameters() {
        assert_eq!(
            parse_ending("terminated, lapsed,suspended").unwrap(),
            [
                EventType::Suspended,
                EventType::Lapsed,
                EventType::Terminated
            ]
        );
        for bad in ["", "renewed", "lapsed,established", "Lapsed"] {
            assert_eq!(
                parse_ending(bad).unwrap_err().code(),
                "invalid_parameter",
                "{bad}"
            );
        }
        let mut q = SurvivalQuery::new(SurvivalGroupBy::None, day("2000"));
        q.ending = vec![];
        assert_eq!(
            survival(&LinkTable::default(), &q).unwrap_err().code(),
            "invalid_parameter"
        );
        assert_eq!(
            "region-pair".parse::<SurvivalGroupBy>().unwrap(),
            SurvivalGroupBy::RegionPair
        );
        assert!("country-pair".parse::<SurvivalGroupBy>().is_err());
        let empty = survival(
            &LinkTable::new(&Snapshot::default()),
            &SurvivalQuery::new(SurvivalGroupBy::None, day("2000")),
        )
        .unwrap();
        assert!(empty.groups.is_empty());
    }
}
