//! Store benchmark: acknowledged writes per second (each flushed to disk before it returns), cold
//! start (open the sled folder and build the snapshot) and resident memory. With `THREADS` > 1,
//! that many writers create cities at once and share flushes (group commit); each write still
//! returns only once it is durable.
//!
//! `cargo run --release -p citygraph-service --example store_bench -- writes N [THREADS]`
//! `cargo run --release -p citygraph-service --example store_bench -- open DATA_DIR [CACHE_MB]`

use std::sync::Arc;
use std::time::Instant;

use citygraph_core::City;
use citygraph_service::{Service, ServiceConfig};
use citygraph_store::{SledStore, StoreOptions};

fn rss_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("writes") => {
            let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2000);
            let threads: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
            let dir = tempfile::tempdir().expect("temp dir");
            let svc = Service::open(
                Arc::new(SledStore::open(dir.path()).expect("open")),
                ServiceConfig::default(),
            )
            .expect("service");
            let start = Instant::now();
            std::thread::scope(|scope| {
                for t in 0..threads.max(1) {
                    let svc = &svc;
                    scope.spawn(move || {
                        for i in (t..n).step_by(threads.max(1)) {
                            let city: City = serde_json::from_value(serde_json::json!({
                                "id": format!("c{i}"), "name": format!("City {i}"), "country": "FR",
                                "region": "europe", "lat": 45.0, "lon": 2.0
                            }))
                            .expect("valid city");
                            svc.create_city(city).expect("write");
                        }
                    });
                }
            });
            let secs = start.elapsed().as_secs_f64();
            assert_eq!(svc.snapshot().cities.len(), n);
            println!(
                "{{\"bench\":\"writes\",\"writes\":{n},\"threads\":{threads},\"seconds\":{secs:.3},\"writes_per_second\":{:.1},\"mean_ms\":{:.3}}}",
                n as f64 / secs,
                secs * 1000.0 / n as f64 * threads.max(1) as f64
            );
        }
        Some("open") => {
            let path = std::path::PathBuf::from(args.get(2).expect("DATA_DIR"));
            let start = Instant::now();
            let mut options = StoreOptions::default();
            if let Some(mb) = args.get(3).and_then(|s| s.parse::<u64>().ok()) {
                options.cache_bytes = mb << 20;
            }
            let store = SledStore::open_with(&path, options).expect("open");
            let svc = Service::open(Arc::new(store), ServiceConfig::default()).expect("service");
            let secs = start.elapsed().as_secs_f64();
            let s = svc.snapshot();
            println!(
                "{{\"bench\":\"open\",\"seconds\":{secs:.3},\"cities\":{},\"partnerships\":{},\"memberships\":{},\"rss_mib\":{:.1},\"peak_rss_mib\":{:.1}}}",
                s.cities.len(),
                s.partnerships.len(),
                s.memberships.len(),
                rss_kib("VmRSS:") as f64 / 1024.0,
                rss_kib("VmHWM:") as f64 / 1024.0
            );
        }
        _ => eprintln!("usage: store_bench writes N [THREADS] | open DATA_DIR [CACHE_MB]"),
    }
}
