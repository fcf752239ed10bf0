//! Fuzzing of the input parsers (issue 18): the NDJSON seed format (`read::parse_line`,
//! `read::read_ndjson`, the import's `parse_ndjson_all`), the CSV layout (`read_gen_graph_dir`), the
//! partial-date parser and the analytics query strings (`Query::from_query_string`, what every
//! analytics route and job runs after the query-string extractor).
//!
//! Inputs: the committed corpus in `tests/fuzz/corpus/` (hand-made hostile files: truncated and
//! overlong UTF-8, NUL, CRLF, a BOM, deep nesting, huge numbers, a long line), replayed on every run
//! through every parser, then generated cases: random bytes, mutations of valid documents and valid
//! documents. Properties: no parser panics; every error is structured (a stable snake_case code
//! of a known kind, or a file, a line within the input and a message); a valid generated document
//! parses, and its records, dates and queries round-trip. Finally the corpus, mutated documents and
//! the corpus' query strings are sent to a real server: 4xx answers are problem details with a
//! code, never a 5xx.
//!
//! `CITYGRAPH_FUZZ_CASES` sets the generated cases per property (default 1500, a few seconds each
//! in a debug build).

mod common;

use std::collections::BTreeSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use citygraph_core::{CoreError, PartialDate};
use citygraph_interchange::read::{self, Record};
use citygraph_service::analytics::request::{Query, QueryName};
use citygraph_service::import::parse_ndjson_all;
use citygraph_service::ErrorKind;
use common::{problem_shape_error, Server, TOKEN};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

fn cases() -> u32 {
    std::env::var("CITYGRAPH_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500)
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus")
}

/// Every corpus file, sorted by name.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(corpus_dir())
        .expect("the corpus folder tests/fuzz/corpus")
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    assert!(out.len() >= 30, "the corpus lost files: {}", out.len());
    out
}

/// A stable error code: lowercase ASCII words joined by `_`.
fn is_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit())
        && !code.starts_with('_')
        && !code.ends_with('_')
}

// ---------------------------------------------------------------------------------------------
// The checks every input goes through

/// The NDJSON parsers on `bytes`: the line parser on each line, the stream reader and the
/// import's collecting parser. Returns the records the import parser read.
fn check_ndjson(bytes: &[u8]) -> Vec<Record> {
    let lines = bytes.split(|b| *b == b'\n').count();
    match read::read_ndjson(Cursor::new(bytes), "input") {
        Ok(records) => {
            for (line, _) in &records {
                assert!(*line >= 1 && *line <= lines, "line {line} of {lines}");
            }
        }
        Err(e) => {
            assert_eq!(e.file, "input");
            assert!(e.line >= 1 && e.line <= lines, "line {} of {lines}", e.line);
            assert!(!e.message.is_empty());
        }
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        // The import route refuses a body that is not UTF-8 before parsing (400 invalid_body);
        // the server test below checks that answer.
        return Vec::new();
    };
    let text_lines = text.lines().count();
    let (records, problems) = parse_ndjson_all(text, "body");
    for p in &problems {
        assert_eq!(p.code, "invalid_record", "{p:?}");
        assert!(is_code(&p.code));
        assert!(p.line >= 1 && p.line <= text_lines, "{p:?}");
        assert!(!p.message.is_empty(), "{p:?}");
        // serde_json's own position suffix is rewritten: the line is the problem's.
        assert!(!p.message.contains(" at line 1 column"), "{p:?}");
    }
    for line in text.lines() {
        if let Ok(Some(r)) = read::parse_line(line) {
            check_record_round_trip(&r);
        }
    }
    records.into_iter().map(|l| l.record).collect()
}

/// A record read back from its own line is the same record, and its line is a fixpoint.
fn check_record_round_trip(r: &Record) {
    let line = r.to_line();
    let again = read::parse_line(&line)
        .unwrap_or_else(|e| panic!("a record's own line does not parse: {e}\n{line}"))
        .expect("a record's line is not blank");
    assert_eq!(&again, r, "{line}");
    assert_eq!(again.to_line(), line);
}

/// The date parser on `s`: a date, printed, parses to itself; an error is `invalid_date`.
fn check_date(s: &str) {
    match s.parse::<PartialDate>() {
        Ok(d) => {
            let printed = d.to_string();
            assert_eq!(printed.parse::<PartialDate>().unwrap(), d, "{s:?}");
            assert!(d.first_day() <= d.last_day());
            assert!(d.in_force_on(d.last_day()));
        }
        Err(e) => {
            assert!(matches!(e, CoreError::InvalidDate(_)), "{s:?}: {e:?}");
            assert_eq!(e.code(), "invalid_date");
        }
    }
    match citygraph_service::analytics::request::parse_as_of(Some(s)) {
        Ok(_) => {}
        Err(e) => {
            assert_eq!(e.code(), "invalid_date", "{s:?}");
            assert_eq!(e.kind(), ErrorKind::BadRequest);
        }
    }
}

/// Every analytics query parser on the query string `qs` (and `qs` as a per-city id).
fn check_query(qs: &str) {
    for name in QueryName::ALL {
        for id in ["fr-paris", qs] {
            match Query::from_query_string(name, id, qs) {
                Ok(q) => assert_eq!(q.name(), name),
                Err(e) => {
                    assert!(is_code(e.code()), "{name:?} {qs:?}: code {:?}", e.code());
                    assert!(
                        matches!(e.kind(), ErrorKind::BadRequest | ErrorKind::Invalid),
                        "{name:?} {qs:?}: {:?} {e}",
                        e.kind()
                    );
                    assert!(!e.to_string().is_empty());
                }
            }
        }
    }
}

const CSV_FILES: [&str; 4] = [
    "cities.csv",
    "networks.csv",
    "memberships.csv",
    "partnerships.csv",
];

const CSV_HEADERS: [&str; 4] = [
    "id,name,country,region,lat,lon,population\n",
    "id,name,kind,region,founded\n",
    "city,network,joined,left\n",
    "a,b,established,lapsed\n",
];

/// The CSV reader on a folder whose four files are `files` (`None`: the file is missing).
fn read_csv(files: [Option<&[u8]>; 4]) -> Result<Vec<Record>, read::ReadError> {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in CSV_FILES.iter().zip(files) {
        if let Some(b) = bytes {
            std::fs::write(dir.path().join(name), b).unwrap();
        }
    }
    let out = read::read_gen_graph_dir(dir.path());
    if let Err(e) = &out {
        let named = CSV_FILES
            .iter()
            .position(|n| Path::new(&e.file).file_name().is_some_and(|f| f == *n));
        let Some(k) = named else {
            panic!("an error names no input file: {e:?}")
        };
        let lines = files[k].map_or(0, |b| b.split(|c| *c == b'\n').count());
        assert!(e.line <= lines.max(1), "{e:?} of {lines} lines");
        assert!(!e.message.is_empty());
    }
    out
}

/// `bytes` as each of the four CSV files in turn, the others valid and empty.
fn check_csv(bytes: &[u8]) {
    for k in 0..4 {
        let mut files: [Option<&[u8]>; 4] = CSV_HEADERS.map(|h| Some(h.as_bytes()));
        files[k] = Some(bytes);
        if let Ok(records) = read_csv(files) {
            for r in &records {
                check_record_round_trip(r);
            }
        }
    }
}

fn check_all(bytes: &[u8]) {
    check_ndjson(bytes);
    let text = String::from_utf8_lossy(bytes);
    check_date(&text);
    for line in text.lines().take(64) {
        check_date(line);
        check_query(line);
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus

#[test]
fn the_corpus_goes_through_every_parser_without_a_panic_or_an_unstructured_error() {
    let corpus = corpus();
    for (name, bytes) in &corpus {
        let run = std::panic::catch_unwind(|| {
            check_all(bytes);
            check_csv(bytes);
        });
        assert!(run.is_ok(), "corpus file {name} failed");
    }
    // The valid files of the corpus are read as valid: the replay is not vacuous.
    let small = &corpus
        .iter()
        .find(|(n, _)| n == "valid-small.ndjson")
        .unwrap()
        .1;
    let records = check_ndjson(small);
    assert_eq!(records.len(), 17);
    read::snapshot_from_records(records).expect("the fixture is a consistent graph");
    let many = &corpus
        .iter()
        .find(|(n, _)| n == "many-lines.ndjson")
        .unwrap()
        .1;
    assert_eq!(check_ndjson(many).len(), 400);
    let crlf = &corpus.iter().find(|(n, _)| n == "crlf.ndjson").unwrap().1;
    assert_eq!(check_ndjson(crlf).len(), 2, "CRLF line ends are read");
    println!("fuzz corpus: {} files replayed", corpus.len());
}

// ---------------------------------------------------------------------------------------------
// Generated valid documents

fn date_strategy() -> impl Strategy<Value = PartialDate> {
    (1i32..=9999, 0u8..=12, 0u8..=31).prop_map(|(y, m, d)| {
        if m == 0 {
            PartialDate::year(y).unwrap()
        } else if d == 0 {
            PartialDate::month(y, m).unwrap()
        } else {
            let last = citygraph_core::date::days_in_month(y, m);
            PartialDate::day(y, m, d.min(last)).unwrap()
        }
    })
}

const COUNTRIES: [&str; 6] = ["FR", "DE", "US", "JP", "BR", "ZA"];
const REGIONS: [&str; 5] = [
    "europe",
    "north-america",
    "asia-pacific",
    "south-america",
    "africa-middle-east",
];

/// A consistent document: cities, networks, memberships and links between distinct pairs, with
/// names of any printable text and dates of every precision.
#[derive(Clone, Debug)]
struct Doc {
    lines: Vec<serde_json::Value>,
    cities: usize,
}

fn name_strategy() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ一-龥][A-Za-zÀ-ÿ一-龥 ,'\"\\-./()]{0,24}"
}

fn doc_strategy() -> impl Strategy<Value = Doc> {
    let city = (
        name_strategy(),
        0usize..COUNTRIES.len(),
        0usize..REGIONS.len(),
        -90.0f64..=90.0,
        -180.0f64..=180.0,
        proptest::option::of(0u64..40_000_000),
    );
    (
        proptest::collection::vec(city, 2..12),
        proptest::collection::vec((name_strategy(), proptest::option::of(1800i32..2024)), 1..4),
        proptest::collection::vec((any::<u16>(), any::<u8>(), 1900i32..2000, 0i32..30), 0..10),
        proptest::collection::vec((any::<u16>(), 1usize..5, date_strategy(), any::<bool>()), 0..10),
    )
        .prop_map(|(cities, networks, memberships, links)| {
            let n = cities.len();
            let mut lines = Vec::new();
            let ids: Vec<String> = cities
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}-c{i}", COUNTRIES[c.1].to_lowercase()))
                .collect();
            for (i, (name, cc, region, lat, lon, pop)) in cities.into_iter().enumerate() {
                let mut c = serde_json::json!({"type": "city", "id": ids[i], "name": name,
                    "country": COUNTRIES[cc], "region": REGIONS[region], "lat": lat, "lon": lon});
                if let Some(p) = pop {
                    c["population"] = p.into();
                }
                lines.push(c);
            }
            for (i, (name, founded)) in networks.iter().enumerate() {
                let mut v = serde_json::json!({"type": "network", "id": format!("net-{i}"), "name": name});
                if let Some(y) = founded {
                    v["founded"] = format!("{y:04}").into();
                }
                lines.push(v);
            }
            let mut member_pairs = BTreeSet::new();
            for (c, net, joined, span) in memberships {
                let city = &ids[c as usize % n];
                let network = format!("net-{}", net as usize % networks.len());
                if !member_pairs.insert((city.clone(), network.clone())) {
                    continue;
                }
                lines.push(serde_json::json!({"type": "membership", "city": city,
                    "network": network, "joined": format!("{joined}"),
                    "left": format!("{}", joined + span)}));
            }
            let mut link_pairs = BTreeSet::new();
            for (a, step, date, ended) in links {
                let a = a as usize % n;
                let b = (a + step % (n - 1).max(1)) % n;
                let pair = (a.min(b), a.max(b));
                if a == b || !link_pairs.insert(pair) {
                    continue;
                }
                let mut events = vec![serde_json::json!({"type": "established", "date": date.to_string()})];
                if ended && date.year_part() < 9999 {
                    let end = PartialDate::year(date.year_part() + 1).unwrap();
                    events.push(serde_json::json!({"type": "terminated", "date": end.to_string(),
                        "reason": "a \"quoted\"\treason\u{0}"}));
                }
                lines.push(serde_json::json!({"type": "partnership",
                    "cities": [ids[pair.0], ids[pair.1]], "kind": "sister_city", "events": events}));
            }
            Doc { lines, cities: n }
        })
}

fn doc_bytes(doc: &Doc, crlf: bool) -> Vec<u8> {
    let end = if crlf { "\r\n" } else { "\n" };
    doc.lines
        .iter()
        .map(|l| format!("{l}{end}"))
        .collect::<String>()
        .into_bytes()
}

#[test]
fn valid_generated_documents_parse_and_round_trip() {
    let mut runner = runner(cases());
    runner
        .run(&(doc_strategy(), any::<bool>()), |(doc, crlf)| {
            let bytes = doc_bytes(&doc, crlf);
            let text = std::str::from_utf8(&bytes).unwrap();
            let (records, problems) = parse_ndjson_all(text, "doc");
            prop_assert!(problems.is_empty(), "{problems:?}\n{text}");
            prop_assert_eq!(records.len(), doc.lines.len());
            let records: Vec<Record> = records.into_iter().map(|l| l.record).collect();
            for r in &records {
                check_record_round_trip(r);
            }
            // Written out again, the document reads back to the same records.
            let again: String = records.iter().map(|r| r.to_line() + "\n").collect();
            let (back, problems) = parse_ndjson_all(&again, "again");
            prop_assert!(problems.is_empty());
            let back: Vec<Record> = back.into_iter().map(|l| l.record).collect();
            prop_assert_eq!(&back, &records);
            let snap = read::snapshot_from_records(records)
                .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            prop_assert_eq!(snap.cities.len(), doc.cities);
            Ok(())
        })
        .unwrap();
}

#[test]
fn valid_dates_round_trip_and_any_text_is_a_date_or_invalid_date() {
    let mut runner = runner(cases() * 4);
    runner
        .run(&date_strategy(), |d| {
            let s = d.to_string();
            prop_assert_eq!(s.parse::<PartialDate>().unwrap(), d);
            check_date(&s);
            Ok(())
        })
        .unwrap();
    let text = prop_oneof![
        any::<String>(),
        "[0-9]{0,5}(-[0-9]{0,3}){0,3}",
        "[0-9\\-+ T:Z\\x00٠-٩０-９]{0,12}",
    ];
    runner
        .run(&text, |s| {
            check_date(&s);
            Ok(())
        })
        .unwrap();
}

/// Valid query strings of every query, and hostile ones.
#[test]
fn query_strings_parse_or_fail_with_a_stable_code() {
    let valid = (
        date_strategy(),
        1usize..20,
        1900i32..2000,
        0i32..20,
        prop_oneof![Just("region"), Just("country")],
    )
        .prop_map(|(d, top, from, span, by)| {
            let to = from + span;
            vec![
                (
                    QueryName::Centrality,
                    format!("metric=betweenness&top={top}&as_of={d}"),
                ),
                (
                    QueryName::Components,
                    format!("members=true&top={top}&as_of={d}"),
                ),
                (
                    QueryName::Path,
                    format!("from=us-chicago&to=pl-warsaw&as_of={d}"),
                ),
                (QueryName::Neighbourhood, format!("depth=2&as_of={d}")),
                (
                    QueryName::Overlap,
                    format!("networks=c40%2Ciclei&as_of={d}"),
                ),
                (QueryName::TopPairs, format!("top={top}&as_of={d}")),
                (QueryName::Saturation, format!("by={by}&as_of={d}")),
                (
                    QueryName::SaturationTimeline,
                    format!("from={from}&to={to}&by={by}"),
                ),
                (QueryName::SimilarCities, format!("top={top}&as_of={d}")),
                (
                    QueryName::NetworkRecommendations,
                    format!("top={top}&as_of={d}"),
                ),
                (QueryName::Lapses, format!("from={from}&to={to}")),
                (QueryName::Survival, "group_by=decade".to_owned()),
                (
                    QueryName::Timeline,
                    format!("from={from}&to={to}&by=region"),
                ),
                (QueryName::CityTimeline, String::new()),
            ]
        });
    let mut runner = runner(cases());
    runner
        .run(&valid, |queries| {
            for (name, qs) in queries {
                let q = Query::from_query_string(name, "us-chicago", &qs)
                    .map_err(|e| TestCaseError::fail(format!("{name:?} {qs}: {e}")))?;
                prop_assert_eq!(q.name(), name);
            }
            Ok(())
        })
        .unwrap();
    let key = prop_oneof![
        proptest::sample::select(vec![
            "as_of", "top", "metric", "from", "to", "by", "networks", "depth", "region", "country",
            "kind", "members", "sample", "group_by", "id",
        ])
        .prop_map(str::to_owned),
        "[a-z_%]{1,8}",
    ];
    let value = prop_oneof![
        "[0-9\\-]{0,24}",
        "%[0-9A-Fa-f]{0,2}[^&=]{0,6}",
        any::<String>().prop_map(|s| s.replace(['&', '='], "")),
        Just("18446744073709551616".to_owned()),
        Just("-9223372036854775809".to_owned()),
        Just("NaN".to_owned()),
    ];
    let hostile = proptest::collection::vec((key, value, any::<bool>()), 0..6).prop_map(|kv| {
        kv.into_iter()
            .map(|(k, v, eq)| {
                if eq {
                    format!("{k}={v}")
                } else {
                    format!("{k}{v}")
                }
            })
            .collect::<Vec<_>>()
            .join("&")
    });
    runner
        .run(&hostile, |qs| {
            check_query(&qs);
            Ok(())
        })
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// Mutations and random bytes

/// A byte-level edit of a document.
#[derive(Clone, Debug)]
enum Edit {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

fn nasty() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"\x00".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\xef\xbb\xbf".to_vec()),
        Just(b"\xc3".to_vec()),
        Just(b"\xed\xa0\x80".to_vec()),
        Just(b"\\ud800".to_vec()),
        Just(b"1e99999".to_vec()),
        Just(b"-0".to_vec()),
        Just(b"99999999999999999999999".to_vec()),
        Just(b"[[[[[[[[[[[[[[[[".to_vec()),
        Just(b"{\"a\":{\"a\":{\"a\":".to_vec()),
        Just(b"\",\"".to_vec()),
        Just(b"null".to_vec()),
        Just(b"\n".to_vec()),
        proptest::collection::vec(any::<u8>(), 1..8),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), nasty()).prop_map(|(i, b)| Edit::Insert(i, b)),
        (any::<usize>(), 1usize..16).prop_map(|(i, n)| Edit::Delete(i, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len().max(1);
        match e {
            Edit::Flip(i, b) => {
                if !bytes.is_empty() {
                    let i = i % len;
                    bytes[i] ^= b | 1;
                }
            }
            Edit::Truncate(i) => bytes.truncate(i % len),
            Edit::Insert(i, b) => {
                let i = i % (bytes.len() + 1);
                bytes.splice(i..i, b.iter().copied());
            }
            Edit::Delete(i, n) => {
                let i = i % len;
                let end = (i + n).min(bytes.len());
                if i < end {
                    bytes.drain(i..end);
                }
            }
        }
    }
    bytes
}

fn mutated() -> impl Strategy<Value = Vec<u8>> {
    (doc_strategy(), proptest::collection::vec(edit(), 1..6))
        .prop_map(|(doc, edits)| apply(doc_bytes(&doc, false), &edits))
}

#[test]
fn mutated_documents_and_random_bytes_never_panic_and_fail_with_structure() {
    let mut runner = runner(cases());
    runner
        .run(&mutated(), |bytes| {
            check_ndjson(&bytes);
            Ok(())
        })
        .unwrap();
    runner
        .run(&proptest::collection::vec(any::<u8>(), 0..512), |bytes| {
            check_all(&bytes);
            Ok(())
        })
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// CSV

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The CSV folder of a generated document (cities, networks with a founding year, memberships,
/// links), and what reading it must give.
fn csv_of(doc: &Doc) -> ([String; 4], Vec<(String, String)>) {
    let mut files = CSV_HEADERS.map(str::to_owned);
    let mut expect = Vec::new();
    for l in &doc.lines {
        let s = |k: &str| l[k].as_str().unwrap_or("").to_owned();
        match l["type"].as_str().unwrap() {
            "city" => {
                let pop = l["population"]
                    .as_u64()
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                files[0] += &format!(
                    "{},{},{},{},{},{},{pop}\n",
                    s("id"),
                    csv_field(&s("name")),
                    s("country"),
                    s("region"),
                    l["lat"],
                    l["lon"]
                );
                expect.push(("city".to_owned(), s("id")));
            }
            "network" => {
                files[1] += &format!(
                    "{},{},global,,{}\n",
                    s("id"),
                    csv_field(&s("name")),
                    s("founded")
                );
                expect.push(("network".to_owned(), s("id")));
            }
            "membership" => {
                files[2] += &format!(
                    "{},{},{},{}\n",
                    s("city"),
                    s("network"),
                    s("joined"),
                    s("left")
                );
                expect.push((
                    "membership".to_owned(),
                    format!("{}@{}", s("city"), s("network")),
                ));
            }
            _ => {
                let ev = l["events"].as_array().unwrap();
                let year = |k: usize| {
                    ev.get(k)
                        .map(|e| {
                            e["date"]
                                .as_str()
                                .unwrap()
                                .parse::<PartialDate>()
                                .unwrap()
                                .to_string()
                        })
                        .unwrap_or_default()
                };
                let c = &l["cities"];
                files[3] += &format!(
                    "{},{},{},{}\n",
                    c[0].as_str().unwrap(),
                    c[1].as_str().unwrap(),
                    year(0),
                    year(1)
                );
                expect.push(("partnership".to_owned(), format!("{}~{}", c[0], c[1])));
            }
        }
    }
    (files, expect)
}

#[test]
fn csv_folders_read_or_fail_at_a_line_and_valid_ones_read_back() {
    let mut runner = runner((cases() / 6).max(20));
    runner
        .run(&doc_strategy(), |doc| {
            let (files, expect) = csv_of(&doc);
            let records = read_csv(files.each_ref().map(|f| Some(f.as_bytes())))
                .map_err(|e| TestCaseError::fail(format!("{e}\n{files:?}")))?;
            prop_assert_eq!(records.len(), expect.len());
            for r in &records {
                check_record_round_trip(r);
            }
            let names: Vec<String> = records
                .iter()
                .filter_map(|r| match r {
                    Record::City(c) => Some(c.name.clone()),
                    _ => None,
                })
                .collect();
            let want: Vec<String> = doc
                .lines
                .iter()
                .filter(|l| l["type"] == "city")
                .map(|l| l["name"].as_str().unwrap().to_owned())
                .collect();
            prop_assert_eq!(names, want);
            read::snapshot_from_records(records).map_err(|e| TestCaseError::fail(e.to_string()))?;
            Ok(())
        })
        .unwrap();
    runner
        .run(
            &(
                doc_strategy(),
                0usize..4,
                proptest::collection::vec(edit(), 1..5),
                any::<bool>(),
            ),
            |(doc, k, edits, drop_file)| {
                let (files, _) = csv_of(&doc);
                let broken = apply(files[k].clone().into_bytes(), &edits);
                let mut inputs: [Option<&[u8]>; 4] = files.each_ref().map(|f| Some(f.as_bytes()));
                inputs[k] = if drop_file { None } else { Some(&broken) };
                if let Ok(records) = read_csv(inputs) {
                    for r in &records {
                        check_record_round_trip(r);
                    }
                }
                Ok(())
            },
        )
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// The real server

#[track_caller]
fn expect_client_answer(what: &str, r: &common::Resp) {
    assert!(r.status < 500, "{what}: {} {}", r.status, r.text());
    if r.status >= 400 {
        if let Some(e) = problem_shape_error(r) {
            panic!("{what}: {e}");
        }
        assert!(
            is_code(r.json["code"].as_str().unwrap()),
            "{what}: {}",
            r.text()
        );
    }
}

#[test]
fn the_import_endpoint_and_the_analytics_routes_answer_hostile_input_with_problem_details() {
    let server = Server::start();
    let auth = format!("Bearer {TOKEN}");
    let headers = [
        ("authorization", auth.as_str()),
        ("content-type", "application/x-ndjson"),
    ];
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    let mut post = |what: &str, body: Vec<u8>| {
        let r = server.raw("POST", "/v1/import", &headers, Some(body));
        expect_client_answer(what, &r);
        if r.status == 422 {
            assert_eq!(r.json["code"], "import_rejected", "{what}: {}", r.text());
            assert!(
                r.json["problems"].as_array().is_some_and(|p| !p.is_empty()),
                "{what}: {}",
                r.text()
            );
        }
        *statuses.entry(r.status).or_default() += 1;
        r.status
    };
    let corpus = corpus();
    for (name, bytes) in &corpus {
        let status = post(name, bytes.clone());
        if name == "truncated-utf8-mid.ndjson" || name == "overlong-utf8.ndjson" {
            assert_eq!(status, 400, "{name}");
        }
        if name == "many-lines.ndjson" {
            assert_eq!(status, 200, "{name}");
        }
    }
    // A sample of mutated documents.
    let mut runner = runner(60);
    let strategy = mutated();
    for _ in 0..60 {
        let bytes = strategy.new_tree(&mut runner).unwrap().current();
        post("a mutated document", bytes);
    }
    println!("fuzz server: import answers by status {statuses:?}");
    // The corpus' query strings on the analytics routes.
    let qs = &corpus
        .iter()
        .find(|(n, _)| n == "query-strings.txt")
        .unwrap()
        .1;
    let routes = [
        "/v1/analytics/centrality",
        "/v1/analytics/overlap",
        "/v1/analytics/lapses",
        "/v1/analytics/timeline",
        "/v1/cities/fr-c1/similar",
        "/v1/paths",
        "/v1/cities",
        "/v1/changes",
    ];
    for line in String::from_utf8_lossy(qs).lines() {
        for route in routes {
            let path = format!("{route}?{}", line.replace([' ', '\r', '#'], "%20"));
            let r = server.get(&path);
            expect_client_answer(&path, &r);
        }
    }
    assert!(
        !server.log().contains("panicked"),
        "the server panicked:\n{}",
        server.log()
    );
}
