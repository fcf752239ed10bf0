//! Graph algorithms: pure functions over a [`crate::snapshot::Snapshot`] or a projection of it.
