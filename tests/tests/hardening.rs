//! Hostile input on the real binary (issue 18): bounded metrics labels, size limits before
//! routing, logs a client cannot inflate, boolean settings, HTTP method handling, CORS rejections as
//! problem details, the bearer scheme in any case, and inputs that used to be accepted although
//! wrong (a number as a date, an unknown cursor, a duplicate id in one import, an import report
//! that missed problems next to syntax errors).

mod common;

use common::{city_json, Server, ServerOptions, TOKEN};
use serde_json::{json, Value};

/// A server with a few cities, a network, a membership and a partnership.
fn small_graph() -> Server {
    let s = Server::start();
    for (id, name, country) in [
        ("fr-paris", "Paris", "FR"),
        ("it-rome", "Rome", "IT"),
        ("de-berlin", "Berlin", "DE"),
    ] {
        s.post(
            "/v1/cities",
            &city_json(id, name, country, "europe", 45.0, 5.0),
        )
        .expect(201);
    }
    s.post(
        "/v1/partnerships",
        &json!({"cities": ["fr-paris", "it-rome"], "kind": "sister_city",
                "events": [{"type": "established", "date": "1956"}]}),
    )
    .expect(201);
    s.post("/v1/networks", &json!({"id": "c40", "name": "C40 Cities"}))
        .expect(201);
    s.post(
        "/v1/memberships",
        &json!({"city": "fr-paris", "network": "c40", "joined": "2005"}),
    )
    .expect(201);
    s
}

#[test]
fn metrics_labels_stay_bounded_whatever_methods_and_paths_clients_invent() {
    let s = Server::start();
    for i in 0..120 {
        let method = format!("{}{i}", "X".repeat(4000));
        let r = s.raw(&method, &format!("/invented/{i}"), &[], None);
        assert_eq!(r.status, 404, "an unknown path is 404 whatever the method");
        common::assert_problem_shape(&r);
        let r = s.raw(&method, "/v1/cities", &[], None);
        r.expect_problem(405, "method_not_allowed");
    }
    let m = s.get("/metrics");
    m.expect(200);
    let text = m.text();
    assert!(
        !text.contains("XXXX") && !text.contains("/invented"),
        "an invented method or path became a label"
    );
    assert!(
        text.contains(
            r#"citygraph_http_requests_total{method="other",route="other",status="404"} 120"#
        ),
        "{text}"
    );
    assert!(
        text.contains(
            r#"citygraph_http_requests_total{method="other",route="/v1/cities",status="405"} 120"#
        ),
        "{text}"
    );
    assert!(
        text.len() < 64 * 1024,
        "metrics grew to {} bytes",
        text.len()
    );
}

#[test]
fn oversize_paths_queries_and_headers_are_refused_before_routing() {
    let s = small_graph();
    let long = "a".repeat(60_000);
    let r = s.get(&format!("/v1/cities/{long}"));
    r.expect_problem(414, "uri_too_long");
    let r = s.raw(
        "PATCH",
        &format!("/v1/partnerships/{long}/events"),
        &[],
        None,
    );
    r.expect_problem(414, "uri_too_long");
    let r = s.get(&format!("/v1/cities?q={}", "b".repeat(20_000)));
    r.expect_problem(414, "uri_too_long");
    let big = "c".repeat(9000);
    let r = s.raw("GET", "/v1/cities", &[("x-filler", big.as_str())], None);
    r.expect_problem(431, "header_too_large");
    let value = "d".repeat(1000);
    let names: Vec<String> = (0..40).map(|i| format!("x-filler-{i}")).collect();
    let headers: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), value.as_str())).collect();
    let r = s.raw("GET", "/healthz", &headers, None);
    r.expect_problem(431, "header_too_large");
    // Paths within the limits still route, and the service is unharmed.
    s.get("/v1/cities/fr-paris").expect(200);
    s.get(&format!("/v1/cities/{}", "e".repeat(1500)))
        .expect_problem(404, "city_not_found");
    s.get("/healthz").expect(200);
}

#[test]
fn client_errors_are_logged_at_debug_only_and_counted_per_status_and_code() {
    let s = Server::start_with(ServerOptions::with_token().env("CITYGRAPH_LOG", "info"));
    let marker = format!("attacker-{}", "z".repeat(1000));
    let mut body_code = String::new();
    for i in 0..200 {
        s.get(&format!("/{marker}/{i}"))
            .expect_problem(404, "route_not_found");
        let r = s.raw(
            "POST",
            "/v1/cities",
            &[
                ("authorization", &format!("Bearer {TOKEN}")),
                ("content-type", "application/json"),
            ],
            Some(format!("{{\"{marker}\": 1}}").into_bytes()),
        );
        assert_eq!(r.status, 400, "{}", r.text());
        common::assert_problem_shape(&r);
        body_code = r.json["code"].as_str().unwrap().to_owned();
        s.raw("PUT", "/healthz", &[("x-note", &marker)], None)
            .expect_problem(405, "method_not_allowed");
    }
    let m = s.get("/metrics").text();
    for line in [
        r#"citygraph_http_errors_total{status="404",code="route_not_found"} 200"#.to_owned(),
        r#"citygraph_http_errors_total{status="405",code="method_not_allowed"} 200"#.to_owned(),
        format!(r#"citygraph_http_errors_total{{status="400",code="{body_code}"}} 200"#),
    ] {
        assert!(m.contains(&line), "missing {line} in\n{m}");
    }
    let log = s.log();
    assert!(
        !log.contains("attacker-zzzz"),
        "client text reached the log at info"
    );
    let warnings = log.lines().filter(|l| l.contains("WARN")).count();
    assert!(
        warnings <= 3,
        "{warnings} warnings for 600 client errors in a few seconds:\n{log}"
    );
    assert!(
        log.len() < 16 * 1024,
        "{} bytes of log for client errors",
        log.len()
    );
}

#[test]
fn boolean_settings_take_every_usual_spelling_or_refuse_to_start() {
    for (value, closed) in [
        ("TRUE", true),
        ("on", true),
        ("Yes", true),
        ("OFF", false),
        ("False", false),
    ] {
        let s = Server::start_with(ServerOptions::with_token().env("CITYGRAPH_READ_AUTH", value));
        let r = s.get("/v1/cities");
        if closed {
            r.expect_problem(401, "unauthorized");
            s.call("GET", "/v1/cities", Some(TOKEN), None).expect(200);
        } else {
            r.expect(200);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let out = common::command()
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["serve", "--bind", "127.0.0.1:0", "--no-seed"])
        .env("CITYGRAPH_READ_AUTH", "maybe")
        .output()
        .expect("running citygraph serve");
    assert!(
        !out.status.success(),
        "a server started with READ_AUTH=maybe"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("CITYGRAPH_READ_AUTH") && err.contains("maybe"),
        "{err}"
    );
}

#[test]
fn methods_head_options_405_bearer_case_and_cors_rejections() {
    let s = Server::start_with(
        ServerOptions::with_token().env("CITYGRAPH_CORS_ORIGINS", "http://dash.example"),
    );
    s.post(
        "/v1/cities",
        &city_json("fr-paris", "Paris", "FR", "europe", 48.8, 2.3),
    )
    .expect(201);
    // HEAD on every kind of GET route: the GET's status and headers, no body.
    for path in [
        "/healthz",
        "/v1/cities/fr-paris",
        "/v1/cities?limit=1",
        "/openapi.json",
    ] {
        let get = s.get(path);
        let head = s.raw("HEAD", path, &[], None);
        assert_eq!(head.status, get.status, "HEAD {path}");
        assert!(head.bytes.is_empty(), "HEAD {path} sent a body");
        assert_eq!(
            head.header("content-type"),
            get.header("content-type"),
            "HEAD {path}"
        );
    }
    assert_eq!(s.raw("HEAD", "/v1/cities/nope", &[], None).status, 404);
    // Another method on a known path: 405 with Allow, also for invented methods.
    let r = s.raw("POST", "/v1/cities/fr-paris", &[], None);
    r.expect_problem(405, "method_not_allowed");
    assert_eq!(
        r.header("allow"),
        Some("GET, PUT, PATCH, DELETE, HEAD, OPTIONS")
    );
    let r = s.raw("BREW", "/healthz", &[], None);
    r.expect_problem(405, "method_not_allowed");
    assert_eq!(r.header("allow"), Some("GET, HEAD, OPTIONS"));
    let r = s.raw("OPTIONS", "/v1/cities", &[], None);
    assert_eq!(r.status, 204);
    assert_eq!(r.header("allow"), Some("GET, POST, HEAD, OPTIONS"));
    // The bearer scheme in any case.
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let auth = format!("{scheme} {TOKEN}");
        let r = s.raw(
            "PATCH",
            "/v1/cities/fr-paris",
            &[
                ("authorization", &auth),
                ("content-type", "application/json"),
            ],
            Some(br#"{"population": 2100000}"#.to_vec()),
        );
        assert_eq!(r.status, 200, "{scheme}: {}", r.text());
    }
    s.raw(
        "PATCH",
        "/v1/cities/fr-paris",
        &[("authorization", "Basic abc")],
        None,
    )
    .expect_problem(401, "unauthorized");
    // CORS: an allowed preflight passes, a refused one is problem details.
    let preflight = |origin: &str| {
        s.raw(
            "OPTIONS",
            "/v1/cities",
            &[("origin", origin), ("access-control-request-method", "GET")],
            None,
        )
    };
    let ok = preflight("http://dash.example");
    assert!(ok.status < 300, "{}", ok.text());
    assert_eq!(
        ok.header("access-control-allow-origin"),
        Some("http://dash.example")
    );
    preflight("http://evil.example").expect_problem(400, "cors_rejected");
}

#[test]
fn inputs_once_accepted_although_wrong_are_refused_with_stable_codes() {
    let s = small_graph();
    let before = s.version();
    let r = s.post(
        "/v1/partnerships/fr-paris--it-rome/events",
        &json!({"type": "suspended", "date": 2001}),
    );
    r.expect_problem(422, "invalid_date");
    let r = s.post(
        "/v1/memberships",
        &json!({"city": "it-rome", "network": "c40", "joined": 2001}),
    );
    r.expect_problem(422, "invalid_date");
    for list in [
        "/v1/cities",
        "/v1/networks",
        "/v1/memberships",
        "/v1/partnerships",
    ] {
        s.get(&format!("{list}?cursor=zz-unknown"))
            .expect_problem(400, "invalid_cursor");
    }
    // A real cursor still pages.
    let first = s.get("/v1/cities?limit=1");
    first.expect(200);
    let next = first.json["next"].as_str().expect("a next link").to_owned();
    s.get(&next).expect(200);
    // One import: a duplicate id, a syntax error and a reference to a missing city, all reported.
    let body = [
        r#"{"type":"city","id":"es-madrid","name":"Madrid","country":"ES","region":"europe","lat":40.4,"lon":-3.7}"#,
        r#"{"type":"city","id":"es-madrid","name":"Madrid 2","country":"ES","region":"europe","lat":40.4,"lon":-3.7}"#,
        r#"{"type":"city", "id": "#,
        r#"{"type":"partnership","id":"es-madrid--pt-nowhere","cities":["es-madrid","pt-nowhere"],"kind":"sister_city","events":[]}"#,
    ]
    .join("\n");
    let r = s.raw(
        "POST",
        "/v1/import",
        &[
            ("authorization", &format!("Bearer {TOKEN}")),
            ("content-type", "application/x-ndjson"),
        ],
        Some(body.into_bytes()),
    );
    r.expect_problem(422, "import_rejected");
    let problems: Vec<(u64, String)> = r.json["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["line"].as_u64().unwrap(),
                p["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        problems,
        vec![
            (2, "duplicate_id_in_import".to_owned()),
            (3, "invalid_record".to_owned()),
            (4, "city_not_found".to_owned()),
        ],
        "{}",
        r.text()
    );
    // A duplicate alone is refused too, and nothing of any of this was written.
    let dup = [
        r#"{"type":"network","id":"iclei","name":"ICLEI"}"#,
        r#"{"type":"network","id":"iclei","name":"ICLEI again"}"#,
    ]
    .join("\n");
    let r = s.raw(
        "POST",
        "/v1/import",
        &[("authorization", &format!("Bearer {TOKEN}"))],
        Some(dup.into_bytes()),
    );
    r.expect_problem(422, "import_rejected");
    assert!(
        r.json["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["line"] == 2 && p["code"] == "duplicate_id_in_import"),
        "{}",
        r.text()
    );
    assert_eq!(s.version(), before);
}

#[test]
fn the_openapi_document_is_as_strict_as_the_checks() {
    let s = Server::start();
    let doc = s.get("/openapi.json").json;
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().unwrap() {
            let Some(responses) = op["responses"].as_object() else {
                continue;
            };
            operations += 1;
            for status in ["405", "414", "431"] {
                assert!(
                    responses.contains_key(status),
                    "{method} {path} lacks {status}"
                );
            }
            if op.get("requestBody").is_some() {
                assert!(responses.contains_key("415"), "{method} {path} lacks 415");
            }
            if method != "get" {
                assert!(responses.contains_key("507"), "{method} {path} lacks 507");
            }
        }
    }
    assert!(operations > 40, "{operations} operations");
    let city = &doc["components"]["schemas"]["City"]["properties"];
    for (field, bound) in [("lat", 90.0), ("lon", 180.0)] {
        assert_eq!(city[field]["minimum"].as_f64(), Some(-bound), "{field}");
        assert_eq!(city[field]["maximum"].as_f64(), Some(bound), "{field}");
    }
    let countries = doc["components"]["schemas"]["CountryCode"]["enum"]
        .as_array()
        .expect("country codes are an enum");
    assert!(countries.contains(&Value::from("FR")) && !countries.contains(&Value::from("ZZ")));
}
