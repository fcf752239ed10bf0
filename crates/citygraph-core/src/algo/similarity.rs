//! City similarity (portfolios of networks or of partners) and network recommendations.
//!
//! # Portfolios
//!
//! The portfolio `I(c)` of a city on day `d` (the filter's `as_of`) is a set:
//! - `by=networks`: the distinct networks in which `c` has a membership in force on `d`
//!   ([`crate::model::Membership::in_force_on`]);
//! - `by=partners`: the distinct cities linked to `c` by a partnership whose status on `d` is
//!   `active` ([`crate::model::Partnership::status_on`]; suspended, lapsed, terminated and
//!   not-yet-established links do not count), of the filter's `kind` if one is given, and whose
//!   other city passes the filter.
//!
//! The filter's `region`, `country` and `network` restrictions choose the cities compared with `c`
//! (and, by partners, the partners counted); the city asked about is always taken as it is.
//!
//! # Scores
//!
//! For a candidate `x ≠ c` with `shared = |I(c) ∩ I(x)| >= 1`:
//! `jaccard = shared / |I(c) ∪ I(x)|`, `overlap = shared / min(|I(c)|, |I(x)|)`. Cities that share
//! nothing with `c` are not candidates. Results are ordered by score descending, then `shared`
//! descending, then city id ascending.
//!
//! # Network recommendations
//!
//! The neighbours of `c` are its `neighbours` most similar cities by networks and Jaccard (the order
//! above). A network `N` that `c` is not a member of on `d` is scored
//! `score(N) = Σ_{x ∈ neighbours, N ∈ I(x)} sim(c, x) / Σ_{x ∈ neighbours} sim(c, x)`:
//! the similarity-weighted share of the neighbours that are members of `N`, in `[0, 1]`.
//! Networks are ordered by score descending, then by the number of supporting neighbours
//! descending, then by id ascending. A city with no membership on `d` has no neighbours and gets an
//! empty list. A network the city left before `d` can be recommended again.

use serde::{Deserialize, Serialize};

use crate::algo::filter::Filter;
use crate::algo::overlap::{ratio, CityRef, Gate, IdMap, Incidence, MembershipIndex};
use crate::id::{CityId, NetworkId};
use crate::model::{City, Status};
use crate::snapshot::Snapshot;

/// How many neighbours [`recommend_networks`] uses unless told otherwise.
pub const DEFAULT_NEIGHBOURS: usize = 25;

/// Why a similarity query cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SimilarityError {
    #[error("city {0} does not exist")]
    CityNotFound(String),
}

impl SimilarityError {
    /// The stable snake_case code of this error, used in API error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            SimilarityError::CityNotFound(_) => "city_not_found",
        }
    }
}

/// What a city's portfolio is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SimilarityBasis {
    /// Networks the city is a member of on `as_of`.
    #[default]
    Networks,
    /// Cities the city has an active partnership with on `as_of`.
    Partners,
}

impl SimilarityBasis {
    /// The spelling used in query strings and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SimilarityBasis::Networks => "networks",
            SimilarityBasis::Partners => "partners",
        }
    }
}

impl std::str::FromStr for SimilarityBasis {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "networks" => Ok(SimilarityBasis::Networks),
            "partners" => Ok(SimilarityBasis::Partners),
            _ => Err(format!(
                "unknown similarity basis {s:?}: expected networks or partners"
            )),
        }
    }
}

/// A similarity of two sets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SetMeasure {
    /// `|A ∩ B| / |A ∪ B|`.
    #[default]
    Jaccard,
    /// `|A ∩ B| / min(|A|, |B|)`.
    Overlap,
}

impl SetMeasure {
    /// The spelling used in query strings and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SetMeasure::Jaccard => "jaccard",
            SetMeasure::Overlap => "overlap",
        }
    }
    fn score(self, shared: u64, a: u64, b: u64) -> f64 {
        match self {
            SetMeasure::Jaccard => ratio(shared, a + b - shared),
            SetMeasure::Overlap => ratio(shared, a.min(b)),
        }
    }
}

impl std::str::FromStr for SetMeasure {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "jaccard" => Ok(SetMeasure::Jaccard),
            "overlap" => Ok(SetMeasure::Overlap),
            _ => Err(format!(
                "unknown measure {s:?}: expected jaccard or overlap"
            )),
        }
    }
}

/// What [`similar_cities`] computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SimilarQuery {
    pub by: SimilarityBasis,
    pub measure: SetMeasure,
    /// How many cities to return.
    pub top: usize,
}

impl Default for SimilarQuery {
    fn default() -> Self {
        SimilarQuery {
            by: SimilarityBasis::Networks,
            measure: SetMeasure::Jaccard,
            top: 10,
        }
    }
}

/// A city similar to the one asked about.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SimilarCity {
    pub city: CityRef,
    /// The measure's value (see the module docs).
    pub score: f64,
    /// `|I(c) ∩ I(x)|`.
    pub shared: u64,
    /// `|I(x)|`: the size of this city's own portfolio.
    pub items: u64,
    /// The shared networks (ids) or partner cities (ids), in id order.
    pub shared_items: Vec<String>,
}

/// The cities most similar to one city.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SimilarCities {
    pub city: CityRef,
    /// The day (`YYYY-MM-DD`).
    pub as_of: String,
    pub by: SimilarityBasis,
    pub measure: SetMeasure,
    /// `|I(c)|`: the size of the city's own portfolio.
    pub items: u64,
    /// Cities sharing at least one item with the city (before `top` is applied).
    pub candidates: u64,
    /// The best `top`: score descending, then shared descending, then id ascending.
    pub similar: Vec<SimilarCity>,
}

/// What [`recommend_networks`] computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecommendQuery {
    /// How many networks to return.
    pub top: usize,
    /// How many most similar cities (by networks, Jaccard) vote.
    pub neighbours: usize,
}

impl Default for RecommendQuery {
    fn default() -> Self {
        RecommendQuery {
            top: 10,
            neighbours: DEFAULT_NEIGHBOURS,
        }
    }
}

/// A neighbour that is a member of a recommended network.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Supporter {
    pub city: CityRef,
    /// Its Jaccard similarity to the city, by networks.
    pub similarity: f64,
}

/// A network recommended to a city.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkRecommendation {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub network: NetworkId,
    pub name: String,
    /// `Σ sim(c, x)` over the neighbours that are members, divided by `Σ sim(c, x)` over all
    /// neighbours; in `[0, 1]`.
    pub score: f64,
    /// How many neighbours are members.
    pub support: u64,
    /// Those neighbours, most similar first (similarity descending, then id).
    pub explained_by: Vec<Supporter>,
}

/// Networks recommended to a city.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkRecommendations {
    pub city: CityRef,
    /// The day (`YYYY-MM-DD`).
    pub as_of: String,
    /// The networks the city is a member of on `as_of` (never recommended), in id order.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub member_of: Vec<NetworkId>,
    /// The neighbours that voted (the most similar cities by networks, Jaccard).
    pub neighbours: Vec<SimilarCity>,
    /// The best `top` networks: score descending, then support descending, then id ascending.
    pub recommendations: Vec<NetworkRecommendation>,
}

/// A scored candidate: (score, shared, |I(x)|, key).
type Scored<K> = (f64, u64, u64, K);

/// Result order: score descending, then shared descending, then `id` ascending.
fn rank<'k, K>(v: &mut [Scored<K>], id: impl Fn(&K) -> &'k str) {
    v.sort_unstable_by(|p, q| {
        q.0.total_cmp(&p.0)
            .then(q.1.cmp(&p.1))
            .then_with(|| id(&p.3).cmp(id(&q.3)))
    });
}

fn find_city<'a>(snap: &'a Snapshot, city: &str) -> Result<&'a City, SimilarityError> {
    snap.city(city)
        .map(|c| &**c)
        .ok_or_else(|| SimilarityError::CityNotFound(city.to_owned()))
}

fn city_ref(snap: &Snapshot, id: &str) -> CityRef {
    CityRef::of(snap.city(id).expect("ids come from the same snapshot"))
}

/// Portfolios by networks, from the membership index.
struct ByNetworks<'i> {
    index: &'i MembershipIndex,
    inc: Incidence,
    /// The city asked about (`None` if the index does not know it).
    me: Option<usize>,
    /// Its networks (indices, ascending).
    mine: Vec<u32>,
}

impl<'i> ByNetworks<'i> {
    fn new(index: &'i MembershipIndex, filter: &Filter, city: &str) -> ByNetworks<'i> {
        let me = index.city_index(city);
        let mine = me.map_or_else(Vec::new, |c| index.networks_of_at(c, filter.as_of));
        ByNetworks {
            index,
            inc: index.at(filter, filter.as_of),
            me,
            mine,
        }
    }

    /// Every admitted city sharing a network with the city, scored, in result order.
    fn ranked(&self, measure: SetMeasure) -> Vec<Scored<u32>> {
        let mut count: Vec<u32> = Vec::new();
        let mut touched: Vec<u32> = Vec::new();
        if !self.mine.is_empty() {
            count = vec![0; self.index.cities()];
        }
        for &n in &self.mine {
            for &x in self.inc.members_of(n as usize) {
                if Some(x as usize) != self.me {
                    if count[x as usize] == 0 {
                        touched.push(x);
                    }
                    count[x as usize] += 1;
                }
            }
        }
        let a = self.mine.len() as u64;
        let mut out: Vec<Scored<u32>> = touched
            .into_iter()
            .map(|x| {
                let shared = u64::from(count[x as usize]);
                let b = self.inc.degree(x as usize) as u64;
                (measure.score(shared, a, b), shared, b, x)
            })
            .collect();
        rank(&mut out, |&x| self.index.city_id(x as usize));
        out
    }

    fn describe(&self, snap: &Snapshot, (score, shared, items, x): Scored<u32>) -> SimilarCity {
        let theirs = self.inc.nets_of(x as usize);
        let shared_items: Vec<String> = self
            .mine
            .iter()
            .filter(|n| theirs.binary_search(n).is_ok())
            .map(|&n| self.index.network_id(n as usize).to_string())
            .collect();
        debug_assert_eq!(shared_items.len() as u64, shared);
        SimilarCity {
            city: city_ref(snap, self.index.city_id(x as usize)),
            score,
            shared,
            items,
            shared_items,
        }
    }
}

/// Portfolios by partners, read from the snapshot's link lists.
struct ByPartners<'a, 'g> {
    snap: &'a Snapshot,
    filter: &'g Filter,
    gate: Gate<'a>,
    /// Whether the filter restricts cities at all (if not, no city needs looking up).
    open: bool,
    /// Always count portfolio sizes with one pass over all partnerships (tests both ways).
    force_scan: bool,
}

/// How many tree searches one sequential pass over all partnerships is worth (see
/// `ByPartners::portfolio_sizes`).
const SCAN_RATIO: usize = 8;

impl<'a> ByPartners<'a, '_> {
    fn admits(&self, city: &CityId) -> bool {
        self.open
            || self
                .snap
                .cities
                .get(city)
                .is_some_and(|c| self.gate.admits(c))
    }

    /// Distinct admitted cities with an active link to `city`, in id order.
    fn partners(&self, city: &str) -> Vec<&'a str> {
        let mut out: Vec<&'a str> = self
            .snap
            .partnerships_of(city)
            .filter(|p| self.filter.partnership_status(p) == Some(Status::Active))
            .map(|p| {
                if p.cities[0].as_str() == city {
                    &p.cities[1]
                } else {
                    &p.cities[0]
                }
            })
            .filter(|other| self.admits(other))
            .map(|other| other.as_str())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    fn ranked(&self, city: &str, mine: &[&'a str], measure: SetMeasure) -> Vec<Scored<&'a str>> {
        let mut counts: IdMap<'a, u64> = IdMap::default();
        for &p in mine {
            for x in self.partners(p) {
                if x != city {
                    *counts.entry(x).or_insert(0) += 1;
                }
            }
        }
        let mut candidates: Vec<(&'a str, u64)> = counts.into_iter().collect();
        candidates.sort_unstable();
        let sizes = self.portfolio_sizes(&candidates);
        let a = mine.len() as u64;
        let mut out: Vec<Scored<&'a str>> = candidates
            .into_iter()
            .zip(sizes)
            .map(|((x, shared), b)| (measure.score(shared, a, b), shared, b, x))
            .collect();
        rank(&mut out, |x| *x);
        out
    }

    /// `|I(x)|` for each candidate (sorted by id). Looking up every link of every candidate costs
    /// a tree search per link; when that adds up to more than a pass over all partnerships (a
    /// well-twinned city has thousands of candidates), one sequential pass counts them instead.
    fn portfolio_sizes(&self, candidates: &[(&'a str, u64)]) -> Vec<u64> {
        let links: usize = candidates
            .iter()
            .map(|(x, _)| self.snap.links_of.get(*x).map_or(0, |s| s.len()))
            .sum();
        if !self.force_scan && links.saturating_mul(SCAN_RATIO) <= self.snap.partnerships.len() {
            candidates
                .iter()
                .map(|(x, _)| self.partners(x).len() as u64)
                .collect()
        } else {
            self.portfolio_sizes_by_scan(candidates)
        }
    }

    fn portfolio_sizes_by_scan(&self, candidates: &[(&'a str, u64)]) -> Vec<u64> {
        let index: IdMap<'a, usize> = candidates
            .iter()
            .enumerate()
            .map(|(i, (x, _))| (*x, i))
            .collect();
        let slot = |id: &str| index.get(id).copied();
        let mut pairs: Vec<(usize, &'a str)> = Vec::new();
        for p in self.snap.partnerships.values() {
            let (a, b) = (slot(p.cities[0].as_str()), slot(p.cities[1].as_str()));
            if (a.is_none() && b.is_none())
                || self.filter.partnership_status(p) != Some(Status::Active)
            {
                continue;
            }
            for (end, other) in [(a, &p.cities[1]), (b, &p.cities[0])] {
                if let Some(i) = end {
                    if self.admits(other) {
                        pairs.push((i, other.as_str()));
                    }
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut sizes = vec![0u64; candidates.len()];
        for (i, _) in pairs {
            sizes[i] += 1;
        }
        sizes
    }

    fn describe(&self, mine: &[&str], (score, shared, items, x): Scored<&str>) -> SimilarCity {
        let theirs = self.partners(x);
        let shared_items: Vec<String> = mine
            .iter()
            .filter(|i| theirs.binary_search(i).is_ok())
            .map(|s| (*s).to_owned())
            .collect();
        debug_assert_eq!(shared_items.len() as u64, shared);
        SimilarCity {
            city: city_ref(self.snap, x),
            score,
            shared,
            items,
            shared_items,
        }
    }
}

/// The cities whose portfolios (by networks or by partners, on `filter.as_of`) are most similar to
/// `city`'s; see the module docs for portfolios, scores and order. A city with an empty portfolio
/// gets an empty list. Error: `city_not_found`.
///
/// By networks it builds a [`MembershipIndex`] first; use [`similar_cities_in`] to reuse one.
pub fn similar_cities(
    snap: &Snapshot,
    filter: &Filter,
    city: &str,
    query: &SimilarQuery,
) -> Result<SimilarCities, SimilarityError> {
    match query.by {
        SimilarityBasis::Networks => {
            similar_cities_in(snap, &MembershipIndex::new(snap), filter, city, query)
        }
        SimilarityBasis::Partners => similar_by_partners(snap, filter, city, query),
    }
}

/// [`similar_cities`] with a prebuilt index of the same snapshot (used by networks). Cost by
/// networks `O(cities + memberships)` for the day's incidence plus the members of the city's
/// networks; by partners, proportional to the links of the city's partners and of their partners,
/// plus either the links of every candidate or one pass over all partnerships, whichever is
/// cheaper.
pub fn similar_cities_in(
    snap: &Snapshot,
    index: &MembershipIndex,
    filter: &Filter,
    city: &str,
    query: &SimilarQuery,
) -> Result<SimilarCities, SimilarityError> {
    if query.by == SimilarityBasis::Partners {
        return similar_by_partners(snap, filter, city, query);
    }
    let me = find_city(snap, city)?;
    let nets = ByNetworks::new(index, filter, city);
    let ranked = nets.ranked(query.measure);
    Ok(SimilarCities {
        city: CityRef::of(me),
        as_of: filter.as_of.to_string(),
        by: query.by,
        measure: query.measure,
        items: nets.mine.len() as u64,
        candidates: ranked.len() as u64,
        similar: ranked
            .into_iter()
            .take(query.top)
            .map(|r| nets.describe(snap, r))
            .collect(),
    })
}

fn similar_by_partners(
    snap: &Snapshot,
    filter: &Filter,
    city: &str,
    query: &SimilarQuery,
) -> Result<SimilarCities, SimilarityError> {
    similar_by_partners_with(snap, filter, city, query, false)
}

fn similar_by_partners_with(
    snap: &Snapshot,
    filter: &Filter,
    city: &str,
    query: &SimilarQuery,
    force_scan: bool,
) -> Result<SimilarCities, SimilarityError> {
    let me = find_city(snap, city)?;
    let ctx = ByPartners {
        snap,
        filter,
        gate: Gate::new(snap, filter),
        open: filter.region.is_none() && filter.country.is_none() && filter.network.is_none(),
        force_scan,
    };
    let mine = ctx.partners(city);
    let ranked = ctx.ranked(city, &mine, query.measure);
    Ok(SimilarCities {
        city: CityRef::of(me),
        as_of: filter.as_of.to_string(),
        by: query.by,
        measure: query.measure,
        items: mine.len() as u64,
        candidates: ranked.len() as u64,
        similar: ranked
            .into_iter()
            .take(query.top)
            .map(|r| ctx.describe(&mine, r))
            .collect(),
    })
}

/// Networks that the cities most similar to `city` (by networks, Jaccard, on `filter.as_of`) belong
/// to and `city` does not; see the module docs for the score and order. A city with no membership
/// gets an empty list. Error: `city_not_found`.
///
/// Builds a [`MembershipIndex`] first; use [`recommend_networks_in`] to reuse one.
pub fn recommend_networks(
    snap: &Snapshot,
    filter: &Filter,
    city: &str,
    query: &RecommendQuery,
) -> Result<NetworkRecommendations, SimilarityError> {
    recommend_networks_in(snap, &MembershipIndex::new(snap), filter, city, query)
}

/// [`recommend_networks`] with a prebuilt index of the same snapshot. Cost
/// `O(cities + memberships)` for the day's incidence plus the members of the city's networks.
pub fn recommend_networks_in(
    snap: &Snapshot,
    index: &MembershipIndex,
    filter: &Filter,
    city: &str,
    query: &RecommendQuery,
) -> Result<NetworkRecommendations, SimilarityError> {
    let me = find_city(snap, city)?;
    let nets = ByNetworks::new(index, filter, city);
    let chosen: Vec<Scored<u32>> = nets
        .ranked(SetMeasure::Jaccard)
        .into_iter()
        .take(query.neighbours)
        .collect();
    let total: f64 = chosen.iter().map(|n| n.0).sum();
    // Votes per network index: (Σ similarity, supporters in neighbour order).
    let mut votes: Vec<(f64, Vec<usize>)> = vec![(0.0, Vec::new()); index.networks()];
    let mut voted: Vec<usize> = Vec::new();
    for (i, &(sim, _, _, x)) in chosen.iter().enumerate() {
        for &n in nets.inc.nets_of(x as usize) {
            if nets.mine.binary_search(&n).is_err() {
                let v = &mut votes[n as usize];
                if v.1.is_empty() {
                    voted.push(n as usize);
                }
                v.0 += sim;
                v.1.push(i);
            }
        }
    }
    let mut ranked: Vec<(usize, f64, Vec<usize>)> = if total > 0.0 {
        voted
            .into_iter()
            .map(|n| {
                let (sum, who) = std::mem::take(&mut votes[n]);
                (n, sum / total, who)
            })
            .collect()
    } else {
        Vec::new()
    };
    ranked.sort_unstable_by(|p, q| {
        q.1.total_cmp(&p.1)
            .then(q.2.len().cmp(&p.2.len()))
            .then(p.0.cmp(&q.0))
    });
    let neighbours: Vec<SimilarCity> = chosen.into_iter().map(|r| nets.describe(snap, r)).collect();
    let recommendations = ranked
        .into_iter()
        .take(query.top)
        .map(|(n, score, who)| NetworkRecommendation {
            network: index.network_id(n).clone(),
            name: index.network_name(n).to_owned(),
            score,
            support: who.len() as u64,
            explained_by: who
                .into_iter()
                .map(|i| Supporter {
                    city: neighbours[i].city.clone(),
                    similarity: neighbours[i].score,
                })
                .collect(),
        })
        .collect();
    Ok(NetworkRecommendations {
        city: CityRef::of(me),
        as_of: filter.as_of.to_string(),
        member_of: nets
            .mine
            .iter()
            .map(|&n| index.network_id(n as usize).clone())
            .collect(),
        neighbours,
        recommendations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::overlap::tests::{day, fixture, NETS};

    fn names(v: &[SimilarCity]) -> Vec<(&str, f64, u64)> {
        v.iter()
            .map(|s| (s.city.id.as_str(), s.score, s.shared))
            .collect()
    }

    fn similar(
        text: &str,
        city: &str,
        by: SimilarityBasis,
        measure: SetMeasure,
        as_of: &str,
    ) -> SimilarCities {
        let snap = fixture(text);
        similar_cities(
            &snap,
            &Filter::on(day(as_of)),
            city,
            &SimilarQuery {
                by,
                measure,
                top: 10,
            },
        )
        .unwrap()
    }

    #[test]
    fn ranks_cities_by_shared_networks() {
        // 2015: a {n1,n2}, b {n1,n2}, c {n1,n3}, d {}, e {n1,n2,n3}, f {n3}.
        let r = similar(
            NETS,
            "a",
            SimilarityBasis::Networks,
            SetMeasure::Jaccard,
            "2015",
        );
        assert_eq!(r.items, 2);
        assert_eq!(
            names(&r.similar),
            vec![("b", 1.0, 2), ("e", 2.0 / 3.0, 2), ("c", 1.0 / 3.0, 1)]
        );
        assert_eq!(r.similar[1].shared_items, vec!["n1", "n2"]);
        assert_eq!(r.similar[1].items, 3);
        assert_eq!(r.candidates, 3);
        let r = similar(
            NETS,
            "a",
            SimilarityBasis::Networks,
            SetMeasure::Overlap,
            "2015",
        );
        assert_eq!(
            names(&r.similar),
            vec![("b", 1.0, 2), ("e", 1.0, 2), ("c", 0.5, 1)]
        );
        // Before 2010 d was in n2 too.
        let r = similar(
            NETS,
            "d",
            SimilarityBasis::Networks,
            SetMeasure::Jaccard,
            "2009",
        );
        assert_eq!(
            names(&r.similar),
            vec![("a", 0.5, 1), ("b", 0.5, 1), ("e", 1.0 / 3.0, 1)]
        );
        let r = similar(
            NETS,
            "d",
            SimilarityBasis::Networks,
            SetMeasure::Jaccard,
            "2015",
        );
        assert!(r.similar.is_empty() && r.items == 0);
    }

    #[test]
    fn ranks_cities_by_shared_partners() {
        let text = "
            city a FR europe; city b DE europe; city c IT europe; city x ES europe; city y PT europe; city z JP asia-pacific;
            link a x 1990; link a y 1990; link a z 1990;
            link b x 1990; link b y 1990; link b z 1990 2000;
            link c x 1990; link c z 1990;
        ";
        let r = similar(
            text,
            "a",
            SimilarityBasis::Partners,
            SetMeasure::Jaccard,
            "2015",
        );
        // b: {x, y} (its link to z lapsed), c: {x, z}; a: {x, y, z}.
        assert_eq!(
            names(&r.similar),
            vec![("b", 2.0 / 3.0, 2), ("c", 2.0 / 3.0, 2)]
        );
        assert_eq!(r.similar[1].shared_items, vec!["x", "z"]);
        let r = similar(
            text,
            "a",
            SimilarityBasis::Partners,
            SetMeasure::Jaccard,
            "1995",
        );
        assert_eq!(names(&r.similar), vec![("b", 1.0, 3), ("c", 2.0 / 3.0, 2)]);
        // The filter restricts partners and candidates: Europe only drops z.
        let snap = fixture(text);
        let mut f = Filter::on(day("1995"));
        f.region = Some(crate::id::Region::Europe);
        let r = similar_cities(
            &snap,
            &f,
            "a",
            &SimilarQuery {
                by: SimilarityBasis::Partners,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(r.items, 2);
        assert_eq!(names(&r.similar), vec![("b", 1.0, 2), ("c", 0.5, 1)]);
    }

    #[test]
    fn the_filter_chooses_candidates_but_not_the_city_asked_about() {
        let snap = fixture(NETS);
        let q = SimilarQuery::default();
        let mut f = Filter::on(day("2015"));
        f.region = Some(crate::id::Region::Europe);
        // f is in Asia: it is still compared, with European cities only.
        let r = similar_cities(&snap, &f, "f", &q).unwrap();
        assert_eq!(r.items, 1);
        assert_eq!(names(&r.similar), vec![("c", 0.5, 1), ("e", 1.0 / 3.0, 1)]);
        f.region = Some(crate::id::Region::AsiaPacific);
        let r = similar_cities(&snap, &f, "a", &q).unwrap();
        assert_eq!((r.items, r.candidates), (2, 0));
        // A prebuilt index gives the same answers.
        let index = MembershipIndex::new(&snap);
        let f = Filter::on(day("2015"));
        for c in ["a", "b", "c", "d", "e", "f"] {
            assert_eq!(
                similar_cities_in(&snap, &index, &f, c, &q).unwrap(),
                similar_cities(&snap, &f, c, &q).unwrap()
            );
            assert_eq!(
                recommend_networks_in(&snap, &index, &f, c, &RecommendQuery::default()).unwrap(),
                recommend_networks(&snap, &f, c, &RecommendQuery::default()).unwrap()
            );
        }
    }

    #[test]
    fn partner_portfolio_sizes_agree_when_counted_by_a_scan() {
        let text = "
            city a FR europe; city b DE europe; city c IT europe; city x ES europe; city y PT europe; city z JP asia-pacific;
            link a x 1990; link a y 1990; link a z 1990;
            link b x 1990; link b y 1990; link b z 1990 2000; link b c 1980;
            link c x 1990; link c z 1990; link y z 1995;
        ";
        let snap = fixture(text);
        for as_of in ["1985", "1995", "2015"] {
            let mut f = Filter::on(day(as_of));
            for region in [None, Some(crate::id::Region::Europe)] {
                f.region = region;
                for city in ["a", "b", "c", "x", "y", "z"] {
                    for measure in [SetMeasure::Jaccard, SetMeasure::Overlap] {
                        let q = SimilarQuery {
                            by: SimilarityBasis::Partners,
                            measure,
                            top: 10,
                        };
                        let looked_up =
                            similar_by_partners_with(&snap, &f, city, &q, false).unwrap();
                        let scanned = similar_by_partners_with(&snap, &f, city, &q, true).unwrap();
                        assert_eq!(looked_up, scanned, "{city} on {as_of} in {region:?}");
                    }
                }
            }
        }
        let q = SimilarQuery {
            by: SimilarityBasis::Partners,
            measure: SetMeasure::Jaccard,
            top: 10,
        };
        let r = similar_by_partners_with(&snap, &Filter::on(day("2015")), "y", &q, true).unwrap();
        // y: {a, b, z}; x: {a, b, c} and c: {b, x, z} share two; a: {x, y, z} and z: {a, c, y} one.
        assert_eq!(
            names(&r.similar),
            vec![("c", 0.5, 2), ("x", 0.5, 2), ("a", 0.2, 1), ("z", 0.2, 1)]
        );
    }

    #[test]
    fn duplicate_memberships_count_once() {
        // a has two membership ids in n1.
        let r = similar(
            NETS,
            "b",
            SimilarityBasis::Networks,
            SetMeasure::Jaccard,
            "2015",
        );
        assert_eq!(names(&r.similar)[0], ("a", 1.0, 2));
        assert_eq!(r.similar[0].items, 2);
    }

    #[test]
    fn unknown_city_is_an_error() {
        let snap = fixture(NETS);
        let f = Filter::on(day("2015"));
        let e = similar_cities(&snap, &f, "nowhere", &SimilarQuery::default()).unwrap_err();
        assert_eq!(e.code(), "city_not_found");
        let e = recommend_networks(&snap, &f, "nowhere", &RecommendQuery::default()).unwrap_err();
        assert_eq!(e.code(), "city_not_found");
    }

    #[test]
    fn recommends_networks_of_similar_cities_only_when_not_a_member() {
        let snap = fixture(NETS);
        let f = Filter::on(day("2015"));
        // a {n1,n2}: neighbours b (1), e (2/3), c (1/3); total 2. n3: e + c = 1 / 2.
        let r = recommend_networks(&snap, &f, "a", &RecommendQuery::default()).unwrap();
        assert_eq!(
            r.member_of.iter().map(|n| n.as_str()).collect::<Vec<_>>(),
            vec!["n1", "n2"]
        );
        assert_eq!(r.recommendations.len(), 1);
        let n3 = &r.recommendations[0];
        assert_eq!((n3.network.as_str(), n3.support), ("n3", 2));
        assert!((n3.score - 0.5).abs() < 1e-12, "{}", n3.score);
        let who: Vec<&str> = n3.explained_by.iter().map(|s| s.city.id.as_str()).collect();
        assert_eq!(who, vec!["e", "c"]);
        // e is in every network with members: nothing to recommend.
        let r = recommend_networks(&snap, &f, "e", &RecommendQuery::default()).unwrap();
        assert!(r.recommendations.is_empty());
        // d has no membership in 2015: empty, not an error.
        let r = recommend_networks(&snap, &f, "d", &RecommendQuery::default()).unwrap();
        assert!(r.recommendations.is_empty() && r.neighbours.is_empty());
        // In 2031 e is also in ghost; f {n3} gets n1 (c, e) and n2, ghost (e).
        let r = recommend_networks(
            &snap,
            &Filter::on(day("2031")),
            "f",
            &RecommendQuery {
                top: 10,
                neighbours: 10,
            },
        )
        .unwrap();
        let got: Vec<(&str, u64)> = r
            .recommendations
            .iter()
            .map(|n| (n.network.as_str(), n.support))
            .collect();
        assert_eq!(got, vec![("n1", 2), ("ghost", 1), ("n2", 1)]);
        let total = 0.5 + 0.25;
        assert!((r.recommendations[0].score - 0.75 / total).abs() < 1e-15);
        for rec in &r.recommendations {
            assert!(!r.member_of.contains(&rec.network));
        }
        // Only the single nearest neighbour votes.
        let r = recommend_networks(
            &snap,
            &Filter::on(day("2031")),
            "f",
            &RecommendQuery {
                top: 10,
                neighbours: 1,
            },
        )
        .unwrap();
        assert_eq!(r.neighbours.len(), 1);
        assert_eq!(r.neighbours[0].city.id.as_str(), "c");
        let got: Vec<(&str, f64)> = r
            .recommendations
            .iter()
            .map(|n| (n.network.as_str(), n.score))
            .collect();
        assert_eq!(got, vec![("n1", 1.0)]);
    }
}
