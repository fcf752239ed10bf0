//! Handlers, one module per resource.

pub mod analytics;
pub mod cities;
pub mod dashboard;
pub mod graph;
pub mod networks;
pub mod ops;
pub mod partnerships;
