//! `citygraph generate`: a synthetic dataset in the CSV layout `import` reads, with a progress bar
//! on a terminal for the large sizes.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use citygraph_generate::{Params, Phase, Progress, Scale};

/// Below this many cities plus links the run takes about a second: no bar.
const BAR_FROM: u64 = 1_000_000;

/// The sizes of `scale`, each replaced by its override when given.
pub fn params(
    scale: &str,
    seed: u64,
    cities: Option<u32>,
    links: Option<u64>,
    networks: Option<u32>,
) -> Result<Params> {
    let mut p = Params::scale(scale.parse::<Scale>()?).with_seed(seed);
    p.cities = cities.unwrap_or(p.cities);
    p.links = links.unwrap_or(p.links);
    p.networks = networks.unwrap_or(p.networks);
    p.validate()?;
    Ok(p)
}

/// Generates into `out` and prints the summary as JSON on standard output.
pub fn run(params: &Params, out: &Path) -> Result<()> {
    let start = Instant::now();
    let bar = (std::io::stderr().is_terminal()
        && u64::from(params.cities) + params.links >= BAR_FROM)
        .then(|| {
            let b = indicatif::ProgressBar::new(u64::from(params.cities));
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{msg:>9} [{bar:40}] {pos}/{len} ({elapsed})",
                )
                .expect("static template")
                .progress_chars("=> "),
            );
            b.set_message(Phase::Cities.as_str());
            b
        });
    let report = |phase: Phase, done: u64, total: u64| {
        if let Some(b) = &bar {
            if b.message() != phase.as_str() {
                b.set_length(total);
                b.set_message(phase.as_str());
            }
            b.set_position(done);
        }
    };
    let progress = Progress::new(&report);
    let result = citygraph_generate::generate_into(params, out, &progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let summary = result.with_context(|| format!("generating into {}", out.display()))?;
    println!("{}", serde_json::to_string_pretty(&summary)?);
    if summary.links < params.links {
        eprintln!(
            "warning: placed {} of the {} links asked for: the degree model found no more distinct pairs",
            summary.links, params.links
        );
    }
    eprintln!(
        "generated {} cities, {} links, {} networks and {} memberships into {} in {:.1} s",
        summary.cities,
        summary.links,
        summary.networks,
        summary.memberships,
        out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
