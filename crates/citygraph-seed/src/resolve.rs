//! Entity resolution: from a place label, a country and perhaps coordinates to one city record.
//!
//! # How a place is resolved
//!
//! 1. **Gazetteer by name.** The label is split into its name and qualifiers
//!    ([`crate::normalize::parse_place_label`]) and looked up by name key among the GeoNames cities
//!    of the country (and of the territories its lists name places in, such as Hong Kong for China).
//!    Several matches: with coordinates the nearest wins, without them the most populous. A match
//!    more than [`GAZETTEER_MATCH_KM`] ([`QUALIFIED_MATCH_KM`] for a `Name, Region` label) from
//!    geocoded coordinates is taken for a different place of the same name (`Mpumalanga` the
//!    province, not the town) unless those coordinates are implausible for the country (a geocoder
//!    that put `Perth, Canada` in Australia).
//!    English names that GeoNames lists under another name (`Cologne`, `Köln`) are looked up
//!    under both.
//! 2. **Known spellings.** Every label already resolved is remembered as a spelling of its city, so
//!    `Lucerne` finds the city resolved earlier from a geocoded `Lucerne, Switzerland`.
//! 3. **Gazetteer by similar name.** With coordinates, the nearest GeoNames city of the country
//!    within [`FUZZY_MATCH_KM`] whose name is similar ([`crate::normalize::similar_names`]):
//!    `Hanover` -> `Hannover`, `Nezahualcóyotl` -> `Ciudad Nezahualcoyotl`. Without coordinates,
//!    the one GeoNames city of the country with the same words but for links and articles
//!    ([`crate::normalize::content_words`]: `Halle an der Saale` is `Halle (Saale)`), else the
//!    only similarly named one, if there is exactly one.
//! 4. **A place of its own.** Otherwise, when the source has coordinates that are plausible for the
//!    country, the place becomes a city record without a GeoNames id at those coordinates. Geocoded
//!    labels with the same name key in a country within [`POINT_CLUSTER_KM`] of each other are one
//!    place.
//!
//! ClimActor's coordinates are often far off (Porto Velho thousands of kilometres away), so for its
//! actors the name decides: coordinates only choose among namesakes, a GeoNames namesake whose
//! population is more than five times off is another place, and actors of one name in one country
//! are one place. Anything else is unresolved, with the reason.
//!
//! The membership tables (ClimActor, ETMUN, URBACT, Eurocities) list small municipalities beside
//! larger towns, so for them similar names are compared strictly ([`Resolver::strict_names`],
//! [`crate::normalize::similar_names_strict`]): a name ending in a town's name or adding words to
//! it is another place (`Aschach an der Steyr` is not Steyr), and another spelling (`Alcoi` for
//! `Alcoy`) counts only within [`SPELLING_MATCH_KM`]. ETMUN, URBACT and Eurocities geocoded each
//! member's own address, so a namesake counts only within [`SOURCE_MATCH_KM`] of it
//! ([`CityOrigin::match_km`]).

use std::collections::{BTreeMap, BTreeSet};

use citygraph_core::CountryCode;

use crate::country::{related_territories, Countries};
use crate::gazetteer::{distance_km, Gazetteer};
use crate::normalize::{
    content_words, name_key, parse_place_label, similar_names, similar_names_strict,
    similar_spelling,
};

/// A gazetteer city this far (km) from the source's coordinates is still the same place.
pub const GAZETTEER_MATCH_KM: f64 = 150.0;
/// Radius (km) of the search for a similarly named gazetteer city around the source's coordinates.
pub const FUZZY_MATCH_KM: f64 = 15.0;
/// Like [`GAZETTEER_MATCH_KM`] for a label that names its region (`Coventry, Connecticut`).
pub const QUALIFIED_MATCH_KM: f64 = 40.0;
/// Two geocoded places of the same name and country closer than this (km) are one place.
pub const POINT_CLUSTER_KM: f64 = 25.0;
/// Under strict comparison ([`Resolver::strict_names`]), another spelling of a gazetteer city's
/// name (`Alcoi` for `Alcoy`) is that city only this near the source's coordinates (km).
pub const SPELLING_MATCH_KM: f64 = 5.0;
/// Like [`GAZETTEER_MATCH_KM`] for the membership sources that geocoded each member's address
/// (ETMUN, URBACT, Eurocities).
pub const SOURCE_MATCH_KM: f64 = 40.0;

/// English names of cities that GeoNames lists under another name, where no similar-name rule can
/// tell they are one city (`Cologne` is `Köln`): `(country, name in the sources, GeoNames name)`.
const EXONYMS: &[(&str, &str, &str)] = &[
    ("BY", "Gomel", "Homyel'"),
    ("BY", "Grodno", "Hrodna"),
    ("BY", "Mogilev", "Mahilyow"),
    ("CZ", "Plzeň", "Pilsen"),
    ("DE", "Cologne", "Köln"),
    ("IL", "Rishon LeZion", "Rishon LeTsiyyon"),
    ("IR", "Nishapur", "Neyshābūr"),
    ("IR", "Urmia", "Orūmīyeh"),
    ("IT", "Reggio Emilia", "Reggio nell'Emilia"),
    ("JP", "Kakogawa", "Kakogawachō-honmachi"),
    ("KR", "Gimhae", "Kimhae"),
    ("KR", "Jinju", "Chinju"),
    ("KZ", "Oskemen", "Ust-Kamenogorsk"),
    ("MA", "Fez", "Fes"),
    ("MN", "Ulaanbaatar", "Ulan Bator"),
    ("RU", "Oryol", "Orël"),
    ("UA", "Kiev", "Kyiv"),
];

/// The GeoNames name keys of the exonyms among `keys` in `country`.
fn exonym_keys(country: CountryCode, keys: &[String]) -> Vec<String> {
    EXONYMS
        .iter()
        .filter(|(cc, name, _)| *cc == country.as_str() && keys.contains(&name_key(name)))
        .map(|(_, _, geonames)| name_key(geonames))
        .collect()
}

/// Where a city record's coordinates come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum CityOrigin {
    Gazetteer,
    Geocode,
    ClimActor,
    /// The coordinates ETMUN (Gourdon's thesis data) gives for its members.
    Etmun,
    /// The GeoNames coordinates URBACT's participation table gives (places below the gazetteer's
    /// size threshold).
    Urbact,
    /// Wikidata coordinates of a Eurocities member.
    Eurocities,
}

impl CityOrigin {
    /// Whether a similar name near the coordinates must not be a trailing run (see
    /// [`crate::normalize::similar_names_strict`]).
    pub fn strict_names(self) -> bool {
        matches!(
            self,
            CityOrigin::ClimActor | CityOrigin::Etmun | CityOrigin::Urbact | CityOrigin::Eurocities
        )
    }

    /// Whether the source's coordinates tell namesakes apart (ClimActor's are often far off).
    pub fn trusted(self) -> bool {
        self != CityOrigin::ClimActor
    }

    /// How far (km) a gazetteer namesake may lie from the source's coordinates and still be the
    /// same place. The Wikipedia lists' geocoding names the town only roughly; the membership
    /// sources geocoded each member's own address, and most of their members are small
    /// municipalities with namesakes a region away.
    pub fn match_km(self) -> f64 {
        match self {
            CityOrigin::Gazetteer | CityOrigin::Geocode | CityOrigin::ClimActor => {
                GAZETTEER_MATCH_KM
            }
            CityOrigin::Etmun | CityOrigin::Urbact | CityOrigin::Eurocities => SOURCE_MATCH_KM,
        }
    }
}

/// A city record before ids are assigned.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub name: String,
    pub country: CountryCode,
    pub lat: f64,
    pub lon: f64,
    pub population: Option<u64>,
    pub geonames: Option<u64>,
    pub admin1: Option<String>,
    /// For places without a GeoNames id: the first parent place or region a label named.
    pub qualifier: Option<String>,
    pub wikidata: Option<String>,
    pub origin: CityOrigin,
    pub sources: BTreeSet<String>,
    /// Name keys of every label resolved to this city.
    pub aliases: BTreeSet<String>,
    /// The build stage that created the record: records of the twinning and ClimActor stages
    /// (0) keep their ids when later sources add namesakes (1).
    pub stage: u8,
    /// The record this one was merged into (a duplicate of the same place), if any.
    pub merged_into: Option<usize>,
}

/// Coordinates a source gives for a place, and the citation for them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Located<'a> {
    pub point: (f64, f64),
    pub origin: CityOrigin,
    pub source: &'a str,
    /// The population the source gives, if any (tells a village from a city of the same name).
    pub population: Option<u64>,
}

/// All city records found so far.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    pub drafts: Vec<Draft>,
    /// The stage new records are created in (see [`Draft::stage`]).
    pub stage: u8,
    by_geonames: BTreeMap<u64, usize>,
    points: BTreeMap<(CountryCode, String), Vec<usize>>,
    aliases: BTreeMap<(CountryCode, String), BTreeSet<usize>>,
}

impl Registry {
    fn add_aliases(&mut self, d: usize, keys: &[String]) {
        let cc = self.drafts[d].country;
        for k in keys {
            self.drafts[d].aliases.insert(k.clone());
            self.aliases.entry((cc, k.clone())).or_default().insert(d);
        }
    }

    /// The city record of a gazetteer city, created on first use.
    pub fn gazetteer_city(&mut self, gaz: &Gazetteer, i: usize) -> usize {
        let g = &gaz.cities[i];
        if let Some(&d) = self.by_geonames.get(&g.geonameid) {
            return d;
        }
        let d = self.drafts.len();
        let mut sources = BTreeSet::new();
        sources.insert(format!("https://www.geonames.org/{}", g.geonameid));
        self.drafts.push(Draft {
            name: g.name.clone(),
            country: g.country,
            lat: g.lat,
            lon: g.lon,
            population: (g.population > 0).then_some(g.population),
            geonames: Some(g.geonameid),
            admin1: (!g.admin1.is_empty()).then(|| g.admin1.clone()),
            qualifier: None,
            wikidata: None,
            origin: CityOrigin::Gazetteer,
            sources,
            aliases: BTreeSet::new(),
            stage: self.stage,
            merged_into: None,
        });
        self.by_geonames.insert(g.geonameid, d);
        let key = name_key(&g.name);
        if !key.is_empty() {
            self.add_aliases(d, &[key]);
        }
        d
    }

    /// Records of any country that a label with this name key resolved to.
    pub fn with_alias(&self, key: &str) -> Vec<usize> {
        let mut out: Vec<usize> = CountryCode::all()
            .filter_map(|cc| self.aliases.get(&(cc, key.to_owned())))
            .flat_map(|s| s.iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Records a name key as a spelling of a record.
    pub fn remember(&mut self, d: usize, keys: &[String]) {
        self.add_aliases(d, keys);
    }

    /// Gives a record without a GeoNames id the id a source states for it (a place below the
    /// gazetteer's size threshold), unless another record has it.
    pub fn claim_geonames(&mut self, d: usize, id: u64) -> bool {
        if self.drafts[d].geonames.is_some() || self.by_geonames.contains_key(&id) {
            return false;
        }
        self.drafts[d].geonames = Some(id);
        self.drafts[d]
            .sources
            .insert(format!("https://www.geonames.org/{id}"));
        self.by_geonames.insert(id, d);
        true
    }
}

/// Resolves labels against the gazetteer and the records found so far.
pub(crate) struct Resolver<'a> {
    pub gaz: &'a Gazetteer,
    pub countries: &'a Countries,
    pub reg: Registry,
    /// Each country with the territories its lists name places in.
    codes: BTreeMap<CountryCode, Vec<CountryCode>>,
    /// Whether similar names are compared strictly ([`crate::normalize::similar_names_strict`])
    /// also for labels without coordinates: set for the membership sources.
    pub strict_names: bool,
}

impl<'a> Resolver<'a> {
    pub fn new(gaz: &'a Gazetteer, countries: &'a Countries) -> Resolver<'a> {
        let codes = CountryCode::all()
            .map(|cc| {
                let mut codes = vec![cc];
                codes.extend(
                    related_territories(cc)
                        .iter()
                        .filter_map(|c| CountryCode::new(c).ok()),
                );
                (cc, codes)
            })
            .collect();
        Resolver {
            gaz,
            countries,
            reg: Registry::default(),
            codes,
            strict_names: false,
        }
    }

    fn codes(&self, country: CountryCode) -> Vec<CountryCode> {
        self.codes
            .get(&country)
            .cloned()
            .unwrap_or_else(|| vec![country])
    }

    /// The most populous of some gazetteer cities (ties: lowest GeoNames id).
    fn most_populous(&self, cands: &[usize]) -> usize {
        *cands
            .iter()
            .max_by(|a, b| {
                let (x, y) = (&self.gaz.cities[**a], &self.gaz.cities[**b]);
                x.population
                    .cmp(&y.population)
                    .then(y.geonameid.cmp(&x.geonameid))
            })
            .expect("candidates are not empty")
    }

    /// Whether coordinates can lie in one of `codes`: near one of its gazetteer cities, or at
    /// least not much nearer to another country's (remote places are far from any city).
    pub fn plausible(&self, p: (f64, f64), codes: &[CountryCode]) -> bool {
        if !codes.iter().any(|c| self.gaz.has_country(*c)) {
            return true;
        }
        // Most points have a city of their country close by: a grid search answers those.
        if self
            .gaz
            .within(p, 100.0)
            .iter()
            .any(|(_, i)| codes.contains(&self.gaz.cities[*i].country))
        {
            return true;
        }
        let same = self.gaz.nearest_in(p, codes);
        if same <= 100.0 {
            return true;
        }
        let other = self.gaz.nearest_outside(p, codes, (same - 100.0) / 3.0);
        same <= 3.0 * other + 100.0
    }

    /// Gazetteer cities of `key` in any of `codes`.
    fn gazetteer_candidates(&self, codes: &[CountryCode], key: &str) -> Vec<usize> {
        let mut cands: Vec<usize> = codes
            .iter()
            .flat_map(|cc| self.gaz.by_key(*cc, key).iter().copied())
            .collect();
        cands.sort_unstable();
        cands.dedup();
        cands
    }

    /// The candidate nearest to `p` (ties: lowest index) and its distance.
    fn nearest(
        &self,
        p: (f64, f64),
        cands: &[usize],
        point_of: impl Fn(usize) -> (f64, f64),
    ) -> (f64, usize) {
        cands
            .iter()
            .map(|&i| (distance_km(p, point_of(i)), i))
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .expect("candidates are not empty")
    }

    fn found(&mut self, d: usize, keys: &[String]) -> Result<usize, String> {
        self.reg.add_aliases(d, keys);
        Ok(d)
    }

    /// The gazetteer city of any country within [`FUZZY_MATCH_KM`] of `p` whose name is similar to
    /// the label's (nearest first): for a source row whose country code contradicts its
    /// coordinates (`Osijek` coded `CR`), or that has no country at all.
    pub fn similar_near(&mut self, label: &str, p: (f64, f64)) -> Option<usize> {
        let parsed = parse_place_label(label);
        let names: Vec<&str> = std::iter::once(parsed.name.as_str())
            .chain(parsed.alternatives.iter().map(String::as_str))
            .collect();
        let (_, i) = self
            .gaz
            .within(p, FUZZY_MATCH_KM)
            .into_iter()
            .find(|(km, i)| {
                let g = &self.gaz.cities[*i].name;
                names.iter().any(|n| {
                    similar_names_strict(n, g)
                        || (*km <= SPELLING_MATCH_KM && similar_spelling(n, g))
                })
            })?;
        let d = self.reg.gazetteer_city(self.gaz, i);
        self.reg.add_aliases(d, &parsed.keys());
        Some(d)
    }

    /// Resolves a place to a city record (an index into the registry), or says why it cannot.
    ///
    /// Geocoded coordinates ([`CityOrigin::Geocode`]) are trusted to tell namesakes apart;
    /// ClimActor's coordinates are too often wrong for that, so for its actors the name decides
    /// and coordinates and population only choose among namesakes.
    pub fn resolve(
        &mut self,
        label: &str,
        country: CountryCode,
        at: Option<Located<'_>>,
    ) -> Result<usize, String> {
        let parsed = parse_place_label(label);
        let mut keys = parsed.keys();
        if keys.is_empty() {
            return Err("the name has no letters or digits".to_owned());
        }
        for k in exonym_keys(country, &keys) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        let codes = self.codes(country);
        let point = at.map(|a| a.point);
        let trust_point = at.is_some_and(|a| a.origin.trusted());
        let population = at.and_then(|a| a.population).filter(|p| *p > 0);
        // A `Name, Region` label names its region: a namesake elsewhere is another place.
        let base_km = at.map_or(GAZETTEER_MATCH_KM, |a| a.origin.match_km());
        let match_km =
            if parsed.qualifiers.is_empty() || label.contains('(') || !label.contains(',') {
                base_km
            } else {
                base_km.min(QUALIFIED_MATCH_KM)
            };

        // 1. Gazetteer by name.
        let mut far_match = false;
        for key in &keys {
            let mut cands = self.gazetteer_candidates(&codes, key);
            if let Some(pop) = population {
                // A population five times off is another place (a village named after a city).
                cands.retain(|&i| {
                    let g = self.gaz.cities[i].population;
                    g == 0 || (pop * 5 >= g && pop <= g * 5)
                });
            }
            if cands.is_empty() {
                continue;
            }
            let chosen = match point {
                Some(p) => {
                    let (d, i) = self.nearest(p, &cands, |i| self.gaz.cities[i].point());
                    if d <= match_km || !trust_point {
                        Some(i)
                    } else if self.plausible(p, &codes) {
                        far_match = true;
                        None
                    } else {
                        Some(self.most_populous(&cands))
                    }
                }
                None => Some(self.most_populous(&cands)),
            };
            if let Some(i) = chosen {
                let d = self.reg.gazetteer_city(self.gaz, i);
                return self.found(d, &keys);
            }
            break;
        }

        // 2. Known spellings.
        for key in &keys {
            let mut known: Vec<usize> = codes
                .iter()
                .filter_map(|cc| self.reg.aliases.get(&(*cc, key.clone())))
                .flat_map(|s| s.iter().copied())
                .collect();
            known.sort_unstable();
            known.dedup();
            if known.is_empty() {
                continue;
            }
            let pick = match point {
                Some(p) => {
                    let (d, i) = self.nearest(p, &known, |d| {
                        (self.reg.drafts[d].lat, self.reg.drafts[d].lon)
                    });
                    (d <= POINT_CLUSTER_KM || !trust_point).then_some(i)
                }
                None => known.iter().copied().max_by(|a, b| {
                    let (x, y) = (&self.reg.drafts[*a], &self.reg.drafts[*b]);
                    x.population.cmp(&y.population).then(b.cmp(a))
                }),
            };
            if let Some(d) = pick {
                return self.found(d, &keys);
            }
        }

        let names: Vec<&str> = std::iter::once(parsed.name.as_str())
            .chain(parsed.alternatives.iter().map(String::as_str))
            .collect();
        // 3. Gazetteer by place: a similar name near the coordinates, or without coordinates the
        // one similar name in the country.
        let strict = self.strict_names || at.is_some_and(|a| a.origin.strict_names());
        let similar = if strict {
            similar_names_strict
        } else {
            similar_names
        };
        if !far_match {
            let hit = match point {
                Some(p) => self
                    .gaz
                    .within(p, FUZZY_MATCH_KM)
                    .into_iter()
                    .find(|(km, i)| {
                        let g = &self.gaz.cities[*i];
                        codes.contains(&g.country)
                            && names.iter().any(|n| {
                                similar(n, &g.name)
                                    || (strict
                                        && *km <= SPELLING_MATCH_KM
                                        && similar_spelling(n, &g.name))
                            })
                    })
                    .map(|(_, i)| i),
                None => {
                    let in_country = || {
                        codes
                            .iter()
                            .flat_map(|cc| self.gaz.in_country(*cc).iter().copied())
                    };
                    // The same words but for their links first: `Halle an der Saale` is
                    // `Halle (Saale)`, not the `Halle` a leading run would also take.
                    let words: Vec<Vec<String>> = names.iter().map(|n| content_words(n)).collect();
                    let same: Vec<usize> = in_country()
                        .filter(|i| words.contains(&content_words(&self.gaz.cities[*i].name)))
                        .collect();
                    let similar: Vec<usize> = in_country()
                        .filter(|i| names.iter().any(|n| similar(n, &self.gaz.cities[*i].name)))
                        .collect();
                    if same.len() == 1 {
                        Some(same[0])
                    } else {
                        (similar.len() == 1).then(|| similar[0])
                    }
                }
            };
            if let Some(i) = hit {
                let d = self.reg.gazetteer_city(self.gaz, i);
                return self.found(d, &keys);
            }
        }

        // 4. A place of its own.
        let Some(at) = at else {
            return Err(if far_match {
                "gazetteer namesakes are far from the given coordinates".to_owned()
            } else {
                "no gazetteer match and no coordinates".to_owned()
            });
        };
        // A label naming its own country or one of its territories (`Guam` in a US list) is not a
        // city; a town named like another country (`Palau` in Sardinia, `Montserrat` in
        // Catalonia) is one.
        if self
            .countries
            .named(&parsed.name)
            .is_some_and(|named| codes.contains(&named))
        {
            return Err("names a country or territory, not a city".to_owned());
        }
        if !self.plausible(at.point, &codes) {
            let cname = self
                .countries
                .get(country)
                .map_or(country.as_str(), |c| c.name.as_str());
            return Err(format!("the coordinates lie outside {cname}"));
        }
        let slot = (country, keys[0].clone());
        if let Some(list) = self.reg.points.get(&slot) {
            let near = list.iter().copied().find(|&d| {
                !trust_point
                    || distance_km(at.point, (self.reg.drafts[d].lat, self.reg.drafts[d].lon))
                        <= POINT_CLUSTER_KM
            });
            if let Some(d) = near {
                self.reg.drafts[d].sources.insert(at.source.to_owned());
                return self.found(d, &keys);
            }
        }
        let d = self.reg.drafts.len();
        let mut sources = BTreeSet::new();
        sources.insert(at.source.to_owned());
        self.reg.drafts.push(Draft {
            name: parsed.name.clone(),
            country,
            lat: at.point.0,
            lon: at.point.1,
            population: None,
            geonames: None,
            admin1: None,
            qualifier: parsed.place_qualifier().map(str::to_owned),
            wikidata: None,
            origin: at.origin,
            sources,
            aliases: BTreeSet::new(),
            stage: self.reg.stage,
            merged_into: None,
        });
        self.reg.points.entry(slot).or_default().push(d);
        self.found(d, &keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GazCity;

    fn city(id: u64, name: &str, cc: &str, lat: f64, lon: f64, population: u64) -> GazCity {
        GazCity {
            geonameid: id,
            name: name.to_owned(),
            lat,
            lon,
            country: CountryCode::new(cc).unwrap(),
            admin1: String::new(),
            population,
        }
    }

    fn fixture() -> (Gazetteer, Countries) {
        let gaz = Gazetteer::from_cities([
            city(1, "Springfield", "US", 39.80, -89.64, 114_000),
            city(2, "Springfield", "US", 42.10, -72.59, 155_000),
            city(3, "Coventry", "US", 41.70, -71.68, 35_000),
            city(4, "Hannover", "DE", 52.37, 9.73, 515_000),
            city(5, "Berlin", "DE", 52.52, 13.40, 3_400_000),
            city(6, "Santa Lucía", "ES", 27.91, -15.54, 71_000),
            city(7, "Madrid", "ES", 40.42, -3.70, 3_200_000),
            city(8, "Köln", "DE", 50.93, 6.95, 1_000_000),
            city(9, "Boston", "US", 42.36, -71.06, 650_000),
        ]);
        let rows = [
            ("US", "USA", "United States", "NA"),
            ("DE", "DEU", "Germany", "EU"),
            ("ES", "ESP", "Spain", "EU"),
        ];
        let countries = Countries::from_rows(
            rows.iter()
                .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string())),
        );
        (gaz, countries)
    }

    fn geocoded(lat: f64, lon: f64) -> Option<Located<'static>> {
        Some(Located {
            point: (lat, lon),
            origin: CityOrigin::Geocode,
            source: "geocode",
            population: None,
        })
    }

    fn cc(s: &str) -> CountryCode {
        CountryCode::new(s).unwrap()
    }

    #[test]
    fn namesakes_are_told_apart_by_coordinates_or_population() {
        let (gaz, countries) = fixture();
        let mut r = Resolver::new(&gaz, &countries);
        let east = r
            .resolve("Springfield", cc("US"), geocoded(42.1, -72.6))
            .unwrap();
        assert_eq!(r.reg.drafts[east].geonames, Some(2));
        let none = r.resolve("Springfield", cc("US"), None).unwrap();
        assert_eq!(
            r.reg.drafts[none].geonames,
            Some(2),
            "without coordinates the most populous wins"
        );
        let west = r
            .resolve("Springfield", cc("US"), geocoded(39.8, -89.6))
            .unwrap();
        assert_eq!(r.reg.drafts[west].geonames, Some(1));
    }

    #[test]
    fn a_distant_namesake_is_another_place_and_a_region_label_is_stricter() {
        let (gaz, countries) = fixture();
        let mut r = Resolver::new(&gaz, &countries);
        // Coventry, Connecticut is about 55 km from Coventry, Rhode Island.
        let ct = r
            .resolve("Coventry, Connecticut", cc("US"), geocoded(41.78, -72.34))
            .unwrap();
        assert_eq!(r.reg.drafts[ct].geonames, None);
        assert_eq!(r.reg.drafts[ct].name, "Coventry");
        let ri = r
            .resolve("Coventry, Rhode Island", cc("US"), geocoded(41.70, -71.68))
            .unwrap();
        assert_eq!(r.reg.drafts[ri].geonames, Some(3));
        // A far namesake whose coordinates are plausible for the country is another place.
        let far = r
            .resolve("Boston", cc("US"), geocoded(37.0, -100.0))
            .unwrap();
        assert_eq!(r.reg.drafts[far].geonames, None);
    }

    #[test]
    fn implausible_coordinates_do_not_make_a_place() {
        let (gaz, countries) = fixture();
        let mut r = Resolver::new(&gaz, &countries);
        // A German name geocoded in Spain: no German city anywhere near.
        let err = r
            .resolve("Kleindorf", cc("DE"), geocoded(40.4, -3.7))
            .unwrap_err();
        assert!(err.contains("outside Germany"), "{err}");
        // A geocoder that put Boston, US in England still finds the gazetteer's Boston.
        let b = r
            .resolve("Boston", cc("US"), geocoded(52.98, -0.02))
            .unwrap();
        assert_eq!(r.reg.drafts[b].geonames, Some(9));
    }

    #[test]
    fn spellings_and_exonyms_find_the_gazetteer_city() {
        let (gaz, countries) = fixture();
        let mut r = Resolver::new(&gaz, &countries);
        let h = r
            .resolve("Hanover", cc("DE"), geocoded(52.38, 9.74))
            .unwrap();
        assert_eq!(r.reg.drafts[h].geonames, Some(4));
        let k = r.resolve("Cologne", cc("DE"), None).unwrap();
        assert_eq!(r.reg.drafts[k].geonames, Some(8));
        // The spelling is remembered: a later label without coordinates finds it.
        assert_eq!(r.resolve("Hanover", cc("DE"), None).unwrap(), h);
        assert!(r.resolve("Nowhere", cc("DE"), None).is_err());
    }

    #[test]
    fn climactor_names_decide_and_population_separates_villages() {
        let (gaz, countries) = fixture();
        let mut r = Resolver::new(&gaz, &countries);
        let at = |lat, lon, population| {
            Some(Located {
                point: (lat, lon),
                origin: CityOrigin::ClimActor,
                source: "climactor",
                population,
            })
        };
        // Coordinates far off, but the name and population agree: the gazetteer city.
        let m = r
            .resolve("Madrid", cc("ES"), at(28.0, -15.0, Some(3_000_000)))
            .unwrap();
        assert_eq!(r.reg.drafts[m].geonames, Some(7));
        // A village named like a city of 71,000 is another place, however near.
        let v = r
            .resolve("Santa Lucía", cc("ES"), at(37.0, -3.0, Some(2_000)))
            .unwrap();
        assert_eq!(r.reg.drafts[v].geonames, None);
        // One name in one country is one ClimActor place, wherever its coordinates.
        let again = r
            .resolve("Santa Lucía", cc("ES"), at(41.0, 0.5, Some(2_000)))
            .unwrap();
        assert_eq!(again, v);
    }
}
