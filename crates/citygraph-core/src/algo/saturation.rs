//! Saturation of the network landscape: how many networks each city belongs to, how unequal that
//! is, and how much of each network's membership already sits in other networks; on one day or per
//! year.
//!
//! # Definitions
//!
//! - **Count of a city** `k(c)`: the number of *distinct networks* in which city `c` has at least one
//!   membership in force on the day ([`crate::model::Membership::in_force_on`]; two memberships of
//!   the same city in the same network count once).
//! - **Population** of a report: every city in the store that passes the filter's `region`,
//!   `country` and `network` restrictions ([`crate::algo::filter::Filter::city_included`]),
//!   **including cities with no membership** (`k(c) = 0`). A group is the part of the population
//!   with one region (`by=region`), one country (`by=country`), or the members of one network on the
//!   day (`by=network`, where every city has `k(c) >= 1`). Only groups with at least one city are
//!   listed.
//! - **Histogram**: `histogram[k]` = number of cities of the group with `k(c) = k`, for
//!   `k = 0..=max` (empty for an empty group).
//! - **Mean** `= Σ k(c) / n`; **median**: the middle value of the sorted counts, the mean of the two
//!   middle values when `n` is even; **Gini coefficient** with the counts sorted ascending
//!   `x_1 <= ... <= x_n` (1-based ranks):
//!   `G = (2 Σ_i i·x_i) / (n Σ_i x_i) − (n + 1) / n`, which equals the mean absolute difference
//!   over all ordered pairs divided by twice the mean, `Σ_i Σ_j |x_i − x_j| / (2 n² μ)`
//!   (population form, no `n/(n−1)` correction). 0 = every city in the same number of networks;
//!   it tends to 1 when one city holds every membership. Every figure is 0 for a group with no city,
//!   and `G = 0` when no city has a membership.
//! - **At least k**: for `k = 1..=5`, the number and share (`/ n`) of cities with `k(c) >= k`.
//! - **Per network** `N` (over the whole population): `members = |M(N)|`, and the members already in
//!   at least 1 and at least 3 *other* networks: `k(c) − 1 >= 1`, `k(c) − 1 >= 3`; shares divide by
//!   `members` (0 for a network with no member); `mean_other` is the mean of `k(c) − 1` over members.
//!
//! # Timeline
//!
//! The figures of year `Y` are read at the end of the year, on the day `Y-12-31`, after every
//! membership change dated in or before `Y` (the rule of every yearly series, as in
//! [`crate::algo::timeline`]): a membership that started in `Y` is counted in `Y`, one that ended
//! in `Y` is not. With year-only dates this is also the report for `as_of=Y` (`Y-01-01` under the
//! partial-date rule of [`crate::date`]); a date within the year (`Y-06`) counts from `Y` here,
//! from `Y + 1` there. A membership with an unknown start is
//! counted in every year before its end (it is known to exist, not since when), so undated data
//! raises early years; a membership whose end is unknown is counted up to the last year.

use serde::{Deserialize, Serialize};

use crate::algo::cancel::{Cancel, Cancelled};
use crate::algo::filter::Filter;
use crate::algo::overlap::{ratio, Incidence, MembershipIndex};
use crate::date::Day;
use crate::id::NetworkId;
use crate::snapshot::Snapshot;

/// The largest `k` of the "at least k networks" shares.
pub const AT_LEAST_MAX_K: u32 = 5;
/// The longest timeline, in years.
pub const MAX_TIMELINE_YEARS: i32 = 200;

/// Why a saturation query cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SaturationError {
    #[error("invalid year range {from}..{to}: years must be within 1..=9999 and from <= to")]
    InvalidRange { from: i32, to: i32 },
    #[error("the range covers {years} years; at most {max} are allowed")]
    RangeTooLong { years: i64, max: i32 },
    /// The computation was stopped through its [`Cancel`] handle.
    #[error(transparent)]
    Cancelled(#[from] Cancelled),
}

impl SaturationError {
    /// The stable snake_case code of this error, used in API error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            SaturationError::InvalidRange { .. } => "invalid_range",
            SaturationError::RangeTooLong { .. } => "range_too_long",
            SaturationError::Cancelled(c) => c.code(),
        }
    }
}

/// How cities are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// No groups: only the overall figures.
    #[default]
    None,
    /// One group per survey region (key: the region slug).
    Region,
    /// One group per country (key: the ISO 3166-1 alpha-2 code).
    Country,
    /// One group per network: its members on the day (key: the network id).
    Network,
}

impl GroupBy {
    /// The spelling used in query strings and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::None => "none",
            GroupBy::Region => "region",
            GroupBy::Country => "country",
            GroupBy::Network => "network",
        }
    }
}

impl std::str::FromStr for GroupBy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "none" => Ok(GroupBy::None),
            "region" => Ok(GroupBy::Region),
            "country" => Ok(GroupBy::Country),
            "network" => Ok(GroupBy::Network),
            _ => Err(format!(
                "unknown grouping {s:?}: expected none, region, country or network"
            )),
        }
    }
}

/// Cities in at least `k` networks.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AtLeast {
    /// The threshold, 1 to 5.
    pub k: u32,
    /// Cities with `k(c) >= k`.
    pub cities: u64,
    /// `cities / n` (0 for an empty group).
    pub share: f64,
}

/// Memberships per city in one group (see the module docs for every formula).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupSaturation {
    /// `all` for the overall figures; else the region slug, country code or network id.
    pub key: String,
    /// `n`: cities in the group, including those in no network.
    pub cities: u64,
    /// `Σ k(c)`: distinct (city, network) memberships in force.
    pub memberships: u64,
    /// `Σ k(c) / n`.
    pub mean: f64,
    /// Median of `k(c)` (mean of the two middle values when `n` is even).
    pub median: f64,
    /// Gini coefficient of `k(c)`: `(2 Σ i·x_i) / (n Σ x_i) − (n + 1) / n`, counts sorted ascending.
    pub gini: f64,
    /// `histogram[k]` = cities with exactly `k` networks, `k = 0..=max`.
    pub histogram: Vec<u64>,
    /// Cities in at least `k` networks, `k = 1..=5`.
    pub at_least: Vec<AtLeast>,
}

/// How much of a network's membership already sits in other networks.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkSaturation {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub network: NetworkId,
    pub name: String,
    /// Distinct member cities on the day, in the population.
    pub members: u64,
    /// Members in at least 1 other network (`k(c) − 1 >= 1`).
    pub in_other_1: u64,
    /// `in_other_1 / members` (0 when `members` is 0).
    pub share_in_other_1: f64,
    /// Members in at least 3 other networks (`k(c) − 1 >= 3`).
    pub in_other_3: u64,
    /// `in_other_3 / members` (0 when `members` is 0).
    pub share_in_other_3: f64,
    /// Mean of `k(c) − 1` over the members (0 when `members` is 0).
    pub mean_other: f64,
}

/// Saturation on one day.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SaturationReport {
    /// The day (`YYYY-MM-DD`).
    pub as_of: String,
    pub by: GroupBy,
    /// The whole population (key `all`).
    pub overall: GroupSaturation,
    /// One entry per non-empty group, in key order; empty when `by` is `none`.
    pub groups: Vec<GroupSaturation>,
    /// Every network in the store, in id order.
    pub networks: Vec<NetworkSaturation>,
}

/// The figures of one year of a timeline (taken on `YYYY-12-31`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SaturationYear {
    /// The year `Y`; figures are those of `Y-12-31`.
    pub year: i32,
    /// `YYYY-12-31`.
    pub as_of: String,
    pub overall: GroupSaturation,
    /// One entry per non-empty group, in key order; empty when `by` is `none`.
    pub groups: Vec<GroupSaturation>,
}

/// Saturation per year, `from..=to`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SaturationTimeline {
    /// First year.
    pub from: i32,
    /// Last year (included).
    pub to: i32,
    pub by: GroupBy,
    /// One entry per year, `from..=to`.
    pub years: Vec<SaturationYear>,
}

/// The value at 0-based rank `r` of the ascending sequence that `hist` describes.
fn nth(hist: &[u64], r: u64) -> u64 {
    let mut seen = 0;
    for (v, &h) in hist.iter().enumerate() {
        seen += h;
        if r < seen {
            return v as u64;
        }
    }
    unreachable!("rank {r} is below the total count {seen}")
}

/// All figures of a group from its histogram of counts.
fn summarise(key: String, mut hist: Vec<u64>) -> GroupSaturation {
    while hist.last() == Some(&0) {
        hist.pop();
    }
    let n: u64 = hist.iter().sum();
    let total: u64 = hist.iter().enumerate().map(|(v, &h)| v as u64 * h).sum();
    let (mean, median, gini) = if n == 0 {
        (0.0, 0.0, 0.0)
    } else {
        let median = (nth(&hist, (n - 1) / 2) + nth(&hist, n / 2)) as f64 / 2.0;
        // Σ i·x_i over 1-based ranks: value v holds ranks r+1..=r+h.
        let mut weighted: i128 = 0;
        let mut r: i128 = 0;
        for (v, &h) in hist.iter().enumerate() {
            let h = i128::from(h);
            weighted += v as i128 * (h * r + h * (h + 1) / 2);
            r += h;
        }
        let (n_i, s_i) = (i128::from(n), i128::from(total));
        let gini = if total == 0 {
            0.0
        } else {
            (2 * weighted - (n_i + 1) * s_i) as f64 / (n as f64 * total as f64)
        };
        (total as f64 / n as f64, median, gini)
    };
    let at_least = (1..=AT_LEAST_MAX_K)
        .map(|k| {
            let cities: u64 = hist.iter().skip(k as usize).sum();
            AtLeast {
                k,
                cities,
                share: ratio(cities, n),
            }
        })
        .collect();
    GroupSaturation {
        key,
        cities: n,
        memberships: total,
        mean,
        median,
        gini,
        histogram: hist,
        at_least,
    }
}

fn bump(hist: &mut Vec<u64>, k: usize) {
    if hist.len() <= k {
        hist.resize(k + 1, 0);
    }
    hist[k] += 1;
}

/// Static grouping of cities (region, country): sorted keys and the group of each city.
struct Groups {
    keys: Vec<String>,
    of_city: Vec<u32>,
}

fn static_groups(index: &MembershipIndex, by: GroupBy) -> Option<Groups> {
    // An ordinal whose order is the order of the keys' strings: the region's (declaration order
    // is alphabetical), or the two letters of the country code.
    let ordinal = |c: usize| -> u16 {
        match by {
            GroupBy::Region => index.city_region(c) as u16,
            _ => {
                let code = index.city_country(c);
                let b = code.as_str().as_bytes();
                (u16::from(b[0]) << 8) | u16::from(b[1])
            }
        }
    };
    let label = |c: usize| -> String {
        match by {
            GroupBy::Region => index.city_region(c).as_str().to_owned(),
            _ => index.city_country(c).as_str().to_owned(),
        }
    };
    if !matches!(by, GroupBy::Region | GroupBy::Country) {
        return None;
    }
    let mut slots: Vec<(u16, usize)> = Vec::new();
    let mut seen = vec![false; 1 << 16];
    for c in 0..index.cities() {
        let o = ordinal(c);
        if !seen[usize::from(o)] {
            seen[usize::from(o)] = true;
            slots.push((o, c));
        }
    }
    slots.sort_unstable();
    let of_city = (0..index.cities())
        .map(|c| {
            slots
                .binary_search_by_key(&ordinal(c), |s| s.0)
                .expect("slot collected above") as u32
        })
        .collect();
    Some(Groups {
        keys: slots.iter().map(|&(_, c)| label(c)).collect(),
        of_city,
    })
}

fn figures(
    index: &MembershipIndex,
    inc: &Incidence,
    by: GroupBy,
    groups: Option<&Groups>,
) -> (GroupSaturation, Vec<GroupSaturation>) {
    let mut overall = Vec::new();
    let mut per_group: Vec<Vec<u64>> =
        groups.map_or_else(Vec::new, |g| vec![Vec::new(); g.keys.len()]);
    for c in 0..index.cities() {
        if !inc.admitted[c] {
            continue;
        }
        let k = inc.degree(c);
        bump(&mut overall, k);
        if let Some(g) = groups {
            bump(&mut per_group[g.of_city[c] as usize], k);
        }
    }
    let groups_out = match (by, groups) {
        (GroupBy::Network, _) => (0..index.networks())
            .filter(|&n| !inc.members_of(n).is_empty())
            .map(|n| {
                let mut hist = Vec::new();
                for &c in inc.members_of(n) {
                    bump(&mut hist, inc.degree(c as usize));
                }
                summarise(index.network_id(n).to_string(), hist)
            })
            .collect(),
        (_, Some(g)) => g
            .keys
            .iter()
            .zip(per_group)
            .filter(|(_, h)| h.iter().any(|&x| x > 0))
            .map(|(k, h)| summarise(k.clone(), h))
            .collect(),
        (_, None) => Vec::new(),
    };
    (summarise("all".to_owned(), overall), groups_out)
}

/// Memberships per city on `filter.as_of`: overall, per group (`by`) and per network. See the
/// module docs for the population and every formula. Builds a [`MembershipIndex`] first
/// (`O(cities + memberships)`); use [`saturation_in`] to reuse one.
pub fn saturation(snap: &Snapshot, filter: &Filter, by: GroupBy) -> SaturationReport {
    saturation_in(&MembershipIndex::new(snap), filter, by)
}

/// [`saturation`] over a prebuilt index. Cost `O(cities + memberships)`.
pub fn saturation_in(index: &MembershipIndex, filter: &Filter, by: GroupBy) -> SaturationReport {
    let inc = index.at(filter, filter.as_of);
    let groups = static_groups(index, by);
    let (overall, groups) = figures(index, &inc, by, groups.as_ref());
    let networks = (0..index.networks())
        .map(|n| {
            let members = inc.members_of(n);
            let (mut one, mut three, mut other_sum) = (0u64, 0u64, 0u64);
            for &c in members {
                let other = inc.degree(c as usize) as u64 - 1;
                other_sum += other;
                one += u64::from(other >= 1);
                three += u64::from(other >= 3);
            }
            let m = members.len() as u64;
            NetworkSaturation {
                network: index.network_id(n).clone(),
                name: index.network_name(n).to_owned(),
                members: m,
                in_other_1: one,
                share_in_other_1: ratio(one, m),
                in_other_3: three,
                share_in_other_3: ratio(three, m),
                mean_other: ratio(other_sum, m),
            }
        })
        .collect();
    SaturationReport {
        as_of: filter.as_of.to_string(),
        by,
        overall,
        groups,
        networks,
    }
}

/// The overall and grouped figures of [`saturation`] for each year `from..=to`, each taken on
/// `YYYY-12-31` (see the module docs for why, and for how undated memberships count).
/// `filter.as_of` is not used: each year's day replaces it (also for the filter's network
/// restriction). Per-network figures are not repeated per year.
///
/// Errors: `invalid_range` (`from > to`, or a year outside 1..=9999), `range_too_long` (more than
/// [`MAX_TIMELINE_YEARS`] years). Builds a [`MembershipIndex`] first; use
/// [`saturation_timeline_in`] to reuse one.
pub fn saturation_timeline(
    snap: &Snapshot,
    filter: &Filter,
    by: GroupBy,
    from: i32,
    to: i32,
) -> Result<SaturationTimeline, SaturationError> {
    check_range(from, to)?;
    saturation_timeline_in(&MembershipIndex::new(snap), filter, by, from, to)
}

fn check_range(from: i32, to: i32) -> Result<(), SaturationError> {
    Day::new(from, 1, 1).map_err(|_| SaturationError::InvalidRange { from, to })?;
    Day::new(to, 1, 1).map_err(|_| SaturationError::InvalidRange { from, to })?;
    if from > to {
        return Err(SaturationError::InvalidRange { from, to });
    }
    let years = i64::from(to) - i64::from(from) + 1;
    if years > i64::from(MAX_TIMELINE_YEARS) {
        return Err(SaturationError::RangeTooLong {
            years,
            max: MAX_TIMELINE_YEARS,
        });
    }
    Ok(())
}

/// [`saturation_timeline`] over a prebuilt index. Cost `O(cities + memberships)` per year.
pub fn saturation_timeline_in(
    index: &MembershipIndex,
    filter: &Filter,
    by: GroupBy,
    from: i32,
    to: i32,
) -> Result<SaturationTimeline, SaturationError> {
    saturation_timeline_cancellable(index, filter, by, from, to, &Cancel::never())
}

/// [`saturation_timeline_in`], checking `cancel` once per year (counted as progress).
pub fn saturation_timeline_cancellable(
    index: &MembershipIndex,
    filter: &Filter,
    by: GroupBy,
    from: i32,
    to: i32,
    cancel: &Cancel,
) -> Result<SaturationTimeline, SaturationError> {
    check_range(from, to)?;
    let groups = static_groups(index, by);
    cancel.add_work((to - from + 1) as u64);
    let years = (from..=to)
        .map(|year| {
            cancel.advance(1)?;
            let day = Day::new(year, 12, 31).expect("checked range");
            let inc = index.at(filter, day);
            let (overall, groups) = figures(index, &inc, by, groups.as_ref());
            Ok(SaturationYear {
                year,
                as_of: day.to_string(),
                overall,
                groups,
            })
        })
        .collect::<Result<_, Cancelled>>()?;
    Ok(SaturationTimeline {
        from,
        to,
        by,
        years,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::overlap::tests::{day, fixture, NETS};
    use crate::id::Region;

    /// The Gini coefficient by its pairwise definition, for checking.
    fn gini_pairwise(x: &[u64]) -> f64 {
        let n = x.len() as f64;
        let s: u64 = x.iter().sum();
        if x.is_empty() || s == 0 {
            return 0.0;
        }
        let mut d = 0u64;
        for a in x {
            for b in x {
                d += a.abs_diff(*b);
            }
        }
        d as f64 / (2.0 * n * s as f64)
    }

    fn hist_of(x: &[u64]) -> Vec<u64> {
        let mut h = Vec::new();
        for &v in x {
            bump(&mut h, v as usize);
        }
        h
    }

    #[test]
    fn summary_figures_follow_their_definitions() {
        for x in [
            vec![0, 0, 0],
            vec![1, 1, 1, 1],
            vec![0, 0, 0, 7],
            vec![3, 1, 4, 1, 5, 9, 2, 6],
            vec![0, 2, 2, 5, 0, 1],
        ] {
            let g = summarise("k".into(), hist_of(&x));
            let mut s = x.clone();
            s.sort_unstable();
            let n = s.len();
            let median = (s[(n - 1) / 2] + s[n / 2]) as f64 / 2.0;
            assert_eq!(g.median, median, "{x:?}");
            assert!(
                (g.gini - gini_pairwise(&x)).abs() < 1e-12,
                "{x:?}: {} vs {}",
                g.gini,
                gini_pairwise(&x)
            );
            assert_eq!(g.mean, x.iter().sum::<u64>() as f64 / n as f64);
            assert_eq!(g.histogram.iter().sum::<u64>(), n as u64);
            for a in &g.at_least {
                assert_eq!(
                    a.cities,
                    x.iter().filter(|&&v| v >= u64::from(a.k)).count() as u64
                );
            }
        }
        // One city holds every membership among four: G = 3/4.
        assert_eq!(summarise("k".into(), hist_of(&[0, 0, 0, 7])).gini, 0.75);
        let empty = summarise("k".into(), Vec::new());
        assert_eq!(
            (empty.cities, empty.mean, empty.median, empty.gini),
            (0, 0.0, 0.0, 0.0)
        );
        assert!(empty.histogram.is_empty());
        assert_eq!(empty.at_least.len(), 5);
    }

    #[test]
    fn counts_distinct_networks_per_city_including_cities_in_none() {
        // 2015: a {n1,n2} (two memberships of n1), b {n1,n2}, c {n1,n3}, d {} (left n2 in 2010),
        // e {n1,n2,n3} (ghost only from 2030), f {n3}.
        let snap = fixture(NETS);
        let r = saturation(&snap, &Filter::on(day("2015")), GroupBy::None);
        assert_eq!(r.overall.cities, 6);
        assert_eq!(r.overall.histogram, vec![1, 1, 3, 1]);
        assert_eq!(r.overall.memberships, 10);
        assert_eq!(r.overall.median, 2.0);
        assert!(r.groups.is_empty());
        let x = [2, 2, 2, 0, 3, 1];
        assert!((r.overall.gini - gini_pairwise(&x)).abs() < 1e-12);
        let shares: Vec<f64> = r.overall.at_least.iter().map(|a| a.share).collect();
        assert_eq!(shares, vec![5.0 / 6.0, 4.0 / 6.0, 1.0 / 6.0, 0.0, 0.0]);
        let n1 = r
            .networks
            .iter()
            .find(|n| n.network.as_str() == "n1")
            .unwrap();
        // n1 = {a, b, c, e}: all in >= 1 other network; none in >= 3 others (e is in 2 others).
        assert_eq!(
            (
                n1.members,
                n1.in_other_1,
                n1.in_other_3,
                n1.share_in_other_1
            ),
            (4, 4, 0, 1.0)
        );
        assert_eq!(n1.mean_other, 5.0 / 4.0);
        let n3 = r
            .networks
            .iter()
            .find(|n| n.network.as_str() == "n3")
            .unwrap();
        assert_eq!((n3.members, n3.in_other_1), (3, 2), "f is only in n3");
        let ghost = r
            .networks
            .iter()
            .find(|n| n.network.as_str() == "ghost")
            .unwrap();
        assert_eq!(
            (ghost.members, ghost.share_in_other_1, ghost.mean_other),
            (0, 0.0, 0.0)
        );
    }

    #[test]
    fn groups_by_region_country_and_network() {
        let snap = fixture(NETS);
        let f = Filter::on(day("2015"));
        let r = saturation(&snap, &f, GroupBy::Region);
        let keys: Vec<&str> = r.groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, vec!["asia-pacific", "europe"]);
        assert_eq!((r.groups[0].cities, r.groups[1].cities), (1, 5));
        assert_eq!(r.groups[1].histogram, vec![1, 0, 3, 1]);
        let r = saturation(&snap, &f, GroupBy::Country);
        let keys: Vec<(&str, u64)> = r
            .groups
            .iter()
            .map(|g| (g.key.as_str(), g.cities))
            .collect();
        assert_eq!(
            keys,
            vec![("DE", 1), ("ES", 1), ("FR", 2), ("IT", 1), ("JP", 1)]
        );
        let r = saturation(&snap, &f, GroupBy::Network);
        let keys: Vec<(&str, u64)> = r
            .groups
            .iter()
            .map(|g| (g.key.as_str(), g.cities))
            .collect();
        assert_eq!(
            keys,
            vec![("n1", 4), ("n2", 3), ("n3", 3)],
            "ghost has no member in 2015"
        );
        assert_eq!(r.groups[0].histogram, vec![0, 0, 3, 1]);
        // Restricting the population: Europe only.
        let mut f = Filter::on(day("2015"));
        f.region = Some(Region::Europe);
        let r = saturation(&snap, &f, GroupBy::None);
        assert_eq!(
            (r.overall.cities, r.overall.histogram.clone()),
            (5, vec![1, 0, 3, 1])
        );
        // Members of n3 only: c, e, f.
        let mut f = Filter::on(day("2015"));
        f.network = Some(NetworkId::new("n3").unwrap());
        let r = saturation(&snap, &f, GroupBy::None);
        assert_eq!(
            (r.overall.cities, r.overall.histogram.clone()),
            (3, vec![0, 1, 1, 1])
        );
    }

    #[test]
    fn timeline_years_match_single_day_reports() {
        let snap = fixture(NETS);
        let t = saturation_timeline(&snap, &Filter::on(day("1800")), GroupBy::Region, 1998, 2031)
            .unwrap();
        assert_eq!(t.years.len(), 34);
        for y in &t.years {
            // Year-only dates: the end of the year reads as `as_of=Y` does.
            let r = saturation(
                &snap,
                &Filter::on(day(&y.year.to_string())),
                GroupBy::Region,
            );
            assert_eq!(y.as_of, format!("{}-12-31", y.year));
            assert_eq!(y.overall, r.overall, "{}", y.year);
            assert_eq!(y.groups, r.groups, "{}", y.year);
        }
        // 1998: only c's undated membership of n3. 2010: d has left n2. 2030: e joins ghost.
        assert_eq!(t.years[0].overall.memberships, 1);
        let y = |year: i32| &t.years[(year - 1998) as usize].overall;
        assert_eq!(y(2009).memberships, y(2010).memberships + 1);
        assert_eq!(y(2030).memberships, y(2029).memberships + 1);
        assert_eq!(y(2030).histogram, vec![1, 1, 3, 0, 1]);
    }

    #[test]
    fn timeline_rejects_bad_ranges() {
        let snap = fixture(NETS);
        let f = Filter::on(day("2000"));
        let code = |a, b| {
            saturation_timeline(&snap, &f, GroupBy::None, a, b)
                .unwrap_err()
                .code()
        };
        assert_eq!(code(2010, 2000), "invalid_range");
        assert_eq!(code(0, 2000), "invalid_range");
        assert_eq!(code(1700, 2000), "range_too_long");
        assert!(saturation_timeline(&snap, &f, GroupBy::None, 1801, 2000).is_ok());
    }
}
