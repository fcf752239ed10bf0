//! End to end over HTTP: the real binary on a loopback port with a real data folder.

mod common;

use std::collections::BTreeSet;

use common::{assert_problem_shape, city_json, Resp, Server, ServerOptions, TOKEN};
use serde_json::{json, Value};

fn ids(items: &Value) -> Vec<String> {
    items
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v["id"].as_str().expect("an id").to_owned())
        .collect()
}

/// City ids of a partners answer.
fn partner_ids(r: &Resp) -> Vec<String> {
    r.expect(200);
    r.json["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["city"]["id"].as_str().unwrap().to_owned())
        .collect()
}

fn graph_version(r: &Resp) -> u64 {
    r.header("x-graph-version")
        .unwrap_or_else(|| panic!("no X-Graph-Version header (status {})", r.status))
        .parse()
        .expect("X-Graph-Version is a number")
}

fn create_city(s: &Server, id: &str, name: &str, country: &str) -> Resp {
    let r = s.post(
        "/v1/cities",
        &city_json(id, name, country, "europe", 10.5, 20.25),
    );
    r.expect(201);
    r
}

#[test]
fn cities_crud_with_merge_patch_and_cascading_delete() {
    let s = Server::start();
    let paris = json!({
        "id": "fr-paris", "name": "Paris", "country": "FR", "region": "europe",
        "lat": 48.8566, "lon": 2.3522, "population": 2102650, "wikidata": "Q90",
        "capacity": {"international_office": true, "strategy": "stand_alone"},
        "sources": ["https://www.paris.fr/"]
    });
    let r = s.post("/v1/cities", &paris);
    r.expect(201);
    assert_eq!(r.json, paris, "the created city is returned as stored");
    let v1 = graph_version(&r);
    assert_eq!(v1, 1);

    let r = s.get("/v1/cities/fr-paris");
    r.expect(200);
    assert_eq!(r.json, paris);
    assert_eq!(r.header("content-type"), Some("application/json"));

    // RFC 7386: set population, remove wikidata, merge into capacity, keep the rest.
    let r = s.write(
        "PATCH",
        "/v1/cities/fr-paris",
        Some(&json!({"population": 2200000, "wikidata": null, "capacity": {"sdg_tracking": true}})),
    );
    r.expect(200);
    assert_eq!(r.json["population"], 2200000);
    assert!(r.json.get("wikidata").is_none(), "null removes: {}", r.json);
    assert_eq!(
        r.json["capacity"],
        json!({"international_office": true, "strategy": "stand_alone", "sdg_tracking": true})
    );
    assert_eq!(r.json["name"], "Paris");
    assert_eq!(graph_version(&r), 2);
    assert_eq!(
        s.get("/v1/cities/fr-paris").json,
        r.json,
        "the patch is stored"
    );

    // The id cannot be patched, and a patch that breaks a rule is refused.
    s.write(
        "PATCH",
        "/v1/cities/fr-paris",
        Some(&json!({"id": "fr-lyon"})),
    )
    .expect_problem(422, "immutable_field");
    s.write("PATCH", "/v1/cities/fr-paris", Some(&json!({"lat": 91.0})))
        .expect_problem(422, "out_of_range");
    s.write("PATCH", "/v1/cities/nowhere", Some(&json!({"name": "x"})))
        .expect_problem(404, "city_not_found");

    // A city with a partnership and a membership cannot go without cascade=true.
    create_city(&s, "it-rome", "Rome", "IT");
    s.post(
        "/v1/partnerships",
        &json!({"cities": ["fr-paris", "it-rome"]}),
    )
    .expect(201);
    s.post("/v1/networks", &json!({"id": "c40", "name": "C40 Cities"}))
        .expect(201);
    s.post(
        "/v1/memberships",
        &json!({"city": "fr-paris", "network": "c40", "joined": "2005"}),
    )
    .expect(201);
    s.write("DELETE", "/v1/cities/fr-paris", None)
        .expect_problem(409, "still_referenced");
    s.write("DELETE", "/v1/cities/fr-paris?cascade=false", None)
        .expect_problem(409, "still_referenced");
    assert_eq!(s.get("/v1/cities/fr-paris").status, 200, "nothing deleted");

    let r = s.write("DELETE", "/v1/cities/fr-paris?cascade=true", None);
    r.expect(200);
    assert_eq!(r.json["deleted"], "fr-paris");
    let cascaded: BTreeSet<&str> = r.json["cascaded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        cascaded,
        BTreeSet::from(["fr-paris--it-rome", "c40--fr-paris"])
    );
    assert_eq!(r.json["version"].as_u64(), Some(graph_version(&r)));
    s.get("/v1/cities/fr-paris")
        .expect_problem(404, "city_not_found");
    s.get("/v1/partnerships/fr-paris--it-rome")
        .expect_problem(404, "partnership_not_found");
    s.get("/v1/memberships/c40--fr-paris")
        .expect_problem(404, "membership_not_found");
    s.write("DELETE", "/v1/cities/fr-paris", None)
        .expect_problem(404, "city_not_found");

    // A city without references goes without cascade.
    let r = s.write("DELETE", "/v1/cities/it-rome", None);
    r.expect(200);
    assert_eq!(r.json["cascaded"], json!([]));
    assert_eq!(s.get("/readyz").json["cities"], 0);
}

#[test]
fn networks_and_memberships_crud_with_valid_time() {
    let s = Server::start();
    create_city(&s, "fr-paris", "Paris", "FR");
    create_city(&s, "de-berlin", "Berlin", "DE");
    let c40 = json!({"id": "c40", "name": "C40 Cities", "founded": "2005", "scope": "global",
                     "focus": ["climate"], "website": "https://www.c40.org"});
    let r = s.post("/v1/networks", &c40);
    r.expect(201);
    assert_eq!(r.json, c40);
    s.post(
        "/v1/networks",
        &json!({"id": "eurocities", "name": "Eurocities", "founded": 1986}),
    )
    .expect(201);
    s.post("/v1/networks", &c40)
        .expect_problem(409, "network_exists");
    assert_eq!(s.get("/v1/networks/c40").json, c40);
    let r = s.write(
        "PATCH",
        "/v1/networks/c40",
        Some(&json!({"website": null, "focus": ["climate", "health"]})),
    );
    r.expect(200);
    assert_eq!(r.json["focus"], json!(["climate", "health"]));
    assert!(r.json.get("website").is_none());
    let r = s.get("/v1/networks");
    r.expect(200);
    assert_eq!(ids(&r.json["items"]), ["c40", "eurocities"]);

    // Paris: member of C40 from 2005 until it left in 2010-06. Berlin: joined in 2012.
    let r = s.post(
        "/v1/memberships",
        &json!({"city": "fr-paris", "network": "c40", "joined": "2005", "role": "member"}),
    );
    r.expect(201);
    assert_eq!(r.json["id"], "c40--fr-paris", "the conventional id");
    s.post(
        "/v1/memberships",
        &json!({"city": "fr-paris", "network": "c40"}),
    )
    .expect_problem(409, "membership_exists");
    s.post(
        "/v1/memberships",
        &json!({"city": "de-berlin", "network": "c40", "joined": "2012-01-15"}),
    )
    .expect(201);
    s.post(
        "/v1/memberships",
        &json!({"city": "de-berlin", "network": "eurocities", "observed": ["2019"], "absent": ["2022"]}),
    )
    .expect(201);
    s.post(
        "/v1/memberships",
        &json!({"city": "nowhere", "network": "c40"}),
    )
    .expect_problem(422, "city_not_found");
    let r = s.write(
        "PATCH",
        "/v1/memberships/c40--fr-paris",
        Some(&json!({"left": "2010-06"})),
    );
    r.expect(200);
    assert_eq!(r.json["left"], "2010-06");
    assert_eq!(r.json["role"], "member");
    s.write(
        "PATCH",
        "/v1/memberships/c40--fr-paris",
        Some(&json!({"city": "de-berlin"})),
    )
    .expect_problem(422, "immutable_field");
    s.write(
        "PATCH",
        "/v1/memberships/c40--fr-paris",
        Some(&json!({"left": "2001"})),
    )
    .expect_problem(422, "invalid_membership_dates");
    assert_eq!(
        s.get("/v1/memberships/c40--fr-paris").json["left"],
        "2010-06"
    );
    let r = s.get("/v1/memberships?limit=2");
    r.expect(200);
    assert_eq!(ids(&r.json["items"]), ["c40--de-berlin", "c40--fr-paris"]);
    assert!(r.json["next"].is_string());

    let members = |q: &str| -> Vec<String> {
        let r = s.get(&format!("/v1/networks/c40/members{q}"));
        r.expect(200);
        assert_eq!(
            r.json["count"].as_u64().unwrap() as usize,
            r.json["members"].as_array().unwrap().len()
        );
        r.json["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["city"]["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(members("?as_of=2004"), Vec::<String>::new());
    assert_eq!(members("?as_of=2005"), ["fr-paris"]);
    assert_eq!(members("?as_of=2010-05-31"), ["fr-paris"]);
    assert_eq!(members("?as_of=2010-06"), Vec::<String>::new());
    assert_eq!(members("?as_of=2012-01-15"), ["de-berlin"]);
    assert_eq!(
        members("?as_of=2012-01"),
        Vec::<String>::new(),
        "2012-01 is 2012-01-01"
    );
    assert_eq!(members("?all=true"), ["de-berlin", "fr-paris"]);
    assert_eq!(members(""), ["de-berlin"], "today");
    s.get("/v1/networks/nope/members")
        .expect_problem(404, "network_not_found");

    let networks = |q: &str| -> Vec<String> {
        let r = s.get(&format!("/v1/cities/de-berlin/networks{q}"));
        r.expect(200);
        r.json["networks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["network"]["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(networks("?as_of=2011"), Vec::<String>::new());
    assert_eq!(networks("?as_of=2020"), ["c40", "eurocities"]);
    assert_eq!(networks("?as_of=2023"), ["c40"], "absent from 2022 on");
    assert_eq!(networks("?all=true"), ["c40", "eurocities"]);
    s.get("/v1/cities/nope/networks")
        .expect_problem(404, "city_not_found");

    // Networks with members go only with cascade=true.
    s.write("DELETE", "/v1/networks/c40", None)
        .expect_problem(409, "still_referenced");
    let r = s.write("DELETE", "/v1/memberships/c40--fr-paris", None);
    r.expect(200);
    assert_eq!(r.json["deleted"], "c40--fr-paris");
    s.get("/v1/memberships/c40--fr-paris")
        .expect_problem(404, "membership_not_found");
    let r = s.write("DELETE", "/v1/networks/c40?cascade=true", None);
    r.expect(200);
    assert_eq!(r.json["cascaded"], json!(["c40--de-berlin"]));
    s.get("/v1/networks/c40")
        .expect_problem(404, "network_not_found");
    assert_eq!(networks("?all=true"), ["eurocities"]);
}

/// Chicago and Osaka: established 1973, suspended 2020-03, resumed 2022-06-15, terminated 2024.
fn chicago_osaka(s: &Server) {
    s.post(
        "/v1/cities",
        &city_json(
            "us-chicago",
            "Chicago",
            "US",
            "north-america",
            41.88,
            -87.63,
        ),
    )
    .expect(201);
    s.post(
        "/v1/cities",
        &city_json("jp-osaka", "Osaka", "JP", "asia-pacific", 34.69, 135.5),
    )
    .expect(201);
    s.post(
        "/v1/cities",
        &city_json("fr-paris", "Paris", "FR", "europe", 48.86, 2.35),
    )
    .expect(201);
    let r = s.post(
        "/v1/partnerships",
        &json!({"cities": ["us-chicago", "jp-osaka"], "kind": "sister_city",
                "events": [{"type": "established", "date": "1973", "sources": ["https://example.org/1973"]}]}),
    );
    r.expect(201);
    assert_eq!(r.json["id"], "jp-osaka--us-chicago", "ids in byte order");
    assert_eq!(r.json["status"], "active");
    assert_eq!(r.json["established"], "1973");
    // An undated friendship link: active on every day before its first event.
    let r = s.post(
        "/v1/partnerships",
        &json!({"cities": ["us-chicago", "fr-paris"], "kind": "friendship_city"}),
    );
    r.expect(201);
    assert_eq!(r.json["id"], "fr-paris--us-chicago--friendship-city");
    for (kind, date, reason) in [
        ("suspended", "2020-03", Some("pandemic")),
        ("resumed", "2022-06-15", None),
        ("terminated", "2024", Some("council vote")),
    ] {
        let mut ev = json!({"type": kind, "date": date});
        if let Some(r) = reason {
            ev["reason"] = json!(r);
        }
        let r = s.post("/v1/partnerships/jp-osaka--us-chicago/events", &ev);
        r.expect(200);
        assert_eq!(
            r.json["events"].as_array().unwrap().last().unwrap()["type"],
            kind
        );
    }
}

#[test]
fn partnerships_events_history_and_partners_as_of() {
    let s = Server::start();
    chicago_osaka(&s);

    let r = s.get("/v1/partnerships/jp-osaka--us-chicago");
    r.expect(200);
    assert_eq!(r.json["status"], "terminated");
    assert_eq!(r.json["ended"], "2024");
    assert_eq!(r.json["events"].as_array().unwrap().len(), 4);
    assert_eq!(r.json["events"][1]["reason"], "pandemic");

    let partners = |q: &str| partner_ids(&s.get(&format!("/v1/cities/us-chicago/partners{q}")));
    // Before the link was established it is never listed, whatever the status filter.
    assert_eq!(
        partners("?as_of=1972&status=all&kind=sister_city"),
        Vec::<String>::new()
    );
    assert_eq!(
        partners("?as_of=1972&status=all"),
        ["fr-paris"],
        "undated link"
    );
    assert_eq!(partners("?as_of=1973&kind=sister_city"), ["jp-osaka"]);
    assert_eq!(
        partners("?as_of=1995"),
        ["jp-osaka", "fr-paris"],
        "by partner name"
    );
    // Suspension: from 2020-03-01 (a month stands for its first day) to 2022-06-14.
    assert_eq!(
        partners("?as_of=2020-02-29&status=active&kind=sister_city"),
        ["jp-osaka"]
    );
    assert_eq!(
        partners("?as_of=2020-03&status=active&kind=sister_city"),
        Vec::<String>::new()
    );
    assert_eq!(partners("?as_of=2021&status=suspended"), ["jp-osaka"]);
    assert_eq!(partners("?as_of=2021&status=active"), ["fr-paris"]);
    assert_eq!(partners("?as_of=2022-06-14&status=suspended"), ["jp-osaka"]);
    assert_eq!(
        partners("?as_of=2022-06-15&status=active&kind=sister_city"),
        ["jp-osaka"]
    );
    // Termination in 2024.
    assert_eq!(
        partners("?as_of=2023-12-31&status=ended"),
        Vec::<String>::new()
    );
    assert_eq!(partners("?as_of=2024&status=ended"), ["jp-osaka"]);
    assert_eq!(partners("?as_of=2024&status=active"), ["fr-paris"]);
    assert_eq!(partners("?as_of=2024&status=all"), ["jp-osaka", "fr-paris"]);
    assert_eq!(
        partners("?status=ended&kind=friendship_city"),
        Vec::<String>::new()
    );
    assert_eq!(partners(""), ["fr-paris"], "default: in force today");
    let r = s.get("/v1/cities/us-chicago/partners?as_of=2021&status=all");
    assert_eq!(r.json["as_of"], "2021-01-01");
    assert_eq!(r.json["count"], 2);
    let osaka = &r.json["partners"][0];
    assert_eq!(osaka["status"], "suspended");
    assert_eq!(osaka["partnership"], "jp-osaka--us-chicago");
    assert_eq!(osaka["established"], "1973");
    assert_eq!(
        partner_ids(&s.get("/v1/cities/jp-osaka/partners?as_of=2000")),
        ["us-chicago"]
    );
    s.get("/v1/cities/nope/partners")
        .expect_problem(404, "city_not_found");

    let history = |q: &str| {
        let r = s.get(&format!("/v1/partnerships/jp-osaka--us-chicago/history{q}"));
        r.expect(200);
        r.json["status_on_as_of"].clone()
    };
    assert_eq!(history("?as_of=1972-12-31"), Value::Null);
    assert_eq!(history("?as_of=1973"), "active");
    assert_eq!(history("?as_of=2020-03-01"), "suspended");
    assert_eq!(history("?as_of=2022-06-15"), "active");
    assert_eq!(history("?as_of=2024-01-01"), "terminated");
    let r = s.get("/v1/partnerships/jp-osaka--us-chicago/history?as_of=2021");
    assert_eq!(
        r.json["status"], "terminated",
        "the status after every event"
    );
    assert_eq!(r.json["events"].as_array().unwrap().len(), 4);
    let cities: Vec<&str> = r.json["cities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(cities, ["us-chicago", "jp-osaka"]);
    assert_eq!(r.json["as_of"], "2021-01-01");

    // Only `renewed` may follow a termination, and the renewed link is active again.
    s.post(
        "/v1/partnerships/jp-osaka--us-chicago/events",
        &json!({"type": "suspended", "date": "2025"}),
    )
    .expect_problem(422, "invalid_history");
    s.post(
        "/v1/partnerships/jp-osaka--us-chicago/events",
        &json!({"type": "renewed", "date": "2025-05"}),
    )
    .expect(200);
    assert_eq!(
        partners("?as_of=2025-05&status=active&kind=sister_city"),
        ["jp-osaka"]
    );
    assert_eq!(history("?as_of=2024-12").as_str(), Some("terminated"));
    assert_eq!(history("?as_of=2025-05"), "active");
    let r = s.get("/v1/partnerships/jp-osaka--us-chicago/history");
    assert_eq!(r.json["status"], "active");
    assert_eq!(r.json["events"].as_array().unwrap().len(), 5);

    // Self links, duplicates, histories out of order, unknown ids.
    s.post(
        "/v1/partnerships",
        &json!({"cities": ["us-chicago", "us-chicago"]}),
    )
    .expect_problem(422, "self_partnership");
    s.post(
        "/v1/partnerships",
        &json!({"id": "chicago-osaka-2", "cities": ["us-chicago", "jp-osaka"],
                "events": [{"type": "established", "date": "2026"}]}),
    )
    .expect_problem(409, "duplicate_partnership");
    s.post(
        "/v1/partnerships",
        &json!({"cities": ["us-chicago", "jp-osaka"]}),
    )
    .expect_problem(409, "partnership_exists");
    s.post(
        "/v1/partnerships",
        &json!({"cities": ["us-chicago", "jp-osaka"], "kind": "memorandum",
                "events": [{"type": "established", "date": "2000"}, {"type": "suspended", "date": "1999"}]}),
    )
    .expect_problem(422, "invalid_history");
    s.post(
        "/v1/partnerships",
        &json!({"cities": ["us-chicago", "nowhere"]}),
    )
    .expect_problem(422, "city_not_found");
    s.post(
        "/v1/partnerships/nope/events",
        &json!({"type": "renewed", "date": "2025"}),
    )
    .expect_problem(404, "partnership_not_found");

    let r = s.get("/v1/partnerships?status=ended&as_of=2024-06");
    r.expect(200);
    assert_eq!(ids(&r.json["items"]), ["jp-osaka--us-chicago"]);
    let r = s.get("/v1/partnerships?kind=friendship_city");
    assert_eq!(
        ids(&r.json["items"]),
        ["fr-paris--us-chicago--friendship-city"]
    );

    let r = s.write(
        "DELETE",
        "/v1/partnerships/fr-paris--us-chicago--friendship-city",
        None,
    );
    r.expect(200);
    assert_eq!(r.json["deleted"], "fr-paris--us-chicago--friendship-city");
    s.get("/v1/partnerships/fr-paris--us-chicago--friendship-city")
        .expect_problem(404, "partnership_not_found");
    s.write(
        "DELETE",
        "/v1/partnerships/fr-paris--us-chicago--friendship-city",
        None,
    )
    .expect_problem(404, "partnership_not_found");
    assert_eq!(partners("?as_of=1995&status=all"), ["jp-osaka"]);
}

#[test]
fn import_export_and_change_feed() {
    let s = Server::start();
    let fixture = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rich.ndjson"),
    )
    .unwrap();
    let records = fixture
        .split(|b| *b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count() as u64;
    let auth = format!("Bearer {TOKEN}");
    let ndjson = [
        ("authorization", auth.as_str()),
        ("content-type", "application/x-ndjson"),
    ];

    let r = s.raw("POST", "/v1/import", &ndjson, Some(fixture.clone()));
    r.expect(200);
    assert_eq!(
        (
            r.json["created"].as_u64(),
            r.json["updated"].as_u64(),
            r.json["unchanged"].as_u64()
        ),
        (Some(records), Some(0), Some(0))
    );
    assert_eq!(r.json["version"], 1);
    let export = s.get("/v1/export/ndjson");
    export.expect(200);
    assert!(export
        .header("content-type")
        .is_some_and(|c| c.starts_with("application/x-ndjson")));
    let text = export.text();
    assert_eq!(text.lines().count() as u64, records);
    assert!(text.contains(r#""name":"São Paulo""#));

    // The export imports back as a no-op.
    let r = s.raw("POST", "/v1/import", &ndjson, Some(export.bytes.clone()));
    r.expect(200);
    assert_eq!(
        (
            r.json["created"].as_u64(),
            r.json["updated"].as_u64(),
            r.json["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(records))
    );
    assert_eq!(r.json["version"], 1);

    // An update through import counts as updated.
    let r = s.raw(
        "POST",
        "/v1/import",
        &ndjson,
        Some(br#"{"type":"city","id":"de-berlin","name":"Berlin","country":"DE","region":"europe","lat":52.52,"lon":13.405,"population":3850809}"#.to_vec()),
    );
    r.expect(200);
    assert_eq!(
        (r.json["created"].as_u64(), r.json["updated"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(r.json["version"], 2);
    let before = s.export();

    // Every bad line is reported with its number, and nothing changes.
    let bad = [
        r#"{"type":"city","id":"xx-a","name":"A","country":"FR","region":"europe","lat":1,"lon":1}"#,
        r#"{"type":"city","id":"xx-b","name":"B","country":"FR","region":"europe","lat":1,"lon":1}"#,
        r#"{"type":"partnership","cities":["xx-a","xx-b"],"events":[{"type":"established","date":"2019-02-30"}]}"#,
        "",
        r#"{"type":"partnership","cities":["xx-a","xx-b"],"kind":"twin"}"#,
    ]
    .join("\n");
    let r = s.raw("POST", "/v1/import", &ndjson, Some(bad.into_bytes()));
    r.expect_problem(422, "import_rejected");
    let lines: Vec<u64> = r.json["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            assert_eq!(p["file"], "body");
            assert!(p["code"].is_string() && p["message"].is_string(), "{p}");
            p["line"].as_u64().unwrap()
        })
        .collect();
    assert_eq!(lines, [3, 5]);
    assert!(r.json["problems"][0]["message"]
        .as_str()
        .unwrap()
        .contains("2019-02-30"));

    let dangling = [
        r#"{"type":"city","id":"xx-a","name":"A","country":"FR","region":"europe","lat":1,"lon":1}"#,
        r#"{"type":"partnership","cities":["xx-a","zz-nowhere"]}"#,
    ]
    .join("\n");
    let r = s.raw("POST", "/v1/import", &ndjson, Some(dangling.into_bytes()));
    r.expect_problem(422, "import_rejected");
    assert_eq!(r.json["problems"][0]["line"], 2);
    assert_eq!(r.json["problems"][0]["code"], "city_not_found");
    s.raw(
        "POST",
        "/v1/import",
        &[("content-type", "application/x-ndjson")],
        Some(b"".to_vec()),
    )
    .expect_problem(401, "unauthorized");
    assert!(s.export() == before, "rejected imports changed the store");
    assert_eq!(s.version(), 2);

    // The change feed: one entry per commit, oldest first, resumable with `since`.
    create_city(&s, "xx-new", "New", "FR");
    s.write("DELETE", "/v1/cities/xx-new", None).expect(200);
    let r = s.get("/v1/changes");
    r.expect(200);
    let versions: Vec<u64> = r.json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["version"].as_u64().unwrap())
        .collect();
    assert_eq!(versions, [1, 2, 3, 4]);
    assert_eq!(r.json["version"], 4);
    assert_eq!(r.json["next_since"], 4);
    assert_eq!(r.json["changes"][0]["op"], "import");
    assert_eq!(r.json["changes"][0]["count"].as_u64(), Some(records));
    let r = s.get("/v1/changes?since=2");
    r.expect(200);
    let changes = r.json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[0]["version"], 3);
    assert_eq!(
        changes[0]["changes"],
        json!([{"entity": "city", "id": "xx-new", "action": "put"}])
    );
    assert_eq!(changes[1]["changes"][0]["action"], "delete");
    let r = s.get("/v1/changes?since=1&limit=1");
    assert_eq!(r.json["changes"].as_array().unwrap().len(), 1);
    assert_eq!(r.json["next_since"], 2);
    let r = s.get("/v1/changes?since=4");
    assert_eq!(r.json["changes"], json!([]));
    assert_eq!(r.json["next_since"], 4);
}

#[test]
fn auth_on_writes_and_optionally_on_reads() {
    let s = Server::start();
    let body = city_json("fr-paris", "Paris", "FR", "europe", 48.86, 2.35);
    for token in [None, Some("wrong-token")] {
        let r = s.call("POST", "/v1/cities", token, Some(&body));
        r.expect_problem(401, "unauthorized");
        assert_eq!(
            r.header("www-authenticate"),
            Some("Bearer"),
            "token {token:?}"
        );
    }
    let r = s.raw(
        "POST",
        "/v1/cities",
        &[
            ("authorization", TOKEN),
            ("content-type", "application/json"),
        ],
        Some(serde_json::to_vec(&body).unwrap()),
    );
    r.expect_problem(401, "unauthorized");
    for (method, path) in [
        ("PATCH", "/v1/cities/fr-paris"),
        ("DELETE", "/v1/cities/fr-paris"),
        ("POST", "/v1/partnerships/a--b/events"),
        ("POST", "/v1/import"),
    ] {
        let r = s.call(method, path, None, Some(&json!({})));
        r.expect_problem(401, "unauthorized");
    }
    assert_eq!(s.version(), 0, "refused writes change nothing");
    s.call("POST", "/v1/cities", Some(TOKEN), Some(&body))
        .expect(201);
    assert_eq!(s.get("/v1/cities/fr-paris").status, 200, "reads are open");
    drop(s);

    // No tokens configured: every write is refused, even with a token.
    let open = Server::start_with(ServerOptions::default());
    let r = open.call("POST", "/v1/cities", Some(TOKEN), Some(&body));
    r.expect_problem(401, "unauthorized");
    assert!(r.header("www-authenticate").is_some());
    assert_eq!(open.get("/v1/cities").status, 200);
    assert_eq!(open.version(), 0);
    drop(open);

    // CITYGRAPH_READ_AUTH=1: reads need the token too; probes stay open.
    let closed = Server::start_with(ServerOptions::with_token().env("CITYGRAPH_READ_AUTH", "1"));
    for path in [
        "/v1/cities",
        "/v1/cities/fr-paris",
        "/v1/changes",
        "/v1/export/ndjson",
        "/v1/partnerships",
    ] {
        let r = closed.get(path);
        r.expect_problem(401, "unauthorized");
        assert_eq!(r.header("www-authenticate"), Some("Bearer"));
        closed
            .call("GET", path, Some("wrong"), None)
            .expect_problem(401, "unauthorized");
    }
    let r = closed.call("GET", "/v1/cities", Some(TOKEN), None);
    r.expect(200);
    assert_eq!(r.json["items"], json!([]));
    closed.get("/healthz").expect(200);
    closed.get("/readyz").expect(200);
}

#[test]
fn error_responses_are_problem_details_with_codes() {
    let s = Server::start();
    create_city(&s, "fr-paris", "Paris", "FR");
    create_city(&s, "it-rome", "Rome", "IT");
    s.post("/v1/partnerships", &json!({"cities": ["fr-paris", "it-rome"], "events": [{"type": "established", "date": "1956"}]}))
        .expect(201);
    let cases: Vec<(Resp, u16, &str)> = vec![
        (s.get("/v1/cities/nope"), 404, "city_not_found"),
        (s.get("/v1/no-such-route"), 404, "route_not_found"),
        (s.get("/nothing/here"), 404, "route_not_found"),
        (s.post("/v1/cities", &city_json("fr-paris", "Paris", "FR", "europe", 1.0, 2.0)), 409, "city_exists"),
        (
            s.post("/v1/partnerships", &json!({"id": "paris-rome-2", "cities": ["it-rome", "fr-paris"]})),
            409,
            "duplicate_partnership",
        ),
        (s.write("DELETE", "/v1/cities/fr-paris", None), 409, "still_referenced"),
        (s.post("/v1/partnerships", &json!({"cities": ["fr-paris", "fr-paris"]})), 422, "self_partnership"),
        (
            s.post("/v1/partnerships/fr-paris--it-rome/events", &json!({"type": "resumed", "date": "1990"})),
            422,
            "invalid_history",
        ),
        (
            s.post("/v1/partnerships/fr-paris--it-rome/events", &json!({"type": "suspended", "date": "1990-02-30"})),
            422,
            "invalid_date",
        ),
        (s.post("/v1/cities", &city_json("xx-a", "A", "ZZ", "europe", 1.0, 2.0)), 422, "invalid_country"),
        (
            s.post("/v1/cities", &json!({"id": "xx-a", "name": "A", "country": "FR", "region": "europe", "lat": 1, "lon": 2, "mayor": "x"})),
            400,
            "unknown_field",
        ),
    ];
    for (r, status, code) in &cases {
        r.expect_problem(*status, code);
        assert_eq!(
            r.json["type"],
            format!("urn:citygraph:problem:{code}"),
            "{}",
            r.text()
        );
    }
    // The failed writes left the graph alone.
    assert_eq!(s.version(), 3);
}

#[test]
fn etags_versions_and_pagination() {
    let s = Server::start();
    let mut lines = Vec::new();
    let names = [
        "São Paulo",
        "São Tomé",
        "SAO Test",
        "Santos",
        "Salvador",
        "Lisbon",
        "Porto",
        "Braga",
    ];
    for i in 0..37 {
        let name = names
            .get(i)
            .map_or_else(|| format!("City {i:02}"), |n| n.to_string());
        let mut c = city_json(
            &format!("c{i:02}"),
            &name,
            "BR",
            "south-america",
            -20.0,
            -45.0,
        );
        c["type"] = json!("city");
        lines.push(c.to_string());
    }
    let auth = format!("Bearer {TOKEN}");
    s.raw(
        "POST",
        "/v1/import",
        &[
            ("authorization", auth.as_str()),
            ("content-type", "application/x-ndjson"),
        ],
        Some(lines.join("\n").into_bytes()),
    )
    .expect(200);

    // limit=7 over 37 cities: six pages by `next`, each city exactly once, in id order.
    let follow = |first: &str| -> (Vec<String>, usize) {
        let mut seen = Vec::new();
        let mut pages = 0;
        let mut url = first.to_owned();
        loop {
            let r = s.get(&url);
            r.expect(200);
            pages += 1;
            let page = ids(&r.json["items"]);
            assert!(page.len() <= 7);
            seen.extend(page);
            match r.json["next"].as_str() {
                Some(next) => {
                    assert!(next.starts_with("/v1/cities?"), "next is a path: {next}");
                    url = next.to_owned();
                }
                None => break,
            }
            assert!(pages < 100, "pagination does not end");
        }
        (seen, pages)
    };
    let (seen, pages) = follow("/v1/cities?limit=7");
    let expected: Vec<String> = (0..37).map(|i| format!("c{i:02}")).collect();
    assert_eq!(seen, expected);
    assert_eq!(pages, 6);
    // q ignores case and diacritics, and survives into the next links.
    let (seen, pages) = follow("/v1/cities?limit=2&q=sao");
    assert_eq!(seen, ["c00", "c01", "c02"]);
    assert_eq!(pages, 2);
    let (seen, _) = follow("/v1/cities?limit=7&q=S%C3%83O");
    assert_eq!(seen, ["c00", "c01", "c02"]);
    let (seen, _) = follow("/v1/cities?q=paulo");
    assert_eq!(seen, ["c00"]);

    // ETag and If-None-Match: 304 while the graph is unchanged; a write changes the ETag.
    let r = s.get("/v1/cities/c05");
    r.expect(200);
    let etag = r.header("etag").expect("an ETag").to_owned();
    let v0 = graph_version(&r);
    let again = s.raw(
        "GET",
        "/v1/cities/c05",
        &[("if-none-match", etag.as_str())],
        None,
    );
    again.expect(304);
    assert!(again.bytes.is_empty());
    assert_eq!(again.header("etag"), Some(etag.as_str()));
    let list = s.get("/v1/cities?limit=3");
    let list_etag = list.header("etag").unwrap().to_owned();
    s.raw(
        "GET",
        "/v1/cities?limit=3",
        &[("if-none-match", list_etag.as_str())],
        None,
    )
    .expect(304);

    let w = s.write("PATCH", "/v1/cities/c05", Some(&json!({"population": 5})));
    w.expect(200);
    let v1 = graph_version(&w);
    assert!(v1 > v0, "X-Graph-Version increases with a write");
    let r = s.raw(
        "GET",
        "/v1/cities/c05",
        &[("if-none-match", etag.as_str())],
        None,
    );
    r.expect(200);
    let new_etag = r.header("etag").unwrap();
    assert_ne!(new_etag, etag, "a write changes the ETag");
    assert_eq!(graph_version(&r), v1);
    assert_eq!(r.json["population"], 5);
    s.raw(
        "GET",
        "/v1/cities?limit=3",
        &[("if-none-match", list_etag.as_str())],
        None,
    )
    .expect(200);
    create_city(&s, "zz-last", "Last", "FR");
    assert!(graph_version(&s.get("/v1/cities?limit=1")) > v1);
}

#[test]
fn cors_ops_metrics_and_openapi() {
    let s = Server::start_with(
        ServerOptions::with_token().env("CITYGRAPH_CORS_ORIGINS", "https://dash.example"),
    );
    let pre = s.raw(
        "OPTIONS",
        "/v1/cities",
        &[
            ("origin", "https://dash.example"),
            ("access-control-request-method", "POST"),
            (
                "access-control-request-headers",
                "authorization, content-type",
            ),
        ],
        None,
    );
    assert!(pre.status < 300, "preflight: {} {}", pre.status, pre.text());
    assert_eq!(
        pre.header("access-control-allow-origin"),
        Some("https://dash.example")
    );
    let methods = pre
        .header("access-control-allow-methods")
        .unwrap_or_default()
        .to_owned();
    assert!(methods.contains("POST"), "{methods}");
    let simple = s.raw(
        "GET",
        "/v1/cities",
        &[("origin", "https://dash.example")],
        None,
    );
    simple.expect(200);
    assert_eq!(
        simple.header("access-control-allow-origin"),
        Some("https://dash.example")
    );
    let exposed = simple
        .header("access-control-expose-headers")
        .unwrap_or_default()
        .to_lowercase();
    assert!(
        exposed.contains("etag") && exposed.contains("x-graph-version"),
        "{exposed}"
    );
    let other = s.raw(
        "GET",
        "/v1/cities",
        &[("origin", "https://evil.example")],
        None,
    );
    assert_ne!(
        other.header("access-control-allow-origin"),
        Some("https://evil.example")
    );
    assert!(other.header("access-control-allow-origin").is_none());

    let h = s.get("/healthz");
    h.expect(200);
    assert_eq!(h.json["status"], "ok");
    let r = s.get("/readyz");
    r.expect(200);
    assert_eq!(r.json["status"], "ready");
    assert_eq!(r.json["version"], 0);

    create_city(&s, "fr-paris", "Paris", "FR");
    s.get("/v1/cities/fr-paris").expect(200);
    let m = s.get("/metrics");
    m.expect(200);
    assert!(m
        .header("content-type")
        .is_some_and(|c| c.starts_with("text/plain")));
    let text = m.text();
    assert!(text.contains("citygraph_http_requests_total"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("citygraph_http_requests_total{")
                && l.contains("route=\"/v1/cities/{id}\"")
                && l.contains("status=\"200\"")),
        "per-route counts: {text}"
    );
    assert!(
        text.lines().any(|l| l == "citygraph_graph_version 1"),
        "{text}"
    );

    let api = s.get("/openapi.json");
    api.expect(200);
    assert!(api.json.is_object(), "openapi.json is JSON");
    assert!(api.json["openapi"]
        .as_str()
        .is_some_and(|v| v.starts_with('3')));
    let paths = api.json["paths"].as_object().expect("paths");
    for p in [
        "/v1/cities/{id}/partners",
        "/v1/cities",
        "/v1/partnerships/{id}/history",
        "/v1/changes",
    ] {
        assert!(paths.contains_key(p), "openapi lacks {p}");
    }
    let docs = s.get("/docs/");
    docs.expect(200);
    assert!(
        docs.text().to_lowercase().contains("swagger"),
        "{}",
        docs.text()
    );

    // The CLI prints the same document.
    let out = common::cli_ok(&s.data_dir.with_file_name("cli-data"), &["openapi"]);
    let doc: Value = serde_json::from_str(&out.stdout).expect("openapi prints JSON");
    assert_eq!(doc["paths"], api.json["paths"]);
    assert_problem_shape(&s.get("/v1/nope"));
}

#[test]
fn concurrent_writes_each_report_the_version_they_made() {
    let s = Server::start();
    const THREADS: usize = 6;
    const PER_THREAD: usize = 10;
    let made: Vec<(String, u64, String)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let s = &s;
                scope.spawn(move || {
                    (0..PER_THREAD)
                        .map(|i| {
                            let id = format!("t{t}-c{i}");
                            let r = s.post(
                                "/v1/cities",
                                &city_json(&id, "Concurrent", "FR", "europe", 1.0, 2.0),
                            );
                            r.expect(201);
                            let etag = r.header("etag").expect("an ETag").to_owned();
                            (id, graph_version(&r), etag)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("writer thread"))
            .collect()
    });
    let n = (THREADS * PER_THREAD) as u64;
    let versions: BTreeSet<u64> = made.iter().map(|(_, v, _)| *v).collect();
    assert_eq!(
        versions,
        (1..=n).collect::<BTreeSet<_>>(),
        "each write reports its own version: {made:?}"
    );
    // The change feed agrees on which write made which version.
    let feed = s.get(&format!("/v1/changes?limit={n}"));
    for (id, v, etag) in &made {
        let entry = &feed.json["changes"][(*v - 1) as usize];
        assert_eq!(entry["version"].as_u64(), Some(*v));
        assert_eq!(
            entry["changes"][0]["id"],
            id.as_str(),
            "X-Graph-Version {v} of the write of {id}"
        );
        assert_eq!(etag, &format!("\"v{v}\""));
    }
}

#[test]
fn the_seed_folder_loads_once_into_an_empty_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let seed = tmp.path().join("seed");
    std::fs::create_dir(&seed).unwrap();
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rich.ndjson"),
        seed.join("rich.ndjson"),
    )
    .unwrap();
    let data = tmp.path().join("data");
    let opts = ServerOptions {
        seed_dir: Some(seed.clone()),
        ..ServerOptions::with_token().data_dir(&data)
    };
    let s = Server::start_with(opts.clone());
    let ready = s.get("/readyz");
    ready.expect(200);
    assert_eq!(
        (
            ready.json["cities"].as_u64(),
            ready.json["networks"].as_u64(),
            ready.json["memberships"].as_u64(),
            ready.json["partnerships"].as_u64(),
            ready.json["version"].as_u64()
        ),
        (Some(9), Some(5), Some(7), Some(8), Some(1))
    );
    s.write("DELETE", "/v1/partnerships/rome-berlin-1962", None)
        .expect(200);
    let export = s.export();
    drop(s);

    // A data folder that holds data is not seeded again.
    let s = Server::start_with(opts);
    assert_eq!(s.version(), 2);
    assert!(s.export() == export, "the restart changed the data");
    s.get("/v1/partnerships/rome-berlin-1962")
        .expect_problem(404, "partnership_not_found");
}
