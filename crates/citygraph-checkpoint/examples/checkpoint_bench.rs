//! Times reading, decoding and encoding a checkpoint image, and the resident memory after the
//! decode.
//!
//! `cargo run --release -p citygraph-checkpoint --example checkpoint_bench -- IMAGE [RUNS]`

use std::time::Instant;

fn rss_mib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(field)).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<f64>().ok())
            })
        })
        .unwrap_or(0.0)
        / 1024.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("IMAGE");
    let runs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    for _ in 0..runs {
        let t = Instant::now();
        let bytes = std::fs::read(path).expect("read");
        let read = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let (snap, header) = citygraph_checkpoint::image::decode(&bytes).expect("decode");
        let decode = t.elapsed().as_secs_f64();
        let rss = rss_mib("VmRSS:");
        let t = Instant::now();
        let again = citygraph_checkpoint::image::encode(&snap, header.fingerprint);
        let encode = t.elapsed().as_secs_f64();
        println!(
            "{{\"bytes\":{},\"read_s\":{read:.3},\"decode_s\":{decode:.3},\"encode_s\":{encode:.3},\"rss_after_decode_mib\":{rss:.1},\"peak_mib\":{:.1},\"partnerships\":{}}}",
            again.len(),
            rss_mib("VmHWM:"),
            header.partnerships
        );
        drop(snap);
    }
}
