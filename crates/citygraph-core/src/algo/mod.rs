//! Graph algorithms: pure functions over a [`crate::snapshot::Snapshot`] or a projection of it.
//!
//! Every function here is deterministic and does no IO. Time-dependent ones take a [`filter::Filter`]
//! (an `as_of` day plus optional region, country, kind and network restrictions).

pub mod centrality;
pub mod components;
pub mod filter;
pub mod lapses;
pub mod overlap;
pub mod paths;
pub mod projection;
pub mod saturation;
pub mod similarity;
pub mod survival;
pub mod timeline;
