//! The store test suite (`citygraph_store::testsuite`), unchanged, on PostgreSQL.

mod common;

citygraph_store::store_suite!(common::backend());
