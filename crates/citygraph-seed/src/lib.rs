//! citygraph-seed: builds `seed-data/` from the public raw sources, reproducibly.
//!
//! It owns the seed pipeline: reading the raw sources (Wikipedia twin-town lists, the Wikidata P190
//! crawl, the GeoNames gazetteer, the ClimActor membership snapshots and the curated event files),
//! resolving every place to one city record, merging duplicates, applying the curated partnership
//! histories, and writing the NDJSON seed files, `unresolved.csv` and `SOURCES.md`. Of the workspace
//! it depends on `citygraph-core` alone (the model and its validation), never on the store,
//! service or API crates; it reads and writes only the directories it is given, with no network
//! access, no clock and no randomness, and no hash-map iteration reaches the output, so the same
//! raw files always give the same bytes.
//!
//! Start with [`build`], which runs the stages in order; then [`resolve`] (how a label becomes a
//! city), [`normalize`] (name keys) and [`country`] (country labels and survey regions). Each
//! source has its own module (`wikipedia`, `wikidata`, `curated`, `climactor`, `networks`), and
//! `output` turns the drafts into model records and files (`sources` writes `SOURCES.md`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use citygraph_core::{Event, PartialDate, PartnershipKind};

pub mod country;
pub mod error;
pub mod gazetteer;
pub mod normalize;
pub mod report;
pub mod resolve;

mod climactor;
mod curated;
mod networks;
mod output;
mod read;
mod sources;
mod wikidata;
mod wikipedia;

pub use error::SeedError;
pub use report::Report;

use country::Countries;
use gazetteer::Gazetteer;
use resolve::Resolver;

/// The files [`build`] writes into its output directory.
pub const OUTPUT_FILES: [&str; 7] = [
    "cities.ndjson",
    "networks.ndjson",
    "memberships.ndjson",
    "memberships-climactor.ndjson",
    "partnerships.ndjson",
    "unresolved.csv",
    "SOURCES.md",
];

/// A place that could not be resolved: one row of `unresolved.csv`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Unresolved {
    pub source: String,
    pub name: String,
    pub country: String,
    pub reason: String,
}

impl Unresolved {
    pub fn new(source: &str, name: &str, country: &str, reason: &str) -> Unresolved {
        Unresolved {
            source: source.to_owned(),
            name: name.to_owned(),
            country: country.to_owned(),
            reason: reason.to_owned(),
        }
    }
}

/// A partnership before ids are assigned.
#[derive(Clone, Debug)]
pub(crate) struct PairDraft {
    pub kind: PartnershipKind,
    pub sources: BTreeSet<String>,
    pub events: Vec<Event>,
    pub note: Option<String>,
    pub from_lists: bool,
    pub from_wikidata: bool,
    pub from_curated: bool,
}

impl Default for PairDraft {
    fn default() -> PairDraft {
        PairDraft {
            kind: PartnershipKind::SisterCity,
            sources: BTreeSet::new(),
            events: Vec::new(),
            note: None,
            from_lists: false,
            from_wikidata: false,
            from_curated: false,
        }
    }
}

/// A membership before ids are assigned.
#[derive(Clone, Debug, Default)]
pub(crate) struct MembershipDraft {
    pub joined: Option<PartialDate>,
    pub left: Option<PartialDate>,
    pub observed: BTreeSet<PartialDate>,
    pub absent: BTreeSet<PartialDate>,
    pub role: Option<String>,
    pub sources: BTreeSet<String>,
}

/// Everything the stages build up, keyed by city record index until ids are assigned.
pub(crate) struct Seed<'a> {
    pub resolver: Resolver<'a>,
    /// Partnerships by `(smaller, larger)` city record index.
    pub pairs: BTreeMap<(usize, usize), PairDraft>,
    pub networks: Vec<networks::NetworkDraft>,
    /// Memberships from ClimActor by `(network id, city record)`.
    pub memberships_climactor: BTreeMap<(String, usize), MembershipDraft>,
    /// Memberships from the curated network events by `(network id, city record)`.
    pub memberships: BTreeMap<(String, usize), MembershipDraft>,
    pub unresolved: BTreeSet<Unresolved>,
    pub report: Report,
}

/// Builds the seed from the raw sources in `raw` (the layout of `shared/data/raw`) into `out`
/// (created if missing), and returns the figures of the build. It prints nothing; the files it
/// writes are listed in [`OUTPUT_FILES`]. Building twice from the same sources writes the same
/// bytes.
pub fn build(raw: &Path, out: &Path) -> Result<Report, SeedError> {
    let countries = Countries::load(&raw.join("geonames-cities15000").join("countries.csv"))?;
    let gazetteer = Gazetteer::load(
        &raw.join("geonames-cities15000")
            .join("cities15000_slim.csv"),
    )?;
    let mut seed = Seed {
        resolver: Resolver::new(&gazetteer, &countries),
        pairs: BTreeMap::new(),
        networks: Vec::new(),
        memberships_climactor: BTreeMap::new(),
        memberships: BTreeMap::new(),
        unresolved: BTreeSet::new(),
        report: Report::default(),
    };
    seed.report.gazetteer_cities = gazetteer.cities.len();
    seed.report.countries = countries.len();

    wikipedia::load(&mut seed, raw)?;
    curated::load_twinning(&mut seed, raw)?;
    wikidata::load(&mut seed, raw)?;
    networks::load(&mut seed);
    climactor::load(&mut seed, raw)?;
    curated::load_memberships(&mut seed, raw)?;
    output::write(seed, out)
}
