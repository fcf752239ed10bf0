//! citygraph-checkpoint: the binary images of the graph, independent of any store.
//!
//! Two things are encoded here, both with the row codec of [`codec`] (a string table per block,
//! varints, conventional ids left out) and compressed with zstd:
//! - **change pages** ([`encode_changes`], [`decode_changes`]): the changes of one change-log
//!   entry, in order, a page at a time. A store keeps every entry's pages, so the log carries the
//!   changes themselves and can be replayed;
//! - **checkpoints** ([`image`]): the whole [`Snapshot`] at one graph version, with interned ids
//!   (cities and networks are referred to by `u32` handles into sorted id lists), split into
//!   sections that are compressed and decoded in parallel, with a CRC-32 over the whole image and
//!   the graph version it holds. [`dir::CheckpointDir`] writes them atomically into a folder and
//!   loads the newest valid one.
//!
//! A store (sled today, PostgreSQL later) keeps the log; this crate knows nothing of how. Loading
//! is "newest valid checkpoint, then the log after it"; see `citygraph-store`.
//!
//! It depends on `citygraph-core` only. Start with [`image::encode`] and [`image::decode`].

mod codec;
pub mod dir;
pub mod image;

use citygraph_core::{Change, Snapshot};

pub use dir::{CheckpointDir, Loaded, Rejected};
pub use image::Header;

/// Why bytes could not be decoded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("the data ends early (truncated)")]
    Truncated,
    #[error("not a checkpoint (bad magic bytes)")]
    Magic,
    #[error("checkpoint format {found}, this build reads format {supported}")]
    Format { found: u32, supported: u32 },
    #[error("checksum mismatch: stored {stored:08x}, computed {computed:08x}")]
    Checksum { stored: u32, computed: u32 },
    #[error("invalid content: {0}")]
    Invalid(String),
    #[error("input/output error: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    pub(crate) fn invalid(msg: impl Into<String>) -> Error {
        Error::Invalid(msg.into())
    }
}

/// The encoding version of a change page (its first byte).
pub const PAGE_FORMAT: u8 = 1;

/// Encodes `changes` (one page of a log entry, in order): the format byte, the raw length as a
/// varint, then the zstd-compressed block.
pub fn encode_changes(changes: &[Change]) -> Vec<u8> {
    let mut w = codec::RowWriter::new(codec::Refs::Table);
    w.rows.var(changes.len() as u64);
    for c in changes {
        w.change(c);
    }
    let raw = w.finish();
    let mut out = codec::Enc::default();
    out.u8(PAGE_FORMAT);
    out.var(raw.len() as u64);
    out.buf.extend_from_slice(&codec::compress(&raw));
    out.buf
}

/// Decodes a page written by [`encode_changes`]. Every entity is validated as it is built.
pub fn decode_changes(page: &[u8]) -> Result<Vec<Change>, Error> {
    let mut d = codec::Dec::new(page);
    let format = d.u8()?;
    if format != PAGE_FORMAT {
        return Err(Error::invalid(format!(
            "change page format {format}, this build reads {PAGE_FORMAT}"
        )));
    }
    let raw_len = d.var()?;
    if raw_len > (1 << 32) {
        return Err(Error::invalid("change page too large"));
    }
    let raw = codec::decompress(
        d.take(page.len() - 1 - varint_len(raw_len))?,
        raw_len as usize,
    )?;
    let mut r = codec::RowReader::new(&raw, codec::ReadRefs::Table)?;
    let n = r.rows.len()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(r.change()?);
    }
    if !r.rows.is_done() {
        return Err(Error::invalid("bytes after the last change"));
    }
    Ok(out)
}

fn varint_len(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

/// Encodes a checkpoint of `snap` (see [`image`]); shorthand for [`image::encode`].
pub fn encode_snapshot(snap: &Snapshot, fingerprint: u64) -> Vec<u8> {
    image::encode(snap, fingerprint)
}

#[cfg(test)]
mod tests;
