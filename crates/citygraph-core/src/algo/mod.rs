//! Graph algorithms: pure functions over a [`crate::snapshot::Snapshot`] or a projection of it.
//!
//! Every function here is deterministic and does no IO. Time-dependent ones take a [`filter::Filter`]
//! (an `as_of` day plus optional region, country, kind and network restrictions).
//!
//! The long ones (projections, the searches and iterations of centrality, components, paths, top
//! pairs, the saturation timeline) also come as `*_cancellable` / `*_checked` functions that take a
//! [`cancel::Cancel`] handle and check it every few hundred sources, rows or once per iteration;
//! the plain functions run them with [`cancel::Cancel::never`]. The per-version link-table passes
//! (lapses, survival, timelines) and the membership-index reads (overlap, saturation, similarity)
//! are single linear passes and are not interrupted.

pub mod cancel;
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
