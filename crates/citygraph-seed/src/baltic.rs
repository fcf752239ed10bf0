//! Baltic Sea twin-town pairs with the year each twinning was established (Bussmann and Nickel's
//! replication data, scraped from Wikipedia in 2013).
//!
//! # From pairs to histories
//!
//! Names are ASCII-folded (`Jarvenpaa`) and have no coordinates, so each is resolved by name and
//! country only (`WestGER` and `EastGER` are Germany): the gazetteer, then the spellings the
//! Wikipedia lists already resolved. A resolved pair is the partnership of those two cities (a new
//! one when no other source has it). A year (`0` means unknown) becomes the partnership's
//! `established` event, citing the file, when the history has no establishment yet and the year
//! is not after its first recorded event. A history that already dates the establishment keeps its
//! date: the same year corroborates it, another year is a conflict, listed in the report with both
//! dates, and so is a year after the first recorded event. Two rows of one pair with different
//! years keep the earlier and report the other.

use std::collections::BTreeMap;
use std::path::Path;

use citygraph_core::{CountryCode, Event, EventType, PartialDate};

use crate::error::SeedError;
use crate::read::{csv_reader_with, Columns};
use crate::{PairDraft, Restricted, Seed, Unresolved};

pub(crate) const DIR: &str = "baltic-twinning-bussmann-nickel";
const FILE: &str = "dyad.hans.csv";
/// How records cite the file (the full citation is in SOURCES.md).
pub(crate) const SOURCE: &str =
    "Bussmann & Nickel (2018), city networks in the Baltic Sea region: dyad.hans.csv (github.com/senickel/city-networks-BSR-data)";

fn country(seed: &Seed<'_>, label: &str) -> Option<CountryCode> {
    match label.trim() {
        "WestGER" | "EastGER" => CountryCode::new("DE").ok(),
        l => seed.resolver.countries.parse_label(l),
    }
}

pub(crate) fn load(seed: &mut Seed<'_>, raw: &Path) -> Result<(), SeedError> {
    let path = raw.join(DIR).join(FILE);
    let mut rdr = csv_reader_with(&path, b';')?;
    let cols = Columns::new(
        &path,
        &mut rdr,
        &["City1", "Country1", "City2", "Country2", "Year"],
    )?;
    // Year per resolved pair (the earliest, with the rows that gave it).
    let mut years: BTreeMap<(usize, usize), (i32, String)> = BTreeMap::new();
    let mut resolved: BTreeMap<(String, String), Result<usize, String>> = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| SeedError::csv(&path, e))?;
        seed.report.baltic.rows_read += 1;
        let year: i32 = cols.get(&rec, "Year").parse().unwrap_or(0);
        if year > 0 {
            seed.report.baltic.rows_with_year += 1;
        }
        let mut ends = Vec::with_capacity(2);
        let mut failed = false;
        for (c, k) in [("City1", "Country1"), ("City2", "Country2")] {
            let (name, label) = (cols.get(&rec, c), cols.get(&rec, k));
            let key = (name.to_owned(), label.to_owned());
            let r = match resolved.get(&key) {
                Some(r) => r.clone(),
                None => {
                    let r = match country(seed, label) {
                        Some(cc) => seed.resolver.resolve(name, cc, None),
                        None => Err("unknown country label".to_owned()),
                    };
                    if let Err(reason) = &r {
                        seed.unresolved
                            .insert(Unresolved::new("baltic", name, label, reason));
                    }
                    resolved.insert(key, r.clone());
                    r
                }
            };
            match r {
                Ok(d) => ends.push(d),
                Err(_) => failed = true,
            }
        }
        if failed {
            seed.report.baltic.rows_unresolved += 1;
            continue;
        }
        if ends[0] == ends[1] {
            seed.report.baltic.self_pairs += 1;
            continue;
        }
        seed.report.baltic.rows_resolved += 1;
        let key = (ends[0].min(ends[1]), ends[0].max(ends[1]));
        let what = format!("{}–{}", cols.get(&rec, "City1"), cols.get(&rec, "City2"));
        match seed.pairs.entry(key) {
            std::collections::btree_map::Entry::Vacant(v) => {
                let mut p = PairDraft {
                    from_baltic: true,
                    ..PairDraft::default()
                };
                p.sources.insert(SOURCE.to_owned());
                p.tags.insert(Restricted::Baltic);
                v.insert(p);
                seed.report.baltic.partnerships_added += 1;
            }
            std::collections::btree_map::Entry::Occupied(mut o) => o.get_mut().from_baltic = true,
        }
        if year <= 0 {
            continue;
        }
        match years.get(&key) {
            Some((y, first)) if *y != year => {
                let (keep, other) = if year < *y { (year, *y) } else { (*y, year) };
                seed.report.baltic.conflicts.push(format!(
                    "{what}: two rows of one pair give {other} and {keep} ({first}); {keep} is used"
                ));
                if year < *y {
                    years.insert(key, (year, what));
                }
            }
            Some(_) => {}
            None => {
                years.insert(key, (year, what));
            }
        }
    }

    for (key, (year, what)) in years {
        let date = PartialDate::year(year).expect("years of the file are valid");
        let pair = seed.pairs.get_mut(&key).expect("pairs of years exist");
        let established = pair
            .events
            .iter()
            .find(|e| e.kind == EventType::Established)
            .map(|e| e.date);
        match (established, pair.events.first().map(|e| e.date)) {
            (Some(d), _) if d.year_part() == year => {
                seed.report.baltic.years_corroborated += 1;
            }
            (Some(d), _) => {
                seed.report.baltic.conflicts.push(format!(
                    "{what}: the file gives {year}, the curated history {d}; {d} is kept"
                ));
            }
            (None, Some(first)) if date.first_day() > first.first_day() => {
                seed.report.baltic.conflicts.push(format!(
                    "{what}: the file gives {year}, after the first recorded event ({first}); not applied"
                ));
            }
            (None, _) => {
                pair.events.insert(
                    0,
                    Event {
                        id: None,
                        kind: EventType::Established,
                        date,
                        reason: None,
                        initiated_by: None,
                        sources: vec![SOURCE.to_owned()],
                        note: None,
                    },
                );
                pair.sources.insert(SOURCE.to_owned());
                pair.tags.insert(Restricted::Baltic);
                seed.report.baltic.years_applied += 1;
            }
        }
    }
    Ok(())
}
