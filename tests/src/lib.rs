//! Black-box end-to-end tests of the `citygraph` binary live in `tests/tests/`.
