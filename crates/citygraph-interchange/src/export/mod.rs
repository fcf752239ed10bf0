//! Exports (to be written).
