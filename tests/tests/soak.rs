//! A soak of the real binary (issue 18): minutes of mixed load on a real sled folder (writers of
//! cities, networks, memberships and partnerships with a token; readers; analytics; exports), with
//! two SIGKILLs and restarts under load and a full disk in between.
//!
//! Asserted: no acknowledged write is lost (after each restart, and at the end, every acknowledged
//! id is read back); no request outlives its deadline (a 30 s client timeout; the analytics
//! deadline answers 503 `deadline_exceeded`, a designed answer); no other 5xx, except 507
//! `insufficient_storage` while the disk is full; connection errors only while the server is being
//! killed and restarted; the server's resident memory stays flat: the largest VmRSS of the second
//! half of each server's life is at most `RSS_FACTOR` times the largest of its first half plus
//! `RSS_SLACK_MB` (the graph grows by the acknowledged writes).
//!
//! The data folder is a 512 MB tmpfs the test mounts, so that the disk can be filled; where
//! mounting is impossible the folder is an ordinary temp folder and only the full-disk part is
//! skipped, with a line saying so. `CITYGRAPH_SOAK_SECS` sets the length (default 150).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use citygraph_interchange::read::{self, Record};
use common::disk::{fill, Tmpfs};
use common::{city_json, Server, ServerOptions, TOKEN};
use reqwest::blocking::Client;
use serde_json::{json, Value};

/// The client-side deadline of every request.
const DEADLINE: Duration = Duration::from_secs(30);
/// Resident memory: in each server life of 10 s or more, the largest VmRSS of the second half may
/// be this many times the largest of the first half ...
const RSS_FACTOR: f64 = 1.25;
/// ... plus this much: the graph grows by the writes of that half, about 1 kB each in memory.
const RSS_SLACK_MB: f64 = 32.0;

fn soak_secs() -> u64 {
    std::env::var("CITYGRAPH_SOAK_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(150)
}

/// What the load saw, shared by the workers and the conductor.
#[derive(Default)]
struct Shared {
    /// The current server's base URL.
    base: RwLock<String>,
    /// Bumped on every kill and restart; a request that saw another epoch began on a dead server.
    epoch: AtomicU64,
    restarting: AtomicBool,
    disk_full: AtomicBool,
    stop: AtomicBool,
    /// Acknowledged writes: the path each can be read at.
    acked: Mutex<Vec<String>>,
    /// Acknowledged city ids, for the writers' links and memberships.
    cities: Mutex<Vec<String>>,
    violations: Mutex<Vec<String>>,
    counts: Mutex<BTreeMap<String, u64>>,
    slowest_ms: AtomicU64,
}

impl Shared {
    fn count(&self, what: String) {
        *self.counts.lock().unwrap().entry(what).or_default() += 1;
    }
    fn violation(&self, v: String) {
        let mut all = self.violations.lock().unwrap();
        if all.len() < 50 {
            all.push(v);
        }
    }
}

struct Answer {
    status: u16,
    json: Value,
}

/// One request under the deadline. `None` when the server could not be reached because it was
/// being killed (anything else unanswered is a violation).
fn send(
    sh: &Shared,
    client: &Client,
    method: reqwest::Method,
    path: &str,
    body: Option<&Value>,
) -> Option<Answer> {
    let epoch = sh.epoch.load(Ordering::SeqCst);
    let base = sh.base.read().unwrap().clone();
    let mut req = client.request(method.clone(), format!("{base}{path}"));
    if method != reqwest::Method::GET {
        req = req.bearer_auth(TOKEN);
    }
    if let Some(b) = body {
        req = req.json(b);
    }
    let started = Instant::now();
    let result = req.send().and_then(|r| {
        let status = r.status().as_u16();
        r.bytes().map(|b| Answer {
            status,
            json: serde_json::from_slice(&b).unwrap_or(Value::Null),
        })
    });
    let ms = started.elapsed().as_millis() as u64;
    sh.slowest_ms.fetch_max(ms, Ordering::Relaxed);
    let op = format!("{method} {}", path.split('?').next().unwrap_or(path));
    match result {
        Ok(a) => {
            let code = a.json["code"].as_str().unwrap_or("");
            let allowed = a.status < 500
                || (a.status == 503 && code == "deadline_exceeded")
                || (a.status == 507
                    && code == "insufficient_storage"
                    && sh.disk_full.load(Ordering::SeqCst));
            if !allowed {
                sh.violation(format!("{op}: {} {}", a.status, a.json));
            }
            if started.elapsed() > DEADLINE {
                sh.violation(format!("{op}: answered after {ms} ms"));
            }
            sh.count(format!(
                "{} {}",
                a.status,
                if a.status >= 400 { code } else { "" }
            ));
            Some(a)
        }
        Err(e) => {
            let dying =
                sh.restarting.load(Ordering::SeqCst) || sh.epoch.load(Ordering::SeqCst) != epoch;
            if e.is_timeout() || !dying {
                sh.violation(format!("{op}: {e} after {ms} ms"));
            } else {
                sh.count("unreachable while restarting".into());
                std::thread::sleep(Duration::from_millis(50));
            }
            None
        }
    }
}

fn client() -> Client {
    Client::builder()
        .no_proxy()
        .timeout(DEADLINE)
        .build()
        .unwrap()
}

/// A writer: cities, and every fifth step a network, a membership and a partnership of its own
/// cities. Every 201 is an acknowledged write.
fn writer(sh: Arc<Shared>, w: usize) {
    let c = client();
    let post = reqwest::Method::POST;
    let mut mine: Vec<String> = Vec::new();
    let mut n = 0usize;
    while !sh.stop.load(Ordering::SeqCst) {
        n += 1;
        let id = format!("fr-w{w}-{n}");
        let mut city = city_json(
            &id,
            &format!("Soak {w} {n}"),
            "FR",
            "europe",
            40.0 + (n % 10) as f64,
            (w * 7 + n % 50) as f64,
        );
        city["population"] = (1000 * n).into();
        if let Some(a) = send(&sh, &c, post.clone(), "/v1/cities", Some(&city)) {
            if a.status == 201 {
                sh.acked.lock().unwrap().push(format!("/v1/cities/{id}"));
                sh.cities.lock().unwrap().push(id.clone());
                mine.push(id.clone());
            }
        }
        if !n.is_multiple_of(5) || mine.len() < 2 {
            continue;
        }
        let net = format!("soak-w{w}-{n}");
        let body = json!({"id": net, "name": format!("Soak network {n}"), "founded": "2001"});
        let Some(a) = send(&sh, &c, post.clone(), "/v1/networks", Some(&body)) else {
            continue;
        };
        if a.status != 201 {
            continue;
        }
        sh.acked.lock().unwrap().push(format!("/v1/networks/{net}"));
        let city = &mine[n % mine.len()];
        let body = json!({"city": city, "network": net, "joined": format!("{}", 1990 + n % 30)});
        if let Some(a) = send(&sh, &c, post.clone(), "/v1/memberships", Some(&body)) {
            if a.status == 201 {
                let id = a.json["id"].as_str().expect("a membership's id").to_owned();
                sh.acked
                    .lock()
                    .unwrap()
                    .push(format!("/v1/memberships/{id}"));
            }
        }
        let (a_city, b_city) = (&mine[mine.len() - 1], &mine[mine.len() - 2]);
        let body = json!({"cities": [a_city, b_city], "kind": "sister_city",
            "events": [{"type": "established", "date": format!("{}-0{}", 1960 + n % 60, 1 + n % 9)}]});
        if let Some(a) = send(&sh, &c, post.clone(), "/v1/partnerships", Some(&body)) {
            if a.status == 201 {
                let id = a.json["id"]
                    .as_str()
                    .expect("a partnership's id")
                    .to_owned();
                sh.acked
                    .lock()
                    .unwrap()
                    .push(format!("/v1/partnerships/{id}"));
            }
        }
    }
}

/// A reader: an acknowledged city, its partners, lists, health.
fn reader(sh: Arc<Shared>, r: usize) {
    let c = client();
    let get = reqwest::Method::GET;
    let mut n = r;
    while !sh.stop.load(Ordering::SeqCst) {
        n += 1;
        let city = {
            let all = sh.cities.lock().unwrap();
            (!all.is_empty()).then(|| all[(n * 7919) % all.len()].clone())
        };
        let paths = match &city {
            Some(id) => vec![
                format!("/v1/cities/{id}"),
                format!("/v1/cities/{id}/partners"),
                format!("/v1/cities/{id}/networks"),
            ],
            None => vec![],
        };
        for p in paths.into_iter().chain([
            "/v1/cities?limit=50&country=FR".to_owned(),
            "/v1/networks".into(),
            "/healthz".into(),
        ]) {
            send(&sh, &c, get.clone(), &p, None);
        }
    }
}

/// Analytics (their results depend on the writes, so the cache keeps being invalidated) and
/// exports of the whole graph.
fn analyst(sh: Arc<Shared>) {
    let c = client();
    let get = reqwest::Method::GET;
    let queries = [
        "/v1/analytics/centrality?metric=degree&top=10",
        "/v1/analytics/components?top=5",
        "/v1/analytics/lapses?from=1950&to=2020",
        "/v1/analytics/saturation?by=region",
        "/v1/analytics/survival?group_by=decade",
        "/v1/analytics/timeline?from=1990&to=2020&by=region",
        "/v1/analytics/centrality?metric=betweenness&top=5",
        "/v1/export/ndjson",
        "/v1/export/geojson",
    ];
    let mut n = 0;
    while !sh.stop.load(Ordering::SeqCst) {
        send(&sh, &c, get.clone(), queries[n % queries.len()], None);
        n += 1;
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Reads every acknowledged write back from `server`: all of them in one NDJSON export (each line
/// read as a record, whose id is the one the write was answered with), and every 25th also at its
/// own route. Returns how many.
fn check_acked(sh: &Shared, server: &Server, when: &str) -> usize {
    let acked = sh.acked.lock().unwrap().clone();
    let c = client();
    let export = c
        .get(server.url("/v1/export/ndjson"))
        .send()
        .and_then(|r| r.error_for_status())
        .and_then(|r| r.text())
        .unwrap_or_else(|e| panic!("{when}: the export failed: {e}"));
    let mut held = std::collections::HashSet::new();
    for line in export.lines() {
        let record = read::parse_line(line)
            .unwrap_or_else(|e| panic!("{when}: an exported line does not read: {e}"))
            .expect("no blank lines in an export");
        let kind = match record {
            Record::City(_) => "cities",
            Record::Network(_) => "networks",
            Record::Membership(_) => "memberships",
            Record::Partnership(_) => "partnerships",
        };
        held.insert(format!("/v1/{kind}/{}", record.id()));
    }
    let mut missing: Vec<String> = acked
        .iter()
        .filter(|p| !held.contains(*p))
        .cloned()
        .collect();
    for path in acked.iter().step_by(25) {
        let r = c
            .get(server.url(path))
            .send()
            .expect("reading an acknowledged write");
        if r.status() != 200 {
            missing.push(format!("{path}: {}", r.status()));
        }
    }
    assert!(
        missing.is_empty(),
        "{when}: {} of {} acknowledged writes are lost, e.g. {:?}",
        missing.len(),
        acked.len(),
        &missing[..missing.len().min(10)]
    );
    acked.len()
}

/// Samples the VmRSS of the running server, in MB, every 500 ms.
fn rss_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[test]
fn minutes_of_mixed_load_with_kills_and_a_full_disk_lose_nothing_and_stay_flat() {
    let secs = soak_secs();
    let fs = Tmpfs::mount(512, "soak: the full-disk part");
    let tmp = tempfile::tempdir().unwrap();
    let root = fs.as_ref().map_or(tmp.path(), |f| f.path()).to_owned();
    let data = root.join("data");
    let seed = tmp.path().join("seed");
    std::fs::create_dir_all(&seed).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/small.ndjson"),
        seed.join("small.ndjson"),
    )
    .unwrap();
    let opts = ServerOptions {
        seed_dir: Some(seed),
        ..ServerOptions::with_token()
    }
    .data_dir(&data)
    .env("CITYGRAPH_RESULT_CACHE_MB", "16")
    .env("CITYGRAPH_MIN_FREE_MB", "1");

    let mut server = Server::start_with(opts.clone());
    let sh = Arc::new(Shared::default());
    *sh.base.write().unwrap() = server.base.clone();
    let mut workers = Vec::new();
    for w in 0..3 {
        let sh = sh.clone();
        workers.push(std::thread::spawn(move || writer(sh, w)));
    }
    for r in 0..2 {
        let sh = sh.clone();
        workers.push(std::thread::spawn(move || reader(sh, r)));
    }
    {
        let sh = sh.clone();
        workers.push(std::thread::spawn(move || analyst(sh)));
    }

    // The resident memory of whichever server runs, sampled every 500 ms by its own thread:
    // (server life, seconds into that life, MB).
    let rss: Arc<Mutex<Vec<(usize, f64, f64)>>> = Arc::default();
    let current = Arc::new(Mutex::new((0usize, Instant::now(), server.pid())));
    let sampler = {
        let (sh, rss, current) = (sh.clone(), rss.clone(), current.clone());
        std::thread::spawn(move || {
            while !sh.stop.load(Ordering::SeqCst) {
                let (life, since, pid) = *current.lock().unwrap();
                if let Some(mb) = rss_mb(pid) {
                    rss.lock()
                        .unwrap()
                        .push((life, since.elapsed().as_secs_f64(), mb));
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        })
    };
    let start = Instant::now();
    let total = Duration::from_secs(secs);
    let at = |f: f64| total.mul_f64(f);
    let mut life = 0usize;
    let mut restarts = 0;
    let mut full_disk_refusals = 0u64;
    let mut phases = vec![
        (at(0.3), "kill"),
        (at(0.45), "fill"),
        (at(0.55), "free"),
        (at(0.7), "kill"),
    ];
    phases.reverse();
    let mut filler: Option<PathBuf> = None;
    while start.elapsed() < total {
        std::thread::sleep(Duration::from_millis(200));
        let Some(&(when, what)) = phases.last() else {
            continue;
        };
        if start.elapsed() < when {
            continue;
        }
        phases.pop();
        match what {
            "kill" => {
                sh.restarting.store(true, Ordering::SeqCst);
                sh.epoch.fetch_add(1, Ordering::SeqCst);
                server.kill_hard();
                server = Server::start_with(opts.clone());
                *sh.base.write().unwrap() = server.base.clone();
                sh.epoch.fetch_add(1, Ordering::SeqCst);
                sh.restarting.store(false, Ordering::SeqCst);
                restarts += 1;
                life += 1;
                *current.lock().unwrap() = (life, Instant::now(), server.pid());
                let n = check_acked(&sh, &server, &format!("after restart {restarts}"));
                println!(
                    "soak: restart {restarts} at {:.0} s: all {n} acknowledged writes read back",
                    start.elapsed().as_secs_f64()
                );
            }
            "fill" => {
                if fs.is_some() {
                    sh.disk_full.store(true, Ordering::SeqCst);
                    filler = Some(fill(&root, 0));
                }
            }
            _ => {
                if let Some(f) = filler.take() {
                    let c = client();
                    let ready = c.get(server.url("/readyz")).send().unwrap();
                    assert_eq!(ready.status(), 503, "readyz on a full disk");
                    full_disk_refusals = sh
                        .counts
                        .lock()
                        .unwrap()
                        .get("507 insufficient_storage")
                        .copied()
                        .unwrap_or(0);
                    std::fs::remove_file(f).unwrap();
                    // Writes answered before the removal may still be 507.
                    std::thread::sleep(Duration::from_secs(1));
                    sh.disk_full.store(false, Ordering::SeqCst);
                    assert!(
                        full_disk_refusals > 0,
                        "no write was refused on the full disk"
                    );
                    println!("soak: the disk was full for {:.0} s: {full_disk_refusals} writes refused with 507", (at(0.55) - at(0.45)).as_secs_f64());
                }
            }
        }
    }
    sh.stop.store(true, Ordering::SeqCst);
    for w in workers {
        w.join().expect("a load thread panicked");
    }
    sampler.join().unwrap();
    let rss = rss.lock().unwrap().clone();
    let acked = check_acked(&sh, &server, "at the end");
    assert!(
        !server.log().contains("panicked"),
        "the server panicked:\n{}",
        server.log()
    );
    // One last restart: the folder holds every acknowledged write.
    server.kill_hard();
    let server = Server::start_with(opts.clone());
    check_acked(&sh, &server, "after the last restart");

    let counts = sh.counts.lock().unwrap().clone();
    let requests: u64 = counts.values().sum();
    println!("soak: {secs} s, {requests} requests, {acked} acknowledged writes, {} restarts under load (and one at the end), slowest answer {} ms", restarts, sh.slowest_ms.load(Ordering::Relaxed));
    println!("soak: answers {counts:?}");
    let mut flat = Vec::new();
    for l in 0..=life {
        let samples: Vec<&(usize, f64, f64)> = rss.iter().filter(|s| s.0 == l).collect();
        let Some(end) = samples.last().map(|s| s.1) else {
            continue;
        };
        if end < 10.0 {
            continue;
        }
        let early = samples
            .iter()
            .filter(|s| s.1 < end / 2.0)
            .map(|s| s.2)
            .fold(0.0, f64::max);
        let later = samples
            .iter()
            .filter(|s| s.1 >= end / 2.0)
            .map(|s| s.2)
            .fold(0.0, f64::max);
        println!("soak: server life {l} ({end:.0} s): max VmRSS early {early:.1} MB, second half {later:.1} MB");
        if later > early * RSS_FACTOR + RSS_SLACK_MB {
            flat.push(format!(
                "life {l}: {later:.1} MB > {RSS_FACTOR} x {early:.1} + {RSS_SLACK_MB} MB"
            ));
        }
    }
    let max_rss = rss.iter().map(|s| s.2).fold(0.0, f64::max);
    println!("soak: max VmRSS {max_rss:.1} MB");
    let violations = sh.violations.lock().unwrap().clone();
    assert!(
        violations.is_empty(),
        "{} violations: {violations:#?}",
        violations.len()
    );
    assert!(flat.is_empty(), "resident memory grew: {flat:?}");
    assert_eq!(restarts, 2);
    assert!(acked > 100, "too little load: {acked} acknowledged writes");
    if fs.is_some() {
        assert!(full_disk_refusals > 0);
    }
}
