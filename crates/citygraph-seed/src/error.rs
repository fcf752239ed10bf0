//! The errors of a seed build: a source that cannot be read or is not shaped as expected, an output
//! that cannot be written, or a record the domain model rejects.

use std::path::{Path, PathBuf};

use citygraph_core::CoreError;

/// Why a seed build failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SeedError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot parse {}: {source}", path.display())]
    Csv { path: PathBuf, source: csv::Error },
    #[error("{} has no column {column:?}", path.display())]
    MissingColumn { path: PathBuf, column: String },
    #[error("{} line {line}: {message}", path.display())]
    BadRecord {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot serialize {what} {id}: {source}")]
    Json {
        what: &'static str,
        id: String,
        source: serde_json::Error,
    },
    #[error("built an invalid {what} {id}: {source}")]
    Invalid {
        what: &'static str,
        id: String,
        source: CoreError,
    },
}

impl SeedError {
    pub(crate) fn read(path: &Path, source: std::io::Error) -> SeedError {
        SeedError::Read {
            path: path.to_owned(),
            source,
        }
    }
    pub(crate) fn csv(path: &Path, source: csv::Error) -> SeedError {
        SeedError::Csv {
            path: path.to_owned(),
            source,
        }
    }
    pub(crate) fn write(path: &Path, source: std::io::Error) -> SeedError {
        SeedError::Write {
            path: path.to_owned(),
            source,
        }
    }
    pub(crate) fn bad(path: &Path, line: u64, message: impl Into<String>) -> SeedError {
        SeedError::BadRecord {
            path: path.to_owned(),
            line,
            message: message.into(),
        }
    }
}
