//! citygraph-seed: builds `seed-data/` from the public raw sources, reproducibly.
//!
//! It owns the seed pipeline: reading the raw sources (Wikipedia twin-town lists, the Wikidata P190
//! crawl, the GeoNames gazetteer, the ClimActor membership snapshots, the curated event files, the
//! ETMUN and URBACT membership tables, the Baltic twin-town years, the UNESCO Creative Cities list
//! and the Eurocities member list), resolving every place to one city record, merging duplicate
//! records of one place, applying the curated partnership histories, and writing the NDJSON seed
//! files, `unresolved.csv`, `duplicates.csv` and `SOURCES.md`. Of the workspace
//! it depends on `citygraph-core` alone (the model and its validation), never on the store,
//! service or API crates; it reads and writes only the directories it is given, with no network
//! access, no clock and no randomness, and no hash-map iteration reaches the output, so the same
//! raw files always give the same bytes.
//!
//! Start with [`build`], which runs the stages in order; then [`resolve`] (how a label becomes a
//! city), [`normalize`] (name keys) and [`country`] (country labels and survey regions). Each
//! source has its own module (`wikipedia`, `wikidata`, `curated`, `climactor`, `etmun`, `urbact`,
//! `baltic`, `unesco`, `eurocities`; `networks` holds the network facts), [`dedupe`] merges the
//! records of one place that several labels created, and `output` turns the drafts into model
//! records and files (`sources` writes `SOURCES.md`).
//!
//! Facts from sources whose terms restrict their use ([`Restricted`]: ClimActor, and the thesis
//! data of ETMUN, URBACT and the Baltic twin-town years) are written to files named after those
//! sources, so that a load can leave them out (`CITYGRAPH_SEED_EXCLUDE`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use citygraph_core::{Event, PartialDate, PartnershipKind};

pub mod country;
pub mod dedupe;
pub mod error;
pub mod gazetteer;
pub mod normalize;
pub mod report;
pub mod resolve;

mod baltic;
mod climactor;
mod curated;
mod entity;
mod etmun;
mod eurocities;
mod networks;
mod output;
mod read;
mod sources;
mod unesco;
mod urbact;
mod wikidata;
mod wikipedia;

pub use error::SeedError;
pub use report::Report;

use country::Countries;
use gazetteer::Gazetteer;
use resolve::Resolver;

/// The folders of the raw directory [`build`] reads, one per source (each with its `SOURCE.md`).
pub const RAW_SOURCES: [&str; 10] = [
    "geonames-cities15000",
    wikipedia::DIR,
    wikidata::DIR,
    curated::DIR,
    climactor::DIR,
    etmun::DIR,
    urbact::DIR,
    baltic::DIR,
    unesco::DIR,
    eurocities::DIR,
];

/// The files [`build`] writes into its output directory.
pub const OUTPUT_FILES: [&str; 13] = [
    "cities.ndjson",
    "networks.ndjson",
    "networks-urbact.ndjson",
    "memberships.ndjson",
    "memberships-climactor.ndjson",
    "memberships-climactor-etmun.ndjson",
    "memberships-etmun.ndjson",
    "memberships-urbact.ndjson",
    "partnerships.ndjson",
    "partnerships-baltic.ndjson",
    "unresolved.csv",
    "duplicates.csv",
    "SOURCES.md",
];

/// A source whose terms restrict its use: records that carry any of its facts are written to a
/// file whose name carries its tag (`memberships-etmun.ndjson`), so that a load can leave it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Restricted {
    /// ClimActor: non-commercial use only.
    ClimActor,
    /// ETMUN members of 59 networks (thesis data).
    Etmun,
    /// URBACT network participations (thesis data).
    Urbact,
    /// Baltic Sea twin-town years (replication data of a paper).
    Baltic,
}

impl std::str::FromStr for Restricted {
    type Err = String;
    fn from_str(s: &str) -> Result<Restricted, String> {
        [
            Restricted::ClimActor,
            Restricted::Etmun,
            Restricted::Urbact,
            Restricted::Baltic,
        ]
        .into_iter()
        .find(|r| r.tag() == s.trim())
        .ok_or_else(|| format!("unknown source {s:?}: expected climactor, etmun, urbact or baltic"))
    }
}

impl Restricted {
    /// The tag in file names and in `CITYGRAPH_SEED_EXCLUDE`.
    pub fn tag(self) -> &'static str {
        match self {
            Restricted::ClimActor => "climactor",
            Restricted::Etmun => "etmun",
            Restricted::Urbact => "urbact",
            Restricted::Baltic => "baltic",
        }
    }
}

/// The seed file of a kind (`memberships`) for records carrying facts of `tags`.
pub(crate) fn file_for(kind: &str, tags: &BTreeSet<Restricted>) -> String {
    let mut name = kind.to_owned();
    for t in tags {
        name.push('-');
        name.push_str(t.tag());
    }
    name.push_str(".ndjson");
    name
}

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
    pub from_baltic: bool,
    /// Restricted sources whose facts the partnership carries.
    pub tags: BTreeSet<Restricted>,
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
            from_baltic: false,
            tags: BTreeSet::new(),
        }
    }
}

/// A membership before ids are assigned: the facts of every source that attests it.
#[derive(Clone, Debug, Default)]
pub(crate) struct MembershipDraft {
    pub joined: Option<PartialDate>,
    pub left: Option<PartialDate>,
    pub observed: BTreeSet<PartialDate>,
    pub absent: BTreeSet<PartialDate>,
    pub role: Option<String>,
    pub sources: BTreeSet<String>,
    /// Restricted sources whose facts the membership carries.
    pub tags: BTreeSet<Restricted>,
    /// Set by the curated network events (which take precedence over the tables).
    pub curated: bool,
    /// The source of the join date.
    pub joined_by: Option<String>,
    /// Whether an open source (the curated events, Eurocities, UNESCO) attests it too.
    pub open: bool,
}

impl MembershipDraft {
    /// Sets the join date unless one is known. Rows of one source that differ (a CIVITAS city in
    /// two phases) keep the earliest; another source's different date is a conflict, returned as
    /// a message for the report, and the date already set is kept.
    pub fn set_joined(&mut self, date: PartialDate, from: &str) -> Option<String> {
        match (self.joined, self.joined_by.as_deref()) {
            (None, _) => {
                self.joined = Some(date);
                self.joined_by = Some(from.to_owned());
                None
            }
            (Some(j), _) if j == date => None,
            (Some(j), Some(by)) if by == from => {
                if date < j {
                    self.joined = Some(date);
                }
                None
            }
            (Some(j), by) => Some(format!(
                "{from} gives joined {date}, {} gives {j}; {j} is kept",
                by.unwrap_or("another source")
            )),
        }
    }

    /// Sets the role unless one is known (the curated events and earlier rows win).
    pub fn set_role(&mut self, role: &str) {
        if self.role.is_none() {
            self.role = Some(role.to_owned());
        }
    }

    /// Folds another record of the same membership into this one (two city records merged).
    pub fn absorb(&mut self, other: MembershipDraft) {
        if let Some(j) = other.joined {
            // The curated events' date wins; otherwise the earlier.
            let take = !self.curated && (other.curated || self.joined.is_none_or(|s| j < s));
            if take {
                self.joined = Some(j);
                self.joined_by = other.joined_by.clone();
            }
        }
        if let Some(l) = other.left {
            if other.curated || self.left.is_none_or(|s| l > s) && !self.curated {
                self.left = Some(l);
            }
        }
        self.observed.extend(other.observed);
        self.absent.extend(other.absent);
        if (other.curated && other.role.is_some()) || self.role.is_none() {
            self.role = other.role;
        }
        self.sources.extend(other.sources);
        self.tags.extend(other.tags);
        self.curated |= other.curated;
        self.open |= other.open;
    }
}

/// Everything the stages build up, keyed by city record index until ids are assigned.
pub(crate) struct Seed<'a> {
    pub resolver: Resolver<'a>,
    /// Partnerships by `(smaller, larger)` city record index.
    pub pairs: BTreeMap<(usize, usize), PairDraft>,
    pub networks: Vec<networks::NetworkDraft>,
    /// Memberships of every source by `(network id, city record)`.
    pub memberships: BTreeMap<(String, usize), MembershipDraft>,
    pub unresolved: BTreeSet<Unresolved>,
    pub report: Report,
    /// Coordinates the sources give for Wikidata items (`Q1794` -> Frankfurt am Main's).
    pub qid_points: BTreeMap<String, (f64, f64)>,
    /// Wikidata items a source names for a city record (Eurocities), attached where the record
    /// has none once duplicates are merged.
    pub qid_claims: Vec<(usize, String)>,
    /// Pairs of alike records, merged or kept apart (`duplicates.csv`).
    pub duplicates: Vec<dedupe::DuplicateNote>,
    /// Records that would have been written and were merged into another (their ids are aliases).
    pub absorbed: Vec<usize>,
}

/// How a build runs.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// Restricted sources left out of the build: none of their facts reaches a record, so every
    /// record of the other sources is whole (leaving a file out of a load instead drops the open
    /// facts of its records with it).
    pub without: BTreeSet<Restricted>,
}

/// Builds the seed from the raw sources in `raw` (the layout of `shared/data/raw`) into `out`
/// (created if missing), and returns the figures of the build. It prints nothing; the files it
/// writes are listed in [`OUTPUT_FILES`]. Building twice from the same sources writes the same
/// bytes.
pub fn build(raw: &Path, out: &Path) -> Result<Report, SeedError> {
    build_with(raw, out, &BuildOptions::default())
}

/// Like [`build`], with options (see [`BuildOptions`]).
pub fn build_with(raw: &Path, out: &Path, options: &BuildOptions) -> Result<Report, SeedError> {
    let with = |r: Restricted| !options.without.contains(&r);
    let countries = Countries::load(&raw.join("geonames-cities15000").join("countries.csv"))?;
    let gazetteer = Gazetteer::load(
        &raw.join("geonames-cities15000")
            .join("cities15000_slim.csv"),
    )?;
    let mut seed = Seed {
        resolver: Resolver::new(&gazetteer, &countries),
        pairs: BTreeMap::new(),
        networks: Vec::new(),
        memberships: BTreeMap::new(),
        unresolved: BTreeSet::new(),
        report: Report::default(),
        qid_points: BTreeMap::new(),
        qid_claims: Vec::new(),
        duplicates: Vec::new(),
        absorbed: Vec::new(),
    };
    seed.report.gazetteer_cities = gazetteer.cities.len();
    seed.report.countries = countries.len();

    wikipedia::load(&mut seed, raw)?;
    curated::load_twinning(&mut seed, raw)?;
    wikidata::load(&mut seed, raw)?;
    networks::load(&mut seed);
    // Membership sources name small municipalities beside larger towns: similar names are
    // compared strictly for them (`resolve::Resolver::strict_names`), not for the hand-curated
    // rows and the Wikipedia-derived Baltic pairs.
    seed.resolver.strict_names = true;
    if with(Restricted::ClimActor) {
        climactor::load(&mut seed, raw)?;
    }
    seed.resolver.strict_names = false;
    curated::load_memberships(&mut seed, raw)?;
    // Later sources add places; the records above keep their ids (see `resolve::Draft::stage`).
    seed.resolver.reg.stage = 1;
    seed.resolver.strict_names = true;
    if with(Restricted::Etmun) {
        etmun::load(&mut seed, raw)?;
    }
    if with(Restricted::Urbact) {
        urbact::load(&mut seed, raw)?;
    }
    eurocities::load(&mut seed, raw)?;
    unesco::load(&mut seed, raw)?;
    seed.resolver.strict_names = false;
    if with(Restricted::Baltic) {
        baltic::load(&mut seed, raw)?;
    }
    seed.report.sources_left_out = options.without.iter().map(|r| r.tag().to_owned()).collect();
    networks::resolve_secretariats(&mut seed);
    dedupe::merge_duplicates(&mut seed);
    dedupe::check_wikidata(&mut seed);
    output::write(seed, out)
}
