//! The checkpoint image of a [`Snapshot`].
//!
//! ```text
//! header   magic "CGCKPT\r\n" | format u32 | sections u32 | graph version u64 | fingerprint u64
//!          | cities u64 | networks u64 | memberships u64 | partnerships u64          (64 bytes)
//! table    per section: kind u32 | rows u64 | raw length u64 | stored length u64    (28 bytes each)
//! sections zstd frames, in table order
//! trailer  image length u64 | CRC-32 of every byte before the trailer u32 | "CGND"  (16 bytes)
//! ```
//!
//! All integers are little-endian. Sections: the sorted city ids and the sorted network ids
//! (their positions are the *handles* every other section refers to), then the networks, and the
//! cities, memberships and partnerships in chunks of [`CHUNK`] rows, each chunk a block of the
//! row codec on its own, so that chunks are encoded and decoded on all cores at once. The indexes
//! of the snapshot (adjacency, memberships per city and per network, links per pair) are rebuilt
//! from the handles in one linear pass by [`Snapshot::from_parts`]: as cheap as reading stored
//! copies, and they can never disagree with the entities.
//!
//! The fingerprint is the store's: it ties the image to one history (the sled store uses a hash
//! of the change-log entry the version points to), so an image from another folder is refused.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use citygraph_core::snapshot::Parts;
use citygraph_core::{CityId, NetworkId, Snapshot};

use crate::codec::{self, ReadRefs, Refs, RowReader, RowWriter};
use crate::Error;

/// The image format this build writes and reads.
pub const FORMAT: u32 = 1;
/// Rows per section chunk.
pub const CHUNK: usize = 1 << 18;

const MAGIC: &[u8; 8] = b"CGCKPT\r\n";
const END: &[u8; 4] = b"CGND";
const HEADER: usize = 64;
const ENTRY: usize = 28;
const TRAILER: usize = 16;

const S_CITY_IDS: u32 = 0;
const S_NETWORK_IDS: u32 = 1;
const S_NETWORKS: u32 = 2;
const S_CITIES: u32 = 3;
const S_MEMBERSHIPS: u32 = 4;
const S_PARTNERSHIPS: u32 = 5;

/// What an image says about itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    pub format: u32,
    /// The graph version the image holds.
    pub version: u64,
    /// The store's fingerprint of that version (module docs).
    pub fingerprint: u64,
    pub cities: u64,
    pub networks: u64,
    pub memberships: u64,
    pub partnerships: u64,
}

struct Section {
    kind: u32,
    rows: u64,
    raw_len: u64,
    stored: Vec<u8>,
}

/// Runs `f` over `0..n` on up to `threads` threads, results in index order.
fn parallel<T: Send>(n: usize, threads: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let out: Mutex<Vec<Option<T>>> = Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads.clamp(1, n.max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let r = f(i);
                out.lock().expect("no panics while holding the lock")[i] = Some(r);
            });
        }
    });
    out.into_inner()
        .expect("no panics while holding the lock")
        .into_iter()
        .map(|r| r.expect("every index ran"))
        .collect()
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn section(kind: u32, rows: usize, raw: Vec<u8>) -> Section {
    Section {
        kind,
        rows: rows as u64,
        raw_len: raw.len() as u64,
        stored: codec::compress(&raw),
    }
}

/// Encodes `snap` (module docs). Uses every core.
pub fn encode(snap: &Snapshot, fingerprint: u64) -> Vec<u8> {
    let cities: Vec<_> = snap.cities.values().collect();
    let networks: Vec<_> = snap.networks.values().collect();
    let memberships: Vec<_> = snap.memberships.values().collect();
    let partnerships: Vec<_> = snap.partnerships.values().collect();
    let city_handles: HashMap<&str, u32> = cities
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i as u32))
        .collect();
    let network_handles: HashMap<&str, u32> = networks
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i as u32))
        .collect();

    // (kind, chunk index) jobs; the id lists first.
    let mut jobs: Vec<(u32, usize)> = vec![(S_CITY_IDS, 0), (S_NETWORK_IDS, 0), (S_NETWORKS, 0)];
    for (kind, len) in [
        (S_CITIES, cities.len()),
        (S_MEMBERSHIPS, memberships.len()),
        (S_PARTNERSHIPS, partnerships.len()),
    ] {
        jobs.extend((0..len.div_ceil(CHUNK)).map(|i| (kind, i)));
    }
    let sections = parallel(jobs.len(), threads(), |j| {
        let (kind, chunk) = jobs[j];
        let refs = || Refs::Handles {
            cities: &city_handles,
            networks: &network_handles,
        };
        let range = |len: usize| chunk * CHUNK..((chunk + 1) * CHUNK).min(len);
        match kind {
            S_CITY_IDS | S_NETWORK_IDS => {
                let mut w = RowWriter::new(Refs::Table);
                let n = if kind == S_CITY_IDS {
                    for c in &cities {
                        w.strings.intern(c.id.as_str());
                    }
                    cities.len()
                } else {
                    for n in &networks {
                        w.strings.intern(n.id.as_str());
                    }
                    networks.len()
                };
                section(kind, n, w.finish())
            }
            S_NETWORKS => {
                let mut w = RowWriter::new(refs());
                for n in &networks {
                    w.network(n);
                }
                section(kind, networks.len(), w.finish())
            }
            S_CITIES => {
                let r = range(cities.len());
                let mut w = RowWriter::new(refs());
                for c in &cities[r.clone()] {
                    w.city(c);
                }
                section(kind, r.len(), w.finish())
            }
            S_MEMBERSHIPS => {
                let r = range(memberships.len());
                let mut w = RowWriter::new(refs());
                for m in &memberships[r.clone()] {
                    w.membership(m);
                }
                section(kind, r.len(), w.finish())
            }
            _ => {
                let r = range(partnerships.len());
                let mut w = RowWriter::new(refs());
                for p in &partnerships[r.clone()] {
                    w.partnership(p);
                }
                section(kind, r.len(), w.finish())
            }
        }
    });

    let body: usize = sections.iter().map(|s| s.stored.len()).sum();
    let mut out = Vec::with_capacity(HEADER + ENTRY * sections.len() + body + TRAILER);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    for v in [
        snap.version,
        fingerprint,
        cities.len() as u64,
        networks.len() as u64,
        memberships.len() as u64,
        partnerships.len() as u64,
    ] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for s in &sections {
        out.extend_from_slice(&s.kind.to_le_bytes());
        out.extend_from_slice(&s.rows.to_le_bytes());
        out.extend_from_slice(&s.raw_len.to_le_bytes());
        out.extend_from_slice(&(s.stored.len() as u64).to_le_bytes());
    }
    for s in &sections {
        out.extend_from_slice(&s.stored);
    }
    let len = (out.len() + TRAILER) as u64;
    out.extend_from_slice(&len.to_le_bytes());
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(END);
    out
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

/// Checks the frame of an image (magic, format, length, checksum) and returns its header.
pub fn read_header(b: &[u8]) -> Result<Header, Error> {
    if b.len() < 12 {
        return Err(Error::Truncated);
    }
    if &b[..8] != MAGIC {
        return Err(Error::Magic);
    }
    let format = u32_at(b, 8);
    if format != FORMAT {
        return Err(Error::Format {
            found: format,
            supported: FORMAT,
        });
    }
    if b.len() < HEADER + TRAILER {
        return Err(Error::Truncated);
    }
    let t = b.len() - TRAILER;
    if &b[t + 12..] != END || u64_at(b, t) != b.len() as u64 {
        return Err(Error::Truncated);
    }
    let stored = u32_at(b, t + 8);
    let computed = crc32fast::hash(&b[..t + 8]);
    if stored != computed {
        return Err(Error::Checksum { stored, computed });
    }
    Ok(Header {
        format,
        version: u64_at(b, 16),
        fingerprint: u64_at(b, 24),
        cities: u64_at(b, 32),
        networks: u64_at(b, 40),
        memberships: u64_at(b, 48),
        partnerships: u64_at(b, 56),
    })
}

/// A decoded section: its rows.
enum Rows {
    Networks(Vec<Arc<citygraph_core::Network>>),
    Cities(Vec<Arc<citygraph_core::City>>),
    Memberships(Vec<(Arc<citygraph_core::Membership>, u32, u32)>),
    Partnerships(Vec<(Arc<citygraph_core::Partnership>, [u32; 2])>),
}

/// Decodes an image: frame checks ([`read_header`]), every section (in parallel), every entity
/// validated, then the snapshot and its indexes built ([`Snapshot::from_parts`]).
pub fn decode(b: &[u8]) -> Result<(Snapshot, Header), Error> {
    let header = read_header(b)?;
    let n = u32_at(b, 12) as usize;
    let table_end = HEADER
        .checked_add(n.checked_mul(ENTRY).ok_or(Error::Truncated)?)
        .ok_or(Error::Truncated)?;
    if table_end > b.len() - TRAILER {
        return Err(Error::Truncated);
    }
    let mut entries = Vec::with_capacity(n);
    let mut at = table_end;
    for i in 0..n {
        let e = HEADER + i * ENTRY;
        let (kind, rows, raw_len, stored_len) = (
            u32_at(b, e),
            u64_at(b, e + 4),
            u64_at(b, e + 12),
            u64_at(b, e + 20),
        );
        let end = at
            .checked_add(usize::try_from(stored_len).map_err(|_| Error::Truncated)?)
            .ok_or(Error::Truncated)?;
        if end > b.len() - TRAILER {
            return Err(Error::Truncated);
        }
        if raw_len > (1 << 34) || rows > raw_len {
            return Err(Error::invalid("section sizes out of range"));
        }
        entries.push((kind, rows as usize, raw_len as usize, &b[at..end]));
        at = end;
    }
    if at != b.len() - TRAILER {
        return Err(Error::invalid("bytes between the sections and the trailer"));
    }

    // The id lists first: every other section refers to them by handle.
    let mut city_ids: Vec<CityId> = Vec::new();
    let mut network_ids: Vec<NetworkId> = Vec::new();
    for &(kind, rows, raw_len, stored) in &entries {
        if kind != S_CITY_IDS && kind != S_NETWORK_IDS {
            continue;
        }
        let raw = codec::decompress(stored, raw_len)?;
        let r = RowReader::new(&raw, ReadRefs::Table)?;
        if r.strings().len() != rows {
            return Err(Error::invalid(
                "id list length differs from its section header",
            ));
        }
        if kind == S_CITY_IDS {
            city_ids = r
                .strings()
                .iter()
                .map(|s| CityId::new(s).map_err(|e| Error::invalid(e.to_string())))
                .collect::<Result<_, _>>()?;
        } else {
            network_ids = r
                .strings()
                .iter()
                .map(|s| NetworkId::new(s).map_err(|e| Error::invalid(e.to_string())))
                .collect::<Result<_, _>>()?;
        }
    }
    let others: Vec<_> = entries
        .iter()
        .filter(|e| e.0 != S_CITY_IDS && e.0 != S_NETWORK_IDS)
        .collect();
    let decoded = parallel(others.len(), threads(), |i| -> Result<Rows, Error> {
        let &(kind, rows, raw_len, stored) = others[i];
        let raw = codec::decompress(stored, raw_len)?;
        let mut r = RowReader::new(
            &raw,
            ReadRefs::Handles {
                cities: &city_ids,
                networks: &network_ids,
            },
        )?;
        let out = match kind {
            S_NETWORKS => Rows::Networks(
                (0..rows)
                    .map(|_| r.network().map(Arc::new))
                    .collect::<Result<_, _>>()?,
            ),
            S_CITIES => Rows::Cities(
                (0..rows)
                    .map(|_| r.city().map(Arc::new))
                    .collect::<Result<_, _>>()?,
            ),
            S_MEMBERSHIPS => {
                let mut v = Vec::with_capacity(rows);
                for _ in 0..rows {
                    r.seen_cities.clear();
                    r.seen_networks.clear();
                    let m = r.membership()?;
                    v.push((Arc::new(m), r.seen_cities[0], r.seen_networks[0]));
                }
                Rows::Memberships(v)
            }
            S_PARTNERSHIPS => {
                let mut v = Vec::with_capacity(rows);
                for _ in 0..rows {
                    r.seen_cities.clear();
                    let p = r.partnership()?;
                    v.push((Arc::new(p), [r.seen_cities[0], r.seen_cities[1]]));
                }
                Rows::Partnerships(v)
            }
            other => return Err(Error::invalid(format!("unknown section kind {other}"))),
        };
        if !r.rows.is_done() {
            return Err(Error::invalid("bytes after the last row of a section"));
        }
        Ok(out)
    });

    let mut parts = Parts {
        version: header.version,
        ..Parts::default()
    };
    for d in decoded {
        match d? {
            Rows::Networks(v) => parts.networks.extend(v),
            Rows::Cities(v) => parts.cities.extend(v),
            Rows::Memberships(v) => parts.memberships.extend(v),
            Rows::Partnerships(v) => parts.partnerships.extend(v),
        }
    }
    let counts = (
        parts.cities.len() as u64,
        parts.networks.len() as u64,
        parts.memberships.len() as u64,
        parts.partnerships.len() as u64,
    );
    if counts
        != (
            header.cities,
            header.networks,
            header.memberships,
            header.partnerships,
        )
        || parts.cities.len() != city_ids.len()
        || parts.networks.len() != network_ids.len()
    {
        return Err(Error::invalid("entity counts differ from the header"));
    }
    let snap = Snapshot::from_parts(parts).map_err(Error::Invalid)?;
    Ok((snap, header))
}
