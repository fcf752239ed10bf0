//! What to generate: a named scale, optionally with custom sizes, and a seed.

use std::fmt;
use std::str::FromStr;

use crate::GenerateError;

/// The seed used when none is given (the same default as the benchmark data has always had).
pub const DEFAULT_SEED: u64 = 20240601;

/// Largest sizes accepted, so that a typo cannot ask for more memory than a machine has.
pub const MAX_CITIES: u32 = 20_000_000;
pub const MAX_LINKS: u64 = 100_000_000;
pub const MAX_NETWORKS: u32 = 1_000_000;

/// The three planned scales.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// 3,000 cities, 8,000 links, 200 networks.
    Small,
    /// 50,000 cities, 150,000 links, 1,000 networks.
    Medium,
    /// 1,000,000 cities, 5,000,000 links, 5,000 networks.
    Large,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::Small, Scale::Medium, Scale::Large];

    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Small => "small",
            Scale::Medium => "medium",
            Scale::Large => "large",
        }
    }

    /// `(cities, links, networks)`.
    pub fn sizes(self) -> (u32, u64, u32) {
        match self {
            Scale::Small => (3_000, 8_000, 200),
            Scale::Medium => (50_000, 150_000, 1_000),
            Scale::Large => (1_000_000, 5_000_000, 5_000),
        }
    }
}

impl fmt::Display for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Scale {
    type Err = GenerateError;
    fn from_str(s: &str) -> Result<Scale, GenerateError> {
        Scale::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| GenerateError::UnknownScale(s.to_owned()))
    }
}

/// Sizes and seed of one dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    pub cities: u32,
    /// Sister-city links asked for. The result has exactly this many unless the degree model
    /// cannot place them (see [`crate::Summary::links`]).
    pub links: u64,
    pub networks: u32,
    pub seed: u64,
}

impl Params {
    /// The sizes of `scale` with the default seed.
    pub fn scale(scale: Scale) -> Params {
        let (cities, links, networks) = scale.sizes();
        Params {
            cities,
            links,
            networks,
            seed: DEFAULT_SEED,
        }
    }

    pub fn with_seed(mut self, seed: u64) -> Params {
        self.seed = seed;
        self
    }

    /// The scale whose sizes these are, if any.
    pub fn named_scale(&self) -> Option<Scale> {
        Scale::ALL
            .into_iter()
            .find(|s| s.sizes() == (self.cities, self.links, self.networks))
    }

    /// The most links `cities` cities may have: a quarter of all pairs, beyond which the graph is
    /// no longer sparse and the degree model cannot place them.
    pub fn max_links(cities: u32) -> u64 {
        let n = u64::from(cities);
        n * n.saturating_sub(1) / 4
    }

    /// Checks the sizes.
    pub fn validate(&self) -> Result<(), GenerateError> {
        if self.cities == 0 {
            return Err(GenerateError::NoCities);
        }
        if self.cities > MAX_CITIES {
            return Err(GenerateError::TooLarge {
                what: "cities",
                value: u64::from(self.cities),
                max: u64::from(MAX_CITIES),
            });
        }
        if self.links > MAX_LINKS {
            return Err(GenerateError::TooLarge {
                what: "links",
                value: self.links,
                max: MAX_LINKS,
            });
        }
        if self.networks > MAX_NETWORKS {
            return Err(GenerateError::TooLarge {
                what: "networks",
                value: u64::from(self.networks),
                max: u64::from(MAX_NETWORKS),
            });
        }
        let max = Params::max_links(self.cities);
        if self.links > max {
            return Err(GenerateError::TooDense {
                links: self.links,
                cities: self.cities,
                max,
            });
        }
        Ok(())
    }

    /// Country slots: one per 25 cities, at least 20 (one per sub-region) and at most 200 (every
    /// listed country). Gives 120 at the small scale and every country from the medium one.
    pub(crate) fn country_slots(&self) -> u32 {
        (self.cities / 25).clamp(20, 200)
    }

    /// Networks with thousands of members (ICLEI, UCLG or Covenant-like).
    pub(crate) fn global_networks(&self) -> u32 {
        let k = match self.networks {
            0..=999 => 4,
            1000..=4999 => 6,
            _ => 10,
        };
        k.min(self.networks)
    }

    /// Networks of about a hundred of the biggest cities (C40-like).
    pub(crate) fn elite_networks(&self) -> u32 {
        (self.networks / 20)
            .max(5)
            .min(self.networks - self.global_networks())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_parse_and_name_themselves() {
        for s in Scale::ALL {
            assert_eq!(s.as_str().parse::<Scale>().unwrap(), s);
            assert_eq!(Params::scale(s).named_scale(), Some(s));
            Params::scale(s).validate().unwrap();
        }
        assert!(matches!(
            "huge".parse::<Scale>(),
            Err(GenerateError::UnknownScale(_))
        ));
        let mut p = Params::scale(Scale::Small);
        p.links += 1;
        assert_eq!(p.named_scale(), None);
    }

    #[test]
    fn sizes_are_bounded() {
        let p = |cities, links, networks| Params {
            cities,
            links,
            networks,
            seed: 1,
        };
        assert!(matches!(
            p(0, 0, 0).validate(),
            Err(GenerateError::NoCities)
        ));
        assert!(matches!(
            p(MAX_CITIES + 1, 0, 0).validate(),
            Err(GenerateError::TooLarge { what: "cities", .. })
        ));
        assert!(matches!(
            p(10, MAX_LINKS + 1, 0).validate(),
            Err(GenerateError::TooLarge { what: "links", .. })
        ));
        assert!(matches!(
            p(10, 0, MAX_NETWORKS + 1).validate(),
            Err(GenerateError::TooLarge {
                what: "networks",
                ..
            })
        ));
        assert!(matches!(
            p(10, 23, 0).validate(),
            Err(GenerateError::TooDense { max: 22, .. })
        ));
        p(10, 22, 0).validate().unwrap();
        p(1, 0, 0).validate().unwrap();
    }

    #[test]
    fn network_kinds_follow_the_scales() {
        let kinds = |s| {
            let p = Params::scale(s);
            (p.global_networks(), p.elite_networks())
        };
        assert_eq!(kinds(Scale::Small), (4, 10));
        assert_eq!(kinds(Scale::Medium), (6, 50));
        assert_eq!(kinds(Scale::Large), (10, 250));
        let few = Params {
            cities: 10,
            links: 0,
            networks: 3,
            seed: 1,
        };
        assert_eq!((few.global_networks(), few.elite_networks()), (3, 0));
        assert_eq!(Params::scale(Scale::Small).country_slots(), 120);
        assert_eq!(Params::scale(Scale::Medium).country_slots(), 200);
    }
}
