//! Analytics as a shared service, on the real binary over loopback: extreme and abusive requests
//! (anonymous, from several addresses, hanging up, identical by the thousand) do not deny service
//! to cheap reads and writes, the server is idle soon after the clients leave; a costly result
//! survives a flood of cheap answers and a membership write; jobs run, report progress, cancel and
//! are limited.

mod common;

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::time::{Duration, Instant};

use common::{Server, ServerOptions, TOKEN};
use serde_json::{json, Value};

/// A `w` x `h` grid of cities joined by sister-city links (every city is a source of
/// betweenness), and a network with the first row as members, as NDJSON.
fn grid(w: usize, h: usize) -> String {
    let id = |x: usize, y: usize| format!("g{x}-{y}");
    let mut lines = vec![json!({"type": "network", "id": "net", "name": "Net"}).to_string()];
    for y in 0..h {
        for x in 0..w {
            lines.push(
                json!({"type": "city", "id": id(x, y), "name": format!("City {x} {y}"),
                    "country": "FR", "region": "europe",
                    "lat": 40.0 + y as f64 * 0.01, "lon": x as f64 * 0.01})
                .to_string(),
            );
            if y == 0 {
                lines.push(
                    json!({"type": "membership", "city": id(x, y), "network": "net", "joined": "2000"})
                        .to_string(),
                );
            }
            for (a, b) in [(x + 1, y), (x, y + 1)] {
                if a < w && b < h {
                    let year = 1950 + (x * 7 + y * 3) % 70;
                    lines.push(
                        json!({"type": "partnership", "cities": [id(x, y), id(a, b)],
                            "kind": "sister_city",
                            "events": [{"type": "established", "date": year.to_string()}]})
                        .to_string(),
                    );
                }
            }
        }
    }
    lines.join("\n")
}

fn load(s: &Server, ndjson: String) {
    let auth = format!("Bearer {TOKEN}");
    s.raw(
        "POST",
        "/v1/import",
        &[
            ("authorization", auth.as_str()),
            ("content-type", "application/x-ndjson"),
        ],
        Some(ndjson.into_bytes()),
    )
    .expect(200);
}

/// CPU seconds (user + system) the process has used, from `/proc/PID/stat`.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("reading /proc");
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap();
    ticks / 100.0
}

/// Waits until the server uses less than a fifth of a core over a one-second window; returns how
/// long that took.
fn wait_idle(s: &Server, within: Duration) -> Duration {
    let start = Instant::now();
    loop {
        let a = cpu_seconds(s.pid());
        std::thread::sleep(Duration::from_secs(1));
        let used = cpu_seconds(s.pid()) - a;
        if used < 0.2 {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < within,
            "the server still uses {used:.2} CPU seconds per second {:?} after its clients left\n{}",
            start.elapsed(),
            s.log()
        );
    }
}

/// A client from its own loopback address (an anonymous client is its address), giving up after
/// `timeout`.
fn client_from(last_octet: u8, timeout: Duration) -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .no_proxy()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, last_octet)))
        .timeout(timeout)
        .build()
        .unwrap()
}

/// Asserts that `path` answers 200 in well under a second (on a new connection, as a new client
/// would ask).
#[track_caller]
fn quick(s: &Server, path: &str) -> Duration {
    let t = Instant::now();
    let r = common::client()
        .get(s.url(path))
        .send()
        .unwrap_or_else(|e| panic!("{path}: {e:?}\n{}", s.log()));
    assert_eq!(r.status().as_u16(), 200, "{path}");
    let took = t.elapsed();
    assert!(
        took < Duration::from_millis(900),
        "{path} took {took:?} under load"
    );
    took
}

/// The extreme requests the attackers send (every iterative and sampling parameter at its bound,
/// `top` at its bound, every BFS family).
const EXTREME: &[&str] = &[
    "/v1/analytics/centrality?metric=betweenness",
    "/v1/analytics/centrality?metric=closeness&top=1000000",
    "/v1/analytics/centrality?metric=harmonic",
    "/v1/analytics/centrality?metric=pagerank&tol=1e-12&max_iter=10000&damping=0.999999",
    "/v1/analytics/centrality?metric=eigenvector&tol=1e-12&max_iter=10000",
    "/v1/analytics/centrality?metric=katz&alpha=0.2499&tol=1e-12&max_iter=10000",
    "/v1/analytics/centrality?metric=betweenness&sample=1000000&seed=7",
    "/v1/analytics/centrality?metric=clustering&top=1000000",
    "/v1/analytics/components?members=true&top=1000000",
    "/v1/cities/g50-50/neighbourhood?depth=6",
];

#[test]
fn extreme_concurrent_anonymous_requests_do_not_deny_service() {
    let s = Server::start();
    load(&s, grid(100, 100));
    // Out-of-bounds parameters are refused at once, with the bound.
    for bad in [
        "/v1/analytics/centrality?metric=pagerank&tol=1e-300",
        "/v1/analytics/centrality?metric=pagerank&max_iter=1000000000000",
        "/v1/analytics/centrality?metric=betweenness&top=100000000000000000000",
        "/v1/analytics/centrality?metric=pagerank&damping=1",
        "/v1/analytics/centrality?metric=betweenness&sample=0",
        "/v1/cities/g1-1/neighbourhood?depth=7",
    ] {
        let r = s.get(bad);
        assert_eq!(r.status, 400, "{bad}: {}", r.text());
        common::assert_problem_shape(&r);
    }

    // Six anonymous clients, from six addresses, each with six requests at a time, send extreme
    // requests for 12 seconds, giving up on each after two seconds (they hang up), and as many
    // distinct expensive ones.
    let stop = Instant::now() + Duration::from_secs(12);
    let base = s.base.clone();
    let attackers: Vec<_> = (0..36usize)
        .map(|t| {
            let base = base.clone();
            let address = 10 + (t % 6) as u8;
            std::thread::spawn(move || {
                let c = client_from(address, Duration::from_secs(2));
                let mut statuses = Vec::new();
                let mut k = t;
                while Instant::now() < stop {
                    let path = if k % 3 == 2 {
                        // Distinct expensive queries: every seed is another computation.
                        format!(
                            "/v1/analytics/centrality?metric=betweenness&sample=9000&seed={}",
                            t * 1000 + k
                        )
                    } else {
                        EXTREME[k % EXTREME.len()].to_owned()
                    };
                    k += 1;
                    match c.get(format!("{base}{path}")).send() {
                        Ok(r) => statuses.push(r.status().as_u16()),
                        Err(_) => statuses.push(0), // gave up: hung up on the server
                    }
                }
                statuses
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(1500));
    // While they run: health, readiness, a partners read and a city read stay quick, a write
    // goes through.
    let mut worst = Duration::ZERO;
    let mut checks = 0;
    while Instant::now() + Duration::from_secs(1) < stop {
        worst = worst.max(quick(&s, "/healthz"));
        worst = worst.max(quick(&s, "/v1/cities/g7-7/partners?as_of=2020"));
        worst = worst.max(quick(&s, "/readyz"));
        worst = worst.max(quick(&s, "/v1/cities/g3-4"));
        checks += 1;
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(checks >= 5, "too few checks ran: {checks}");
    let t = Instant::now();
    s.post(
        "/v1/cities",
        &common::city_json("fr-new", "New", "FR", "europe", 1.0, 2.0),
    )
    .expect(201);
    assert!(
        t.elapsed() < Duration::from_secs(3),
        "a write waited {:?}",
        t.elapsed()
    );
    let mut all = Vec::new();
    for a in attackers {
        all.extend(a.join().unwrap());
    }
    // Every answer was an answer: no server error other than 503 with Retry-After.
    assert!(
        all.iter().all(|&st| matches!(st, 0 | 200 | 429 | 503)),
        "{all:?}"
    );
    assert!(all.contains(&0), "no attacker ever hung up: {all:?}");
    assert!(
        all.iter().any(|&st| st == 429 || st == 503),
        "the attack was never refused: {all:?}"
    );
    // The clients are gone: their computations stop and the server goes idle within seconds.
    let took = wait_idle(&s, Duration::from_secs(15));
    eprintln!("idle {took:?} after the attackers left; worst cheap read {worst:?}");
    let m = s.get("/metrics").text();
    let canceled: u64 = m
        .lines()
        .filter(|l| {
            l.starts_with("citygraph_analytics_total{") && l.contains("outcome=\"canceled\"")
        })
        .map(|l| l.rsplit(' ').next().unwrap().parse::<u64>().unwrap())
        .sum();
    assert!(canceled > 0, "no abandoned computation was cancelled:\n{m}");
    // And a cheap analytics query answers.
    s.get("/v1/analytics/lapses?from=1990&to=2000").expect(200);
    s.get("/v1/analytics/centrality?metric=degree&top=5")
        .expect(200);
}

/// Sends `GET path` on a raw connection and leaves the answer unread.
fn send_only(base: &str, path: &str) -> TcpStream {
    let addr = base.trim_start_matches("http://");
    let mut c = TcpStream::connect(addr).unwrap();
    write!(c, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    c
}

/// The soft limit of open files, raised towards the hard limit; the number of connections the
/// test may open.
fn connections_allowed(wanted: usize) -> usize {
    use nix::sys::resource::{getrlimit, setrlimit, Resource};
    let (soft, hard) = getrlimit(Resource::RLIMIT_NOFILE).unwrap();
    let target = hard.min(2 * wanted as u64 + 512);
    if target > soft {
        let _ = setrlimit(Resource::RLIMIT_NOFILE, target, hard);
    }
    let (soft, _) = getrlimit(Resource::RLIMIT_NOFILE).unwrap();
    // Both ends of every connection live on this machine: the server's share comes from the same
    // limit, inherited.
    (soft.saturating_sub(256) as usize).min(wanted)
}

#[test]
fn a_thousand_identical_requests_hold_no_thread_and_leave_nothing_behind() {
    let n = connections_allowed(1200);
    // The server inherits the raised limit; a deadline long enough for a debug build.
    let s =
        Server::start_with(ServerOptions::with_token().env("CITYGRAPH_ANALYTICS_TIMEOUT", "300"));
    load(&s, grid(70, 70));
    let path = "/v1/analytics/centrality?metric=closeness&top=3";
    let mut conns: Vec<TcpStream> = (0..n).map(|_| send_only(&s.base, path)).collect();
    // Let the server take in the burst (a debug build spends about a millisecond on each).
    std::thread::sleep(Duration::from_secs(3));
    // Writes, imports and reads still go through while they all wait.
    quick(&s, "/healthz");
    quick(&s, "/v1/cities/g1-1/partners");
    let t = Instant::now();
    s.post(
        "/v1/cities",
        &common::city_json("fr-other", "Other", "FR", "europe", 1.0, 2.0),
    )
    .expect(201);
    load(
        &s,
        json!({"type": "city", "id": "fr-third", "name": "Third", "country": "FR",
            "region": "europe", "lat": 1.0, "lon": 2.0})
        .to_string(),
    );
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "writes waited {:?}",
        t.elapsed()
    );
    let m = s.get("/metrics").text();
    let joined = m
        .lines()
        .find(|l| {
            l.starts_with("citygraph_analytics_total{query=\"centrality\",outcome=\"joined\"}")
        })
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    assert!(
        joined as usize + 1 >= n - 16,
        "{n} identical requests, only {joined} joined one computation\n{m}"
    );
    // One of them reads its answer: it is the closeness ranking.
    let mut first = conns.remove(0);
    first
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let mut buf = [0u8; 4096];
    let got = first.read(&mut buf).unwrap();
    let head = String::from_utf8_lossy(&buf[..got]);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    // Everyone hangs up; nothing is left running.
    drop(conns);
    drop(first);
    wait_idle(&s, Duration::from_secs(15));
    quick(&s, "/healthz");
    // A second wave that hangs up at once cancels its computation (a distinct one).
    let wave: Vec<TcpStream> = (0..50)
        .map(|_| send_only(&s.base, "/v1/analytics/centrality?metric=harmonic"))
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    drop(wave);
    wait_idle(&s, Duration::from_secs(15));
    let m = s.get("/metrics").text();
    assert!(
        m.contains("citygraph_analytics_total{query=\"centrality\",outcome=\"canceled\"} 1"),
        "{m}"
    );
    s.get("/v1/analytics/lapses?from=1990&to=2000").expect(200);
    // A client that waits less than the server's deadline (`timeout`) gets 503 when it runs
    // out, and its computation, wanted by no one else, stops.
    let t = Instant::now();
    let r = s.get("/v1/analytics/centrality?metric=closeness&top=7&timeout=0.5");
    r.expect_problem(503, "deadline_exceeded");
    assert!(r.header("retry-after").is_some());
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    wait_idle(&s, Duration::from_secs(15));
    for bad in ["0", "-1", "abc"] {
        s.get(&format!("/v1/analytics/lapses?timeout={bad}"))
            .expect_problem(400, "invalid_parameter");
    }
}

fn counter(s: &Server, query: &str, outcome: &str) -> u64 {
    let m = s.get("/metrics").text();
    let prefix = format!("citygraph_analytics_total{{query=\"{query}\",outcome=\"{outcome}\"}} ");
    m.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map_or(0, |v| v.trim().parse().unwrap())
}

fn gauge(s: &Server, name: &str) -> f64 {
    let m = s.get("/metrics").text();
    m.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")))
        .map_or(0.0, |v| v.trim().parse().unwrap())
}

/// A lean HTTP/1.1 keep-alive client for floods of small GETs (status and body).
struct Raw {
    stream: std::io::BufReader<TcpStream>,
    host: String,
}

impl Raw {
    fn connect(base: &str) -> Raw {
        let host = base.trim_start_matches("http://").to_owned();
        Raw {
            stream: std::io::BufReader::new(TcpStream::connect(&host).unwrap()),
            host,
        }
    }

    fn get(&mut self, path: &str) -> (u16, Vec<u8>) {
        use std::io::BufRead;
        write!(
            self.stream.get_mut(),
            "GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.host
        )
        .unwrap();
        let mut line = String::new();
        self.stream.read_line(&mut line).unwrap();
        let status: u16 = line.split(' ').nth(1).unwrap().parse().unwrap();
        let mut len = 0usize;
        loop {
            line.clear();
            self.stream.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse().unwrap();
                }
            }
        }
        let mut body = vec![0u8; len];
        self.stream.read_exact(&mut body).unwrap();
        (status, body)
    }
}

#[test]
fn a_betweenness_result_survives_25000_cheap_reads_and_a_membership_write() {
    // A small result cache (2 MB) that the cheap answers fill many times over.
    let s = Server::start_with(
        ServerOptions::with_token()
            .env("CITYGRAPH_RESULT_CACHE_MB", "2")
            .env("CITYGRAPH_ANALYTICS_PER_CLIENT", "4"),
    );
    load(&s, grid(30, 30));
    let bc = "/v1/analytics/centrality?metric=betweenness&top=20&as_of=2020";
    let first = s.get(bc);
    first.expect(200);
    assert_eq!(counter(&s, "centrality", "computed"), 1);
    // 25,000 distinct cheap reads from four clients: partners on distinct days (never cached),
    // and distinct lapse reports, timelines and city timelines (cached, evicting one another).
    let base = s.base.clone();
    let workers: Vec<_> = (0..4u32)
        .map(|w| {
            let base = base.clone();
            std::thread::spawn(move || {
                let mut c = Raw::connect(&base);
                for i in 0..6250u32 {
                    let n = w * 6250 + i;
                    let from = 1 + (n / 5) % 9000;
                    let path = match n % 5 {
                        0..=2 => format!(
                            "/v1/cities/g{}-{}/partners?as_of={}-{:02}-{:02}",
                            n % 30,
                            n / 30 % 30,
                            1950 + n % 70,
                            1 + n % 12,
                            1 + n % 28
                        ),
                        3 => format!("/v1/analytics/lapses?from={from}&to={}", from + n % 40),
                        _ if n % 2 == 0 => format!(
                            "/v1/analytics/timeline?from={from}&to={}",
                            from + 1 + n % 30
                        ),
                        _ => format!("/v1/cities/g{}-{}/timeline", n % 30, n / 30 % 30),
                    };
                    let (status, body) = c.get(&path);
                    assert_eq!(status, 200, "{path}: {}", String::from_utf8_lossy(&body));
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    assert!(
        gauge(&s, "citygraph_result_cache_evictions") > 1000.0,
        "the cheap answers did not fill the cache"
    );
    assert!(gauge(&s, "citygraph_result_cache_bytes") <= 2.0 * 1_048_576.0);
    // A membership write: twinning centrality does not read memberships.
    s.post(
        "/v1/memberships",
        &json!({"city": "g9-9", "network": "net", "joined": "2001"}),
    )
    .expect(201);
    let again = s.get(bc);
    again.expect(200);
    assert_eq!(again.bytes, first.bytes, "the same answer");
    assert_eq!(counter(&s, "centrality", "hit"), 1, "served from the cache");
    assert_eq!(counter(&s, "centrality", "computed"), 1, "never recomputed");
    let computed_at: u64 = again.header("x-graph-version").unwrap().parse().unwrap();
    assert!(
        computed_at < s.version(),
        "it names the version it was computed on"
    );
    // A client holding the answer's ETag is told it is still current.
    let etag = again.header("etag").unwrap().to_owned();
    s.raw("GET", bc, &[("if-none-match", etag.as_str())], None)
        .expect(304);
    // A partnership write changes what it reads: recomputed.
    s.post(
        "/v1/partnerships",
        &json!({"cities": ["g0-0", "g29-29"], "kind": "sister_city",
            "events": [{"type": "established", "date": "1990"}]}),
    )
    .expect(201);
    s.raw("GET", bc, &[("if-none-match", etag.as_str())], None)
        .expect(200);
    assert_eq!(counter(&s, "centrality", "computed"), 2);
}

#[test]
fn jobs_run_report_progress_cancel_and_are_limited() {
    let s = Server::start_with(ServerOptions::with_token().env("CITYGRAPH_JOBS_PER_CLIENT", "2"));
    load(&s, grid(80, 80));
    // A quick job: created (202, Location, secret), polled to its end; its result is the body
    // of the synchronous route.
    let r = s.call(
        "POST",
        "/v1/jobs",
        None,
        Some(&json!({"query": "centrality", "params": {"metric": "degree", "top": 5, "as_of": "2020"}})),
    );
    r.expect(202);
    let id = r.json["id"].as_str().unwrap().to_owned();
    assert_eq!(
        r.header("location"),
        Some(format!("/v1/jobs/{id}").as_str())
    );
    assert_eq!(r.json["secret"].as_str().unwrap().len(), 64);
    let done = poll(&s, &id, |j| j["state"] == "succeeded");
    assert_eq!(done["progress"], 1.0);
    assert_eq!(done["result_url"], format!("/v1/jobs/{id}/result"));
    assert!(done["finished_at"].as_str().unwrap().ends_with('Z'));
    let result = s.get(&format!("/v1/jobs/{id}/result"));
    result.expect(200);
    let sync = s.get("/v1/analytics/centrality?metric=degree&top=5&as_of=2020");
    assert_eq!(result.bytes, sync.bytes, "the job's answer is the route's");
    // A long job: progress and an estimate of time left, then cancelled with its secret.
    let r = s.call(
        "POST",
        "/v1/jobs",
        None,
        Some(&json!({"query": "centrality", "params": {"metric": "closeness"}})),
    );
    r.expect(202);
    let long = r.json["id"].as_str().unwrap().to_owned();
    let secret = r.json["secret"].as_str().unwrap().to_owned();
    s.get(&format!("/v1/jobs/{long}/result"))
        .expect_problem(409, "job_not_finished");
    let running = poll(&s, &long, |j| {
        j["state"] == "processing"
            && j["progress"].as_f64().unwrap() > 0.0
            && j["eta_seconds"].is_number()
    });
    assert!(running["started_at"].is_string());
    // The per-client limit: a third active job is refused.
    let r = s.call(
        "POST",
        "/v1/jobs",
        None,
        Some(&json!({"query": "centrality", "params": {"metric": "harmonic"}})),
    );
    r.expect(202);
    let third = r.json["id"].as_str().unwrap().to_owned();
    s.call(
        "POST",
        "/v1/jobs",
        None,
        Some(&json!({"query": "centrality", "params": {"metric": "betweenness"}})),
    )
    .expect_problem(429, "too_many_jobs");
    // Bad queries are refused as the route refuses them.
    s.call(
        "POST",
        "/v1/jobs",
        None,
        Some(&json!({"query": "centrality", "params": {"metric": "pagerank", "tol": 1e-300}})),
    )
    .expect_problem(400, "invalid_parameter");
    s.call("POST", "/v1/jobs", None, Some(&json!({"query": "nope"})))
        .expect_problem(400, "unknown_query");
    s.call(
        "POST",
        "/v1/jobs",
        None,
        Some(&json!({"query": "neighbourhood", "params": {"id": "zz-none"}})),
    )
    .expect_problem(404, "city_not_found");
    // Cancelling needs a token or the job's secret.
    s.call("DELETE", &format!("/v1/jobs/{long}"), None, None)
        .expect_problem(401, "unauthorized");
    s.raw(
        "DELETE",
        &format!("/v1/jobs/{long}"),
        &[("x-job-secret", "not-it")],
        None,
    )
    .expect_problem(403, "forbidden");
    let r = s.raw(
        "DELETE",
        &format!("/v1/jobs/{long}"),
        &[("x-job-secret", secret.as_str())],
        None,
    );
    r.expect(200);
    assert_eq!(r.json["state"], "canceled");
    let r = s.write("DELETE", &format!("/v1/jobs/{third}"), None);
    r.expect(200);
    assert_eq!(r.json["state"], "canceled");
    // A finished job stays as it is.
    let r = s.write("DELETE", &format!("/v1/jobs/{id}"), None);
    assert_eq!(r.json["state"], "succeeded");
    wait_idle(&s, Duration::from_secs(15));
    // The list, newest first, by pages.
    let page = s.get("/v1/jobs?limit=2");
    page.expect(200);
    let items = page.json["items"].as_array().unwrap();
    assert_eq!(items[0]["id"], third.as_str());
    assert_eq!(items[1]["id"], long.as_str());
    let next = page.json["next"].as_str().unwrap();
    let rest = s.get(next);
    assert_eq!(rest.json["items"][0]["id"], id.as_str());
    s.get("/v1/jobs/ffffffff")
        .expect_problem(404, "job_not_found");
}

fn poll(s: &Server, id: &str, done: impl Fn(&Value) -> bool) -> Value {
    let start = Instant::now();
    loop {
        let r = s.get(&format!("/v1/jobs/{id}"));
        r.expect(200);
        if done(&r.json) {
            return r.json;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "job {id} never got there: {}",
            r.text()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn jobs_need_a_token_where_the_server_says_so() {
    let body = json!({"query": "lapses", "params": {"from": 1990}});
    let s = Server::start_with(ServerOptions::with_token().env("CITYGRAPH_JOBS_AUTH", "1"));
    s.call("POST", "/v1/jobs", None, Some(&body))
        .expect_problem(401, "unauthorized");
    s.get("/v1/jobs").expect(200);
    s.post("/v1/jobs", &body).expect(202);
    drop(s);
    let s = Server::start_with(ServerOptions::with_token().env("CITYGRAPH_READ_AUTH", "1"));
    s.call("POST", "/v1/jobs", None, Some(&body))
        .expect_problem(401, "unauthorized");
    s.get("/v1/jobs").expect_problem(401, "unauthorized");
    let r = s.post("/v1/jobs", &body);
    r.expect(202);
    let id = r.json["id"].as_str().unwrap();
    s.get(&format!("/v1/jobs/{id}"))
        .expect_problem(401, "unauthorized");
    s.call("GET", &format!("/v1/jobs/{id}"), Some(TOKEN), None)
        .expect(200);
}

#[test]
fn the_command_line_runs_the_same_queries_as_the_routes() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("grid.ndjson");
    std::fs::write(&file, grid(12, 12)).unwrap();
    common::cli_ok(&data, &["import", file.to_str().unwrap()]);
    let args = [
        "analytics",
        "centrality",
        "--metric",
        "betweenness",
        "--as-of",
        "2018-06-01",
        "--top",
        "3",
    ];
    let json_out = common::cli_ok(&data, &args);
    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    let csv_out = common::cli_ok(&data, &csv_args);
    let lines: Vec<&str> = csv_out.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", csv_out.stdout);
    for col in ["rank", "id", "name", "value"] {
        assert!(lines[0].split(',').any(|c| c == col), "{}", lines[0]);
    }
    let per_city = common::cli_ok(
        &data,
        &["analytics", "neighbourhood", "g5-5", "--depth", "1"],
    );
    // Refused as the route refuses it, before the data folder is read.
    let bad = common::cli(
        &data,
        &[
            "analytics",
            "centrality",
            "--metric",
            "pagerank",
            "--tol",
            "1e-300",
        ],
    );
    assert!(!bad.success());
    assert!(
        bad.stderr.contains("tol: 1e-300 is not in [1e-12, 1]"),
        "{}",
        bad.stderr
    );
    assert!(!common::cli(&data, &["analytics", "nope"]).success());
    // The same answers as the HTTP routes on the same data.
    let s = Server::start_with(ServerOptions::with_token().data_dir(&data));
    let http = s.get("/v1/analytics/centrality?metric=betweenness&as_of=2018-06-01&top=3");
    assert_eq!(json_out.stdout.trim_end().as_bytes(), &http.bytes[..]);
    let http = s.get("/v1/cities/g5-5/neighbourhood?depth=1");
    let cli: Value = serde_json::from_str(&per_city.stdout).unwrap();
    assert_eq!(cli["cities"], http.json["cities"]);
}
