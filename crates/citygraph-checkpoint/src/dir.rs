//! Checkpoint files in a folder.
//!
//! An image is written to a hidden temporary file, synced, renamed to
//! `checkpoint-<version, 20 digits>.cgck` and the folder synced: a crash at any moment leaves
//! either the old set of checkpoints or the new one, plus perhaps a temporary file that the next
//! [`CheckpointDir::write`] or [`CheckpointDir::remove_temporaries`] removes. Once a new image is
//! durable, older ones are deleted.
//!
//! [`CheckpointDir::load`] tries the images newest first and returns the first that decodes and
//! that the caller accepts (the store checks that its version and fingerprint belong to its own
//! history); every image it passes over is reported with the reason.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use citygraph_core::Snapshot;

use crate::image::{self, Header};
use crate::Error;

const PREFIX: &str = "checkpoint-";
const SUFFIX: &str = ".cgck";
const TEMP_PREFIX: &str = ".checkpoint-";

/// A folder of checkpoint images.
#[derive(Clone, Debug)]
pub struct CheckpointDir {
    path: PathBuf,
}

/// An image that [`CheckpointDir::load`] passed over, and why.
#[derive(Debug)]
pub struct Rejected {
    pub path: PathBuf,
    pub reason: String,
}

/// What [`CheckpointDir::load`] found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The newest valid, accepted image, decoded.
    pub snapshot: Option<(Snapshot, Header)>,
    /// Newer images that were passed over.
    pub rejected: Vec<Rejected>,
}

fn sync_dir(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}

impl CheckpointDir {
    pub fn new(path: impl Into<PathBuf>) -> CheckpointDir {
        CheckpointDir { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The images in the folder, newest (highest version) first.
    pub fn list(&self) -> io::Result<Vec<(u64, PathBuf)>> {
        let mut out = Vec::new();
        let entries = match fs::read_dir(&self.path) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(e),
        };
        for e in entries {
            let e = e?;
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            if let Some(v) = name
                .strip_prefix(PREFIX)
                .and_then(|r| r.strip_suffix(SUFFIX))
                .and_then(|v| v.parse::<u64>().ok())
            {
                out.push((v, e.path()));
            }
        }
        out.sort_by_key(|e| std::cmp::Reverse(e.0));
        Ok(out)
    }

    /// Removes temporary files left by a write that a crash interrupted.
    pub fn remove_temporaries(&self) -> io::Result<usize> {
        let mut n = 0;
        let entries = match fs::read_dir(&self.path) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        for e in entries {
            let e = e?;
            if e.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                fs::remove_file(e.path())?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Writes an image of `snap` atomically (module docs), then deletes older images. Returns the
    /// path and the image's size in bytes.
    pub fn write(&self, snap: &Snapshot, fingerprint: u64) -> io::Result<(PathBuf, u64)> {
        fs::create_dir_all(&self.path)?;
        self.remove_temporaries()?;
        let tmp = self
            .path
            .join(format!("{TEMP_PREFIX}{:020}.tmp", snap.version));
        // The temporary file exists from the start of the encoding: a crash while encoding or
        // writing leaves only it.
        let mut f = File::create(&tmp)?;
        let bytes = image::encode(snap, fingerprint);
        f.write_all(&bytes)?;
        f.sync_all()?;
        drop(f);
        let path = self
            .path
            .join(format!("{PREFIX}{:020}{SUFFIX}", snap.version));
        fs::rename(&tmp, &path)?;
        sync_dir(&self.path)?;
        for (v, old) in self.list()? {
            if v < snap.version {
                fs::remove_file(old)?;
            }
        }
        Ok((path, bytes.len() as u64))
    }

    /// Loads the newest image that decodes and that `accept` takes (module docs).
    pub fn load(&self, accept: &dyn Fn(&Header) -> Result<(), String>) -> io::Result<Loaded> {
        let mut loaded = Loaded::default();
        for (_, path) in self.list()? {
            let reason = match fs::read(&path) {
                Err(e) => format!("cannot read: {e}"),
                Ok(bytes) => match image::read_header(&bytes) {
                    Err(e) => describe(&e),
                    Ok(h) => match accept(&h) {
                        Err(why) => why,
                        Ok(()) => match image::decode(&bytes) {
                            Ok(found) => {
                                loaded.snapshot = Some(found);
                                return Ok(loaded);
                            }
                            Err(e) => describe(&e),
                        },
                    },
                },
            };
            loaded.rejected.push(Rejected { path, reason });
        }
        Ok(loaded)
    }
}

fn describe(e: &Error) -> String {
    match e {
        Error::Format { found, supported } => {
            format!("written in checkpoint format {found}, this build reads {supported}")
        }
        other => other.to_string(),
    }
}
