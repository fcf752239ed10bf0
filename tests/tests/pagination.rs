//! Lists: one contract, end to end over HTTP on the real binary. Every list and ranked result is
//! paged by `limit` and `cursor` with a `next` link; the pages partition the whole answer; a bad
//! cursor or limit is a 400 problem; `status` means and defaults the same on every route; `as_of`
//! is valid time on the history reads too.

mod common;

use std::collections::BTreeSet;

use common::{assert_problem_shape, city_json, Server};
use serde_json::{json, Value};

const HUB: &str = "fr-hub";

/// The hub and its partners: (partner, events). `c` is suspended today, `d` ended in 2005, `e`
/// was signed only in 2010; `p1`--`p2` is a second component and `q` is alone.
fn seeded() -> Server {
    let s = Server::start();
    for id in [
        "fr-hub", "fr-a", "fr-b", "fr-c", "fr-d", "fr-e", "fr-f", "fr-g",
    ]
    .into_iter()
    .chain(["fr-p1", "fr-p2", "fr-q"])
    {
        s.post(
            "/v1/cities",
            &city_json(id, &id.to_uppercase(), "FR", "europe", 10.0, 20.0),
        )
        .expect(201);
    }
    let dated = |date: &str| json!([{"type": "established", "date": date}]);
    for (other, events) in [
        ("fr-a", dated("1990")),
        ("fr-b", dated("1995")),
        (
            "fr-c",
            json!([{"type": "established", "date": "1990"}, {"type": "suspended", "date": "2015"}]),
        ),
        (
            "fr-d",
            json!([{"type": "established", "date": "1992"}, {"type": "terminated", "date": "2005"}]),
        ),
        ("fr-e", dated("2010")),
        ("fr-f", dated("1998")),
        ("fr-g", dated("2001")),
    ] {
        s.post(
            "/v1/partnerships",
            &json!({"cities": [HUB, other], "kind": "sister_city", "events": events}),
        )
        .expect(201);
    }
    s.post(
        "/v1/partnerships",
        &json!({"cities": ["fr-p1", "fr-p2"], "kind": "sister_city", "events": dated("1990")}),
    )
    .expect(201);
    for n in ["net", "n1", "n2", "n3"] {
        s.post("/v1/networks", &json!({"id": n, "name": n.to_uppercase()}))
            .expect(201);
    }
    for c in [HUB, "fr-a", "fr-b", "fr-c", "fr-d", "fr-e", "fr-f"] {
        s.post(
            "/v1/memberships",
            &json!({"city": c, "network": "net", "joined": "1991"}),
        )
        .expect(201);
    }
    for n in ["n1", "n2", "n3"] {
        s.post(
            "/v1/memberships",
            &json!({"city": HUB, "network": n, "joined": "1999"}),
        )
        .expect(201);
    }
    s
}

fn with(path: &str, param: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}{param}")
}

fn rows(v: &Value, field: &str) -> Vec<Value> {
    v[field]
        .as_array()
        .unwrap_or_else(|| panic!("no list {field:?} in {v}"))
        .clone()
}

/// Walks every page of `path` at `limit` rows a page and checks the contract: full pages but the
/// last, `next` on every page but the last, and the pages together the unpaged answer, once each.
fn walk(s: &Server, path: &str, field: &str, limit: usize) -> Vec<Value> {
    let whole = s.get(path);
    whole.expect(200);
    assert!(
        whole.json.get("next").is_none_or(Value::is_null),
        "{path}: the whole answer fits one page here"
    );
    let whole = rows(&whole.json, field);
    let mut seen = Vec::new();
    let mut url = with(path, &format!("limit={limit}"));
    let mut pages = 0;
    loop {
        let r = s.get(&url);
        r.expect(200);
        let page = rows(&r.json, field);
        pages += 1;
        assert!(page.len() <= limit, "{url}: {} rows", page.len());
        seen.extend(page.iter().cloned());
        match r.json.get("next").and_then(Value::as_str) {
            Some(next) => {
                assert_eq!(page.len(), limit, "{url}: only the last page is short");
                assert!(next.contains(&format!("limit={limit}")), "{next}");
                url = next.to_owned();
            }
            None => break,
        }
        assert!(pages <= whole.len() + 1, "{path}: the pages never end");
    }
    let distinct: BTreeSet<String> = seen.iter().map(Value::to_string).collect();
    assert_eq!(distinct.len(), seen.len(), "{path}: a row on two pages");
    assert_eq!(
        seen, whole,
        "{path}: the pages are the whole answer, in order"
    );
    assert_eq!(pages, whole.len().div_ceil(limit).max(1), "{path}: pages");
    whole
}

/// Every paged list of the API: (path, field with the rows).
const LISTS: &[(&str, &str)] = &[
    ("/v1/cities", "items"),
    ("/v1/networks", "items"),
    ("/v1/memberships", "items"),
    ("/v1/partnerships?status=all", "items"),
    ("/v1/cities/fr-hub/partners?status=all", "partners"),
    ("/v1/cities/fr-hub/networks?all=true", "networks"),
    ("/v1/networks/net/members", "members"),
    ("/v1/analytics/centrality?metric=degree", "results"),
    ("/v1/analytics/components?members=true", "components"),
    ("/v1/analytics/lapses?by=year&from=1985&to=2024", "rows"),
    ("/v1/analytics/timeline?from=1985&to=2024", "series"),
    ("/v1/cities/fr-hub/timeline", "entries"),
];

#[test]
fn every_list_pages_into_its_whole_answer() {
    let s = seeded();
    for &(path, field) in LISTS {
        let whole = walk(&s, path, field, 1);
        assert!(!whole.is_empty(), "{path}: empty");
        for limit in [2, 3, 7] {
            walk(&s, path, field, limit);
        }
    }
    // The sizes the walks covered.
    let count = |path: &str, field: &str| rows(&s.get(path).json, field).len();
    assert_eq!(count("/v1/cities", "items"), 11);
    assert_eq!(
        count("/v1/cities/fr-hub/partners?status=all", "partners"),
        7
    );
    assert_eq!(count("/v1/networks/net/members", "members"), 7);
    assert_eq!(count("/v1/cities/fr-hub/networks", "networks"), 4);
    assert_eq!(
        count("/v1/analytics/centrality?metric=degree", "results"),
        11
    );
    assert_eq!(
        count("/v1/analytics/lapses?by=year&from=1985&to=2024", "rows"),
        40
    );
    // A sub-list's `count` is the whole list's, on every page.
    let r = s.get("/v1/cities/fr-hub/partners?status=all&limit=2");
    assert_eq!(r.json["count"], 7);
    assert_eq!(rows(&r.json, "partners").len(), 2);
}

#[test]
fn a_bad_cursor_or_limit_is_a_problem_on_every_list() {
    let s = seeded();
    for &(path, _) in LISTS {
        for cursor in ["nope", "0", "999"] {
            let r = s.get(&with(path, &format!("cursor={cursor}")));
            r.expect_problem(400, "invalid_cursor");
            assert_problem_shape(&r);
            assert!(
                r.header("content-type")
                    .is_some_and(|c| c.starts_with("application/problem+json")),
                "{path}: {:?}",
                r.header("content-type")
            );
        }
        for limit in ["0", "1001", "many"] {
            let r = s.get(&with(path, &format!("limit={limit}")));
            assert_eq!(r.status, 400, "{path} limit={limit}: {}", r.json);
            assert_problem_shape(&r);
        }
        // The largest limit is the same everywhere.
        s.get(&with(path, "limit=1000")).expect(200);
    }
}

fn partner_ids(s: &Server, query: &str) -> Vec<String> {
    let r = s.get(&format!("/v1/cities/{HUB}/partners{query}"));
    r.expect(200);
    rows(&r.json, "partners")
        .iter()
        .map(|p| p["city"]["id"].as_str().unwrap().to_owned())
        .collect()
}

fn partnership_ids(s: &Server, query: &str) -> BTreeSet<String> {
    let r = s.get(&format!("/v1/partnerships{query}"));
    r.expect(200);
    rows(&r.json, "items")
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn status_defaults_to_in_force_on_every_route() {
    let s = seeded();
    // Partners: in force today is every link but the ended one; the suspended one stays.
    let default = partner_ids(&s, "");
    assert_eq!(default, partner_ids(&s, "?status=in_force"));
    assert_eq!(
        default,
        ["fr-a", "fr-b", "fr-c", "fr-e", "fr-f", "fr-g"],
        "by name"
    );
    assert_ne!(default, partner_ids(&s, "?status=all"));
    assert_ne!(default, partner_ids(&s, "?status=active"));
    // The partnership list: the same default.
    let default = partnership_ids(&s, "");
    assert_eq!(default, partnership_ids(&s, "?status=in_force"));
    assert_eq!(default.len(), 7);
    assert!(!default.contains("fr-d--fr-hub"));
    assert!(default.contains("fr-c--fr-hub"));
    assert_eq!(partnership_ids(&s, "?status=all").len(), 8);
    // The exports: the same default.
    let edges = |q: &str| {
        let r = s.get(&format!("/v1/export/edges.csv{q}"));
        r.expect(200);
        r.text()
    };
    let default = edges("");
    assert_eq!(default, edges("?status=in_force"));
    assert!(
        default.contains("fr-c") && !default.contains("fr-d"),
        "{default}"
    );
    assert_ne!(default, edges("?status=all"));
    // One set of values: every route refuses the same unknown value.
    for path in [
        "/v1/cities/fr-hub/partners",
        "/v1/partnerships",
        "/v1/export/edges.csv",
    ] {
        let r = s.get(&format!("{path}?status=maybe"));
        assert_eq!(r.status, 400, "{path}: {}", r.json);
    }
}

#[test]
fn as_of_is_valid_time_on_the_history_reads() {
    let s = seeded();
    // Lapses: on 2000-06-01 the links of 2001 and 2010 were not yet signed, the end of 2005 unknown.
    let lapses = "/v1/analytics/lapses?by=year&from=1985&to=2024";
    let now = s.get(lapses);
    now.expect(200);
    let then = s.get(&with(lapses, "as_of=2000-06-01"));
    then.expect(200);
    assert_eq!(now.json["total"]["established"], 8);
    assert_eq!(now.json["total"]["terminated"], 1);
    assert_eq!(then.json["total"]["established"], 6);
    assert_eq!(then.json["total"]["terminated"], 0);
    let year = |r: &Value, y: i64| {
        rows(r, "rows")
            .into_iter()
            .find(|row| row["year"] == y)
            .unwrap_or_else(|| panic!("no row for {y}"))
    };
    assert_eq!(year(&now.json, 2010)["established"], 1);
    assert_eq!(year(&then.json, 2010)["established"], 0);

    // Timeline: links active at the end of 2010.
    let timeline = "/v1/analytics/timeline?metric=active_links&from=1985&to=2024";
    let point = |r: &Value, y: i64| {
        rows(&r["series"][0], "points")
            .into_iter()
            .find(|p| p["year"] == y)
            .unwrap_or_else(|| panic!("no point for {y}"))["value"]
            .clone()
    };
    let now = s.get(timeline);
    now.expect(200);
    let then = s.get(&with(timeline, "as_of=2000-06-01"));
    then.expect(200);
    // Now: a, b, c, e, f, g and p1--p2 (d ended in 2005); then: a, b, c, d, f and p1--p2.
    assert_eq!(point(&now.json, 2010), 7);
    assert_eq!(point(&then.json, 2010), 6);

    // The city timeline: only what had happened by then.
    let now = s.get("/v1/cities/fr-hub/timeline");
    now.expect(200);
    let then = s.get("/v1/cities/fr-hub/timeline?as_of=1999-12-31");
    then.expect(200);
    let before_2000: Vec<Value> = rows(&now.json, "entries")
        .into_iter()
        .filter(|e| e["date"].as_str().unwrap()[..4].parse::<i32>().unwrap() < 2000)
        .collect();
    let then = rows(&then.json, "entries");
    assert_eq!(then, before_2000);
    assert!(then.len() < rows(&now.json, "entries").len());
    assert!(then.iter().all(|e| e["partner"] != "fr-e"));

    // The partners on a day before a link was signed, for comparison.
    assert!(!partner_ids(&s, "?as_of=2000-06-01").contains(&"fr-e".to_owned()));

    for path in [
        "/v1/analytics/lapses",
        "/v1/analytics/timeline",
        "/v1/cities/fr-hub/timeline",
    ] {
        s.get(&format!("{path}?as_of=2000-13-45"))
            .expect_problem(400, "invalid_date");
    }
}
