//! citygraph-store
