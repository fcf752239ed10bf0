//! `summary.json`: the counts of a dataset and the figures of its shape.
//!
//! The keys are those `gen_graph.py` writes (without its timing, which would make the file differ
//! from run to run), plus `generator`, `model` and `requested`. Ratios are quotients of integers,
//! and serde_json prints the shortest representation of a double, so the file is as portable as
//! the CSV.

use serde::{Deserialize, Serialize};

use crate::Dataset;

/// The sizes asked for (the links made may be fewer, see [`Summary::links`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Requested {
    pub cities: u64,
    pub links: u64,
    pub networks: u64,
}

/// Degree distribution of the twinning graph over all links, lapsed or not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DegreeSummary {
    pub max: u64,
    pub mean: f64,
    pub median: f64,
    /// Share of cities with no link.
    pub zero_frac: f64,
    /// Share of cities with at most five links.
    pub le5_frac: f64,
    /// Cities with at least 50 links.
    pub ge50: u64,
    /// Cities with at least 100 links.
    pub ge100: u64,
}

/// Memberships in force (no `left` year) per city.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MembershipSummary {
    pub max: u64,
    pub mean: f64,
    pub zero_frac: f64,
}

/// The content of `summary.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Always `citygraph generate`.
    pub generator: String,
    /// [`crate::MODEL_VERSION`].
    pub model: u32,
    /// `small`, `medium`, `large`, or `custom` for other sizes.
    pub scale: String,
    pub seed: u64,
    pub requested: Requested,
    /// Rows of `cities.csv`.
    pub cities: u64,
    /// Distinct country codes among the cities.
    pub countries: u64,
    /// Rows of `partnerships.csv`: the links asked for, unless the graph was too dense for the
    /// degree model to place them all.
    pub links: u64,
    /// Links with no lapsed year.
    pub active_links: u64,
    /// Rows of `networks.csv`.
    pub networks: u64,
    /// Rows of `memberships.csv`.
    pub memberships: u64,
    /// Memberships with no left year.
    pub active_memberships: u64,
    pub degree_all: DegreeSummary,
    /// Largest degree over links with no lapsed year.
    pub degree_active_max: u64,
    pub memberships_per_city: MembershipSummary,
    /// Members in force of the five largest networks.
    pub network_sizes_top5: Vec<u64>,
    pub network_size_median: f64,
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Median of counts, numpy's way: the mean of the two middle values of an even-sized sample.
fn median(mut v: Vec<u32>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_unstable();
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        f64::from(v[m])
    } else {
        (f64::from(v[m - 1]) + f64::from(v[m])) / 2.0
    }
}

pub(crate) fn summarize(d: &Dataset) -> Summary {
    let n = d.world.len();
    let mut deg = vec![0u32; n];
    let mut deg_active = vec![0u32; n];
    for l in &d.links {
        for c in [l.a, l.b] {
            deg[c as usize] += 1;
            if l.lapsed == 0 {
                deg_active[c as usize] += 1;
            }
        }
    }
    let mut per_city = vec![0u32; n];
    let mut sizes = vec![0u32; d.networks.len()];
    for m in d.memberships.iter().filter(|m| m.left == 0) {
        per_city[m.city as usize] += 1;
        sizes[m.network as usize] += 1;
    }
    let mut codes: Vec<&str> = d
        .world
        .city_country
        .iter()
        .map(|&c| d.world.countries[usize::from(c)].iso)
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let count = |v: &[u32], f: fn(u32) -> bool| v.iter().filter(|&&x| f(x)).count() as u64;
    let sum = |v: &[u32]| v.iter().map(|&x| u64::from(x)).sum::<u64>();
    let n64 = n as u64;
    let mut top: Vec<u64> = sizes.iter().map(|&x| u64::from(x)).collect();
    top.sort_unstable_by(|a, b| b.cmp(a));
    top.truncate(5);
    let p = &d.params;
    Summary {
        generator: "citygraph generate".into(),
        model: crate::MODEL_VERSION,
        scale: p.named_scale().map_or("custom", |s| s.as_str()).to_owned(),
        seed: p.seed,
        requested: Requested {
            cities: u64::from(p.cities),
            links: p.links,
            networks: u64::from(p.networks),
        },
        cities: n64,
        countries: codes.len() as u64,
        links: d.links.len() as u64,
        active_links: d.links.iter().filter(|l| l.lapsed == 0).count() as u64,
        networks: d.networks.len() as u64,
        memberships: d.memberships.len() as u64,
        active_memberships: d.memberships.iter().filter(|m| m.left == 0).count() as u64,
        degree_all: DegreeSummary {
            max: deg.iter().copied().max().map_or(0, u64::from),
            mean: ratio(sum(&deg), n64),
            median: median(deg.clone()),
            zero_frac: ratio(count(&deg, |x| x == 0), n64),
            le5_frac: ratio(count(&deg, |x| x <= 5), n64),
            ge50: count(&deg, |x| x >= 50),
            ge100: count(&deg, |x| x >= 100),
        },
        degree_active_max: deg_active.iter().copied().max().map_or(0, u64::from),
        memberships_per_city: MembershipSummary {
            max: per_city.iter().copied().max().map_or(0, u64::from),
            mean: ratio(sum(&per_city), n64),
            zero_frac: ratio(count(&per_city, |x| x == 0), n64),
        },
        network_sizes_top5: top,
        network_size_median: median(sizes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_are_numpys() {
        assert_eq!(median(vec![]), 0.0);
        assert_eq!(median(vec![3, 1, 2]), 2.0);
        assert_eq!(median(vec![4, 1, 2, 3]), 2.5);
    }
}
