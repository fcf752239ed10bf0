//! The one rule for tests that need the public raw sources (the inputs of `citygraph seed build`,
//! such as the Wikipedia twin-city lists and the GeoNames gazetteer).
//!
//! The raw sources are not part of the repository: they are the project's shared data folder,
//! `shared/data/raw` beside the repository (each source in its own folder with a `SOURCE.md`
//! saying where it comes from). A fresh clone does not have them, and needs them for nothing but
//! the tests that rebuild the seed from them.
//!
//! - They are looked for at `CITYGRAPH_RAW_DIR` when it is set (a set variable that points
//!   nowhere is a mistake, and fails), else at `../shared/data/raw` from the repository root.
//! - Found: the test runs on them.
//! - Missing under `CI=true`: the test fails, since CI runs on the usual layout.
//! - Missing otherwise: the test is skipped. It returns early after one line on standard error,
//!   written past the test harness's capture so that every run shows it, naming the test, what
//!   is missing and where it comes from; the line is also appended to the file named by
//!   `CITYGRAPH_SKIP_LOG`, which `scripts/test.sh` prints at the end of a run. Any crate's tests
//!   may append their own skips to that file the same way: one line per skipped test.
//!
//! ```no_run
//! let Some(raw) = citygraph_tests::raw_data::raw_dir("seed_rebuild", &["geonames-cities15000"])
//! else {
//!     return;
//! };
//! ```

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The variable that points at a copy of the raw sources.
pub const RAW_DIR_ENV: &str = "CITYGRAPH_RAW_DIR";
/// The variable naming the file skipped tests are listed in.
pub const SKIP_LOG_ENV: &str = "CITYGRAPH_SKIP_LOG";

/// `shared/data/raw` beside the repository.
pub fn default_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/raw")
}

/// Whether this is a CI run (`CI` is `true` or `1`).
pub fn is_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// What a test that needs raw sources does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Run on this folder.
    Run(PathBuf),
    /// Skip, with this line.
    Skip(String),
    /// Fail, with this message.
    Fail(String),
}

/// The rule, apart from the environment: `env_dir` is `CITYGRAPH_RAW_DIR`, `sources` the folders
/// inside the raw directory the test reads.
pub fn decide(
    test: &str,
    env_dir: Option<&OsStr>,
    ci: bool,
    default: &Path,
    sources: &[&str],
) -> Decision {
    let (dir, explicit) = match env_dir.filter(|d| !d.is_empty()) {
        Some(d) => (PathBuf::from(d), true),
        None => (default.to_owned(), false),
    };
    let missing: Vec<&str> = sources
        .iter()
        .copied()
        .filter(|s| !dir.join(s).is_dir())
        .collect();
    if dir.is_dir() && missing.is_empty() {
        return Decision::Run(dir);
    }
    let what = if dir.is_dir() {
        format!("{} has no {}", dir.display(), missing.join(", "))
    } else {
        format!("no raw sources at {}", dir.display())
    };
    if explicit {
        return Decision::Fail(format!(
            "{test}: {RAW_DIR_ENV} is set but {what}; point it at a copy of the raw sources (data/raw of the shared data folder) or unset it"
        ));
    }
    if ci {
        return Decision::Fail(format!(
            "{test}: {what}; under CI=true the raw sources must be there (the shared data folder's data/raw beside the repository, or {RAW_DIR_ENV})"
        ));
    }
    Decision::Skip(format!(
        "skipped {test}: {what} (the public raw sources, each folder with its SOURCE.md, come from the project's shared data folder, data/raw beside the repository; set {RAW_DIR_ENV} to a copy to run it)"
    ))
}

/// The raw sources for `test`, or `None` when the test is to be skipped (after saying so); panics
/// when their absence is a failure (see the module docs).
pub fn raw_dir(test: &str, sources: &[&str]) -> Option<PathBuf> {
    let env = std::env::var_os(RAW_DIR_ENV);
    match decide(test, env.as_deref(), is_ci(), &default_dir(), sources) {
        Decision::Run(dir) => Some(dir),
        Decision::Fail(msg) => panic!("{msg}"),
        Decision::Skip(line) => {
            announce_skip(&line);
            None
        }
    }
}

/// Prints `line` on standard error (not captured by the test harness) and appends it to the
/// `CITYGRAPH_SKIP_LOG` file, if one is named.
pub fn announce_skip(line: &str) {
    let text = format!("{line}\n");
    // Written to the stream itself rather than with eprintln!, which the harness captures.
    let _ = std::io::stderr().write_all(text.as_bytes());
    if let Some(log) = std::env::var_os(SKIP_LOG_ENV).filter(|p| !p.is_empty()) {
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .and_then(|mut f| f.write_all(text.as_bytes()));
        if let Err(e) = appended {
            let _ = writeln!(
                std::io::stderr(),
                "cannot append to {}: {e}",
                Path::new(&log).display()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let raw = tmp.path().join("raw");
        std::fs::create_dir_all(raw.join("geonames")).unwrap();
        std::fs::create_dir_all(raw.join("wikipedia")).unwrap();
        (tmp, raw)
    }

    #[test]
    fn runs_on_the_default_folder_when_it_has_the_sources() {
        let (_t, raw) = layout();
        for ci in [false, true] {
            assert_eq!(
                decide("t", None, ci, &raw, &["geonames", "wikipedia"]),
                Decision::Run(raw.clone())
            );
        }
        // An empty variable counts as unset.
        assert_eq!(
            decide("t", Some(OsStr::new("")), false, &raw, &["geonames"]),
            Decision::Run(raw.clone())
        );
    }

    #[test]
    fn the_variable_wins_over_the_default() {
        let (_t, raw) = layout();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(elsewhere.path().join("geonames")).unwrap();
        assert_eq!(
            decide(
                "t",
                Some(elsewhere.path().as_os_str()),
                false,
                &raw,
                &["geonames"]
            ),
            Decision::Run(elsewhere.path().to_owned())
        );
        // Set, but without the sources: a mistake, also outside CI.
        match decide(
            "t",
            Some(elsewhere.path().as_os_str()),
            false,
            &raw,
            &["wikipedia"],
        ) {
            Decision::Fail(m) => assert!(
                m.contains("CITYGRAPH_RAW_DIR is set") && m.contains("wikipedia"),
                "{m}"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn absence_skips_with_one_line_and_fails_under_ci() {
        let (t, _raw) = layout();
        let nowhere = t.path().join("nowhere");
        match decide("seed_rebuild", None, false, &nowhere, &["geonames"]) {
            Decision::Skip(line) => {
                assert!(
                    line.starts_with("skipped seed_rebuild: no raw sources at "),
                    "{line}"
                );
                assert!(
                    line.contains("SOURCE.md") && line.contains(RAW_DIR_ENV),
                    "{line}"
                );
                assert!(!line.contains('\n'));
            }
            other => panic!("{other:?}"),
        }
        match decide("seed_rebuild", None, true, &nowhere, &["geonames"]) {
            Decision::Fail(m) => assert!(m.contains("CI=true"), "{m}"),
            other => panic!("{other:?}"),
        }
        // The folder exists but lacks a source: named.
        let (_t2, raw) = layout();
        match decide("x", None, false, &raw, &["geonames", "climactor"]) {
            Decision::Skip(line) => assert!(line.contains("has no climactor"), "{line}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn skips_are_appended_to_the_log() {
        let t = tempfile::tempdir().unwrap();
        let log = t.path().join("skips.txt");
        // Only this test sets the variable, and only in this process's test binary.
        std::env::set_var(SKIP_LOG_ENV, &log);
        announce_skip("skipped a: x");
        announce_skip("skipped b: y");
        std::env::remove_var(SKIP_LOG_ENV);
        assert_eq!(
            std::fs::read_to_string(&log).unwrap(),
            "skipped a: x\nskipped b: y\n"
        );
    }
}
