//! The world the synthetic cities live in: the 20 UN M49 sub-regions with rough centroids, the
//! share of cities and of countries each holds, the survey region it belongs to, and the real
//! ISO 3166-1 alpha-2 codes of its countries (so that a city's country and region always agree).

use citygraph_core::Region;

/// One UN M49 sub-region.
pub(crate) struct Subregion {
    pub(crate) name: &'static str,
    pub(crate) lat: f64,
    pub(crate) lon: f64,
    /// Relative share of the cities.
    pub(crate) city_weight: f64,
    /// Relative share of the country slots.
    pub(crate) country_share: f64,
    pub(crate) region: Region,
    /// Country codes, in the order slots take them.
    pub(crate) countries: &'static str,
}

const fn sub(
    name: &'static str,
    lat: f64,
    lon: f64,
    city_weight: f64,
    country_share: f64,
    region: Region,
    countries: &'static str,
) -> Subregion {
    Subregion {
        name,
        lat,
        lon,
        city_weight,
        country_share,
        region,
        countries,
    }
}

use Region::{
    AfricaMiddleEast as Ame, AsiaPacific as Ap, Europe as Eu, NorthAmerica as Na,
    SouthAmerica as Sa,
};

// One sub-region a line: name, centroid latitude and longitude, share of cities, share of
// countries, survey region, ISO codes.
#[rustfmt::skip]
pub(crate) const SUBREGIONS: [Subregion; 20] = [
    sub("Northern Europe", 60.0, 15.0, 4.0, 10.0, Eu, "GB IE IS NO SE FI DK EE LV LT"),
    sub("Western Europe", 48.0, 5.0, 8.0, 9.0, Eu, "FR DE NL BE LU CH AT LI MC"),
    sub("Southern Europe", 41.0, 15.0, 6.0, 15.0, Eu, "ES PT IT GR MT SI HR BA RS ME MK AL AD SM VA"),
    sub("Eastern Europe", 52.0, 30.0, 9.0, 10.0, Eu, "PL CZ SK HU RO BG MD UA BY RU"),
    sub("Northern America", 42.0, -95.0, 8.0, 3.0, Na, "US CA BM"),
    sub("Central America", 18.0, -95.0, 4.0, 8.0, Na, "MX GT BZ SV HN NI CR PA"),
    sub("Caribbean", 18.0, -72.0, 1.5, 13.0, Na, "CU JM HT DO PR TT BS BB LC VC GD AG DM"),
    sub("South America", -15.0, -60.0, 7.0, 12.0, Sa, "BR AR CL PE CO VE EC BO PY UY GY SR"),
    sub("Northern Africa", 28.0, 10.0, 3.0, 6.0, Ame, "EG LY TN DZ MA SD"),
    sub("Western Africa", 10.0, -2.0, 4.0, 16.0, Ame, "NG GH CI SN ML BF NE GN SL LR TG BJ MR GM GW CV"),
    sub("Middle Africa", 0.0, 18.0, 2.0, 9.0, Ame, "CD CG CM CF TD GA GQ AO ST"),
    sub("Eastern Africa", -2.0, 36.0, 3.0, 18.0, Ame, "ET KE TZ UG RW BI SO DJ ER SS MG MW MZ ZM ZW MU SC KM"),
    sub("Southern Africa", -27.0, 25.0, 1.5, 5.0, Ame, "ZA NA BW LS SZ"),
    sub("Western Asia", 35.0, 42.0, 4.0, 18.0, Ame, "TR SY LB IL PS JO IQ SA YE OM AE QA BH KW GE AM AZ CY"),
    sub("Central Asia", 43.0, 65.0, 1.5, 5.0, Ap, "KZ UZ TM KG TJ"),
    sub("Southern Asia", 22.0, 78.0, 10.0, 9.0, Ap, "IN PK BD LK NP BT MV AF IR"),
    sub("Eastern Asia", 35.0, 115.0, 14.0, 6.0, Ap, "CN JP KR KP MN TW"),
    sub("South-eastern Asia", 8.0, 110.0, 6.0, 11.0, Ap, "ID MY SG TH VN PH MM KH LA BN TL"),
    sub("Australia and New Zealand", -30.0, 140.0, 1.5, 2.0, Ap, "AU NZ"),
    sub("Oceania", -10.0, 165.0, 0.5, 10.0, Ap, "PG FJ SB VU WS TO KI FM MH PW"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use citygraph_core::CountryCode;

    #[test]
    fn every_country_code_is_assigned_and_appears_once() {
        let mut all: Vec<&str> = SUBREGIONS
            .iter()
            .flat_map(|s| s.countries.split(' '))
            .collect();
        for c in &all {
            CountryCode::new(c).unwrap_or_else(|e| panic!("{c}: {e}"));
        }
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "a code is listed twice");
        assert_eq!(n, 195);
    }
}
