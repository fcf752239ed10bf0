//! ETMUN: members of 59 European transnational municipal networks, with join years (Gourdon's
//! thesis data, from the UIA Yearbook 2015 and the networks' own sites).
//!
//! # From rows to memberships
//!
//! Each row is one member of one network (`Code_Network`, mapped onto the seed's networks by
//! [`crate::networks::id_by_etmun_code`]). Only places become memberships: a row whose
//! `EntitySimplified` is a region, an intermunicipal body, an association or a state body, whose
//! `Entity` is a district (a German `Landkreis`) or the network's own administration, or whose
//! name names a grouping, a region or an organisation ([`crate::entity`]) is left out and counted.
//!
//! A place is resolved by its name (`Full_Name` without the words for its government:
//! `Osijek municipality` is Osijek), its country and the coordinates of its address (`lat`/`lon`,
//! else `Y`/`X`), like any geocoded label ([`crate::resolve`]), within
//! [`crate::resolve::SOURCE_MATCH_KM`]. Two quirks of the table are handled by rule: the country
//! code `NA` is R's missing value, not Namibia (the rows are Moroccan, Egyptian and Cape Verdean
//! cities, some geocoded in Namibia because of it), so such a row needs a gazetteer city of its
//! name at its coordinates; and a row whose coordinates lie outside its country (`Osijek` coded
//! `CR`) resolves to the similarly named gazetteer city at its coordinates, if there is one.
//!
//! `Year_of_Joining` becomes the membership's `joined` (CIVITAS gives phases, `2002-2006 -
//! CIVITAS I`: the first year counts); `Statut` becomes its role (see [`role_of`]); and each
//! membership is `observed` at the network's collection year: the end of `Years` in the
//! organisations file (`2014-2015` is 2015), or the latest join year of the network's rows if
//! that is later (the Covenant of Mayors lists adhesions up to 2019). A `Former Member` is
//! recorded `absent` at that year instead. The table has no leave dates.

use std::collections::BTreeMap;
use std::path::Path;

use citygraph_core::{CountryCode, PartialDate};
use encoding_rs::WINDOWS_1252;

use crate::entity::{not_a_place, NotPlace};
use crate::error::SeedError;
use crate::normalize::{government_name, title_case_if_shouting};
use crate::read::{coordinate, csv_reader_from, csv_reader_with, read_bytes, Columns};
use crate::resolve::{CityOrigin, Located};
use crate::{Restricted, Seed, Unresolved};

pub(crate) const DIR: &str = "etmun-gourdon";
pub(crate) const MEMBERS: &str = "MembersETMUNGeocode.csv";
pub(crate) const ORGANISATIONS: &str = "BD_ETMUN_OrganizationsWithMembersCities.csv";

/// How a membership cites the table: `ETMUN (Gourdon) [UBC: Member]` names the network's acronym
/// and the row's status.
pub(crate) const SHORT_CITATION: &str = "ETMUN (Gourdon thesis data)";
/// The full citation, in SOURCES.md.
pub(crate) const CITATION: &str = "Gourdon, P., PhD thesis, Université Paris 1 Panthéon-Sorbonne / UMR Géographie-cités, ETMUN database (github.com/pgourdongeo/Chap3_LocationalAnalysis), after the UIA Yearbook of International Organizations 2015";
/// The source of a city record created at ETMUN's coordinates.
pub(crate) const CITY_SOURCE: &str =
    "ETMUN (Gourdon thesis data) member address geocoding; research use";

/// The year a network's member list counts for when the organisations file gives none.
const DEFAULT_SNAPSHOT: i32 = 2015;

/// The role a `Statut` stands for (`None`: no role stated). Commitment types of the Covenant of
/// Mayors (`2020`, `2030ADAPT`) and ECAD's resolution make the member a `signatory`; a `Former
/// Member` has no role (it is recorded absent).
pub(crate) fn role_of(statut: &str) -> Option<&'static str> {
    let s = statut.trim().to_lowercase();
    Some(match s.as_str() {
        "full member" => "full member",
        "member" | "effective member" | "phase vi" | "relatore" | "esperto" | "referent coppem" => {
            "member"
        }
        "associated member" | "associated partner" => "associate",
        "indirect member" => "indirect member",
        "partners" => "partner",
        "demonstration city" => "demonstration city",
        "non-demonstration city" => "non-demonstration city",
        "president" | "president coppem" => "president",
        "vice president" | "1 vice president" => "vice president",
        "general secretariat" => "secretariat",
        "2020"
        | "2030adapt"
        | "20202030adapt"
        | "2020adapt"
        | "adapt"
        | "ecad resolution signatory municipalities" => "signatory",
        _ => return None,
    })
}

/// A join year: `1993`, or the first year of a CIVITAS phase (`2008-2012 - CIVITAS PLUS`).
fn join_year(s: &str) -> Option<i32> {
    let digits: String = s.trim().chars().take(4).collect();
    let y: i32 = digits.parse().ok()?;
    (1900..=2030).contains(&y).then_some(y)
}

fn point(lat: &str, lon: &str) -> Option<(f64, f64)> {
    let (lat, lon) = (coordinate(lat)?, coordinate(lon)?);
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) && (lat, lon) != (0.0, 0.0))
        .then_some((lat, lon))
}

/// Why a row is left out, from ETMUN's own classification (see the module docs).
fn classified(simplified: &str, entity: &str) -> Option<NotPlace> {
    match simplified.trim() {
        "City" | "Municipality" => match entity.trim() {
            "District" => Some(NotPlace::Region),
            "Network Administration" => Some(NotPlace::Organisation),
            _ => None,
        },
        "Intermunicipality" => Some(NotPlace::Intermunicipal),
        "Region" | "State Administration" => Some(NotPlace::Region),
        _ => Some(NotPlace::Organisation),
    }
}

/// The name a row's member is resolved by: `Full_Name` without non-breaking spaces, a trailing
/// `*`, capitals or the words for its government.
fn member_name(full: &str) -> String {
    let cleaned = full
        .replace('\u{a0}', " ")
        .trim()
        .trim_end_matches('*')
        .trim()
        .to_owned();
    let cased = title_case_if_shouting(&cleaned);
    government_name(&cased).unwrap_or(cased)
}

/// The end year of each network's collection period (`Years` of the organisations file), by code.
fn collection_years(raw: &Path) -> Result<BTreeMap<String, i32>, SeedError> {
    let path = raw.join(DIR).join(ORGANISATIONS);
    // Windows-1252 text with CRLF line ends.
    let bytes = read_bytes(&path)?;
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
    let mut rdr = csv_reader_from(text.into_owned().into_bytes(), b';');
    let cols = Columns::new(&path, &mut rdr, &["Code", "Years"])?;
    let mut out = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| SeedError::csv(&path, e))?;
        let code = cols.get(&rec, "Code");
        let end = cols
            .get(&rec, "Years")
            .rsplit('-')
            .next()
            .and_then(|y| y.trim().parse::<i32>().ok());
        if let (false, Some(y)) = (code.is_empty(), end) {
            out.insert(code.to_owned(), y);
        }
    }
    Ok(out)
}

struct Row {
    line: u64,
    code: String,
    acronym: String,
    name: String,
    country: String,
    point: Option<(f64, f64)>,
    population: Option<u64>,
    statut: String,
    joined: Option<i32>,
    not_place: Option<NotPlace>,
}

fn read_rows(raw: &Path) -> Result<Vec<Row>, SeedError> {
    let path = raw.join(DIR).join(MEMBERS);
    let mut rdr = csv_reader_with(&path, b';')?;
    let cols = Columns::new(
        &path,
        &mut rdr,
        &[
            "Full_Name",
            "CountryCode",
            "Y",
            "X",
            "Pop_collect",
            "Statut",
            "Entity",
            "Year_of_Joining",
            "Network_Name",
            "Code_Network",
            "EntitySimplified",
            "lon",
            "lat",
        ],
    )?;
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| SeedError::csv(&path, e))?;
        let full = cols.get(&rec, "Full_Name");
        let name = member_name(full);
        let not_place = classified(cols.get(&rec, "EntitySimplified"), cols.get(&rec, "Entity"))
            .or_else(|| not_a_place(&name))
            .or_else(|| not_a_place(full));
        out.push(Row {
            line: i as u64 + 2,
            code: cols.get(&rec, "Code_Network").to_owned(),
            acronym: cols.get(&rec, "Network_Name").to_owned(),
            name,
            country: cols.get(&rec, "CountryCode").to_owned(),
            point: point(cols.get(&rec, "lat"), cols.get(&rec, "lon"))
                .or_else(|| point(cols.get(&rec, "Y"), cols.get(&rec, "X"))),
            population: cols
                .get(&rec, "Pop_collect")
                .parse::<u64>()
                .ok()
                .filter(|p| *p > 0),
            statut: cols.get(&rec, "Statut").to_owned(),
            joined: join_year(cols.get(&rec, "Year_of_Joining")),
            not_place,
        });
    }
    Ok(out)
}

/// The country a row's code names: ISO codes, `UK`, Kosovo's `RKS`; `NA` (R's missing value) and
/// unknown codes name none.
fn country_of(code: &str) -> Option<CountryCode> {
    match code.trim() {
        "NA" | "" => None,
        "UK" => CountryCode::new("GB").ok(),
        "RKS" => CountryCode::new("XK").ok(),
        c => CountryCode::new(c).ok(),
    }
}

/// Resolves a place row (see the module docs).
fn resolve_row(seed: &mut Seed<'_>, row: &Row) -> Result<usize, String> {
    let at = row.point.map(|p| Located {
        point: p,
        origin: CityOrigin::Etmun,
        source: CITY_SOURCE,
        population: row.population,
    });
    let Some(cc) = country_of(&row.country) else {
        return match row.point {
            Some(p) => seed.resolver.similar_near(&row.name, p).ok_or_else(|| {
                "no country given and no gazetteer city of that name at the coordinates".to_owned()
            }),
            None => Err("no country and no coordinates given".to_owned()),
        };
    };
    match seed.resolver.resolve(&row.name, cc, at) {
        Ok(d) => Ok(d),
        Err(reason) if reason.starts_with("the coordinates lie outside") => {
            match row
                .point
                .and_then(|p| seed.resolver.similar_near(&row.name, p))
            {
                Some(d) => {
                    seed.report.etmun.countries_corrected += 1;
                    Ok(d)
                }
                None => Err(reason),
            }
        }
        Err(reason) => Err(reason),
    }
}

/// Reads the table and records the memberships.
pub(crate) fn load(seed: &mut Seed<'_>, raw: &Path) -> Result<(), SeedError> {
    let collected = collection_years(raw)?;
    let rows = read_rows(raw)?;
    // The year each network's list counts for.
    let mut snapshot: BTreeMap<String, i32> = BTreeMap::new();
    for r in &rows {
        let base = collected.get(&r.code).copied().unwrap_or(DEFAULT_SNAPSHOT);
        let e = snapshot.entry(r.code.clone()).or_insert(base);
        if let Some(y) = r.joined {
            *e = (*e).max(y);
        }
    }
    for row in &rows {
        let fig = &mut seed.report.etmun;
        fig.rows_read += 1;
        let Some(net) = crate::networks::id_by_etmun_code(&row.code) else {
            return Err(SeedError::bad(
                &raw.join(DIR).join(MEMBERS),
                row.line,
                format!(
                    "network code {:?} ({}) has no network fact",
                    row.code, row.acronym
                ),
            ));
        };
        if let Some(kind) = row.not_place {
            *fig.left_out.entry(kind.as_str().to_owned()).or_default() += 1;
            continue;
        }
        fig.place_rows += 1;
        let before = seed.resolver.reg.drafts.len();
        let d = match resolve_row(seed, row) {
            Ok(d) => d,
            Err(reason) => {
                seed.report.etmun.unresolved_rows += 1;
                seed.unresolved
                    .insert(Unresolved::new("etmun", &row.name, &row.country, &reason));
                continue;
            }
        };
        let fig = &mut seed.report.etmun;
        fig.resolved_rows += 1;
        if seed.resolver.reg.drafts.len() > before {
            let draft = &mut seed.resolver.reg.drafts[d];
            draft.sources.insert(CITY_SOURCE.to_owned());
            if draft.geonames.is_some() {
                fig.cities_added_gazetteer += 1;
            } else {
                fig.cities_added_source += 1;
            }
        }
        let year = snapshot[&row.code];
        let m = seed.memberships.entry((net.to_owned(), d)).or_default();
        m.tags.insert(Restricted::Etmun);
        m.sources
            .insert(if row.statut == "NA" || row.statut.is_empty() {
                format!("{SHORT_CITATION} [{}]", row.acronym)
            } else {
                format!("{SHORT_CITATION} [{}: {}]", row.acronym, row.statut)
            });
        let at = PartialDate::year(year).expect("collection years are valid");
        if row.statut.trim().eq_ignore_ascii_case("former member") {
            m.absent.insert(at);
        } else {
            m.observed.insert(at);
        }
        if let Some(role) = role_of(&row.statut) {
            m.set_role(role);
        }
        if let Some(y) = row.joined {
            let date = PartialDate::year(y).expect("join years are valid");
            if let Some(c) = m.set_joined(date, "ETMUN") {
                seed.report
                    .membership_conflicts
                    .push(format!("{net} / {}: {c}", row.name));
            }
        }
        *seed
            .report
            .etmun
            .rows_per_network
            .entry(net.to_owned())
            .or_default() += 1;
    }
    for (code, year) in &snapshot {
        if let Some(net) = crate::networks::id_by_etmun_code(code) {
            seed.report
                .etmun
                .snapshot_years
                .insert(net.to_owned(), *year);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_roles() {
        assert_eq!(role_of("Full member"), Some("full member"));
        assert_eq!(role_of("Associated Member"), Some("associate"));
        assert_eq!(role_of("20202030ADAPT"), Some("signatory"));
        assert_eq!(role_of("Former Member"), None);
        assert_eq!(role_of("NA"), None);
    }

    #[test]
    fn join_years_and_coordinates_parse() {
        assert_eq!(join_year("1993"), Some(1993));
        assert_eq!(join_year("2008-2012 - CIVITAS PLUS"), Some(2008));
        assert_eq!(join_year("NA"), None);
        assert_eq!(point("43,39864", "3,412055"), Some((43.39864, 3.412055)));
        assert_eq!(point("NA", "NA"), None);
    }

    #[test]
    fn member_names_lose_their_government_words() {
        assert_eq!(member_name("Osijek municipality\u{a0}"), "Osijek");
        assert_eq!(member_name("TREVIGNANO"), "Trevignano");
        assert_eq!(member_name("Dundee City Council"), "Dundee");
        assert_eq!(
            member_name("Administration communale de Froidchapelle"),
            "Froidchapelle"
        );
        assert_eq!(
            member_name("Bogota Chamber of Commerce (CCB)*"),
            "Bogota Chamber of Commerce (CCB)"
        );
    }
}
