//! citygraph-service
