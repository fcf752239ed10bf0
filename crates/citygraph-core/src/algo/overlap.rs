//! Overlap between city networks: shared members, Jaccard, overlap coefficient, the exclusive
//! intersection table of a chosen set of networks (the numbers an UpSet plot draws), and the most
//! overlapping pairs among all networks.
//!
//! # Member sets
//!
//! The member set `M(N)` of network `N` on day `d` (the filter's `as_of`) is the set of **distinct
//! cities** that have at least one membership of `N` in force on `d` ([`Membership::in_force_on`]:
//! a membership with an unknown start counts on every day before its end) and that pass the filter's
//! `region`, `country` and `network` restrictions ([`Filter::city_included`]). Two memberships of the
//! same city in the same network (two membership ids) count once. The filter's `kind` does not apply
//! (it restricts partnerships).
//!
//! # Measures
//!
//! For two networks `A` and `B` with member sets `M(A)`, `M(B)`:
//! - `shared = |M(A) ∩ M(B)|`, `union = |M(A) ∪ M(B)| = |M(A)| + |M(B)| - shared`;
//! - `jaccard = shared / union`, defined as 0 when `union = 0` (both networks have no member);
//! - `overlap = shared / min(|M(A)|, |M(B)|)` (the overlap or Szymkiewicz-Simpson coefficient),
//!   defined as 0 when `min(|M(A)|, |M(B)|) = 0` (a network with no member overlaps nothing).
//!
//! # Exclusive intersections (UpSet)
//!
//! For a chosen list of networks `N_1..N_n` and a non-empty combination `S` of them, the exclusive
//! count of `S` is the number of cities that are members of every network of `S` and of no other
//! chosen network: `|{c : {i : c ∈ M(N_i)} = S}|`. The exclusive counts of all `2^n - 1`
//! combinations partition the union of the chosen member sets. The inclusive count of `S` is
//! `|∩_{i∈S} M(N_i)|` (members of every network of `S`, whatever else they belong to).

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::algo::cancel::{Cancel, Cancelled};
use crate::algo::filter::Filter;
use crate::date::Day;
use crate::id::{CityId, CountryCode, NetworkId, Region};
use crate::model::{City, Membership, Network};
use crate::snapshot::Snapshot;

/// The largest number of networks [`network_overlap`] accepts (`2^12 - 1 = 4095` combinations).
pub const MAX_CHOSEN_NETWORKS: usize = 12;

/// Why an overlap query cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OverlapError {
    #[error("network {0} does not exist")]
    NetworkNotFound(String),
    #[error("{count} distinct networks chosen; at most {max} can be compared at once")]
    TooManyNetworks { count: usize, max: usize },
    #[error("no network chosen: give at least one network id")]
    NoNetworks,
    #[error("the cell names network {0}, which is not among the chosen networks")]
    CellNotInSelection(String),
    #[error("the cell is empty: name at least one of the chosen networks")]
    EmptyCell,
}

impl OverlapError {
    /// The stable snake_case code of this error, used in API error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            OverlapError::NetworkNotFound(_) => "network_not_found",
            OverlapError::TooManyNetworks { .. } => "too_many_networks",
            OverlapError::NoNetworks => "no_networks",
            OverlapError::CellNotInSelection(_) => "cell_not_in_selection",
            OverlapError::EmptyCell => "empty_cell",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Shared internals (also used by `saturation` and `similarity`).
// ---------------------------------------------------------------------------------------------

/// A fast, deterministic hasher for short string keys (ids). Hash-map iteration order is never
/// used to order output.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

const FX_K: u64 = 0x517c_c1b7_2722_0a95;

impl IdHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_K);
    }
}

impl Hasher for IdHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(
                c.try_into().expect("chunks_exact yields 8 bytes"),
            ));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // The multiply-rotate steps leave the low bits (the bucket index) depending on the first
        // bytes only; a final avalanche (the MurmurHash3 finaliser) spreads every byte over all bits.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

/// A map keyed by borrowed ids.
pub(crate) type IdMap<'a, V> = HashMap<&'a str, V, BuildHasherDefault<IdHasher>>;
/// A set of borrowed ids.
pub(crate) type IdSet<'a> = HashSet<&'a str, BuildHasherDefault<IdHasher>>;

/// A day as days since 1970-01-01 (fits `i32` for years 1..=9999).
pub(crate) fn epoch(day: Day) -> i32 {
    day.to_epoch_days() as i32
}

/// The valid time of a membership as a half-open interval of epoch days `[start, end)`; exactly
/// [`Membership::in_force_on`]: in force on `d` iff `start <= d < end`, where an unknown start is
/// `-inf` and no end is `+inf`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: i32,
    pub end: i32,
}

impl Span {
    pub(crate) fn of(m: &Membership) -> Span {
        Span {
            start: m.start().map_or(i32::MIN, |d| epoch(d.first_day())),
            end: m.end().map_or(i32::MAX, |d| epoch(d.first_day())),
        }
    }
    #[inline]
    pub(crate) fn contains(self, day: i32) -> bool {
        self.start <= day && day < self.end
    }
}

/// Which cities a read admits: the filter's region, country and network restrictions.
pub(crate) struct Gate<'a> {
    region: Option<Region>,
    country: Option<CountryCode>,
    /// Members of the filter's network on `as_of` (any region), when the filter names one.
    members: Option<IdSet<'a>>,
}

impl<'a> Gate<'a> {
    pub(crate) fn new(snap: &'a Snapshot, filter: &Filter) -> Gate<'a> {
        let members = filter.network.as_ref().map(|net| {
            snap.members_of(net.as_str())
                .filter(|m| m.in_force_on(filter.as_of))
                .map(|m| m.city.as_str())
                .collect::<IdSet<'a>>()
        });
        Gate {
            region: filter.region,
            country: filter.country,
            members,
        }
    }

    pub(crate) fn admits(&self, city: &City) -> bool {
        self.region.is_none_or(|r| r == city.region)
            && self.country.is_none_or(|c| c == city.country)
            && self
                .members
                .as_ref()
                .is_none_or(|s| s.contains(city.id.as_str()))
    }
}

/// Distinct admitted cities with a membership of `network` in force on `day`, in id order.
pub(crate) fn network_members<'a>(
    snap: &'a Snapshot,
    gate: &Gate<'_>,
    day: Day,
    network: &str,
) -> Vec<&'a City> {
    let mut out: Vec<&'a City> = snap
        .members_of(network)
        .filter(|m| m.in_force_on(day))
        .filter_map(|m| snap.cities.get(&m.city))
        .map(|c| &**c)
        .filter(|c| gate.admits(c))
        .collect();
    out.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    out.dedup_by(|a, b| a.id == b.id);
    out
}

/// Distinct networks in which `city` has a membership in force on `day`, in id order.
#[cfg(test)]
pub(crate) fn city_networks<'a>(snap: &'a Snapshot, day: Day, city: &str) -> Vec<&'a NetworkId> {
    let mut out: Vec<&'a NetworkId> = snap
        .memberships_of(city)
        .filter(|m| m.in_force_on(day))
        .map(|m| &m.network)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[derive(Clone, Copy)]
struct Row {
    city: u32,
    net: u32,
    span: Span,
}

/// The city-network incidence of one snapshot with dense integer indices, independent of the day
/// and of any filter: every city (id order, with its region and country), every network (id
/// order), and every membership that is in force on some day, as a valid-time interval, sorted by
/// (city, network).
///
/// Building it scans the store once (`O(cities + memberships)` plus a sort); every figure of
/// [`top_overlapping_pairs_in`], [`crate::algo::saturation::saturation_in`] and
/// [`crate::algo::saturation::saturation_timeline_in`] is then computed from it alone, for any
/// filter and day. It holds no reference to the snapshot, so a service can build it once per graph
/// version and share it (`Arc<MembershipIndex>`) between requests.
#[derive(Clone, Debug)]
pub struct MembershipIndex {
    version: u64,
    /// The city ids one after the other; city `c` is `city_text[city_off[c]..city_off[c + 1]]`.
    city_text: String,
    city_off: Vec<u32>,
    regions: Vec<Region>,
    countries: Vec<CountryCode>,
    networks: Vec<NetworkId>,
    network_names: Vec<String>,
    rows: Vec<Row>,
}

impl std::fmt::Debug for Row {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}-{} [{}, {})",
            self.city, self.net, self.span.start, self.span.end
        )
    }
}

/// The incidence on one day: per city its distinct networks and per network its distinct cities,
/// both sorted by index (= id order), over the admitted cities only.
pub(crate) struct Incidence {
    city_off: Vec<u32>,
    city_nets: Vec<u32>,
    net_off: Vec<u32>,
    net_cities: Vec<u32>,
    /// Whether each city passes the filter's region, country and network restrictions.
    pub admitted: Vec<bool>,
}

impl Incidence {
    #[inline]
    pub(crate) fn nets_of(&self, city: usize) -> &[u32] {
        &self.city_nets[self.city_off[city] as usize..self.city_off[city + 1] as usize]
    }
    #[inline]
    pub(crate) fn members_of(&self, net: usize) -> &[u32] {
        &self.net_cities[self.net_off[net] as usize..self.net_off[net + 1] as usize]
    }
    #[inline]
    pub(crate) fn degree(&self, city: usize) -> usize {
        (self.city_off[city + 1] - self.city_off[city]) as usize
    }
}

impl MembershipIndex {
    /// Indexes the cities, networks and memberships of `snap`.
    pub fn new(snap: &Snapshot) -> MembershipIndex {
        let n = snap.cities.len();
        // City ids are copied into one buffer: no reference counts to touch, and the hash map's
        // keys point into this compact buffer rather than all over the heap.
        let mut city_text = String::with_capacity(n * 8);
        let mut city_off = Vec::with_capacity(n + 1);
        city_off.push(0u32);
        let (mut regions, mut countries) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for c in snap.cities.values() {
            city_text.push_str(c.id.as_str());
            city_off.push(u32::try_from(city_text.len()).expect("city ids fit in 4 GiB"));
            regions.push(c.region);
            countries.push(c.country);
        }
        let mut city_ix: IdMap<'_, u32> = IdMap::with_capacity_and_hasher(n, Default::default());
        for i in 0..n {
            city_ix.insert(
                &city_text[city_off[i] as usize..city_off[i + 1] as usize],
                i as u32,
            );
        }
        let networks: Vec<NetworkId> = snap.networks.keys().cloned().collect();
        let network_names = snap.networks.values().map(|n| n.name.clone()).collect();
        let mut net_ix: IdMap<'_, u32> =
            IdMap::with_capacity_and_hasher(networks.len(), Default::default());
        for (i, id) in snap.networks.keys().enumerate() {
            net_ix.insert(id.as_str(), i as u32);
        }
        let mut rows = Vec::with_capacity(snap.memberships.len());
        for m in snap.memberships.values() {
            let (Some(&city), Some(&net)) =
                (city_ix.get(m.city.as_str()), net_ix.get(m.network.as_str()))
            else {
                continue;
            };
            let span = Span::of(m);
            if span.start < span.end {
                rows.push(Row { city, net, span });
            }
        }
        rows.sort_unstable_by_key(|r| (u64::from(r.city) << 32) | u64::from(r.net));
        drop(city_ix);
        MembershipIndex {
            version: snap.version,
            city_text,
            city_off,
            regions,
            countries,
            networks,
            network_names,
            rows,
        }
    }

    /// The version of the snapshot it was built from.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Number of cities indexed (all cities of the snapshot).
    pub fn cities(&self) -> usize {
        self.regions.len()
    }

    /// Number of networks indexed.
    pub fn networks(&self) -> usize {
        self.networks.len()
    }

    /// Bytes held on the heap by the index itself (its vectors and texts), for cache accounting.
    pub fn heap_bytes(&self) -> usize {
        self.city_text.capacity()
            + self.city_off.capacity() * std::mem::size_of::<u32>()
            + self.regions.capacity() * std::mem::size_of::<Region>()
            + self.countries.capacity() * std::mem::size_of::<CountryCode>()
            + self.networks.capacity() * std::mem::size_of::<NetworkId>()
            + self
                .networks
                .iter()
                .map(|n| n.as_str().len())
                .sum::<usize>()
            + self
                .network_names
                .iter()
                .map(|n| n.capacity() + std::mem::size_of::<String>())
                .sum::<usize>()
            + self.rows.capacity() * std::mem::size_of::<Row>()
    }

    pub(crate) fn city_region(&self, c: usize) -> Region {
        self.regions[c]
    }
    pub(crate) fn city_country(&self, c: usize) -> CountryCode {
        self.countries[c]
    }
    pub(crate) fn network_id(&self, n: usize) -> &NetworkId {
        &self.networks[n]
    }
    pub(crate) fn network_name(&self, n: usize) -> &str {
        &self.network_names[n]
    }
    pub(crate) fn city_id(&self, c: usize) -> &str {
        &self.city_text[self.city_off[c] as usize..self.city_off[c + 1] as usize]
    }
    /// The dense index of a city id.
    pub(crate) fn city_index(&self, id: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.cities());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.city_id(mid).cmp(id) {
                Ordering::Less => lo = mid + 1,
                Ordering::Greater => hi = mid,
                Ordering::Equal => return Some(mid),
            }
        }
        None
    }
    /// The distinct networks (indices, ascending) in which city `c` has a membership in force on
    /// `day`, whatever the filter.
    pub(crate) fn networks_of_at(&self, c: usize, day: Day) -> Vec<u32> {
        let d = epoch(day);
        let from = self.rows.partition_point(|r| (r.city as usize) < c);
        let mut out: Vec<u32> = self.rows[from..]
            .iter()
            .take_while(|r| r.city as usize == c)
            .filter(|r| r.span.contains(d))
            .map(|r| r.net)
            .collect();
        out.dedup();
        out
    }

    /// The incidence on `day` over the cities that pass the filter's region and country
    /// restrictions and, when it names a network, that are members of it on `day`
    /// (`filter.as_of` is not used; an unknown network admits no city, like
    /// [`Filter::city_included`]).
    pub(crate) fn at(&self, filter: &Filter, day: Day) -> Incidence {
        let d = epoch(day);
        let restrict: Option<Option<u32>> = filter.network.as_ref().map(|id| {
            self.networks
                .binary_search_by(|n| n.as_str().cmp(id.as_str()))
                .ok()
                .map(|n| n as u32)
        });
        let nc = self.cities();
        let mut city_off = Vec::with_capacity(nc + 1);
        city_off.push(0u32);
        let mut city_nets: Vec<u32> = Vec::with_capacity(self.rows.len());
        let mut admitted = vec![false; nc];
        let mut i = 0;
        for (c, adm) in admitted.iter_mut().enumerate() {
            let block = city_nets.len();
            while i < self.rows.len() && self.rows[i].city as usize == c {
                let r = self.rows[i];
                i += 1;
                if r.span.contains(d)
                    && (city_nets.len() == block || city_nets[city_nets.len() - 1] != r.net)
                {
                    city_nets.push(r.net);
                }
            }
            *adm = filter.region.is_none_or(|r| r == self.regions[c])
                && filter.country.is_none_or(|k| k == self.countries[c])
                && match restrict {
                    None => true,
                    Some(Some(n)) => city_nets[block..].binary_search(&n).is_ok(),
                    Some(None) => false,
                };
            if !*adm {
                city_nets.truncate(block);
            }
            city_off.push(city_nets.len() as u32);
        }
        let nn = self.networks.len();
        let mut net_off = vec![0u32; nn + 1];
        for &n in &city_nets {
            net_off[n as usize + 1] += 1;
        }
        for k in 0..nn {
            net_off[k + 1] += net_off[k];
        }
        let mut fill = net_off.clone();
        let mut net_cities = vec![0u32; city_nets.len()];
        for c in 0..nc {
            for &n in &city_nets[city_off[c] as usize..city_off[c + 1] as usize] {
                net_cities[fill[n as usize] as usize] = c as u32;
                fill[n as usize] += 1;
            }
        }
        Incidence {
            city_off,
            city_nets,
            net_off,
            net_cities,
            admitted,
        }
    }
}

/// `a / b`, or 0 when `b` is 0.
#[inline]
pub(crate) fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

// ---------------------------------------------------------------------------------------------
// Result types.
// ---------------------------------------------------------------------------------------------

/// A city named in a result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CityRef {
    /// City id.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub id: CityId,
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub country: CountryCode,
}

impl CityRef {
    pub(crate) fn of(c: &City) -> CityRef {
        CityRef {
            id: c.id.clone(),
            name: c.name.clone(),
            country: c.country,
        }
    }
}

/// A network and its member count `|M(N)|` on `as_of`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkMembers {
    /// Network id.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub network: NetworkId,
    pub name: String,
    /// Distinct member cities on `as_of` that pass the filter.
    pub members: u64,
}

/// The overlap of two networks `a` and `b` (see the module docs for the formulas).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkPair {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub a: NetworkId,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub b: NetworkId,
    /// `|M(a)|`.
    pub a_members: u64,
    /// `|M(b)|`.
    pub b_members: u64,
    /// `|M(a) ∩ M(b)|`.
    pub shared: u64,
    /// `|M(a) ∪ M(b)|`.
    pub union: u64,
    /// `shared / union`; 0 when `union` is 0.
    pub jaccard: f64,
    /// `shared / min(a_members, b_members)`; 0 when that minimum is 0.
    pub overlap: f64,
}

impl NetworkPair {
    fn new(a: NetworkId, b: NetworkId, a_members: u64, b_members: u64, shared: u64) -> NetworkPair {
        let union = a_members + b_members - shared;
        NetworkPair {
            a,
            b,
            a_members,
            b_members,
            shared,
            union,
            jaccard: ratio(shared, union),
            overlap: ratio(shared, a_members.min(b_members)),
        }
    }
}

/// The pairwise figures as square matrices indexed like `OverlapReport::networks`.
///
/// Off the diagonal, entry `[i][j]` is the figure of the pair (i, j). On the diagonal:
/// `shared[i][i] = |M(N_i)|`, and `jaccard[i][i] = overlap[i][i] = 1` when `N_i` has members, 0
/// when it has none (the same zero-denominator rule).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OverlapMatrix {
    pub shared: Vec<Vec<u64>>,
    pub jaccard: Vec<Vec<f64>>,
    pub overlap: Vec<Vec<f64>>,
}

/// One combination of the chosen networks and its UpSet numbers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Intersection {
    /// The networks of the combination, in selection order.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub networks: Vec<NetworkId>,
    /// Number of networks in the combination.
    pub degree: u32,
    /// Cities that are members of every network of the combination and of no other chosen network.
    pub exclusive: u64,
    /// Cities that are members of every network of the combination (`|∩ M(N)|`).
    pub inclusive: u64,
}

/// The cities of one combination (exclusive membership), in id order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CellMembers {
    /// The combination, in selection order.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub networks: Vec<NetworkId>,
    /// Number of cities (equals the combination's `exclusive` count).
    pub count: u64,
    pub cities: Vec<CityRef>,
}

/// Overlap of a chosen list of networks on `as_of`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OverlapReport {
    /// The day the member sets are taken on (`YYYY-MM-DD`).
    pub as_of: String,
    /// The chosen networks (duplicates removed, first occurrence kept) with their member counts.
    pub networks: Vec<NetworkMembers>,
    /// Cities that are members of at least one chosen network (`|∪ M(N_i)|`).
    pub union: u64,
    /// Every pair (i, j) with i < j in selection order.
    pub pairs: Vec<NetworkPair>,
    pub matrix: OverlapMatrix,
    /// All `2^n - 1` non-empty combinations, ordered by degree, then by the selection positions of
    /// their networks (lexicographically); combinations with no city are included with 0.
    pub intersections: Vec<Intersection>,
    /// The cities of the requested cell, when one was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<CellMembers>,
}

/// What [`network_overlap`] computes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OverlapQuery {
    /// The networks to compare (1 to [`MAX_CHOSEN_NETWORKS`] distinct ids; repeats are ignored).
    pub networks: Vec<NetworkId>,
    /// A combination of chosen networks whose cities (exclusive membership) should be listed.
    pub cell: Option<Vec<NetworkId>>,
}

/// The measure that ranks pairs in [`top_overlapping_pairs`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OverlapMeasure {
    /// `shared / union`.
    #[default]
    Jaccard,
    /// `shared / min(|M(a)|, |M(b)|)`.
    Overlap,
    /// The number of shared members.
    Shared,
}

impl OverlapMeasure {
    /// The spelling used in query strings and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            OverlapMeasure::Jaccard => "jaccard",
            OverlapMeasure::Overlap => "overlap",
            OverlapMeasure::Shared => "shared",
        }
    }
    fn score(self, p: &NetworkPair) -> f64 {
        match self {
            OverlapMeasure::Jaccard => p.jaccard,
            OverlapMeasure::Overlap => p.overlap,
            OverlapMeasure::Shared => p.shared as f64,
        }
    }
}

impl std::str::FromStr for OverlapMeasure {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "jaccard" => Ok(OverlapMeasure::Jaccard),
            "overlap" => Ok(OverlapMeasure::Overlap),
            "shared" => Ok(OverlapMeasure::Shared),
            _ => Err(format!(
                "unknown overlap measure {s:?}: expected jaccard, overlap or shared"
            )),
        }
    }
}

/// What [`top_overlapping_pairs`] computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TopPairsQuery {
    /// Only pairs with at least this many shared members (values below 1 are taken as 1: pairs that
    /// share no member are never listed).
    pub min_shared: u64,
    pub measure: OverlapMeasure,
    /// How many pairs to return (0 returns none, but `pairs_matching` is still counted).
    pub top: usize,
}

impl Default for TopPairsQuery {
    fn default() -> Self {
        TopPairsQuery {
            min_shared: 1,
            measure: OverlapMeasure::Jaccard,
            top: 20,
        }
    }
}

/// The most overlapping pairs among all networks on `as_of`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopPairs {
    /// The day the member sets are taken on (`YYYY-MM-DD`).
    pub as_of: String,
    pub measure: OverlapMeasure,
    /// The effective minimum of shared members (at least 1).
    pub min_shared: u64,
    /// Networks in the store.
    pub networks: u64,
    /// Networks with at least one member on `as_of`.
    pub networks_with_members: u64,
    /// Pairs (a, b), a < b, with `shared >= min_shared`.
    pub pairs_matching: u64,
    /// The best `top` of them: by score (the measure) descending, then `a`, then `b` ascending by id;
    /// in every pair `a < b` by id.
    pub pairs: Vec<NetworkPair>,
}

// ---------------------------------------------------------------------------------------------
// The chosen-set report.
// ---------------------------------------------------------------------------------------------

/// Overlap of the chosen networks on `filter.as_of`: member counts, the pairwise matrix, the
/// exclusive and inclusive counts of every non-empty combination, and optionally the cities of one
/// combination (`query.cell`, exclusive membership, in id order).
///
/// Errors: `no_networks` (empty list), `too_many_networks` (more than [`MAX_CHOSEN_NETWORKS`]
/// distinct ids), `network_not_found` (the first unknown id, in the order given),
/// `cell_not_in_selection`, `empty_cell`.
///
/// Cost: proportional to the memberships of the chosen networks (it does not scan the store).
pub fn network_overlap(
    snap: &Snapshot,
    filter: &Filter,
    query: &OverlapQuery,
) -> Result<OverlapReport, OverlapError> {
    let mut chosen: Vec<&Network> = Vec::new();
    for id in &query.networks {
        if chosen.iter().any(|n| n.id == *id) {
            continue;
        }
        let net = snap
            .network(id.as_str())
            .ok_or_else(|| OverlapError::NetworkNotFound(id.to_string()))?;
        chosen.push(net);
    }
    if chosen.is_empty() {
        return Err(OverlapError::NoNetworks);
    }
    if chosen.len() > MAX_CHOSEN_NETWORKS {
        return Err(OverlapError::TooManyNetworks {
            count: chosen.len(),
            max: MAX_CHOSEN_NETWORKS,
        });
    }
    let n = chosen.len();
    let cell_mask = match &query.cell {
        None => None,
        Some(cell) => {
            let mut mask = 0usize;
            for id in cell {
                let i = chosen
                    .iter()
                    .position(|c| c.id == *id)
                    .ok_or_else(|| OverlapError::CellNotInSelection(id.to_string()))?;
                mask |= 1 << i;
            }
            if mask == 0 {
                return Err(OverlapError::EmptyCell);
            }
            Some(mask)
        }
    };

    let gate = Gate::new(snap, filter);
    let day = filter.as_of;
    // (city, bit) for every membership of a chosen network, then one mask per city.
    let mut tagged: Vec<(&City, u16)> = Vec::new();
    for (i, net) in chosen.iter().enumerate() {
        tagged.extend(
            network_members(snap, &gate, day, net.id.as_str())
                .into_iter()
                .map(|c| (c, 1u16 << i)),
        );
    }
    tagged.sort_unstable_by(|x, y| x.0.id.cmp(&y.0.id).then(x.1.cmp(&y.1)));
    let full = 1usize << n;
    let mut exclusive = vec![0u64; full];
    let mut cell_cities = Vec::new();
    let mut k = 0;
    while k < tagged.len() {
        let city = tagged[k].0;
        let mut mask = 0usize;
        while k < tagged.len() && tagged[k].0.id == city.id {
            mask |= usize::from(tagged[k].1);
            k += 1;
        }
        exclusive[mask] += 1;
        if cell_mask == Some(mask) {
            cell_cities.push(CityRef::of(city));
        }
    }
    // Superset sums: inclusive[S] = sum of exclusive[T] over T ⊇ S.
    let mut inclusive = exclusive.clone();
    for bit in 0..n {
        for mask in 0..full {
            if mask & (1 << bit) == 0 {
                inclusive[mask] += inclusive[mask | (1 << bit)];
            }
        }
    }
    let size = |i: usize| inclusive[1 << i];
    let networks: Vec<NetworkMembers> = chosen
        .iter()
        .enumerate()
        .map(|(i, net)| NetworkMembers {
            network: net.id.clone(),
            name: net.name.clone(),
            members: size(i),
        })
        .collect();
    let mut pairs = Vec::new();
    let mut matrix = OverlapMatrix {
        shared: vec![vec![0; n]; n],
        jaccard: vec![vec![0.0; n]; n],
        overlap: vec![vec![0.0; n]; n],
    };
    for i in 0..n {
        let self_ratio = if size(i) > 0 { 1.0 } else { 0.0 };
        matrix.shared[i][i] = size(i);
        matrix.jaccard[i][i] = self_ratio;
        matrix.overlap[i][i] = self_ratio;
        for j in i + 1..n {
            let p = NetworkPair::new(
                chosen[i].id.clone(),
                chosen[j].id.clone(),
                size(i),
                size(j),
                inclusive[(1 << i) | (1 << j)],
            );
            for (x, y) in [(i, j), (j, i)] {
                matrix.shared[x][y] = p.shared;
                matrix.jaccard[x][y] = p.jaccard;
                matrix.overlap[x][y] = p.overlap;
            }
            pairs.push(p);
        }
    }
    let members_of_mask = |mask: usize| -> Vec<NetworkId> {
        (0..n)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| chosen[i].id.clone())
            .collect()
    };
    let mut masks: Vec<usize> = (1..full).collect();
    masks.sort_by_cached_key(|&m| {
        (
            m.count_ones(),
            (0..n).filter(|i| m & (1 << i) != 0).collect::<Vec<_>>(),
        )
    });
    let intersections = masks
        .into_iter()
        .map(|m| Intersection {
            networks: members_of_mask(m),
            degree: m.count_ones(),
            exclusive: exclusive[m],
            inclusive: inclusive[m],
        })
        .collect();
    let cell = cell_mask.map(|m| CellMembers {
        networks: members_of_mask(m),
        count: exclusive[m],
        cities: cell_cities,
    });
    Ok(OverlapReport {
        as_of: day.to_string(),
        networks,
        union: exclusive[1..].iter().sum(),
        pairs,
        matrix,
        intersections,
        cell,
    })
}

// ---------------------------------------------------------------------------------------------
// Top pairs among all networks.
// ---------------------------------------------------------------------------------------------

/// A candidate in the top-k heap; `Ord` puts the *worse* candidate first so the max-heap's top is
/// the one to drop.
struct Ranked {
    score: f64,
    a: u32,
    b: u32,
    shared: u64,
}

impl Ranked {
    /// Better = higher score, then lower `a`, then lower `b` (indices follow id order).
    fn better(&self, other: &Ranked) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.a.cmp(&other.a))
            .then(self.b.cmp(&other.b))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.better(other)
    }
}

/// The most overlapping pairs among **all** networks on `filter.as_of`.
///
/// Computed with an inverted index, not over all pairs: for each network `a` (in id order) and each
/// of its members `c`, every network `b > a` of `c` gets one shared member; a pair that shares no
/// member is never visited. Time `O(Σ_c deg(c)²)` plus building the index
/// (`O(cities + memberships)`), memory `O(cities + memberships + networks + top)`.
///
/// Pairs with `shared >= max(min_shared, 1)` are ranked by the measure (descending), ties by `a` then
/// `b` (ascending id); `pairs_matching` counts them all.
///
/// Builds a [`MembershipIndex`] first; use [`top_overlapping_pairs_in`] to reuse one.
pub fn top_overlapping_pairs(snap: &Snapshot, filter: &Filter, query: &TopPairsQuery) -> TopPairs {
    top_overlapping_pairs_in(&MembershipIndex::new(snap), filter, query)
}

/// [`top_overlapping_pairs`] over a prebuilt index (of the snapshot the caller reads).
/// Time `O(cities + memberships + Σ_c deg(c)²)`.
pub fn top_overlapping_pairs_in(
    index: &MembershipIndex,
    filter: &Filter,
    query: &TopPairsQuery,
) -> TopPairs {
    top_overlapping_pairs_cancellable(index, filter, query, &Cancel::never())
        .expect("never cancelled")
}

/// [`top_overlapping_pairs_in`], checking `cancel` once per network scanned (counted as progress).
pub fn top_overlapping_pairs_cancellable(
    index: &MembershipIndex,
    filter: &Filter,
    query: &TopPairsQuery,
    cancel: &Cancel,
) -> Result<TopPairs, Cancelled> {
    let inc = index.at(filter, filter.as_of);
    let nn = index.networks();
    let min_shared = query.min_shared.max(1);
    let size = |n: usize| inc.members_of(n).len() as u64;
    let mut count = vec![0u32; nn];
    let mut touched: Vec<u32> = Vec::new();
    let mut heap: BinaryHeap<Ranked> =
        BinaryHeap::with_capacity(query.top.saturating_add(1).min(1 << 16));
    let mut matching = 0u64;
    cancel.add_work(nn as u64);
    for a in 0..nn {
        cancel.advance(1)?;
        for &c in inc.members_of(a) {
            let nets = inc.nets_of(c as usize);
            let from = nets.partition_point(|&x| x as usize <= a);
            for &b in &nets[from..] {
                if count[b as usize] == 0 {
                    touched.push(b);
                }
                count[b as usize] += 1;
            }
        }
        for &b in &touched {
            let shared = u64::from(count[b as usize]);
            count[b as usize] = 0;
            if shared < min_shared {
                continue;
            }
            matching += 1;
            if query.top == 0 {
                continue;
            }
            let (sa, sb) = (size(a), size(b as usize));
            let union = sa + sb - shared;
            let score = match query.measure {
                OverlapMeasure::Jaccard => ratio(shared, union),
                OverlapMeasure::Overlap => ratio(shared, sa.min(sb)),
                OverlapMeasure::Shared => shared as f64,
            };
            let cand = Ranked {
                score,
                a: a as u32,
                b,
                shared,
            };
            if heap.len() < query.top {
                heap.push(cand);
            } else if let Some(worst) = heap.peek() {
                if cand.better(worst) == Ordering::Less {
                    heap.pop();
                    heap.push(cand);
                }
            }
        }
        touched.clear();
    }
    let pairs = heap
        .into_sorted_vec()
        .into_iter()
        .map(|r| {
            let p = NetworkPair::new(
                index.network_id(r.a as usize).clone(),
                index.network_id(r.b as usize).clone(),
                size(r.a as usize),
                size(r.b as usize),
                r.shared,
            );
            debug_assert_eq!(query.measure.score(&p).total_cmp(&r.score), Ordering::Equal);
            p
        })
        .collect();
    Ok(TopPairs {
        as_of: filter.as_of.to_string(),
        measure: query.measure,
        min_shared,
        networks: nn as u64,
        networks_with_members: (0..nn).filter(|&n| size(n) > 0).count() as u64,
        pairs_matching: matching,
        pairs,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::snapshot::Change;

    pub(crate) fn day(s: &str) -> Day {
        s.parse::<crate::date::PartialDate>().unwrap().first_day()
    }

    /// Builds a snapshot from a tiny text fixture, one item per `;`:
    /// `city ID COUNTRY REGION`, `net ID`, `mem ID CITY NET [JOINED] [LEFT]` (`-` for none),
    /// `link CITY CITY EST [LAPSED]`.
    pub(crate) fn fixture(text: &str) -> Snapshot {
        let mut changes = Vec::new();
        for item in text.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let w: Vec<&str> = item.split_whitespace().collect();
            let opt = |i: usize| w.get(i).filter(|s| **s != "-").map(|s| format!("\"{s}\""));
            let json = match w[0] {
                "city" => format!(
                    r#"{{"id":"{}","name":"{}","country":"{}","region":"{}","lat":1.0,"lon":2.0}}"#,
                    w[1], w[1], w[2], w[3]
                ),
                "net" => format!(r#"{{"id":"{}","name":"Net {}"}}"#, w[1], w[1]),
                "mem" => {
                    let mut s = format!(
                        r#"{{"id":"{}","city":"{}","network":"{}""#,
                        w[1], w[2], w[3]
                    );
                    if let Some(j) = opt(4) {
                        s += &format!(r#","joined":{j}"#);
                    }
                    if let Some(l) = opt(5) {
                        s += &format!(r#","left":{l}"#);
                    }
                    s + "}"
                }
                "link" => {
                    let mut ev = vec![format!(r#"{{"type":"established","date":"{}"}}"#, w[3])];
                    if let Some(l) = opt(4) {
                        ev.push(format!(r#"{{"type":"lapsed","date":{l}}}"#));
                    }
                    format!(
                        r#"{{"cities":["{}","{}"],"events":[{}]}}"#,
                        w[1],
                        w[2],
                        ev.join(",")
                    )
                }
                other => panic!("unknown fixture item {other}"),
            };
            changes.push(match w[0] {
                "city" => Change::PutCity(Arc::new(serde_json::from_str(&json).unwrap())),
                "net" => Change::PutNetwork(Arc::new(serde_json::from_str(&json).unwrap())),
                "mem" => Change::PutMembership(Arc::new(serde_json::from_str(&json).unwrap())),
                _ => Change::PutPartnership(Arc::new(serde_json::from_str(&json).unwrap())),
            });
        }
        Snapshot::default().with_changes(&changes).unwrap().0
    }

    /// Five cities; `e` is in every network; `ghost` has no member; `a` has two memberships of
    /// `n1`; `d`'s membership of `n2` ended in 2010; `f` is in Asia.
    pub(crate) const NETS: &str = "
        city a FR europe; city b DE europe; city c FR europe; city d IT europe; city e ES europe; city f JP asia-pacific;
        net n1; net n2; net n3; net ghost;
        mem m1 a n1 2000; mem m1bis a n1 2005; mem m2 b n1 2000; mem m3 c n1 2000;
        mem m4 a n2 2001; mem m5 d n2 2000 2010; mem m6 b n2 2000;
        mem m7 c n3 -; mem m8 f n3 2000;
        mem e1 e n1 1999; mem e2 e n2 1999; mem e3 e n3 1999; mem e4 e ghost 2030;
    ";

    fn ids(v: &[&str]) -> Vec<NetworkId> {
        v.iter().map(|s| NetworkId::new(s).unwrap()).collect()
    }

    fn check(f: &Filter, nets: &[&str], cell: Option<&[&str]>) -> OverlapReport {
        let snap = fixture(NETS);
        network_overlap(
            &snap,
            f,
            &OverlapQuery {
                networks: ids(nets),
                cell: cell.map(ids),
            },
        )
        .unwrap()
    }

    #[test]
    fn counts_distinct_members_in_force() {
        let r = check(&Filter::on(day("2015")), &["n1", "n2", "n3", "ghost"], None);
        let sizes: Vec<u64> = r.networks.iter().map(|n| n.members).collect();
        // n1 = {a, b, c, e} (a counted once), n2 = {a, b, e} (d left in 2010), n3 = {c, e, f}.
        assert_eq!(sizes, vec![4, 3, 3, 0]);
        assert_eq!(r.union, 5, "d is in none of them in 2015");
        let p12 = &r.pairs[0];
        assert_eq!(
            (p12.a.as_str(), p12.b.as_str(), p12.shared, p12.union),
            ("n1", "n2", 3, 4)
        );
        assert_eq!((p12.jaccard, p12.overlap), (0.75, 1.0));
        let p13 = &r.pairs[1];
        assert_eq!((p13.shared, p13.union, p13.jaccard), (2, 5, 0.4));
        assert!((p13.overlap - 2.0 / 3.0).abs() < 1e-15);
        // A network with no member: every ratio is 0, never NaN.
        let p_ghost = r
            .pairs
            .iter()
            .find(|p| p.a.as_str() == "n1" && p.b.as_str() == "ghost")
            .unwrap();
        assert_eq!(
            (
                p_ghost.shared,
                p_ghost.union,
                p_ghost.jaccard,
                p_ghost.overlap
            ),
            (0, 4, 0.0, 0.0)
        );
        assert_eq!(r.matrix.jaccard[3][3], 0.0);
        assert_eq!(r.matrix.jaccard[0][0], 1.0);
        assert_eq!(r.matrix.shared[1][0], 3);
        assert_eq!(r.matrix.overlap[2][0], r.matrix.overlap[0][2]);
    }

    #[test]
    fn ended_memberships_do_not_count_but_did_before() {
        let r = check(&Filter::on(day("2009-12-31")), &["n2"], None);
        assert_eq!(r.networks[0].members, 4);
        let r = check(&Filter::on(day("2010")), &["n2"], None);
        assert_eq!(r.networks[0].members, 3);
        // The undated membership of c in n3 counts on any day.
        let r = check(&Filter::on(day("1900")), &["n3"], None);
        assert_eq!(r.networks[0].members, 1);
    }

    #[test]
    fn exclusive_counts_partition_the_union() {
        let r = check(
            &Filter::on(day("2015")),
            &["n1", "n2", "n3"],
            Some(&["n1", "n2"]),
        );
        let get = |names: &[&str]| {
            r.intersections
                .iter()
                .find(|i| i.networks == ids(names))
                .unwrap()
        };
        // a, b: n1+n2; c: n1+n3; e: all three; f: n3 only.
        assert_eq!(get(&["n1"]).exclusive, 0);
        assert_eq!(get(&["n3"]).exclusive, 1);
        assert_eq!(get(&["n1", "n2"]).exclusive, 2);
        assert_eq!(get(&["n1", "n3"]).exclusive, 1);
        assert_eq!(get(&["n2", "n3"]).exclusive, 0);
        assert_eq!(get(&["n1", "n2", "n3"]).exclusive, 1);
        assert_eq!(get(&["n1", "n2"]).inclusive, 3);
        assert_eq!(
            r.intersections.iter().map(|i| i.exclusive).sum::<u64>(),
            r.union
        );
        let order: Vec<Vec<NetworkId>> =
            r.intersections.iter().map(|i| i.networks.clone()).collect();
        let expect: Vec<Vec<NetworkId>> = [
            &["n1"][..],
            &["n2"],
            &["n3"],
            &["n1", "n2"],
            &["n1", "n3"],
            &["n2", "n3"],
            &["n1", "n2", "n3"],
        ]
        .iter()
        .map(|v| ids(v))
        .collect();
        assert_eq!(order, expect);
        let cell = r.cell.unwrap();
        assert_eq!(
            cell.cities
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>(),
            vec!["a", "b"]
        );
        assert_eq!(cell.count, 2);
    }

    #[test]
    fn filter_restricts_cities() {
        let mut f = Filter::on(day("2015"));
        f.region = Some(Region::Europe);
        let r = check(&f, &["n3"], None);
        assert_eq!(r.networks[0].members, 2, "f is in Asia");
        let mut f = Filter::on(day("2015"));
        f.country = Some(CountryCode::new("FR").unwrap());
        let r = check(&f, &["n1", "n3"], None);
        assert_eq!(
            (
                r.networks[0].members,
                r.networks[1].members,
                r.pairs[0].shared
            ),
            (2, 1, 1)
        );
        let mut f = Filter::on(day("2015"));
        f.network = Some(NetworkId::new("n3").unwrap());
        let r = check(&f, &["n1", "n2"], None);
        assert_eq!(
            (r.networks[0].members, r.networks[1].members),
            (2, 1),
            "only c and e are in n3"
        );
    }

    #[test]
    fn rejects_bad_selections() {
        let snap = fixture(NETS);
        let f = Filter::on(day("2015"));
        let q = |nets: &[&str], cell: Option<&[&str]>| OverlapQuery {
            networks: ids(nets),
            cell: cell.map(ids),
        };
        let code = |q: OverlapQuery| network_overlap(&snap, &f, &q).unwrap_err().code();
        assert_eq!(code(q(&["n1", "nope"], None)), "network_not_found");
        assert_eq!(code(q(&[], None)), "no_networks");
        assert_eq!(code(q(&["n1"], Some(&["n2"]))), "cell_not_in_selection");
        assert_eq!(code(q(&["n1"], Some(&[]))), "empty_cell");
        let many: Vec<String> = (0..13).map(|i| format!("x{i}")).collect();
        let mut text = String::from(NETS);
        for id in &many {
            text += &format!("; net {id}");
        }
        let big = fixture(&text);
        let names: Vec<&str> = many.iter().map(String::as_str).collect();
        let e = network_overlap(&big, &f, &q(&names, None)).unwrap_err();
        assert_eq!(e.code(), "too_many_networks");
        assert!(network_overlap(&big, &f, &q(&names[..12], None)).is_ok());
        // Repeats are ignored.
        let r = network_overlap(&snap, &f, &q(&["n1", "n1", "n2"], None)).unwrap();
        assert_eq!(r.networks.len(), 2);
    }

    #[test]
    fn twelve_networks_give_4095_combinations() {
        let mut text = String::from("city a FR europe; city b FR europe");
        for i in 0..12 {
            text += &format!("; net x{i:02}; mem ma{i} a x{i:02} 2000");
            if i % 2 == 0 {
                text += &format!("; mem mb{i} b x{i:02} 2000");
            }
        }
        let snap = fixture(&text);
        let nets: Vec<NetworkId> = (0..12)
            .map(|i| NetworkId::new(&format!("x{i:02}")).unwrap())
            .collect();
        let r = network_overlap(
            &snap,
            &Filter::on(day("2020")),
            &OverlapQuery {
                networks: nets,
                cell: None,
            },
        )
        .unwrap();
        assert_eq!(r.intersections.len(), 4095);
        assert_eq!(
            r.intersections.iter().filter(|i| i.exclusive > 0).count(),
            2
        );
        assert_eq!(
            r.intersections.last().unwrap().exclusive,
            1,
            "a is in all twelve"
        );
        assert_eq!(r.union, 2);
    }

    #[test]
    fn top_pairs_agree_with_the_chosen_report() {
        let snap = fixture(NETS);
        let f = Filter::on(day("2015"));
        for measure in [
            OverlapMeasure::Jaccard,
            OverlapMeasure::Overlap,
            OverlapMeasure::Shared,
        ] {
            let top = top_overlapping_pairs(
                &snap,
                &f,
                &TopPairsQuery {
                    min_shared: 1,
                    measure,
                    top: 10,
                },
            );
            let all = network_overlap(
                &snap,
                &f,
                &OverlapQuery {
                    networks: ids(&["ghost", "n1", "n2", "n3"]),
                    cell: None,
                },
            )
            .unwrap();
            let mut expect: Vec<NetworkPair> =
                all.pairs.into_iter().filter(|p| p.shared >= 1).collect();
            expect.sort_by(|x, y| {
                measure
                    .score(y)
                    .total_cmp(&measure.score(x))
                    .then(x.a.cmp(&y.a))
                    .then(x.b.cmp(&y.b))
            });
            assert_eq!(top.pairs, expect, "{measure:?}");
            assert_eq!(top.pairs_matching, 3);
            assert_eq!((top.networks, top.networks_with_members), (4, 3));
        }
    }

    #[test]
    fn top_pairs_honour_min_shared_top_and_ties() {
        let snap = fixture(NETS);
        let f = Filter::on(day("2015"));
        let q = |min_shared, measure, top| TopPairsQuery {
            min_shared,
            measure,
            top,
        };
        let r = top_overlapping_pairs(&snap, &f, &q(3, OverlapMeasure::Shared, 10));
        assert_eq!(r.pairs.len(), 1);
        assert_eq!((r.pairs[0].a.as_str(), r.pairs[0].b.as_str()), ("n1", "n2"));
        let r = top_overlapping_pairs(&snap, &f, &q(0, OverlapMeasure::Shared, 1));
        assert_eq!((r.min_shared, r.pairs_matching, r.pairs.len()), (1, 3, 1));
        let r = top_overlapping_pairs(&snap, &f, &q(1, OverlapMeasure::Shared, 0));
        assert_eq!((r.pairs_matching, r.pairs.len()), (3, 0));
        // Shared: n1-n2 = 3, then n1-n3 = 2 and n2-n3 = 1.
        let r = top_overlapping_pairs(&snap, &f, &q(1, OverlapMeasure::Shared, 3));
        let got: Vec<(&str, &str, u64)> = r
            .pairs
            .iter()
            .map(|p| (p.a.as_str(), p.b.as_str(), p.shared))
            .collect();
        assert_eq!(got, vec![("n1", "n2", 3), ("n1", "n3", 2), ("n2", "n3", 1)]);
        // Ties are broken by ids: three networks with identical members.
        let snap = fixture("city a FR europe; net z; net y; net x; mem m1 a z 2000; mem m2 a y 2000; mem m3 a x 2000");
        let r = top_overlapping_pairs(&snap, &f, &q(1, OverlapMeasure::Jaccard, 2));
        let got: Vec<(&str, &str)> = r
            .pairs
            .iter()
            .map(|p| (p.a.as_str(), p.b.as_str()))
            .collect();
        assert_eq!(got, vec![("x", "y"), ("x", "z")]);
    }

    #[test]
    fn the_index_agrees_with_membership_valid_time() {
        let snap = fixture(NETS);
        let index = MembershipIndex::new(&snap);
        assert_eq!((index.cities(), index.networks()), (6, 4));
        for d in [
            "1900",
            "1999",
            "2000",
            "2004-12-31",
            "2005",
            "2009-12-31",
            "2010",
            "2015",
            "2030",
        ] {
            let f = Filter::on(day(d));
            let inc = index.at(&f, day(d));
            for c in 0..index.cities() {
                let id = index.city_id(c);
                let expect: Vec<&str> = city_networks(&snap, day(d), id)
                    .iter()
                    .map(|n| n.as_str())
                    .collect();
                let got: Vec<&str> = inc
                    .nets_of(c)
                    .iter()
                    .map(|&n| index.network_id(n as usize).as_str())
                    .collect();
                assert_eq!(got, expect, "{id} on {d}");
            }
            let gate = Gate::new(&snap, &f);
            for n in 0..index.networks() {
                let id = index.network_id(n).as_str();
                let expect: Vec<&str> = network_members(&snap, &gate, day(d), id)
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect();
                let got: Vec<&str> = inc
                    .members_of(n)
                    .iter()
                    .map(|&c| index.city_id(c as usize))
                    .collect();
                assert_eq!(got, expect, "{id} on {d}");
            }
        }
        // Restrictions: the same cities as the filter admits.
        let mut f = Filter::on(day("2015"));
        f.network = Some(NetworkId::new("n3").unwrap());
        f.country = Some(CountryCode::new("FR").unwrap());
        let inc = index.at(&f, f.as_of);
        for c in 0..index.cities() {
            let city = snap.city(index.city_id(c)).unwrap();
            assert_eq!(inc.admitted[c], f.city_included(&snap, city), "{}", city.id);
        }
        f.network = Some(NetworkId::new("nope").unwrap());
        assert!(!index.at(&f, f.as_of).admitted.iter().any(|&a| a));
    }

    #[test]
    fn results_serialize_with_snake_case_measures() {
        let snap = fixture(NETS);
        let r = top_overlapping_pairs(&snap, &Filter::on(day("2015")), &TopPairsQuery::default());
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["measure"], "jaccard");
        assert_eq!(v["as_of"], "2015-01-01");
        assert_eq!(
            "overlap".parse::<OverlapMeasure>().unwrap(),
            OverlapMeasure::Overlap
        );
        assert!("cosine".parse::<OverlapMeasure>().is_err());
    }
}
