//! Eurocities: the network's member list as its website showed it in 2025, matched to Wikidata by
//! the city-vote project.
//!
//! The list is a snapshot, so each member is `observed` in 2025; no join date is invented. The
//! website's names come with a country; 209 of them also with a Wikidata item and its coordinates,
//! which locate the place (a Wikidata item named differently, `Karlstad Municipality`, is tried
//! second). Metropolitan bodies and regions (`Nantes Metropole`, `Brussels Capital Region`) are
//! not cities and are left out, counted, even where the matching took them for their central city
//! (`Lille Metropole` matched to Lille). A district that is a member of its own (`Kadikoy`) stays a
//! place of its own.
//!
//! The list is complete, so a member of an earlier Eurocities list (ETMUN's, ClimActor's) that it
//! does not name is recorded `absent` in 2025. Wikidata items and their coordinates are kept for the
//! check that no city carries an item far from it (`crate::dedupe::check_wikidata`).

use std::path::Path;

use citygraph_core::{CountryCode, PartialDate};
use serde::Deserialize;

use crate::entity::not_a_place;
use crate::error::SeedError;
use crate::read::read_bytes;
use crate::resolve::{CityOrigin, Located};
use crate::{Seed, Unresolved};

pub(crate) const DIR: &str = "eurocities-members";
const WEBSITE: &str = "members_from_website.txt";
const ENRICHED: &str = "members-wikidata-enriched.json";
const NETWORK: &str = "eurocities";
/// The year of the snapshot.
const SNAPSHOT: i32 = 2025;
/// How a membership cites the list.
pub(crate) const SOURCE: &str =
    "Eurocities member list (eurocities.eu), 2025, via github.com/c-riq/city-vote";
/// The source of a city record created at the Wikidata coordinates of a member.
pub(crate) const CITY_SOURCE: &str =
    "Wikidata coordinates of a Eurocities member (via github.com/c-riq/city-vote)";

#[derive(Deserialize)]
struct Enriched {
    members: Vec<Member>,
}

#[derive(Deserialize)]
struct Member {
    name_on_website: String,
    wikidata_id: String,
    wikidata_name: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    population: Option<f64>,
    country_name: String,
}

/// The website list: `name`, then `country`, one per line, after a comment line.
fn website_list(text: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    lines
        .chunks(2)
        .filter(|c| c.len() == 2)
        .map(|c| (c[0].to_owned(), c[1].to_owned()))
        .collect()
}

/// Whether a Wikidata label names a body above the city (`Hatay Metropolitan Municipality`).
fn metropolitan(label: &str) -> bool {
    label.to_lowercase().contains("metropolitan")
}

pub(crate) fn load(seed: &mut Seed<'_>, raw: &Path) -> Result<(), SeedError> {
    let dir = raw.join(DIR);
    let text = String::from_utf8_lossy(&read_bytes(&dir.join(WEBSITE))?).into_owned();
    let listed = website_list(&text);
    let path = dir.join(ENRICHED);
    let enriched: Enriched = serde_json::from_slice(&read_bytes(&path)?)
        .map_err(|e| SeedError::bad(&path, e.line() as u64, e.to_string()))?;
    let at_year = PartialDate::year(SNAPSHOT).expect("valid year");
    let mut members: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
    for (name, country) in &listed {
        seed.report.eurocities.listed += 1;
        let wd = enriched.members.iter().find(|m| m.name_on_website == *name);
        if let Some(kind) = not_a_place(name).or_else(|| {
            wd.and_then(|m| {
                metropolitan(&m.wikidata_name).then_some(crate::entity::NotPlace::Region)
            })
        }) {
            *seed
                .report
                .eurocities
                .left_out
                .entry(kind.as_str().to_owned())
                .or_default() += 1;
            continue;
        }
        let cc: Option<CountryCode> = seed
            .resolver
            .countries
            .parse_label(country)
            .or_else(|| wd.and_then(|m| seed.resolver.countries.parse_label(&m.country_name)));
        let Some(cc) = cc else {
            seed.report.eurocities.unresolved += 1;
            seed.unresolved.insert(Unresolved::new(
                "eurocities",
                name,
                country,
                "unknown country label",
            ));
            continue;
        };
        let at = wd.and_then(|m| {
            Some(Located {
                point: (m.latitude?, m.longitude?),
                origin: CityOrigin::Eurocities,
                source: CITY_SOURCE,
                population: m.population.filter(|p| *p >= 1.0).map(|p| p as u64),
            })
        });
        let before = seed.resolver.reg.drafts.len();
        let mut r = seed.resolver.resolve(name, cc, at);
        if r.is_err() {
            if let Some(m) = wd {
                r = seed.resolver.resolve(&m.wikidata_name, cc, at);
            }
        }
        let d = match r {
            Ok(d) => d,
            Err(reason) => {
                seed.report.eurocities.unresolved += 1;
                seed.unresolved
                    .insert(Unresolved::new("eurocities", name, country, &reason));
                continue;
            }
        };
        seed.report.eurocities.resolved += 1;
        if seed.resolver.reg.drafts.len() > before {
            seed.report.eurocities.cities_added += 1;
        }
        if let Some(m) = wd {
            if let (Some(lat), Some(lon)) = (m.latitude, m.longitude) {
                seed.qid_points.insert(m.wikidata_id.clone(), (lat, lon));
            }
            seed.qid_claims.push((d, m.wikidata_id.clone()));
        }
        members.insert(d);
        let m = seed.memberships.entry((NETWORK.to_owned(), d)).or_default();
        m.observed.insert(at_year);
        m.open = true;
        m.sources.insert(SOURCE.to_owned());
    }
    // Earlier members the complete 2025 list does not name.
    for ((net, d), m) in seed.memberships.iter_mut() {
        if net == NETWORK && !members.contains(d) && m.observed.iter().all(|o| *o < at_year) {
            m.absent.insert(at_year);
            seed.report.eurocities.absent += 1;
        }
    }
    seed.report.eurocities.memberships = members.len();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_website_list_pairs_names_with_countries() {
        let l = website_list(
            "# copy pasted\nAarhus\ndenmark\nAix-Marseille-Provence Metropole\nfrance\n",
        );
        assert_eq!(
            l,
            vec![
                ("Aarhus".to_owned(), "denmark".to_owned()),
                (
                    "Aix-Marseille-Provence Metropole".to_owned(),
                    "france".to_owned()
                )
            ]
        );
    }
}
