//! Why bulk commits write one key at a time: resident memory and time of sled while writing many
//! keys, as 50,000-key batches or as single inserts, with a flush after each 50,000.
//!
//! `cargo run --release -p citygraph-store --example sled_batches -- KEYS CACHE_MB batch|insert`

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0.0)
        / 1024.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: sled_batches KEYS CACHE_MB batch|insert";
    let keys: usize = args.get(1).and_then(|a| a.parse().ok()).expect(usage);
    let cache_mb: u64 = args.get(2).and_then(|a| a.parse().ok()).expect(usage);
    let batched = match args.get(3).map(String::as_str) {
        Some("batch") => true,
        Some("insert") => false,
        _ => panic!("{usage}"),
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let db = sled::Config::new()
        .path(dir.path())
        .cache_capacity(cache_mb << 20)
        .open()
        .expect("open");
    let tree = db.open_tree("t").expect("tree");
    // Values of the size of a partnership record; keys shaped like partnership ids.
    let value = vec![b'x'; 200];
    let chunk = 50_000;
    let start = std::time::Instant::now();
    for c in 0..keys.div_ceil(chunk) {
        let mut batch = sled::Batch::default();
        for i in c * chunk..((c + 1) * chunk).min(keys) {
            let key = format!("c{i}--c{}", i * 7 % keys);
            if batched {
                batch.insert(key.as_bytes(), value.as_slice());
            } else {
                tree.insert(key.as_bytes(), value.as_slice())
                    .expect("insert");
            }
        }
        if batched {
            tree.apply_batch(batch).expect("batch");
        }
        db.flush().expect("flush");
    }
    println!(
        "{{\"keys\":{keys},\"cache_mb\":{cache_mb},\"mode\":\"{}\",\"seconds\":{:.1},\"rss_mib\":{:.0}}}",
        if batched { "batch" } else { "insert" },
        start.elapsed().as_secs_f64(),
        rss_mib()
    );
}
