//! The Wikipedia twin-town lists (scraped and geocoded by Hekman/twincities).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use citygraph_core::CountryCode;

use crate::error::SeedError;
use crate::read::{csv_reader, Columns};
use crate::resolve::{CityOrigin, Located};
use crate::{Seed, Unresolved};

pub(crate) const DIR: &str = "wikipedia-twincities-hekman";
pub(crate) const GEOCODE_SOURCE: &str =
    "Wikipedia API / OpenStreetMap Nominatim coordinates via github.com/Hekman/twincities (twin_cities.csv)";

/// The citation of a pair found on a country's list page.
pub(crate) fn page_source(country_label: &str) -> String {
    format!(
        "Wikipedia: List of twin towns and sister cities in {}",
        country_label.trim()
    )
}

type Label = (String, String);

/// A country label and a place label, repaired where the scrape put the country into the name
/// (`Varna, Bulgaria` with an empty country).
fn split_label(countries: &crate::country::Countries, city: &str, country: &str) -> Label {
    if country.trim().is_empty() {
        if let Some((name, rest)) = city.rsplit_once(',') {
            if countries.parse_label(rest).is_some() {
                return (name.trim().to_owned(), rest.trim().to_owned());
            }
        }
    }
    (city.trim().to_owned(), country.trim().to_owned())
}

/// Reads both lists, resolves every label and adds a partnership per resolved pair.
pub(crate) fn load(seed: &mut Seed<'_>, raw: &Path) -> Result<(), SeedError> {
    let dir = raw.join(DIR);

    // Coordinates by label, from the geocoded copy of the list.
    let geo_path = dir.join("twin_cities_geocoded.csv");
    let mut rdr = csv_reader(&geo_path)?;
    let cols = Columns::new(
        &geo_path,
        &mut rdr,
        &[
            "city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2",
        ],
    )?;
    let mut coords: BTreeMap<Label, (f64, f64)> = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| SeedError::csv(&geo_path, e))?;
        seed.report.wikipedia.geocoded_rows_read += 1;
        for (c, k, la, lo) in [
            ("city1", "country1", "lat1", "lng1"),
            ("city2", "country2", "lat2", "lng2"),
        ] {
            let label = split_label(
                seed.resolver.countries,
                cols.get(&rec, c),
                cols.get(&rec, k),
            );
            let (Ok(lat), Ok(lon)) = (
                cols.get(&rec, la).parse::<f64>(),
                cols.get(&rec, lo).parse::<f64>(),
            ) else {
                continue;
            };
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
                coords.entry(label).or_insert((lat, lon));
            }
        }
    }

    let raw_path = dir.join("twin_cities_raw.csv");
    let mut rdr = csv_reader(&raw_path)?;
    let cols = Columns::new(
        &raw_path,
        &mut rdr,
        &["city1", "country1", "city2", "country2"],
    )?;
    let mut resolved: BTreeMap<Label, Result<usize, String>> = BTreeMap::new();
    let mut label_pairs: BTreeSet<(Label, Label)> = BTreeSet::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| SeedError::csv(&raw_path, e))?;
        seed.report.wikipedia.rows_read += 1;
        let host_page = cols.get(&rec, "country1").to_owned();
        let a = split_label(
            seed.resolver.countries,
            cols.get(&rec, "city1"),
            cols.get(&rec, "country1"),
        );
        let b = split_label(
            seed.resolver.countries,
            cols.get(&rec, "city2"),
            cols.get(&rec, "country2"),
        );
        let mut ends = Vec::with_capacity(2);
        for label in [&a, &b] {
            if !resolved.contains_key(label) {
                let r = resolve_label(seed, label, coords.get(label).copied());
                match &r {
                    Ok(d) => {
                        if seed.resolver.reg.drafts[*d].geonames.is_some() {
                            seed.report.wikipedia.labels_gazetteer += 1;
                        } else {
                            seed.report.wikipedia.labels_geocoded += 1;
                        }
                    }
                    Err(reason) => {
                        seed.report.wikipedia.labels_unresolved += 1;
                        seed.unresolved.insert(Unresolved::new(
                            "wikipedia",
                            &label.0,
                            &label.1,
                            reason,
                        ));
                    }
                }
                resolved.insert(label.clone(), r);
            }
            ends.push(resolved[label].clone());
        }
        let pair = if a <= b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        };
        if !label_pairs.insert(pair) {
            continue;
        }
        seed.report.wikipedia.distinct_pairs += 1;
        match (&ends[0], &ends[1]) {
            (Ok(x), Ok(y)) => {
                seed.report.wikipedia.pairs_resolved += 1;
                if x == y {
                    seed.report.wikipedia.self_pairs += 1;
                    continue;
                }
                let key = ((*x).min(*y), (*x).max(*y));
                let existed = seed.pairs.contains_key(&key);
                let acc = seed.pairs.entry(key).or_default();
                acc.from_lists = true;
                acc.sources.insert(page_source(&host_page));
                if existed {
                    seed.report.wikipedia.merged_duplicates += 1;
                }
            }
            _ => seed.report.wikipedia.pairs_unresolved += 1,
        }
    }
    seed.report.wikipedia.labels = resolved.len();
    seed.report.wikipedia.partnerships = seed.pairs.values().filter(|p| p.from_lists).count();
    Ok(())
}

fn resolve_label(
    seed: &mut Seed<'_>,
    label: &Label,
    point: Option<(f64, f64)>,
) -> Result<usize, String> {
    let Some(cc): Option<CountryCode> = seed.resolver.countries.parse_label(&label.1) else {
        return Err(if label.1.is_empty() {
            "no country given".to_owned()
        } else {
            "unknown country label".to_owned()
        });
    };
    let at = point.map(|p| Located {
        point: p,
        origin: CityOrigin::Geocode,
        source: GEOCODE_SOURCE,
        population: None,
    });
    seed.resolver.resolve(&label.0, cc, at)
}
