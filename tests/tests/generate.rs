//! `citygraph generate` over the binary: one seed gives identical files and other seeds other data;
//! the output imports, with the counts its summary states; bad sizes are refused before anything
//! is written; and folders written by `gen_graph.py` (a committed fixture) still import.

mod common;

use std::path::{Path, PathBuf};

use common::{cli, cli_ok, export_ndjson};
use serde_json::Value;

const FILES: [&str; 5] = [
    "cities.csv",
    "networks.csv",
    "memberships.csv",
    "partnerships.csv",
    "summary.json",
];

fn read_all(dir: &Path) -> Vec<Vec<u8>> {
    FILES
        .iter()
        .map(|f| {
            std::fs::read(dir.join(f)).unwrap_or_else(|e| panic!("{}/{f}: {e}", dir.display()))
        })
        .collect()
}

fn generate(data: &Path, out: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["generate", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = cli_ok(data, &args);
    assert!(o.stderr.contains("generated "), "{}", o.stderr);
    let printed: Value = serde_json::from_str(&o.stdout)
        .unwrap_or_else(|e| panic!("generate prints its summary as JSON ({e}): {}", o.stdout));
    let written: Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(printed, written, "printed and written summaries differ");
    written
}

fn n(v: &Value, key: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

/// A summary's cities, networks, memberships and links.
fn counts(summary: &Value) -> [u64; 4] {
    ["cities", "networks", "memberships", "links"].map(|k| n(summary, k))
}

/// Imports `folder` into `data` and checks the import created every record of `summary`, and that
/// an export holds as many of each type, and as many active links.
fn import_matches_summary(data: &Path, folder: &Path, summary: &Value) {
    let report: Value =
        serde_json::from_str(&cli_ok(data, &["import", folder.to_str().unwrap()]).stdout).unwrap();
    assert_eq!(
        n(&report, "created"),
        counts(summary).iter().sum::<u64>(),
        "{report}"
    );
    assert_eq!(n(&report, "version"), 1);
    let export = data.with_extension("export.ndjson");
    let (found, active) = export_counts(data, &export);
    assert_eq!(found, counts(summary));
    assert_eq!(active, n(summary, "active_links"));
}

/// Records per type in an NDJSON export, and the partnerships with no lapse.
fn export_counts(data: &Path, out: &Path) -> ([u64; 4], u64) {
    let text = String::from_utf8(export_ndjson(data, out)).unwrap();
    let mut counts = [0u64; 4];
    let mut active = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap();
        let i = match v["type"].as_str().unwrap() {
            "city" => 0,
            "network" => 1,
            "membership" => 2,
            "partnership" => 3,
            other => panic!("unexpected record type {other}"),
        };
        counts[i] += 1;
        if i == 3
            && !v["events"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["type"] == "lapsed")
        {
            active += 1;
        }
    }
    (counts, active)
}

#[test]
fn one_seed_gives_identical_files_and_the_output_imports_with_its_summarys_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    let summary = generate(&data, &a, &["--scale", "small", "--seed", "11"]);
    generate(&data, &b, &["--seed", "11"]);
    let other = generate(&data, &c, &["--seed", "12"]);
    assert!(read_all(&a) == read_all(&b), "seed 11 gave two outputs");
    let (fa, fc) = (read_all(&a), read_all(&c));
    for (i, f) in FILES.iter().enumerate() {
        assert!(fa[i] != fc[i], "{f} is the same for seeds 11 and 12");
    }
    assert_eq!(summary["scale"], "small");
    assert_eq!(summary["seed"], 11);
    assert_eq!(other["seed"], 12);
    assert_eq!(
        (
            n(&summary, "cities"),
            n(&summary, "links"),
            n(&summary, "networks")
        ),
        (3000, 8000, 200)
    );
    assert!(!data.exists(), "generate does not open the data folder");

    import_matches_summary(&data, &a, &summary);
}

#[test]
fn custom_sizes_override_the_scale() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("custom");
    let s = generate(
        tmp.path(),
        &out,
        &[
            "--scale",
            "medium",
            "--cities",
            "700",
            "--links",
            "1500",
            "--networks",
            "25",
            "--seed",
            "5",
        ],
    );
    assert_eq!(s["scale"], "custom");
    assert_eq!(
        (n(&s, "cities"), n(&s, "links"), n(&s, "networks")),
        (700, 1500, 25)
    );
    let rows = |f: &str| {
        std::fs::read_to_string(out.join(f))
            .unwrap()
            .lines()
            .count() as u64
            - 1
    };
    assert_eq!(rows("cities.csv"), 700);
    assert_eq!(rows("partnerships.csv"), 1500);
    assert_eq!(rows("networks.csv"), 25);
    assert_eq!(rows("memberships.csv"), n(&s, "memberships"));
}

#[test]
fn bad_sizes_are_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("never");
    let o = |args: &[&str]| {
        let mut all = vec!["generate", "--out", out.to_str().unwrap()];
        all.extend_from_slice(args);
        cli(tmp.path(), &all)
    };
    for (args, needle) in [
        (&["--scale", "huge"][..], "small"),
        (&["--cities", "0"][..], "at least one city"),
        (&["--cities", "10", "--links", "1000"][..], "too many"),
        (&["--cities", "30000000"][..], "at most"),
        (&["--links=-3"][..], "--links"),
        (&["--seed", "x"][..], "--seed"),
    ] {
        let r = o(args);
        assert!(!r.success() && r.code.is_some(), "{args:?}: {r:?}");
        assert!(
            r.stderr.contains(needle),
            "{args:?}: the error should mention {needle:?}: {}",
            r.stderr
        );
        assert!(!out.exists(), "{args:?} wrote {}", out.display());
    }
    // --out is required.
    let r = cli(tmp.path(), &["generate"]);
    assert!(!r.success() && r.stderr.contains("--out"), "{r:?}");
}

fn gen_graph_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gen-graph-py")
}

#[test]
fn a_folder_written_by_gen_graph_py_imports() {
    let dir = gen_graph_fixture();
    let theirs: Value =
        serde_json::from_slice(&std::fs::read(dir.join("summary.json")).unwrap()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    import_matches_summary(&tmp.path().join("data"), &dir, &theirs);

    // The same layout from citygraph generate reads the same way, field by field: the first city
    // row of each becomes a city with the row's values.
    let gen = tmp.path().join("gen");
    generate(
        tmp.path(),
        &gen,
        &["--cities", "50", "--links", "60", "--networks", "6"],
    );
    for folder in [&dir, &gen] {
        let cities = std::fs::read_to_string(folder.join("cities.csv")).unwrap();
        let mut lines = cities.lines();
        assert_eq!(
            lines.next(),
            Some("id,name,country,region,subregion,lat,lon,population")
        );
        let first: Vec<&str> = lines.next().unwrap().split(',').collect();
        let data = tmp.path().join(format!(
            "data-{}",
            folder.file_name().unwrap().to_string_lossy()
        ));
        cli_ok(&data, &["import", folder.to_str().unwrap()]);
        let text = String::from_utf8(export_ndjson(&data, &tmp.path().join("one.ndjson"))).unwrap();
        let city: Value = text
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .find(|v| v["type"] == "city" && v["id"] == first[0])
            .unwrap_or_else(|| panic!("{} not imported", first[0]));
        assert_eq!(city["name"], first[1]);
        assert_eq!(city["country"], first[2]);
        assert_eq!(city["region"], first[3]);
        assert_eq!(city["lat"].as_f64(), first[5].parse::<f64>().ok());
        assert_eq!(city["lon"].as_f64(), first[6].parse::<f64>().ok());
        assert_eq!(city["population"].as_u64(), first[7].parse::<u64>().ok());
    }
    for f in ["networks.csv", "memberships.csv", "partnerships.csv"] {
        let header = |d: &Path| {
            std::fs::read_to_string(d.join(f))
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .to_owned()
        };
        assert_eq!(header(&dir), header(&gen), "{f}: the headers differ");
    }
}
