//! Builds the seed from a raw-source directory and prints the figures:
//! `cargo run -p citygraph-seed --example seed_build -- <raw dir> <out dir>`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [raw, out] = args.as_slice() else {
        eprintln!("usage: seed_build <raw dir> <out dir>");
        return ExitCode::from(2);
    };
    match citygraph_seed::build(&PathBuf::from(raw), &PathBuf::from(out)) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("seed build failed: {e}");
            ExitCode::FAILURE
        }
    }
}
