//! Transaction time and safe edits over HTTP on the real binary: reads and analytics at a past
//! graph version (`at_version`, also after a restart, and 410 past retention), `If-Match` on
//! writes (two concurrent PATCHes with one ETag: exactly one 200 and one 412), `PUT`, event
//! corrections by id checked against the whole history, and who and why in the change feed.

mod common;

use common::{city_json, Resp, Server, ServerOptions};
use serde_json::{json, Value};

const TOKENS: &str = "alice:secret1,bob:secret2";

fn start(extra: &[(&str, &str)], data: Option<&std::path::Path>) -> Server {
    let mut opts = ServerOptions {
        tokens: Some(TOKENS.to_owned()),
        ..ServerOptions::default()
    };
    for (k, v) in extra {
        opts = opts.env(k, v);
    }
    if let Some(d) = data {
        opts = opts.data_dir(d);
    }
    Server::start_with(opts)
}

fn send(
    s: &Server,
    method: &str,
    path: &str,
    token: &str,
    body: Option<&Value>,
    if_match: Option<&str>,
) -> Resp {
    let mut headers: Vec<(&str, String)> = vec![("authorization", format!("Bearer {token}"))];
    if let Some(m) = if_match {
        headers.push(("if-match", m.to_owned()));
    }
    let raw = body.map(|b| {
        headers.push(("content-type", "application/json".to_owned()));
        serde_json::to_vec(b).unwrap()
    });
    let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    s.raw(method, path, &headers, raw)
}

fn version_of(r: &Resp) -> u64 {
    r.header("x-graph-version").unwrap().parse().unwrap()
}

fn seed(s: &Server) {
    for (id, name) in [
        ("fr-lyon", "Lyon"),
        ("it-turin", "Turin"),
        ("de-koeln", "Koeln"),
    ] {
        send(
            s,
            "POST",
            "/v1/cities",
            "secret1",
            Some(&city_json(
                id,
                name,
                id[..2].to_uppercase().as_str(),
                "europe",
                45.0,
                5.0,
            )),
            None,
        )
        .expect(201);
    }
}

#[test]
fn reads_and_analytics_answer_at_a_past_version_also_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut s = start(&[], Some(&data));
    seed(&s);
    let link = json!({"cities": ["fr-lyon", "it-turin"], "events": [{"type": "established", "date": "1958"}]});
    let r = send(&s, "POST", "/v1/partnerships", "secret1", Some(&link), None);
    r.expect(201);
    let v_link = version_of(&r);
    send(
        &s,
        "PATCH",
        "/v1/cities/fr-lyon",
        "secret1",
        Some(&json!({"name": "Lyon Metropole"})),
        None,
    )
    .expect(200);
    let link2 = json!({"cities": ["fr-lyon", "de-koeln"], "events": [{"type": "established", "date": "1960"}]});
    send(
        &s,
        "POST",
        "/v1/partnerships",
        "secret1",
        Some(&link2),
        None,
    )
    .expect(201);
    let head = s.version();
    assert_eq!(head, v_link + 2);

    let check = |s: &Server| {
        // An entity read at the version of the first link: the old name, and the answer says
        // which version it is.
        let r = s.get(&format!("/v1/cities/fr-lyon?at_version={v_link}"));
        r.expect(200);
        assert_eq!(r.json["name"], "Lyon");
        assert_eq!(version_of(&r), v_link);
        assert!(r.header("etag").unwrap().contains(&format!("v{v_link}")));
        assert_eq!(s.get("/v1/cities/fr-lyon").json["name"], "Lyon Metropole");
        // A list, with as_of (valid time) beside at_version (transaction time).
        let r = s.get(&format!("/v1/partnerships?at_version={v_link}&status=all"));
        r.expect(200);
        assert_eq!(r.json["items"].as_array().unwrap().len(), 1);
        let r = s.get(&format!(
            "/v1/partnerships?at_version={v_link}&as_of=1950&status=all"
        ));
        assert_eq!(r.json["items"].as_array().unwrap().len(), 0);
        assert_eq!(
            s.get("/v1/partnerships?status=all").json["items"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        // A city that did not exist yet at version 1.
        s.get("/v1/cities/it-turin?at_version=1")
            .expect_problem(404, "city_not_found");
        // Analytics at that version: Lyon has one partner, not two.
        let path = |at: Option<u64>| {
            let base = "/v1/analytics/centrality?metric=degree&normalized=false";
            match at {
                Some(v) => format!("{base}&at_version={v}"),
                None => base.to_owned(),
            }
        };
        let degree = |r: &Resp| {
            r.expect(200);
            r.json["results"]
                .as_array()
                .unwrap()
                .iter()
                .find(|n| n["id"] == "fr-lyon")
                .map(|n| n["value"].as_f64().unwrap())
                .unwrap()
        };
        let then = s.get(&path(Some(v_link)));
        assert_eq!(degree(&then), 1.0);
        assert!(then.json["graph"]["version"].as_u64().unwrap() <= v_link);
        assert_eq!(degree(&s.get(&path(None))), 2.0);
        // The same request again answers the same (cached under that version's basis).
        assert_eq!(s.get(&path(Some(v_link))).bytes, then.bytes);
    };
    check(&s);
    // After a crash the past versions are rebuilt from the change log.
    s.kill_hard();
    let s = start(&[], Some(&data));
    check(&s);
    // Bad and future versions.
    s.get("/v1/cities/fr-lyon?at_version=x")
        .expect_problem(400, "invalid_parameter");
    let r = s.get(&format!("/v1/cities/fr-lyon?at_version={}", head + 50));
    r.expect_problem(503, "version_not_reached");
    assert!(r.header("retry-after").is_some());
}

#[test]
fn versions_behind_the_retention_window_are_410() {
    let s = start(&[("CITYGRAPH_VERSION_RETENTION", "2")], None);
    seed(&s);
    for n in 0..3 {
        send(
            &s,
            "PATCH",
            "/v1/cities/fr-lyon",
            "secret1",
            Some(&json!({"name": format!("L{n}")})),
            None,
        )
        .expect(200);
    }
    let head = s.version();
    s.get(&format!("/v1/cities/fr-lyon?at_version={}", head - 2))
        .expect(200);
    let r = s.get(&format!("/v1/cities/fr-lyon?at_version={}", head - 3));
    r.expect_problem(410, "version_not_retained");
    assert!(r.json["detail"]
        .as_str()
        .unwrap()
        .contains("CITYGRAPH_VERSION_RETENTION"));
}

#[test]
fn if_match_guards_every_write_and_concurrent_editors_cannot_both_win() {
    let s = start(&[], None);
    seed(&s);
    let r = s.get("/v1/cities/fr-lyon");
    let etag = r.header("etag").unwrap().to_owned();
    // Another entity changing does not make this ETag stale.
    send(
        &s,
        "PATCH",
        "/v1/cities/it-turin",
        "secret2",
        Some(&json!({"name": "Torino"})),
        None,
    )
    .expect(200);
    let r = send(
        &s,
        "PATCH",
        "/v1/cities/fr-lyon",
        "secret1",
        Some(&json!({"name": "L1"})),
        Some(&etag),
    );
    r.expect(200);
    let before = s.version();
    let r = send(
        &s,
        "PATCH",
        "/v1/cities/fr-lyon",
        "secret1",
        Some(&json!({"name": "L2"})),
        Some(&etag),
    );
    r.expect_problem(412, "precondition_failed");
    assert_eq!(s.version(), before, "a failed precondition writes nothing");
    assert_eq!(s.get("/v1/cities/fr-lyon").json["name"], "L1");
    send(
        &s,
        "PATCH",
        "/v1/cities/fr-lyon",
        "secret1",
        Some(&json!({"name": "L2"})),
        Some("not an etag"),
    )
    .expect_problem(400, "invalid_precondition");
    // `*` on a missing entity, a delete with a stale ETag.
    send(
        &s,
        "PUT",
        "/v1/cities/es-bilbao",
        "secret1",
        Some(&city_json(
            "es-bilbao",
            "Bilbao",
            "ES",
            "europe",
            43.0,
            -2.9,
        )),
        Some("*"),
    )
    .expect_problem(412, "precondition_failed");
    send(
        &s,
        "DELETE",
        "/v1/cities/fr-lyon",
        "secret1",
        None,
        Some(&etag),
    )
    .expect_problem(412, "precondition_failed");
    // Two editors with the same ETag at the same moment: exactly one wins, in every round.
    for round in 0..20 {
        let etag = s
            .get("/v1/cities/de-koeln")
            .header("etag")
            .unwrap()
            .to_owned();
        let statuses: Vec<u16> = std::thread::scope(|sc| {
            let hs: Vec<_> = ["secret1", "secret2"]
                .into_iter()
                .map(|tok| {
                    let (s, etag) = (&s, etag.clone());
                    sc.spawn(move || {
                        let body = json!({"name": format!("K{round}{tok}")});
                        send(
                            s,
                            "PATCH",
                            "/v1/cities/de-koeln",
                            tok,
                            Some(&body),
                            Some(&etag),
                        )
                        .status
                    })
                })
                .collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let mut sorted = statuses.clone();
        sorted.sort();
        assert_eq!(sorted, [200, 412], "round {round}: {statuses:?}");
    }
}

#[test]
fn put_replaces_whole_entities() {
    let s = start(&[], None);
    seed(&s);
    let bilbao = city_json("es-bilbao", "Bilbao", "ES", "europe", 43.26, -2.93);
    send(
        &s,
        "PUT",
        "/v1/cities/es-bilbao",
        "secret1",
        Some(&bilbao),
        None,
    )
    .expect(201);
    let mut renamed = bilbao.clone();
    renamed["name"] = json!("Bilbo");
    renamed.as_object_mut().unwrap().remove("id");
    let r = send(
        &s,
        "PUT",
        "/v1/cities/es-bilbao",
        "secret1",
        Some(&renamed),
        None,
    );
    r.expect(200);
    assert_eq!(r.json["name"], "Bilbo");
    send(
        &s,
        "PUT",
        "/v1/cities/es-madrid",
        "secret1",
        Some(&bilbao),
        None,
    )
    .expect_problem(400, "invalid_parameter");
    s.get("/v1/cities/es-madrid").expect(404);
    send(
        &s,
        "PUT",
        "/v1/networks/eurocities",
        "secret1",
        Some(&json!({"name": "Eurocities"})),
        None,
    )
    .expect(201);
    let m = json!({"city": "es-bilbao", "network": "eurocities", "joined": "1995"});
    send(
        &s,
        "PUT",
        "/v1/memberships/bilbao-euro",
        "secret1",
        Some(&m),
        None,
    )
    .expect(201);
    let moved = json!({"city": "fr-lyon", "network": "eurocities", "joined": "1995"});
    send(
        &s,
        "PUT",
        "/v1/memberships/bilbao-euro",
        "secret1",
        Some(&moved),
        None,
    )
    .expect_problem(422, "immutable_field");
    // A partnership replaced whole, with its history.
    let p = json!({"cities": ["es-bilbao", "fr-lyon"], "events": [{"type": "established", "date": "1990"}]});
    send(
        &s,
        "PUT",
        "/v1/partnerships/es-bilbao--fr-lyon",
        "secret1",
        Some(&p),
        None,
    )
    .expect(201);
    let p2 = json!({"cities": ["es-bilbao", "fr-lyon"], "note": "n", "events": [{"type": "established", "date": "1990"}, {"type": "lapsed", "date": "2000"}]});
    let r = send(
        &s,
        "PUT",
        "/v1/partnerships/es-bilbao--fr-lyon",
        "secret1",
        Some(&p2),
        None,
    );
    r.expect(200);
    assert_eq!(r.json["status"], "lapsed");
}

#[test]
fn events_are_corrected_by_id_and_every_change_records_who_and_why() {
    let s = start(&[], None);
    seed(&s);
    let link = json!({"cities": ["fr-lyon", "it-turin"], "events": [
        {"type": "established", "date": "1958"},
        {"type": "suspended", "date": "1970"},
        {"type": "resumed", "date": "1975"}
    ]});
    let r = send(&s, "POST", "/v1/partnerships", "secret1", Some(&link), None);
    r.expect(201);
    let id = r.json["id"].as_str().unwrap().to_owned();
    let ids: Vec<&str> = r.json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["e1", "e2", "e3"]);
    let since = s.version();
    // Impossible corrections are refused with the reason and change nothing.
    let r = send(
        &s,
        "PATCH",
        &format!("/v1/partnerships/{id}/events/e3"),
        "secret2",
        Some(&json!({"date": "1965"})),
        None,
    );
    r.expect_problem(422, "invalid_history");
    assert!(
        r.json["detail"].as_str().unwrap().contains("resumed"),
        "{}",
        r.json["detail"]
    );
    send(
        &s,
        "DELETE",
        &format!("/v1/partnerships/{id}/events/e2"),
        "secret2",
        None,
        None,
    )
    .expect_problem(422, "invalid_history");
    send(
        &s,
        "DELETE",
        &format!("/v1/partnerships/{id}/events/e9"),
        "secret2",
        None,
        None,
    )
    .expect_problem(404, "event_not_found");
    assert_eq!(s.version(), since);
    // A correction with a reason, by bob.
    let r = send(
        &s,
        "PATCH",
        &format!("/v1/partnerships/{id}/events/e2?reason=archive%20says%201971"),
        "secret2",
        Some(&json!({"date": "1971"})),
        None,
    );
    r.expect(200);
    assert_eq!(r.json["events"][1]["id"], "e2");
    assert_eq!(r.json["events"][1]["date"], "1971");
    // The partnership's own fields; its cities are its identity.
    let r = send(
        &s,
        "PATCH",
        &format!("/v1/partnerships/{id}"),
        "secret1",
        Some(&json!({"note": "twinned at the fair"})),
        None,
    );
    r.expect(200);
    assert_eq!(r.json["note"], "twinned at the fair");
    send(
        &s,
        "PATCH",
        &format!("/v1/partnerships/{id}"),
        "secret1",
        Some(&json!({"cities": ["fr-lyon", "de-koeln"]})),
        None,
    )
    .expect_problem(422, "immutable_field");
    send(
        &s,
        "PATCH",
        &format!("/v1/partnerships/{id}"),
        "secret1",
        Some(&json!({"events": []})),
        None,
    )
    .expect_problem(400, "unknown_field");
    // The feed names who and why, never a secret.
    let r = s.get(&format!("/v1/changes?since={since}"));
    r.expect(200);
    let text = r.text();
    assert!(
        !text.contains("secret1") && !text.contains("secret2"),
        "{text}"
    );
    let changes = r.json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{text}");
    assert_eq!(changes[0]["op"], "correct_event");
    assert_eq!(changes[0]["who"], "bob");
    assert_eq!(changes[0]["why"], "archive says 1971");
    assert_eq!(changes[1]["who"], "alice");
    assert!(changes[1].get("why").is_none());
    // An over-long reason is refused before anything is written.
    let long = "x".repeat(1001);
    send(
        &s,
        "PATCH",
        &format!("/v1/partnerships/{id}?reason={long}"),
        "secret1",
        Some(&json!({"note": "y"})),
        None,
    )
    .expect_problem(400, "invalid_parameter");
    // Removing the resumption, then the suspension, leaves a valid history at each step.
    send(
        &s,
        "DELETE",
        &format!("/v1/partnerships/{id}/events/e3"),
        "secret1",
        None,
        None,
    )
    .expect(200);
    let r = send(
        &s,
        "DELETE",
        &format!("/v1/partnerships/{id}/events/e2"),
        "secret1",
        None,
        None,
    );
    r.expect(200);
    assert_eq!(r.json["status"], "active");
    assert_eq!(r.json["events"].as_array().unwrap().len(), 1);
}
