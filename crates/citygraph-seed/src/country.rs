//! Countries: GeoNames' country table, the labels the sources use for countries, and the survey
//! region of each country.
//!
//! # Regions
//!
//! Each ISO country belongs to one of the survey's five regions, from its GeoNames continent, with
//! two documented exceptions:
//! - the Middle East (Gulf states, Iran, Iraq, Israel, Jordan, Lebanon, Palestine, Syria, Yemen),
//!   which GeoNames files under Asia, goes to `africa-middle-east`, as the survey pairs Africa
//!   with the Middle East;
//! - Turkey and the South Caucasus (Armenia, Azerbaijan, Georgia), which GeoNames files under Asia,
//!   go to `europe`: all four are Council of Europe members and Wikipedia's twin-town lists file
//!   them under Europe. Cyprus and Russia are `europe` in GeoNames already.
//!
//! Otherwise Africa -> `africa-middle-east`, Europe -> `europe`, Asia and Oceania -> `asia-pacific`,
//! North America (with Central America and the Caribbean) -> `north-america`, South America ->
//! `south-america`. Antarctica has no region.

use std::collections::BTreeMap;
use std::path::Path;

use citygraph_core::{CountryCode, Region};

use crate::error::SeedError;
use crate::normalize::{name_key, parse_place_label};
use crate::read::{csv_reader, Columns};

/// Countries named differently by the sources than by GeoNames, with misspellings seen in the
/// Wikipedia lists. Keys are compared after [`name_key`].
const LABEL_ALIASES: &[(&str, &str)] = &[
    ("United States", "US"),
    ("United States of America", "US"),
    ("USA", "US"),
    ("US", "US"),
    ("U.S.", "US"),
    ("England", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("Northern Ireland", "GB"),
    ("Great Britain", "GB"),
    ("UK", "GB"),
    ("Czech Republic", "CZ"),
    ("Czechia", "CZ"),
    ("Georgia (country)", "GE"),
    ("South Korea", "KR"),
    ("Republic of Korea", "KR"),
    ("Korea", "KR"),
    ("North Korea", "KP"),
    ("Russia", "RU"),
    ("Russian Federation", "RU"),
    ("Taiwan", "TW"),
    ("Republic of China", "TW"),
    ("Republic of Ireland", "IE"),
    ("Ireland", "IE"),
    ("Ivory Coast", "CI"),
    ("Côte d'Ivoire", "CI"),
    ("East Timor", "TL"),
    ("Timor-Leste", "TL"),
    ("Northern Cyprus", "CY"),
    ("West Bank", "PS"),
    ("Palestine", "PS"),
    ("State of Palestine", "PS"),
    ("Gaza Strip", "PS"),
    ("Bosnia and Hercegovina", "BA"),
    ("Bosnia", "BA"),
    ("Cape Verde", "CV"),
    ("Congo", "CG"),
    ("Republic of the Congo", "CG"),
    ("Democratic Republic of the Congo", "CD"),
    ("DR Congo", "CD"),
    ("Swaziland", "SZ"),
    ("Federated States of Micronesia", "FM"),
    ("Macedonia", "MK"),
    ("Republic of Macedonia", "MK"),
    ("Netherlands", "NL"),
    ("Holland", "NL"),
    ("Vatican City", "VA"),
    ("Burma", "MM"),
    ("São Tomé and Príncipe", "ST"),
    ("The Gambia", "GM"),
    ("The Bahamas", "BS"),
    ("Macau", "MO"),
    ("Curaçao", "CW"),
    ("Réunion", "RE"),
    ("Åland Islands", "AX"),
    ("Aland", "AX"),
    ("Saint Helena, Ascension and Tristan da Cunha", "SH"),
    ("United States Virgin Islands", "VI"),
    ("Sahrawi Arab Democratic Republic", "EH"),
    ("Laos", "LA"),
    ("Lao PDR", "LA"),
    ("Moldavia", "MD"),
    // Misspellings in the Wikipedia lists.
    ("Grece", "GR"),
    ("Japa", "JP"),
    ("Kazakhstah", "KZ"),
    ("Madagaskar", "MG"),
    ("Surinam", "SR"),
    ("Island", "IS"),
];

/// Territories a country's list may name a place in, though GeoNames files it under its own code
/// (`Hong Kong` listed under China, `Mariehamn` under Finland, a Kosovo town under Serbia).
pub fn related_territories(cc: CountryCode) -> &'static [&'static str] {
    match cc.as_str() {
        "CN" => &["HK", "MO"],
        "FR" => &[
            "RE", "GP", "MQ", "GF", "YT", "NC", "PF", "PM", "BL", "MF", "WF",
        ],
        "GB" => &[
            "GI", "IM", "JE", "GG", "FK", "BM", "KY", "VG", "MS", "TC", "AI", "SH",
        ],
        "US" => &["PR", "GU", "VI", "AS", "MP", "UM"],
        "NL" => &["AW", "CW", "SX", "BQ"],
        "DK" => &["FO", "GL"],
        "FI" => &["AX"],
        "NO" => &["SJ"],
        "AU" => &["NF", "CX", "CC"],
        "NZ" => &["CK", "NU", "TK"],
        "IL" => &["PS"],
        "PS" => &["IL"],
        "MA" => &["EH"],
        "EH" => &["MA"],
        "RS" => &["XK"],
        "XK" => &["RS"],
        _ => &[],
    }
}

/// Countries GeoNames files under Asia that the survey counts as the Middle East.
const MIDDLE_EAST: &[&str] = &[
    "AE", "BH", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "YE",
];
/// Countries GeoNames files under Asia that are counted as Europe (see the module docs).
const EUROPE_FROM_ASIA: &[&str] = &["TR", "AM", "AZ", "GE", "CY"];

/// The survey region of a country, from its GeoNames continent code (see the module docs).
pub fn region_of(cc: CountryCode, continent: &str) -> Option<Region> {
    let c = cc.as_str();
    if MIDDLE_EAST.contains(&c) {
        return Some(Region::AfricaMiddleEast);
    }
    if EUROPE_FROM_ASIA.contains(&c) {
        return Some(Region::Europe);
    }
    match continent {
        "AF" => Some(Region::AfricaMiddleEast),
        "EU" => Some(Region::Europe),
        "AS" | "OC" => Some(Region::AsiaPacific),
        "NA" => Some(Region::NorthAmerica),
        "SA" => Some(Region::SouthAmerica),
        _ => None,
    }
}

/// One row of GeoNames' country table.
#[derive(Clone, Debug)]
pub struct CountryInfo {
    pub code: CountryCode,
    pub iso3: String,
    pub name: String,
    pub continent: String,
}

/// The country table with lookups by ISO3 code and by label.
#[derive(Clone, Debug, Default)]
pub struct Countries {
    by_code: BTreeMap<CountryCode, CountryInfo>,
    by_iso3: BTreeMap<String, CountryCode>,
    by_key: BTreeMap<String, CountryCode>,
}

impl Countries {
    /// Reads GeoNames' `countries.csv` (`iso,iso3,...,name,continentcode,...`).
    pub fn load(path: &Path) -> Result<Countries, SeedError> {
        let mut rdr = csv_reader(path)?;
        let cols = Columns::new(path, &mut rdr, &["iso", "iso3", "name", "continentcode"])?;
        let mut rows = Vec::new();
        for rec in rdr.records() {
            let rec = rec.map_err(|e| SeedError::csv(path, e))?;
            rows.push((
                cols.get(&rec, "iso").to_owned(),
                cols.get(&rec, "iso3").to_owned(),
                cols.get(&rec, "name").trim().to_owned(),
                cols.get(&rec, "continentcode").to_owned(),
            ));
        }
        Ok(Countries::from_rows(rows))
    }

    /// Builds the table from `(iso2, iso3, name, continent)` rows; rows whose ISO code is not an
    /// assigned alpha-2 code (`AN`, `CS`) are left out.
    pub fn from_rows(
        rows: impl IntoIterator<Item = (String, String, String, String)>,
    ) -> Countries {
        let mut c = Countries::default();
        for (iso, iso3, name, continent) in rows {
            let Ok(code) = CountryCode::new(&iso) else {
                continue;
            };
            c.by_iso3.insert(iso3.clone(), code);
            c.by_key.entry(name_key(&name)).or_insert(code);
            c.by_code.insert(
                code,
                CountryInfo {
                    code,
                    iso3,
                    name,
                    continent,
                },
            );
        }
        for (alias, iso) in LABEL_ALIASES {
            let code = CountryCode::new(iso).expect("alias table holds assigned codes");
            c.by_key.insert(name_key(alias), code);
        }
        c
    }

    /// Number of countries in the table.
    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }

    pub fn get(&self, cc: CountryCode) -> Option<&CountryInfo> {
        self.by_code.get(&cc)
    }

    /// The alpha-2 code of an ISO 3166-1 alpha-3 code (`CZE` -> `CZ`).
    pub fn by_iso3(&self, iso3: &str) -> Option<CountryCode> {
        self.by_iso3.get(iso3.trim()).copied()
    }

    /// The survey region of a country (see the module docs).
    pub fn region(&self, cc: CountryCode) -> Option<Region> {
        self.by_code
            .get(&cc)
            .and_then(|i| region_of(cc, &i.continent))
    }

    /// Whether a name is the name of a country or territory (`Falkland Islands`, `Guam`).
    pub fn is_country_name(&self, name: &str) -> bool {
        self.by_key.contains_key(&name_key(name))
    }

    /// The country or territory a name is the name of, if any.
    pub fn named(&self, name: &str) -> Option<CountryCode> {
        self.by_key.get(&name_key(name)).copied()
    }

    /// The country a source label names: a name (`Czech Republic`, `Czechia`), a qualified name
    /// (`Georgia (country)`), a `Region, Country` label (`England, United Kingdom`,
    /// `Réunion, France`: the most specific part that is a country wins), an `in Italy` phrase, or
    /// an ISO code.
    pub fn parse_label(&self, label: &str) -> Option<CountryCode> {
        let label = label.trim();
        let label = label.strip_prefix("in ").unwrap_or(label).trim();
        if label.is_empty() {
            return None;
        }
        if let Some(cc) = self.by_key.get(&name_key(label)) {
            return Some(*cc);
        }
        let bare = parse_place_label(label).name;
        if let Some(cc) = self.by_key.get(&name_key(&bare)) {
            return Some(*cc);
        }
        for part in label.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if let Some(cc) = self.by_key.get(&name_key(part)) {
                return Some(*cc);
            }
        }
        if label.len() == 2 {
            if let Ok(cc) = CountryCode::new(&label.to_ascii_uppercase()) {
                return Some(cc);
            }
        }
        if label.len() == 3 {
            return self.by_iso3(&label.to_ascii_uppercase());
        }
        None
    }
}
