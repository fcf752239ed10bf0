//! Calendar days and partial dates, and the one rule that compares them.
//!
//! # The partial-date rule
//!
//! A [`PartialDate`] (`1957`, `1957-06` or `1957-06-14`) stands for the **first day of the period it
//! names**: `1957` is 1957-01-01, `1957-06` is 1957-06-01. This holds everywhere: for event dates, for
//! membership dates and for `as_of` itself. An event is in force on day `d` when its first day is on or
//! before `d`.
//!
//! Why the first day: "signed in 1957" is how most real records state a date, and a reader who asks
//! about 1957 (`as_of=1957`, i.e. 1957-01-01) expects a link signed in 1957 to be counted in 1957. Taking
//! the last day instead would hide every year-only event for a whole year, and taking the first day for
//! events but the last day for `as_of` would make the rule depend on which side of the comparison a date
//! sits. The price is explicit: an event dated `1957` counts as in force on 1957-01-01 even if it was
//! really signed in December; the `precision` of each date is kept and shown so readers can judge.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::CoreError;

/// A calendar day of the proleptic Gregorian calendar (years 1..=9999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        _ => 28,
    }
}

impl Day {
    /// Builds a day, checking the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Day, CoreError> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return Err(CoreError::InvalidDate(format!(
                "{year:04}-{month:02}-{day:02}"
            )));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(CoreError::InvalidDate(format!(
                "{year:04}-{month:02}-{day:02}"
            )));
        }
        Ok(Day { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_epoch_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01.
    pub fn from_epoch_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (if m <= 2 { y + 1 } else { y }) as i32;
        Day {
            year: y,
            month: m,
            day: d,
        }
    }

    /// Today in UTC, from the system clock.
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Day::from_epoch_days(secs.div_euclid(86_400))
    }

    /// Years (365.2425 days) from `self` to `later`; negative when `later` is earlier.
    pub fn years_until(self, later: Day) -> f64 {
        (later.to_epoch_days() - self.to_epoch_days()) as f64 / 365.2425
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How exact a [`PartialDate`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to the year, the month or the day: `1957`, `1957-06` or `1957-06-14`.
///
/// Ordering (`Ord`) is by [`PartialDate::first_day`], then by precision (coarser first), so that a
/// sorted list of partial dates is also sorted by the day each one takes effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: i32) -> Result<PartialDate, CoreError> {
        Day::new(year, 1, 1)?;
        Ok(PartialDate {
            year,
            month: None,
            day: None,
        })
    }
    pub fn month(year: i32, month: u8) -> Result<PartialDate, CoreError> {
        Day::new(year, month, 1)?;
        Ok(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }
    pub fn day(year: i32, month: u8, day: u8) -> Result<PartialDate, CoreError> {
        Day::new(year, month, day)?;
        Ok(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn year_part(self) -> i32 {
        self.year
    }

    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// The day this date stands for: the first day of its period (see the module docs).
    pub fn first_day(self) -> Day {
        Day {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The last day of the period this date names (`1957` -> 1957-12-31).
    pub fn last_day(self) -> Day {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        Day {
            year: self.year,
            month,
            day,
        }
    }

    /// Whether an event with this date is in force on `day` (the partial-date rule).
    pub fn in_force_on(self, day: Day) -> bool {
        self.first_day() <= day
    }
}

impl From<Day> for PartialDate {
    fn from(d: Day) -> PartialDate {
        PartialDate {
            year: d.year,
            month: Some(d.month),
            day: Some(d.day),
        }
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (None, _) => write!(f, "{:04}", self.year),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
        }
    }
}

fn parse_num(s: &str, len: usize, whole: &str) -> Result<u32, CoreError> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CoreError::InvalidDate(whole.to_owned()));
    }
    s.parse()
        .map_err(|_| CoreError::InvalidDate(whole.to_owned()))
}

impl FromStr for PartialDate {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<PartialDate, CoreError> {
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y] => PartialDate::year(parse_num(y, 4, s)? as i32),
            [y, m] => PartialDate::month(parse_num(y, 4, s)? as i32, parse_num(m, 2, s)? as u8),
            [y, m, d] => PartialDate::day(
                parse_num(y, 4, s)? as i32,
                parse_num(m, 2, s)? as u8,
                parse_num(d, 2, s)? as u8,
            ),
            _ => Err(CoreError::InvalidDate(s.to_owned())),
        }
        .map_err(|_| CoreError::InvalidDate(s.to_owned()))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for PartialDate {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::openapi::string_schema(
            "A date known to the year, the month or the day (YYYY, YYYY-MM or YYYY-MM-DD). It stands for the first day of the period it names.",
            "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
        )
    }
}
#[cfg(feature = "openapi")]
impl utoipa::ToSchema for PartialDate {}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PartialDate, D::Error> {
        // A date is a JSON string: a bare number (`"date": 2001`) is refused with the rule's own
        // message, so that it is answered as `invalid_date` like any other malformed date.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            S(String),
            N(f64),
        }
        match Raw::deserialize(d)? {
            Raw::S(s) => s.parse().map_err(serde::de::Error::custom),
            Raw::N(n) => Err(serde::de::Error::custom(format!(
                "invalid date {n}: a date is a string (\"{n}\"), YYYY, YYYY-MM or YYYY-MM-DD"
            ))),
        }
    }
}

/// Deserializes an optional year field (a network's `founded`): a date string as [`PartialDate`]
/// reads it, or a bare integer year (`"founded": 2005`), which is unambiguous for a year field.
/// Every other date is a string only.
pub fn year_or_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PartialDate>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        S(String),
        N(i64),
    }
    let text = match Option::<Raw>::deserialize(d)? {
        None => return Ok(None),
        Some(Raw::S(s)) => s,
        Some(Raw::N(n)) => format!("{n:04}"),
    };
    text.parse().map(Some).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn pd(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_the_three_precisions() {
        for s in ["1957", "1957-06", "1957-06-14", "2000-02-29"] {
            assert_eq!(pd(s).to_string(), s);
        }
        assert_eq!(pd("1957").precision(), Precision::Year);
        assert_eq!(pd("1957-06").precision(), Precision::Month);
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for s in [
            "",
            "57",
            "1957-6",
            "1957-13",
            "1957-02-29",
            "1900-02-29",
            "1957-06-31",
            "0000",
            "1957-06-14-01",
            "abcd",
            "1957/06",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s} should be rejected");
        }
    }

    #[test]
    fn a_year_is_in_force_from_its_first_day() {
        let d = pd("1957");
        assert!(!d.in_force_on(Day::new(1956, 12, 31).unwrap()));
        assert!(d.in_force_on(Day::new(1957, 1, 1).unwrap()));
        let m = pd("2019-10");
        assert!(!m.in_force_on(Day::new(2019, 9, 30).unwrap()));
        assert!(m.in_force_on(Day::new(2019, 10, 1).unwrap()));
        assert_eq!(pd("1957").last_day(), Day::new(1957, 12, 31).unwrap());
        assert_eq!(pd("2000-02").last_day(), Day::new(2000, 2, 29).unwrap());
    }

    #[test]
    fn deserializes_strings_and_refuses_numbers() {
        let a: PartialDate = serde_json::from_str("\"2005\"").unwrap();
        assert_eq!(a, PartialDate::year(2005).unwrap());
        let e = serde_json::from_str::<PartialDate>("2005").unwrap_err();
        assert!(e.to_string().contains("invalid date 2005"), "{e}");
        assert!(serde_json::from_str::<PartialDate>("2005.5").is_err());
        assert!(serde_json::from_str::<PartialDate>("\"2005-1\"").is_err());
    }

    #[test]
    fn year_fields_also_take_integer_years() {
        #[derive(Deserialize)]
        struct F {
            #[serde(default, deserialize_with = "year_or_date")]
            founded: Option<PartialDate>,
        }
        let f = |s: &str| serde_json::from_str::<F>(s).map(|f| f.founded);
        assert_eq!(
            f(r#"{"founded": 2005}"#).unwrap(),
            Some(PartialDate::year(2005).unwrap())
        );
        assert_eq!(
            f(r#"{"founded": "2005-03"}"#).unwrap(),
            Some(PartialDate::month(2005, 3).unwrap())
        );
        assert_eq!(f(r#"{"founded": null}"#).unwrap(), None);
        assert_eq!(f("{}").unwrap(), None);
        assert!(f(r#"{"founded": 20.5}"#).is_err());
    }

    fn arb_partial() -> impl Strategy<Value = PartialDate> {
        (1800i32..2100, 0u8..=12, 0u8..=31).prop_map(|(y, m, d)| {
            if m == 0 {
                PartialDate::year(y).unwrap()
            } else if d == 0 || d > days_in_month(y, m) {
                PartialDate::month(y, m).unwrap()
            } else {
                PartialDate::day(y, m, d).unwrap()
            }
        })
    }

    proptest! {
        #[test]
        fn epoch_days_round_trip(days in -700_000i64..2_900_000) {
            let d = Day::from_epoch_days(days);
            prop_assert_eq!(d.to_epoch_days(), days);
        }

        #[test]
        fn ordering_follows_first_day(a in arb_partial(), b in arb_partial()) {
            if a.first_day() < b.first_day() {
                prop_assert!(a < b);
            }
            prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
            prop_assert!(a.first_day() <= a.last_day());
        }

        #[test]
        fn in_force_is_monotone_in_the_day(a in arb_partial(), x in -50_000i64..50_000, y in -50_000i64..50_000) {
            let (lo, hi) = (Day::from_epoch_days(x.min(y)), Day::from_epoch_days(x.max(y)));
            if a.in_force_on(lo) { prop_assert!(a.in_force_on(hi)); }
        }

        #[test]
        fn display_parse_round_trip(a in arb_partial()) {
            prop_assert_eq!(a.to_string().parse::<PartialDate>().unwrap(), a);
        }
    }
}
