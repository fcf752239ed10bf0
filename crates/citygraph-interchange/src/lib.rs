//! citygraph-interchange
