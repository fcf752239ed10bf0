//! Black-box end-to-end tests of the `citygraph` binary live in `tests/tests/`.
//!
//! This library holds what several test binaries (and other crates' tests) share without
//! starting a server: the synthetic datasets they run on ([`generate_small`]) and the one rule for
//! tests that need the public raw sources ([`raw_data`]). Nothing here reaches outside the
//! repository unless a test asks for the raw sources.

pub mod raw_data;

use std::path::Path;

use citygraph_generate::{Params, Progress, Scale, Summary};

/// Writes the small synthetic dataset (3,000 cities, 8,000 links, 200 networks; the default seed)
/// into `dir`, in the CSV layout `citygraph import` reads, and returns its summary.
pub fn generate_small(dir: &Path) -> Summary {
    generate(&Params::scale(Scale::Small), dir)
}

/// Writes the dataset of `params` into `dir` and returns its summary.
pub fn generate(params: &Params, dir: &Path) -> Summary {
    citygraph_generate::generate_into(params, dir, &Progress::none())
        .unwrap_or_else(|e| panic!("generating {params:?} into {}: {e}", dir.display()))
}
