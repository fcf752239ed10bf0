//! citygraph-seed
