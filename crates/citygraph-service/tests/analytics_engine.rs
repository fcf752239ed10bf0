//! The analytics engine over a real sled store: computations stop when their last waiter leaves
//! and at their deadline, cost estimates refuse work up front, one client cannot hold every slot,
//! identical requests share one computation, writes invalidate only what they can change, and
//! jobs run, report progress and cancel.

use std::sync::Arc;
use std::time::{Duration, Instant};

use citygraph_service::analytics::engine::{ClientId, Held};
use citygraph_service::analytics::request::{Query, QueryName};
use citygraph_service::import::parse_ndjson;
use citygraph_service::jobs::{JobAuth, JobState};
use citygraph_service::{Error, Service, ServiceConfig};
use citygraph_store::SledStore;

/// A `w` x `h` grid of cities joined by sister-city links (no trees: every city is a source of
/// betweenness), and a network of the first row's cities.
fn grid_ndjson(w: usize, h: usize) -> String {
    let id = |x: usize, y: usize| format!("g{x}-{y}");
    let mut lines = vec![r#"{"type":"network","id":"net","name":"Net"}"#.to_owned()];
    for y in 0..h {
        for x in 0..w {
            lines.push(format!(
                r#"{{"type":"city","id":"{}","name":"City {x} {y}","country":"FR","region":"europe","lat":{},"lon":{}}}"#,
                id(x, y),
                40.0 + y as f64 * 0.01,
                x as f64 * 0.01
            ));
            if y == 0 {
                lines.push(format!(
                    r#"{{"type":"membership","city":"{}","network":"net","joined":"2000"}}"#,
                    id(x, y)
                ));
            }
        }
    }
    for y in 0..h {
        for x in 0..w {
            for (a, b) in [(x + 1, y), (x, y + 1)] {
                if a < w && b < h {
                    lines.push(format!(
                        r#"{{"type":"partnership","cities":["{}","{}"],"kind":"sister_city","events":[{{"type":"established","date":"1990"}}]}}"#,
                        id(x, y),
                        id(a, b)
                    ));
                }
            }
        }
    }
    lines.join("\n")
}

struct World {
    svc: Arc<Service>,
    _dir: tempfile::TempDir,
}

fn world(w: usize, h: usize, config: ServiceConfig) -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    let svc = Service::open(Arc::new(store), config).unwrap();
    let records = parse_ndjson(&grid_ndjson(w, h), "grid").unwrap();
    svc.import(records, &|_| {}).unwrap();
    World {
        svc: Arc::new(svc),
        _dir: dir,
    }
}

fn q(name: QueryName, qs: &str) -> Query {
    Query::from_query_string(name, "g0-0", qs).unwrap()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Waits (up to a minute) until `f` holds.
fn eventually(what: &str, f: impl Fn() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < Duration::from_secs(60), "never: {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn counters(svc: &Service, name: QueryName) -> citygraph_service::analytics::engine::QueryCounters {
    svc.engine()
        .stats()
        .queries
        .into_iter()
        .find(|(q, _)| *q == name)
        .unwrap()
        .1
}

fn config() -> ServiceConfig {
    ServiceConfig {
        analytics_threads: Some(1),
        ..ServiceConfig::default()
    }
}

#[test]
fn a_computation_stops_when_its_last_waiter_leaves() {
    let w = world(50, 50, config());
    let svc = &w.svc;
    let me = ClientId("a".into());
    let query = q(QueryName::Centrality, "metric=closeness");
    let Held::Waiting(first) = svc.analyze(query.clone(), &me).unwrap() else {
        panic!("nothing is cached yet");
    };
    // A second, identical request joins the same computation.
    let Held::Waiting(second) = svc.analyze(query.clone(), &ClientId("b".into())).unwrap() else {
        panic!("the computation is in flight");
    };
    assert!(Arc::ptr_eq(first.flight(), second.flight()));
    let flight = first.flight().clone();
    // Past the projection (2,500 cities and 4,900 links), into the searches.
    eventually("the searches have started", || {
        let p = flight.cancel().progress();
        p.total > 7_400 && p.done > 7_400
    });
    drop(first);
    std::thread::sleep(Duration::from_millis(50));
    assert!(
        flight.cancel().reason().is_none(),
        "one waiter is left: it goes on"
    );
    drop(second);
    eventually("the computation has stopped", || flight.outcome().is_some());
    let (outcome, _) = flight.outcome().unwrap();
    assert!(matches!(
        outcome.as_ref().map_err(|e| &**e),
        Err(Error::Canceled)
    ));
    let p = flight.cancel().progress();
    assert!(
        p.done < p.total,
        "it stopped early: {} of {}",
        p.done,
        p.total
    );
    assert_eq!(counters(svc, QueryName::Centrality).canceled, 1);
    assert_eq!(svc.engine().stats().in_flight, 0);
    // The client's slot is free again, and the same query starts anew.
    match svc
        .analyze(q(QueryName::Centrality, "metric=degree"), &me)
        .unwrap()
    {
        Held::Waiting(w) => {
            rt().block_on(w.wait()).unwrap();
        }
        Held::Ready(_) | Held::Pinned(_) => panic!("not computed yet"),
    }
}

#[test]
fn a_computation_stops_at_its_deadline_and_expensive_queries_are_refused_up_front() {
    let w = world(
        50,
        50,
        ServiceConfig {
            analytics_timeout: Duration::from_millis(50),
            analytics_budget: 50_000_000,
            ..config()
        },
    );
    let svc = &w.svc;
    let me = ClientId("a".into());
    let Held::Waiting(waiter) = svc
        .analyze(q(QueryName::Centrality, "metric=betweenness"), &me)
        .unwrap()
    else {
        panic!("not cached");
    };
    let started = Instant::now();
    let err = rt().block_on(waiter.wait()).unwrap_err();
    assert!(matches!(err, Error::DeadlineExceeded), "{err}");
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(
        err.retry_after_secs(),
        Some(citygraph_service::DEADLINE_RETRY_AFTER_SECS)
    );
    assert_eq!(counters(svc, QueryName::Centrality).deadline, 1);
    // Far over the budget: refused before any work, with the estimate.
    let err = svc
        .analyze(
            q(QueryName::Centrality, "metric=pagerank&max_iter=10000"),
            &me,
        )
        .err()
        .unwrap();
    let Error::TooExpensive(e) = &err else {
        panic!("{err}")
    };
    assert_eq!(e.iterations, 10_000);
    assert_eq!(e.nodes, 2500);
    assert!(e.work > e.budget);
    assert_eq!(err.code(), "query_too_expensive");
    // As a job the budget is larger (scaled by the longer deadline).
    svc.create_job(
        q(QueryName::Centrality, "metric=pagerank&max_iter=10000"),
        Default::default(),
        &me,
    )
    .unwrap();
}

#[test]
fn one_client_cannot_hold_every_slot() {
    let w = world(
        50,
        50,
        ServiceConfig {
            analytics_per_client: 2,
            // The point is the scheduling, not the clock: a loaded machine must not turn the
            // computations into deadline errors.
            analytics_timeout: Duration::from_secs(600),
            ..config()
        },
    );
    let svc = &w.svc;
    let greedy = ClientId("greedy".into());
    let waiting = |h: Held| match h {
        Held::Waiting(w) => w,
        _ => panic!("not computed yet"),
    };
    let a = waiting(
        svc.analyze(q(QueryName::Centrality, "metric=closeness"), &greedy)
            .unwrap(),
    );
    let b = waiting(
        svc.analyze(q(QueryName::Centrality, "metric=harmonic"), &greedy)
            .unwrap(),
    );
    // Two in flight is this client's limit: a third is refused.
    let err = svc
        .analyze(q(QueryName::Centrality, "metric=betweenness"), &greedy)
        .err()
        .unwrap();
    assert!(matches!(err, Error::ClientBusy { .. }), "{err}");
    assert_eq!(err.code(), "too_many_requests");
    // Joining an identical computation is not a new one: allowed.
    let joined = waiting(
        svc.analyze(q(QueryName::Centrality, "metric=closeness"), &greedy)
            .unwrap(),
    );
    // Of the two workers, greedy runs on one: its second computation waits, and another client's
    // starts on the other worker.
    let other = waiting(
        svc.analyze(
            q(QueryName::Centrality, "metric=degree"),
            &ClientId("other".into()),
        )
        .unwrap(),
    );
    eventually("the other client's computation starts", || {
        other.flight().started().is_some()
    });
    let start = Instant::now();
    while a.flight().outcome().is_none() && start.elapsed() < Duration::from_secs(60) {
        // Read b first: if b has started, a finished before it did.
        let b_started = b.flight().started().is_some();
        let a_done = a.flight().outcome().is_some();
        assert!(!b_started || a_done, "greedy ran on both workers");
        std::thread::sleep(Duration::from_millis(2));
    }
    let rt = rt();
    for w in [a, b, joined, other] {
        rt.block_on(w.wait()).unwrap();
    }
    assert_eq!(counters(svc, QueryName::Centrality).joined, 1);
}

#[test]
fn writes_invalidate_only_what_they_can_change() {
    let w = world(20, 20, config());
    let svc = &w.svc;
    let me = ClientId::local();
    let rt = rt();
    let answer = |query: Query| match svc.analyze(query, &me).unwrap() {
        Held::Ready(a) => (a, true),
        Held::Waiting(w) => (rt.block_on(w.wait()).unwrap(), false),
        Held::Pinned(_) => unreachable!(),
    };
    let twinning = q(QueryName::Centrality, "metric=betweenness&as_of=2020&top=5");
    let overlap = q(QueryName::Overlap, "networks=net&as_of=2020");
    let (bc, cached) = answer(twinning.clone());
    assert!(!cached);
    let (ov, _) = answer(overlap.clone());
    // A membership write: twinning centrality is still cached, overlap is recomputed.
    let m: citygraph_core::Membership = serde_json::from_value(serde_json::json!({
        "city": "g3-3", "network": "net", "joined": "2001"
    }))
    .unwrap();
    svc.create_membership(m).unwrap();
    let (bc2, cached) = answer(twinning.clone());
    assert!(cached, "a membership write keeps twinning centrality");
    assert!(Arc::ptr_eq(&bc, &bc2));
    assert!(
        bc2.version < svc.version(),
        "served as computed, on its version"
    );
    let (ov2, cached) = answer(overlap.clone());
    assert!(!cached && ov2.bytes != ov.bytes);
    // A partnership write: overlap is kept, twinning centrality is recomputed.
    let p: citygraph_core::Partnership = serde_json::from_value(serde_json::json!({
        "cities": ["g0-0", "g19-19"], "kind": "sister_city",
        "events": [{"type": "established", "date": "1995"}]
    }))
    .unwrap();
    svc.create_partnership(p).unwrap();
    let (_, cached) = answer(overlap);
    assert!(cached, "a partnership write keeps overlap");
    let (bc3, cached) = answer(twinning);
    assert!(!cached);
    assert_ne!(bc3.bytes, bc.bytes);
}

#[test]
fn jobs_run_in_the_background_report_progress_and_cancel() {
    let w = world(
        50,
        50,
        ServiceConfig {
            jobs: citygraph_service::jobs::JobsConfig {
                per_client: 2,
                ..Default::default()
            },
            ..config()
        },
    );
    let svc = &w.svc;
    let me = ClientId("me".into());
    // A quick job runs to completion; its answer is the synchronous one, from the same cache.
    let (job, secret) = svc
        .create_job(
            q(QueryName::Lapses, "from=1980&to=2000"),
            Default::default(),
            &me,
        )
        .unwrap();
    assert_eq!(secret.len(), 64);
    eventually("the job succeeds", || {
        svc.job(&job.id).unwrap().state == JobState::Succeeded
    });
    let done = svc.job(&job.id).unwrap();
    assert_eq!(done.progress, 1.0);
    assert!(done.started_at.is_some() && done.finished_at.is_some());
    let (result, _) = svc.job_result(&job.id).unwrap();
    match svc
        .analyze(q(QueryName::Lapses, "from=1980&to=2000"), &me)
        .unwrap()
    {
        Held::Ready(a) => assert!(Arc::ptr_eq(&a, &result)),
        _ => panic!("the job's answer is in the cache"),
    }
    // A long job reports progress, then is cancelled by its secret: its computation stops.
    let (long, secret) = svc
        .create_job(
            q(QueryName::Centrality, "metric=closeness"),
            Default::default(),
            &me,
        )
        .unwrap();
    assert!(matches!(
        svc.job_result(&long.id).unwrap_err(),
        Error::JobNotFinished { .. }
    ));
    eventually("the job makes progress", || {
        let v = svc.job(&long.id).unwrap();
        v.state == JobState::Processing && v.progress > 0.0 && v.eta_seconds.is_some()
    });
    // The per-client limit: two active jobs, a third is refused.
    let (third, _) = svc
        .create_job(
            q(QueryName::Centrality, "metric=harmonic"),
            Default::default(),
            &me,
        )
        .unwrap();
    let err = svc
        .create_job(
            q(QueryName::Centrality, "metric=degree"),
            Default::default(),
            &me,
        )
        .unwrap_err();
    assert_eq!(err.code(), "too_many_jobs");
    assert!(matches!(
        svc.cancel_job(&long.id, JobAuth::Secret("wrong"))
            .unwrap_err(),
        Error::Forbidden(_)
    ));
    let canceled = svc.cancel_job(&long.id, JobAuth::Secret(&secret)).unwrap();
    assert_eq!(canceled.state, JobState::Canceled);
    eventually("the cancelled job's computation stops", || {
        counters(svc, QueryName::Centrality).canceled == 1
    });
    svc.cancel_job(&third.id, JobAuth::Token).unwrap();
    // A finished job is left as it is.
    assert_eq!(
        svc.cancel_job(&job.id, JobAuth::Token).unwrap().state,
        JobState::Succeeded
    );
    let (list, next) = svc.list_jobs(None, 2).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].id, third.id, "newest first");
    let (rest, _) = svc.list_jobs(next.as_deref(), 10).unwrap();
    assert_eq!(rest.last().unwrap().id, job.id);
}
