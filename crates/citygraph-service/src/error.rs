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
    /// Too much work in flight, or a computation past its deadline: try again later.
    Busy,
    /// This client has too much work in flight (too many computations or jobs of its own).
    TooManyRequests,
    /// Authenticated, but not allowed (a wrong job secret).
    Forbidden,
    /// The disk lacks space for a write; nothing was written. Retrying once space is freed works.
    InsufficientStorage,
    /// What was asked for existed once and is no longer kept (a graph version past retention).
    Gone,
    /// A write's precondition (`If-Match`) no longer holds; nothing was written.
    PreconditionFailed,
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
    /// A list's `cursor` that names no item of the list (cursors are the last id of a page).
    #[error("invalid cursor {0:?}: it names no item of this list; start again without a cursor")]
    InvalidCursor(String),
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
    #[error(
        "this client already has {limit} computation(s) in flight; wait for them or retry later"
    )]
    ClientBusy { limit: usize, retry_after_secs: u64 },
    #[error("the computation did not finish within its deadline; narrow the query, or run it as a job (POST /v1/jobs)")]
    DeadlineExceeded,
    #[error("the computation was canceled")]
    Canceled,
    #[error("the query is too expensive: about {} units of work for a budget of {} ({} nodes, {} edges, {} sources, {} iterations); narrow it (as_of, region, country, sample, max_iter) or run it as a job", .0.work, .0.budget, .0.nodes, .0.edges, .0.sources, .0.iterations)]
    TooExpensive(crate::analytics::request::Estimate),
    #[error("unknown query {0:?}: expected one of centrality, components, path, neighbourhood, overlap, top_pairs, saturation, saturation_timeline, similar_cities, network_recommendations, lapses, survival, timeline, city_timeline")]
    UnknownQuery(String),
    #[error("too many jobs: {} at most {}", if *.per_client { "this client may run" } else { "the server runs" }, .limit)]
    TooManyJobs {
        limit: usize,
        per_client: bool,
        retry_after_secs: u64,
    },
    #[error("job {id} has not succeeded (it is {state:?}); poll GET /v1/jobs/{id}")]
    JobNotFinished {
        id: String,
        state: crate::jobs::JobState,
    },
    #[error("{0}")]
    Forbidden(String),
    #[error("graph version {version} is no longer kept: this server keeps versions {oldest} to {head} (CITYGRAPH_VERSION_RETENTION)")]
    VersionNotRetained {
        version: u64,
        oldest: u64,
        head: u64,
    },
    #[error("graph version {wanted} does not exist yet: this server serves version {served}")]
    VersionNotReached { wanted: u64, served: u64 },
    #[error("precondition failed: {0}; nothing was written (read the entity again and retry)")]
    PreconditionFailed(String),
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
                ApplyError::AliasTaken { .. } => ErrorKind::Conflict,
                ApplyError::PartnershipCitiesChanged { .. } => ErrorKind::Invalid,
                _ => ErrorKind::Invalid,
            },
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::AlreadyExists { .. } => ErrorKind::Conflict,
            Error::Immutable { .. } => ErrorKind::Invalid,
            Error::BadParameter { .. } => ErrorKind::BadRequest,
            Error::BadBody(_) => ErrorKind::BadRequest,
            Error::InvalidCursor(_) => ErrorKind::BadRequest,
            Error::ImportRejected(_) => ErrorKind::Invalid,
            Error::Analytics {
                not_found: true, ..
            } => ErrorKind::NotFound,
            Error::Analytics { .. } => ErrorKind::BadRequest,
            Error::NoPath { .. } => ErrorKind::NotFound,
            Error::Busy { .. } => ErrorKind::Busy,
            Error::ClientBusy { .. } => ErrorKind::TooManyRequests,
            Error::DeadlineExceeded => ErrorKind::Busy,
            Error::Canceled => ErrorKind::Busy,
            Error::TooExpensive(_) => ErrorKind::Invalid,
            Error::UnknownQuery(_) => ErrorKind::BadRequest,
            Error::TooManyJobs { .. } => ErrorKind::TooManyRequests,
            Error::JobNotFinished { .. } => ErrorKind::Conflict,
            Error::Forbidden(_) => ErrorKind::Forbidden,
            Error::VersionNotRetained { .. } => ErrorKind::Gone,
            Error::VersionNotReached { .. } => ErrorKind::Busy,
            Error::PreconditionFailed(_) => ErrorKind::PreconditionFailed,
            // The database is down or unreachable: nothing was written, try again later.
            Error::Store(StoreError::Unavailable(_)) => ErrorKind::Busy,
            Error::Store(StoreError::InsufficientStorage { .. }) => ErrorKind::InsufficientStorage,
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
                "job" => "job_not_found",
                "event" => "event_not_found",
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
            Error::InvalidCursor(_) => "invalid_cursor",
            Error::ImportRejected(_) => "import_rejected",
            Error::Analytics { code, .. } => code,
            Error::NoPath { .. } => "no_path",
            Error::Busy { .. } => "busy",
            Error::ClientBusy { .. } => "too_many_requests",
            Error::DeadlineExceeded => "deadline_exceeded",
            Error::Canceled => "canceled",
            Error::TooExpensive(_) => "query_too_expensive",
            Error::UnknownQuery(_) => "unknown_query",
            Error::TooManyJobs { .. } => "too_many_jobs",
            Error::JobNotFinished { .. } => "job_not_finished",
            Error::Forbidden(_) => "forbidden",
            Error::VersionNotRetained { .. } => "version_not_retained",
            Error::VersionNotReached { .. } => "version_not_reached",
            Error::PreconditionFailed(_) => "precondition_failed",
            Error::Store(StoreError::Unavailable(_)) => "store_unavailable",
            Error::Store(StoreError::InsufficientStorage { .. }) => "insufficient_storage",
            Error::Store(_) => "storage_error",
            Error::Internal(_) => "internal_error",
        }
    }

    /// Seconds a client is told to wait before retrying (`Retry-After`), for the errors that
    /// have one.
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            Error::Busy {
                retry_after_secs, ..
            }
            | Error::ClientBusy {
                retry_after_secs, ..
            }
            | Error::TooManyJobs {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            Error::DeadlineExceeded | Error::Canceled => Some(DEADLINE_RETRY_AFTER_SECS),
            Error::VersionNotReached { .. } => Some(1),
            _ => None,
        }
    }

    /// The cost estimate of a query refused as too expensive.
    pub fn estimate(&self) -> Option<&crate::analytics::request::Estimate> {
        match self {
            Error::TooExpensive(e) => Some(e),
            _ => None,
        }
    }

    /// A copy of an error shared by several waiters (the variants analytics produce keep their
    /// kind and code; others become internal errors with the same message).
    pub fn duplicate(&self) -> Error {
        match self {
            Error::Busy {
                limit,
                retry_after_secs,
            } => Error::Busy {
                limit: *limit,
                retry_after_secs: *retry_after_secs,
            },
            Error::ClientBusy {
                limit,
                retry_after_secs,
            } => Error::ClientBusy {
                limit: *limit,
                retry_after_secs: *retry_after_secs,
            },
            Error::DeadlineExceeded => Error::DeadlineExceeded,
            Error::Canceled => Error::Canceled,
            Error::TooExpensive(e) => Error::TooExpensive(*e),
            Error::Analytics {
                code,
                message,
                not_found,
            } => Error::Analytics {
                code,
                message: message.clone(),
                not_found: *not_found,
            },
            Error::BadParameter { name, message } => Error::BadParameter {
                name,
                message: message.clone(),
            },
            Error::BadBody(m) => Error::BadBody(m.clone()),
            Error::InvalidCursor(c) => Error::InvalidCursor(c.clone()),
            Error::NotFound { entity, id } => Error::NotFound {
                entity,
                id: id.clone(),
            },
            Error::NoPath { from, to, as_of } => Error::NoPath {
                from: from.clone(),
                to: to.clone(),
                as_of: as_of.clone(),
            },
            Error::Internal(m) => Error::Internal(m.clone()),
            other => Error::Internal(other.to_string()),
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

/// `Retry-After` of a computation stopped at its deadline: long enough for the load to change.
pub const DEADLINE_RETRY_AFTER_SECS: u64 = 10;
