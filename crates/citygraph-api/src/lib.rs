//! citygraph-api
