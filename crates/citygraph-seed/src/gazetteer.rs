//! The GeoNames gazetteer (cities of 15,000 people or more): lookups by country and name key, and
//! by distance.

use std::collections::BTreeMap;
use std::path::Path;

use citygraph_core::CountryCode;

use crate::error::SeedError;
use crate::normalize::{name_key, parse_place_label, tokens};
use crate::read::{csv_reader, Columns};

/// Great-circle distance in kilometres between two points given in degrees.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// One gazetteer city.
#[derive(Clone, Debug)]
pub struct GazCity {
    pub geonameid: u64,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub country: CountryCode,
    pub admin1: String,
    pub population: u64,
}

impl GazCity {
    pub fn point(&self) -> (f64, f64) {
        (self.lat, self.lon)
    }
}

/// Cities indexed by `(country, name key)` and by one-degree grid cell.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub cities: Vec<GazCity>,
    by_key: BTreeMap<(CountryCode, String), Vec<usize>>,
    by_country: BTreeMap<CountryCode, Vec<usize>>,
    grid: BTreeMap<(i32, i32), Vec<usize>>,
    by_id: BTreeMap<u64, usize>,
    /// Rows left out because their country code is not an assigned ISO code.
    pub skipped: usize,
}

/// Countries whose GeoNames names may end in a separate unit word.
const EAST_ASIA: &[&str] = &["CN", "JP", "KP", "KR", "TW"];
/// Unit words (`-si` city, `-gun` county, `-gu`/`-ku` ward, `-shi` city, `zhen` town).
const UNIT_SUFFIXES: &[&str] = &["si", "gun", "gu", "shi", "ku", "zhen"];

fn cell(p: (f64, f64)) -> (i32, i32) {
    (p.0.floor() as i32, p.1.floor() as i32)
}

impl Gazetteer {
    /// Reads `cities15000_slim.csv` (`geonameid,name,latitude,longitude,countrycode,admin1code,population`).
    pub fn load(path: &Path) -> Result<Gazetteer, SeedError> {
        let mut rdr = csv_reader(path)?;
        let cols = Columns::new(
            path,
            &mut rdr,
            &[
                "geonameid",
                "name",
                "latitude",
                "longitude",
                "countrycode",
                "admin1code",
                "population",
            ],
        )?;
        let mut g = Gazetteer::default();
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| SeedError::csv(path, e))?;
            let line = i as u64 + 2;
            let num = |col: &str| -> Result<f64, SeedError> {
                cols.get(&rec, col)
                    .parse::<f64>()
                    .map_err(|_| SeedError::bad(path, line, format!("bad {col}")))
            };
            let Ok(country) = CountryCode::new(cols.get(&rec, "countrycode")) else {
                g.skipped += 1;
                continue;
            };
            let city = GazCity {
                geonameid: cols
                    .get(&rec, "geonameid")
                    .parse()
                    .map_err(|_| SeedError::bad(path, line, "bad geonameid"))?,
                name: cols.get(&rec, "name").to_owned(),
                lat: num("latitude")?,
                lon: num("longitude")?,
                country,
                admin1: cols.get(&rec, "admin1code").to_owned(),
                population: cols.get(&rec, "population").parse().unwrap_or(0),
            };
            g.push(city);
        }
        Ok(g)
    }

    /// A gazetteer of the given cities (for tests and small fixtures).
    pub fn from_cities(cities: impl IntoIterator<Item = GazCity>) -> Gazetteer {
        let mut g = Gazetteer::default();
        for c in cities {
            g.push(c);
        }
        g
    }

    fn push(&mut self, city: GazCity) {
        let i = self.cities.len();
        let label = parse_place_label(&city.name);
        let mut keys = vec![name_key(&city.name)];
        keys.extend(label.keys());
        // `Gasteiz / Vitoria`: each side of a slash is a name of the city.
        keys.extend(city.name.split('/').map(name_key));
        // `Goyang-si`, `Tottori-shi`: East Asian names with the unit word as a separate word are
        // also known without it.
        if EAST_ASIA.contains(&city.country.as_str()) {
            let words = tokens(&city.name);
            if words.len() >= 2 && UNIT_SUFFIXES.contains(&words[words.len() - 1].as_str()) {
                keys.push(words[..words.len() - 1].concat());
            }
        }
        keys.sort();
        keys.dedup();
        for k in keys.into_iter().filter(|k| !k.is_empty()) {
            self.by_key.entry((city.country, k)).or_default().push(i);
        }
        self.by_country.entry(city.country).or_default().push(i);
        self.grid.entry(cell(city.point())).or_default().push(i);
        self.by_id.insert(city.geonameid, i);
        self.cities.push(city);
    }

    /// Cities of `country` whose name has `key`.
    pub fn by_key(&self, country: CountryCode, key: &str) -> &[usize] {
        self.by_key
            .get(&(country, key.to_owned()))
            .map_or(&[], Vec::as_slice)
    }

    /// The city with a GeoNames id.
    pub fn by_geonameid(&self, id: u64) -> Option<usize> {
        self.by_id.get(&id).copied()
    }

    /// Cities of `country`.
    pub fn in_country(&self, country: CountryCode) -> &[usize] {
        self.by_country.get(&country).map_or(&[], Vec::as_slice)
    }

    /// Whether the gazetteer has any city in `country`.
    pub fn has_country(&self, country: CountryCode) -> bool {
        self.by_country.contains_key(&country)
    }

    /// Cities within `radius_km` of `p`, nearest first (ties by index).
    pub fn within(&self, p: (f64, f64), radius_km: f64) -> Vec<(f64, usize)> {
        let dlat = (radius_km / 111.0).ceil() as i32;
        let coslat = p.0.to_radians().cos().abs().max(0.05);
        let dlon = ((radius_km / (111.0 * coslat)).ceil() as i32).min(180);
        let (cy, cx) = cell(p);
        let mut out = Vec::new();
        for y in cy - dlat..=cy + dlat {
            for x in cx - dlon..=cx + dlon {
                let wx = (x + 180).rem_euclid(360) - 180;
                if let Some(ids) = self.grid.get(&(y, wx)) {
                    for &i in ids {
                        let d = distance_km(p, self.cities[i].point());
                        if d <= radius_km {
                            out.push((d, i));
                        }
                    }
                }
            }
        }
        out.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        out
    }

    /// Distance from `p` to the nearest city in any of `countries` (infinite when none has cities).
    pub fn nearest_in(&self, p: (f64, f64), countries: &[CountryCode]) -> f64 {
        let mut best = f64::INFINITY;
        for cc in countries {
            for &i in self.by_country.get(cc).map_or(&[][..], Vec::as_slice) {
                let c = &self.cities[i];
                // Cheap bound first: one degree of latitude is at least 111 km apart.
                if (c.lat - p.0).abs() * 111.0 >= best {
                    continue;
                }
                best = best.min(distance_km(p, c.point()));
            }
        }
        best
    }

    /// Distance from `p` to the nearest city outside `countries`, searched up to `limit_km`.
    pub fn nearest_outside(&self, p: (f64, f64), countries: &[CountryCode], limit_km: f64) -> f64 {
        let mut radius = 100.0_f64;
        loop {
            let r = radius.min(limit_km);
            if let Some((d, _)) = self
                .within(p, r)
                .into_iter()
                .find(|(_, i)| !countries.contains(&self.cities[*i].country))
            {
                return d;
            }
            if r >= limit_km {
                return f64::INFINITY;
            }
            radius *= 2.0;
        }
    }
}
