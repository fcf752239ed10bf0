//! Errors of the domain model: each variant is one precise reason a value or a history is invalid.

use crate::date::PartialDate;
use crate::id::{CityId, PartnershipId};
use crate::model::{EventType, Status};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CoreError {
    #[error("invalid {kind} id {value:?}: ids are lowercase slugs matching [a-z0-9][a-z0-9-]*")]
    InvalidId { kind: &'static str, value: String },
    #[error("invalid date {0:?}: expected YYYY, YYYY-MM or YYYY-MM-DD on the calendar")]
    InvalidDate(String),
    #[error("invalid country {0:?}: expected an ISO 3166-1 alpha-2 code such as FR")]
    InvalidCountry(String),
    #[error("invalid region {0:?}: expected one of africa-middle-east, asia-pacific, europe, north-america, south-america")]
    InvalidRegion(String),
    #[error("{field} must not be empty")]
    EmptyField { field: &'static str },
    #[error("{field} is out of range: {detail}")]
    OutOfRange { field: &'static str, detail: String },
    #[error("city {0} cannot partner with itself")]
    SelfPartnership(CityId),
    #[error("event {index} ({event} on {date}) is dated before the event before it ({previous})")]
    EventsOutOfOrder {
        index: usize,
        event: EventType,
        date: PartialDate,
        previous: PartialDate,
    },
    #[error("event {index} ({event}) cannot follow status {status}: {why}")]
    InvalidTransition {
        index: usize,
        event: EventType,
        status: Status,
        why: &'static str,
    },
    #[error("membership left on {left}, before it joined on {joined}")]
    LeftBeforeJoined {
        joined: PartialDate,
        left: PartialDate,
    },
    #[error(
        "event id {0:?} is used twice in one history; every event of a partnership has its own id"
    )]
    DuplicateEventId(String),
    #[error("invalid event id {0:?}: 1 to 64 characters of a-z, 0-9, '-' and '_', starting with a letter or digit")]
    InvalidEventId(String),
    #[error("partnership {existing} already links these cities with the same kind and is still in force")]
    DuplicatePartnership { existing: PartnershipId },
}

impl CoreError {
    /// The stable snake_case code of this error, used in API error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::InvalidId { .. } => "invalid_id",
            CoreError::InvalidDate(_) => "invalid_date",
            CoreError::InvalidCountry(_) => "invalid_country",
            CoreError::InvalidRegion(_) => "invalid_region",
            CoreError::EmptyField { .. } => "empty_field",
            CoreError::OutOfRange { .. } => "out_of_range",
            CoreError::SelfPartnership(_) => "self_partnership",
            CoreError::EventsOutOfOrder { .. } => "invalid_history",
            CoreError::InvalidTransition { .. } => "invalid_history",
            CoreError::LeftBeforeJoined { .. } => "invalid_membership_dates",
            CoreError::DuplicatePartnership { .. } => "duplicate_partnership",
            CoreError::DuplicateEventId(_) => "duplicate_event_id",
            CoreError::InvalidEventId(_) => "invalid_event_id",
        }
    }
}

/// Errors of applying a change to a [`crate::snapshot::Snapshot`]: references and uniqueness.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ApplyError {
    #[error(transparent)]
    Invalid(#[from] CoreError),
    #[error("city {0} does not exist")]
    CityNotFound(String),
    #[error("network {0} does not exist")]
    NetworkNotFound(String),
    #[error("membership {0} does not exist")]
    MembershipNotFound(String),
    #[error("partnership {0} does not exist")]
    PartnershipNotFound(String),
    #[error("{what} {id} still has {count} {dependants}: delete them first or ask for a cascading delete")]
    InUse {
        what: &'static str,
        id: String,
        count: usize,
        dependants: &'static str,
    },
    #[error("membership {existing} already places city {city} in network {network}")]
    DuplicateMembership {
        existing: String,
        city: String,
        network: String,
    },
    #[error("id {alias} is taken: it names city {city}")]
    AliasTaken { alias: String, city: String },
    #[error("partnership {id} links {old_a} and {old_b}; an update cannot move it to {new_a} and {new_b}")]
    PartnershipCitiesChanged {
        id: String,
        old_a: String,
        old_b: String,
        new_a: String,
        new_b: String,
    },
}

impl ApplyError {
    pub fn code(&self) -> &'static str {
        match self {
            ApplyError::Invalid(e) => e.code(),
            ApplyError::CityNotFound(_) => "city_not_found",
            ApplyError::NetworkNotFound(_) => "network_not_found",
            ApplyError::MembershipNotFound(_) => "membership_not_found",
            ApplyError::PartnershipNotFound(_) => "partnership_not_found",
            ApplyError::InUse { .. } => "still_referenced",
            ApplyError::DuplicateMembership { .. } => "duplicate_membership",
            ApplyError::PartnershipCitiesChanged { .. } => "partnership_cities_changed",
            ApplyError::AliasTaken { .. } => "alias_taken",
        }
    }
}
