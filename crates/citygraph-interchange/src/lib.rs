//! citygraph-interchange: the file formats citygraph reads and writes.
//!
//! It owns the NDJSON seed/export format and the CSV layout of the synthetic benchmark generator
//! ([`read`]), and the exports for maps and graph tools ([`export`]: GeoJSON, GraphML, GEXF, CSV).
//! It depends only on `citygraph-core`; it does no network IO and knows nothing of the store or HTTP.
//! Start with [`read::Record`], the one line of the seed format.

pub mod export;
pub mod read;
