//! Operations on the real binary: what `/readyz` reports, `CITYGRAPH_READ_AUTH` over `/metrics`
//! and the exports, the read cache's size setting, and a start refused for a bad setting naming
//! it.

mod common;

use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{city_json, command, Server, ServerOptions, TOKEN};

#[test]
fn readyz_reports_the_store_the_version_and_the_analytics_slots() {
    let s = Server::start_with(ServerOptions::with_token().env("CITYGRAPH_MAX_COMPUTATIONS", "3"));
    let r = s.get("/readyz");
    r.expect(200);
    assert_eq!(r.json["status"], "ready");
    assert_eq!(r.json["version"], 0);
    assert_eq!(r.json["store"]["kind"], "sled");
    assert_eq!(r.json["store"]["reachable"], true);
    assert_eq!(r.json["analytics"]["slots"], 3);
    assert_eq!(r.json["analytics"]["running"], 0);
    assert_eq!(r.json["analytics"]["queued"], 0);
    assert_eq!(r.json["analytics"]["free"], true);
    assert!(r.json.get("store_problem").is_none());

    s.post(
        "/v1/cities",
        &city_json("fr-ops", "Ops", "FR", "europe", 45.0, 3.0),
    )
    .expect(201);
    let r = s.get("/readyz");
    r.expect(200);
    assert_eq!(r.json["version"], 1, "the version served");
    assert_eq!(r.json["cities"], 1);
}

/// The value of an unlabelled metric in `/metrics`.
fn metric(s: &Server, name: &str) -> f64 {
    let text = s.get("/metrics").text();
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.trim().parse().ok())
        .unwrap_or_else(|| panic!("{name} in /metrics:\n{text}"))
}

#[test]
fn the_read_cache_answers_a_repeated_read_and_its_setting_turns_it_off() {
    for (mb, cached) in [("4", true), ("0", false)] {
        let s = Server::start_with(ServerOptions::with_token().env("CITYGRAPH_READ_CACHE_MB", mb));
        s.post(
            "/v1/cities",
            &city_json("fr-a", "A", "FR", "europe", 45.0, 3.0),
        )
        .expect(201);
        let first = s.get("/v1/cities/fr-a/partners?as_of=2020-01-01");
        first.expect(200);
        let hits = metric(&s, "citygraph_read_cache_hits");
        let again = s.get("/v1/cities/fr-a/partners?as_of=2020-01-01");
        again.expect(200);
        assert_eq!(again.json, first.json);
        let after = metric(&s, "citygraph_read_cache_hits");
        assert_eq!(
            after > hits,
            cached,
            "CITYGRAPH_READ_CACHE_MB={mb}: hits {hits} -> {after}"
        );
        if !cached {
            assert_eq!(metric(&s, "citygraph_read_cache_bytes"), 0.0);
        }
    }
}

#[test]
fn read_auth_covers_metrics_and_exports() {
    for on in ["1", "true", "YES", "on"] {
        let s = Server::start_with(ServerOptions::with_token().env("CITYGRAPH_READ_AUTH", on));
        for path in [
            "/metrics",
            "/v1/export/ndjson",
            "/v1/export/geojson",
            "/v1/export/csv",
            "/v1/changes",
        ] {
            let r = s.get(path);
            r.expect_problem(401, "unauthorized");
            assert_eq!(r.header("www-authenticate"), Some("Bearer"), "{path}");
            s.call("GET", path, Some("wrong"), None)
                .expect_problem(401, "unauthorized");
            let r = s.call("GET", path, Some(TOKEN), None);
            r.expect(200);
            if path == "/metrics" {
                assert!(r.text().contains("citygraph_graph_version"));
            }
        }
        // Probes stay open.
        s.get("/healthz").expect(200);
        s.get("/readyz").expect(200);
    }
    // Off: open to everyone.
    let s = Server::start_with(ServerOptions::with_token().env("CITYGRAPH_READ_AUTH", "off"));
    s.get("/metrics").expect(200);
    s.get("/v1/export/ndjson").expect(200);
}

/// Starts `citygraph serve` with `env` set and waits for it to exit; its status and stderr.
fn refused_start(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = command();
    cmd.arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["serve", "--no-seed"])
        .args(args)
        .env("CITYGRAPH_API_TOKENS", TOKEN)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if !env.iter().any(|(k, _)| *k == "CITYGRAPH_BIND") {
        cmd.env("CITYGRAPH_BIND", "127.0.0.1:0");
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawning citygraph serve");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let out = child.wait_with_output().unwrap();
            return (
                status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            );
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("citygraph serve started with {env:?} {args:?}; it should have refused");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_refused_start_names_the_setting() {
    for (var, value, says) in [
        (
            "CITYGRAPH_WORKERS",
            "x",
            "CITYGRAPH_WORKERS: expected a non-negative integer, got 'x'",
        ),
        (
            "CITYGRAPH_WORKERS",
            "0",
            "CITYGRAPH_WORKERS: expected a positive integer, got '0'",
        ),
        (
            "CITYGRAPH_JSON_LIMIT",
            "-5",
            "CITYGRAPH_JSON_LIMIT: expected a non-negative integer, got '-5'",
        ),
        (
            "CITYGRAPH_ANALYTICS_TIMEOUT",
            "soon",
            "CITYGRAPH_ANALYTICS_TIMEOUT: expected a number, got 'soon'",
        ),
        (
            "CITYGRAPH_ANALYTICS_TIMEOUT",
            "0",
            "CITYGRAPH_ANALYTICS_TIMEOUT",
        ),
        (
            "CITYGRAPH_CACHE_MB",
            "lots",
            "CITYGRAPH_CACHE_MB: expected a non-negative integer, got 'lots'",
        ),
        (
            "CITYGRAPH_FEED_WAITERS",
            "0",
            "CITYGRAPH_FEED_WAITERS: expected a positive integer, got '0'",
        ),
        ("CITYGRAPH_READ_AUTH", "maybe", "CITYGRAPH_READ_AUTH"),
        ("CITYGRAPH_JOBS_AUTH", "2", "CITYGRAPH_JOBS_AUTH"),
        (
            "CITYGRAPH_BIND",
            "nowhere",
            "CITYGRAPH_BIND (--bind): expected an address such as 127.0.0.1:8080, got 'nowhere'",
        ),
        (
            "CITYGRAPH_STORE_URL",
            "mysql://db/x",
            "CITYGRAPH_STORE_URL (--store): unsupported store URL",
        ),
        (
            "CITYGRAPH_LOG",
            "info,=[",
            "CITYGRAPH_LOG: expected a tracing filter",
        ),
    ] {
        let (code, stderr) = refused_start(&[], &[(var, value)]);
        assert!(
            code.is_some_and(|c| c != 0),
            "{var}={value}: exit {code:?}, stderr:\n{stderr}"
        );
        assert!(
            stderr.contains(says),
            "{var}={value}: the message names the setting; stderr:\n{stderr}"
        );
        assert!(!stderr.contains("listening"), "{stderr}");
    }
    // Given as a flag, the flag is named.
    let (code, stderr) = refused_start(&["--workers", "many"], &[]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("--workers: expected a non-negative integer, got 'many'"),
        "{stderr}"
    );
}
