//! The statistical model. Every step names its stream ([`Stream`]) and its draws, in order.
//!
//! Internally cities are numbered by sub-region, then country (so a sub-region is a range of
//! indices and its cumulative weights are a slice); the output ids are a random permutation of
//! those numbers, so that id order carries no locality.

use citygraph_core::Region;

use crate::draw::{Draw, Stream};
use crate::geo::SUBREGIONS;
use crate::{Params, Phase, Progress};

/// Cap on a city's expected twinning degree.
const MAX_PARTNERS: f64 = 200.0;
/// Latest year of the synthetic history.
pub(crate) const LAST_YEAR: i32 = 2024;
/// How often the progress callback is told, in items.
const REPORT_EVERY: u64 = 1 << 16;

/// A country slot: a real ISO code inside its sub-region.
pub(crate) struct Country {
    pub(crate) iso: &'static str,
    pub(crate) sub: u8,
}

/// What kind of network, which sets its size and who joins it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NetworkKind {
    Global,
    Elite,
    Regional,
}

impl NetworkKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            NetworkKind::Global => "global",
            NetworkKind::Elite => "elite",
            NetworkKind::Regional => "regional",
        }
    }
    pub(crate) fn title(self) -> &'static str {
        match self {
            NetworkKind::Global => "Global",
            NetworkKind::Elite => "Elite",
            NetworkKind::Regional => "Regional",
        }
    }
}

pub(crate) struct NetworkRow {
    pub(crate) kind: NetworkKind,
    pub(crate) region: Option<Region>,
    pub(crate) founded: i32,
}

/// A sister-city link between output ids; `lapsed` is 0 for a link still in force.
pub(crate) struct LinkRow {
    pub(crate) a: u32,
    pub(crate) b: u32,
    pub(crate) established: i32,
    pub(crate) lapsed: i32,
}

/// A membership of an output city id in a network; `left` is 0 for one still in force.
pub(crate) struct MembershipRow {
    pub(crate) city: u32,
    pub(crate) network: u32,
    pub(crate) joined: i32,
    pub(crate) left: i32,
}

/// The cities in internal order (sub-region, then country).
pub(crate) struct World {
    pub(crate) countries: Vec<Country>,
    pub(crate) city_country: Vec<u16>,
    pub(crate) pop: Vec<u32>,
    pub(crate) lat: Vec<f64>,
    pub(crate) lon: Vec<f64>,
    /// Internal index -> output id.
    pub(crate) ext_id: Vec<u32>,
    /// Internal indices of sub-region `r`: `sub_start[r]..sub_start[r + 1]`.
    pub(crate) sub_start: [usize; SUBREGIONS.len() + 1],
}

impl World {
    pub(crate) fn len(&self) -> usize {
        self.pop.len()
    }

    pub(crate) fn sub_range(&self, r: usize) -> std::ops::Range<usize> {
        self.sub_start[r]..self.sub_start[r + 1]
    }

    pub(crate) fn sub_of(&self, i: usize) -> usize {
        usize::from(self.countries[usize::from(self.city_country[i])].sub)
    }
}

/// Largest-remainder (Hamilton) apportionment of `total` over `weights`; ties go to the lower
/// index. Exact: the counts add up to `total`.
fn apportion(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    let quotas: Vec<f64> = weights.iter().map(|w| w / sum * total as f64).collect();
    let mut counts: Vec<u64> = quotas.iter().map(|q| libm::floor(*q) as u64).collect();
    let given: u64 = counts.iter().sum();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = quotas[a] - counts[a] as f64;
        let rb = quotas[b] - counts[b] as f64;
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &i in order
        .iter()
        .cycle()
        .take(total.saturating_sub(given) as usize)
    {
        counts[i] += 1;
    }
    counts
}

/// Countries, cities, populations and coordinates.
///
/// Countries: the slots ([`Params::country_slots`]) are shared among the sub-regions by their
/// country share (rounded half to even, at least one, at most the codes listed), each slot taking
/// the next code of its sub-region. A country's size is Pareto(1.2) + 0.2, scaled so that each
/// sub-region's countries add up to its share of the cities, and the cities are apportioned to
/// the countries by largest remainder (exactly `cities` in all). Country centroids scatter around
/// the sub-region's, N(0, 6) degrees in latitude and N(0, 9) in longitude.
///
/// Cities: population `floor(5000 * (1 + Pareto(1.05)))`, at most 38 million (Zipf-like: most
/// towns small, a few megacities); coordinates around the country's centroid, N(0, 2.5) and
/// N(0, 3.5) degrees, latitude clamped to ±89.9 and longitude wrapped into [-180, 180).
pub(crate) fn world(p: &Params) -> World {
    let mut d = Draw::new(p.seed, Stream::Countries);
    let slots = f64::from(p.country_slots());
    let share_sum: f64 = SUBREGIONS.iter().map(|s| s.country_share).sum();
    let mut countries = Vec::new();
    let mut size = Vec::new();
    let mut centroid = Vec::new();
    for (r, s) in SUBREGIONS.iter().enumerate() {
        let codes: Vec<&'static str> = s.countries.split(' ').collect();
        let k = ((s.country_share / share_sum * slots).round_ties_even() as usize)
            .clamp(1, codes.len());
        let sizes: Vec<f64> = (0..k).map(|_| d.pareto(1.2) + 0.2).collect();
        let sum: f64 = sizes.iter().sum();
        for (j, code) in codes.iter().take(k).enumerate() {
            countries.push(Country {
                iso: code,
                sub: r as u8,
            });
            size.push(sizes[j] / sum * s.city_weight);
            let lat = s.lat + 6.0 * d.normal();
            let lon = s.lon + 9.0 * d.normal();
            centroid.push((lat, lon));
        }
    }
    let per_country = apportion(u64::from(p.cities), &size);

    let n = p.cities as usize;
    let mut d = Draw::new(p.seed, Stream::Cities);
    let mut city_country = Vec::with_capacity(n);
    let mut sub_start = [0usize; SUBREGIONS.len() + 1];
    for (c, &k) in per_country.iter().enumerate() {
        city_country.extend(std::iter::repeat_n(c as u16, k as usize));
        sub_start[usize::from(countries[c].sub) + 1] += k as usize;
    }
    for r in 0..SUBREGIONS.len() {
        sub_start[r + 1] += sub_start[r];
    }
    let pop: Vec<u32> = (0..n)
        .map(|_| libm::fmin(libm::floor(5000.0 * (1.0 + d.pareto(1.05))), 38_000_000.0) as u32)
        .collect();
    let mut lat = Vec::with_capacity(n);
    let mut lon = Vec::with_capacity(n);
    for &c in &city_country {
        let (clat, clon) = centroid[usize::from(c)];
        lat.push((clat + 2.5 * d.normal()).clamp(-89.9, 89.9));
        let mut x = libm::fmod(clon + 3.5 * d.normal() + 180.0, 360.0);
        if x < 0.0 {
            x += 360.0;
        }
        lon.push(if x >= 360.0 { -180.0 } else { x - 180.0 });
    }
    let mut ext_id: Vec<u32> = (0..n as u32).collect();
    d.shuffle(&mut ext_id);
    World {
        countries,
        city_country,
        pop,
        lat,
        lon,
        ext_id,
        sub_start,
    }
}

/// Twinning propensity: a capped power law, rank-correlated with population.
///
/// `n` draws of `U^(-1/1.3)` (a power law with exponent about 2.3), sorted; the city of rank `k`
/// by `ln(population) + N(0, 0.8)` gets the `k`-th largest. 35% of cities keep only 5% of theirs
/// (most cities never twin). Then, six times at most, weights whose expected degree
/// (`w / sum(w) * 2 * links`) exceeds 200 are lowered to that cap.
pub(crate) fn propensity(p: &Params, world: &World) -> Vec<f64> {
    let n = world.len();
    let mut d = Draw::new(p.seed, Stream::Propensity);
    let mut raw: Vec<f64> = (0..n)
        .map(|_| libm::pow(d.unit_open_low(), -1.0 / 1.3))
        .collect();
    raw.sort_by(|a, b| b.total_cmp(a));
    let score: Vec<f64> = world
        .pop
        .iter()
        .map(|&x| libm::log(f64::from(x)) + 0.8 * d.normal())
        .collect();
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by(|&a, &b| {
        score[b as usize]
            .total_cmp(&score[a as usize])
            .then(a.cmp(&b))
    });
    let mut w = vec![0.0; n];
    for (k, &i) in order.iter().enumerate() {
        w[i as usize] = raw[k];
    }
    for x in &mut w {
        if d.chance(0.35) {
            *x *= 0.05;
        }
    }
    let twice_links = 2.0 * p.links as f64;
    if twice_links > 0.0 {
        for _ in 0..6 {
            let sum: f64 = w.iter().sum();
            let cap = MAX_PARTNERS / twice_links * sum * (1.0 - 1e-9);
            let mut over = false;
            for x in &mut w {
                if *x / sum * twice_links > MAX_PARTNERS {
                    *x = cap;
                    over = true;
                }
            }
            if !over {
                break;
            }
        }
    }
    w
}

/// Prefix sums of `w`.
fn cumulative(w: &[f64]) -> Vec<f64> {
    let mut acc = 0.0;
    w.iter()
        .map(|x| {
            acc += x;
            acc
        })
        .collect()
}

/// The index `i` in `range` whose cumulative weight interval holds `x` (the first `cum[i] > x`).
fn pick(cum: &[f64], range: std::ops::Range<usize>, x: f64) -> usize {
    let i = range.start + cum[range.clone()].partition_point(|&c| c <= x);
    i.min(range.end - 1)
}

/// [`pick`] over all of `cum` in expected constant time: a guide table holds, for each of `n`
/// equal slices of `[0, total)`, the answer at the slice's start, from which a short forward scan
/// finds the answer at `x`. The answers are exactly [`pick`]'s (a binary search over a million
/// entries is a cache miss per step; this is about two).
struct Guide<'a> {
    cum: &'a [f64],
    guide: Vec<u32>,
    total: f64,
}

impl<'a> Guide<'a> {
    fn new(cum: &'a [f64]) -> Guide<'a> {
        let total = *cum.last().expect("at least one weight");
        let mut g = Guide {
            cum,
            guide: Vec::with_capacity(cum.len()),
            total,
        };
        let mut i = 0;
        for k in 0..cum.len() {
            let t = g.threshold(k);
            while i + 1 < cum.len() && cum[i] <= t {
                i += 1;
            }
            g.guide.push(i as u32);
        }
        g
    }

    fn threshold(&self, k: usize) -> f64 {
        k as f64 / self.cum.len() as f64 * self.total
    }

    /// `pick(cum, 0..cum.len(), x)`.
    fn find(&self, x: f64) -> usize {
        let n = self.cum.len();
        let mut k = ((x / self.total * n as f64) as usize).min(n - 1);
        while k > 0 && self.threshold(k) > x {
            k -= 1;
        }
        let mut i = self.guide[k] as usize;
        while i + 1 < n && self.cum[i] <= x {
            i += 1;
        }
        i
    }

    /// `pick(cum, range, x)` for `x` at or above the cumulative weight before `range`.
    fn find_in(&self, range: std::ops::Range<usize>, x: f64) -> usize {
        self.find(x).clamp(range.start, range.end - 1)
    }
}

/// Sister-city links: Chung-Lu style pair sampling over the propensities.
///
/// Each draw picks city `a` with probability proportional to its weight; with probability 0.55
/// `b` is drawn the same way inside `a`'s sub-region, otherwise over the world. A pair is dropped
/// when `a = b`, and with probability 0.85 when both are in one country (twinning is mostly
/// international); pairs are unordered and kept once. `1.6 * links` draws are made, then more
/// (twice the shortfall plus 100, up to 64 rounds) until `links` distinct pairs exist; a uniform
/// random subset of exactly `links` is kept, in random order. Returns internal index pairs
/// `lo * n + hi`.
pub(crate) fn link_pairs(p: &Params, world: &World, w: &[f64], progress: &Progress) -> Vec<u64> {
    let n = world.len() as u64;
    let target = p.links as usize;
    if target == 0 || n < 2 {
        return Vec::new();
    }
    let mut d = Draw::new(p.seed, Stream::Links);
    let cum = cumulative(w);
    let total = *cum.last().expect("at least two cities");
    let sub_of: Vec<u8> = (0..world.len()).map(|i| world.sub_of(i) as u8).collect();
    let sub_lo: Vec<f64> = (0..SUBREGIONS.len())
        .map(|r| match world.sub_start[r] {
            0 => 0.0,
            s => cum[s - 1],
        })
        .collect();
    let guide = Guide::new(&cum);
    let mut keys: Vec<u64> = Vec::with_capacity(target * 17 / 10);
    let mut draws = (target as u64 * 8).div_ceil(5);
    let mut done = 0u64;
    let planned = draws;
    for _round in 0..64 {
        for k in 0..draws {
            let a = guide.find(d.unit() * total);
            let b = if d.chance(0.55) {
                let r = usize::from(sub_of[a]);
                let range = world.sub_range(r);
                let hi = cum[range.end - 1];
                guide.find_in(range, sub_lo[r] + d.unit() * (hi - sub_lo[r]))
            } else {
                guide.find(d.unit() * total)
            };
            if k & (REPORT_EVERY - 1) == 0 {
                progress.report(Phase::Links, (done + k).min(planned), planned);
            }
            if a == b || (world.city_country[a] == world.city_country[b] && d.chance(0.85)) {
                continue;
            }
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            keys.push(lo as u64 * n + hi as u64);
        }
        done += draws;
        keys.sort_unstable();
        keys.dedup();
        if keys.len() >= target {
            break;
        }
        draws = 2 * (target - keys.len()) as u64 + 100;
    }
    progress.report(Phase::Links, planned, planned);
    if keys.len() > target {
        d.choose_front(&mut keys, target);
        keys.truncate(target);
    } else {
        d.shuffle(&mut keys);
    }
    keys
}

/// Dates and orientation of the links.
///
/// Established: with probability 0.35 uniform in 1950-1979 (post-war), 0.40 in 1980-2004, 0.25 in
/// 2005-2024. A link established before 2024 lapses with probability 0.26, after
/// `1 + Geometric(1/15)` years (at least 2, mean 16), no later than 2024. Each link is written
/// `a, b` or `b, a` with equal chance.
pub(crate) fn links(p: &Params, world: &World, pairs: &[u64]) -> Vec<LinkRow> {
    let n = world.len() as u64;
    let mut d = Draw::new(p.seed, Stream::LinkHistory);
    pairs
        .iter()
        .map(|&key| {
            let (lo, hi) = ((key / n) as usize, (key % n) as usize);
            let u = d.unit();
            let established = if u < 0.35 {
                d.between(1950, 1980)
            } else if u < 0.75 {
                d.between(1980, 2005)
            } else {
                d.between(2005, LAST_YEAR + 1)
            };
            let lapsed = if established < LAST_YEAR && d.chance(0.26) {
                let gap = 1 + d.geometric(1.0 / 15.0) as i32;
                established.saturating_add(gap).min(LAST_YEAR)
            } else {
                0
            };
            let (a, b) = if d.chance(0.5) { (hi, lo) } else { (lo, hi) };
            LinkRow {
                a: world.ext_id[a],
                b: world.ext_id[b],
                established,
                lapsed,
            }
        })
        .collect()
}

/// Weighted sampling of `k` distinct indices of `range`, each draw proportional to `w` among those
/// not yet drawn (successive sampling). Small samples draw from the cumulative weights and redraw
/// repeats; large ones, or small ones that keep repeating, use Efraimidis-Spirakis keys
/// (`ln(U) / w`, the `k` largest), which give the same law.
fn weighted_distinct(
    d: &mut Draw,
    w: &[f64],
    cum: &[f64],
    range: std::ops::Range<usize>,
    k: usize,
) -> Vec<u32> {
    let len = range.len();
    let k = k.min(len);
    if k == 0 {
        return Vec::new();
    }
    if k * 8 <= len {
        let lo = match range.start {
            0 => 0.0,
            s => cum[s - 1],
        };
        let hi = cum[range.end - 1];
        let mut chosen: Vec<u32> = Vec::with_capacity(k);
        let mut seen = std::collections::HashSet::with_capacity(k * 2);
        for _ in 0..64 * k + 1024 {
            let i = pick(cum, range.clone(), lo + d.unit() * (hi - lo));
            if seen.insert(i) {
                chosen.push(i as u32);
                if chosen.len() == k {
                    return chosen;
                }
            }
        }
    }
    let mut keys: Vec<(f64, u32)> = range
        .map(|i| (libm::log(d.unit_open_low()) / w[i], i as u32))
        .collect();
    let by_key = |a: &(f64, u32), b: &(f64, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if k < keys.len() {
        keys.select_nth_unstable_by(k - 1, by_key);
        keys.truncate(k);
    }
    let mut chosen: Vec<u32> = keys.into_iter().map(|(_, i)| i).collect();
    chosen.sort_unstable();
    chosen
}

/// Networks and their members (internal city indices).
///
/// Global networks ([`Params::global_networks`], founded 1985-2005): `max(50, f * cities)`
/// members with `f` log-uniform in 3%-20%, drawn with weight `(pop / min pop)^0.6`. Elite
/// networks ([`Params::elite_networks`], founded 1995-2015): `LogNormal(ln 90, 0.5)` members,
/// clipped to 25-250 and at most a quarter of the cities, weight `(pop / min pop)^1.6`. The rest
/// are regional (founded 1990-2022): a sub-region drawn by its share of cities, `3 + 8 *
/// Pareto(1.6)` members clipped to 3-60, drawn inside it with weight `(pop / min pop)^0.7`.
pub(crate) fn networks(
    p: &Params,
    world: &World,
    progress: &Progress,
) -> (Vec<NetworkRow>, Vec<(u32, u32)>) {
    let k_all = p.networks as usize;
    let n_global = p.global_networks() as usize;
    let n_elite = p.elite_networks() as usize;
    let n = world.len();
    let mut d = Draw::new(p.seed, Stream::Networks);
    let pmin = f64::from(*world.pop.iter().min().expect("at least one city"));
    let weights = |e: f64| -> Vec<f64> {
        world
            .pop
            .iter()
            .map(|&x| libm::pow(f64::from(x) / pmin, e))
            .collect()
    };
    let (w_global, w_elite, w_regional) = (weights(0.6), weights(1.6), weights(0.7));
    let (c_global, c_elite, c_regional) = (
        cumulative(&w_global),
        cumulative(&w_elite),
        cumulative(&w_regional),
    );
    let inhabited: Vec<usize> = (0..SUBREGIONS.len())
        .filter(|&r| !world.sub_range(r).is_empty())
        .collect();
    let sub_cum = cumulative(
        &inhabited
            .iter()
            .map(|&r| SUBREGIONS[r].city_weight)
            .collect::<Vec<_>>(),
    );
    let mut rows = Vec::with_capacity(k_all);
    let mut members = Vec::new();
    for j in 0..k_all {
        if j & 63 == 0 {
            progress.report(Phase::Networks, j as u64, k_all as u64);
        }
        let (kind, region, size, founded, w, c, range) = if j < n_global {
            let f = libm::exp(d.unit() * (libm::log(0.20) - libm::log(0.03)) + libm::log(0.03));
            let size = (libm::floor(f * n as f64) as usize).max(50);
            let founded = d.between(1985, 2006);
            let global = NetworkKind::Global;
            (global, None, size, founded, &w_global, &c_global, 0..n)
        } else if j < n_global + n_elite {
            let size = (d.lognormal(libm::log(90.0), 0.5).clamp(25.0, 250.0) as usize).min(n / 4);
            let founded = d.between(1995, 2016);
            let elite = NetworkKind::Elite;
            (elite, None, size, founded, &w_elite, &c_elite, 0..n)
        } else {
            let total = *sub_cum.last().expect("some sub-region has cities");
            let r = inhabited[pick(&sub_cum, 0..inhabited.len(), d.unit() * total)];
            let size = (3.0 + 8.0 * d.pareto(1.6)).clamp(3.0, 60.0) as usize;
            let founded = d.between(1990, 2023);
            let region = Some(SUBREGIONS[r].region);
            let regional = NetworkKind::Regional;
            (
                regional,
                region,
                size,
                founded,
                &w_regional,
                &c_regional,
                world.sub_range(r),
            )
        };
        let chosen = weighted_distinct(&mut d, w, c, range, size);
        let row = NetworkRow {
            kind,
            region,
            founded,
        };
        members.extend(chosen.into_iter().map(|c| (c, j as u32)));
        rows.push(row);
    }
    progress.report(Phase::Networks, k_all as u64, k_all as u64);
    (rows, members)
}

/// Membership years, in random order.
///
/// Joined: the later of the network's founding and a uniform year in 1990-2024. A membership
/// joined before 2024 ends with probability 0.10, `1 + Geometric(1/6)` years later (at least 2),
/// no later than 2024.
pub(crate) fn memberships(
    p: &Params,
    world: &World,
    networks: &[NetworkRow],
    mut members: Vec<(u32, u32)>,
) -> Vec<MembershipRow> {
    let mut d = Draw::new(p.seed, Stream::MembershipHistory);
    d.shuffle(&mut members);
    members
        .into_iter()
        .map(|(c, j)| {
            let founded = networks[j as usize].founded;
            let joined = founded.max(d.between(1990, LAST_YEAR + 1)).min(LAST_YEAR);
            let left = if joined < LAST_YEAR && d.chance(0.10) {
                let gap = 1 + d.geometric(1.0 / 6.0) as i32;
                joined.saturating_add(gap).min(LAST_YEAR)
            } else {
                0
            };
            MembershipRow {
                city: world.ext_id[c as usize],
                network: j,
                joined,
                left,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportionment_is_exact_and_proportional() {
        assert_eq!(apportion(10, &[1.0, 1.0, 1.0]), vec![4, 3, 3]);
        assert_eq!(apportion(7, &[0.5, 0.25, 0.25]), vec![3, 2, 2]);
        assert_eq!(apportion(0, &[1.0, 2.0]), vec![0, 0]);
        let c = apportion(1000, &[3.0, 1e-9, 7.0]);
        assert_eq!(c.iter().sum::<u64>(), 1000);
        assert_eq!(c, vec![300, 0, 700]);
    }

    #[test]
    fn the_guide_table_finds_what_the_binary_search_finds() {
        let mut d = Draw::new(4, Stream::Links);
        for n in [1usize, 2, 3, 17, 1000] {
            let w: Vec<f64> = (0..n)
                .map(|i| match i % 7 {
                    0 => 500.0 * d.unit(),
                    1 => 1e-9,
                    _ => d.unit_open_low(),
                })
                .collect();
            let cum = cumulative(&w);
            let total = *cum.last().unwrap();
            let g = Guide::new(&cum);
            let mut xs: Vec<f64> = (0..5000).map(|_| d.unit() * total).collect();
            xs.extend(cum.iter().copied());
            xs.extend([0.0, total, total * (1.0 - 1e-16)]);
            for x in xs {
                assert_eq!(g.find(x), pick(&cum, 0..n, x), "n {n} x {x}");
            }
            if n >= 17 {
                for (lo, hi) in [(0, 5), (5, 17), (16, 17)] {
                    let base = if lo == 0 { 0.0 } else { cum[lo - 1] };
                    for _ in 0..500 {
                        let x = base + d.unit() * (cum[hi - 1] - base);
                        assert_eq!(g.find_in(lo..hi, x), pick(&cum, lo..hi, x));
                    }
                }
            }
        }
    }

    #[test]
    fn distinct_samples_are_distinct_and_favour_weight() {
        let w: Vec<f64> = (0..1000)
            .map(|i| if i < 10 { 1000.0 } else { 1.0 })
            .collect();
        let cum = cumulative(&w);
        let mut d = Draw::new(9, Stream::Networks);
        for (k, range) in [
            (20, 0..1000),
            (900, 0..1000),
            (5, 100..110),
            (50, 990..1000),
        ] {
            let s = weighted_distinct(&mut d, &w, &cum, range.clone(), k);
            let mut u = s.clone();
            u.sort_unstable();
            u.dedup();
            assert_eq!(u.len(), s.len());
            assert_eq!(s.len(), k.min(range.len()));
            assert!(s.iter().all(|&i| range.contains(&(i as usize))));
        }
        // The ten heavy indices hold 91% of the weight: a sample of 20 takes them all.
        let s = weighted_distinct(&mut d, &w, &cum, 0..1000, 20);
        assert!((0..10).all(|i| s.contains(&i)), "{s:?}");
    }
}
