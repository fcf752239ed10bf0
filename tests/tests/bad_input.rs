//! A corpus of bad requests: each gets its 4xx status and stable code as problem details, and the
//! whole corpus leaves the store byte-for-byte as it was.

mod common;

use common::{problem_shape_error, Server, ServerOptions, TOKEN};

/// The JSON body limit the server runs with here.
const JSON_LIMIT: usize = 2048;

/// One bad request and what it must get.
struct Case {
    name: &'static str,
    method: &'static str,
    path: String,
    headers: Vec<(&'static str, String)>,
    body: Option<Vec<u8>>,
    status: u16,
    code: &'static str,
}

fn auth() -> (&'static str, String) {
    ("authorization", format!("Bearer {TOKEN}"))
}

/// A write with the token and a JSON content type.
fn json(
    name: &'static str,
    method: &'static str,
    path: &str,
    body: &str,
    status: u16,
    code: &'static str,
) -> Case {
    Case {
        name,
        method,
        path: path.to_owned(),
        headers: vec![auth(), ("content-type", "application/json".into())],
        body: Some(body.as_bytes().to_vec()),
        status,
        code,
    }
}

/// A request without a body.
fn get(
    name: &'static str,
    method: &'static str,
    path: &str,
    status: u16,
    code: &'static str,
) -> Case {
    Case {
        name,
        method,
        path: path.to_owned(),
        headers: vec![auth()],
        body: None,
        status,
        code,
    }
}

/// A request with the given headers and raw body.
fn raw(
    name: &'static str,
    method: &'static str,
    path: &str,
    headers: Vec<(&'static str, String)>,
    body: &[u8],
    status: u16,
    code: &'static str,
) -> Case {
    Case {
        name,
        method,
        path: path.to_owned(),
        headers,
        body: Some(body.to_vec()),
        status,
        code,
    }
}

const CITY: &str =
    r#"{"id":"xx-new","name":"New","country":"FR","region":"europe","lat":1.5,"lon":2.5}"#;

/// A city body with one field replaced (`"field": value` with raw JSON).
fn city_with(field: &str, value: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(CITY).unwrap();
    let value: serde_json::Value = serde_json::from_str(value).unwrap();
    v[field] = value;
    v.to_string()
}

fn link_with_events(events: &str) -> String {
    format!(r#"{{"cities":["de-berlin","za-durban"],"kind":"memorandum","events":{events}}}"#)
}

fn corpus() -> Vec<Case> {
    let big_name = "x".repeat(4096);
    let big_city = city_with("name", &format!("\"{big_name}\""));
    assert!(big_city.len() > JSON_LIMIT);
    let ev = "/v1/partnerships/fr-paris--it-rome/events";
    let ended = "/v1/partnerships/jp-osaka--us-chicago/events";
    let json_ct = || ("content-type", "application/json".to_owned());
    vec![
        // Malformed JSON.
        json("truncated object", "POST", "/v1/cities", r#"{"id":"xx-new","#, 400, "invalid_json"),
        json("not JSON at all", "POST", "/v1/cities", "city please", 400, "invalid_json"),
        json("empty body", "POST", "/v1/cities", "", 400, "invalid_json"),
        json("trailing garbage", "POST", "/v1/cities", &format!("{CITY} x"), 400, "invalid_json"),
        json("truncated patch", "PATCH", "/v1/cities/fr-paris", r#"{"name": }"#, 400, "invalid_json"),
        json("truncated event", "POST", ev, r#"{"type":"suspended","date":"2020""#, 400, "invalid_json"),
        json("number out of range", "POST", "/v1/cities", &CITY.replace("1.5", "1e999"), 400, "invalid_json"),
        // Wrong JSON types.
        json("lat as a string", "POST", "/v1/cities", &city_with("lat", "\"45\""), 400, "invalid_body"),
        json("name as a number", "POST", "/v1/cities", &city_with("name", "42"), 400, "invalid_body"),
        json("negative population", "POST", "/v1/cities", &city_with("population", "-5"), 400, "invalid_body"),
        json("sources not a list", "POST", "/v1/cities", &city_with("sources", "\"x\""), 400, "invalid_body"),
        json("array instead of object", "POST", "/v1/cities", "[]", 400, "invalid_body"),
        json("cities as a string", "POST", "/v1/partnerships", r#"{"cities":"fr-paris"}"#, 400, "invalid_body"),
        json("date as a boolean", "POST", ev, r#"{"type":"suspended","date":true}"#, 400, "invalid_body"),
        json("patch not an object", "PATCH", "/v1/cities/fr-paris", "[1]", 400, "invalid_body"),
        json("patch a string", "PATCH", "/v1/networks/c40", r#""x""#, 400, "invalid_body"),
        json("patch with a wrong type", "PATCH", "/v1/cities/fr-paris", r#"{"lat":"north"}"#, 400, "invalid_body"),
        // Missing and unknown fields.
        json("missing lat", "POST", "/v1/cities", r#"{"id":"xx-new","name":"New","country":"FR","region":"europe","lon":2.5}"#, 400, "missing_field"),
        json("patch removes a required field", "PATCH", "/v1/cities/fr-paris", r#"{"lat":null}"#, 400, "missing_field"),
        json("event without date", "POST", ev, r#"{"type":"suspended"}"#, 400, "missing_field"),
        json("unknown city field", "POST", "/v1/cities", &city_with("mayor", "\"Anne\""), 400, "unknown_field"),
        json("misspelt city field", "POST", "/v1/cities", &city_with("contry", "\"FR\""), 400, "unknown_field"),
        json("unknown capacity field", "POST", "/v1/cities", &city_with("capacity", r#"{"budget":1}"#), 400, "unknown_field"),
        json("status is derived, not sent", "POST", "/v1/partnerships", r#"{"cities":["de-berlin","za-durban"],"status":"active"}"#, 400, "unknown_field"),
        json("unknown event field", "POST", ev, r#"{"type":"suspended","date":"2020","when":"now"}"#, 400, "unknown_field"),
        json("unknown network field", "POST", "/v1/networks", r#"{"id":"xx-net","name":"X","members":[]}"#, 400, "unknown_field"),
        json("unknown membership field", "POST", "/v1/memberships", r#"{"city":"de-berlin","network":"c40","since":"2000"}"#, 400, "unknown_field"),
        json("unknown field in a patch", "PATCH", "/v1/cities/fr-paris", r#"{"nope":1}"#, 400, "unknown_field"),
        // Unknown enum values.
        json("kind twin", "POST", "/v1/partnerships", r#"{"cities":["de-berlin","za-durban"],"kind":"twin"}"#, 422, "invalid_enum_value"),
        json("event type paused", "POST", ev, r#"{"type":"paused","date":"2020"}"#, 422, "invalid_enum_value"),
        json("region mars", "POST", "/v1/cities", &city_with("region", "\"mars\""), 422, "invalid_enum_value"),
        json("region in title case", "POST", "/v1/cities", &city_with("region", "\"Europe\""), 422, "invalid_enum_value"),
        json("scope galactic", "POST", "/v1/networks", r#"{"id":"xx-net","name":"X","scope":"galactic"}"#, 422, "invalid_enum_value"),
        json("strategy maybe", "POST", "/v1/cities", &city_with("capacity", r#"{"strategy":"maybe"}"#), 422, "invalid_enum_value"),
        // Invalid slugs.
        json("city id with capitals", "POST", "/v1/cities", &city_with("id", "\"Fr_Lyon\""), 422, "invalid_id"),
        json("empty city id", "POST", "/v1/cities", &city_with("id", "\"\""), 422, "invalid_id"),
        json("city id with a space", "POST", "/v1/cities", &city_with("id", "\"fr lyon\""), 422, "invalid_id"),
        json("city id starting with a dash", "POST", "/v1/cities", &city_with("id", "\"-lyon\""), 422, "invalid_id"),
        json("city id with an accent", "POST", "/v1/cities", &city_with("id", "\"br-são-paulo\""), 422, "invalid_id"),
        json("bad id in a link", "POST", "/v1/partnerships", r#"{"cities":["fr-paris","Bad Id"]}"#, 422, "invalid_id"),
        json("bad partnership id", "POST", "/v1/partnerships", r#"{"id":"NEW","cities":["de-berlin","za-durban"]}"#, 422, "invalid_id"),
        json("bad network id", "POST", "/v1/networks", r#"{"id":"C40","name":"X"}"#, 422, "invalid_id"),
        json("bad network in a membership", "POST", "/v1/memberships", r#"{"city":"de-berlin","network":"C40"}"#, 422, "invalid_id"),
        // Invalid dates.
        json("30 February", "POST", ev, r#"{"type":"suspended","date":"2019-02-30"}"#, 422, "invalid_date"),
        json("month 13", "POST", ev, r#"{"type":"suspended","date":"2019-13"}"#, 422, "invalid_date"),
        json("yesterday", "POST", ev, r#"{"type":"suspended","date":"yesterday"}"#, 422, "invalid_date"),
        json("one-digit month", "POST", ev, r#"{"type":"suspended","date":"2019-6"}"#, 422, "invalid_date"),
        json("slashes", "POST", ev, r#"{"type":"suspended","date":"2019/06/01"}"#, 422, "invalid_date"),
        json("year zero", "POST", ev, r#"{"type":"suspended","date":"0000"}"#, 422, "invalid_date"),
        json("29 February of a common year", "POST", "/v1/memberships", r#"{"city":"de-berlin","network":"c40","joined":"2019-02-29"}"#, 422, "invalid_date"),
        json("two-digit founding year", "POST", "/v1/networks", r#"{"id":"xx-net","name":"X","founded":"19"}"#, 422, "invalid_date"),
        json("invalid date in a new link", "POST", "/v1/partnerships", &link_with_events(r#"[{"type":"established","date":"2019-02-30"}]"#), 422, "invalid_date"),
        // Out-of-range values and other invalid values.
        json("lat 90.5", "POST", "/v1/cities", &city_with("lat", "90.5"), 422, "out_of_range"),
        json("lat -91", "POST", "/v1/cities", &city_with("lat", "-91"), 422, "out_of_range"),
        json("lon 180.01", "POST", "/v1/cities", &city_with("lon", "180.01"), 422, "out_of_range"),
        json("lon -200", "POST", "/v1/cities", &city_with("lon", "-200"), 422, "out_of_range"),
        json("patch lat out of range", "PATCH", "/v1/cities/fr-paris", r#"{"lat":100}"#, 422, "out_of_range"),
        json("wikidata without Q", "POST", "/v1/cities", &city_with("wikidata", "\"90\""), 422, "out_of_range"),
        json("lower-case country", "POST", "/v1/cities", &city_with("country", "\"fr\""), 422, "invalid_country"),
        json("UK is not ISO", "POST", "/v1/cities", &city_with("country", "\"UK\""), 422, "invalid_country"),
        json("three-letter country", "POST", "/v1/cities", &city_with("country", "\"FRA\""), 422, "invalid_country"),
        json("blank name", "POST", "/v1/cities", &city_with("name", "\"   \""), 422, "empty_field"),
        json("blank network name", "POST", "/v1/networks", r#"{"id":"xx-net","name":""}"#, 422, "empty_field"),
        json("left before joined", "POST", "/v1/memberships", r#"{"city":"de-berlin","network":"c40","joined":"2010","left":"2009"}"#, 422, "invalid_membership_dates"),
        json("patch the id", "PATCH", "/v1/cities/fr-paris", r#"{"id":"fr-lyon"}"#, 422, "immutable_field"),
        json("patch a membership's city", "PATCH", "/v1/memberships/c40--fr-paris", r#"{"city":"de-berlin"}"#, 422, "immutable_field"),
        // Partnership rules.
        json("self partnership", "POST", "/v1/partnerships", r#"{"cities":["fr-paris","fr-paris"]}"#, 422, "self_partnership"),
        json("events out of order", "POST", "/v1/partnerships", &link_with_events(r#"[{"type":"established","date":"2000"},{"type":"suspended","date":"1999-12"}]"#), 422, "invalid_history"),
        json("two establishments", "POST", "/v1/partnerships", &link_with_events(r#"[{"type":"established","date":"2000"},{"type":"established","date":"2001"}]"#), 422, "invalid_history"),
        json("resume without suspension (new link)", "POST", "/v1/partnerships", &link_with_events(r#"[{"type":"established","date":"2000"},{"type":"resumed","date":"2001"}]"#), 422, "invalid_history"),
        json("event after termination (new link)", "POST", "/v1/partnerships", &link_with_events(r#"[{"type":"established","date":"2000"},{"type":"terminated","date":"2001"},{"type":"lapsed","date":"2002"}]"#), 422, "invalid_history"),
        json("resume without suspension", "POST", ev, r#"{"type":"resumed","date":"2020"}"#, 422, "invalid_history"),
        json("second establishment", "POST", ev, r#"{"type":"established","date":"2010"}"#, 422, "invalid_history"),
        json("event before the establishment", "POST", ev, r#"{"type":"suspended","date":"1950"}"#, 422, "invalid_history"),
        json("suspend after termination", "POST", ended, r#"{"type":"suspended","date":"2025"}"#, 422, "invalid_history"),
        json("terminate after termination", "POST", ended, r#"{"type":"terminated","date":"2025"}"#, 422, "invalid_history"),
        json("duplicate active link", "POST", "/v1/partnerships", r#"{"id":"paris-rome-2","cities":["it-rome","fr-paris"],"events":[{"type":"established","date":"2020"}]}"#, 409, "duplicate_partnership"),
        json("duplicate undated link", "POST", "/v1/partnerships", r#"{"id":"sp-durban-2","cities":["za-durban","br-sao-paulo"],"kind":"friendship_city"}"#, 409, "duplicate_partnership"),
        json("existing partnership id", "POST", "/v1/partnerships", r#"{"cities":["it-rome","fr-paris"]}"#, 409, "partnership_exists"),
        json("existing city", "POST", "/v1/cities", &city_with("id", "\"fr-paris\""), 409, "city_exists"),
        json("existing network", "POST", "/v1/networks", r#"{"id":"c40","name":"C40"}"#, 409, "network_exists"),
        json("existing membership", "POST", "/v1/memberships", r#"{"city":"fr-paris","network":"c40"}"#, 409, "membership_exists"),
        get("delete a referenced city", "DELETE", "/v1/cities/fr-paris", 409, "still_referenced"),
        get("delete a network with members", "DELETE", "/v1/networks/c40", 409, "still_referenced"),
        // References to what does not exist.
        json("link to a missing city", "POST", "/v1/partnerships", r#"{"cities":["fr-paris","zz-nowhere"]}"#, 422, "city_not_found"),
        json("membership of a missing network", "POST", "/v1/memberships", r#"{"city":"fr-paris","network":"zz-net"}"#, 422, "network_not_found"),
        json("event on a missing link", "POST", "/v1/partnerships/zz--yy/events", r#"{"type":"renewed","date":"2020"}"#, 404, "partnership_not_found"),
        json("patch a missing network", "PATCH", "/v1/networks/zz-net", r#"{"name":"X"}"#, 404, "network_not_found"),
        get("get a missing city", "GET", "/v1/cities/zz-nowhere", 404, "city_not_found"),
        get("get an impossible city id", "GET", "/v1/cities/%FF", 404, "city_not_found"),
        get("delete a missing membership", "DELETE", "/v1/memberships/zz", 404, "membership_not_found"),
        get("delete a missing partnership", "DELETE", "/v1/partnerships/zz", 404, "partnership_not_found"),
        // Bodies over the limit.
        json("4 KiB city", "POST", "/v1/cities", &big_city, 413, "payload_too_large"),
        json("4 KiB patch", "PATCH", "/v1/cities/fr-paris", &format!(r#"{{"name":"{big_name}"}}"#), 413, "payload_too_large"),
        json("4 KiB event", "POST", ev, &format!(r#"{{"type":"renewed","date":"2020","reason":"{big_name}"}}"#), 413, "payload_too_large"),
        // Wrong content types.
        raw("text/plain body", "POST", "/v1/cities", vec![auth(), ("content-type", "text/plain".into())], CITY.as_bytes(), 415, "unsupported_media_type"),
        raw("no content type", "POST", "/v1/cities", vec![auth()], CITY.as_bytes(), 415, "unsupported_media_type"),
        raw("form body", "POST", "/v1/partnerships", vec![auth(), ("content-type", "application/x-www-form-urlencoded".into())], b"cities=a,b", 415, "unsupported_media_type"),
        raw("XML patch", "PATCH", "/v1/cities/fr-paris", vec![auth(), ("content-type", "application/xml".into())], b"<city/>", 415, "unsupported_media_type"),
        // Unknown routes.
        get("unknown route", "GET", "/v1/nope", 404, "route_not_found"),
        get("unknown version", "GET", "/v2/cities", 404, "route_not_found"),
        get("unknown root path", "GET", "/admin", 404, "route_not_found"),
        get("unknown sub-resource", "GET", "/v1/cities/fr-paris/friends", 404, "route_not_found"),
        get("unknown export format", "GET", "/v1/export/xml", 404, "unknown_format"),
        // Bad query parameters.
        get("limit=0", "GET", "/v1/cities?limit=0", 400, "invalid_parameter"),
        get("limit=abc", "GET", "/v1/cities?limit=abc", 400, "invalid_parameter"),
        get("limit=1001", "GET", "/v1/cities?limit=1001", 400, "invalid_parameter"),
        get("limit=-1", "GET", "/v1/networks?limit=-1", 400, "invalid_parameter"),
        get("limit too large for the type", "GET", "/v1/memberships?limit=99999999999999999999999", 400, "invalid_parameter"),
        get("as_of=20x1", "GET", "/v1/cities/us-chicago/partners?as_of=20x1", 400, "invalid_date"),
        get("as_of=2019-02-30", "GET", "/v1/partnerships/jp-osaka--us-chicago/history?as_of=2019-02-30", 400, "invalid_date"),
        get("as_of=0000", "GET", "/v1/networks/c40/members?as_of=0000", 400, "invalid_date"),
        get("as_of on the city list", "GET", "/v1/cities?network=c40&as_of=soon", 400, "invalid_date"),
        get("as_of on the export", "GET", "/v1/export/ndjson?as_of=bad", 400, "invalid_date"),
        get("status=maybe", "GET", "/v1/cities/us-chicago/partners?status=maybe", 400, "invalid_parameter"),
        get("status=maybe on the list", "GET", "/v1/partnerships?status=maybe", 400, "invalid_parameter"),
        get("kind=twin", "GET", "/v1/cities/us-chicago/partners?kind=twin", 400, "invalid_parameter"),
        get("country=fr", "GET", "/v1/cities?country=fr", 400, "invalid_country"),
        get("region=mars", "GET", "/v1/cities?region=mars", 400, "invalid_region"),
        get("unknown network filter", "GET", "/v1/cities?network=zz-net", 404, "network_not_found"),
        get("since=-1", "GET", "/v1/changes?since=-1", 400, "invalid_parameter"),
        get("all=yes", "GET", "/v1/networks/c40/members?all=yes", 400, "invalid_parameter"),
        get("cascade=maybe", "DELETE", "/v1/cities/fr-paris?cascade=maybe", 400, "invalid_parameter"),
        // Imports.
        raw("import with bad lines", "POST", "/v1/import", vec![auth(), ("content-type", "application/x-ndjson".into())],
            b"{\"type\":\"city\",\"id\":\"xx-a\",\"name\":\"A\",\"country\":\"FR\",\"region\":\"europe\",\"lat\":1,\"lon\":1}\n{\"type\":\"town\"}\n{\"type\":\"partnership\",\"cities\":[\"xx-a\",\"fr-paris\"],\"events\":[{\"type\":\"established\",\"date\":\"2019-13\"}]}\n",
            422, "import_rejected"),
        raw("import referencing a missing city", "POST", "/v1/import", vec![auth(), ("content-type", "application/x-ndjson".into())],
            b"{\"type\":\"partnership\",\"cities\":[\"zz-a\",\"fr-paris\"]}", 422, "import_rejected"),
        raw("import of a duplicate link", "POST", "/v1/import", vec![auth(), ("content-type", "application/x-ndjson".into())],
            b"{\"type\":\"partnership\",\"id\":\"dup-x\",\"cities\":[\"fr-paris\",\"it-rome\"]}", 422, "import_rejected"),
        raw("import that is not UTF-8", "POST", "/v1/import", vec![auth(), ("content-type", "application/x-ndjson".into())], b"\xff\xfe{}", 400, "invalid_body"),
        // Auth comes first.
        raw("write without a token", "POST", "/v1/cities", vec![json_ct()], CITY.as_bytes(), 401, "unauthorized"),
        raw("write with a wrong token", "POST", "/v1/cities", vec![json_ct(), ("authorization", "Bearer nope".into())], CITY.as_bytes(), 401, "unauthorized"),
        raw("token without Bearer", "POST", "/v1/cities", vec![json_ct(), ("authorization", TOKEN.into())], CITY.as_bytes(), 401, "unauthorized"),
        raw("basic auth", "DELETE", "/v1/cities/fr-paris?cascade=true", vec![("authorization", "Basic dXNlcjpwYXNz".into())], b"", 401, "unauthorized"),
    ]
}

#[test]
fn every_bad_request_gets_its_status_and_code_and_changes_nothing() {
    let s = Server::start_with(
        ServerOptions::with_token().env("CITYGRAPH_JSON_LIMIT", &JSON_LIMIT.to_string()),
    );
    let fixture = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rich.ndjson"),
    )
    .unwrap();
    let (k, v) = auth();
    s.raw(
        "POST",
        "/v1/import",
        &[(k, v.as_str()), ("content-type", "application/x-ndjson")],
        Some(fixture),
    )
    .expect(200);
    let before = s.export();
    let version = s.version();

    let cases = corpus();
    let mut failures = Vec::new();
    for c in &cases {
        let headers: Vec<(&str, &str)> = c.headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = s.raw(c.method, &c.path, &headers, c.body.clone());
        if let Some(e) = problem_shape_error(&r) {
            failures.push(format!("{}: {e}", c.name));
        }
        if r.status != c.status || r.json["code"] != c.code {
            failures.push(format!(
                "{}: {} {} -> {} {} (expected {} {}): {}",
                c.name,
                c.method,
                c.path,
                r.status,
                r.json["code"],
                c.status,
                c.code,
                r.text()
            ));
        }
        if c.status == 401 && r.header("www-authenticate") != Some("Bearer") {
            failures.push(format!("{}: no WWW-Authenticate: Bearer", c.name));
        }
        if c.code == "import_rejected" && r.json["problems"].as_array().is_none_or(Vec::is_empty) {
            failures.push(format!("{}: no per-line problems: {}", c.name, r.text()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} bad requests got the wrong answer:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );

    // The import with bad lines names each one.
    let c = cases
        .iter()
        .find(|c| c.name == "import with bad lines")
        .unwrap();
    let headers: Vec<(&str, &str)> = c.headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = s.raw(c.method, &c.path, &headers, c.body.clone());
    let lines: Vec<u64> = r.json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 3], "{}", r.text());

    assert_eq!(s.version(), version, "a bad request committed something");
    let after = s.export();
    assert!(
        before == after,
        "the export changed across the bad-input corpus"
    );
    s.get("/readyz").expect(200);
}
