//! `citygraph export` then `citygraph import` reproduces a store exactly, a rejected import changes
//! nothing, and importing the same data again changes nothing.

mod common;

use std::path::{Path, PathBuf};

use common::{cli, cli_ok, export_ndjson as export, generate_small};
use serde_json::Value;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rich.ndjson")
}

/// Records of each type in an NDJSON file (blank lines skipped).
fn count_types(text: &str) -> [usize; 4] {
    let mut n = [0; 4];
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("NDJSON line");
        let i = match v["type"].as_str() {
            Some("city") => 0,
            Some("network") => 1,
            Some("membership") => 2,
            Some("partnership") => 3,
            other => panic!("unexpected record type {other:?}"),
        };
        n[i] += 1;
    }
    n
}

/// Data rows of a CSV file (all lines but the header).
fn csv_rows(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).expect("reading CSV");
    text.lines().filter(|l| !l.is_empty()).count() - 1
}

fn import_report(stdout: &str) -> Value {
    serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("import report is not JSON ({e}): {stdout}"))
}

#[test]
fn export_then_import_reproduces_the_store_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let gen = tmp.path().join("gen");
    generate_small(&gen);
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    let fixture = fixture();

    let fixture_counts = count_types(&std::fs::read_to_string(&fixture).unwrap());
    let expected = [
        fixture_counts[0] + csv_rows(&gen.join("cities.csv")),
        fixture_counts[1] + csv_rows(&gen.join("networks.csv")),
        fixture_counts[2] + csv_rows(&gen.join("memberships.csv")),
        fixture_counts[3] + csv_rows(&gen.join("partnerships.csv")),
    ];
    let total: usize = expected.iter().sum();

    let first = cli_ok(
        &a,
        &["import", fixture.to_str().unwrap(), gen.to_str().unwrap()],
    );
    let report = import_report(&first.stdout);
    assert_eq!(report["created"].as_u64(), Some(total as u64), "{report}");
    assert_eq!(report["updated"].as_u64(), Some(0));
    assert_eq!(
        report["version"].as_u64(),
        Some(1),
        "one import is one commit"
    );

    let a_out = tmp.path().join("a.ndjson");
    let a_bytes = export(&a, &a_out);
    let a_text = String::from_utf8(a_bytes.clone()).expect("UTF-8 export");
    assert_eq!(
        count_types(&a_text),
        expected,
        "records per type in the export"
    );
    assert_eq!(a_text.lines().count(), total);
    assert!(a_text.ends_with('\n'));

    // Optional fields, partial dates, histories and non-ASCII names survive.
    for needle in [
        r#""name":"São Paulo""#,
        r#""wikidata":"Q90""#,
        r#""international_staff":42"#,
        r#""founded":"1990-09""#,
        r#""observed":["2015-04","2019"],"absent":["2022"]"#,
        r#""left":"2001-03-31""#,
        r#"{"type":"suspended","date":"2020-03","reason":"pandemic","initiated_by":"Chicago"}"#,
        r#""id":"br-sao-paulo--za-durban--friendship-city""#,
        r#""id":"rome-berlin-1962""#,
        r#""id":"custom-membership-1""#,
    ] {
        assert!(a_text.contains(needle), "the export lacks {needle}");
    }

    let second = cli_ok(&b, &["import", a_out.to_str().unwrap()]);
    let report = import_report(&second.stdout);
    assert_eq!(report["created"].as_u64(), Some(total as u64), "{report}");
    let b_bytes = export(&b, &tmp.path().join("b.ndjson"));
    assert!(
        a_bytes == b_bytes,
        "export -> import -> export differs (a: {} bytes, b: {} bytes); first differing line: {:?}",
        a_bytes.len(),
        b_bytes.len(),
        a_text
            .lines()
            .zip(String::from_utf8_lossy(&b_bytes).lines())
            .find(|(x, y)| x != y)
    );

    // Importing the same data again changes nothing, and says so.
    let again = cli_ok(
        &a,
        &["import", fixture.to_str().unwrap(), gen.to_str().unwrap()],
    );
    let report = import_report(&again.stdout);
    assert_eq!(report["created"].as_u64(), Some(0), "{report}");
    assert_eq!(report["updated"].as_u64(), Some(0), "{report}");
    assert_eq!(report["unchanged"].as_u64(), Some(total as u64), "{report}");
    assert_eq!(report["version"].as_u64(), Some(1), "no commit for a no-op");
    let again_bytes = export(&a, &tmp.path().join("a2.ndjson"));
    assert!(again_bytes == a_bytes, "a no-op import changed the export");

    // Re-importing the export of B into B is idempotent too.
    let report = import_report(&cli_ok(&b, &["import", a_out.to_str().unwrap()]).stdout);
    assert_eq!(
        (
            report["created"].as_u64(),
            report["updated"].as_u64(),
            report["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(total as u64)),
        "{report}"
    );
}

const GOOD_CITY: &str = r#"{"type":"city","id":"xx-new-a","name":"New A","country":"FR","region":"europe","lat":1.5,"lon":2.5}"#;
const GOOD_CITY_B: &str = r#"{"type":"city","id":"xx-new-b","name":"New B","country":"IT","region":"europe","lat":3.5,"lon":4.5}"#;

#[test]
fn a_rejected_import_names_the_line_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    cli_ok(&data, &["import", fixture().to_str().unwrap()]);
    let before = export(&data, &tmp.path().join("before.ndjson"));

    // Line 3: an impossible date; line 5: a link to a city that does not exist.
    let bad = tmp.path().join("bad.ndjson");
    std::fs::write(
        &bad,
        [
            GOOD_CITY,
            GOOD_CITY_B,
            r#"{"type":"partnership","cities":["xx-new-a","xx-new-b"],"events":[{"type":"established","date":"2019-02-30"}]}"#,
            r#"{"type":"network","id":"xx-net","name":"New network"}"#,
            r#"{"type":"partnership","cities":["xx-new-a","zz-nowhere"],"kind":"memorandum"}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let out = cli(&data, &["import", bad.to_str().unwrap()]);
    assert!(!out.success(), "a bad import must fail: {out:?}");
    assert!(out.code.is_some(), "it exits, it does not crash: {out:?}");
    let name = format!("{}:3", bad.display());
    assert!(
        out.stderr.contains(&name),
        "the message names {name}: {}",
        out.stderr
    );
    assert!(out.stderr.contains("2019-02-30"), "{}", out.stderr);

    // Every bad line of every file is named, not only the first one.
    let bad2 = tmp.path().join("bad2.ndjson");
    std::fs::write(
        &bad2,
        [
            r#"{"type":"city","id":"xx-new-c","name":"New C","country":"FR","region":"europe","lat":1.5,"lon":2.5}"#,
            r#"{"type":"town","id":"xx-new-d"}"#,
            r#"{"type":"membership","city":"xx-new-c","network":"c40","joined":"2019-13"}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let out = cli(
        &data,
        &["import", bad.to_str().unwrap(), bad2.to_str().unwrap()],
    );
    assert!(!out.success(), "{out:?}");
    for line in [
        format!("{}:3", bad.display()),
        format!("{}:2", bad2.display()),
        format!("{}:3", bad2.display()),
    ] {
        assert!(
            out.stderr.contains(&line),
            "the message names {line}: {}",
            out.stderr
        );
    }
    assert!(
        !out.stderr.contains(&format!("{}:1", bad2.display())),
        "good lines are not blamed: {}",
        out.stderr
    );

    // Every line parses, but line 5 refers to a missing city.
    let dangling = tmp.path().join("dangling.ndjson");
    std::fs::write(
        &dangling,
        [
            GOOD_CITY,
            GOOD_CITY_B,
            r#"{"type":"partnership","cities":["xx-new-a","xx-new-b"],"events":[{"type":"established","date":"2019-02-28"}]}"#,
            r#"{"type":"network","id":"xx-net","name":"New network"}"#,
            r#"{"type":"partnership","cities":["xx-new-a","zz-nowhere"],"kind":"memorandum"}"#,
            "",
        ]
        .join("\n"),
    )
    .unwrap();
    let out = cli(&data, &["import", dangling.to_str().unwrap()]);
    assert!(!out.success(), "a bad import must fail: {out:?}");
    let name = format!("{}:5", dangling.display());
    assert!(
        out.stderr.contains(&name),
        "the message names {name}: {}",
        out.stderr
    );
    assert!(out.stderr.contains("city_not_found"), "{}", out.stderr);
    assert!(
        !out.stderr.contains(&format!("{}:3", dangling.display())),
        "good lines are not blamed: {}",
        out.stderr
    );

    // A record that contradicts the store (a second active sister-city link) is rejected too.
    let dup = tmp.path().join("dup.ndjson");
    std::fs::write(
        &dup,
        format!(
            "{GOOD_CITY}\n{}\n",
            r#"{"type":"partnership","id":"paris-rome-again","cities":["it-rome","fr-paris"],"events":[{"type":"established","date":"2001"}]}"#
        ),
    )
    .unwrap();
    let out = cli(&data, &["import", dup.to_str().unwrap()]);
    assert!(!out.success(), "{out:?}");
    assert!(
        out.stderr.contains(&format!("{}:2", dup.display()))
            && out.stderr.contains("duplicate_partnership"),
        "{}",
        out.stderr
    );

    let after = export(&data, &tmp.path().join("after.ndjson"));
    assert!(before == after, "a rejected import changed the store");

    // A missing file is an error too, not a silent no-op.
    let out = cli(
        &data,
        &[
            "import",
            tmp.path().join("missing.ndjson").to_str().unwrap(),
        ],
    );
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("missing.ndjson"), "{}", out.stderr);
    let after = export(&data, &tmp.path().join("after2.ndjson"));
    assert!(before == after);
}
