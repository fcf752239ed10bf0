//! Crash safety of the real binary: a write acknowledged with 2xx survives a SIGKILL.
//!
//! A writer in the test creates cities, partnerships and partnership events over HTTP and records
//! every write the server acknowledged. The server is SIGKILLed at a random moment, restarted on the
//! same data folder, and the test checks that the store opens cleanly (readyz), that every
//! acknowledged write is there, that nothing else is (apart from the one write in flight at the
//! kill, which may or may not have landed), and that the change feed runs 1..=version without gaps.
//! Data accumulates over the cycles.
//!
//! The random choices come from a seeded RNG; the seed is printed, and `CITYGRAPH_CRASH_SEED`
//! replays the same choices (the kill moments still depend on timing).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use common::{client, Server, ServerOptions, TOKEN};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

const CYCLES: usize = 12;

/// One link as the writer knows it: the cities and the acknowledged history.
#[derive(Clone, Debug, PartialEq)]
struct Link {
    cities: [String; 2],
    /// (type, date)
    events: Vec<(String, String)>,
}

/// Everything acknowledged so far.
#[derive(Debug, Default)]
struct Model {
    /// (id, name)
    cities: Vec<(String, String)>,
    links: BTreeMap<String, Link>,
    /// Pairs already used (or attempted) for a link, so a new link is never a duplicate.
    pairs: BTreeSet<(String, String)>,
    /// Acknowledged writes; each one is one commit, so this is also the expected graph version.
    writes: u64,
}

/// One write the test sends.
#[derive(Clone, Debug)]
enum Write {
    City {
        id: String,
        name: String,
    },
    Link {
        id: String,
        link: Link,
    },
    Event {
        id: String,
        kind: String,
        date: String,
    },
}

impl Write {
    fn request(&self) -> (String, Value) {
        match self {
            Write::City { id, name } => (
                "/v1/cities".into(),
                json!({"id": id, "name": name, "country": "FR", "region": "europe", "lat": 45.5, "lon": 4.25,
                       "sources": ["crash-test"]}),
            ),
            Write::Link { link, .. } => (
                "/v1/partnerships".into(),
                json!({"cities": link.cities, "kind": "sister_city",
                       "events": [{"type": "established", "date": link.events[0].1}]}),
            ),
            Write::Event { id, kind, date } => (
                format!("/v1/partnerships/{id}/events"),
                json!({"type": kind, "date": date, "reason": "crash test"}),
            ),
        }
    }

    /// Records the write as acknowledged.
    fn apply(&self, m: &mut Model) {
        match self {
            Write::City { id, name } => m.cities.push((id.clone(), name.clone())),
            Write::Link { id, link } => {
                m.links.insert(id.clone(), link.clone());
            }
            Write::Event { id, kind, date } => m
                .links
                .get_mut(id)
                .expect("events go to known links")
                .events
                .push((kind.clone(), date.clone())),
        }
        m.writes += 1;
    }
}

/// Picks the next write from what is acknowledged.
fn plan(m: &mut Model, rng: &mut StdRng, cycle: usize, step: usize) -> Write {
    let kind = rng.random_range(0..10);
    if kind < 5 || m.cities.len() < 2 {
        let id = format!("c{cycle}-{step}");
        let name = format!("Crash City {cycle}/{step}");
        return Write::City { id, name };
    }
    if kind < 8 || m.links.is_empty() {
        // A new link between two acknowledged cities that were never paired.
        for _ in 0..20 {
            let a = m.cities[rng.random_range(0..m.cities.len())].0.clone();
            let b = m.cities[rng.random_range(0..m.cities.len())].0.clone();
            if a == b {
                continue;
            }
            let pair = if a < b {
                (a.clone(), b.clone())
            } else {
                (b.clone(), a.clone())
            };
            if !m.pairs.insert(pair.clone()) {
                continue;
            }
            let year = rng.random_range(1950..1990).to_string();
            return Write::Link {
                id: format!("{}--{}", pair.0, pair.1),
                link: Link {
                    cities: [a, b],
                    events: vec![("established".into(), year)],
                },
            };
        }
    }
    if m.links.is_empty() {
        let id = format!("c{cycle}-{step}");
        let name = format!("Crash City {cycle}/{step}");
        return Write::City { id, name };
    }
    // The next event of a random link: suspend what is active, resume what is suspended.
    let n = rng.random_range(0..m.links.len());
    let (id, link) = m.links.iter().nth(n).expect("index in range");
    let (last_kind, last_date) = link.events.last().expect("links start established");
    let kind = if last_kind == "suspended" {
        "resumed"
    } else {
        "suspended"
    };
    let year: u32 = last_date.parse().expect("year dates");
    Write::Event {
        id: id.clone(),
        kind: kind.into(),
        date: (year + 1).to_string(),
    }
}

/// Writes until the server goes away; returns the write that was in flight then.
fn writer(base: &str, m: &mut Model, rng: &mut StdRng, cycle: usize) -> Result<Write, String> {
    let http = client();
    for step in 0.. {
        let w = plan(m, rng, cycle, step);
        let (path, body) = w.request();
        let resp = http
            .post(format!("{base}{path}"))
            .bearer_auth(TOKEN)
            .json(&body)
            .timeout(Duration::from_secs(20))
            .send();
        let resp = match resp {
            Ok(r) => r,
            // The server was killed: this write may or may not have landed.
            Err(_) => return Ok(w),
        };
        let status = resp.status();
        let text = match resp.text() {
            Ok(t) => t,
            // Killed between the status line and the body: acknowledged only if 2xx.
            Err(_) if status.is_success() => {
                w.apply(m);
                continue;
            }
            Err(_) => return Ok(w),
        };
        if !status.is_success() {
            return Err(format!("{w:?} was refused with {status}: {text}"));
        }
        w.apply(m);
    }
    unreachable!("the loop ends when the server is killed")
}

fn events_of(v: &Value) -> Vec<(String, String)> {
    v["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_owned(),
                e["date"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Settles the write in flight at the kill (it landed or it did not, nothing in between).
fn settle_in_flight(s: &Server, m: &mut Model, w: Write) {
    match &w {
        Write::City { id, name } => {
            let r = s.get(&format!("/v1/cities/{id}"));
            if r.status == 200 {
                assert_eq!(r.json["name"], name.as_str());
                w.apply(m);
            } else {
                r.expect_problem(404, "city_not_found");
            }
        }
        Write::Link { id, link } => {
            let r = s.get(&format!("/v1/partnerships/{id}"));
            if r.status == 200 {
                assert_eq!(events_of(&r.json), link.events, "in-flight link {id}");
                w.apply(m);
            } else {
                r.expect_problem(404, "partnership_not_found");
            }
        }
        Write::Event { id, kind, date } => {
            let r = s.get(&format!("/v1/partnerships/{id}"));
            r.expect(200);
            let found = events_of(&r.json);
            let acked = &m.links[id].events;
            let mut with = acked.clone();
            with.push((kind.clone(), date.clone()));
            if found == with {
                w.apply(m);
            } else {
                assert_eq!(&found, acked, "history of {id} after the kill");
            }
        }
    }
}

/// Checks the restarted store against everything acknowledged.
fn verify(s: &Server, m: &Model, cycle: usize) {
    let ready = s.get("/readyz");
    ready.expect(200);
    let version = ready.json["version"].as_u64().unwrap();
    assert!(
        version >= m.writes,
        "cycle {cycle}: version {version} < {} acknowledged writes",
        m.writes
    );
    assert_eq!(
        version, m.writes,
        "cycle {cycle}: every commit is one acknowledged write (or the settled in-flight one)"
    );
    assert_eq!(ready.json["cities"].as_u64(), Some(m.cities.len() as u64));
    assert_eq!(
        ready.json["partnerships"].as_u64(),
        Some(m.links.len() as u64)
    );

    for (id, name) in &m.cities {
        let r = s.get(&format!("/v1/cities/{id}"));
        assert_eq!(
            r.status, 200,
            "cycle {cycle}: acknowledged city {id} is lost"
        );
        assert_eq!(r.json["name"], name.as_str());
    }
    for (id, link) in &m.links {
        let r = s.get(&format!("/v1/partnerships/{id}"));
        assert_eq!(
            r.status, 200,
            "cycle {cycle}: acknowledged link {id} is lost"
        );
        let cities: Vec<&str> = r.json["cities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(cities, [link.cities[0].as_str(), link.cities[1].as_str()]);
        assert_eq!(
            events_of(&r.json),
            link.events,
            "cycle {cycle}: history of {id}"
        );
    }

    // The change feed: versions 1..=version, strictly increasing, no gaps.
    let mut since = 0u64;
    let mut expected = 1u64;
    loop {
        let r = s.get(&format!("/v1/changes?since={since}&limit=1000"));
        r.expect(200);
        let changes = r.json["changes"].as_array().unwrap();
        if changes.is_empty() {
            break;
        }
        for c in changes {
            assert_eq!(
                c["version"].as_u64(),
                Some(expected),
                "cycle {cycle}: change feed gap or disorder"
            );
            assert_eq!(c["count"].as_u64(), Some(1), "one entity per write: {c}");
            expected += 1;
        }
        let next = r.json["next_since"].as_u64().unwrap();
        assert!(next > since, "next_since must advance");
        since = next;
    }
    assert_eq!(expected - 1, version, "cycle {cycle}: change feed length");
}

/// The seed of a test's random choices: `CITYGRAPH_CRASH_SEED`, or the clock; printed either way.
fn crash_seed() -> u64 {
    let seed = std::env::var("CITYGRAPH_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(42)
        });
    println!("crash test seed: {seed} (CITYGRAPH_CRASH_SEED={seed} replays the choices)");
    seed
}

#[test]
fn acknowledged_writes_survive_sigkill() {
    let seed = crash_seed();
    let mut rng = StdRng::seed_from_u64(seed);

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let opts = ServerOptions::with_token().data_dir(&dir);
    let mut model = Model::default();
    let mut server = Server::start_with(opts.clone());
    verify(&server, &model, 0);

    for cycle in 1..=CYCLES {
        let delay = Duration::from_millis(rng.random_range(50..=400));
        let mut writer_rng = StdRng::seed_from_u64(rng.random());
        let base = server.base.clone();
        let before = model.writes;
        let in_flight = std::thread::scope(|scope| {
            let model = &mut model;
            let handle = scope.spawn(move || writer(&base, model, &mut writer_rng, cycle));
            std::thread::sleep(delay);
            server.kill_hard();
            handle.join().expect("writer thread")
        })
        .unwrap_or_else(|e| panic!("seed {seed}, cycle {cycle}: {e}"));
        println!(
            "cycle {cycle}: killed after {delay:?}, {} writes acknowledged, in flight: {in_flight:?}",
            model.writes - before
        );

        server = Server::start_with(opts.clone());
        settle_in_flight(&server, &mut model, in_flight);
        verify(&server, &model, cycle);
    }
    println!(
        "{} writes acknowledged over {CYCLES} kills: {} cities, {} links",
        model.writes,
        model.cities.len(),
        model.links.len()
    );
    assert!(model.writes > 0, "the writer never got a write through");
}

/// Several writers at once (their flushes are shared by group commit): after each SIGKILL, every
/// acknowledged city is there, at most the writes in flight were added, and the change feed has
/// no gaps, so the commits that survived are a prefix of those made.
#[test]
fn concurrent_acknowledged_writes_survive_sigkill() {
    const WRITERS: usize = 4;
    const KILLS: usize = 6;
    let mut rng = StdRng::seed_from_u64(crash_seed());
    let tmp = tempfile::tempdir().unwrap();
    let opts = ServerOptions::with_token().data_dir(&tmp.path().join("data"));
    let mut server = Server::start_with(opts.clone());
    // (acknowledged ids, the id in flight at the kill) per writer, accumulated over the cycles.
    let mut acked: Vec<Vec<String>> = vec![Vec::new(); WRITERS];
    let mut total_acked = 0usize;
    for cycle in 1..=KILLS {
        let delay = Duration::from_millis(rng.random_range(100..=500));
        let base = server.base.clone();
        let results: Vec<(Vec<String>, Option<String>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..WRITERS)
                .map(|w| {
                    let base = base.clone();
                    scope.spawn(move || {
                        let http = client();
                        let mut ok = Vec::new();
                        for step in 0.. {
                            let id = format!("g{cycle}-{w}-{step}");
                            let resp = http
                                .post(format!("{base}/v1/cities"))
                                .bearer_auth(TOKEN)
                                .json(&json!({"id": id, "name": id, "country": "FR",
                                              "region": "europe", "lat": 1.0, "lon": 2.0}))
                                .timeout(Duration::from_secs(20))
                                .send();
                            let Ok(r) = resp else {
                                return (ok, Some(id));
                            };
                            let status = r.status();
                            if !status.is_success() {
                                panic!("{id} refused with {status}");
                            }
                            if r.text().is_err() {
                                return (ok, Some(id));
                            }
                            ok.push(id);
                        }
                        unreachable!("the loop ends when the server is killed")
                    })
                })
                .collect();
            std::thread::sleep(delay);
            server.kill_hard();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        server = Server::start_with(opts.clone());
        let mut in_flight_landed = 0;
        for (w, (ok, in_flight)) in results.into_iter().enumerate() {
            total_acked += ok.len();
            acked[w].extend(ok);
            if let Some(id) = in_flight {
                if server.get(&format!("/v1/cities/{id}")).status == 200 {
                    acked[w].push(id);
                    in_flight_landed += 1;
                }
            }
        }
        for id in acked.iter().flatten() {
            assert_eq!(
                server.get(&format!("/v1/cities/{id}")).status,
                200,
                "cycle {cycle}: acknowledged city {id} is lost"
            );
        }
        let known: usize = acked.iter().map(Vec::len).sum();
        let ready = server.get("/readyz");
        ready.expect(200);
        assert_eq!(
            ready.json["cities"].as_u64(),
            Some(known as u64),
            "cycle {cycle}: only acknowledged writes and settled in-flight ones are stored"
        );
        assert_eq!(ready.json["version"].as_u64(), Some(known as u64));
        let mut versions: Vec<u64> = Vec::new();
        let mut since = 0u64;
        loop {
            let feed = server.get(&format!("/v1/changes?since={since}&limit=1000"));
            feed.expect(200);
            let page = feed.json["changes"].as_array().unwrap();
            if page.is_empty() {
                break;
            }
            versions.extend(page.iter().map(|c| c["version"].as_u64().unwrap()));
            since = *versions.last().unwrap();
        }
        assert_eq!(versions, (1..=known as u64).collect::<Vec<_>>());
        println!("cycle {cycle}: killed after {delay:?}, {known} cities ({in_flight_landed} in flight landed)");
    }
    assert!(total_acked > 0, "no write got through");
}

/// An import large enough to be written as a bulk commit, SIGKILLed at random moments (before,
/// during and after its commit point, and during the checkpoint written after it): the store
/// opens as it was before the import or with the whole import, never in between, and
/// the same import succeeds afterwards.
#[test]
fn an_interrupted_bulk_import_is_all_or_nothing() {
    use std::io::Write as _;
    let mut rng = StdRng::seed_from_u64(crash_seed());
    let tmp = tempfile::tempdir().unwrap();
    let line = |id: &str, name: &str| {
        json!({"type": "city", "id": id, "name": name, "country": "FR", "region": "europe",
               "lat": 1.0, "lon": 2.0})
        .to_string()
    };
    // The store before: 200 cities and 100 links between them.
    let first = tmp.path().join("first.ndjson");
    let mut f = std::fs::File::create(&first).unwrap();
    for i in 0..200 {
        writeln!(f, "{}", line(&format!("a{i:03}"), &format!("A {i}"))).unwrap();
    }
    for i in 0..100 {
        let (a, b) = (format!("a{:03}", i), format!("a{:03}", i + 100));
        writeln!(
            f,
            "{}",
            json!({"type": "partnership", "cities": [a, b], "kind": "sister_city",
            "events": [{"type": "established", "date": "1990"}]})
        )
        .unwrap();
    }
    drop(f);
    // The import: renames every old city, ends every old link, adds 12,000 cities.
    let big = tmp.path().join("big.ndjson");
    let mut f = std::fs::File::create(&big).unwrap();
    for i in 0..200 {
        writeln!(f, "{}", line(&format!("a{i:03}"), &format!("Renamed {i}"))).unwrap();
    }
    for i in 0..12_000 {
        writeln!(f, "{}", line(&format!("b{i:05}"), &format!("B {i}"))).unwrap();
    }
    for i in 0..100 {
        let (a, b) = (format!("a{:03}", i), format!("a{:03}", i + 100));
        writeln!(f, "{}", json!({"type": "partnership", "cities": [a, b], "kind": "sister_city",
            "events": [{"type": "established", "date": "1990"}, {"type": "terminated", "date": "2020"}]})).unwrap();
    }
    drop(f);
    let bulk = ["--bulk-threshold", "500"];
    let export = |dir: &std::path::Path| {
        let out = dir.with_extension("export.ndjson");
        let o = common::cli_ok(
            dir,
            &[
                "export",
                "--format",
                "ndjson",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        (std::fs::read(&out).unwrap(), o.stderr)
    };
    let import = |dir: &std::path::Path, file: &std::path::Path| {
        common::cli_ok(dir, &[bulk[0], bulk[1], "import", file.to_str().unwrap()]);
    };

    let reference = tmp.path().join("reference");
    import(&reference, &first);
    let (before, _) = export(&reference);
    let started = std::time::Instant::now();
    import(&reference, &big);
    let import_time = started.elapsed();
    let (after, _) = export(&reference);
    assert_ne!(before, after);

    let dir = tmp.path().join("data");
    import(&dir, &first);
    let (mut rolled_back, mut kept) = (0, 0);
    for cycle in 0..10 {
        // Kills land before, during and after the commit point (and during the checkpoint the
        // import writes after it).
        let delay = import_time.mul_f64(rng.random_range(0.05..1.3));
        let mut child = common::command()
            .arg("--data-dir")
            .arg(&dir)
            .args(bulk)
            .arg("import")
            .arg(&big)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let (now, log) = export(&dir);
        if now == after {
            kept += 1;
            // Back to the state before, for the next cycle.
            std::fs::remove_dir_all(&dir).unwrap();
            import(&dir, &first);
        } else {
            assert!(
                now == before,
                "cycle {cycle}: killed after {delay:?} ({status}), the store is neither the old one nor the imported one"
            );
            if log.contains("removed the pages of a bulk commit") {
                rolled_back += 1;
            }
        }
        println!(
            "cycle {cycle}: killed after {delay:?} of {import_time:?}: {}",
            if now == after {
                "import kept"
            } else {
                "store as before"
            }
        );
    }
    // A kill between the durable pages and the commit point is rare (that window is short);
    // kills on both sides of the commit point are what this test needs to have tested anything.
    println!("{rolled_back} kills left the pages of an uncommitted bulk commit behind");
    assert!(
        kept > 0 && kept < 10,
        "kills did not land on both sides of the commit point ({kept} of 10 kept): nothing was tested"
    );
    import(&dir, &big);
    assert_eq!(export(&dir).0, after);
}
