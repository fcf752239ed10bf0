//! The service's error: one kind per HTTP-independent category, one stable code per variant.

use citygraph_core::{ApplyError, CoreError};
use citygraph_store::StoreError;

/// What kind of failure an error is; transports map kinds to their own status codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request itself is malformed (a bad parameter).
    BadRequest,
    /// Well-formed but semantically invalid (a bad date, an invalid history, a dangling reference).
    Invalid,
    NotFound,
    Conflict,
    /// Too much work in flight: try again later.
    Busy,
    Internal,
}

/// A problem with one line of an import.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LineProblem {
    pub file: String,
    pub line: usize,
    pub code: String,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error(transparent)]
    Apply(ApplyError),
    #[error("{entity} {id} does not exist")]
    NotFound { entity: &'static str, id: String },
    #[error("{entity} {id} already exists")]
    AlreadyExists { entity: &'static str, id: String },
    #[error("{field} cannot be changed: {detail}")]
    Immutable { field: &'static str, detail: String },
    #[error("invalid parameter {name}: {message}")]
    BadParameter { name: &'static str, message: String },
    #[error("invalid body: {0}")]
    BadBody(String),
    #[error("the import was rejected: {} problem(s), nothing was changed; first: {}", .0.len(), .0.first().map(|p| format!("{}:{}: {}", p.file, p.line, p.message)).unwrap_or_default())]
    ImportRejected(Vec<LineProblem>),
    #[error("{code}: {message}")]
    Analytics {
        code: &'static str,
        message: String,
        not_found: bool,
    },
    #[error("no path between {from} and {to} on {as_of}")]
    NoPath {
        from: String,
        to: String,
        as_of: String,
    },
    #[error("too many computations in flight ({limit}); retry later")]
    Busy { limit: usize, retry_after_secs: u64 },
    #[error("storage failure: {0}")]
    Store(#[from] StoreError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<ApplyError> for Error {
    fn from(e: ApplyError) -> Error {
        match e {
            ApplyError::Invalid(c) => Error::Core(c),
            other => Error::Apply(other),
        }
    }
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            // A second link of a kind already in force conflicts with the stored graph.
            Error::Core(CoreError::DuplicatePartnership { .. }) => ErrorKind::Conflict,
            Error::Core(_) => ErrorKind::Invalid,
            Error::Apply(a) => match a {
                ApplyError::Invalid(CoreError::DuplicatePartnership { .. }) => ErrorKind::Conflict,
                ApplyError::Invalid(_) => ErrorKind::Invalid,
                ApplyError::CityNotFound(_)
                | ApplyError::NetworkNotFound(_)
                | ApplyError::MembershipNotFound(_)
                | ApplyError::PartnershipNotFound(_) => ErrorKind::Invalid,
                ApplyError::InUse { .. } => ErrorKind::Conflict,
                ApplyError::DuplicateMembership { .. } => ErrorKind::Conflict,
                ApplyError::PartnershipCitiesChanged { .. } => ErrorKind::Invalid,
                _ => ErrorKind::Invalid,
            },
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::AlreadyExists { .. } => ErrorKind::Conflict,
            Error::Immutable { .. } => ErrorKind::Invalid,
            Error::BadParameter { .. } => ErrorKind::BadRequest,
            Error::BadBody(_) => ErrorKind::BadRequest,
            Error::ImportRejected(_) => ErrorKind::Invalid,
            Error::Analytics {
                not_found: true, ..
            } => ErrorKind::NotFound,
            Error::Analytics { .. } => ErrorKind::BadRequest,
            Error::NoPath { .. } => ErrorKind::NotFound,
            Error::Busy { .. } => ErrorKind::Busy,
            // The database is down or unreachable: nothing was written, try again later.
            Error::Store(StoreError::Unavailable(_)) => ErrorKind::Busy,
            Error::Store(_) => ErrorKind::Internal,
            Error::Internal(_) => ErrorKind::Internal,
        }
    }

    /// The stable snake_case code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Core(c) => c.code(),
            Error::Apply(a) => a.code(),
            Error::NotFound { entity, .. } => match *entity {
                "city" => "city_not_found",
                "network" => "network_not_found",
                "membership" => "membership_not_found",
                "partnership" => "partnership_not_found",
                _ => "not_found",
            },
            Error::AlreadyExists { entity, .. } => match *entity {
                "city" => "city_exists",
                "network" => "network_exists",
                "membership" => "membership_exists",
                "partnership" => "partnership_exists",
                _ => "already_exists",
            },
            Error::Immutable { .. } => "immutable_field",
            Error::BadParameter { .. } => "invalid_parameter",
            Error::BadBody(_) => "invalid_body",
            Error::ImportRejected(_) => "import_rejected",
            Error::Analytics { code, .. } => code,
            Error::NoPath { .. } => "no_path",
            Error::Busy { .. } => "busy",
            Error::Store(StoreError::Unavailable(_)) => "store_unavailable",
            Error::Store(_) => "storage_error",
            Error::Internal(_) => "internal_error",
        }
    }

    pub fn bad_param(name: &'static str, message: impl Into<String>) -> Error {
        Error::BadParameter {
            name,
            message: message.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
