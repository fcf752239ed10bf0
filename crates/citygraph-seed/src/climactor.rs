//! ClimActor: network participation snapshots of city governments (2019 columns of the September
//! 2020 release, and the `initiatives_committed` lists of the December 2022 release).
//!
//! # From snapshots to memberships
//!
//! A ClimActor tag names a network and, usually, the year of the snapshot it comes from
//! (`C40Cities2019`, `GCoM2022`). Tags without a year (`ClimateMayors`, `Race to Zero`) count as
//! observed at the release date of their file (2020-09, 2022-12). No join date is invented: a
//! membership records the dates it was `observed`. When a network has a 2019 snapshot and a 2022
//! snapshot at least four fifths its size, a member seen only before 2022 and not in the 2022
//! snapshot is recorded `absent` in 2022 (the model then ends it there). A smaller 2022 list is
//! taken to be incomplete and no absence is inferred from it.
//!
//! Region actors are skipped, and so are groupings of municipalities (`Unione ...`,
//! `Mancomunidad ...`). In a snapshot of C40, a network of large cities, a name listed under
//! several countries keeps only its most populous actor: ClimActor joined C40's list by name, so
//! `Guadalajara|ESP` sits next to `Guadalajara|MEX`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use citygraph_core::PartialDate;
use encoding_rs::WINDOWS_1252;

use crate::error::SeedError;
use crate::normalize::{name_key, parse_place_label, repair_mojibake};
use crate::read::{csv_reader, csv_reader_from, read_bytes, Columns};
use crate::report::ClimactorFileFigures;
use crate::resolve::{CityOrigin, Located};
use crate::{Restricted, Seed, Unresolved};

pub(crate) const DIR: &str = "climactor";
pub(crate) const FILE_2019: &str = "subnational_contextuals_database_initcols_Sept2020.csv";
pub(crate) const FILE_2022: &str = "subnational_contextuals_database_Dec2022.csv";

/// The citation the ClimActor licence asks for.
pub(crate) const CITATION: &str = "Hsu, A., Yeo, Z.Y., Rauber, R. et al. ClimActor, harmonized transnational data on climate network participation by city and regional governments. Sci Data 7, 374 (2020)";
/// How a membership cites the snapshot it was observed in (the full citation is in SOURCES.md):
/// `ClimActor (Hsu et al. 2020) Dec2022 [GCoM2022]` names the release and the column or tag.
pub(crate) const SHORT_CITATION: &str = "ClimActor (Hsu et al. 2020)";

/// The short name of a release file (`Sept2020`, `Dec2022`).
fn release_name(file: &str) -> &str {
    file.trim_end_matches(".csv")
        .rsplit('_')
        .next()
        .unwrap_or(file)
}
/// The source of a city record created for a ClimActor actor.
pub(crate) const CITY_SOURCE: &str =
    "ClimActor (Hsu et al., Sci Data 7, 374, 2020; non-commercial use only)";

/// Tags (columns of the 2019 file, list items of the 2022 file) of networks in the seed, with the
/// year of their snapshot (`None`: the release date of the file).
const TAGS: &[(&str, &str, Option<&str>)] = &[
    ("C40", "c40", None),
    ("C40Cities2019", "c40", Some("2019")),
    ("C40Cities2020", "c40", Some("2020")),
    ("C40Cities2021", "c40", Some("2021")),
    ("C40Cities2022", "c40", Some("2022")),
    ("GlobalCovenantofMayors2019", "gcom", Some("2019")),
    ("GlobalCovenantofMayors2019ZCA", "gcom", Some("2019")),
    ("GCoMCDP2020", "gcom", Some("2020")),
    ("GCoMCDP2020ZCA2020", "gcom", Some("2020")),
    ("GCoM2021", "gcom", Some("2021")),
    ("GCoMHarmonized2021", "gcom", Some("2021")),
    ("GCoMEuropeanCommission2021", "gcom", Some("2021")),
    ("GCoM2022", "gcom", Some("2022")),
    (
        "EUCovenantofMayors2019",
        "eu-covenant-of-mayors",
        Some("2019"),
    ),
    (
        "EUCovenantofMayors2020",
        "eu-covenant-of-mayors",
        Some("2020"),
    ),
    (
        "EUCovenantofMayors2021",
        "eu-covenant-of-mayors",
        Some("2021"),
    ),
    (
        "EUCovenantofMayors2022",
        "eu-covenant-of-mayors",
        Some("2022"),
    ),
    ("Covenant of Mayors", "eu-covenant-of-mayors", None),
    ("Under2 Coalition", "under2-coalition", None),
    ("Under2Coalition", "under2-coalition", None),
    ("Under2Coalition2019", "under2-coalition", Some("2019")),
    ("Under2Coalition2020", "under2-coalition", Some("2020")),
    ("Under2Coalition2021", "under2-coalition", Some("2021")),
    ("Under2Coalition2022", "under2-coalition", Some("2022")),
    ("ClimateAlliance2019", "climate-alliance", Some("2019")),
    ("ClimateAlliance2022", "climate-alliance", Some("2022")),
    ("ClimateMayors", "climate-mayors", None),
    ("ClimateMayors2019", "climate-mayors", Some("2019")),
    ("ClimateMayors2020", "climate-mayors", Some("2020")),
    ("ClimateMayors2022", "climate-mayors", Some("2022")),
    ("CDP Cities", "cdp-cities", None),
    ("CDPCities2018", "cdp-cities", Some("2018")),
    ("CDPCities2018-2019", "cdp-cities", Some("2018")),
    ("CDPCities2019", "cdp-cities", Some("2019")),
    ("CDPCities2020", "cdp-cities", Some("2020")),
    ("CDPCities2022", "cdp-cities", Some("2022")),
    ("Race to Zero", "race-to-zero", None),
    ("RacetoZero", "race-to-zero", None),
    ("RacetoZero2020", "race-to-zero", Some("2020")),
    ("ICLEI", "iclei", None),
    (
        "ICLEI - Local Governments for Sustainability",
        "iclei",
        None,
    ),
    ("Union of the Baltic Cities", "ubc", None),
    ("Union of Baltic States", "ubc", None),
    ("EuroCities", "eurocities", None),
    (
        "Carbon Neutral Cities Alliance",
        "carbon-neutral-cities-alliance",
        None,
    ),
    (
        "Carbon Neutral Cities Alliance (CNCA)",
        "carbon-neutral-cities-alliance",
        None,
    ),
    ("WeAreStillIn2019", "we-are-still-in", Some("2019")),
];

/// Networks whose snapshots keep one actor per name (see the module docs).
const ONE_ACTOR_PER_NAME: &[&str] = &["c40"];

/// The earlier and later snapshot years compared to infer absence.
const ABSENCE_FROM: i32 = 2019;
const ABSENCE_AT: i32 = 2022;

/// The networks and snapshot years a tag stands for; combined columns of the 2019 file
/// (`Sveriges Ekokommuner,EuroCities`) stand for each of their parts.
fn map_tag(tag: &str, release: PartialDate) -> Vec<(&'static str, PartialDate)> {
    let mut out = Vec::new();
    let whole = TAGS.iter().find(|(t, _, _)| *t == tag.trim());
    let parts: Vec<&str> = match whole {
        Some(_) => vec![tag.trim()],
        None => tag.split(',').map(str::trim).collect(),
    };
    for part in parts {
        if let Some((_, net, year)) = TAGS.iter().find(|(t, _, _)| *t == part) {
            let date = year.map_or(release, |y| y.parse().expect("tag years are valid"));
            if !out.contains(&(*net, date)) {
                out.push((*net, date));
            }
        }
    }
    out
}

/// The networks of every tag of one file, worked out once per distinct tag.
struct TagMap(BTreeMap<String, Vec<(&'static str, PartialDate)>>);

impl TagMap {
    fn new(actors: &[Actor], release: PartialDate) -> TagMap {
        let mut map = BTreeMap::new();
        for t in actors.iter().flat_map(|a| a.tags.iter()) {
            if !map.contains_key(t) {
                map.insert(t.clone(), map_tag(t, release));
            }
        }
        TagMap(map)
    }

    fn get(&self, tag: &str) -> &[(&'static str, PartialDate)] {
        self.0.get(tag).map_or(&[], Vec::as_slice)
    }
}

/// Whether an actor is a grouping of municipalities rather than a city (see `crate::entity`).
fn is_grouping(name: &str) -> bool {
    crate::entity::not_a_place(name) == Some(crate::entity::NotPlace::Intermunicipal)
}

struct Actor {
    name: String,
    iso3: String,
    entity_type: String,
    point: Option<(f64, f64)>,
    population: f64,
    tags: Vec<String>,
}

fn parse_point(lat: &str, lng: &str) -> Option<(f64, f64)> {
    let (lat, lng) = (
        lat.trim().parse::<f64>().ok()?,
        lng.trim().parse::<f64>().ok()?,
    );
    ((-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lng)
        && !(lat == 0.0 && lng == 0.0))
        .then_some((lat, lng))
}

/// Attribute columns of the 2019 file; every other column is a tag.
const ATTRIBUTES: &[&str] = &[
    "name",
    "iso",
    "entity_type",
    "country",
    "region",
    "area",
    "initiatives_committed",
    "num_commit",
    "lat",
    "lng",
    "population",
    "population_year",
    "state",
    "admin_1",
];

fn read_2019(path: &Path) -> Result<Vec<Actor>, SeedError> {
    let mut rdr = csv_reader(path)?;
    let cols = Columns::new(
        path,
        &mut rdr,
        &["name", "iso", "entity_type", "lat", "lng", "population"],
    )?;
    let tag_cols: Vec<(usize, String)> = cols
        .headers()
        .iter()
        .enumerate()
        .filter(|(_, h)| !ATTRIBUTES.contains(&h.as_str()) && !h.is_empty())
        .map(|(i, h)| (i, h.clone()))
        .collect();
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| SeedError::csv(path, e))?;
        out.push(Actor {
            name: repair_mojibake(cols.get(&rec, "name")).trim().to_owned(),
            iso3: cols.get(&rec, "iso").to_owned(),
            entity_type: cols.get(&rec, "entity_type").to_owned(),
            point: parse_point(cols.get(&rec, "lat"), cols.get(&rec, "lng")),
            population: cols.get(&rec, "population").parse().unwrap_or(0.0),
            tags: tag_cols
                .iter()
                .filter(|(i, _)| rec.get(*i).map(str::trim) == Some("1"))
                .map(|(_, h)| h.clone())
                .collect(),
        });
    }
    Ok(out)
}

fn read_2022(path: &Path) -> Result<Vec<Actor>, SeedError> {
    // The file is Windows-1252, not UTF-8; some names were UTF-8 before that and are repaired.
    let bytes = read_bytes(path)?;
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
    let mut rdr = csv_reader_from(text.into_owned().into_bytes(), b',');
    let cols = Columns::new(
        path,
        &mut rdr,
        &[
            "name",
            "iso",
            "entity_type",
            "lat",
            "lng",
            "population",
            "initiatives_committed",
        ],
    )?;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| SeedError::csv(path, e))?;
        let mut tags: Vec<String> = Vec::new();
        for t in cols
            .get(&rec, "initiatives_committed")
            .split(';')
            .map(str::trim)
        {
            if !t.is_empty() && t != "NA" && !tags.iter().any(|x| x == t) {
                tags.push(t.to_owned());
            }
        }
        out.push(Actor {
            name: repair_mojibake(cols.get(&rec, "name")).trim().to_owned(),
            iso3: cols.get(&rec, "iso").to_owned(),
            entity_type: cols.get(&rec, "entity_type").to_owned(),
            point: parse_point(cols.get(&rec, "lat"), cols.get(&rec, "lng")),
            population: cols.get(&rec, "population").parse().unwrap_or(0.0),
            tags,
        });
    }
    Ok(out)
}

/// Drops, per snapshot of a one-actor-per-name network, the tags of every actor but the most
/// populous of a name listed under several countries.
fn drop_homonyms(actors: &mut [Actor], file: &str, seed: &mut Seed<'_>, tags: &TagMap) {
    let mut by_snapshot: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, a) in actors.iter().enumerate() {
        if !a.entity_type.eq_ignore_ascii_case("city") {
            continue;
        }
        for t in &a.tags {
            if tags
                .get(t)
                .iter()
                .any(|(n, _)| ONE_ACTOR_PER_NAME.contains(n))
            {
                let key = name_key(&parse_place_label(&a.name).name);
                by_snapshot.entry((t.clone(), key)).or_default().push(i);
            }
        }
    }
    for ((tag, _), rows) in by_snapshot {
        let countries: BTreeSet<&str> = rows.iter().map(|&i| actors[i].iso3.as_str()).collect();
        if countries.len() < 2 {
            continue;
        }
        let keep = *rows
            .iter()
            .max_by(|a, b| {
                actors[**a]
                    .population
                    .total_cmp(&actors[**b].population)
                    .then(b.cmp(a))
            })
            .expect("rows are not empty");
        for &i in &rows {
            if i != keep {
                seed.report.climactor.homonyms_dropped.push(format!(
                    "{file} [{tag}]: {} ({}), a homonym of {} ({})",
                    actors[i].name, actors[i].iso3, actors[keep].name, actors[keep].iso3
                ));
                actors[i].tags.retain(|t| *t != tag);
            }
        }
    }
}

fn load_file(seed: &mut Seed<'_>, file: &str, mut actors: Vec<Actor>, release: PartialDate) {
    let mut fig = ClimactorFileFigures::default();
    let tags = TagMap::new(&actors, release);
    drop_homonyms(&mut actors, file, seed, &tags);
    let mut seen: BTreeSet<(&'static str, usize, PartialDate)> = BTreeSet::new();
    for a in &actors {
        fig.actors_read += 1;
        for t in &a.tags {
            if tags.get(t).is_empty() {
                *seed
                    .report
                    .climactor
                    .unmapped_tags
                    .entry(t.clone())
                    .or_default() += 1;
            }
        }
        if a.entity_type.eq_ignore_ascii_case("region") {
            fig.regions_skipped += 1;
            continue;
        }
        if !a.entity_type.eq_ignore_ascii_case("city") || is_grouping(&a.name) {
            fig.other_skipped += 1;
            continue;
        }
        let mapped: Vec<(&'static str, PartialDate)> = a
            .tags
            .iter()
            .flat_map(|t| tags.get(t).iter().copied())
            .collect();
        if mapped.is_empty() {
            fig.without_network += 1;
            continue;
        }
        let Some(cc) = seed.resolver.countries.by_iso3(&a.iso3) else {
            fig.unmatched += 1;
            seed.unresolved.insert(Unresolved::new(
                &format!("climactor {file}"),
                &a.name,
                &a.iso3,
                "unknown ISO3 code",
            ));
            continue;
        };
        let before = seed.resolver.reg.drafts.len();
        let population = (a.population >= 1.0).then_some(a.population as u64);
        let at = a.point.map(|p| Located {
            point: p,
            origin: CityOrigin::ClimActor,
            source: CITY_SOURCE,
            population,
        });
        let d = match seed.resolver.resolve(&a.name, cc, at) {
            Ok(d) => d,
            Err(reason) => {
                fig.unmatched += 1;
                seed.unresolved.insert(Unresolved::new(
                    &format!("climactor {file}"),
                    &a.name,
                    &a.iso3,
                    &reason,
                ));
                continue;
            }
        };
        fig.matched += 1;
        if seed.resolver.reg.drafts.len() > before {
            let draft = &mut seed.resolver.reg.drafts[d];
            draft.sources.insert(CITY_SOURCE.to_owned());
            if draft.geonames.is_some() {
                seed.report.climactor.cities_added_gazetteer += 1;
            } else {
                seed.report.climactor.cities_added_climactor += 1;
            }
        }
        for t in &a.tags {
            for &(net, date) in tags.get(t) {
                if !seen.insert((net, d, date)) {
                    seed.report.climactor.duplicates_merged += 1;
                }
                let m = seed.memberships.entry((net.to_owned(), d)).or_default();
                m.tags.insert(Restricted::ClimActor);
                m.observed.insert(date);
                m.sources
                    .insert(format!("{SHORT_CITATION} {} [{t}]", release_name(file)));
            }
        }
    }
    seed.report.climactor.files.insert(file.to_owned(), fig);
}

/// Reads both releases and records the memberships.
pub(crate) fn load(seed: &mut Seed<'_>, raw: &Path) -> Result<(), SeedError> {
    let dir = raw.join(DIR);
    let a2019 = read_2019(&dir.join(FILE_2019))?;
    load_file(
        seed,
        FILE_2019,
        a2019,
        "2020-09".parse().expect("valid date"),
    );
    let a2022 = read_2022(&dir.join(FILE_2022))?;
    load_file(
        seed,
        FILE_2022,
        a2022,
        "2022-12".parse().expect("valid date"),
    );

    // Absence in 2022 of members seen before (see the module docs).
    let mut by_net: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for ((net, _), m) in &seed.memberships {
        let e = by_net.entry(net.as_str()).or_default();
        if m.observed.iter().any(|d| d.year_part() == ABSENCE_FROM) {
            e.0 += 1;
        }
        if m.observed.iter().any(|d| d.year_part() == ABSENCE_AT) {
            e.1 += 1;
        }
    }
    let complete: BTreeSet<String> = by_net
        .into_iter()
        .filter(|(_, (early, late))| *early > 0 && *late > 0 && 5 * late >= 4 * early)
        .map(|(n, _)| n.to_owned())
        .collect();
    let at: PartialDate = PartialDate::year(ABSENCE_AT).expect("valid year");
    // Only ClimActor's own records exist at this stage (later sources merge into them).
    for ((net, _), m) in seed.memberships.iter_mut() {
        if complete.contains(net) && m.observed.iter().all(|d| d.year_part() < ABSENCE_AT) {
            m.absent.insert(at);
            *seed.report.climactor.absent.entry(net.clone()).or_default() += 1;
        }
    }
    Ok(())
}
