//! citygraph-generate: synthetic datasets of cities, city networks, memberships and sister-city
//! links, for benchmarks, tests and trying a deployment before loading real data.
//!
//! It owns the statistical model (below) and the CSV layout it writes, which is the layout
//! `citygraph import` reads (`citygraph_interchange::read::read_gen_graph_dir`, first written by
//! the benchmark script `gen_graph.py`): `cities.csv`, `networks.csv`, `memberships.csv`,
//! `partnerships.csv`, plus `summary.json`. The three [`Scale`]s have the sizes of that script's
//! and its statistical shape (its bytes are not reproduced).
//!
//! # The model
//!
//! 1. **Countries.** The 20 UN M49 sub-regions, each with a centroid, a share of the cities and of
//!    the countries, its survey region and its real ISO 3166-1 codes. One country slot per 25
//!    cities (20 to 200) is shared out by country share; country sizes are Pareto(1.2) + 0.2 within
//!    a sub-region, whose countries together hold its share of cities; cities are apportioned to
//!    countries by largest remainder.
//! 2. **Cities.** Population `5000 * (1 + Pareto(1.05))`, at most 38 million; coordinates scattered
//!    around the country's centroid. Ids `c0..`, a random permutation of the internal order.
//! 3. **Twinning propensity.** A power law (`U^(-1/1.3)`) assigned by rank of `ln(population)` plus
//!    noise, so hubs are big cities; 35% of cities keep 5% of theirs; expected degree capped at 200.
//! 4. **Links.** Chung-Lu pair sampling on the propensities: 55% of draws pick the partner inside
//!    the first city's sub-region; self-pairs are dropped, and 85% of same-country pairs; distinct
//!    pairs until the number asked for. Degrees come out heavy-tailed (small: median 3, 27% of
//!    cities untwinned, maximum about 170; large: median 5, maximum about 280).
//! 5. **Link history.** Established 1950-1979 (35%), 1980-2004 (40%) or 2005-2024 (25%); 26% lapse
//!    `1 + Geometric(1/15)` years later, by 2024 at the latest (about three links in four stay active).
//! 6. **Networks.** 4, 6 or 10 global ones (3%-20% of all cities, weighted by population^0.6), a
//!    twentieth elite ones (25-250 members, weighted by population^1.6: the biggest cities), the
//!    rest regional (3-60 members inside one sub-region, weighted by population^0.7); members are
//!    drawn without replacement.
//! 7. **Memberships.** Joined in the later of the founding year and a uniform 1990-2024; 10% leave
//!    `1 + Geometric(1/6)` years later.
//!
//! Each step reads its own random stream, so changing the number of networks leaves the cities
//! and links as they were, and changing the number of links leaves the cities.
//!
//! **Invariant:** the output is a function of [`Params`] and [`MODEL_VERSION`] alone: the same
//! seed gives the same bytes on every machine (see `draw` for how: ChaCha8, sampling rules written
//! out, `libm` for transcendental functions, no hash-map iteration, fixed-precision coordinates).
//! A change to the model that changes any output bumps [`MODEL_VERSION`].
//!
//! Of citygraph's crates it depends only on citygraph-core (region slugs), and it does no terminal
//! IO: progress goes through a callback. Start with [`generate`] and [`Dataset::write_dir`].

mod draw;
mod geo;
mod model;
mod params;
mod summary;
mod write;

use std::path::PathBuf;

pub use params::{Params, Scale, DEFAULT_SEED, MAX_CITIES, MAX_LINKS, MAX_NETWORKS};
pub use summary::{DegreeSummary, MembershipSummary, Requested, Summary};

/// Version of the model: datasets of one seed and one model version are byte-identical.
pub const MODEL_VERSION: u32 = 1;

/// The files a dataset folder holds, in the order they are written.
pub const FILES: [&str; 5] = [
    "cities.csv",
    "networks.csv",
    "memberships.csv",
    "partnerships.csv",
    "summary.json",
];

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GenerateError {
    #[error("unknown scale {0:?}: expected small, medium or large")]
    UnknownScale(String),
    #[error("a dataset needs at least one city")]
    NoCities,
    #[error("{what} must be at most {max}, got {value}")]
    TooLarge {
        what: &'static str,
        value: u64,
        max: u64,
    },
    #[error(
        "{links} links are too many for {cities} cities: at most {max} (a quarter of all pairs)"
    )]
    TooDense { links: u64, cities: u32, max: u64 },
    #[error("writing {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// A step of the generation, for progress reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Cities,
    Links,
    Networks,
    Writing,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Cities => "cities",
            Phase::Links => "links",
            Phase::Networks => "networks",
            Phase::Writing => "writing",
        }
    }
}

/// Receives `(phase, done, total)` now and then; `done == total` ends a phase.
pub struct Progress<'a>(&'a (dyn Fn(Phase, u64, u64) + Sync));

impl<'a> Progress<'a> {
    pub fn new(f: &'a (dyn Fn(Phase, u64, u64) + Sync)) -> Progress<'a> {
        Progress(f)
    }
    /// A receiver that ignores everything.
    pub fn none() -> Progress<'static> {
        Progress(&|_, _, _| {})
    }
    pub(crate) fn report(&self, phase: Phase, done: u64, total: u64) {
        (self.0)(phase, done, total)
    }
}

/// One generated dataset, in memory.
pub struct Dataset {
    params: Params,
    world: model::World,
    networks: Vec<model::NetworkRow>,
    memberships: Vec<model::MembershipRow>,
    links: Vec<model::LinkRow>,
}

/// Generates the dataset of `params`.
pub fn generate(params: &Params, progress: &Progress) -> Result<Dataset, GenerateError> {
    params.validate()?;
    let n = u64::from(params.cities);
    progress.report(Phase::Cities, 0, n);
    let world = model::world(params);
    let w = model::propensity(params, &world);
    progress.report(Phase::Cities, n, n);
    let pairs = model::link_pairs(params, &world, &w, progress);
    drop(w);
    let links = model::links(params, &world, &pairs);
    drop(pairs);
    let (networks, members) = model::networks(params, &world, progress);
    let memberships = model::memberships(params, &world, &networks, members);
    Ok(Dataset {
        params: params.clone(),
        world,
        networks,
        memberships,
        links,
    })
}

impl Dataset {
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The figures of `summary.json`.
    pub fn summary(&self) -> Summary {
        summary::summarize(self)
    }

    /// Writes [`FILES`] into `dir` (created if missing). Each file is written beside its final
    /// name and renamed into place, so an interrupted run never leaves a truncated file under a
    /// final name. Returns the summary it wrote.
    pub fn write_dir(
        &self,
        dir: &std::path::Path,
        progress: &Progress,
    ) -> Result<Summary, GenerateError> {
        write::write_dir(self, dir, progress)
    }
}

/// [`generate`] then [`Dataset::write_dir`].
pub fn generate_into(
    params: &Params,
    dir: &std::path::Path,
    progress: &Progress,
) -> Result<Summary, GenerateError> {
    generate(params, progress)?.write_dir(dir, progress)
}
