//! The UNESCO Creative Cities Network: each designated city and its creative field, as unesco.org
//! listed them in October 2024.
//!
//! The list names cities without a country, so a name is resolved only when it is unambiguous:
//! the one GeoNames city of that name in the world (under any of its spellings, such as `Okayama`
//! for `Okayama City`), or, when GeoNames has none, the one city record of the seed with that name.
//! A name with namesakes in several places (`Perth`, `Valencia`, `London`: UNESCO's Perth is the
//! Scottish one, designated in 2023, not the larger Australian city) is left unresolved and listed
//! with its candidates, never guessed. Each designation is a membership with the field as its role,
//! `observed` at the list's date; the list gives no designation years.

use std::collections::BTreeSet;
use std::path::Path;

use citygraph_core::{CountryCode, PartialDate};

use crate::error::SeedError;
use crate::normalize::parse_place_label;
use crate::read::{csv_reader, Columns};
use crate::{Seed, Unresolved};

pub(crate) const DIR: &str = "unesco-creative-cities";
const FILE: &str = "creative_cities.csv";
const NETWORK: &str = "unesco-creative-cities";
/// The date of the list.
const SNAPSHOT: &str = "2024-10";
/// How a membership cites the list, besides the city's own page.
pub(crate) const SOURCE: &str = "UNESCO Creative Cities Network list (unesco.org, October 2024)";

/// One place a name may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Candidate {
    Gazetteer(usize),
    Record(usize),
}

/// Resolves a name with no country (see the module docs).
fn resolve_anywhere(seed: &mut Seed<'_>, name: &str) -> Result<usize, String> {
    let keys = parse_place_label(name).keys();
    if keys.is_empty() {
        return Err("the name has no letters or digits".to_owned());
    }
    let mut gaz: BTreeSet<Candidate> = BTreeSet::new();
    for key in &keys {
        for cc in CountryCode::all() {
            gaz.extend(
                seed.resolver
                    .gaz
                    .by_key(cc, key)
                    .iter()
                    .map(|&i| Candidate::Gazetteer(i)),
            );
        }
    }
    let candidates: BTreeSet<Candidate> = if gaz.is_empty() {
        keys.iter()
            .flat_map(|k| seed.resolver.reg.with_alias(k))
            .filter(|&d| seed.resolver.reg.drafts[d].merged_into.is_none())
            .map(Candidate::Record)
            .collect()
    } else {
        gaz
    };
    let country_of = |c: &Candidate| match c {
        Candidate::Gazetteer(i) => seed.resolver.gaz.cities[*i].country,
        Candidate::Record(d) => seed.resolver.reg.drafts[*d].country,
    };
    match candidates.len() {
        0 => Err(
            "no gazetteer city or seed city of that name (the list gives no country)".to_owned(),
        ),
        1 => {
            let d = match candidates.into_iter().next().expect("one candidate") {
                Candidate::Gazetteer(i) => seed.resolver.reg.gazetteer_city(seed.resolver.gaz, i),
                Candidate::Record(d) => d,
            };
            seed.resolver.reg.remember(d, &keys);
            Ok(d)
        }
        n => {
            let countries: BTreeSet<String> = candidates
                .iter()
                .map(|c| country_of(c).as_str().to_owned())
                .collect();
            Err(format!(
                "ambiguous without a country: {n} places of that name ({})",
                countries.into_iter().collect::<Vec<_>>().join(", ")
            ))
        }
    }
}

pub(crate) fn load(seed: &mut Seed<'_>, raw: &Path) -> Result<(), SeedError> {
    let path = raw.join(DIR).join(FILE);
    let mut rdr = csv_reader(&path)?;
    let cols = Columns::new(&path, &mut rdr, &["city", "field", "link"])?;
    let at: PartialDate = SNAPSHOT.parse().expect("valid date");
    for rec in rdr.records() {
        let rec = rec.map_err(|e| SeedError::csv(&path, e))?;
        seed.report.unesco.rows_read += 1;
        let (name, field, link) = (
            cols.get(&rec, "city"),
            cols.get(&rec, "field"),
            cols.get(&rec, "link"),
        );
        let d = match resolve_anywhere(seed, name) {
            Ok(d) => d,
            Err(reason) => {
                seed.report.unesco.unresolved += 1;
                seed.unresolved
                    .insert(Unresolved::new("unesco", name, "", &reason));
                continue;
            }
        };
        seed.report.unesco.resolved += 1;
        let m = seed.memberships.entry((NETWORK.to_owned(), d)).or_default();
        m.observed.insert(at);
        m.open = true;
        let role = field.trim().to_lowercase();
        if !role.is_empty() {
            m.set_role(&role);
        }
        m.sources.insert(SOURCE.to_owned());
        if !link.is_empty() {
            m.sources.insert(link.to_owned());
        }
    }
    Ok(())
}
