//! Identifiers and closed vocabularies: slugs, ISO 3166-1 alpha-2 countries, survey regions.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::CoreError;

/// Checks the slug rule `[a-z0-9][a-z0-9-]*` (at most 128 bytes).
pub fn is_slug(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 128
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Arc<str>);

        impl $name {
            /// Validates and wraps a slug.
            pub fn new(s: &str) -> Result<Self, CoreError> {
                if is_slug(s) {
                    Ok($name(Arc::from(s)))
                } else {
                    Err(CoreError::InvalidId { kind: $what, value: s.to_owned() })
                }
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), &*self.0)
            }
        }

        impl FromStr for $name {
            type Err = CoreError;
            fn from_str(s: &str) -> Result<Self, CoreError> {
                $name::new(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                crate::openapi::slug_schema(concat!("A ", $what, " id: a lowercase slug"))
            }
        }
        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::new(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

slug_id!(
    /// A city id, such as `fr-paris`.
    CityId,
    "city"
);
slug_id!(
    /// A network id, such as `c40`.
    NetworkId,
    "network"
);
slug_id!(
    /// A membership id, by convention `{network}--{city}`.
    MembershipId,
    "membership"
);
slug_id!(
    /// A partnership id, by convention `{city}--{city}` (the two ids in byte order).
    PartnershipId,
    "partnership"
);

impl MembershipId {
    /// The conventional id of a membership of `city` in `network`.
    pub fn conventional(network: &NetworkId, city: &CityId) -> MembershipId {
        MembershipId(Arc::from(format!("{network}--{city}")))
    }
}

impl PartnershipId {
    /// The conventional id of a link between two cities: both ids in byte order, joined by `--`.
    pub fn conventional(a: &CityId, b: &CityId) -> PartnershipId {
        let (x, y) = if a <= b { (a, b) } else { (b, a) };
        PartnershipId(Arc::from(format!("{x}--{y}")))
    }
}

/// All ISO 3166-1 alpha-2 codes that are officially assigned, plus `XK` (Kosovo, user-assigned but
/// universally used by data publishers, GeoNames among them).
const ISO_3166_1_ALPHA2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK";

/// An ISO 3166-1 alpha-2 country code, upper case (`FR`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    pub fn new(s: &str) -> Result<CountryCode, CoreError> {
        let b = s.as_bytes();
        if b.len() == 2
            && b.iter().all(u8::is_ascii_uppercase)
            && ISO_3166_1_ALPHA2.split(' ').any(|c| c == s)
        {
            Ok(CountryCode([b[0], b[1]]))
        } else {
            Err(CoreError::InvalidCountry(s.to_owned()))
        }
    }
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("country codes are ASCII")
    }
    /// Every code accepted by [`CountryCode::new`].
    pub fn all() -> impl Iterator<Item = CountryCode> {
        ISO_3166_1_ALPHA2
            .split(' ')
            .map(|c| CountryCode::new(c).expect("table is valid"))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for CountryCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::openapi::enum_schema(
            "An ISO 3166-1 alpha-2 country code, upper case",
            "^[A-Z]{2}$",
            ISO_3166_1_ALPHA2.split(' '),
        )
    }
}
#[cfg(feature = "openapi")]
impl utoipa::ToSchema for CountryCode {}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryCode({})", self.as_str())
    }
}
impl FromStr for CountryCode {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Self, CoreError> {
        CountryCode::new(s)
    }
}
impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        CountryCode::new(&s).map_err(serde::de::Error::custom)
    }
}

/// The five regions of the survey behind citygraph.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    AfricaMiddleEast,
    AsiaPacific,
    Europe,
    NorthAmerica,
    SouthAmerica,
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::AfricaMiddleEast,
        Region::AsiaPacific,
        Region::Europe,
        Region::NorthAmerica,
        Region::SouthAmerica,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Region::AfricaMiddleEast => "africa-middle-east",
            Region::AsiaPacific => "asia-pacific",
            Region::Europe => "europe",
            Region::NorthAmerica => "north-america",
            Region::SouthAmerica => "south-america",
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Region {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Region, CoreError> {
        Region::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| CoreError::InvalidRegion(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn slugs_follow_the_rule() {
        for ok in ["fr-paris", "c40", "0", "a-", "us-new-york--2"] {
            assert!(CityId::new(ok).is_ok(), "{ok}");
        }
        for bad in ["", "-a", "Fr-paris", "fr_paris", "fr paris", "é", "a/b"] {
            assert!(CityId::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn countries_are_iso_alpha2() {
        assert!(CountryCode::new("FR").is_ok());
        assert!(CountryCode::new("XK").is_ok());
        for bad in ["fr", "FRA", "ZZ", "", "UK"] {
            assert!(CountryCode::new(bad).is_err(), "{bad}");
        }
        assert_eq!(CountryCode::all().count(), 250);
    }

    #[test]
    fn regions_round_trip_as_slugs() {
        for r in Region::ALL {
            assert_eq!(r.as_str().parse::<Region>().unwrap(), r);
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.as_str())
            );
        }
        assert!("Europe".parse::<Region>().is_err());
    }

    #[test]
    fn conventional_partnership_ids_ignore_order() {
        let a = CityId::new("fr-paris").unwrap();
        let b = CityId::new("it-rome").unwrap();
        assert_eq!(
            PartnershipId::conventional(&a, &b),
            PartnershipId::conventional(&b, &a)
        );
        assert_eq!(
            PartnershipId::conventional(&a, &b).as_str(),
            "fr-paris--it-rome"
        );
    }

    proptest! {
        #[test]
        fn slug_check_agrees_with_the_pattern(s in "[a-z0-9-]{0,12}") {
            let expect = !s.is_empty() && !s.starts_with('-');
            prop_assert_eq!(is_slug(&s), expect);
        }
    }
}
