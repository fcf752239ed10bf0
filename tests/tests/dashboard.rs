//! The dashboard end to end: the real binary on the seed data, its pages and the map read over
//! HTTP, then the page itself in headless Chromium driven by Playwright
//! (`tests/browser/dashboard.test.mjs`, run with node's test runner).
//!
//! The browser part needs node, Debian's chromium and `tests/browser/node_modules` (installed by
//! `scripts/test.sh`). Without them it is skipped with a message, except under `CI=true`, where a
//! missing piece is a failure.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Server, ServerOptions, TOKEN};

/// A hang guard for the whole browser run (about a minute on a quiet machine; software WebGL on a
/// busy one takes longer).
const BROWSER_BUDGET: Duration = Duration::from_secs(300);

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A server on a data folder holding the seed (imported first by the CLI, which has no start
/// deadline, so a busy machine does not fail the test).
fn seeded(dir: &Path) -> Server {
    let mut files: Vec<String> = std::fs::read_dir(repo().join("seed-data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ndjson"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    common::cli_ok(dir, &args);
    Server::start_with(ServerOptions::with_token().data_dir(dir))
}

fn no_redirects() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

/// What the browser run needs, or why it cannot run here.
fn browser_setup() -> Result<(PathBuf, PathBuf), String> {
    let node_ok = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !node_ok {
        return Err("node is not installed".into());
    }
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !chromium.is_file() {
        return Err(format!("no chromium at {}", chromium.display()));
    }
    let dir = repo().join("tests/browser");
    if !dir.join("node_modules/playwright-core").is_dir() {
        return Err("tests/browser/node_modules is missing (run scripts/test.sh or npm ci in tests/browser)".into());
    }
    Ok((chromium, dir))
}

fn artifact_dir() -> PathBuf {
    // <target>/<profile>/deps/<test> -> <target>/dashboard-artifacts
    let exe = std::env::current_exe().unwrap();
    let target = exe.ancestors().nth(3).unwrap_or(Path::new("."));
    target.join("dashboard-artifacts")
}

/// One seeded server for both parts (loading the seed is the slow step).
#[test]
fn the_dashboard_on_the_seed_data() {
    let dir = tempfile::tempdir().unwrap();
    let s = seeded(dir.path());
    pages_policy_and_map(&s);
    // A second server that answers reads only with a token (an empty graph: the check is that the
    // page asks for the token and then reads with it).
    let locked = Server::start_with(ServerOptions::with_token().env("CITYGRAPH_READ_AUTH", "1"));
    locked.get("/v1/map").expect_problem(401, "unauthorized");
    in_headless_chromium(&s, &locked);
}

/// The pages with their policy and caching, and the map in one compact request.
fn pages_policy_and_map(s: &Server) {
    let http = no_redirects();

    let r = http.get(s.url("/?as_of=2019-06-01")).send().unwrap();
    assert_eq!(r.status(), 302);
    assert_eq!(r.headers()["location"], "/dashboard/?as_of=2019-06-01");

    let r = http.get(s.url("/dashboard/")).send().unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
    assert_eq!(r.headers()["cache-control"], "no-cache");
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
    ] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    assert!(!csp.contains("unsafe"), "no unsafe-* source: {csp}");
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    let html = r.text().unwrap();
    let script = html
        .split("src=\"./")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the page loads a script")
        .to_owned();
    let again = http
        .get(s.url("/dashboard/"))
        .header("If-None-Match", &etag)
        .send()
        .unwrap();
    assert_eq!(again.status(), 304);

    let r = http
        .get(s.url(&format!("/dashboard/{script}")))
        .header("Accept-Encoding", "gzip")
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    assert_eq!(
        r.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(r.headers()["content-encoding"], "gzip");

    let r = s.get("/dashboard/assets/nope.js");
    r.expect_problem(404, "asset_not_found");
    let r = s.get("/dashboard/../Cargo.toml");
    assert_eq!(r.status, 404);

    // The map: compressed when asked, with an ETag that a poll sends back.
    let r = http
        .get(s.url("/v1/map"))
        .header("Accept-Encoding", "gzip")
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-encoding"], "gzip");
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    let gz = r.bytes().unwrap().len();
    let plain = s.get("/v1/map");
    plain.expect(200);
    assert!(
        gz * 2 < plain.bytes.len(),
        "gzip {gz} of {}",
        plain.bytes.len()
    );
    let m = &plain.json;
    let cities = m["cities"]["id"].as_array().unwrap().len();
    let links = m["links"]["a"].as_array().unwrap().len();
    let lines = |f: &str| {
        std::fs::read_to_string(repo().join("seed-data").join(f))
            .unwrap()
            .lines()
            .count()
    };
    assert_eq!(
        cities,
        lines("cities.ndjson"),
        "every seed city is on the map"
    );
    assert_eq!(
        links,
        lines("partnerships.ndjson") + lines("partnerships-baltic.ndjson"),
        "every seed link is on the map"
    );
    assert_eq!(
        m["links"]["changes_from"].as_array().unwrap().len(),
        links + 1
    );
    let again = http
        .get(s.url("/v1/map"))
        .header("If-None-Match", &etag)
        .send()
        .unwrap();
    assert_eq!(again.status(), 304);

    // Prague-Beijing on the map: active in 2018, terminated from 2019-10-07 with its reason.
    let ids = m["cities"]["id"].as_array().unwrap();
    let idx = |id: &str| ids.iter().position(|x| x == id).unwrap() as u64;
    let (prague, beijing) = (idx("cz-prague"), idx("cn-beijing"));
    let l = (0..links)
        .find(|&i| {
            let (a, b) = (m["links"]["a"][i].as_u64(), m["links"]["b"][i].as_u64());
            (a, b) == (Some(beijing), Some(prague)) || (a, b) == (Some(prague), Some(beijing))
        })
        .expect("Prague-Beijing is on the map");
    let (lo, hi) = (
        m["links"]["changes_from"][l].as_u64().unwrap() as usize,
        m["links"]["changes_from"][l + 1].as_u64().unwrap() as usize,
    );
    let statuses: Vec<&str> = (lo..hi)
        .map(|c| {
            m["statuses"][m["changes"]["status"][c].as_u64().unwrap() as usize]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(statuses.last(), Some(&"terminated"), "{statuses:?}");
    let last_day = m["changes"]["day"][hi - 1].as_i64().unwrap();
    // 2019-10-07 is 18,176 days after 1970-01-01.
    assert_eq!(last_day, 18_176);

    // Bad input gets a clear error.
    s.get("/v1/map?region=atlantis")
        .expect_problem(400, "invalid_region");
    s.get("/v1/map?country=zz9")
        .expect_problem(400, "invalid_country");
}

/// The page itself, driven by Playwright.
fn in_headless_chromium(s: &Server, locked: &Server) {
    let (chromium, dir) = match browser_setup() {
        Ok(x) => x,
        Err(why) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("the browser test cannot run under CI: {why}")
        }
        Err(why) => {
            eprintln!("skipping the browser test: {why}");
            return;
        }
    };
    let artifacts = artifact_dir();
    let start = Instant::now();
    let mut child = Command::new("node")
        .args(["--test", "--test-concurrency=1", "dashboard.test.mjs"])
        .current_dir(&dir)
        .env("CITYGRAPH_URL", &s.base)
        .env("CITYGRAPH_TOKEN", TOKEN)
        .env("CITYGRAPH_LOCKED_URL", &locked.base)
        .env("CHROMIUM", &chromium)
        .env("ARTIFACT_DIR", &artifacts)
        .stdin(Stdio::null())
        .spawn()
        .expect("starting node");
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > BROWSER_BUDGET {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "the browser test ran past {BROWSER_BUDGET:?}\nserver log:\n{}",
                s.log()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(
        status.success(),
        "the browser test failed ({status}); screenshot and output above\nserver log:\n{}",
        s.log()
    );
    let shot = artifacts.join("dashboard-prague-2020.png");
    assert!(
        std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
        "the screenshot {} was written",
        shot.display()
    );
    eprintln!(
        "browser test passed in {:.1}s; screenshot at {}",
        start.elapsed().as_secs_f64(),
        shot.display()
    );
}
