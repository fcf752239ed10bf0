//! URBACT: the EU's city-network projects (172 networks, 2000-2019), each with its cities, their
//! role (lead partner or partner) and the network's start and end years (Gourdon's thesis data).
//!
//! Each URBACT project network is a network of its own (`urbact-2nd-chance`), founded in its start
//! year, with its lead partner city as secretariat and its page on urbact.eu as website. A city's
//! participation is a membership that joins in the start year and, when the network has ended,
//! leaves in the end year (the partial-date rule makes `2018` the first day of 2018). The table
//! joins each city to GeoNames (`geonameId`): a GeoNames city of the gazetteer is taken directly
//! when its name agrees with the city's (`Tarxien` is not GeoNames' `Fgura`); otherwise the city is
//! resolved by name at the GeoNames coordinates the table gives, and a new record carries the
//! GeoNames id.

use std::collections::BTreeMap;
use std::path::Path;

use citygraph_core::model::Scope;
use citygraph_core::{PartialDate, Region};

use crate::error::SeedError;
use crate::networks::NetworkDraft;
use crate::normalize::{similar_names_strict, slugify};
use crate::read::{coordinate, csv_reader_with, Columns};
use crate::resolve::{CityOrigin, Located};
use crate::{Restricted, Seed, Unresolved};

pub(crate) const DIR: &str = "urbact-gourdon";
const MEMBERS: &str = "URBACT_Membership_GNidCorr_complete_V2.csv";
const NETWORKS: &str = "UrbactNetworks_complete_V2.csv";

/// How records cite the table (the full citation is in SOURCES.md).
pub(crate) const SHORT_CITATION: &str = "URBACT (urbact.eu) via Gourdon thesis data";
/// The source of a city record created at URBACT's GeoNames coordinates.
pub(crate) const CITY_SOURCE: &str =
    "URBACT participation table (Gourdon thesis data), GeoNames coordinates; research use";

fn year(s: &str) -> Option<PartialDate> {
    let y: i32 = s.trim().parse().ok()?;
    PartialDate::year(y).ok()
}

/// The phase and type of a network, as its name says them (`URBACT III action planning network`).
fn kind_label(phase: &str, kind: &str) -> String {
    let phase = phase.trim().replacen("Urbact", "URBACT", 1);
    let kind = kind.trim();
    if kind.is_empty() || kind.eq_ignore_ascii_case("urbact1") {
        format!("{phase} network")
    } else {
        format!("{phase} {} network", kind.to_lowercase())
    }
}

/// Reads the networks, then the participations.
pub(crate) fn load(seed: &mut Seed<'_>, raw: &Path) -> Result<(), SeedError> {
    let dir = raw.join(DIR);

    // Networks, by code.
    let path = dir.join(NETWORKS);
    let mut rdr = csv_reader_with(&path, b';')?;
    let cols = Columns::new(
        &path,
        &mut rdr,
        &[
            "Name",
            "Code_Network",
            "Main.Key.Word",
            "Url",
            "Start",
            "Phase",
            "Type",
        ],
    )?;
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| SeedError::csv(&path, e))?;
        let name = cols.get(&rec, "Name");
        let code = cols.get(&rec, "Code_Network");
        let mut id = format!("urbact-{}", slugify(name));
        if seed.networks.iter().any(|n| n.id == id) {
            id = format!("{id}-{}", slugify(code));
        }
        let url = cols.get(&rec, "Url");
        let focus: Vec<String> = cols
            .get(&rec, "Main.Key.Word")
            .split('/')
            .map(|f| f.trim().to_lowercase())
            .filter(|f| !f.is_empty())
            .collect();
        let mut sources = vec![SHORT_CITATION.to_owned()];
        if !url.is_empty() {
            sources.insert(0, url.to_owned());
        }
        by_code.insert(code.to_owned(), seed.networks.len());
        seed.networks.push(NetworkDraft {
            id,
            name: format!(
                "{} ({})",
                name.trim(),
                kind_label(cols.get(&rec, "Phase"), cols.get(&rec, "Type"))
            ),
            aliases: Vec::new(),
            founded: year(cols.get(&rec, "Start")),
            scope: Scope::Regional,
            region: Some(Region::Europe),
            focus,
            secretariat_label: None,
            secretariat: None,
            website: (!url.is_empty()).then(|| url.to_owned()),
            sources,
            tags: [Restricted::Urbact].into_iter().collect(),
        });
        seed.report.urbact.networks += 1;
    }

    // Participations.
    let path = dir.join(MEMBERS);
    let mut rdr = csv_reader_with(&path, b';')?;
    let cols = Columns::new(
        &path,
        &mut rdr,
        &[
            "Code_Network",
            "NameCity",
            "Country",
            "City.Statut",
            "Start",
            "End",
            "geonameId",
            "asciiName",
            "lng_GN",
            "lat_GN",
        ],
    )?;
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| SeedError::csv(&path, e))?;
        seed.report.urbact.rows_read += 1;
        let code = cols.get(&rec, "Code_Network");
        let Some(&n) = by_code.get(code) else {
            return Err(SeedError::bad(
                &path,
                i as u64 + 2,
                format!("network code {code:?} is not in {NETWORKS}"),
            ));
        };
        let name = cols.get(&rec, "NameCity");
        let country = cols.get(&rec, "Country");
        let Some(cc) = seed.resolver.countries.parse_label(country) else {
            seed.report.urbact.unresolved_rows += 1;
            seed.unresolved.insert(Unresolved::new(
                "urbact",
                name,
                country,
                "unknown country code",
            ));
            continue;
        };
        let geonames: Option<u64> = cols.get(&rec, "geonameId").parse().ok();
        let point = match (
            coordinate(cols.get(&rec, "lat_GN")),
            coordinate(cols.get(&rec, "lng_GN")),
        ) {
            (Some(lat), Some(lon)) => Some((lat, lon)),
            _ => None,
        };
        let before = seed.resolver.reg.drafts.len();
        // The GeoNames id, when the gazetteer has it under a name like the city's.
        let direct = geonames
            .and_then(|g| seed.resolver.gaz.by_geonameid(g))
            .filter(|&gi| similar_names_strict(name, &seed.resolver.gaz.cities[gi].name));
        let resolved = match direct {
            Some(gi) => {
                seed.report.urbact.by_geonames_id += 1;
                Ok(seed.resolver.reg.gazetteer_city(seed.resolver.gaz, gi))
            }
            None => {
                let at = point.map(|p| Located {
                    point: p,
                    origin: CityOrigin::Urbact,
                    source: CITY_SOURCE,
                    population: None,
                });
                seed.resolver.resolve(name, cc, at)
            }
        };
        let d = match resolved {
            Ok(d) => d,
            Err(reason) => {
                seed.report.urbact.unresolved_rows += 1;
                seed.unresolved
                    .insert(Unresolved::new("urbact", name, country, &reason));
                continue;
            }
        };
        seed.report.urbact.resolved_rows += 1;
        if seed.resolver.reg.drafts.len() > before {
            seed.resolver.reg.drafts[d]
                .sources
                .insert(CITY_SOURCE.to_owned());
            if seed.resolver.reg.drafts[d].geonames.is_some() {
                seed.report.urbact.cities_added_gazetteer += 1;
            } else {
                seed.report.urbact.cities_added_source += 1;
                if let Some(g) = geonames {
                    seed.resolver.reg.claim_geonames(d, g);
                }
            }
        }
        let lead = cols
            .get(&rec, "City.Statut")
            .eq_ignore_ascii_case("lead partner");
        let net_id = seed.networks[n].id.clone();
        let network_name = seed.networks[n].name.clone();
        if lead && seed.networks[n].secretariat.is_none() {
            seed.networks[n].secretariat = Some(d);
        }
        let m = seed.memberships.entry((net_id, d)).or_default();
        m.tags.insert(Restricted::Urbact);
        m.sources
            .insert(format!("{SHORT_CITATION} [{network_name}]"));
        if lead {
            m.role = Some("lead partner".to_owned());
        } else {
            m.set_role("partner");
        }
        if let Some(start) = year(cols.get(&rec, "Start")) {
            m.set_joined(start, "URBACT");
        }
        if let Some(end) = year(cols.get(&rec, "End")) {
            if m.joined.is_none_or(|j| j <= end) {
                m.left = Some(end);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_kinds_read_as_names() {
        assert_eq!(
            kind_label("Urbact III", "Action Planning"),
            "URBACT III action planning network"
        );
        assert_eq!(kind_label("Urbact I", "Urbact1"), "URBACT I network");
    }
}
